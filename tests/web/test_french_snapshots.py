"""The phone and beamer pages in French, kept as snapshots: a phone that chose Français
joins, votes on a statement of the default deck and reads the result; the beamer shows the
same ballot. Each page's HTML is compared whole (the join code, the server's address and the
session's own tokens written as placeholders), so a Dutch word or a lost French space that
creeps onto a French page shows up as a difference, even where no test looks for it.

Update after a deliberate change: `pytest tests/web/test_french_snapshots.py --snapshot-update`,
then read the diff of `__snapshots__/test_french_snapshots.ambr`.
"""

from __future__ import annotations

import re
from typing import Any

from deck import Deck
from tests.web.conftest import Page, ServedRoom, open_statement

TOKEN = re.compile(r"\b[0-9a-f]{16,}\b|\b[A-Za-z0-9_-]{32,}\b")
CSRF = re.compile(r'<meta name="csrf" content="([^"]+)">')


def normalised(page: Page, served: ServedRoom) -> str:
    """The page's HTML without what differs from run to run."""
    html = page.html.replace(served.table.code, "CODE").replace(served.base, "http://SERVER")
    csrf = CSRF.search(html)
    if csrf is not None:
        html = html.replace(csrf.group(1), "CSRF")
    return TOKEN.sub("TOKEN", html)


async def test_a_french_phone_from_joining_to_the_result(
    served: ServedRoom, default_deck: Deck, snapshot: Any
) -> None:
    table = served.table
    phone = await served.phone()
    join = await phone.open("/taal/fr?naar=gsm")
    assert join.status == 200 and 'lang="fr"' in join.html
    waiting = await phone.submit(
        "/aanmelden", "Participer", fill={"code": table.code, "naam": "Chloé"}
    )
    ballot = open_statement(table, default_deck, "stelling-hulp-van-burgers-zinvol")
    await served.settled()
    vote = await phone.open()
    counted = await phone.submit("/stem", "4 D'accord")
    table.close(ballot)
    await served.settled()
    result = await phone.open()
    beamer = await (await served.phone()).open("/taal/fr?naar=scherm")
    pages = {
        "join": join,
        "waiting": waiting,
        "vote": vote,
        "counted": counted,
        "result": result,
        "beamer": beamer,
    }
    for name, page in pages.items():
        assert page.status == 200, name
        assert normalised(page, served) == snapshot(name=name)
