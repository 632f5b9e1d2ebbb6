"""Create the pinned tool venv in Scripts/.cache/venv and re-run the script inside it."""
import os
import subprocess
import sys

CACHE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), ".cache")
VENV = os.path.join(CACHE, "venv")

# Tool wheels (CPython 3.11, manylinux x86_64). pip checks the hashes (--require-hashes).
TOOL_WHEELS = [
    ("numpy", "2.2.6", "ba10f8411898fc418a521833e014a77d3ca01c15b0c6cdcce6a0d2897e6dbbdf"),
    ("shapely", "2.1.2", "136ab87b17e733e22f0961504d05e77e7be8c9b5a8184f685b4a91a84efe3c26"),
    ("pyshp", "2.3.1", "67024c0ccdc352ba5db777c4e968483782dfa78f8e200672a90d2d30fd8b7b49"),
    ("pyyaml", "6.0.2", "3ad2a3decf9aaba3d29c8f537ac4b243e36bef957511b4766cb0057d32b0be85"),
]


def _stamp():
    return "\n".join(f"{n}=={v} --hash=sha256:{h}" for n, v, h in TOOL_WHEELS) + "\n"


def ensure_venv(script):
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    if sys.version_info[:2] != (3, 11):
        sys.exit("build-gazetteer: needs Python 3.11 (the pinned wheels are cp311)")
    python = os.path.join(VENV, "bin", "python")
    stamp_path = os.path.join(VENV, "gazetteer-requirements.txt")
    stamp = _stamp()
    current = open(stamp_path).read() if os.path.exists(stamp_path) else None
    if current != stamp:
        os.makedirs(CACHE, exist_ok=True)
        subprocess.run([sys.executable, "-m", "venv", "--clear", VENV], check=True)
        req = os.path.join(VENV, "requirements.in")
        with open(req, "w") as f:
            f.write(stamp)
        subprocess.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "--no-deps", "--only-binary=:all:", "--require-hashes", "-r", req], check=True)
        with open(stamp_path, "w") as f:
            f.write(stamp)
    env = dict(os.environ, PYTHONHASHSEED="0")
    os.execve(python, [python, script] + sys.argv[1:], env)
