"""netwerktafel does not look for pydantic plugins (deck/pydantic_plugins.py)."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys

import pydantic.plugin._schema_validator as schema_validator

LOAD_AND_LIST = """
import sys
from deck import default_deck_path, load_deck

deck = load_deck(default_deck_path())
print(len(deck), *sorted(sys.modules))
"""


def test_loading_the_deck_does_not_read_the_installed_distributions() -> None:
    # A fresh interpreter: another test may have imported importlib.metadata already.
    done = subprocess.run(
        [sys.executable, "-c", LOAD_AND_LIST], capture_output=True, text=True, check=True
    )
    count, *modules = done.stdout.split()
    assert int(count) > 100  # every card of the default deck was validated
    assert "importlib.metadata" not in modules
    assert "pydantic" in modules


def test_pydantic_takes_only_get_plugins_from_its_loader() -> None:
    # The stand-in loader only has get_plugins: if pydantic starts to use more of its loader,
    # this says so before a command fails on it.
    source = inspect.getsource(schema_validator)
    assert re.findall(r"_loader\b.*", source) == ["_loader import get_plugins"]
