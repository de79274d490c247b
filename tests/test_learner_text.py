"""No internal jargon reaches a learner or an instructor: the source material is named, never numbered.

The course is built from texts the authors call "seeds" (seed 000 … seed 004). A learner does not
know them by that name, and in Spanish "semilla" is the random seed. Every text a learner or an
instructor reads is scanned: the English messages (templates, kept equal to the sources by
test_catalogs), every translation, the built notebooks' markdown and outputs, the instructor guides.
"""

import json
from pathlib import Path

import pytest

from course.tools.catalogs import JARGON, TRANSLATED

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
LESSONS = ROOT / "lessons"


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def notebook_texts(path: Path):
    """(where, text) of every markdown cell and every output of a built notebook."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for number, cell in enumerate(cells):
        if cell["cell_type"] == "markdown":
            yield f"{path.name} [{number}]", _text(cell["source"])
        for output in cell.get("outputs", []):
            texts = [output.get("text", ""), *output.get("data", {}).values()]
            yield f"{path.name} [{number}] output", "\n".join(_text(t) for t in texts if not isinstance(t, dict))


def file_texts(path: Path):
    """(where, line) of a catalog, template, guide or handout."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        yield f"{path.name}:{number}", line


def catalog_texts(path: Path):
    """(where, text) of every msgid of a template, or every msgstr of a catalog (lines joined, as babel reads them)."""
    from babel.messages.pofile import read_po

    with path.open("rb") as fp:
        catalog = read_po(fp)
    for message in catalog:
        if message.id:
            shown = message.id if path.suffix == ".pot" else message.string
            yield f"{path.parent.parent.name}/{path.name}:{message.lineno}", _text(shown)


def jargon(texts) -> list[str]:
    return [f"{where}: {found.group(0)!r}" for where, text in texts for found in JARGON.finditer(text)]


def learner_files():
    yield from ((p, catalog_texts) for p in sorted(LOCALES.glob("*.pot")))
    yield from ((p, catalog_texts) for lang in TRANSLATED for p in sorted((LOCALES / lang).glob("LC_MESSAGES/*.po")))
    yield from ((p, notebook_texts) for p in sorted(LESSONS.glob("*/*.ipynb")) if p.parent.name != "src")
    yield from ((p, file_texts) for p in sorted((LESSONS / "instructor").glob("*.*")))


FILES = {str(p.relative_to(ROOT)): (p, reader) for p, reader in learner_files()}


@pytest.mark.parametrize("name", FILES)
def test_no_learner_facing_text_says_seed(name):
    path, reader = FILES[name]
    found = jargon(reader(path))
    assert not found, found


def test_english_sources_say_no_seed():
    """The lessons' sources (markdown and code) and the package's code, comments aside, before they reach a template."""
    lessons = [line for p in sorted((LESSONS / "src").glob("*.py")) for line in file_texts(p)]
    code = [
        (where, line)
        for p in sorted((ROOT / "course").rglob("*.py"))
        for where, line in file_texts(p)
        if not line.lstrip().startswith("#")
    ]
    found = jargon(lessons + code)
    assert not found, found


# --- the check itself, on planted jargon --------------------------------------------------


@pytest.mark.parametrize(
    "planted", ["Seed 004's δⁿ = aⁿ − y", "(la semilla 004 del curso)", "(o texto-base 004 do curso)", "SEED 001"]
)
def test_planted_jargon_is_found_in_a_notebook_a_catalog_and_a_guide(tmp_path, planted):
    notebook = tmp_path / "08.ipynb"
    cells = [
        {"cell_type": "markdown", "source": ["Clean text.\n", f"See {planted}."], "metadata": {}},
        {"cell_type": "code", "source": "", "outputs": [{"output_type": "stream", "text": [f"error: {planted}"]}]},
    ]
    notebook.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    assert len(jargon(notebook_texts(notebook))) == 2

    catalog = LOCALES / "fr" / "LC_MESSAGES" / "08_many_examples.po"  # a catalog without jargon
    copy = tmp_path / "08_many_examples.po"
    data = catalog.read_text(encoding="utf-8")
    copy.write_text(data.replace('msgstr "', f'msgstr "{planted} ', 3), encoding="utf-8")
    assert len(jargon(catalog_texts(copy))) == 2  # the header is the first msgstr

    guide = tmp_path / "guide.es.md"
    guide.write_text(f"# Guía\n\nPide al grupo… ({planted})\n", encoding="utf-8")
    assert jargon(file_texts(guide)) == [f"guide.es.md:3: {JARGON.search(planted).group(0)!r}"]


def test_the_source_material_named_or_a_random_seed_is_not_jargon():
    texts = [("a", "in the freeCodeCamp guide (one of the texts the course is built from)"), ("b", "seed = 0; seed 42")]
    assert jargon(texts) == []
