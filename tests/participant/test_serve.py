"""`netwerktafel serve`: the page over HTTP, offline, on 127.0.0.1 only; the tab limit."""

from __future__ import annotations

import re
import socket
import urllib.error
import urllib.request

import pytest

from game.room_address import lan_address, public_url, qr_text
from game.tui.participant.room_server import TabLimiter, app_command
from tests.participant.conftest import Table
from tests.participant.served import serving


def get(url: str) -> tuple[int, str]:
    """Status and body of a GET."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def test_the_page_is_served_without_anything_from_the_internet(table: Table) -> None:
    with serving(table.path) as served:
        assert f"Stemmen in de browser: {served.url}" in served.banner
        assert served.code == table.code
        assert "▀" in served.banner or "█" in served.banner, "a QR code in the terminal"
        status, page = get(served.url + "/")
        assert status == 200
        assert "googleapis" not in page and "cdn" not in page.lower()
        links = re.findall(r'(?:href|src)="([^"]+)"', page) + re.findall(r'url\("([^"]+)"\)', page)
        assert links, "the page links its script, style and font"
        for link in links:
            assert link.startswith(served.url + "/static/"), link
            assert get(link)[0] == 200, link
        port = served.url.rsplit(":", 1)[1]
        assert f'data-session-websocket-url="ws://127.0.0.1:{port}/ws"' in page
        assert 'lang="nl"' in page and "viewport" in page
        # Bound to this machine only: the network address does not answer.
        address = lan_address()
        if address != "127.0.0.1":
            with pytest.raises(OSError), socket.create_connection((address, int(port)), 2):
                pass
        # Too many new tabs from one address are turned away before a process starts.
        statuses = [get(served.url + "/ws")[0] for _ in range(TabLimiter().per_minute + 1)]
        assert statuses == [400] * TabLimiter().per_minute + [429]


def test_tab_limiter_counts_per_address_and_per_minute() -> None:
    limiter = TabLimiter(per_minute=2, at_once=3)
    assert limiter.admit("10.0.0.5", now=0) and limiter.admit("10.0.0.5", now=1)
    assert not limiter.admit("10.0.0.5", now=2)
    assert limiter.admit("10.0.0.6", now=2), "another phone is not held up"
    assert limiter.admit("10.0.0.5", now=61), "a minute later the address may again"
    limiter.running = 3
    assert not limiter.admit("10.0.0.7", now=61), "no more processes than the room needs"


def test_urls_and_qr_code() -> None:
    assert public_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert public_url("192.168.1.20", 8080) == "http://192.168.1.20:8080"
    assert public_url("0.0.0.0", 8000) == f"http://{lan_address()}:8000"
    assert public_url("::1", 8000) == "http://[::1]:8000"
    qr = qr_text("http://192.168.1.20:8000").splitlines()
    assert len(qr) > 10 and len({len(line) for line in qr}) == 1


def test_each_tab_runs_the_participant_app_on_this_session(table: Table) -> None:
    command = app_command(table.path)
    assert command.endswith(f"-m game.tui.participant {table.path.resolve()}")
