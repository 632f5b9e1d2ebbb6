"""Ending a `geomap` child process, whichever way its reader stops."""
from __future__ import annotations

import subprocess


def end_process(process: subprocess.Popen, finished: bool) -> None:
    """Kills the child unless its output was read to the end, then closes its pipes."""
    if not finished:
        process.kill()
        process.wait()
    for stream in (process.stdin, process.stdout, process.stderr):
        try:
            if stream is not None:
                stream.close()
        except (OSError, ValueError):
            pass
