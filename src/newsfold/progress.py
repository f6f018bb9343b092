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
        self._spent: dict[str, float] = {}  # seconds in each phase before the current visit
        self._counts: dict[str, int] = {}  # a phase's count when it was last left

    def phase(self, label: str, total: int, done: int | None = None) -> None:
        """Switch what the bar counts (a run alternating between phases, such as
        clustering and briefs). Time and count are kept per label, so each
        phase's ETA comes from its own rate; ``done`` defaults to the count the
        phase had when it was left."""
        with self._lock:
            now = time.monotonic()
            if label != self.label:
                self._spent[self.label] = self._elapsed(now)
                self._counts[self.label] = self._done
                self.label, self.started = label, now
                self._done = self._counts.get(label, 0)
            if done is not None:
                self._done = done
            self._total = total
            self(self._done, self._total)

    def _elapsed(self, now: float) -> float:
        return self._spent.get(self.label, 0.0) + now - self.started

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
        self._done, self._total = done, total
        if not self.enabled:
            return
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        width = 30
        filled = int(width * done / total) if total else width
        rate = done / max(self._elapsed(now), 1e-9)
        eta = f"eta {(total - done) / rate:,.0f} s " if 0 < done < total else ""
        self.stream.write(
            f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {rate:,.1f}/s {eta}\x1b[K"
        )
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False
