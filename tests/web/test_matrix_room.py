"""A matrix ballot in the room: two rows of five buttons per option on the phone (a plain
form, no JavaScript), the grid with labelled points on the phone and the beamer, and paper
slips counted apart from the participants on the beamer."""

from __future__ import annotations

from game.engine import commands as c
from tests.web.conftest import ServedRoom


async def test_a_phone_places_every_option_and_sees_the_grid(served: ServedRoom) -> None:
    table = served.table
    phone = await served.phone()
    await phone.join(table.code, "Sam")
    ballot = table.open("matrix", axes=("nut", "kostprijs"), reveal="manual")
    await served.settled()
    page = await phone.open()
    assert "voor nut en voor kostprijs" in page.text
    form = page.form("/stem")
    radios = {name for name, _ in form.boxes}
    assert radios == {f"as{n}-{o}" for n in (1, 2) for o in ("1", "2", "3")}
    assert sum(1 for name, _ in form.boxes if name == "as1-1") == 5
    # One option left open: the engine names it, the form keeps what was given.
    page = await phone.submit("/stem", "Stem", fill={"as1-1": "4", "as2-1": "5", "as1-2": "2"})
    assert page.status == 400 and "nog niet: 2, 3" in page.text
    assert 'name="as1-1" value="4" checked' in page.html
    fill = {"as1-1": "4", "as2-1": "5", "as1-2": "2", "as2-2": "1", "as1-3": "3", "as2-3": "3"}
    page = await phone.submit("/stem", "Stem", fill=fill)
    assert "Je stem is geteld" in page.text
    assert "Wijktafel: nut 4, kostprijs 5" in page.text
    assert table.ballot(ballot).votes
    # A figure outside 1–5 from a forged form is refused by the engine.
    page = await phone.submit("/stem", "Stem", fill={**fill, "as2-3": "9"})
    assert page.status == 400 and "Kostprijs van optie 3 moet 1 tot 5 zijn, niet 9" in page.text

    table.store.submit(c.CastPaperVote(ballot, ("1=2/3", "2=2/1", "3=1/1")), table.facilitator)
    table.reveal(ballot)
    await served.settled()
    page = await phone.open()
    assert '<svg class="raster"' in page.html
    assert "1. Wijktafel nut 3,0 ± 1,0 · kostprijs 4,0 ± 1,0 → snel doen" in page.text
    assert "3. Politiecafé nut 2,0 ± 1,0 · kostprijs 2,0 ± 1,0 → laten" in page.text
    assert "waarvan 1 op papier" in page.text

    async with phone.session.get(served.base + "/scherm") as response:
        beamer = await response.text()
    assert '<svg class="raster"' in beamer and ">snel doen</text>" in beamer
    assert ">Wijktafel</text>" in beamer and "kostprijs →" in beamer
