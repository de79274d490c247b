"""The committed notebooks: fresh, the same code in every language, solutions correct, outputs reproducible.

nbval (configured in pyproject.toml) re-executes every notebook and compares its outputs;
these tests check what nbval cannot see.
"""

import re

import nbformat
import pytest

from course.glossary import ENTRIES
from course.i18n import LANGUAGES
from course.tools.build import IGNORE_OUTPUT, english_outputs, execute, notebook_text, output_path, output_text, sources

LESSONS = sources()
IDS = {e.id for e in ENTRIES}


def committed(path, lang):
    return nbformat.read(output_path(path, lang), as_version=4)


def text_of(cell):
    """What the build writes before execution: execution only adds outputs and the nbval tag."""
    metadata = {k: v for k, v in cell.metadata.items() if k != "course"}
    tags = [t for t in metadata.pop("tags", []) if t != IGNORE_OUTPUT]
    if tags:
        metadata["tags"] = tags
    return cell.id, cell.cell_type, cell.source, metadata


def test_there_are_lessons():
    assert len(LESSONS) >= 1


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_committed_notebook_is_fresh(path, lang):
    want = notebook_text(path, lang)
    have = committed(path, lang)
    assert [text_of(c) for c in have.cells] == [text_of(c) for c in want.cells], (
        f"{output_path(path, lang)} is stale: run `python -m course build --lang {lang} --only {path.stem[:2]}`"
    )
    assert have.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_a_learner_opens_the_lesson_itself_not_a_note_for_authors(path, lang):
    """Learners edit their notebooks: none opens with a "generated, do not edit" banner; the
    provenance is in the metadata, where the source and the catalog named exist."""
    nb = committed(path, lang)
    first = nb.cells[0]
    assert (first.cell_type, first.source) == ("code", f'import course\n\ncourse.start("{lang}")')
    assert nb.cells[1].cell_type == "markdown" and nb.cells[1].source.startswith("# "), "the lesson's title comes next"
    origin = nb.metadata["course"]
    root = output_path(path, lang).parents[2]
    assert (root / origin["source"]).is_file()
    assert lang == "en" or (root / origin["catalog"]).is_file()


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_french_notebooks_follow_french_typography(path):
    """No ordinary space before : ; ? ! in the French prose and printed text (maths and code apart)."""
    from course.i18n import _PROTECTED

    nb = committed(path, "fr")
    texts = [c.source for c in nb.cells if c.cell_type == "markdown"]
    texts += [output_text(o) for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    wrong = [
        line
        for text in texts
        for line in _PROTECTED.sub(" ", text).splitlines()
        if re.search(r" [;?]| !(?!\[)| :(?![-:])|« | »", line)
    ]
    assert not wrong, wrong[:5]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_code_cells_are_the_same_in_every_language(path):
    def code(lang):  # the first cell sets the language; everything after it is shared
        return [c.source for c in committed(path, lang).cells[1:] if c.cell_type == "code"]

    english = code("en")
    for lang in LANGUAGES[1:]:
        assert code(lang) == english, lang


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_every_solution_passes_its_check(path, lang):
    solutions = [c for c in committed(path, lang).cells if "solution" in c.metadata.get("tags", [])]
    assert solutions, "every lesson has at least one exercise with its solution"
    for cell in solutions:
        printed = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
        assert "✓" in printed and "✗" not in printed, (cell.id, printed)
        assert cell.metadata["jupyter"]["source_hidden"] is True


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_outputs_are_reproducible_and_readable(path, lang):
    nb = committed(path, lang)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        assert cell.execution_count is not None, f"{cell.id} was not executed: nbval would skip it"
        for output in cell.outputs:
            text = output.get("text", "") + str(output.get("data", {}).get("text/plain", ""))
            assert not re.search(r"0x[0-9a-f]{6,}", text), f"{cell.id}: memory address in output"
            assert "np.float64(" not in text, f"{cell.id}: numpy repr in output, use num()"
            assert output.get("name") != "stderr", f"{cell.id}: writes to stderr: {text[:200]}"
            assert output.output_type != "error" or "raises-exception" in cell.metadata.get("tags", [])


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_every_ignored_output_is_paired_with_a_checked_result(path, lang):
    code = [c for c in committed(path, lang).cells if c.cell_type == "code"]
    for i, cell in enumerate(code):
        if IGNORE_OUTPUT in cell.metadata.get("tags", []):
            assert "course" in cell.metadata, f"{cell.id}: ignored without a stated reason"
            following = code[i + 1 : i + 3]
            assert any(c.outputs and IGNORE_OUTPUT not in c.metadata.get("tags", []) for c in following), (
                f"{cell.id}: a live widget's cell must be followed by a cell that prints a checked result"
            )


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_structure(path):
    nb = notebook_text(path, "en")
    meta = nb.metadata["course"]
    assert meta["minutes"]["teaching"] > 0 and meta["minutes"]["exercises"] >= 0
    assert set(meta["glossary"]) <= IDS, set(meta["glossary"]) - IDS
    tags = [t for c in nb.cells for t in c.metadata.get("tags", [])]
    assert tags.count("objectives") == 1 and tags.count("key-points") == 1
    assert tags.count("exercise") >= 1 and tags.count("solution") >= tags.count("exercise")
    assert "instructor" not in tags


@pytest.mark.smoke
@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_a_lesson_executes_with_no_english_sentence_in_its_outputs(lang, tmp_path):
    """Lesson 06 prints plural sentences ("cost … after 100 steps"): executed here with the installed releases."""
    (path,) = sources(["06"])
    nb = execute(notebook_text(path, lang), tmp_path)
    printed = [output_text(o) for c in nb.cells for o in c.get("outputs", [])]
    assert sum(len(t) for t in printed) > 1000, "the lesson printed almost nothing"
    assert english_outputs(nb, lang) == []


def test_the_build_refuses_to_write_a_translated_notebook_with_english_outputs(monkeypatch):
    from course.tools import build

    (path,) = sources(["06"])
    target = output_path(path, "fr")
    before = target.read_bytes()
    english = committed(path, "en")  # what a French learner would see if the plurals fell back to English
    monkeypatch.setattr(build, "execute", lambda nb, cwd: english)
    with pytest.raises(
        build.BuildError, match=r"lessons/fr/06_gradient_descent.ipynb: English in the outputs of cell 06-"
    ):
        build.build(["fr"], only=["06"])
    assert target.read_bytes() == before, "the French notebook must not be overwritten"


@pytest.mark.slow
@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_a_learner_who_leaves_every_exercise_unfinished_can_run_the_whole_lesson(path):
    """Without the solutions, every cell still runs: the cells after an exercise go on with the right values."""
    nb = notebook_text(path, "fr")
    nb.cells = [c for c in nb.cells if "solution" not in c.metadata.get("tags", [])]
    ran = execute(nb, output_path(path, "fr").parent)  # raises on the first cell that fails
    for cell in ran.cells:
        if "exercise" in cell.metadata.get("tags", []):
            printed = "".join(output_text(o) for o in cell.outputs)
            assert "Remplacez `...`" in printed and "✓" not in printed, (cell.id, printed)
