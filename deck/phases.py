"""The policy phases a card can belong to, by the names a reader sees."""

from __future__ import annotations

from catalogue import N_

PHASES = {"beleidsvorming": N_("Beleidsvorming"), "beleidsuitvoering": N_("Beleidsuitvoering")}
"""The policy phases, in Dutch: show them with the reader's `_()`."""
