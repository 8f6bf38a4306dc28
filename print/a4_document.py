"""The A4 documents netwerktafel writes (the session report, the comparison of tables): the
same margins, one full-page frame, fonts embedded, the same bytes on every run."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from reportlab import rl_config
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from print.fonts import REGULAR, register_fonts
from print.report_style import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE

PageHook = Callable[[Any, Any], None]


def a4_document(
    buffer: io.BytesIO, *, on_page: PageHook | None = None, **info: Any
) -> BaseDocTemplate:
    """An A4 document writing into `buffer`, with one full-page frame; `info` is the PDF's
    metadata (title, author, subject, creator, keywords …, and `lang`, default `nl-BE`)."""
    register_fonts()
    document = BaseDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        lang=info.pop("lang", "nl-BE"),
        invariant=1,
        pageCompression=1,
        initialFontName=REGULAR,
        initialFontSize=9,
        **info,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        document.width,
        document.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="tekst",
    )
    template = PageTemplate(id="pagina", frames=[frame], onPage=on_page or _nothing)
    document.addPageTemplates([template])
    return document


def build(document: BaseDocTemplate, flowables: Sequence[Flowable], **options: Any) -> None:
    """Build the document; binary streams are smaller and faster to write than ASCII85 (as
    for the card sheets)."""
    a85 = rl_config.useA85
    rl_config.useA85 = 0
    try:
        document.build(list(flowables), **options)
    finally:
        rl_config.useA85 = a85


def _nothing(canvas: Any, document: Any) -> None:
    """No drawing of its own on each page."""
