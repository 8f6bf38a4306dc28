"""The room's pages drawn from their views with Jinja2 templates (autoescaped: every text a
person typed — names, reasons, the case — stays text, whatever it holds)."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from deck.survey import survey_label, survey_note
from game.engine.report import BallotResult, StatementResult, percent_text, plural
from game.web.beamer_view import BeamerView
from game.web.phone_view import PhoneView

TEMPLATES = Path(__file__).parent / "templates"


def survey_caption(result: StatementResult) -> str:
    """Whose answers the survey column holds, with this item's own N (never "de inwoners")."""
    return survey_note(result.benchmark_n, result.benchmark_table)


def clock_text(seconds: int) -> str:
    """A round's clock: `12:05` left, or `+1:30` over time."""
    sign = "+" if seconds < 0 else ""
    minutes, rest = divmod(abs(seconds), 60)
    return f"{sign}{minutes}:{rest:02d}"


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        auto_reload=False,  # the templates are package files: no stat() per page
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["percent"] = percent_text
    env.filters["plural"] = plural
    env.filters["clock"] = clock_text
    env.globals["survey"] = survey_caption
    env.globals["survey_label"] = survey_label
    return env


ENVIRONMENT = _environment()


def phone_page(
    view: PhoneView,
    *,
    csrf: str,
    live: bool,
    error: str | None = None,
    notice: str | None = None,
    code: str = "",
    name: str = "",
) -> str:
    """The whole phone page, forms filled with this browser's forgery token."""
    return ENVIRONMENT.get_template("phone.html").render(
        view=view, csrf=csrf, live=live, error=error, notice=notice, code=code, name=name
    )


Parts = tuple[tuple[str, str], ...]
"""A page's changing parts for a live update: (part name, HTML) — empty HTML removes it."""


def phone_parts(view: PhoneView) -> Parts:
    """The changing parts of the phone page: the form (or what to wait for) and the results.

    Drawn without the forgery token (the page's script copies it into the forms), and each
    part on its own, so phones that see the same thing share one drawing, and a new vote
    redraws the results once for the whole room while the forms stay as they were.
    """
    return (
        ("formulier", _phone_form(replace(view, statement_result=None, ballot_result=None))),
        (
            "uitslag",
            _phone_results(
                view.screen in ("vote", "voted"), view.statement_result, view.ballot_result
            ),
        ),
    )


@lru_cache(maxsize=512)
def _phone_form(view: PhoneView) -> str:
    return ENVIRONMENT.get_template("phone_form.html").render(
        view=view, csrf="", live=True, error=None, notice=None, code="", name=""
    )


@lru_cache(maxsize=64)
def _phone_results(
    so_far: bool, statement: StatementResult | None, ballot: BallotResult | None
) -> str:
    return (
        ENVIRONMENT.get_template("phone_results.html")
        .render(so_far=so_far, statement_result=statement, ballot_result=ballot)
        .strip()
    )


def beamer_page(view: BeamerView, *, phone_url: str) -> str:
    """The whole beamer page."""
    return ENVIRONMENT.get_template("beamer.html").render(view=view, phone_url=phone_url, csrf="")


def beamer_parts(view: BeamerView) -> Parts:
    """The changing parts of the beamer page: the round with its clock, and the vote."""
    return tuple(
        (part, ENVIRONMENT.get_template(f"beamer_{name}.html").render(view=view).strip())
        for part, name in (("ronde", "round"), ("stemming", "vote"))
    )


def error_page(title: str, message: str, *, back: str | None = "/") -> str:
    """A clear Dutch page for something that went wrong, with a way back."""
    return ENVIRONMENT.get_template("error.html").render(
        title=title, message=message, back=back, csrf=""
    )
