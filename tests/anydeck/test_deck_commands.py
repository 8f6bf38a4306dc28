"""What a trainer starting a deck of their own needs: `deck export`, `deck voorbeeld`, `deck
check` of the manifest's own texts in every declared language, and the README's table of
fields."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from deck import default_deck_path, example_deck_path, load_deck
from deck.model import CARD_MODELS, CardBase
from tests.cli_inprocess import invoke

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = example_deck_path()


def test_deck_export_writes_a_deck_that_checks(tmp_path: Path) -> None:
    target = tmp_path / "mijn-deck"
    exported = invoke("deck", "export", target)
    assert exported.code == 0, exported.stderr
    assert exported.stdout.startswith(f"Deck 'burgers-als-partners' geschreven naar {target}: ")
    for name in ("deck.yaml", *load_deck(default_deck_path()).manifest.files):
        assert (target / name).read_bytes() == (default_deck_path() / name).read_bytes()
    assert invoke("deck", "check", target).code == 0
    assert len(load_deck(target)) == len(load_deck(default_deck_path()))


def test_deck_export_of_another_deck_and_into_a_full_folder(tmp_path: Path) -> None:
    target = tmp_path / "school"
    assert invoke("deck", "export", target, "--deck", EXAMPLE).code == 0
    assert load_deck(target).manifest.id == "verkeersveiligheid"
    again = invoke("deck", "export", target)
    assert again.code == 2
    assert again.stderr.startswith(f"{target}:1:1: deze map bestaat al en is niet leeg")


def test_deck_voorbeeld_writes_the_example_deck_from_the_package(tmp_path: Path) -> None:
    target = tmp_path / "school"
    written = invoke("deck", "voorbeeld", target)
    assert written.code == 0, written.stderr
    assert written.stdout.startswith(f"Deck 'verkeersveiligheid' geschreven naar {target}: 7 ")
    for name in ("deck.yaml", *load_deck(EXAMPLE).manifest.files):
        assert (target / name).read_bytes() == (EXAMPLE / name).read_bytes()
    assert invoke("deck", "check", target).code == 0


def test_deck_voorbeeld_refuses_a_full_folder_in_the_run_language(tmp_path: Path) -> None:
    (tmp_path / "mijn-notities.txt").write_text("niet overschrijven", encoding="utf-8")
    refused = invoke("deck", "voorbeeld", tmp_path, "--taal", "fr")
    assert refused.code == 2
    assert refused.stderr.splitlines() == [
        f"{tmp_path}:1:1: ce dossier existe déjà et n'est pas vide (choisissez un nouveau dossier)",
        "1 problème trouvé.",
    ]
    assert [p.name for p in tmp_path.iterdir()] == ["mijn-notities.txt"]
    helped = invoke("--taal", "fr", "deck", "voorbeeld", "--help")
    assert "Écrire le jeu d'exemple (sécurité routière autour d'une école)" in helped.stdout


def test_the_docs_folder_points_at_the_packaged_example() -> None:
    # docs/voorbeelddeck stays for links and older notes: the same files, not a second copy.
    docs = ROOT / "docs" / "voorbeelddeck"
    assert docs.is_symlink()
    assert docs.resolve() == EXAMPLE.resolve()


def test_deck_check_names_each_manifest_text_without_french(tmp_path: Path) -> None:
    folder = tmp_path / "deck"
    shutil.copytree(EXAMPLE, folder)
    manifest = folder / "deck.yaml"
    text = manifest.read_text()
    text = text.replace("  fr: Ensemble en sécurité vers l'école\n", "")
    text = text.replace("{nl: Snelheid, fr: Vitesse}", "Snelheid")
    text = text.replace("{label: {nl: Rol, fr: Rôle}", "{label: Rol")
    text = text.replace("{nl: School, fr: École}", "{nl: School}")
    manifest.write_text(text)
    lines = text.splitlines()

    def at(fragment: str, column: int) -> str:
        number = next(n for n, line in enumerate(lines, 1) if fragment in line)
        return f"{manifest}:{number}:{column}"

    checked = invoke("deck", "check", folder)
    assert checked.code == 2
    missing, hint = "vertaling ontbreekt voor fr", "(het deck vraagt talen fr, nl)"
    assert checked.stderr.splitlines() == [
        f"{at('nl: Samen veilig naar school', 3)}: manifest: 'title': {missing} {hint}",
        f"{at('rol:', 24)}: manifest: 'types.rol.label': {missing} {hint}",
        f"{at('snelheid: Snelheid', 13)}: manifest: 'themes.snelheid': {missing} {hint}",
        f"{at('school: {nl: School}', 11)}: manifest: 'groups.school': {missing} {hint}",
        "4 problemen gevonden.",
    ]


def test_the_readme_lists_each_card_types_fields_as_the_model_has_them() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)` \| (.+?) \| (.+?) \|$", readme, flags=re.MULTILINE)
    table = {kind: (required, optional) for kind, required, optional in rows if kind in CARD_MODELS}
    assert set(table) == set(CARD_MODELS)
    common = set(CardBase.model_fields) | {"type"}
    for kind, model in CARD_MODELS.items():
        fields = {n: f for n, f in model.model_fields.items() if n not in common}
        required = {n for n, f in fields.items() if f.is_required()}
        optional = set(fields) - required
        listed_required, listed_optional = (set(re.findall(r"`(\w+)`", t)) for t in table[kind])
        assert (listed_required, listed_optional) == (required, optional), kind
