"""A one-line progress bar on stderr for long runs (only on a terminal)."""
from __future__ import annotations

import sys
import threading
import time


class TerminalProgress:
    """``progress(done, total)``: redraws ``label [####....] done/total rate/s``.

    Draws only when stderr is a terminal and at most ten times a second, so
    logs and pipes stay clean; ``close()`` ends the line.
    """

    def __init__(self, label: str, stream=None, enabled: bool | None = None):
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.started = time.monotonic()
        self._last = 0.0
        self._drawn = False
        self._done = self._total = 0
        self._lock = threading.Lock()

    def add(self, count: int) -> None:
        """Work whose size is learnt as it goes (a feed expands to its items)."""
        with self._lock:
            self._total += count
            self(self._done, self._total)

    def advance(self) -> None:
        with self._lock:
            self._done += 1
            self(self._done, self._total)

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        width = 30
        filled = int(width * done / total) if total else width
        rate = done / max(now - self.started, 1e-9)
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {rate:,.0f}/s ")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False
