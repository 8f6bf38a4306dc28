"""The README's pictures of the room: the phone page and the beamer page, in headless Chromium.

    .venv/bin/python docs/room_pictures.py

Plays a short netwerktafel in a temporary folder (three stakeholders, three approaches, a
dot vote, then a statement), starts `netwerktafel serve` on it, lets a phone of 390×844
join by the QR code's address and place its dots among eleven other voters, and takes
`docs/zaal-gsm.png` (the phone after its vote) and `docs/zaal-beamer.png` (the projector at
1920×1080 with the statement's results beside the survey). Needs Debian's `chromium` and
`chromium-driver`.
"""

from __future__ import annotations

import random
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deck import default_deck_path, load_deck  # noqa: E402
from game.engine import Actor  # noqa: E402
from game.engine import commands as c  # noqa: E402
from game.store import SessionStore, new_token  # noqa: E402
from workshops import open_workshop  # noqa: E402

CLI = Path(sys.executable).parent / "netwerktafel"
NAMES = ("Lies", "Tom", "Noor", "Bram", "Fatima", "Jef", "Sara", "Wout", "Ines", "Kobe", "Mila")


def browser(width: int, height: int, *, mobile: bool) -> Any:
    """Headless Chromium showing pages at exactly `width`×`height`."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        f"--window-size={width},{height}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
    )
    return driver


def main() -> None:
    """Play the session, serve it, and take both pictures."""
    deck = load_deck(default_deck_path())
    folder = Path(tempfile.mkdtemp(prefix="zaal-"))
    workshop = open_workshop("netwerktafel")
    made = SessionStore.create_for_workshop(
        folder / "stationsplein.nwt",
        deck=deck,
        workshop=workshop,
        case="Overlast rond het stationsplein",
    )
    store, me = made.store, made.facilitator
    for role, name in (
        ("burgemeester", "Els Vermeulen"),
        ("bewoner", "Ann Peeters"),
        ("jongere", "Yassine El Amrani"),
    ):
        store.submit(c.AddStakeholder(role, name), me, deck=deck)
    store.submit(c.RecordApproach("s2", "buurtvaders", "vaders uit de wijk"), me, deck=deck)
    store.submit(c.RecordApproach("s3", "wijktafel", ""), me, deck=deck)
    store.submit(c.RecordApproach("s1", "burgerbudget", ""), me, deck=deck)
    store.submit(c.AdvanceRound(), me)
    store.submit(c.AdvanceRound(), me)
    code = store.state.info.join_code  # type: ignore[union-attr]
    rng = random.Random(7)
    voters = [Actor(new_token()) for _ in NAMES]
    for name, voter in zip(NAMES, voters, strict=True):
        store.submit(c.JoinParticipant(name, code), voter)
    dots = store.submit(c.OpenBallot("dots", "approaches", reveal="after-vote"), me).ballot_id  # type: ignore[attr-defined]
    for voter in voters:
        store.submit(c.CastVote(dots, tuple(rng.choice("1123") for _ in range(3))), voter)

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [str(CLI), "serve", str(folder / "stationsplein.nwt"), "--port", str(port)],
        stdout=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url, timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        phone = browser(390, 844, mobile=True)
        try:
            phone.get(f"{url}/?code={code}")
            phone.find_element("id", "naam").send_keys("Fatima")
            phone.find_element("css selector", "button.hoofdknop").click()
            time.sleep(0.5)
            for index in (0, 0, 1):
                phone.find_elements("css selector", "button[name=plus]")[index].click()
            phone.find_element("css selector", "button[name=stem]").click()
            time.sleep(0.8)
            phone.save_screenshot(str(ROOT / "docs" / "zaal-gsm.png"))
        finally:
            phone.quit()
        store.submit(c.CloseBallot(dots), me)
        statement = store.submit(
            c.OpenBallot(
                "likert",
                "statement",
                statement_id="stelling-hulp-van-burgers-zinvol",
                reveal="manual",
            ),
            me,
            deck=deck,
        ).ballot_id  # type: ignore[attr-defined]
        for voter in voters:
            store.submit(c.CastVote(statement, (rng.choice("234455"),)), voter)
        store.submit(c.CloseBallot(statement), me)
        store.submit(c.RevealBallot(statement), me)
        beamer = browser(1920, 1080, mobile=False)
        try:
            beamer.get(f"{url}/scherm")
            time.sleep(1.0)
            beamer.save_screenshot(str(ROOT / "docs" / "zaal-beamer.png"))
        finally:
            beamer.quit()
    finally:
        server.terminate()
        server.wait(timeout=10)
        store.close()
    print("docs/zaal-gsm.png en docs/zaal-beamer.png geschreven")


if __name__ == "__main__":
    main()
