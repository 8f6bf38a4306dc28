"""The shared bar chart of vote results."""

from __future__ import annotations

from textual.app import App, ComposeResult

from catalogue import use_language
from deck.survey import survey_sample
from game.engine.ballots import Tally, TallyRow
from game.tui.widgets.tally_bars import TallyBars, bar

LIKERT = Tally(
    "b1",
    "likert",
    4,
    tuple(
        TallyRow(str(n), label, count, percent, benchmark_percent=bench)
        for n, (label, count, percent, bench) in enumerate(
            [
                ("helemaal oneens", 0, 0.0, 4),
                ("oneens", 1, 25.0, 10),
                ("neutraal", 1, 25.0, 20),
                ("eens", 2, 50.0, 40),
                ("helemaal eens", 0, 0.0, 26),
            ],
            start=1,
        )
    ),
    4,
    3.25,
    benchmark_n=1042,
)
DOTS = Tally(
    "b2",
    "dots",
    3,
    (TallyRow("1", "Buurtvaders", 2, 22.2), TallyRow("2", "Wijkbabbels", 7, 77.8)),
    9,
)


def test_bar_steps_in_eighths() -> None:
    assert bar(0, 10) == ""
    assert bar(1, 10) == "█" * 10
    assert bar(0.5, 3) == "█▌"
    assert bar(2, 4) == "████"
    assert bar(0.01, 10) == "▏"


class Chart(App[None]):
    def __init__(self, tally: Tally | None, **options: bool) -> None:
        super().__init__()
        self.tally = tally
        self.options = options

    def compose(self) -> ComposeResult:
        yield TallyBars(self.tally, **self.options)  # type: ignore[arg-type]


async def test_likert_shows_the_survey_beside_the_table() -> None:
    async with Chart(LIKERT).run_test(size=(60, 20)) as pilot:
        text = pilot.app.query_one(TallyBars).render().plain
    lines = text.splitlines()
    assert len(lines) == 13  # two lines per answer, the totals, then whose answers they are
    assert lines[6].startswith("eens") and lines[6].endswith("50%")
    assert lines[7].strip().startswith("▒") and lines[7].endswith("40%")
    assert "gemiddeld 3,2" in lines[10] and "bevraging, N = 1.042" in lines[10]
    # The survey is named with its sample, never as "the residents", wrapped to the width.
    assert all(len(line) <= 60 for line in lines)
    assert " ".join(lines[11:]) == f"▒ {survey_sample()}"


async def test_ranked_dots_and_updates() -> None:
    async with Chart(DOTS, ranked=True).run_test(size=(60, 20)) as pilot:
        chart = pilot.app.query_one(TallyBars)
        lines = chart.render().plain.splitlines()
        assert lines[0].startswith("Wijkbabbels") and lines[0].endswith("7 (78%)")
        assert "█" * 10 in lines[0]
        assert lines[-1] == "3 stemmers, 9 stippen"
        chart.update(None)
        await pilot.pause()
        assert chart.render().plain == "Nog geen stemronde."


async def test_a_given_benchmark_wins() -> None:
    async with Chart(DOTS).run_test(size=(60, 20)) as pilot:
        chart = pilot.app.query_one(TallyBars)
        chart.update(DOTS, benchmark=[50, 50])
        await pilot.pause()
        assert chart.render().plain.splitlines()[1].endswith("50%")


async def test_long_labels_get_their_own_line_instead_of_being_cut() -> None:
    labels = (
        "Regisseren: de gemeente stuurt en bepaalt de spelregels",
        "Faciliteren: de gemeente ondersteunt, de burgers sturen",
    )
    choice = Tally(
        "b3",
        "choice",
        3,
        (TallyRow("1", labels[0], 1, 33.3), TallyRow("2", labels[1], 2, 66.7)),
        3,
    )
    async with Chart(choice).run_test(size=(40, 20)) as pilot:
        lines = pilot.app.query_one(TallyBars).render().plain.splitlines()
    shown = " ".join(line.strip() for line in lines)
    assert all(label in shown for label in labels)
    assert "…" not in shown and all(len(line) <= 40 for line in lines)
    bars = [line for line in lines if line.rstrip().endswith("%)")]
    assert bars[0].rstrip().endswith("1 (33%)") and bars[1].startswith("█")


async def test_no_opinion_is_counted_apart_under_the_bars() -> None:
    answers = tuple(
        TallyRow(str(n), label, count, percent)
        for n, (label, count, percent) in enumerate(
            [("oneens", 0, 0.0), ("neutraal", 0, 0.0), ("eens", 2, 100.0)], start=1
        )
    )
    result = Tally("b4", "likert", 3, answers, 2, 3.0, no_opinion=1)
    async with Chart(result).run_test(size=(60, 20)) as pilot:
        text = pilot.app.query_one(TallyBars).render().plain
    assert "3 stemmers, gemiddeld 3,0, waarvan 1 geen mening (apart geteld)" in text
    assert text.splitlines()[-2].endswith("100%"), "the percentages are of who answered"


async def test_french_bars_write_a_share_with_a_space_before_the_percent_sign() -> None:
    use_language("fr")
    async with Chart(LIKERT).run_test(size=(60, 20)) as pilot:
        likert = pilot.app.query_one(TallyBars).render().plain.splitlines()
    async with Chart(DOTS).run_test(size=(60, 20)) as pilot:
        dots = pilot.app.query_one(TallyBars).render().plain.splitlines()
    assert likert[6].endswith("50\u00a0%") and likert[7].endswith("40\u00a0%")
    assert dots[1].endswith("7 (78\u00a0%)")


async def test_a_french_survey_share_of_100_percent_fits_its_line() -> None:
    # The figures' column was at least '100%' wide, one cell short of French '100 %': the
    # survey's line ran past the right edge and lost its sign.
    use_language("fr")
    rows = tuple(
        TallyRow(str(n), label, 0, 0.0, benchmark_percent=bench)
        for n, (label, bench) in enumerate([("non", 0), ("oui", 100)], start=1)
    )
    result = Tally("b5", "likert", 0, rows, 0, None, benchmark_n=1042)
    async with Chart(result).run_test(size=(40, 20)) as pilot:
        bars = pilot.app.query_one(TallyBars)
        lines = bars.render().plain.splitlines()
        width = bars.size.width
    assert lines[3].endswith(" 100\u00a0%") and len(lines[3]) <= width, (lines[3], width)
    assert len(lines[2]) == len(lines[3]), "the table's line and the survey's end alike"
