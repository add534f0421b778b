"""Which requests ``kg serve`` refuses: a foreign Host (DNS rebinding), and cross-origin or form-encoded writes (CSRF).

A page on another origin can make a browser send a "simple" request
without asking first: GET, or POST with a form content type
(``application/x-www-form-urlencoded``, ``multipart/form-data``,
``text/plain``). Anything else is preflighted, and this server never
answers a preflight with CORS headers. So a write is accepted only with a
non-form content type (``application/sparql-update`` for ``/update``), and
never with an ``Origin`` or ``Sec-Fetch-Site`` that says another site sent
it. Reads are open to any client that names this server in ``Host``.

>>> rules = Rules(hosts=allowed_hosts("127.0.0.1", 7878), writable=True)
>>> rules.refusal("POST", "/update", {"Host": "127.0.0.1:7878", "Content-Type": "text/plain"})
(415, 'updates must be sent as application/sparql-update, not text/plain')
>>> rules.refusal("GET", "/query", {"Host": "evil.example:7878"})[0]
403
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data", "text/plain")
WRITE_METHODS = ("POST", "PUT", "DELETE", "PATCH")


def is_loopback(host: str) -> bool:
    """``True`` for 127.0.0.0/8, ::1 and ``localhost``.

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str, port: int, extra: tuple[str, ...] = ()) -> frozenset[str]:
    """The ``Host`` header values naming this server: the bind address (and loopback names for a loopback bind).

    >>> sorted(allowed_hosts("127.0.0.1", 7878))
    ['127.0.0.1:7878', '[::1]:7878', 'localhost:7878']
    """
    names = {host if ":" not in host or host.startswith("[") else f"[{host}]", *extra}
    if is_loopback(host):
        names.update(LOOPBACK_NAMES)
    return frozenset(f"{name}:{port}".lower() for name in names)


@dataclass(frozen=True, slots=True)
class Rules:
    """The checks for one server: the Host values it answers to, and whether it takes writes."""

    hosts: frozenset[str]
    writable: bool

    def refusal(self, method: str, path: str, headers: Mapping[str, str]) -> tuple[int, str] | None:
        """``(status, reason)`` if the request must be refused, else ``None``."""
        host = (headers.get("Host") or "").strip().lower()
        if host not in self.hosts:
            return 403, (f"Host {host or '(none)'!r} is not this server (expected one of "
                         f"{', '.join(sorted(self.hosts))}); refused against DNS rebinding")
        if not _is_write(method, path):
            return None
        if not self.writable:
            return 403, "this server is read-only (start it with kg serve --writable to accept updates)"
        return self._cross_origin(headers) or _form_encoded(path, headers)

    def _cross_origin(self, headers: Mapping[str, str]) -> tuple[int, str] | None:
        origin = (headers.get("Origin") or "").strip().lower()
        if origin and origin not in {f"http://{host}" for host in self.hosts}:
            return 403, f"cross-origin update from {origin} refused"
        site = (headers.get("Sec-Fetch-Site") or "").strip().lower()
        if site and site not in ("same-origin", "none"):
            return 403, f"update from a {site} page refused"
        return None


def _is_write(method: str, path: str) -> bool:
    if path == "/update":
        return True
    return path == "/store" and method.upper() in WRITE_METHODS


def _form_encoded(path: str, headers: Mapping[str, str]) -> tuple[int, str] | None:
    content_type = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if path == "/update" and content_type != "application/sparql-update":
        return 415, f"updates must be sent as application/sparql-update, not {content_type or '(none)'}"
    if content_type in FORM_TYPES:
        return 415, f"writes must not be form-encoded ({content_type})"
    return None
