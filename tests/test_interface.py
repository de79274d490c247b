"""Lessons and guides name JupyterLab's menus as the learner's JupyterLab shows them: its language pack's labels."""

import json
import re
from importlib.util import find_spec
from pathlib import Path

import pytest

from course.i18n import language
from course.interface import INTERFACE_LOCALES, label, menu_path
from course.tools.workshop import _solutions

ROOT = Path(__file__).resolve().parent.parent
MENU_IN_PROSE = re.compile(r"\w+ [▸›] \w+")


def pack(lang: str) -> dict:
    locale = INTERFACE_LOCALES[lang]
    folder = Path(find_spec(f"jupyterlab_language_pack_{locale}").origin).parent
    return json.loads((folder / "locale" / locale / "LC_MESSAGES" / "jupyterlab.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", INTERFACE_LOCALES)
def test_a_menu_is_named_with_the_language_packs_labels(lang):
    strings = pack(lang)
    item = strings["Run All Above Selected Cell"][0]
    assert item != "Run All Above Selected Cell"
    menu = strings.get("menu\x04Run", ["Run"])[0]  # JupyterLab shows English where its pack has no label
    assert menu_path("Run", "Run All Above Selected Cell", lang) == f"{menu} ▸ {item}"
    with language(lang):  # the course's language by default
        assert menu_path("Run", "Run All Above Selected Cell") == f"{menu} ▸ {item}"


def test_english_and_unknown_labels_stay_english():
    assert menu_path("Run", "Run All Above Selected Cell", "en") == "Run ▸ Run All Above Selected Cell"
    assert label("A label no pack has", lang="fr") == "A label no pack has"
    assert menu_path("View", "Expand All Code", "fr") == "Affichage ▸ Développer tout le code"


@pytest.mark.parametrize("lang", INTERFACE_LOCALES)
def test_the_guide_names_the_menu_of_the_instructors_language(lang):
    text = _solutions(lang)
    assert pack(lang)["Run All Cells"][0] in text
    assert "Run All Cells" not in text


def test_no_lesson_writes_a_menu_path_in_its_prose():
    """A menu written in a lesson's markdown would be translated by hand, not read from JupyterLab's pack."""
    found = [
        f"{path.name}:{number}: {line}"
        for path in sorted((ROOT / "lessons" / "src").glob("[0-9][0-9]_*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.startswith("# ") and MENU_IN_PROSE.search(line.replace("**", ""))
    ]
    assert not found, "\n".join(found)
    assert MENU_IN_PROSE.search("the menu **Run ▸ Run All Above Selected Cell** catches up".replace("**", ""))
