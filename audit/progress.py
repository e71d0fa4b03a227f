"""Progress while a run goes: a rich bar with documents per second on a terminal, plain
periodic lines elsewhere (CI logs), nothing when disabled. Written to stderr only."""

from __future__ import annotations

import os
import sys
import time

PLAIN_EVERY_SECONDS = 10.0


class Progress:
    def __init__(self, enabled: bool):
        self.count = 0
        self.started = time.monotonic()
        self._bar = None
        self._plain = False
        self._last = self.started
        if not enabled:
            return
        if sys.stderr.isatty() and not os.environ.get("CI"):
            from rich.progress import Progress as RichProgress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._bar = RichProgress(
                SpinnerColumn(), TextColumn("{task.completed} documents"), TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(), transient=True, console=None,
            )
            self._bar.start()
            self._task = self._bar.add_task("audit", total=None, rate="")
        else:
            self._plain = True

    def advance(self) -> None:
        self.count += 1
        if self._bar is None and not self._plain:
            return
        now = time.monotonic()
        rate = self.count / max(now - self.started, 1e-9)
        if self._bar is not None:
            self._bar.update(self._task, completed=self.count, rate=f"{rate:,.0f} docs/s")
        elif now - self._last >= PLAIN_EVERY_SECONDS:
            self._last = now
            print(f"audit: {self.count} documents, {rate:,.0f} docs/s", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
