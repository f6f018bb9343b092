"""An overall deadline for one fetch, enforced on the socket.

httpx's timeouts bound each wait for the network, not the whole request: a
server that sends one header byte every few seconds never trips a read timeout
and can hold a fetch for minutes. :func:`deadline_backend` wraps the httpcore
network backend so that every connect, read, write and TLS handshake waits at
most until the deadline of the fetch running on this thread (set with
:func:`fetch_deadline`), then raises ``httpcore.ReadTimeout``, which httpx
reports as a timeout. Fetches run on a thread pool, one fetch per thread at a
time, so the deadline is thread-local; a pooled connection reused by another
thread obeys that thread's deadline.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_local = threading.local()


@contextmanager
def fetch_deadline(until: float) -> Iterator[None]:
    """Everything this thread sends or receives within the block must finish by ``until`` (``time.monotonic``)."""
    _local.deadline = until
    try:
        yield
    finally:
        _local.deadline = None


def _bounded(timeout: float | None) -> float | None:
    """``timeout`` cut to what is left of this thread's deadline; past it, a timeout error."""
    deadline = getattr(_local, "deadline", None)
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        import httpcore

        raise httpcore.ReadTimeout("the fetch ran past its overall deadline")
    return left if timeout is None else min(timeout, left)


def deadline_backend(backend: Any) -> Any:
    """``backend`` (an httpcore sync network backend) with every wait bounded by the thread's deadline."""
    import httpcore

    class Stream(httpcore.NetworkStream):
        def __init__(self, stream: Any) -> None:
            self.stream = stream

        def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
            return self.stream.read(max_bytes, _bounded(timeout))

        def write(self, buffer: bytes, timeout: float | None = None) -> None:
            self.stream.write(buffer, _bounded(timeout))

        def close(self) -> None:
            self.stream.close()

        def start_tls(self, ssl_context, server_hostname=None, timeout=None):
            return Stream(self.stream.start_tls(ssl_context, server_hostname, _bounded(timeout)))

        def get_extra_info(self, info: str) -> Any:
            return self.stream.get_extra_info(info)

    class Backend(httpcore.NetworkBackend):
        def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
            return Stream(backend.connect_tcp(host, port, _bounded(timeout), local_address, socket_options))

        def connect_unix_socket(self, path, timeout=None, socket_options=None):
            return Stream(backend.connect_unix_socket(path, _bounded(timeout), socket_options))

        def sleep(self, seconds: float) -> None:
            backend.sleep(seconds)

    return Backend()
