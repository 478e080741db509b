"""`paused_gc()`: no automatic cyclic garbage collection while a bulk step runs.

Bulk steps (loading the gazetteer, making a batch's rows, clustering a million events) create
millions of small objects, none in reference cycles. Each full collection the allocations
trigger rescans every live object, the caller's included, so with many objects alive it costs
seconds per batch and frees nothing. Reference counting still frees everything as usual.

Reentrant and thread-safe: collection resumes when the last paused step on any thread ends, and
only if it was enabled when the first began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused_gc() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
