"""Applies the hand-written tables of Gazetteer/curated/: features, points, aliases, abbreviations."""
import shapely

from . import geometry as geo
from .entries import Entry, clean_name
from .namekey import build_key as key
from .progress import log


class CuratedStage:
    """Builder stage: curated features and their geometry recipes, overrides of derived data."""

    def resolve_target(self, target, table):
        kind, _, ref = (target or "").partition(":")
        e = None
        if kind == "country":
            e = self.country.get(ref)
        elif kind == "admin1":
            e = self.admin1.get(ref)
        elif kind in ("geonames", "curated") and ref.isdigit():
            e = self.entries.get(int(ref))
        if e is None:
            self.notes.append(f"curated/{table}: target {target!r} not found: row skipped")
        return e

    def apply_curated(self):
        log("curated tables")
        for row in self.curated["features"]:
            try:
                e = Entry(int(row["id"]), row["kind"], clean_name(row["name"]), row.get("country", ""),
                          row.get("admin1", ""))
                e.lat, e.lon = float(row["lat"]), float(row["lon"])
            except (ValueError, KeyError, TypeError) as ex:
                self.notes.append(f"curated/features.tsv: bad row {row.get('_line')}: {ex}: skipped")
                continue
            if e.id in self.entries:
                self.notes.append(f"curated/features.tsv line {row.get('_line')}: id {e.id} already used: skipped")
                continue
            e.add_names([n for n in (row.get("names") or "").split("|")])
            e.geom = self.curated_geometry(row.get("geometry", ""), row.get("_line"))
            e.population = 0
            e.feature = ""
            self.add(e)
        # a hand-made region with the same name replaces the derived M49 one ("Eastern Europe")
        curated_regions = {key(e.name) for e in self.entries.values() if e.kind == "region" and
                           1_000_000_000 <= e.id < 2_000_000_000}
        dup = [e for e in self.derived if e.kind == "region" and key(e.name) in curated_regions]
        for e in dup:
            self.derived.remove(e)
            self.notes.append(f"M49 region {e.name!r} left out: curated/features.tsv has it")
        for target, lat, lon in self.curated["points"]:
            e = self.resolve_target(target, "points.tsv")
            try:
                lat, lon = float(lat), float(lon)
            except ValueError:
                self.notes.append(f"curated/points.tsv: bad coordinates for {target}: skipped")
                continue
            if e is not None and -90 <= lat <= 90 and -180 <= lon <= 180:
                e.lat, e.lon = lat, lon
                e.point_source = "curated/points.tsv"
                if e.shape_kind == "polygon" and geo.distance_to_km(e.geom, lat, lon) > 10.0:
                    self.notes.append(f"curated/points.tsv: {target} ({lat}, {lon}) lies "
                                      f"{geo.distance_to_km(e.geom, lat, lon):.0f} km outside its polygon")
        for alias, target, _s in self.curated["aliases"]:
            e = self.resolve_target(target, "aliases.tsv")
            if e is not None:
                e.add_names([alias])
        for abbrev, target, _s in self.curated["abbreviations"]:
            e = self.resolve_target(target, "abbreviations.tsv")
            if e is not None and clean_name(abbrev):
                e.abbrevs.add(clean_name(abbrev))

    def curated_geometry(self, recipe, line):
        recipe = (recipe or "").strip()
        if not recipe:
            return None
        kind, _, refs = recipe.partition(":")
        refs = [r.strip() for r in refs.split("+") if r.strip()]
        if kind == "admin1":
            parts = [self.admin1[r].geom if r in self.admin1 else None for r in refs]
        elif kind == "country":
            parts = [self.country[r].geom if r in self.country else None for r in refs]
        elif kind == "border" and len(refs) == 2:
            a, b = (self.country.get(r) for r in refs)
            if a is None or b is None or a.geom is None or b.geom is None:
                self.notes.append(f"curated/features.tsv line {line}: {recipe}: country polygon missing")
                return None
            return geo.clean_line(shapely.intersection(a.geom.boundary, b.geom.boundary))
        else:
            self.notes.append(f"curated/features.tsv line {line}: unknown geometry recipe {recipe!r}")
            return None
        missing = [r for r, p in zip(refs, parts) if p is None]
        if missing:
            self.notes.append(f"curated/features.tsv line {line}: {recipe}: no polygon for {'+'.join(missing)}")
        u = geo.union(parts)
        # unions of several units are derived regions: simplified (about 2 km) to keep the bundle small
        return geo.simplified(u, 0.02) if u is not None and len(refs) > 1 else u
