"""A process pool in which the parent works too.

With `jobs` cores, `jobs - 1` worker processes audit chunks of documents and the parent audits
small chunks itself between its own duties (reading the input, handing out chunks, writing
results in order). multiprocessing.Pool instead runs `jobs` workers plus a parent with three
helper threads: on two cores, three busy processes took turns, and the parent's threads (one
wakes up on every result) cost ~0.9 s of CPU per 4,000 documents.

Each worker holds up to two chunks, so it never waits while the parent is busy with a chunk of
its own; a reader and a writer thread in the worker keep its pipes drained, so neither side
ever blocks on the other's full pipe.
"""

from __future__ import annotations

import os
import pickle
import queue
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from multiprocessing import get_context
from multiprocessing.connection import wait
from typing import Any

HELD_CHUNKS = 2  # chunks a worker holds: one being audited, one waiting
PARENT_SHARE = 4  # the parent's own chunks are this many times smaller (it returns to its duties sooner)


class WorkerDied(RuntimeError):
    """A worker process ended in the middle of a map (killed, out of memory, crashed)."""


def _worker_main(tasks_in: Any, results_out: Any, initializer: Callable[..., None] | None,
                 initargs: tuple) -> None:
    if initializer is not None:
        initializer(*initargs)
    inbox: queue.SimpleQueue = queue.SimpleQueue()
    outbox: queue.SimpleQueue = queue.SimpleQueue()

    def read() -> None:  # drains the task pipe, so the parent's sends never wait on this worker
        while True:
            try:
                task = tasks_in.recv()
            except (EOFError, OSError):
                task = None
            inbox.put(task)
            if task is None:
                return

    def write() -> None:  # results wait here, not in a full pipe, while the parent is busy
        while True:
            message = outbox.get()
            if message is None:
                return
            try:
                results_out.send_bytes(message)
            except OSError:
                return

    threading.Thread(target=read, daemon=True).start()
    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    try:
        while True:
            task = inbox.get()
            if task is None:
                break
            fn, chunk = task
            try:
                message = pickle.dumps(("ok", [fn(item) for item in chunk]), pickle.HIGHEST_PROTOCOL)
            except Exception as exc:  # noqa: BLE001 - handed to the parent, which raises it
                message = _error_message(exc)
            outbox.put(message)
    except KeyboardInterrupt:
        return  # the parent is stopping the run
    finally:
        outbox.put(None)
        writer.join()


def _error_message(exc: Exception) -> bytes:
    try:
        return pickle.dumps(("error", exc), pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - an exception that does not pickle: send its text
        import traceback

        return pickle.dumps(("error", RuntimeError("".join(traceback.format_exception(exc)))))


class ForkPool:
    """`jobs` ways of work: the parent and `jobs - 1` worker processes (forked where the
    platform can), each set up once by `initializer(*initargs)` (the parent when it first
    takes a chunk)."""

    def __init__(self, jobs: int, initializer: Callable[..., None] | None = None, initargs: tuple = ()):
        ctx = get_context("fork" if hasattr(os, "fork") else "spawn")
        self._initializer, self._initargs = initializer, initargs
        self._parent_ready = False
        self._workers: list[tuple[Any, Any, Any]] = []  # (process, task pipe end, result pipe end)
        for _ in range(max(0, jobs - 1)):
            tasks_out_end, tasks_in_end = ctx.Pipe(duplex=False)[::-1]
            results_in_end, results_out_end = ctx.Pipe(duplex=False)
            process = ctx.Process(target=_worker_main, daemon=True,
                                  args=(tasks_in_end, results_out_end, initializer, initargs))
            process.start()
            tasks_in_end.close()
            results_out_end.close()
            self._workers.append((process, tasks_out_end, results_in_end))

    def imap(self, fn: Callable[[Any], Any], items: Iterable[Any], chunksize: int = 1) -> Iterator[Any]:
        """fn over items, results in input order."""
        waiting: dict[int, list[Any]] = {}
        next_index = 0
        for index, results in self._run(fn, items, chunksize):
            waiting[index] = results
            while next_index in waiting:
                yield from waiting.pop(next_index)
                next_index += 1

    def imap_unordered(self, fn: Callable[[Any], Any], items: Iterable[Any], chunksize: int = 1) -> Iterator[Any]:
        """fn over items, results in the order the chunks finish."""
        for _, results in self._run(fn, items, chunksize):
            yield from results

    def _run(self, fn: Callable[[Any], Any], items: Iterable[Any], chunksize: int) -> Iterator[tuple[int, list]]:
        """(chunk index, results) as chunks finish, in the workers or in the parent."""
        source = iter(items)
        counter = iter(range(1 << 62))
        held: dict[Any, deque] = {results: deque() for _, _, results in self._workers}
        senders = {results: tasks for _, tasks, results in self._workers}
        own_size = max(1, chunksize // PARENT_SHARE)
        exhausted = False

        def next_chunk(size: int) -> tuple[int, list] | None:
            nonlocal exhausted
            chunk = list(islice(source, size)) if not exhausted else []
            if not chunk:
                exhausted = True
                return None
            return next(counter), chunk

        while True:
            # keep every worker supplied before the parent turns to anything else
            for results, indexes in held.items():
                while len(indexes) < HELD_CHUNKS:
                    chunk = next_chunk(chunksize)
                    if chunk is None:
                        break
                    senders[results].send((fn, chunk[1]))
                    indexes.append(chunk[0])
            busy = [results for results, indexes in held.items() if indexes]
            for results in wait(busy, timeout=0) if busy else ():
                yield held[results].popleft(), self._receive(results)
            own = next_chunk(own_size)
            if own is not None:
                yield own[0], self._work_here(fn, own[1])
                continue
            busy = [results for results, indexes in held.items() if indexes]  # after the results above
            if not busy:
                return
            for results in wait(busy):
                yield held[results].popleft(), self._receive(results)

    def _receive(self, results: Any) -> list:
        try:
            status, payload = pickle.loads(results.recv_bytes())
        except (EOFError, OSError):  # the worker's end closed: it died
            raise WorkerDied("a worker process ended during the run (killed or out of memory?)") from None
        if status == "error":
            raise payload
        return payload

    def _work_here(self, fn: Callable[[Any], Any], chunk: list) -> list:
        if not self._parent_ready:
            if self._initializer is not None:
                self._initializer(*self._initargs)
            self._parent_ready = True
        return [fn(item) for item in chunk]

    def terminate(self) -> None:
        for process, tasks, results in self._workers:
            if process.is_alive():
                process.terminate()
            tasks.close()
            results.close()
        for process, _, _ in self._workers:
            process.join()
        self._workers = []
