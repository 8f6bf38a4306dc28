"""The PDF report, read back with pdfplumber: every section, the right figures, no names."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from deck import Deck
from deck.model import ConcernCard, ExampleCard, FormCard
from game.engine import SessionState
from game.engine import commands as c
from game.engine.balance import balance_warnings
from game.engine.report import NOTHING_YET, SECTION_TITLES
from game.store import SessionStore
from print.colours import accent
from print.report import render_report
from print.report_style import MARGIN_X, PAGE, WIDTH
from tests.cli_inprocess import run
from tests.report.conftest import (
    PARTICIPANTS,
    SECRET_REASON,
    START,
    at,
    dutch,
    pdf_pages,
    pdf_text,
    play_session,
    thousands,
)


def readings(data: bytes) -> str:
    """The text of the PDF, then once more per column of the two-column concern blocks.

    A PDF reader reads a page line by line across both columns, so a concern that wraps
    in the left column is interleaved with the answer beside it; read column by column,
    it is whole again.
    """
    split = MARGIN_X + WIDTH * 0.55
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        columns = [
            _region_words(page, x0, 0, x1, page.height)
            for page in pdf.pages
            for x0, x1 in ((0, split), (split, page.width))
        ]
    return " ".join([pdf_text(data), *columns])


def headings(text: str) -> list[int]:
    """Where each numbered section heading stands in the text, in report order."""
    return [text.index(f"{n} {title}") for n, title in enumerate(SECTION_TITLES.values(), 1)]


def unit(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def expected_figures(view: dict[str, Any]) -> list[str]:
    """What the report must print for `session show --json`'s figures."""
    wanted: list[str] = []
    for s in view["stakeholders"]:
        wanted.append(s["role"])
        if s["name"] != s["role"]:
            wanted.append(s["name"])
    wanted.append(f"{len(view['participants'])} deelnemers meldden zich aan om te stemmen.")
    for ballot in view["ballots"]:
        result = ballot["tally"]
        if ballot["method"] == "likert":
            statement = ballot["statement"]
            wanted.append(statement["text"])
            wanted.append(f"N = {ballot['voters']}")
            if statement["benchmark"]:
                wanted.append(f"N = {thousands(statement['benchmark_n'])}")
                wanted += [f"{p} %" for p in statement["benchmark"]]
            if result is None:
                wanted.append(f"uitslag nog niet bekendgemaakt ({ballot['voters']} stemmen)")
                continue
            wanted += [f"{r['count']} · {dutch(r['percent'])} %" for r in result["rows"]]
            if result["mean"] is not None:
                wanted.append(f"gemiddeld {dutch(result['mean'])} op 5")
            continue
        wanted.append(ballot["title"])
        wanted.append(unit(ballot["voters"], "deelnemer stemde", "deelnemers stemden"))
        assert result is not None
        for row in result["rows"]:
            wanted.append(row["label"])
            if ballot["method"] == "ranking":
                figure = unit(row["points"], "punt", "punten")
                if row["mean_rank"] is not None:
                    figure += f" · gem. plaats {dutch(row['mean_rank'])}"
            else:
                dots = ballot["method"] == "dots"
                one, many = ("stip", "stippen") if dots else ("stem", "stemmen")
                figure = f"{unit(row['count'], one, many)} · {dutch(row['percent'])} %"
            wanted.append(figure)
        if ballot["method"] == "dots":
            wanted.append(f"({unit(result['total'], 'stip', 'stippen')})")
    for concern in view["concerns"]:
        wanted.append(concern["concern_title"])
        if concern["text"]:
            wanted.append(concern["text"])
    for approach in view["approaches"]:
        wanted.append(approach["title"].split(" /")[0])
        if approach["note"]:
            wanted.append(approach["note"])
    for action in view["actions"]:
        wanted += [action["title"], action["owner"] or "–"]
    return wanted


def test_cli_report_shows_every_section_with_the_figures_of_show_json(
    session_file: Path, state: SessionState, deck: Deck, tmp_path: Path
) -> None:
    target = tmp_path / "verslag.pdf"
    said = run("print", "report", session_file, "-o", target).stdout
    assert said.startswith(f"{target} geschreven: verslag van ")
    view = json.loads(run("session", "show", session_file, "--json").stdout)
    data = target.read_bytes()
    text = pdf_text(data)
    assert headings(text) == sorted(headings(text))
    text = readings(data)
    for figure in expected_figures(view):
        assert figure in text, figure
    for warning in balance_warnings(state, deck):
        assert warning.message in text
    assert "23 april 2026" in text and "klaar" in text
    assert "donderdag 12 maart 2026, 19.30 uur" in text
    assert "Karin (verliet de tafel)" in text
    # The cards used, each with its sources' numbers, and the numbered sources.
    for title in ("Burgemeester", "Algemeen belang", "Politiecafé", "Meedoen"):
        assert title in text
    assert "[1]" in text and "Bronnen" in text
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        width, height = pdf.pages[0].width, pdf.pages[0].height
        assert (round(width), round(height)) == (595, 842)  # A4
        count = len(pdf.pages)
        assert pdf.metadata["Title"] == "Verslag: Overlast rond het stationsplein"
    assert f"pagina {count} van {count}" in text

    # session export --format pdf writes the very same file.
    copy = tmp_path / "export.pdf"
    run("session", "export", session_file, "--format", "pdf", "-o", copy)
    assert copy.read_bytes() == data


def _region_words(page: Any, x0: float, top: float, x1: float, bottom: float) -> str:
    return " ".join((page.crop((x0, top, x1, bottom)).extract_text() or "").split())


def test_grid_puts_each_approach_under_its_stakeholder_and_form(
    state: SessionState, deck: Deck
) -> None:
    data = render_report(state, deck)
    first = 38 * 72 / 25.4
    forms = [f.id for f in deck.of_type(FormCard)]
    column = (WIDTH - first) / len(forms)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = next(p for p in pdf.pages if p.search("5 Aanpakken"))
        top = page.search("5 Aanpakken")[0]["bottom"]
        bottom = next(m["top"] for m in page.search("Totaal") if m["top"] > top)
        names = {
            s.id: page.crop((MARGIN_X, top, MARGIN_X + first, bottom)).search(s.name)[0]["top"]
            for s in state.stakeholders.values()
            if any(a.stakeholder_id == s.id for a in state.approaches.values())
        }
        rows = sorted(names.values())
        for approach in state.approaches.values():
            index = forms.index(approach.form)
            x0 = MARGIN_X + first + index * column
            cell = page.crop((x0, top, x0 + column, bottom))
            found = cell.search(approach.card_title.split(" /")[0])
            assert found, (approach.card_title, approach.form)
            row_top = names[approach.stakeholder_id]
            following = [r for r in rows if r > row_top]
            assert row_top - 2 <= found[0]["top"] < (following[0] if following else bottom)


def test_each_concern_card_shows_its_answer_beside_the_concerns(
    state: SessionState, deck: Deck
) -> None:
    data = render_report(state, deck)
    answer_x = MARGIN_X + WIDTH * 0.55
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        right = " ".join(
            _region_words(p, answer_x, 0, PAGE[0] - MARGIN_X + 1, p.height) for p in pdf.pages
        )
    for card in deck.of_type(ConcernCard):
        answer = " ".join(str(card.answer).split())
        assert answer[:80] in right, card.id
    text = readings(data)
    assert "• Els Vermeulen (Burgemeester): Altijd dezelfde stemmen" in text
    assert "• Karin (Winkelier)" in text  # a concern without words of its own
    assert "Niemand aan tafel noemde deze bezorgdheid." in text  # effectiviteit


def test_a_session_without_anything_yet_gives_a_clean_report(empty_file: Path, deck: Deck) -> None:
    with SessionStore.open(empty_file) as store:
        state = store.state
    pages = pdf_pages(render_report(state, deck))
    text = " ".join(pages)
    assert headings(text) == sorted(headings(text))
    for section, sentence in NOTHING_YET.items():
        if section != "concern-cards":
            assert sentence in text, section
    assert "Er meldden zich nog geen deelnemers aan om te stemmen." in text
    assert "Er zijn nog geen aanpakken gekozen: er valt nog niets af te wegen." in text
    for junk in ("None", "nan", "{", "}", "[]"):
        assert junk not in text
    assert len(pages) <= 2


def test_ballots_without_votes_say_so_instead_of_drawing_empty_charts(
    tmp_path: Path, deck: Deck
) -> None:
    created = SessionStore.create(tmp_path / "stil.nwt", deck_id=deck.manifest.id, now=START)
    store, me = created.store, created.facilitator
    with store:
        store.submit_many(
            [
                (c.AddStakeholder("burgemeester"), me),
                (c.AddStakeholder("bewoner", "Ann"), me),
                (c.RecordApproach("s1", "wijktafel"), me),
                (c.RecordApproach("s2", "buurtvaders"), me),
                (c.OpenBallot("likert", "statement", statement_id="stelling-anderen-helpen"), me),
                (c.OpenBallot("dots", "approaches"), me),
                (c.OpenBallot("choice", "options", options=("Ja", "Nee"), reveal="manual"), me),
            ],
            deck=deck,
            now=at(1),
        )
        state = store.state
    text = pdf_text(render_report(state, deck))
    assert "nog geen stemmen" in text  # the statement's empty bar, beside the survey
    assert "N = 0" in text and "N = 1.195" in text
    assert text.count("Er werd nog niet gestemd.") == 1  # the dot vote
    assert "De uitslag is nog niet bekendgemaakt." in text  # the hidden choice
    assert "Opties: Wijktafel / Agent Bijt Hond (Burgemeester); Buurtvaders (Ann)" in text
    assert "0 stippen" not in text


def test_no_participant_and_no_vote_of_an_anonymous_ballot_is_ever_printed(
    state: SessionState, deck: Deck
) -> None:
    assert state.ballots["b3"].anonymous and not state.ballots["b4"].anonymous
    text = pdf_text(render_report(state, deck))
    for name in PARTICIPANTS:
        assert name not in text
        assert name.split()[0] not in text
    assert SECRET_REASON not in text
    assert "anoniem" in text
    readable = readings(render_report(state, deck))
    assert not any(name.split()[0] in readable for name in PARTICIPANTS)
    assert "alleen als aantal" in text


def test_two_runs_give_the_same_bytes(session_file: Path, state: SessionState, deck: Deck) -> None:
    first = render_report(state, deck)
    with SessionStore.open(session_file) as store:
        again = render_report(store.state, deck)
    assert first == again
    assert b"/CreationDate (D:20000101000000+00'00')" in first


def test_user_text_is_escaped_and_printable(tmp_path: Path, deck: Deck) -> None:
    created = SessionStore.create(
        tmp_path / "tekens.nwt",
        deck_id=deck.manifest.id,
        case="<b>R&D</b> rond het <jongeren> plein ĳs 🚲",
        now=START,
    )
    store, me = created.store, created.facilitator
    with store:
        store.submit_many(
            [
                (c.AddStakeholder("bewoner", "An <i>de</i> & Co"), me),
                (c.RecordConcern("s1", "efficientie", "Te veel <vergaderingen> & gedoe"), me),
                (c.AddAction("Plan <b>maken</b>", owner="s1"), me),
            ],
            deck=deck,
            now=at(1),
        )
        state = store.state
    text = readings(render_report(state, deck))
    assert "<b>R&D</b> rond het <jongeren> plein ijs ?" in text
    assert "An <i>de</i> & Co" in text
    assert "Te veel <vergaderingen> & gedoe" in text
    assert "Plan <b>maken</b>" in text


def test_charts_are_drawn_in_the_decks_type_colours_and_hatched_for_grey_copies(
    state: SessionState, deck: Deck
) -> None:
    data = render_report(state, deck)
    types = deck.manifest.types

    def rgb(hex_colour: str) -> tuple[float, float, float]:
        colour = accent(hex_colour)
        return (round(colour.red, 2), round(colour.green, 2), round(colour.blue, 2))

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        fills = {
            tuple(round(v, 2) for v in rect["non_stroking_color"])
            for page in pdf.pages
            for rect in page.rects
            if isinstance(rect.get("non_stroking_color"), tuple)
            and len(rect["non_stroking_color"]) == 3
        }
        white_lines = sum(
            1
            for page in pdf.pages
            for line in page.lines
            if tuple(line.get("stroking_color") or ()) == (1, 1, 1)
        )
    assert rgb(types["stelling"].colour) in fills  # statement bars
    assert rgb(types["voorbeeld"].colour) in fills  # dot vote over the approaches
    assert white_lines > 20  # the hatching of the disagreeing answers


def test_bad_input_gets_the_stores_message_and_exit_2(tmp_path: Path, session_file: Path) -> None:
    missing = run("print", "report", tmp_path / "weg.nwt", code=2).stderr
    assert "weg.nwt" in missing and "bestaat niet" in missing
    text_file = tmp_path / "notities.txt"
    text_file.write_text("geen sessie\n", encoding="utf-8")
    foreign = run(
        "session", "export", text_file, "--format", "pdf", "-o", tmp_path / "x.pdf", code=2
    ).stderr
    assert "geen netwerktafel-sessie" in foreign
    folder = run("print", "report", session_file, "-o", tmp_path, code=2).stderr
    assert "dit is een map" in folder
    assert not list(tmp_path.glob("*.pdf"))


def test_the_same_session_played_again_gives_the_same_report(
    tmp_path: Path, state: SessionState, deck: Deck
) -> None:
    # Another file with its own session id, join code and tokens: none of them is printed.
    with SessionStore.open(play_session(tmp_path / "nog-eens.nwt", deck)) as store:
        assert store.state.info != state.info
        again = render_report(store.state, deck)
    assert again == render_report(state, deck)


@pytest.fixture(autouse=True)
def _no_leftovers(tmp_path: Path) -> Any:
    yield
    assert not list(tmp_path.glob(".verslag-*"))


def test_a_session_at_the_engines_limits_still_lays_out(tmp_path: Path, deck: Deck) -> None:
    # Texts as long as the engine takes them, one stakeholder with thirty approaches and ten
    # long concerns, forty options: rows taller than a page must split, not fail.
    long_text = ("Woord " * 200)[:1000]
    created = SessionStore.create(
        tmp_path / "groot.nwt", deck_id=deck.manifest.id, case="Casus " * 600, now=START
    )
    store, me = created.store, created.facilitator
    examples = [card.id for card in deck.of_type(ExampleCard)][:30]
    with store:
        store.submit_many(
            [(c.AddStakeholder("bewoner", "N" * 60), me)]
            + [(c.RecordApproach("s1", card, long_text), me) for card in examples]
            + [(c.RecordConcern("s1", "efficientie", long_text), me) for _ in range(10)]
            + [(c.AddAction("Actie " * 33, owner="s1", note=long_text), me) for _ in range(10)]
            + [
                (
                    c.OpenBallot(
                        "choice",
                        "options",
                        options=tuple(f"Optie {n} " + "x" * 180 for n in range(40)),
                    ),
                    me,
                )
            ],
            deck=deck,
            now=at(1),
        )
        state = store.state
    pages = pdf_pages(render_report(state, deck))
    assert len(pages) > 10
    assert all("pagina" in page for page in pages)
    assert "Casus Casus" in pages[0] and " …" in pages[0]  # the cover cuts a long title
