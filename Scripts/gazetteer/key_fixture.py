"""Writes Tests/GeoMapTests/Fixtures/NameKeys/places-name-keys.tsv: for every 1,000 names of Gazetteer/places.tsv
(in file order, the names column split at '|'), FNV-1a 64 of the names and of their Python keys, each followed
by a line feed. NameKeySpecTests hashes the Swift keys the same way: equal hashes, equal keys for every name,
in a small committed file. Scripts/build-gazetteer runs this after writing places.tsv; by hand:

    python3 Scripts/gazetteer/key_fixture.py
"""
import os
import sys

CHUNK = 1000
_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PLACES = os.path.join(_ROOT, "Gazetteer", "places.tsv")
FIXTURE = os.path.join(_ROOT, "Tests", "GeoMapTests", "Fixtures", "NameKeys", "places-name-keys.tsv")


def fnv1a(parts):
    h = 0xcbf29ce484222325
    for p in parts:
        for b in p.encode("utf-8") + b"\n":
            h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


def places_names(path):
    names = []
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            names += line.rstrip("\n").split("\t")[10].split("|")
    return names


def write(places=PLACES, fixture=FIXTURE):
    from .namekey import key
    names = places_names(places)
    lines = ["# Python name keys of Gazetteer/places.tsv for Tests/GeoMapTests/Text/NameKeySpecTests.swift.",
             "# Written by Scripts/gazetteer/key_fixture.py (Scripts/build-gazetteer runs it); do not edit.",
             "# chunk<TAB>index of its first name<TAB>FNV-1a 64 of its names<TAB>of their keys (each + \\n)",
             f"names\t{len(names)}\t{CHUNK}"]
    for i in range(0, len(names), CHUNK):
        part = names[i:i + CHUNK]
        lines.append(f"chunk\t{i}\t{fnv1a(part):016x}\t{fnv1a(key(n) for n in part):016x}")
    os.makedirs(os.path.dirname(fixture), exist_ok=True)
    tmp = fixture + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, fixture)
    return len(names)


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from gazetteer import key_fixture
    print(f"{key_fixture.write()} names -> {os.path.relpath(FIXTURE)}")
