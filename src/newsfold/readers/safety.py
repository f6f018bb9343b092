"""Which addresses newsfold may fetch from.

A URL given on the command line or found in a feed must not make newsfold talk
to the machine it runs on or to its private network (cloud metadata endpoints,
admin panels, databases). Two checks use :func:`vetted_addresses`:

* :func:`check_url` runs before every request, the first and each redirect, and
  gives the one-line message the user sees;
* :class:`GuardedBackend` runs again when the socket is opened and connects to
  the very address it vetted, so a host that resolves to a public address for
  the check and to a private one for the connection (DNS rebinding) is refused.

``allow_private=True`` (``--allow-private``) lifts both.
"""
from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from ..errors import FetchError

ALLOWED_SCHEMES = ("http", "https")
ALLOW_HINT = "pass --allow-private to allow"


def forbidden_reason(address: str) -> str | None:
    """Why ``address`` (an IP literal) may not be fetched from, or None when it may."""
    ip = _embedded_v4(ipaddress.ip_address(address.split("%", 1)[0]))
    if isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local:
        return "site-local"  # fec0::/10: deprecated, but still routed inside some networks
    # Order matters: 127.0.0.1 and 240.0.0.1 are also "private" in ipaddress's
    # sense, but "loopback" and "reserved" are the words a user recognises.
    for reason, flag in (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
        ("non-global", not ip.is_global),
    ):
        if flag:
            return reason
    return None


_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _embedded_v4(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """The IPv4 address an IPv6 address carries and routes to, else the address itself.

    IPv4-mapped (``::ffff:127.0.0.1``), 6to4 (``2002:7f00:1::``, which a 6to4
    relay delivers to 127.0.0.1) and NAT64 (``64:ff9b::7f00:1``) addresses are
    judged by the IPv4 address inside them.
    """
    if isinstance(ip, ipaddress.IPv4Address):
        return ip
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip


def vetted_addresses(host: str, port: int) -> list[str]:
    """Resolve ``host`` and return its addresses; raise FetchError if any is forbidden.

    Every address is checked, not only the first: a name that resolves to one
    public and one private address is refused, because the connection could go
    to either.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host!r} ({exc})") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))  # an IP string for INET/INET6
    for address in addresses:
        reason = forbidden_reason(address)
        if reason:
            raise FetchError(f"refused: resolves to {reason} address {address}; {ALLOW_HINT}")
    if not addresses:
        raise FetchError(f"cannot resolve host {host!r}")
    return addresses


def check_url(url: str, *, allow_private: bool = False) -> None:
    """Raise FetchError unless ``url`` is http(s) with a host newsfold may contact."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise FetchError(f"refused: only http and https URLs are fetched, not {parts.scheme or 'no scheme'!r}")
    if not parts.hostname:
        raise FetchError("refused: the URL has no host")
    if allow_private:
        return
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    vetted_addresses(parts.hostname, port)


def guarded_backend():
    """An httpcore network backend that connects only to vetted addresses."""
    import httpcore

    class GuardedBackend(httpcore.SyncBackend):
        def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
            # TLS still verifies against the host name: httpcore passes the
            # origin's name as server_hostname, not the address we dial.
            address = vetted_addresses(host, port)[0]
            return super().connect_tcp(address, port, timeout, local_address, socket_options)

    return GuardedBackend()
