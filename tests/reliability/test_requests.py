"""kg serve refuses foreign Host headers (DNS rebinding) and cross-origin or form-encoded writes (CSRF); the explorer answers."""

from __future__ import annotations

import json
import urllib.parse

import pytest

pytestmark = [pytest.mark.reliability, pytest.mark.server]

WIPE = b"CLEAR ALL"


@pytest.fixture
def writable(shared_writable):
    assert shared_writable.proc.poll() is None
    return shared_writable


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.2:{port}", ""])
def test_issue13_foreign_host_refused_for_reads(writable, host):
    status, body = writable.request("/query?query=" + urllib.parse.quote("ASK {}"),
                                    headers={"Host": host.format(port=writable.port)})
    assert status == 403, body
    assert b"DNS rebinding" in body


@pytest.mark.parametrize("name", ["127.0.0.1", "localhost"])
def test_serve_answers_its_own_names(writable, name):
    status, _ = writable.request("/query?query=" + urllib.parse.quote("ASK {}"),
                                 headers={"Host": f"{name}:{writable.port}"})
    assert status == 200


FORMS = [
    ("application/x-www-form-urlencoded", b"update=" + urllib.parse.quote_plus(WIPE).encode()),
    ("text/plain", WIPE),
    ("multipart/form-data; boundary=x", b'--x\r\nContent-Disposition: form-data; name="update"\r\n\r\nCLEAR ALL\r\n--x--\r\n'),
]


@pytest.mark.parametrize(("content_type", "body"), FORMS, ids=["urlencoded", "text", "multipart"])
def test_issue13_form_encoded_update_refused(writable, content_type, body):
    before = writable.count()
    status, answer = writable.request("/update", data=body, headers={"Content-Type": content_type})
    assert status == 415, answer
    assert writable.count() == before > 0


@pytest.mark.parametrize("headers", [{"Origin": "http://127.0.0.1:1"}, {"Origin": "null"},
                                     {"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"}])
def test_issue13_cross_origin_update_refused(writable, headers):
    before = writable.count()
    status, _ = writable.request("/update", data=WIPE,
                                 headers={"Content-Type": "application/sparql-update", **headers})
    assert status == 403
    assert writable.count() == before


def test_issue13_cross_origin_graph_store_delete_refused(writable):
    graph = urllib.parse.quote("https://vnkg.org/graph/filler", safe="")
    status, _ = writable.request(f"/store?graph={graph}", method="DELETE", headers={"Origin": "http://evil.example"})
    assert status == 403
    assert writable.count() > 3000


def test_same_origin_update_accepted(writable):
    status, body = writable.request("/update", data=b"INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }",
                                    headers={"Content-Type": "application/sparql-update",
                                             "Origin": f"http://127.0.0.1:{writable.port}"})
    assert status in (200, 204), body
    status, body = writable.request("/query?query=" + urllib.parse.quote("ASK { <urn:a> <urn:b> <urn:c> }"),
                                    headers={"Accept": "application/sparql-results+json"})
    assert json.loads(body)["boolean"] is True


def test_read_only_server_refuses_updates(server_factory, store_dir):
    server = server_factory(store_dir)
    status, body = server.request("/update", data=WIPE, headers={"Content-Type": "application/sparql-update"})
    assert status == 403 and b"read-only" in body
    assert server.count() > 3000


def test_serve_explorer_page_and_api(server_factory, store_dir):
    server = server_factory(store_dir)
    status, page = server.request("/")
    assert status == 200 and b"<html" in page.lower()
    status, body = server.request("/api/search?q=" + urllib.parse.quote("Lào") + "&limit=5")
    hits = json.loads(body)
    assert status == 200 and 0 < len(hits) <= 5
    assert all("lào" in hit["label"].lower() for hit in hits)
    status, body = server.request("/api/node?id=" + urllib.parse.quote(hits[0]["id"], safe="") + "&hops=1")
    assert status == 200 and json.loads(body)["nodes"]
    status, body = server.request("/api/node?id=x&hops=9")
    assert status == 400 and "hops" in json.loads(body)["error"]
    status, body = server.request("/api/node?id=" + urllib.parse.quote(hits[0]["id"], safe="") + "&hops=0")
    assert status == 200 and [n["iri"] for n in json.loads(body)["nodes"]] == [hits[0]["id"]]
    status, body = server.request("/api/reports?ids=" + urllib.parse.quote("x> } DROP"))
    assert status == 400 and "not an IRI" in json.loads(body)["error"]


def test_serve_refuses_a_chunked_body(writable):
    import socket

    request = (b"POST /update HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/sparql-update\r\n"
               b"Transfer-Encoding: chunked\r\n\r\n%x\r\n%s\r\n0\r\n\r\n" % (writable.port, len(WIPE), WIPE))
    # sent whole in one write: the server may answer and hang up before it would read a body sent in parts
    with socket.create_connection(("127.0.0.1", writable.port), timeout=30) as sock:
        sock.sendall(request)
        status_line = sock.makefile("rb").readline()
    assert status_line.split()[1] == b"411", status_line
    assert writable.count() > 3000
