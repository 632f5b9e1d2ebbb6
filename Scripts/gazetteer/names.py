"""Name helpers shared by the stages: generic unit words, official-name unfolding, nickname tests."""
import re

from .entries import clean_name
from .namekey import build_key as key

# Words that name the kind of a unit rather than the unit: dropped to compare admin names.
GENERIC = set("""oblast oblasti region regione regiao province provincia provinz state estado etat county
department departement departamento district governorate muhafazah prefecture ken kray krai respublika
republic republika autonomous okrug avtonomnyy avtonomnaya city municipality misto gorod municipio voivodeship
wojewodztwo canton kanton parish territory capital federal special administrative of the de del la le das do
da des di du autonome communaute comunidad autonoma land bundesland zupanija megye maakunta lan fylke amt
vilayet il ili wilaya shi sheng zizhiqu division""".split())


def core(k):
    w = [t for t in k.split(" ") if t not in GENERIC]
    return " ".join(w)


def ne_names(rec):
    out = []
    for f in ("name", "woe_name", "gn_name"):
        if rec.get(f):
            out.append(rec[f])
    if rec.get("woe_label"):
        out.append(rec["woe_label"].split(",")[0])
    return [n for n in (clean_name(x) for x in out) if n]


def is_descriptive_phrase(name, unit_names, words):
    """A nickname or description rather than a name of the unit: Latin-script, shares no word stem with the
    unit's names, and has three or more words, or a lower-case word ("Dawn of Ukraine", "Kin the beautiful"), or
    only English words ("Second City", "East Coast"). Single words and foreign-language forms stay
    ("Luhanshchyna", "Vienna", "Mont-Liban")."""
    if not re.fullmatch(r"[\u0000-\u024F\u0300-\u036F\u1E00-\u1EFF\u2000-\u206F]*", name):
        return False
    tokens = name.split()
    if len(tokens) < 2:
        return False
    stems = set()
    for n in unit_names:
        stems |= word_stems(n)
    if word_stems(name) & stems:
        return False
    lower = any(t[:1].islower() for t in tokens)
    english = all(key(t) in words for t in tokens)
    return len(tokens) >= 3 or lower or english


def word_stems(name):
    """First four letters of each word that is not a generic word, and of the name's letters run together
    ("Nay Pyi Taw" and "Naypyitaw Union Territory" share "nayp")."""
    words = [t for t in key(name).split(" ") if t not in GENERIC]
    stems = {t[:4] for t in words if len(t) >= 4}
    joined = "".join(words)
    if len(joined) >= 4:
        stems.add(joined[:4])
    return stems


def official_forms(name):
    """Names from authoritative sources, with 'Korea, Republic of' and 'Myanmar (Burma)' forms unfolded."""
    name = clean_name(name)
    if not name:
        return []
    out = []
    m = re.fullmatch(r"(.*?)\s*\((.*)\)", name)
    if m:
        head, inner = m.group(1), m.group(2)
        out += official_forms(head)
        if inner and not re.search(r"\bof( the)?$", inner) and inner[:1].isupper():
            out += official_forms(inner)
        return out
    if ", " in name:
        head, tail = name.split(", ", 1)
        if " and " in tail:
            return [name]
        if re.search(r"\bof( the)?$", tail) or len(tail.split()) <= 2:
            return [f"{tail} {head}"]
        return [head]
    return [name]


def is_abbrev_like(n):
    letters = n.replace(".", "")
    return bool(re.fullmatch(r"[A-Z]{1,5}", letters))
