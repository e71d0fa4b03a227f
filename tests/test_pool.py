"""The local process pool: input order, work shared by the parent and the workers, errors
raised in the parent, a dead worker noticed."""

from __future__ import annotations

import os
import signal

import pytest

from audit.pool import ForkPool, WorkerDied
from audit.validate import ReportInvalid

_OFFSET = 0
_PARENT = os.getpid()


def _set_offset(offset: int) -> None:
    global _OFFSET
    _OFFSET = offset


def _shifted_square(n: int) -> tuple[int, int]:
    return n * n + _OFFSET, os.getpid()


def _fail_on_seven(n: int) -> int:
    if n == 7:
        raise ReportInvalid("report 7 does not validate")
    return n


def _worker_dies_on_five(n: int) -> int:
    if n == 5 and os.getpid() != _PARENT:
        os.kill(os.getpid(), signal.SIGKILL)
    return n


def test_results_come_back_in_input_order_from_the_parent_and_every_worker():
    pool = ForkPool(3, initializer=_set_offset, initargs=(1000,))
    try:
        results = list(pool.imap(_shifted_square, range(300), chunksize=8))
        unordered = sorted(r for r, _ in pool.imap_unordered(_shifted_square, range(50), chunksize=4))
    finally:
        pool.terminate()
    assert [r for r, _ in results] == [n * n + 1000 for n in range(300)]  # the parent was set up too
    pids = {pid for _, pid in results}
    assert len(pids) == 3 and os.getpid() in pids  # two workers and the parent
    assert unordered == [n * n + 1000 for n in range(50)]


def test_an_exception_in_a_worker_is_raised_in_the_parent_with_its_type():
    pool = ForkPool(2)
    try:
        with pytest.raises(ReportInvalid, match="report 7"):
            # chunks of 8: the worker takes the first two (items 0-15), so item 7 fails there
            list(pool.imap(_fail_on_seven, range(40), chunksize=8))
    finally:
        pool.terminate()


def test_a_killed_worker_stops_the_map_instead_of_hanging():
    pool = ForkPool(2)
    try:
        with pytest.raises(WorkerDied):
            list(pool.imap(_worker_dies_on_five, range(40), chunksize=8))
    finally:
        pool.terminate()
