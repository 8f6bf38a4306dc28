"""`netwerktafel print cards` as a trainer runs it: its output and its PDF (run in-process)."""

from __future__ import annotations

import sys
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest

from deck import default_deck_path, load_deck
from game.cli import print_cards
from tests.cli_inprocess import invoke as run
from tests.print.conftest import DeckMaker, title_of

PT = 72 / 25.4


def test_print_cards_writes_a_pdf_and_says_how_to_print_it(
    make_deck: DeckMaker, tmp_path: Path
) -> None:
    folder = make_deck(10)
    result = run("print", "cards", "--deck", folder, cwd=tmp_path)
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    # Ten test cards plus the form card they refer to.
    assert lines[0] == (
        "kaarten.pdf geschreven: 11 kaarten van 63×88 mm op 2 vellen A4, 9 per vel, "
        "voor- en achterkant (4 pagina's)."
    )
    assert "werkelijke grootte (100 %" in lines[1] and "lange kant" in lines[1]
    assert len(pdfium.PdfDocument(tmp_path / "kaarten.pdf")) == 4
    assert result.stderr == ""


def test_options_reach_the_pdf(make_deck: DeckMaker, tmp_path: Path) -> None:
    folder = make_deck(3)
    out = tmp_path / "winkel.pdf"
    result = run(
        "print",
        "cards",
        "--deck",
        folder,
        "-o",
        out,
        "--paper",
        "letter",
        "--size",
        "60x90",
        "--bleed",
        "1,5",
        "--no-crop-marks",
        "--backs",
        "short",
        "--type",
        "vorm,voorbeeld",
    )
    assert result.code == 0, result.stderr
    assert "3 kaarten van 60×90 mm" in result.stdout and "Letter" in result.stdout
    assert "korte kant" in result.stdout
    page = pdfium.PdfDocument(out)[0]
    assert page.get_size() == (pytest.approx(215.9 * PT), pytest.approx(279.4 * PT))
    # 60×90 mm with bleed goes 8-up on Letter, turned: pdfium reads turned text.
    text = page.get_textpage().get_text_range()
    # kaart-0 is a vorm card, kaart-1 a voorbeeld, kaart-2 a bezorgdheid; Meedoen is a vorm.
    assert title_of(0) in text and title_of(1) in text and "Meedoen" in text
    assert title_of(2) not in text
    assert b"/Duplex /DuplexFlipShortEdge" in out.read_bytes()


def test_cards_by_id(make_deck: DeckMaker, tmp_path: Path) -> None:
    out = tmp_path / "twee.pdf"
    result = run(
        "print", "cards", "--deck", make_deck(5), "-o", out, "--id", "kaart-2", "--id", "kaart-4"
    )
    assert result.code == 0, result.stderr
    with pdfplumber.open(out) as pdf:
        text = pdf.pages[0].extract_text()
    assert title_of(2) in text and title_of(4) in text
    assert title_of(3) not in text


def test_per_page_for_a_print_shop(make_deck: DeckMaker, tmp_path: Path) -> None:
    out = tmp_path / "drukker.pdf"
    result = run("print", "cards", "--deck", make_deck(2), "-o", out, "--per-page", "--bleed", "3")
    assert result.code == 0, result.stderr
    assert "één per pagina: 6 pagina's (voor- en achterkanten)" in result.stdout
    assert "TrimBox" in result.stdout and "3 mm afloop" in result.stdout
    page = pdfium.PdfDocument(out)[0]
    assert page.get_trimbox() == pytest.approx((3 * PT, 3 * PT, 66 * PT, 91 * PT))


def test_same_deck_same_bytes(make_deck: DeckMaker, tmp_path: Path) -> None:
    folder = make_deck(4)
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert run("print", "cards", "--deck", folder, "-o", first).code == 0
    assert run("print", "cards", "--deck", folder, "-o", second).code == 0
    assert first.read_bytes() == second.read_bytes()


def test_every_bad_option_is_one_clear_line(make_deck: DeckMaker, tmp_path: Path) -> None:
    result = run(
        "print",
        "cards",
        "--deck",
        make_deck(1),
        "-o",
        tmp_path / "x.pdf",
        "--paper",
        "a3",
        "--size",
        "63x",
        "--bleed",
        "-1",
        "--back-offset",
        "1;2;3",
        "--backs",
        "lang",
    )
    assert result.code == 2
    lines = result.stderr.splitlines()
    assert lines == [
        "--paper:1:1: onbekend papierformaat 'a3' (kies uit: a4, letter)",
        "--size:1:1: onbekend kaartformaat '63x' (kies uit: poker, poker-us, bridge, tarot, "
        "mini, a7, a6, of geef breedte x hoogte in mm, bv. 63x88)",
        "--bleed:1:1: afloop van -1 mm kan niet (kies 0 tot 10 mm; drukkerijen vragen meestal 3)",
        "--back-offset:1:1: verschuiving '1;2;3' is geen X,Y (schrijf X,Y in mm, bv. 0.5,-1; "
        "X naar rechts, Y naar boven, gezien op de achterkant)",
        "--backs:1:1: onbekende keuze 'lang' voor de achterkanten (bedoelde je 'long'?)",
        "5 problemen gevonden.",
    ]
    assert not (tmp_path / "x.pdf").exists()


def test_unknown_types_and_ids_get_a_hint(make_deck: DeckMaker, tmp_path: Path) -> None:
    result = run(
        "print",
        "cards",
        "--deck",
        make_deck(3),
        "-o",
        tmp_path / "x.pdf",
        "--type",
        "tips",
        "--id",
        "kaart-22",
    )
    assert result.code == 2
    assert result.stderr.splitlines() == [
        "--type:1:1: onbekend kaarttype 'tips' (bedoelde je 'tip'?)",
        "--id:1:1: geen kaart met id 'kaart-22' (bedoelde je 'kaart-2'?)",
        "2 problemen gevonden.",
    ]


def test_nothing_to_print_is_an_error(make_deck: DeckMaker, tmp_path: Path) -> None:
    result = run("print", "cards", "--deck", make_deck(2), "-o", tmp_path / "x.pdf", "-t", "rol")
    assert result.code == 2
    assert "geen kaarten om af te drukken" in result.stderr
    assert not (tmp_path / "x.pdf").exists()
    empty = tmp_path / "leeg"
    empty.mkdir()
    (empty / "deck.yaml").write_text(
        'id: leeg\ntitle: Leeg\ntypes:\n  tip: {label: Tip, colour: "#9a6b00"}\nfiles: [k.yaml]\n',
        encoding="utf-8",
    )
    (empty / "k.yaml").write_text("[]\n", encoding="utf-8")
    result = run("print", "cards", "--deck", empty, "-o", tmp_path / "x.pdf")
    assert result.code == 2
    assert "--deck:1:1: geen kaarten om af te drukken (dit deck heeft nog geen kaarten)" in (
        result.stderr
    )


def test_options_that_clash_are_refused(make_deck: DeckMaker, tmp_path: Path) -> None:
    folder = make_deck(1)
    fold = run("print", "cards", "--deck", folder, "--backs", "fold", "--back-offset", "1,0")
    assert fold.code == 2 and "--back-offset" in fold.stderr
    big = run("print", "cards", "--deck", folder, "--size", "300x400", "-o", tmp_path / "x.pdf")
    assert big.code == 2 and "past niet op A4" in big.stderr


def test_a_card_too_long_stops_the_print_at_its_line(make_deck: DeckMaker, tmp_path: Path) -> None:
    folder = make_deck(2, texts={1: "Veel te veel tekst voor een kaart. " * 60})
    result = run("print", "cards", "--deck", folder, "-o", tmp_path / "x.pdf")
    assert result.code == 2
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{folder / 'kaarten.yaml'}:")
    assert "card 'kaart-1': de tekst past niet op een kaart van 63×88 mm" in first
    assert not (tmp_path / "x.pdf").exists()
    # On tarot cards it fits.
    tarot = run("print", "cards", "--deck", folder, "-o", tmp_path / "x.pdf", "--size", "tarot")
    assert tarot.code == 0, tarot.stderr


def test_output_folder_must_exist(make_deck: DeckMaker, tmp_path: Path) -> None:
    result = run("print", "cards", "--deck", make_deck(1), "-o", tmp_path / "nergens" / "x.pdf")
    assert result.code == 2
    assert "bestaat niet" in result.stderr and "Traceback" not in result.stderr


def test_deck_check_reports_what_would_not_print(make_deck: DeckMaker) -> None:
    folder = make_deck(2, texts={0: "Eerst melden → dan handelen.", 1: "Lang. " * 400})
    result = run("deck", "check", folder)
    assert result.code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 3
    assert "card 'kaart-1': de tekst past niet op een kaart van 63×88 mm" in lines[0]
    assert "card 'kaart-0': teken '→' (U+2192) zit niet in het lettertype" in lines[1]
    assert lines[2] == "2 problemen gevonden."


def test_help_is_dutch() -> None:
    result = run("print", "cards", "--help")
    assert result.code == 0
    for phrase in ("Kaartformaat", "Afloop", "Snijtekens", "Achterkanten", "drukkerij"):
        assert phrase in result.stdout
    assert run("print", "--help").code == 0


def test_progress_bar_only_on_a_terminal_for_long_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    with print_cards._progress(10_000) as progress:
        assert progress is None  # stderr is not a terminal under pytest
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    with print_cards._progress(print_cards.PROGRESS_FROM - 1) as progress:
        assert progress is None
    with print_cards._progress(print_cards.PROGRESS_FROM) as progress:
        assert progress is not None
        progress(print_cards.PROGRESS_FROM)


def test_the_default_deck_as_the_issue_checks_it(tmp_path: Path) -> None:
    deck = load_deck(default_deck_path())
    out = tmp_path / "x.pdf"
    result = run("print", "cards", "-o", out)
    assert result.code == 0, result.stderr
    data = out.read_bytes()
    document = pdfium.PdfDocument(data)
    assert len(document) == 2 * -(-len(deck) // 9)
    assert document[0].get_size() == (pytest.approx(210 * PT), pytest.approx(297 * PT))
    for number, card in enumerate(deck.cards):
        # Card n sits in slot n % 9 of front page 2 * (n // 9): 63×88 mm, 3×3, centred.
        row, column = divmod(number % 9, 3)
        left, top = (10.5 + 63 * column) * PT, (297 - 16.5 - 88 * row) * PT
        text = (
            document[2 * (number // 9)]
            .get_textpage()
            .get_text_bounded(left, top - 88 * PT, left + 63 * PT, top)
        )
        assert " ".join(str(card.title).split()) in " ".join(text.split()), card.id
    again = tmp_path / "y.pdf"
    assert run("print", "cards", "-o", again).code == 0
    assert again.read_bytes() == data


def test_deck_check_names_the_card_in_french(make_deck: DeckMaker) -> None:
    folder = make_deck(2, texts={0: "Eerst melden → dan handelen.", 1: "Lang. " * 400})
    result = run("deck", "check", folder, "--taal", "fr")
    assert result.code == 2
    lines = result.stderr.splitlines()
    assert (
        "carte «\u00a0kaart-1\u00a0»: le texte ne tient pas sur une carte de 63×88 mm" in lines[0]
    )
    assert "(raccourcissez le texte ou les autres champs)" in lines[0]
    assert "carte «\u00a0kaart-0\u00a0»" in lines[1]
    assert "card '" not in result.stderr
