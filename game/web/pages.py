"""The room's pages drawn from their views with Jinja2 templates (autoescaped: every text a
person typed — names, reasons, the case — stays text, whatever it holds)."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from catalogue import translation
from deck.survey import survey_label, survey_note
from game.engine.report import (
    BallotResult,
    StatementResult,
    mean_spread,
    percent_text,
)
from game.web.beamer_view import BeamerView
from game.web.language import other_languages
from game.web.phone_view import PhoneView

TEMPLATES = Path(__file__).parent / "templates"


def _words(language: str) -> dict[str, object]:
    """What every template needs to speak `language`: `_`, `ngettext` and the switch."""
    words = translation(language)
    return {
        "_": words.gettext,
        "ngettext": words.ngettext,
        "language": language,
        "switch": other_languages(language),
        "survey": lambda result: survey_caption(result, language),
        "survey_label": lambda n: survey_label(n, language),
        "percent": lambda value: percent_text(value, language),
    }


def survey_caption(result: StatementResult, language: str | None = None) -> str:
    """Whose answers the survey column holds, with this item's own N (never "de inwoners")."""
    return survey_note(result.benchmark_n, result.benchmark_table, language)


def fill(text: str, **parts: object) -> Markup:
    """A translated text with its `{placeholders}` filled: the text and plain parts escaped,
    parts that are already markup (a `{% set %}` block) kept as they are."""
    return Markup.escape(text).format(**parts)


def clock_text(seconds: int) -> str:
    """A round's clock: `12:05` left, or `+1:30` over time."""
    sign = "+" if seconds < 0 else ""
    minutes, rest = divmod(abs(seconds), 60)
    return f"{sign}{minutes}:{rest:02d}"


GRID_LEFT, GRID_TOP, GRID_WIDTH, GRID_HEIGHT = 14.0, 4.0, 142.0, 84.0
"""Where a matrix's plot sits in its SVG (viewBox 0 0 160 104): room for the axis names."""


def grid_points(result: BallotResult) -> list[tuple[str, str, float, float]]:
    """A matrix's placed options as (number, label, x, y) in the SVG's coordinates:
    haalbaarheid to the right, impact up."""
    placed = []
    for point in result.points:
        if point.means is None:
            continue
        impact, feasibility = point.means
        x = GRID_LEFT + (feasibility - 1) / 4 * GRID_WIDTH
        y = GRID_TOP + (5 - impact) / 4 * GRID_HEIGHT
        label = point.label if len(point.label) <= 24 else point.label[:23] + "…"
        placed.append((point.option_id, label, round(x, 1), round(y, 1)))
    return placed


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        auto_reload=False,  # the templates are package files: no stat() per page
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["clock"] = clock_text
    env.filters["fill"] = fill
    env.globals["grid_points"] = grid_points
    env.globals["mean_spread"] = mean_spread
    return env


ENVIRONMENT = _environment()


def phone_page(
    view: PhoneView,
    *,
    language: str,
    csrf: str,
    live: bool,
    error: str | None = None,
    notice: str | None = None,
    code: str = "",
    name: str = "",
) -> str:
    """The whole phone page in `language`, forms filled with this browser's forgery token."""
    return ENVIRONMENT.get_template("phone.html").render(
        view=view,
        csrf=csrf,
        live=live,
        error=error,
        notice=notice,
        code=code,
        name=name,
        **_words(language),
    )


Parts = tuple[tuple[str, str], ...]
"""A page's changing parts for a live update: (part name, HTML) — empty HTML removes it."""


def phone_parts(view: PhoneView, language: str) -> Parts:
    """The changing parts of the phone page: the form (or what to wait for) and the results.

    Drawn without the forgery token (the page's script copies it into the forms), and each
    part on its own, so phones that see the same thing share one drawing, and a new vote
    redraws the results once for the whole room while the forms stay as they were.
    """
    return (
        (
            "formulier",
            _phone_form(replace(view, statement_result=None, ballot_result=None), language),
        ),
        (
            "uitslag",
            _phone_results(
                view.screen in ("vote", "voted"),
                view.statement_result,
                view.ballot_result,
                language,
            ),
        ),
    )


@lru_cache(maxsize=512)
def _phone_form(view: PhoneView, language: str) -> str:
    return ENVIRONMENT.get_template("phone_form.html").render(
        view=view,
        csrf="",
        live=True,
        error=None,
        notice=None,
        code="",
        name="",
        **_words(language),
    )


@lru_cache(maxsize=64)
def _phone_results(
    so_far: bool, statement: StatementResult | None, ballot: BallotResult | None, language: str
) -> str:
    return (
        ENVIRONMENT.get_template("phone_results.html")
        .render(so_far=so_far, statement_result=statement, ballot_result=ballot, **_words(language))
        .strip()
    )


def beamer_page(view: BeamerView, *, phone_url: str, language: str) -> str:
    """The whole beamer page, in `language`."""
    return ENVIRONMENT.get_template("beamer.html").render(
        view=view, phone_url=phone_url, csrf="", **_words(language)
    )


def beamer_parts(view: BeamerView, language: str) -> Parts:
    """The changing parts of the beamer page: the round with its clock, and the vote."""
    words = _words(language)
    return tuple(
        (part, ENVIRONMENT.get_template(f"beamer_{name}.html").render(view=view, **words).strip())
        for part, name in (("ronde", "round"), ("stemming", "vote"))
    )


def error_page(title: str, message: str, *, language: str, back: str | None = "/") -> str:
    """A clear page for something that went wrong, in `language`, with a way back."""
    return ENVIRONMENT.get_template("error.html").render(
        title=title, message=message, back=back, csrf="", **_words(language)
    )
