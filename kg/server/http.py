"""The front of ``kg serve``: checks each request, serves the explorer, and passes SPARQL to the engine.

    client ──> Host / Origin / Content-Type checks (kg.server.guard)
           ──> /            the explorer page
               /api/search  /api/node  /api/reports   the explorer's JSON, queried through the engine
               /query  /update  /store  proxied to the Oxigraph child (kg.server.child)
"""

from __future__ import annotations

import http.client
import json
import selectors
import socket
import threading
import time
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from typing import Any

from kg.errors import KGError, QueryError
from kg.server.child import EngineLimits, OxigraphChild
from kg.server.guard import Rules

SPARQL_PATHS = ("/query", "/update", "/store")
MAX_BODY = 64 * 1024 * 1024
BUFFERED = 1024 * 1024  # an answer this short is checked for Oxigraph's mid-stream cancellation
RESTART_WAIT_S = 15.0
GRACE_S = 1.0  # past the limit, the client gets its answer even if Oxigraph checks late
CANCELLED = b"has been cancelled"
FORWARDED = ("Content-Type", "Accept", "Content-Length")


@dataclass(frozen=True, slots=True)
class Site:
    """What every request handler needs: the checks, the engine and its limits."""

    rules: Rules
    engine: OxigraphChild
    limits: EngineLimits


class Handler(BaseHTTPRequestHandler):
    """One request: refused, proxied, or answered by the explorer (``site`` is set by ``handler_for``)."""

    site: Site
    server_version = "vnkg"
    protocol_version = "HTTP/1.0"  # one request per connection: answers may end with the connection

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_PUT(self) -> None:
        self._dispatch()

    def do_DELETE(self) -> None:
        self._dispatch()

    def do_OPTIONS(self) -> None:
        self._send_text(405, "cross-origin requests are not allowed")

    def log_message(self, format: str, *args: Any) -> None:
        return

    def _dispatch(self) -> None:
        path = urllib.parse.urlsplit(self.path).path
        refused = self.site.rules.refusal(self.command, path, dict(self.headers.items()))
        if refused:
            self._send_text(*refused)
        elif path in SPARQL_PATHS:
            self._proxy()
        elif self.command != "GET":
            self._send_text(405, f"{self.command} {path} is not allowed")
        elif path == "/":
            self._send(200, "text/html; charset=utf-8", _explorer().explorer_page(api_base="/api").encode())
        elif path in ("/api/search", "/api/node", "/api/reports"):
            self._api(path)
        else:
            self._send_text(404, f"no {path} here: try /, /query or /api/search?q=")

    # ---------------------------------------------------------------- SPARQL

    def _proxy(self) -> None:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            self._send_text(411, "send the request body with a Content-Length")
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            self._send_text(400, "Content-Length is not a number")
            return
        if length > MAX_BODY:
            self._send_text(413, f"request body over {MAX_BODY} bytes")
            return
        body = self.rfile.read(length) if length else None
        headers = {name: self.headers[name] for name in FORWARDED if self.headers.get(name)}
        limit = self.site.limits.timeout_s
        try:
            conn = self._connect(limit + GRACE_S)
        except OSError:
            self._send_text(502, self._engine_failure())
            return
        watch = None
        try:
            conn.request(self.command, self.path, body=body, headers=headers)
            watch = ClientWatch(self.connection, conn)
            response = conn.getresponse()
            self._relay(response, time.monotonic() + limit + GRACE_S)
        except TimeoutError:
            self._send_text(503, f"the query ran longer than the server's limit of {limit:g} s and was stopped")
        except (OSError, http.client.HTTPException):
            if not (watch and watch.client_gone):
                self._send_text(502, self._engine_failure())
        finally:
            if watch:
                watch.stop()
            conn.close()

    def _connect(self, timeout: float) -> http.client.HTTPConnection:
        """A connection to the engine, waiting while it restarts (nothing was sent yet, so waiting is safe)."""
        deadline = time.monotonic() + RESTART_WAIT_S
        while True:
            conn = http.client.HTTPConnection("127.0.0.1", self.site.engine.port, timeout=timeout)
            try:
                conn.connect()
                return conn
            except ConnectionRefusedError:
                conn.close()
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def _relay(self, response: http.client.HTTPResponse, deadline: float) -> None:
        head = response.read(BUFFERED)
        complete = len(head) < BUFFERED
        if complete and CANCELLED in head[-300:]:
            limit = self.site.limits.timeout_s
            self._send_text(503, f"the query ran longer than the server's limit of {limit:g} s and was stopped")
            return
        self.send_response(response.status)
        self.send_header("Content-Type", response.getheader("Content-Type") or "application/octet-stream")
        self.send_header("X-Content-Type-Options", "nosniff")
        if complete:
            self.send_header("Content-Length", str(len(head)))
        self.end_headers()
        try:
            self.wfile.write(head)
            while not complete and time.monotonic() < deadline:
                chunk = response.read(64 * 1024)
                if not chunk:
                    break
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            return  # the client went away: closing our side of the engine's stream stops it

    def _engine_failure(self) -> str:
        ended = None
        for _ in range(20):  # the connection drops a moment before the child's exit can be seen
            ended = self.site.engine.poll()
            if ended is not None:
                break
            time.sleep(0.1)
        if ended is None:
            return "the query engine did not answer"
        return f"{ended.describe(self.site.limits)}; it is restarting, retry other queries in a moment"

    # ---------------------------------------------------------------- explorer

    def _api(self, path: str) -> None:
        from kg.store.remote import RemoteStore

        params = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))
        store = RemoteStore.oxigraph(self.site.engine.base_url, read_only=True,
                                     timeout=self.site.limits.timeout_s + GRACE_S)
        try:
            if path == "/api/search":
                answer: Any = _explorer().search(store, params.get("q", ""), limit=_int(params, "limit", 20, 200))
            elif path == "/api/reports":
                answer = _explorer().reports(store, _required(params, "ids").split())
            else:
                answer = _explorer().neighbourhood(
                    store, _required(params, "id"), hops=_int(params, "hops", 1, 3, least=0),
                    relations=[r for r in params.get("rel", "").split(",") if r] or None,
                    date_from=params.get("from") or None, date_to=params.get("to") or None,
                    limit=_int(params, "limit", 500, 5000))
        except (QueryError, ValueError) as err:
            self._send_json(400, {"error": str(err)})
            return
        except KGError as err:
            self._send_json(502, {"error": str(err)})
            return
        self._send_json(200, answer)

    # ---------------------------------------------------------------- answers

    def _send_json(self, status: int, payload: Any) -> None:
        self._send(status, "application/json", json.dumps(payload, ensure_ascii=False).encode())

    def _send_text(self, status: int, message: str) -> None:
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode())

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("X-Frame-Options", "DENY")
        self.end_headers()
        self.wfile.write(body)


class ClientWatch:
    """Closes the engine connection of a proxied request as soon as its client hangs up.

    Oxigraph notices a closed connection only when it writes: a query that
    streams its rows stops at the next row; one that sorts or aggregates
    sends nothing until it is done, so it runs on to Oxigraph's
    ``--timeout-s`` (nothing else cancels it in Oxigraph 0.5).
    """

    def __init__(self, client: socket.socket, upstream: http.client.HTTPConnection) -> None:
        self.client_gone = False
        self._client = client
        self._upstream = upstream.sock
        self._wake, self._woken = socket.socketpair()
        self._thread = threading.Thread(target=self._watch, name="vnkg-client-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """End the watch at once (the answer is complete)."""
        self._wake.send(b"x")
        self._thread.join()
        self._wake.close()
        self._woken.close()

    def _watch(self) -> None:
        with selectors.DefaultSelector() as selector:
            selector.register(self._client, selectors.EVENT_READ)
            selector.register(self._woken, selectors.EVENT_READ)
            events = selector.select()
            if any(key.fileobj is self._woken for key, _ in events) or self._peek():
                return  # the answer is complete, or the client sent more bytes (pipelining)
            self.client_gone = True
            try:
                self._upstream.shutdown(socket.SHUT_RDWR)  # wakes the handler blocked on the engine
            except OSError:
                pass  # the engine's connection ended already

    def _peek(self) -> bytes:
        try:
            return self._client.recv(1, socket.MSG_PEEK)
        except OSError:
            return b""


def handler_for(site: Site) -> type[Handler]:
    """A handler class bound to one server's ``site``."""
    return type("SiteHandler", (Handler,), {"site": site})


def _explorer() -> Any:
    from kg.export import explorer

    return explorer


def _int(params: dict[str, str], name: str, default: int, most: int, *, least: int = 1) -> int:
    text = params.get(name)
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {text!r}") from None
    if not least <= value <= most:
        raise ValueError(f"{name} must be between {least} and {most}, not {value}")
    return value


def _required(params: dict[str, str], name: str) -> str:
    if not params.get(name):
        raise ValueError(f"missing parameter {name}")
    return params[name]
