"""The sides of the table a role card may sit at: the manifest's groups, or the standard five.

A function of the manifest rather than a method on it, so that a deck validated by the
compiled schema (`deck.compiled_schema`, plain records) answers the same as a deck of models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from catalogue import N_, translation
from deck.text import Text

if TYPE_CHECKING:
    from deck.model import Manifest

STANDARD_ROLE_GROUPS: dict[str, str] = {
    "stad-gemeente": N_("Stad of gemeente"),
    "politiezone": N_("Politiezone"),
    "hulpverleningszone": N_("Hulpverleningszone"),
    "middenveld": N_("Middenveld"),
    "bewoners": N_("Bewoners"),
}
"""The sides of a local safety table, for a deck whose manifest declares no `groups`."""


def role_groups(manifest: Manifest) -> dict[str, Text]:
    """The role groups role cards may name, id → label: declared, or the standard five."""
    if manifest.groups:
        return dict(manifest.groups)
    # The labels come with their French from the catalogue, like any deck text would.
    french = translation("fr")
    return {
        key: Text({"nl": label, "fr": french.gettext(label)})
        for key, label in STANDARD_ROLE_GROUPS.items()
    }
