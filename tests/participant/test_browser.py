"""End to end in a real browser: headless Chromium opens the served page, joins with the
code, votes, and the vote is in the session file.

The page is a terminal drawn on a canvas, so the test types the way a person does: keys go
to the page (xterm's hidden text field), and the session file tells what happened.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from game.engine import SessionState
from tests.participant.conftest import Table
from tests.participant.served import serving

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def wait_for(what: str, condition: Callable[[], bool], timeout: float = 15.0) -> None:
    """Poll until `condition` holds; fail with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"no {what} after {timeout} s")
        time.sleep(0.1)


def drawn(driver: Any) -> bool:
    """Whether the page shows text (the canvas is dark before the app draws) and stands
    still: the same picture twice, a moment apart."""
    from PIL import Image

    first = driver.get_screenshot_as_png()
    time.sleep(0.3)
    if driver.get_screenshot_as_png() != first:
        return False
    grey = Image.open(io.BytesIO(first)).convert("L")
    bright = sum(grey.histogram()[160:])
    return bright > 2000


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[object]:
    """Headless Chromium with a fresh profile, driven by chromedriver."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("chromium en chromium-driver zijn niet geïnstalleerd (apt-get install)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium-profiel'}")
    # About a phone held sideways: the app must be usable at this size too.
    options.add_argument("--window-size=720,640")
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def test_join_and_vote_in_a_browser(table: Table, browser: object, tmp_path: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.remote.webdriver import WebDriver

    assert isinstance(browser, WebDriver)
    driver = browser

    def state() -> SessionState:
        # The facilitator's own store: one connection to the file in this process (a
        # second one, opened and closed, would drop this process's SQLite locks).
        table.store.refresh()
        return table.store.state

    def typed(*keys: str) -> None:
        chain = ActionChains(driver)
        for key in keys:
            chain.send_keys(key)
        chain.perform()

    with serving(table.path) as served:
        driver.get(served.url + "/")
        body = driver.find_element(By.TAG_NAME, "body")
        wait_for("app on the page", lambda: "-first-byte" in (body.get_attribute("class") or ""))
        assert "googleapis" not in driver.page_source
        driver.execute_script("document.querySelector('.xterm-helper-textarea').focus()")
        # Keys typed before the join screen has put the cursor in the code field are lost.
        wait_for("join screen drawn", lambda: drawn(driver))
        typed(served.code.lower(), Keys.ENTER)
        time.sleep(0.5)  # as a person would: Enter moves the cursor to the name field
        typed("Webbrowser", Keys.ENTER)
        wait_for("participant in the session", lambda: bool(state().participants))
        (participant,) = state().participants.values()
        assert participant.name == "Webbrowser"

        ballot = table.open("choice")
        time.sleep(1.5)  # the app polls, and shows the new ballot within a second
        typed("3", Keys.ENTER)
        wait_for("vote in the session", lambda: bool(state().ballots[ballot].votes))
        vote = state().ballots[ballot].votes[participant.id]
        assert vote.choices == ("3",)
        driver.save_screenshot(str(tmp_path / "gestemd.png"))
