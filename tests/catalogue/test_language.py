"""Which language a process speaks, and how a text is said in it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

import catalogue
from catalogue import Message, _, in_language, language_from_environment, ngettext, use_language


@pytest.fixture(autouse=True)
def dutch_again() -> Iterator[None]:
    yield
    use_language("nl")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "nl"),
        ({"LANG": "fr_BE.UTF-8"}, "fr"),
        ({"LANG": "nl_BE.UTF-8"}, "nl"),
        ({"LANG": "C.UTF-8"}, "nl"),
        ({"LANG": "fr_BE.UTF-8", "LC_MESSAGES": "nl_BE.UTF-8"}, "nl"),
        ({"LANG": "nl_BE.UTF-8", "LC_ALL": "fr_FR.UTF-8"}, "fr"),
        ({"LC_ALL": "fr_BE", "NETWERKTAFEL_TAAL": "nl"}, "nl"),
        ({"LANG": "nl_BE", "NETWERKTAFEL_TAAL": " FR "}, "fr"),
        ({"LANG": "fr_BE", "NETWERKTAFEL_TAAL": "de"}, "fr"),
    ],
)
def test_the_language_comes_from_the_option_variable_then_the_locale(
    environ: dict[str, str], expected: str
) -> None:
    assert language_from_environment(environ) == expected


@given(
    st.dictionaries(
        st.sampled_from(["LANG", "LC_ALL", "LC_MESSAGES", "NETWERKTAFEL_TAAL"]), st.text()
    )
)
def test_any_environment_gives_a_language_we_speak(environ: dict[str, str]) -> None:
    assert language_from_environment(environ) in catalogue.LANGUAGES


def test_dutch_is_the_msgid_and_french_comes_from_the_catalogue() -> None:
    use_language("nl")
    assert _("Onderbroken.") == "Onderbroken."
    use_language("fr")
    assert _("Onderbroken.") == "Interrompu."
    assert (
        _("een tekst die niet in de catalogus staat") == "een tekst die niet in de catalogus staat"
    )


def test_french_plural_counts_zero_and_one_as_singular() -> None:
    use_language("fr")
    one, many = "{count} probleem gevonden.", "{count} problemen gevonden."
    assert ngettext(one, many, 1).format(count=1) == "1 problème trouvé."
    assert ngettext(one, many, 2).format(count=2) == "2 problèmes trouvés."
    use_language("nl")
    assert ngettext(one, many, 0).format(count=0) == "0 problemen gevonden."


def test_a_message_reads_in_the_process_language_and_is_said_again_in_another() -> None:
    use_language("nl")
    said = Message("onbekende taal '{value}'", value="de")
    assert said == "onbekende taal 'de'"
    assert said.in_language("fr") == "langue inconnue «\xa0de\xa0»"
    assert in_language(said, "nl") == "onbekende taal 'de'"
    assert in_language("gewone tekst", "fr") == "gewone tekst"
    nested = Message("kies uit {languages}", languages=Message("Onderbroken."))
    assert nested.in_language("fr") == "choisissez parmi Interrompu."


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        catalogue.translation("de")


def test_importing_the_catalogue_loads_no_translation_machinery() -> None:
    # `netwerktafel --help` must stay fast: gettext is read on first use, not on import.
    code = "import sys, catalogue; print('gettext' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
