"""A time limit for one document, so that one pathological input cannot stall a corpus run.

Regular expressions can backtrack for hours on an input nobody foresaw (a run of 50,000 spaces
after the right words); the tests look for such patterns, but a run over millions of pages
should not depend on having found them all. Past the limit the document gets an error report
naming the check it was in, and the run goes on.

POSIX interval timers deliver SIGALRM to the main thread, so the limit applies where the audit
runs there (the command line, its worker processes, Ray's workers); elsewhere (Windows, a
thread of the caller's own) it is not applied.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT_SECONDS = 120.0  # a 5 KB page takes ~7 ms; the largest inputs (2M characters) ~10 s
TIMED_OUT = "timed out"  # how the error of a document's report starts (--resume tries it again)


class DocumentTimeout(BaseException):
    """Raised inside the audit when its time is up. A BaseException, like KeyboardInterrupt, so
    that no `except Exception` of a check or library takes it for that code's own failure."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"no report within {seconds:g} s")
        self.seconds = seconds


def applicable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise DocumentTimeout in the body once `seconds` of wall time have passed (None or 0: no
    limit)."""
    if not seconds or not applicable():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise DocumentTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
