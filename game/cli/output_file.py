"""The file or folder a command is about to write, checked before any work is done."""

from __future__ import annotations

from pathlib import Path

from catalogue import _
from deck.problems import InputError, Location, Problem


def checked_output_file(output: Path, hint: str) -> Path:
    """`output`, or `InputError` when it is a folder (with `hint`, an example file name) or
    its folder does not exist."""
    folder = output.parent if str(output.parent) else Path(".")
    if output.is_dir():
        raise InputError([Problem(Location(output), _("dit is een map, geen bestand"), hint=hint)])
    if not folder.is_dir():
        missing = _("de map '{folder}' bestaat niet").format(folder=folder)
        raise InputError([Problem(Location(output), missing, hint=_("maak ze eerst aan"))])
    return output


def checked_output_folder(output: Path, hint: str) -> Path:
    """`output`, or `InputError` when it is a file (with `hint`, an example folder name); a
    folder that is not there yet is made by the writer."""
    if output.exists() and not output.is_dir():
        raise InputError([Problem(Location(output), _("dit is een bestand, geen map"), hint=hint)])
    return output
