"""`netwerktafel serve` in a real process on a free port, for the browser, CLI and TUI tests."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

CLI = Path(sys.executable).parent / "netwerktafel"


def free_port() -> int:
    """A port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Served:
    """A running `netwerktafel serve`: its address, the code it printed, all it printed."""

    url: str
    code: str
    banner: str
    process: subprocess.Popen[str]

    def stop(self) -> str:
        """Stop the server (as Ctrl+C would) and return what else it printed."""
        self.process.terminate()
        try:
            rest, _ = self.process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            rest, _ = self.process.communicate()
        return rest or ""


@contextmanager
def serving(session: Path, *extra: str, timeout: float = 20.0) -> Iterator[Served]:
    """Start `netwerktafel serve SESSION --port P`; stop it afterwards."""
    port = free_port()
    process = subprocess.Popen(
        [str(CLI), "serve", str(session), "--port", str(port), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    served = None
    try:
        assert process.stdout is not None
        lines = []
        for line in process.stdout:
            lines.append(line)
            if line.startswith("Stoppen"):
                break
        banner = "".join(lines)
        code = next((x.split()[1] for x in lines if x.startswith("Deelnamecode:")), "")
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(url + "/", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise AssertionError(f"serve did not start:\n{banner}") from None
                time.sleep(0.05)
        served = Served(url, code, banner, process)
        yield served
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
