"""The terminal the command line prints its tables and cards to.

One console per process, shared by the command groups, as a process runs one command; rich reads
the terminal's width (COLUMNS) when the console is made.
"""

from __future__ import annotations

from rich.console import Console

out = Console(highlight=False)
"""Standard output as rich draws on it (no colouring of numbers and paths in Dutch prose)."""
