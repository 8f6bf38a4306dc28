"""The deck loader: a valid deck loads, and every kind of mistake gets one located message."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogue import use_language
from deck import InputError, load_deck
from deck.model import ExampleCard, StatementCard
from tests.deck.conftest import EXAMPLES, FORMS, MANIFEST, DeckWriter


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_deck(folder)
    return [str(p) for p in caught.value.problems]


def test_valid_deck_loads_with_every_field(write_deck: DeckWriter) -> None:
    deck = load_deck(write_deck())
    assert deck.counts() == {"vorm": 1, "voorbeeld": 1, "bezorgdheid": 1, "stelling": 1}
    example = deck.get("buurtvaders")
    assert isinstance(example, ExampleCard)
    assert example.themes == ("overlast",)
    assert str(example.goal) == "Overlast verminderen door aanwezigheid."
    statement = deck.of_type(StatementCard)[0]
    assert statement.benchmark is not None
    assert statement.benchmark.percentages == (5, 13, 29, 40, 13)
    assert deck.subform("bemiddelen") is not None


def test_manifest_file_itself_can_be_given(write_deck: DeckWriter) -> None:
    folder = write_deck()
    assert len(load_deck(folder / "deck.yaml")) == 4


def test_where_points_at_card_fields(write_deck: DeckWriter) -> None:
    folder = write_deck()
    deck = load_deck(folder)
    where = deck.where("buurtvaders", "goal")
    assert where.file == folder / "voorbeelden.yaml"
    assert where.line == 8


def test_missing_manifest(tmp_path: Path) -> None:
    (messages,) = [problems_of(tmp_path)]
    assert messages == [
        f"{tmp_path / 'deck.yaml'}:1:1: geen deck-manifest gevonden "
        "(een deck is een map met deck.yaml, of dat bestand zelf)"
    ]


def test_yaml_syntax_error_has_its_line(write_deck: DeckWriter) -> None:
    broken = EXAMPLES.replace("  goal: Overlast", "  goal: [Overlast")
    (message,) = problems_of(write_deck(examples=broken))
    assert message.startswith(f"{write_deck()}/voorbeelden.yaml:9:")
    assert "YAML-fout" in message


def test_empty_file(write_deck: DeckWriter) -> None:
    (message,) = problems_of(write_deck(examples="\n# niets\n"))
    assert message.endswith("voorbeelden.yaml:1:1: bestand is leeg (verwacht YAML-inhoud)")


def test_binary_file(write_deck: DeckWriter) -> None:
    folder = write_deck()
    (folder / "voorbeelden.yaml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (message,) = problems_of(folder)
    assert message.endswith("voorbeelden.yaml:1:1: dit is geen tekstbestand (verwacht YAML)")


def test_invalid_utf8_names_its_line(write_deck: DeckWriter) -> None:
    folder = write_deck()
    (folder / "voorbeelden.yaml").write_bytes(EXAMPLES.encode() + b"- id: caf\xe9\n")
    (message,) = problems_of(folder)
    assert ":21:1: geen geldige UTF-8-tekst" in message


def test_duplicate_id_across_files(write_deck: DeckWriter) -> None:
    duplicate = EXAMPLES.replace("- id: stelling-plicht", "- id: meedoen")
    folder = write_deck(examples=duplicate)
    (message,) = problems_of(folder)
    assert message == (
        f"{folder}/voorbeelden.yaml:15:7: card 'meedoen': dubbele id "
        f"(ook gebruikt in {folder}/vormen.yaml:1:3)"
    )


def test_duplicate_key_in_one_card(write_deck: DeckWriter) -> None:
    twice = EXAMPLES.replace("  method: Peerwerking\n", "  method: Peerwerking\n  method: Twee\n")
    (message,) = problems_of(write_deck(examples=twice))
    assert "voorbeelden.yaml:11:3: sleutel 'method' staat twee keer" in message
    assert "(eerste keer op regel 10)" in message


def test_unknown_key_suggests_the_field(write_deck: DeckWriter) -> None:
    misspelt = EXAMPLES.replace("  method:", "  methode:")
    (message,) = problems_of(write_deck(examples=misspelt))
    assert message.endswith(
        "voorbeelden.yaml:10:3: card 'buurtvaders': onbekend veld 'methode' (bedoelde je 'method'?)"
    )


def test_unknown_key_far_from_any_field_also_reports_the_missing_one(
    write_deck: DeckWriter,
) -> None:
    renamed = EXAMPLES.replace("  method:", "  aanpak:")
    messages = problems_of(write_deck(examples=renamed))
    assert len(messages) == 2
    assert messages[0].endswith(
        "voorbeelden.yaml:1:3: card 'buurtvaders': verplicht veld 'method' ontbreekt"
    )
    assert (
        "voorbeelden.yaml:10:3: card 'buurtvaders': onbekend veld 'aanpak' (kies uit: "
        in messages[1]
    )


def test_misspelt_reference_suggests_the_id(write_deck: DeckWriter) -> None:
    wrong = EXAMPLES.replace("answers: [efficientie]", "answers: [efficienty]")
    (message,) = problems_of(write_deck(examples=wrong))
    assert message.endswith(
        "voorbeelden.yaml:12:13: card 'buurtvaders': onbekende bezorgdheid 'efficienty' "
        "(bedoelde je 'efficientie'?)"
    )


def test_subform_must_belong_to_the_form(write_deck: DeckWriter) -> None:
    wrong = EXAMPLES.replace("subform: bemiddelen", "subform: inspraak")
    (message,) = problems_of(write_deck(examples=wrong))
    assert ":6:12: card 'buurtvaders': onbekende subvorm van 'meedoen' 'inspraak'" in message


def test_unknown_form_theme_and_audience(write_deck: DeckWriter) -> None:
    wrong = (
        EXAMPLES.replace("form: meedoen", "form: meedoem")
        .replace("themes: [overlast]", "themes: [overlas]")
        .replace("audiences: [jongeren]", "audiences: [ouderen]")
    )
    messages = problems_of(write_deck(examples=wrong))
    assert len(messages) == 3
    assert "onbekende participatievorm 'meedoem' (bedoelde je 'meedoen'?)" in messages[0]
    assert "onbekende thema 'overlas' (bedoelde je 'overlast'?)" in messages[1]
    assert "onbekende doelgroep 'ouderen'" in messages[2]


def test_wrong_type(write_deck: DeckWriter) -> None:
    wrong = EXAMPLES.replace("themes: [overlast]", "themes: overlast")
    (message,) = problems_of(write_deck(examples=wrong))
    assert ":9:11: card 'buurtvaders': 'themes' moet een lijst zijn, niet tekst" in message


def test_number_where_text_is_expected(write_deck: DeckWriter) -> None:
    wrong = EXAMPLES.replace("method: Peerwerking", "method: 42")
    (message,) = problems_of(write_deck(examples=wrong))
    assert ":10:11: card 'buurtvaders': 'method': verwacht tekst" in message


def test_empty_required_text(write_deck: DeckWriter) -> None:
    wrong = EXAMPLES.replace("goal: Overlast verminderen door aanwezigheid.", 'goal: "  "')
    (message,) = problems_of(write_deck(examples=wrong))
    assert ":8:9: card 'buurtvaders': 'goal': lege tekst" in message


def test_unknown_card_type_suggests_one(write_deck: DeckWriter) -> None:
    wrong = EXAMPLES.replace("type: voorbeeld", "type: voorbeld")
    (message,) = problems_of(write_deck(examples=wrong))
    assert (
        ":2:9: card 'buurtvaders': onbekend kaarttype 'voorbeld' (bedoelde je 'voorbeeld'?)"
        in message
    )


def test_bad_id_slug(write_deck: DeckWriter) -> None:
    wrong = EXAMPLES.replace("- id: buurtvaders", "- id: Buurt Vaders")
    (message,) = problems_of(write_deck(examples=wrong))
    assert "'Buurt Vaders' is geen geldige id voor 'id'" in message


def test_benchmark_that_does_not_add_up(write_deck: DeckWriter) -> None:
    wrong = EXAMPLES.replace("[5, 13, 29, 40, 13]", "[5, 13, 29, 40, 33]")
    (message,) = problems_of(write_deck(examples=wrong))
    assert "card 'stelling-plicht'" in message
    assert "tellen op tot 120%" in message


def test_card_file_listed_but_missing(write_deck: DeckWriter) -> None:
    manifest = MANIFEST.replace(
        "files: [vormen.yaml, voorbeelden.yaml]", "files: [vormen.yaml, weg.yaml]"
    )
    (message,) = problems_of(write_deck(manifest=manifest))
    assert "deck.yaml:15:22:" in message and "kaartbestand 'weg.yaml' bestaat niet" in message


def test_a_file_that_cannot_be_read_silences_references_into_it(
    write_deck: DeckWriter,
) -> None:
    (message,) = problems_of(write_deck(forms="- id: [\n"))
    assert "vormen.yaml:2:1: YAML-fout" in message


def test_card_file_must_be_a_list(write_deck: DeckWriter) -> None:
    (message,) = problems_of(write_deck(examples="id: los\n"))
    assert "een kaartbestand moet een lijst van kaarten zijn" in message


def test_problems_from_several_files_come_together(write_deck: DeckWriter) -> None:
    forms = FORMS.replace("  phase: beleidsuitvoering", "  phase: uitvoering")
    examples = EXAMPLES.replace("  method:", "  metode:")
    messages = problems_of(write_deck(forms=forms, examples=examples))
    files = {m.split(":")[0].rsplit("/", 1)[-1] for m in messages}
    assert files == {"vormen.yaml", "voorbeelden.yaml"}


def test_translations_required_when_the_manifest_declares_languages(
    write_deck: DeckWriter,
) -> None:
    manifest = MANIFEST.replace("language: nl\n", "language: nl\nlanguages: [fr]\n")
    forms = FORMS.replace("  title: Meedoen\n", "  title: {nl: Meedoen, fr: Participer}\n")
    messages = problems_of(write_deck(manifest=manifest, forms=forms))
    assert any("card 'meedoen'" in m and "vertaling ontbreekt voor fr" in m for m in messages)
    assert not any(":3:" in m and "vormen.yaml" in m for m in messages)


def test_a_broken_manifest_does_not_hide_the_cards_problems(write_deck: DeckWriter) -> None:
    manifest = MANIFEST.replace('colour: "#2e7d32"', 'colour: "groen"')
    examples = EXAMPLES.replace("  method:", "  metode:")
    messages = problems_of(write_deck(manifest=manifest, examples=examples))
    assert len(messages) == 2
    assert "deck.yaml" in messages[0] and "'groen' is geen kleur" in messages[0]
    assert "voorbeelden.yaml" in messages[1] and "card 'buurtvaders'" in messages[1]


def test_a_card_with_a_wrong_field_still_names_its_missing_translations(
    write_deck: DeckWriter,
) -> None:
    """Fixing the wrong field must not bring a second problem on the same card to light."""
    manifest = MANIFEST.replace("language: nl\n", "language: nl\nlanguages: [fr]\n")
    bilingual = {"Meedoen", "Signaleren", "Bemiddelen", "Efficiëntie"}
    forms = FORMS
    for title in bilingual:
        forms = forms.replace(f"title: {title}\n", f"title: {{nl: {title}, fr: {title}}}\n")
    forms = forms.replace("  phase: beleidsuitvoering", "  phase: uitvoering")
    messages = problems_of(write_deck(manifest=manifest, forms=forms))
    on_the_form = [m for m in messages if "card 'meedoen'" in m]
    assert any("'phase'" in m for m in on_the_form)
    untranslated = sorted(m.split("card 'meedoen': ")[1].split(":")[0] for m in on_the_form[1:])
    assert untranslated == ["'subforms.text'", "'subforms.text'", "'text'"], on_the_form
    assert all("(het deck vraagt talen fr, nl)" in m for m in on_the_form[1:])


def test_unknown_language_in_text(write_deck: DeckWriter) -> None:
    forms = FORMS.replace("  title: Meedoen\n", "  title: {nl: Meedoen, de: Mitmachen}\n")
    (message,) = problems_of(write_deck(forms=forms))
    # The example that uses the broken form does not report it a second time.
    assert message.endswith(
        "vormen.yaml:3:10: card 'meedoen': 'title': onbekende taal 'de' (kies uit: nl, fr, en)"
    )


def test_a_comma_inside_an_unquoted_translation_gets_a_quoting_hint(
    write_deck: DeckWriter,
) -> None:
    # YAML cuts "Chaque mercredi, la rue …" at the comma and reads the rest as a key.
    title = "  title: {nl: Meedoen, fr: Chaque mercredi, la rue appartient aux enfants.}\n"
    forms = FORMS.replace("  title: Meedoen\n", title)
    (message,) = problems_of(write_deck(forms=forms))
    assert message.endswith(
        "card 'meedoen': 'title': onbekende taal 'la rue appartient aux enfants.' "
        "(staat er een komma in de tekst? Zet de tekst dan tussen aanhalingstekens)"
    )
    use_language("fr")
    try:
        (french,) = problems_of(write_deck(forms=forms))
    finally:
        use_language("nl")
    assert "langue inconnue «\xa0la rue appartient aux enfants.\xa0»" in french
    assert "Mettez-le alors entre guillemets" in french


def test_dates_get_a_quoting_hint(write_deck: DeckWriter) -> None:
    wrong = EXAMPLES.replace("method: Peerwerking", "method: 2020-01-01")
    (message,) = problems_of(write_deck(examples=wrong))
    assert "'method': verwacht tekst" in message


def test_several_documents_in_one_file(write_deck: DeckWriter) -> None:
    (message,) = problems_of(write_deck(examples=EXAMPLES + "---\n- id: x\n"))
    assert "meer dan één YAML-document" in message


def test_missing_style_for_a_used_type(write_deck: DeckWriter) -> None:
    manifest = MANIFEST.replace('  stelling: {label: Stelling, colour: "#6a1b9a"}\n', "")
    (message,) = problems_of(write_deck(manifest=manifest))
    assert "kaarttype 'stelling' heeft geen stijl in het manifest" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: b: c\n", "1:5: YAML-fout: dubbele punt op een plaats waar die niet mag"),
        ("a:\n  b: 1\n c: 2\n", "3:2: YAML-fout: inspringing klopt niet"),
        ("a:\n\tb: 1\n", "2:1: YAML-fout: tab gevonden (spring in met spaties, niet met tabs)"),
        ('a: "x\n', "YAML-fout: tekst stopt midden in een waarde"),
    ],
)
def test_common_syntax_errors_are_explained_in_dutch(
    tmp_path: Path, text: str, expected: str
) -> None:
    from deck.yaml_source import read_yaml

    file = tmp_path / "kaart.yaml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_yaml(file)
    assert expected in str(caught.value)


def test_a_comma_before_a_single_word_gets_the_quoting_hint_too(write_deck: DeckWriter) -> None:
    # "fr: Parents, direction, pompiers." cut at each comma: the "languages" are single words.
    title = "  title: {nl: Meedoen, fr: Parents, direction, pompiers.}\n"
    (message, *_) = problems_of(write_deck(forms=FORMS.replace("  title: Meedoen\n", title)))
    assert "onbekende taal 'direction' (staat er een komma in de tekst?" in message
