"""String-coverage estimate: share of gold toponym strings whose name key is in the gazetteer.

Reads ../shared/eval/corpora/*/*.jsonl (never copied, nothing written). A gold string counts as
covered when its key equals a name key or a demonym key, or it equals an abbreviation exactly.
Also tries the string without a leading/trailing generic word ("Luhansk region" -> "Luhansk"),
reported separately, since the Swift matcher is meant to handle those phrasings.
"""
import glob
import json
import os
import sys
from collections import Counter

from .namekey import build_key as key

SUFFIXES = ("region", "oblast", "province", "state", "county", "district", "city", "republic", "territory",
            "governorate", "prefecture", "parish", "borough", "area")


def load(out):
    names, abbrevs = set(), set()
    with open(os.path.join(out, "places.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            p = line.rstrip("\n").split("\t")
            names.update(key(n) for n in p[10].split("|") if n)
            abbrevs.update(a for a in p[11].split("|") if a)
    with open(os.path.join(out, "demonyms.tsv"), encoding="utf-8") as f:
        for line in f:
            names.add(key(line.split("\t")[0]))
    return names, abbrevs


def stripped(k):
    w = k.split(" ")
    if len(w) > 1 and w[-1] in SUFFIXES:
        return " ".join(w[:-1])
    if len(w) > 2 and w[0] in SUFFIXES and w[1] == "of":
        return " ".join(w[2:])
    return k


def report(out, corpora_dir=None, show_misses=0):
    corpora_dir = corpora_dir or os.path.join(os.path.dirname(os.path.abspath(out)), "..", "shared", "eval",
                                              "corpora")
    files = sorted(glob.glob(os.path.join(corpora_dir, "*", "*.jsonl")))
    if not files:
        print(f"coverage: no corpora under {corpora_dir}")
        return
    names, abbrevs = load(out)
    print("\nstring coverage of gold toponyms (name keys; +suffix rule):")
    tot = tot_hit = tot_hit2 = 0
    for path in files:
        n = hit = hit2 = 0
        misses = Counter()
        with open(path, encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                for t in doc.get("toponyms", []):
                    s = doc["text"][t["start"]:t["end"]]
                    k = key(s)
                    n += 1
                    ok = k in names or s in abbrevs
                    hit += ok
                    ok2 = ok or stripped(k) in names
                    hit2 += ok2
                    if not ok2:
                        misses[s] += 1
        tot, tot_hit, tot_hit2 = tot + n, tot_hit + hit, tot_hit2 + hit2
        print(f"  {os.path.basename(path):18s} {n:6d} toponyms  {100 * hit / n:5.1f} %   {100 * hit2 / n:5.1f} %")
        if show_misses:
            print("    top misses: " + ", ".join(f"{s} ({c})" for s, c in misses.most_common(show_misses)))
    print(f"  {'all':18s} {tot:6d} toponyms  {100 * tot_hit / tot:5.1f} %   {100 * tot_hit2 / tot:5.1f} %")


if __name__ == "__main__":
    report(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None, int(sys.argv[3]) if len(sys.argv) > 3 else 0)
