"""Give the C heap's free memory back to the system (no Qt).

Opening a long post, streaming it into the preview or releasing a spelling dictionary frees
many megabytes inside the process, but glibc's malloc keeps freed memory of its main heap and
thread arenas for reuse: the process stays that much larger (resident) until it exits.
``malloc_trim(0)`` returns the free pages to the kernel. Measured with
``benchmarks/run.py --only window --fresh --sizes 500k``: see benchmarks/README.md.

Elsewhere (macOS, Windows, musl) there is no malloc_trim: nothing happens.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import linecache
import sys
from collections.abc import Callable


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def release_free_heap() -> bool:
    """Return free heap memory to the system; True when some was given back."""
    trim = _malloc_trim()
    return bool(trim(0)) if trim is not None else False


def forget_imported_sources() -> None:
    """Drop the source text of imported modules that linecache holds.

    PySide6's import hook reads the source of every module imported after PySide6 (to see
    whether it mentions PySide6: shibokensupport/feature.py, ``_mod_uses_pyside`` calls
    ``inspect.getsource``), and linecache keeps all of it: ~190 files, ~7 MB of Python
    strings in this app. Only tracebacks need it, and they read the files again. Dropped
    early (when the window is built), the freed memory is reused by what comes next.
    """
    linecache.clearcache()


def resident_kb() -> int | None:
    """This process's resident memory in KiB (Linux), else None: for tests and probes."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None
