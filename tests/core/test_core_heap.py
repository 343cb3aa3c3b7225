"""release_free_heap gives freed C heap memory back to the system (glibc)."""

from __future__ import annotations

import ctypes
import sys

import pytest

from editor.core.heap import release_free_heap, resident_kb

glibc = pytest.mark.skipif(
    not sys.platform.startswith("linux") or resident_kb() is None, reason="glibc and /proc"
)


@glibc
def test_freed_heap_goes_back_to_the_system() -> None:
    libc = ctypes.CDLL("libc.so.6")
    libc.malloc.restype = ctypes.c_void_p
    libc.malloc.argtypes = [ctypes.c_size_t]
    libc.free.argtypes = [ctypes.c_void_p]
    libc.memset.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_size_t]
    release_free_heap()
    start = resident_kb()
    # 64 MB in chunks below the mmap threshold, so they live in the heap itself
    chunks = [libc.malloc(4000) for _ in range(16_000)]
    for chunk in chunks:
        libc.memset(chunk, 1, 4000)  # touched: resident
    for chunk in chunks[:-1]:
        libc.free(chunk)  # the last chunk stays: the heap's top cannot shrink by itself
    before_trim = resident_kb()
    assert before_trim - start > 40_000, "free() alone would have returned the memory"
    assert release_free_heap() is True
    assert before_trim - resident_kb() > 40_000
    libc.free(chunks[-1])


def test_release_is_harmless_when_nothing_is_free() -> None:
    release_free_heap()
    assert isinstance(release_free_heap(), bool)


def test_imported_sources_are_forgotten() -> None:
    import linecache

    import editor.core.heap as heap

    assert linecache.getline(heap.__file__, 1)  # as PySide6's import hook leaves it
    assert heap.__file__ in linecache.cache
    heap.forget_imported_sources()
    assert heap.__file__ not in linecache.cache
