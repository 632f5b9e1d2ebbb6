"""conflict-dev's fixed split by document: which documents Scripts/train-models may fit on and
which it holds out, so a figure reported on the held-out part is one the models never saw.

Its 23 documents are of two kinds: front-line lists (ISW, Mezha: dense with villages) and
Economist articles (countries, regions, a few towns). Each kind is shuffled with a fixed seed and
a third of it (rounded) held out, so the held-out part has some of both.
"""
import json, os, random

SEED = 18
HELD_OUT_SHARE = 1 / 3
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The assembled corpus (texts and gold), rebuilt by Scripts/eval from the source snapshots.
DEFAULT_GOLD = os.path.join(ROOT, "out", "eval", "conflict-dev.jsonl")


def held_out_ids(records):
    """The ids of the held-out documents among `records` (dicts with id and outlet)."""
    groups = {}
    for record in records:
        kind = "economist" if record.get("outlet") == "The Economist" else "front-line"
        groups.setdefault(kind, []).append(str(record["id"]))
    held = set()
    for kind in sorted(groups):
        ids = sorted(groups[kind])
        random.Random(f"{SEED}:{kind}").shuffle(ids)
        held.update(ids[:round(len(ids) * HELD_OUT_SHARE)])
    return held


def read(path):
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def write_part(gold_path, out_path, held_out):
    """Writes the held-out (held_out=True) or training part of the corpus at gold_path to out_path."""
    records = read(gold_path)
    held = held_out_ids(records)
    tmp = out_path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        for record in records:
            if (str(record["id"]) in held) == held_out:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
    os.replace(tmp, out_path)
    return out_path
