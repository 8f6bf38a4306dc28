"""The room's pages drawn from their views with Jinja2 templates (autoescaped: every text a
person typed — names, reasons, the case — stays text, whatever it holds)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from game.engine.report import StatementResult, number_text, percent_text, plural
from game.web.beamer_view import BeamerView
from game.web.phone_view import PhoneView

TEMPLATES = Path(__file__).parent / "templates"

SURVEY_SAMPLE = (
    "1.219 inwoners van tien Vlaamse gemeenten die de bevraging invulden; niet representatief"
)
"""Whose answers the survey figures are: never to be read as all residents' answers."""


def survey_caption(result: StatementResult) -> str:
    """Where the survey column comes from, with this item's own N."""
    n = f" Deze vraag: N = {number_text(result.benchmark_n)}." if result.benchmark_n else ""
    return f"Bevraging: {SURVEY_SAMPLE}.{n}"


def clock_text(seconds: int) -> str:
    """A round's clock: `12:05` left, or `+1:30` over time."""
    sign = "+" if seconds < 0 else ""
    minutes, rest = divmod(abs(seconds), 60)
    return f"{sign}{minutes}:{rest:02d}"


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["percent"] = percent_text
    env.filters["plural"] = plural
    env.filters["clock"] = clock_text
    env.globals["survey"] = survey_caption
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


@lru_cache(maxsize=512)
def phone_fragment(view: PhoneView) -> str:
    """The changing part of the phone page, for a live update.

    Without the forgery token (the page's script copies it into the forms), so phones that
    see the same thing share one drawing: a room of 200 costs a few renders, not 200.
    """
    return ENVIRONMENT.get_template("phone_main.html").render(
        view=view, csrf="", live=True, error=None, notice=None, code="", name=""
    )


def beamer_page(view: BeamerView, *, phone_url: str) -> str:
    """The whole beamer page."""
    return ENVIRONMENT.get_template("beamer.html").render(view=view, phone_url=phone_url, csrf="")


def beamer_fragment(view: BeamerView) -> str:
    """The changing part of the beamer page, for a live update."""
    return ENVIRONMENT.get_template("beamer_main.html").render(view=view)


def error_page(title: str, message: str, *, back: str | None = "/") -> str:
    """A clear Dutch page for something that went wrong, with a way back."""
    return ENVIRONMENT.get_template("error.html").render(
        title=title, message=message, back=back, csrf=""
    )
