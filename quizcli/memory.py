"""Building many objects at once: the cyclic garbage collector paused meanwhile.

Loading, writing or making a bank builds hundreds of thousands of objects that live on
and hold no reference cycles; each collection would walk all of them again, for nothing
(an ingest of 300 articles leaves some 30 cyclic objects behind). The collector runs
again as soon as the work is done.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the block runs."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
