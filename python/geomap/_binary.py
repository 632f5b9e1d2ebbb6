"""Finding the `geomap` executable."""
from __future__ import annotations

import os
import shutil
from typing import Optional

from .errors import GeoMapError


def find_binary(binary: Optional[str] = None) -> str:
    """The geomap executable: `binary`, else $GEOMAP_BINARY, else `geomap` on PATH."""
    candidate = binary or os.environ.get("GEOMAP_BINARY") or shutil.which("geomap")
    if not candidate:
        raise GeoMapError("geomap: no binary found; pass binary=, set GEOMAP_BINARY or put geomap on PATH")
    if os.path.isdir(candidate):
        candidate = os.path.join(candidate, "geomap")
    if not (os.path.isfile(candidate) and os.access(candidate, os.X_OK)):
        raise GeoMapError(f"geomap: {candidate}: not an executable file")
    return os.path.abspath(candidate)
