"""A real headless Chromium: a phone of 390×844 joins, votes with every method, changes a
vote and sees the revealed results; a beamer of 1920×1080 sees another participant's vote
within a second, without a key pressed."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from deck import Deck, default_deck_path, load_deck
from game.engine import Actor
from game.engine import commands as c
from tests.participant.conftest import Table
from tests.web.served import serving

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

pytestmark = pytest.mark.slow


def wait_for(what: str, condition: Callable[[], bool], timeout: float = 10.0) -> float:
    """Poll until `condition` holds; returns when (monotonic); fails after `timeout`."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"no {what} after {timeout} s")
        time.sleep(0.02)
    return time.monotonic()


def chromium(width: int, height: int, *, mobile: bool, profile: Path) -> Any:
    """Headless Chromium showing pages at exactly `width`×`height`."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("chromium en chromium-driver zijn niet geïnstalleerd (apt-get install)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--window-size={width},{height}",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
    )
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture
def phone(tmp_path: Path) -> Iterator[Any]:
    """A phone-sized Chromium."""
    driver = chromium(390, 844, mobile=True, profile=tmp_path / "telefoon")
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def projector(tmp_path: Path) -> Iterator[Any]:
    """A beamer-sized Chromium."""
    driver = chromium(1920, 1080, mobile=False, profile=tmp_path / "beamer")
    try:
        yield driver
    finally:
        driver.quit()


def body_text(driver: Any) -> str:
    """What the page shows (empty while a new page loads)."""
    text = driver.execute_script("return document.body ? document.body.innerText : ''")
    return " ".join(str(text).split())


def tap(driver: Any, css: str, index: int = 0) -> None:
    """Tap the `index`-th element matching `css`."""
    from selenium.webdriver.common.by import By

    driver.find_elements(By.CSS_SELECTOR, css)[index].click()


def votes(table: Table, ballot_id: str) -> dict[str, tuple[str, ...]]:
    """Name → choices, as the facilitator's store reads the file."""
    ballot = table.ballot(ballot_id)
    people = table.store.state.participants
    return {people[p].name: v.choices for p, v in ballot.votes.items()}


def test_phone_joins_votes_every_method_changes_and_sees_results(table: Table, phone: Any) -> None:
    from selenium.webdriver.common.by import By

    deck: Deck = load_deck(default_deck_path())
    with serving(table.path) as served:
        phone.get(f"{served.url}/?code={table.code}")
        assert phone.find_element(By.ID, "code").get_attribute("value") == table.code
        name = phone.find_element(By.ID, "naam")
        assert phone.switch_to.active_element == name, "the name field has the focus"
        name.send_keys("Fatima")
        tap(phone, "button.hoofdknop")
        wait_for("the waiting screen", lambda: "Even wachten" in body_text(phone))
        # No key, no reload: the ballot appears by itself (live update).
        dots = table.open("dots", dots=3)
        wait_for("the dots ballot", lambda: "stippen over" in body_text(phone))
        for index in (1, 1, 2):  # + on Buurtsignaal twice, + on Politiecafé
            tap(phone, "button[name=plus]", index)
        assert "Nog 0 van 3 stippen over" in body_text(phone)
        tap(phone, "button[name=stem]")
        wait_for("the confirmation", lambda: "Je stem is geteld" in body_text(phone))
        assert votes(table, dots) == {"Fatima": ("2", "2", "3")}
        # Change it: one dot from Buurtsignaal to Wijktafel.
        tap(phone, "button[name=min]", 1)
        tap(phone, "button[name=plus]", 0)
        tap(phone, "button[name=stem]")
        wait_for("the changed vote", lambda: votes(table, dots) == {"Fatima": ("1", "2", "3")})
        table.close(dots)

        ranking = table.open("ranking")
        wait_for("the ranking", lambda: "volgorde" in body_text(phone))
        tap(phone, "button[name=omhoog]", 2)  # Politiecafé up
        tap(phone, "button[name=omhoog]", 1)  # …and up again, to first place
        tap(phone, "button[name=stem]")
        wait_for("the ranking vote", lambda: votes(table, ranking) == {"Fatima": ("3", "1", "2")})
        table.close(ranking)

        several = table.open("choice", max_choices=2)
        wait_for("the choice", lambda: "Hoogstens 2" in body_text(phone))
        tap(phone, "input[type=checkbox]", 0)
        tap(phone, "input[type=checkbox]", 2)
        tap(phone, "button[name=stem]")
        wait_for("the choice vote", lambda: votes(table, several) == {"Fatima": ("1", "3")})
        table.close(several)

        event = table.store.submit(
            c.OpenBallot(
                "likert",
                "statement",
                statement_id="stelling-hulp-van-burgers-zinvol",
                reveal="manual",
            ),
            table.facilitator,
            deck=deck,
        )
        likert = event.ballot_id  # type: ignore[attr-defined]
        wait_for("the statement", lambda: "Tik het antwoord" in body_text(phone))
        tap(phone, "button[name=keuze]", 3)  # Eens
        wait_for("the likert vote", lambda: votes(table, likert) == {"Fatima": ("4",)})
        table.close(likert)
        table.reveal(likert)
        wait_for("the results", lambda: "bevraging" in body_text(phone))
        shown = body_text(phone)
        assert "100 %" in shown and "niet representatief" in shown
        # Everything fits the phone's width: nothing to scroll sideways.
        width = phone.execute_script("return document.documentElement.scrollWidth")
        assert width <= 390


def test_beamer_shows_another_participants_vote_within_a_second(
    table: Table, projector: Any
) -> None:
    ballot = table.open("choice", reveal="manual")
    with serving(table.path) as served:
        projector.get(f"{served.url}/scherm")
        wait_for("the beamer", lambda: "0 van 0 deelnemers stemden" in body_text(projector))
        assert table.code in body_text(projector)
        voter = Actor("stemmer-in-een-ander-proces-met-een-sleutel")
        table.store.submit(c.JoinParticipant("Bob", table.code), voter)
        wait_for("the new participant", lambda: "0 van 1 deelnemer stemde" in body_text(projector))
        cast = time.monotonic()
        table.store.submit(c.CastVote(ballot, ("2",)), voter)
        seen = wait_for("the vote", lambda: "1 van 1 deelnemer stemde" in body_text(projector))
        assert seen - cast < 1.0
        assert "%" not in body_text(projector), "hidden results stay hidden"
        table.reveal(ballot)
        wait_for("the revealed bars", lambda: "100 %" in body_text(projector))
        assert projector.execute_script("return document.documentElement.scrollHeight") <= 1080
