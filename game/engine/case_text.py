"""The case on the table as one text: a title, a description and a theme.

The session keeps its case as a single text (`SetCase`), so the CLI's `--case "…"` and the
facilitator app's form both fit. The app writes it in a small, readable layout — the title
on the first line, the description below, and `Thema: …` on the last line — and reads it
back with `parse_case`. Any free text reads as a case too: its first line is the title.
"""

from __future__ import annotations

from dataclasses import dataclass

THEME_PREFIX = "Thema:"


@dataclass(frozen=True)
class CaseText:
    """The local case: its title, what is going on, and the safety theme (a label)."""

    title: str = ""
    description: str = ""
    theme: str = ""

    @property
    def empty(self) -> bool:
        """Whether nothing has been written yet."""
        return not (self.title or self.description or self.theme)


def compose_case(case: CaseText) -> str:
    """The case as the session's one text, in the layout `parse_case` reads back."""
    parts = [" ".join(case.title.split())]
    description = case.description.strip()
    if description:
        parts.append(description)
    if case.theme.strip():
        parts.append(f"{THEME_PREFIX} {case.theme.strip()}")
    return "\n\n".join(part for part in parts if part).strip()


def parse_case(text: str) -> CaseText:
    """Read a case text: first line the title, a last `Thema: …` line the theme."""
    lines = text.strip().splitlines()
    if not lines:
        return CaseText()
    theme = ""
    if len(lines) > 1 and lines[-1].strip().startswith(THEME_PREFIX):
        theme = lines[-1].strip()[len(THEME_PREFIX) :].strip()
        lines = lines[:-1]
    title = lines[0].strip()
    description = "\n".join(lines[1:]).strip()
    return CaseText(title, description, theme)
