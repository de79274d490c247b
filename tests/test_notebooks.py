"""The committed notebooks: fresh, the same code in every language, solutions correct but never run in a lesson,
outputs reproducible.

nbval (configured in pyproject.toml) re-executes every notebook and compares its outputs;
these tests check what nbval cannot see.
"""

import re
import subprocess
import sys

import jupytext
import nbformat
import pytest

from course.exercises import MISSING
from course.files import CHECKOUT as ROOT
from course.files import LESSONS as LESSONS_FOLDER
from course.glossary import ENTRIES
from course.i18n import LANGUAGES, translations
from course.tools.build import (
    EXERCISE_ID,
    IGNORE_OUTPUT,
    SOLUTIONS,
    english_outputs,
    execute,
    notebook_text,
    output_path,
    output_text,
    sources,
)

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


def exercise_ids(path) -> list[str]:
    """The ids of the exercises of a lesson source, in order."""
    cells = jupytext.read(path, fmt="py:percent").cells
    return [i for c in cells if "exercise" in c.metadata.get("tags", []) for i in EXERCISE_ID.findall(c.source)]


def printed(cell) -> str:
    return "".join(output_text(o) for o in cell.get("outputs", []))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_solution_passes_its_check(lang):
    """solutions.ipynb runs the solution of every exercise of every lesson, once, and each prints ✓ and no ✗."""
    nb = nbformat.read(LESSONS_FOLDER / lang / f"{SOLUTIONS}.ipynb", as_version=4)
    solutions = [c for c in nb.cells if "solution" in c.metadata.get("tags", [])]
    assert all(c.cell_type == "code" for c in solutions)
    assert [c.metadata["course"]["exercise"] for c in solutions] == [i for p in LESSONS for i in exercise_ids(p)]
    for cell in solutions:
        assert "✓" in printed(cell) and "✗" not in printed(cell), (cell.metadata["course"], printed(cell))
    assert nb.cells[0].source == f'import course\n\ncourse.start("{lang}")'


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_a_lesson_shows_each_solution_collapsed_and_never_runs_it(path, lang):
    """Under each exercise, its solution as a collapsed markdown cell: no solution code cell, no ✓ in the lesson
    that a solution printed, and every exercise cell prints its hint (the notebook ran with every exercise skipped)."""
    cells = committed(path, lang).cells
    ids = exercise_ids(path)
    solutions = [c for c in cells if "solution" in c.metadata.get("tags", [])]
    assert [c.cell_type for c in solutions] == ["markdown"] * len(ids)
    for cell, id in zip(solutions, ids, strict=True):
        assert cell.source.startswith("<details><summary>") and cell.source.endswith("</details>"), cell.source
        assert id in cell.source.split("</summary>")[0] and f'check("{id}"' in cell.source
        assert "\n\n```python\n" in cell.source and "\n```\n\n</details>" in cell.source
    for cell in cells:
        if "exercise" in cell.metadata.get("tags", []):
            assert "✓" not in printed(cell) and "Traceback" not in printed(cell), (cell.id, printed(cell))
            assert printed(cell).strip(), f"{cell.id}: an exercise cell left as `...` prints its hint"


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


def solutions_printing(nb, wrong: str):
    """``nb`` as if executed: every solution prints ✓, except exercise ``wrong``, which prints a ✗."""
    nb = nbformat.from_dict(nb)
    for cell in nb.cells:
        if "solution" in cell.metadata.get("tags", []):
            id = cell.metadata["course"]["exercise"]
            text = f"✗ {id} is not right\n" if id == wrong else f"✓ {id}\n"
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=text)]
    return nb


def test_the_build_refuses_to_write_solutions_that_do_not_pass_their_check(monkeypatch, tmp_path):
    from course.tools import build

    monkeypatch.setattr(build, "execute", lambda nb, cwd: solutions_printing(nb, wrong="04.2"))
    with pytest.raises(build.BuildError) as refused:
        build.build(["en"], only=[SOLUTIONS], output=tmp_path)
    assert "solutions.ipynb: the solution of exercise 04.2 (lesson 04_output_layer) does not pass" in str(refused.value)
    assert "04.1" not in str(refused.value) and "04.3" not in str(refused.value)
    assert not (tmp_path / "en" / f"{SOLUTIONS}.ipynb").exists()
    # Unexecuted (no ✓ at all), every solution is refused; all printing ✓, the notebook is written.
    monkeypatch.setattr(build, "execute", lambda nb, cwd: nb)
    with pytest.raises(build.BuildError, match=r"exercise 00\.1 \(lesson 00_start_here\) does not pass"):
        build.build(["en"], only=[SOLUTIONS], output=tmp_path)
    monkeypatch.setattr(build, "execute", lambda nb, cwd: solutions_printing(nb, wrong=""))
    assert build.build(["en"], only=[SOLUTIONS], output=tmp_path) == [tmp_path / "en" / f"{SOLUTIONS}.ipynb"]


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
    nb = notebook_text(path, "fr", solutions=False)
    ran = execute(nb, output_path(path, "fr").parent)  # raises on the first cell that fails
    for cell in ran.cells:
        if "exercise" in cell.metadata.get("tags", []):
            printed = "".join(output_text(o) for o in cell.outputs)
            assert "Remplacez `...`" in printed and "✓" not in printed, (cell.id, printed)


@pytest.mark.slow
def test_a_copy_without_solutions_passes_nbval_with_every_exercise_skipped(tmp_path):
    """``python -m course build --without-solutions --output DIR`` writes DIR/lessons/es/, executed with every
    exercise left as `...`: real nbval re-runs it, and every exercise cell shows the Spanish hint, never an error."""
    built = subprocess.run(
        [sys.executable, "-m", "course", "build", "--lang", "es", "--without-solutions", "--output", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    folder = tmp_path / "lessons" / "es"
    assert sorted(p.name for p in folder.glob("*.ipynb")) == sorted(
        [f"{p.stem}.ipynb" for p in LESSONS] + ["glossary.ipynb"]
    )
    hint = translations("es").gettext(MISSING).split("{symbol}")[0]
    assert hint != MISSING.split("{symbol}")[0], "the hint is translated"
    exercises = 0
    for path in LESSONS:
        cells = nbformat.read(folder / f"{path.stem}.ipynb", as_version=4).cells
        assert not [c for c in cells if "solution" in c.metadata.get("tags", [])], path.stem
        for cell in cells:
            if "exercise" in cell.metadata.get("tags", []):
                exercises += 1
                assert [o.output_type for o in cell.outputs] == ["stream"], (path.stem, cell.outputs)
                assert printed(cell).startswith(hint) and "✓" not in printed(cell), (path.stem, printed(cell))
    assert exercises == sum(len(exercise_ids(p)) for p in LESSONS)
    sanitize = f"--nbval-sanitize-with={ROOT / 'lessons' / 'nbval-sanitize.cfg'}"
    config = ["-c", str(ROOT / "pyproject.toml"), "-p", "no:cacheprovider", sanitize]
    nbval = subprocess.run(
        [sys.executable, "-m", "pytest", *config, "--nbval", str(folder), "-q"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=1800,
    )
    assert nbval.returncode == 0, nbval.stdout[-5000:]
    assert re.search(r"\b\d{2,} passed\b", nbval.stdout) and " failed" not in nbval.stdout, nbval.stdout[-2000:]


def test_a_build_without_solutions_never_overwrites_the_courses_own_lessons(tmp_path):
    before = output_path(LESSONS[0], "es").read_bytes()
    command = [sys.executable, "-m", "course", "build", "--lang", "es", "--only", "00", "--without-solutions"]
    refused = subprocess.run(
        command,
        capture_output=True,
        text=True,
    )
    assert refused.returncode == 2 and "--output DIR" in refused.stderr and "Traceback" not in refused.stderr
    assert output_path(LESSONS[0], "es").read_bytes() == before
    done = subprocess.run(
        [*command, "--no-execute", "--output", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(tmp_path / "lessons" / "es" / "00_start_here.ipynb")]
