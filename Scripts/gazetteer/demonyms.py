"""Demonyms and adjectives of countries (Factbook, countryinfo, nat_df, countrynames), and the curated ones."""
import re
from collections import defaultdict

from .entries import clean_name
from .namekey import build_key as key


class DemonymStage:
    """Builder stage: demonym forms per country, then the demonyms.tsv rows."""

    def build_demonym_forms(self):
        """Country demonyms: iso2 -> set of forms (nouns, plurals, adjectives)."""
        forms = defaultdict(set)
        a3to2 = {r["alpha_3"]: r["alpha_2"] for r in self.iso1}
        for iso, c in self.atlas.items():
            for noun, adj in c["demonyms"]:
                for f in parse_factbook_demonym(noun or "", plural_marks=True):
                    forms[iso].add(f)
                for f in parse_factbook_demonym(adj or "", plural_marks=False):
                    forms[iso].add(f)
        for iso, rec in self.cinfo.items():
            d = (rec.get("demonym") or "").strip()
            for part in re.split(r"\s*(?:,|/| or )\s*", d):
                if is_demonym_word(part):
                    forms[iso].add(part)
                    forms[iso].update(plural_of(part))
        for nat, a3 in self.natdf:
            iso = a3to2.get(a3)
            if iso and is_demonym_word(nat):
                forms[iso].add(nat)
                forms[iso].update(plural_of(nat))
        # countrynames: only forms that are a known demonym's plural or spelling of it
        known = {iso: {key(f) for f in fs} for iso, fs in forms.items()}
        for iso, names in self.cnames.items():
            for n in names:
                k = key(n)
                if iso in known and k.endswith("s") and k[:-1] in known[iso] and is_demonym_word(n):
                    forms[iso].add(n)
        self.demonym_forms = forms
        self.demonym_keys = set()
        for fs in forms.values():
            self.demonym_keys.update(key(f) for f in fs)

    def finish_demonyms(self):
        country_name_keys = set()
        for e in self.country.values():
            country_name_keys.update(key(n) for n in e.all_names())
        for iso, fs in self.demonym_forms.items():
            e = self.country.get(iso)
            if e is None:
                continue
            for f in fs:
                if key(f) in country_name_keys:
                    continue  # "Congo" is a country, not a demonym
                self.demonyms.add((f, e.id))
        for form, target, _source in self.curated["demonyms"]:
            e = self.resolve_target(target, "demonyms.tsv")
            if e is not None and clean_name(form):
                self.demonyms.add((clean_name(form), e.id))


def is_demonym_word(w):
    return bool(w) and bool(re.fullmatch(r"[A-Z][^\d,()/]*", w)) and len(w) >= 3 and w.upper() != w


def plural_of(w):
    if re.search(r"(an|i|ot|er|ite|ek)$", w):
        return [w + "s"]
    return []


def parse_factbook_demonym(text, plural_marks):
    """'Russian(s)' -> Russian, Russians; 'Frenchman(men), Frenchwoman(women)' -> ...men/women;
    notes such as '(singular and plural)' or '(US nationals)' are dropped."""
    out = []
    text = text.replace(" (", "(")
    for part in re.split(r"\s*,\s*|\s+or\s+", text):
        part = part.strip()
        m = re.fullmatch(r"([^()]+?)\s*(?:\(([^()]*)\))?\s*(?:\([^()]*\))?", part)
        if not m:
            continue
        word, paren = m.group(1).strip(), (m.group(2) or "").strip()
        if not is_demonym_word(word):
            continue
        out.append(word)
        if plural_marks and paren and re.fullmatch(r"[a-z]{1,6}", paren):
            if paren in ("s", "es"):
                out.append(word + paren)
            elif len(word) > len(paren):
                out.append(word[:-len(paren)] + paren)
    return out
