"""`netwerktafel serve` as a user starts it: what it prints, what it serves, where it listens."""

from __future__ import annotations

import re
import socket
import urllib.error
import urllib.request

import pytest

from game.room_address import lan_address, public_url, qr_text
from tests.participant.conftest import Table
from tests.web.served import serving


def get(url: str) -> tuple[int, str]:
    """Status and body of a GET."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def test_serve_prints_both_addresses_the_code_and_a_qr_code_with_the_code(
    table: Table,
) -> None:
    with serving(table.path) as served:
        banner = served.banner
        assert f"Stemmen op de gsm: {served.url}" in banner
        assert f"Deelnamecode: {table.code}" in banner
        assert f"Scherm voor de beamer: {served.url}/scherm" in banner
        assert qr_text(f"{served.url}/?code={table.code}") in banner
        status, page = get(served.url + "/")
        assert status == 200 and 'lang="nl"' in page and "viewport" in page
        # Everything the page loads comes from this server.
        links = re.findall(r'(?:href|src)="([^"]+)"', page)
        assert links
        for link in links:
            assert link.startswith("/"), link
            assert get(served.url + link)[0] == 200, link
        assert "http" not in page.replace(served.url, "")
        # Bound to this machine only: the network address does not answer.
        address = lan_address()
        if address != "127.0.0.1":
            port = int(served.url.rsplit(":", 1)[1])
            with pytest.raises(OSError), socket.create_connection((address, port), 2):
                pass
        assert get(served.url + "/scherm")[0] == 200
        rest = served.stop()
    assert "Traceback" not in rest


def test_garbage_on_the_wire_gets_a_4xx_and_no_traceback(table: Table) -> None:
    with serving(table.path) as served:
        port = int(served.url.rsplit(":", 1)[1])
        for garbage in (
            b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" * 8,  # TLS to a plain port
            b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
            b"POST /stem HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
            b"\x00\xff" * 100 + b"\r\n\r\n",
        ):
            with socket.create_connection(("127.0.0.1", port), 5) as conn:
                conn.sendall(garbage)
                conn.settimeout(5)
                try:
                    answer = conn.recv(200)
                except (ConnectionResetError, TimeoutError):
                    answer = b""
            if answer:
                status = int(answer.split()[1])
                assert 400 <= status < 500, answer
        assert get(served.url + "/")[0] == 200, "the server goes on"
        rest = served.stop()
    assert "Traceback" not in rest and "Error handling request" not in rest


def test_serve_on_all_addresses_prints_the_network_address(table: Table) -> None:
    with serving(table.path, "--host", "0.0.0.0") as served:
        port = int(served.url.rsplit(":", 1)[1])
        assert f"Stemmen op de gsm: {public_url('0.0.0.0', port)}" in served.banner
        assert "hetzelfde (wifi-)netwerk" in served.banner


def test_serve_on_a_missing_session_says_so_in_one_line(tmp_path: object) -> None:
    import subprocess

    from tests.web.served import CLI

    result = subprocess.run(
        [str(CLI), "serve", "/nergens/tafel.nwt", "--port", "8999"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    assert "bestaat niet" in result.stderr.splitlines()[0]


def test_serve_on_a_port_in_use_says_so(table: Table) -> None:
    import subprocess

    from tests.web.served import CLI

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [str(CLI), "serve", str(table.path), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert f"poort {port} is al in gebruik" in result.stderr
