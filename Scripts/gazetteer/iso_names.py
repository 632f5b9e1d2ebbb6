"""ISO 3166-2 subdivision names (pycountry, iso3166-2) joined to GeoNames admin-1 units by name."""
import re
from collections import defaultdict

from . import loaders
from .entries import clean_name
from .namekey import build_key as key
from .names import core, is_descriptive_phrase
from .progress import log


class IsoNameStage:
    """Builder stage: names of admin-1 units from ISO 3166-2."""

    def build_iso_names(self):
        log("ISO 3166-2 names (by name join)")
        names_by_code = defaultdict(list)
        for r in self.pyc2:
            names_by_code[r["code"]].append(r["name"])
        other_names = defaultdict(list)  # localOtherName: names, but also nicknames ("Dawn of Ukraine")
        for cc in sorted(self.iso2pkg):
            for code, rec in sorted(self.iso2pkg[cc].items()):
                names_by_code[code].append(rec.get("name") or "")
                for part in (rec.get("localOtherName") or "").split(", "):
                    part = re.sub(r"\s*\([a-z]{2,3}\)\s*$", "", part).strip()
                    if part:
                        other_names[code].append(part)
        words = loaders.common_words(self.src["wamerican"])
        nicknames = 0
        per_cc = defaultdict(dict)  # cc -> key -> set(codes), full keys and core keys
        full = defaultdict(dict)
        for code, e in self.admin1.items():
            cc = e.country
            for n in e.all_names():
                k = key(n)
                full[cc].setdefault(k, set()).add(code)
                per_cc[cc].setdefault(k, set()).add(code)
                if core(k):
                    per_cc[cc].setdefault(core(k), set()).add(code)
        joined = ambiguous = 0
        for iso_code in sorted(names_by_code):
            cc = iso_code.split("-")[0]
            ns = [clean_name(n) for n in names_by_code[iso_code]]
            ns = [n for n in ns if n]
            others = [n for n in (clean_name(x) for x in other_names.get(iso_code, [])) if n]
            keys = {key(n) for n in ns + others}
            hits = set()
            for k in keys | {core(k) for k in keys}:
                hits |= per_cc[cc].get(k, set())
            if len(hits) > 1:
                exact = set()
                for k in keys:
                    exact |= full[cc].get(k, set())
                hits = exact
            if len(hits) == 1:
                e = self.admin1[next(iter(hits))]
                unit_names = ns + e.all_names()
                kept = [n for n in others if not is_descriptive_phrase(n, unit_names, words)]
                nicknames += len(others) - len(kept)
                e.add_names(ns + kept)
                joined += 1
            elif hits:
                ambiguous += 1
        self.notes.append(f"ISO 3166-2: {joined} subdivisions joined to GeoNames admin-1 by name, "
                          f"{ambiguous} ambiguous left out; {nicknames} localOtherName nicknames and descriptive "
                          f"phrases left out (\"Dawn of Ukraine\", \"The Grand Canyon State\")")
