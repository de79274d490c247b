"""The learner's own copy of the lessons: ``python -m course lab`` copies them into a workspace, keeps
the learner's edits when the course changes, ``reset`` restores a lesson with a backup, and
``course.start()`` tells the learner when a lesson they edited has a newer version, in a local
workspace and in a clone that nbgitpuller pulled again on a hub."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

import course
from course.files import LESSONS
from course.i18n import CourseError, language, translations
from course.tools.catalogs import english_sentences
from course.tools.workspace import prepare, report, reset, reset_report
from course.updates import MANIFEST, clone_note, fingerprint, notes, read_manifest

SOME_LESSONS = ["00_start_here.ipynb", "04_output_layer.ipynb", "05_hidden_layers.ipynb", "glossary.md"]


# A course, a learner, and what each of them does to a notebook -------------------------------------


def make_course(tmp_path: Path) -> Path:
    """A course of its own (a few real French lessons), that a test can update as the authors would."""
    folder = tmp_path / "course" / "fr"
    folder.mkdir(parents=True)
    for name in SOME_LESSONS:
        shutil.copyfile(LESSONS / "fr" / name, folder / name)
    return folder.parent


@pytest.fixture
def course_dir(tmp_path) -> Path:
    return make_course(tmp_path)


def edit_cell(path: Path, index: int, source: str) -> None:
    """What a learner (or an author) does: change the source of cell ``index``."""
    nb = nbformat.read(path, as_version=4)
    nb.cells[index].source = source
    nbformat.write(nb, path)


def add_line(path: Path, index: int, line: str) -> None:
    nb = nbformat.read(path, as_version=4)
    nb.cells[index].source += "\n\n" + line
    nbformat.write(nb, path)


def run(path: Path) -> None:
    """What running a notebook changes: outputs, execution counts and timings, kernel metadata."""
    nb = nbformat.read(path, as_version=4)
    for count, cell in enumerate((c for c in nb.cells if c.cell_type == "code"), start=40):
        cell.execution_count = count
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=f"run {count}\n")]
        cell.metadata["execution"] = {"iopub.status.idle": "2026-12-03T17:55:00Z"}
    nb.metadata["language_info"]["version"] = "3.12.1"
    nbformat.write(nb, path)


def title(path: Path) -> str:
    return nbformat.read(path, as_version=4).cells[2].source.splitlines()[0]


# Fingerprints: running is not editing ---------------------------------------------------------------


def test_running_a_notebook_is_not_editing_it_and_any_change_of_cells_is(tmp_path):
    lesson = tmp_path / "04_output_layer.ipynb"
    shutil.copyfile(LESSONS / "fr" / lesson.name, lesson)
    copied = fingerprint(lesson)
    run(lesson)
    assert lesson.read_bytes() != (LESSONS / "fr" / lesson.name).read_bytes()
    assert fingerprint(lesson) == copied
    edit_cell(lesson, 5, "x = 1")
    assert fingerprint(lesson) != copied

    def changed(how) -> str:
        shutil.copyfile(LESSONS / "fr" / lesson.name, lesson)
        nb = nbformat.read(lesson, as_version=4)
        how(nb.cells)
        nbformat.write(nb, lesson)
        return fingerprint(lesson)

    assert changed(lambda cells: cells.append(nbformat.v4.new_code_cell("1 + 1"))) != copied
    assert changed(lambda cells: cells.pop(3)) != copied
    assert changed(lambda cells: cells.insert(3, cells.pop(4))) != copied
    assert changed(lambda cells: None) == copied


# The workspace --------------------------------------------------------------------------------------


def test_the_first_use_copies_the_course(tmp_path, course_dir):
    done = prepare("fr", tmp_path / "ws", course=course_dir)
    folder = tmp_path / "ws" / "fr"
    assert done.first and done.folder == folder and done.arrived == sorted(SOME_LESSONS)
    for name in SOME_LESSONS:
        assert (folder / name).read_bytes() == (course_dir / "fr" / name).read_bytes()
    manifest = read_manifest(folder)
    assert manifest["lang"] == "fr" and set(manifest["files"]) == set(SOME_LESSONS)
    assert manifest["files"]["04_output_layer.ipynb"]["fingerprint"] == fingerprint(folder / "04_output_layer.ipynb")
    assert str(folder) in report(done)[0]
    again = prepare("fr", tmp_path / "ws", course=course_dir)
    assert not (again.first or again.arrived or again.updated or again.kept)


def test_a_course_update_keeps_edited_lessons_updates_the_others_and_brings_new_ones(tmp_path, course_dir):
    prepare("fr", tmp_path / "ws", course=course_dir)
    folder = tmp_path / "ws" / "fr"
    edit_cell(folder / "04_output_layer.ipynb", 2, "# 04. Ma couche de sortie, avec mes notes")
    run(folder / "05_hidden_layers.ipynb")  # run, not edited
    (folder / "my_notes.md").write_text("mes notes", encoding="utf-8")  # the learner's own file
    (folder / "glossary.md").unlink()  # deleted: it comes back
    # The authors change lessons 04 and 05, and add lesson 10.
    add_line(course_dir / "fr" / "04_output_layer.ipynb", 3, "Une correction du cours.")
    add_line(course_dir / "fr" / "05_hidden_layers.ipynb", 3, "Une correction du cours.")
    shutil.copyfile(LESSONS / "fr" / "06_gradient_descent.ipynb", course_dir / "fr" / "10_new.ipynb")

    done = prepare("fr", tmp_path / "ws", course=course_dir)
    assert done.arrived == ["10_new.ipynb", "glossary.md"]
    assert done.updated == ["05_hidden_layers.ipynb"]
    assert done.kept == ["04_output_layer.ipynb"]
    assert title(folder / "04_output_layer.ipynb") == "# 04. Ma couche de sortie, avec mes notes"
    assert "Une correction du cours." in nbformat.read(folder / "05_hidden_layers.ipynb", as_version=4).cells[3].source
    assert (folder / "my_notes.md").read_text(encoding="utf-8") == "mes notes"
    said = "\n".join(report(done))
    assert "10_new.ipynb" in said and "05_hidden_layers.ipynb" in said
    assert f"python -m course reset 04 --lang fr --workspace {tmp_path / 'ws'}" in said
    assert "reset 05" not in said  # an updated lesson needs no reset
    # Nothing more changes: the edited lesson is kept again, and said again, the others are left alone.
    again = prepare("fr", tmp_path / "ws", course=course_dir)
    assert (again.arrived, again.updated, again.kept) == ([], [], ["04_output_layer.ipynb"])


def test_an_edited_lesson_that_the_course_did_not_change_is_neither_updated_nor_reported(tmp_path, course_dir):
    prepare("fr", tmp_path / "ws", course=course_dir)
    folder = tmp_path / "ws" / "fr"
    edit_cell(folder / "04_output_layer.ipynb", 2, "# 04. Ma version")
    run(course_dir / "fr" / "04_output_layer.ipynb")  # the authors rebuilt it: new outputs, same cells
    done = prepare("fr", tmp_path / "ws", course=course_dir)
    assert (done.arrived, done.updated, done.kept) == ([], [], [])
    assert title(folder / "04_output_layer.ipynb") == "# 04. Ma version"


def test_reset_restores_the_course_version_and_keeps_every_backup(tmp_path, course_dir):
    prepare("fr", tmp_path / "ws", course=course_dir)
    folder = tmp_path / "ws" / "fr"
    lesson = folder / "04_output_layer.ipynb"
    edit_cell(lesson, 2, "# 04. Première version")
    add_line(course_dir / "fr" / lesson.name, 3, "Une correction du cours.")
    [(restored, first)] = reset("04", "fr", tmp_path / "ws", course=course_dir)
    assert restored == lesson and lesson.read_bytes() == (course_dir / "fr" / lesson.name).read_bytes()
    assert first.parent == folder and first.name.startswith("04_output_layer.backup-") and first.suffix == ".ipynb"
    assert title(first) == "# 04. Première version"
    assert prepare("fr", tmp_path / "ws", course=course_dir).kept == []  # the manifest knows the new copy

    edit_cell(lesson, 2, "# 04. Deuxième version")
    [(_, second)] = reset("04", "fr", tmp_path / "ws", course=course_dir)
    assert second != first and title(first) == "# 04. Première version" and title(second) == "# 04. Deuxième version"
    said = "\n".join(reset_report([(restored, second)]))
    assert str(second) in said and str(lesson) in said
    # The glossary by its name, and a lesson that is already the course's needs no backup.
    assert reset("glossary", "fr", tmp_path / "ws", course=course_dir) == [(folder / "glossary.md", None)]


def test_reset_names_an_unknown_lesson_or_language_and_the_choices(tmp_path, course_dir):
    with pytest.raises(CourseError) as error:
        reset("4", "fr", tmp_path / "ws", course=course_dir)
    assert "'4'" in str(error.value) and "00, 04, 05, glossary" in str(error.value)
    with pytest.raises(CourseError) as error:
        reset("04", "klingon", tmp_path / "ws", course=course_dir)
    assert "'klingon'" in str(error.value) and "pt_BR" in str(error.value)
    with pytest.raises(CourseError) as error:
        reset("04", "es", tmp_path / "ws", course=course_dir)  # this course has no Spanish lessons
    assert "es" in str(error.value) and str(course_dir / "es") in str(error.value)
    assert not (tmp_path / "ws").exists()


# The command line -----------------------------------------------------------------------------------


def cli(*args, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "course", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, **(env or {})),
    )


NEW_MESSAGES = [  # every message of the workspace, reset and the notes (the singular of each plural)
    "Your own copy of the course: {n} file in {folder}. Edit it freely: the course never overwrites your edits.",
    "Your lessons are in {folder}.",
    "New from the course: {files}.",
    "Updated from the course, since you had not edited it: {files}.",
    "{file}: you edited this lesson and the course has a newer version of it. Your version is kept. "
    "To get the new one (yours is then kept as a backup), run in a terminal: {command}",
    "{file}: you edited this lesson and the course has changed it since. Your version was kept: "
    "where you and the course changed the same lines, yours won, so you may miss a correction. "
    "To get the course's version (yours is then kept as a backup), run in a terminal, "
    "in this lesson's folder: {command}",
    "{file} is now the course's version.",
    "Your version is kept in {backup}.",
    "There is no lesson {lesson!r} in the course: choose one of {choices}.",
    "The course has no lessons in {lang} in {folder}: reinstall the course.",
    "The workspace {folder} is not a folder: choose another one with --workspace or {variable}.",
]


def in_catalog(lang: str, message: str) -> bool:
    return any(message in catalog.lines for catalog in translations(lang).catalogs)


def prose(text: str) -> str:
    """What a learner reads as sentences: without commands, paths and file names (whose words are English)."""
    text = re.sub(r"(python -m course|cp) .*$", " ", text, flags=re.MULTILINE)
    return re.sub(r"\S*/\S*|\S+\.(ipynb|md)\b", " ", text)


def everything_said(tmp_path: Path, course_dir: Path) -> str:
    """Every message of the workspace, reset and the notes, in the current language."""
    said = report(prepare("fr", tmp_path / "ws", course=course_dir))
    folder = tmp_path / "ws" / "fr"
    edit_cell(folder / "04_output_layer.ipynb", 2, "# 04. Ma version")
    for name in ("04_output_layer.ipynb", "05_hidden_layers.ipynb"):
        add_line(course_dir / "fr" / name, 3, "Une correction du cours.")
    shutil.copyfile(LESSONS / "fr" / "06_gradient_descent.ipynb", course_dir / "fr" / "10_new.ipynb")
    said += report(prepare("fr", tmp_path / "ws", course=course_dir))
    said += reset_report(reset("04", "fr", tmp_path / "ws", course=course_dir))
    said.append(clone_note("04_output_layer.ipynb", "origin/main", folder))
    (tmp_path / "a file").write_text("", encoding="utf-8")
    for wrong in (
        lambda: reset("4", "fr", tmp_path / "ws", course=course_dir),
        lambda: reset("04", "es", tmp_path / "ws", course=course_dir),
        lambda: prepare("fr", tmp_path / "a file", course=course_dir),
    ):
        with pytest.raises(CourseError) as error:
            wrong()
        said.append(str(error.value))
    return "\n".join(said)


def test_every_message_reads_in_french(tmp_path):
    english = everything_said(tmp_path / "en", make_course(tmp_path / "en"))
    assert len(english_sentences(prose(english), "fr")) >= len(NEW_MESSAGES)  # the check can say no
    if not all(in_catalog("fr", message) for message in NEW_MESSAGES):
        pytest.xfail("the workspace's messages are not in locales/fr yet (python -m course i18n update)")
    with language("fr"):
        french = everything_said(tmp_path / "fr", make_course(tmp_path / "fr"))
    assert english_sentences(prose(french), "fr") == [], french


@pytest.mark.slow
def test_lab_dry_run_prepares_the_workspace_and_prints_the_command_and_reset_works(tmp_path):
    workspace = tmp_path / "ws"
    done = cli("lab", "--lang", "fr", "--workspace", str(workspace), "--dry-run")
    assert done.returncode == 0, done.stderr
    *said, command = done.stdout.strip().splitlines()
    assert str(workspace / "fr") in said[0]
    assert (workspace / "fr" / "00_start_here.ipynb").is_file() and (workspace / "fr" / MANIFEST).is_file()
    assert f"--ServerApp.root_dir={workspace}" in command and "default_url=/lab/tree/fr/00_start_here.ipynb" in command
    assert "workspaces" in command and command.endswith(("NeverCheckForUpdate", "--allow-root"))
    # COURSE_WORKSPACE chooses the workspace when --workspace does not.
    other = cli("lab", "--lang", "es", "--dry-run", env={"COURSE_WORKSPACE": str(tmp_path / "other")})
    assert other.returncode == 0 and (tmp_path / "other" / "es" / "00_start_here.ipynb").is_file()

    edit_cell(workspace / "fr" / "04_output_layer.ipynb", 2, "# 04. À moi")
    reset_done = cli("reset", "04", "--lang", "fr", "--workspace", str(workspace))
    assert reset_done.returncode == 0, reset_done.stderr
    [backup] = (workspace / "fr").glob("04_output_layer.backup-*.ipynb")
    assert str(backup) in reset_done.stdout and title(backup) == "# 04. À moi"
    wrong = cli("reset", "99", "--lang", "fr", "--workspace", str(workspace))
    assert wrong.returncode == 2 and "'99'" in wrong.stderr and "Traceback" not in wrong.stderr

    english = cli("lab", "--lang", "en", "--workspace", str(workspace), "--dry-run").stdout
    assert english_sentences(prose(english), "fr")  # the check can say no: English shown to a French learner
    if not all(in_catalog("fr", message) for message in NEW_MESSAGES):
        pytest.xfail("the workspace's messages are not in locales/fr yet (python -m course i18n update)")
    for output in (done.stdout, reset_done.stdout, wrong.stderr):
        assert english_sentences(prose(output), "fr") == [], output


# Solutions released later ---------------------------------------------------------------------------


def solution_cells(path: Path) -> list:
    return [c for c in nbformat.read(path, as_version=4).cells if "solution" in c.metadata.get("tags", [])]


def fill_exercise(path: Path, answer: str) -> None:
    """What a learner does to an exercise: replace its ``...`` with an answer."""
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if "exercise" in c.metadata.get("tags", []))
    cell.source = cell.source.replace("...", answer, 1)
    nbformat.write(nb, path)


def test_solutions_held_back_on_a_laptop_are_released_by_running_lab_again(tmp_path):
    """``lab --without-solutions``, then ``lab``: solutions.ipynb arrives, the lessons the learner has not edited
    get their solutions, an edited lesson stays the learner's; course.start() sees no "newer version" before."""
    from course.tools.build import build

    course_dir = tmp_path / "course"
    build(["fr"], only=["04", "05", "solutions"], run=False, output=course_dir)  # the real build, text only
    assert solution_cells(course_dir / "fr" / "04_output_layer.ipynb"), "the course's lessons have their solutions"
    folder = tmp_path / "ws" / "fr"

    held = prepare("fr", tmp_path / "ws", course=course_dir, solutions=False)
    assert held.arrived == ["04_output_layer.ipynb", "05_hidden_layers.ipynb"], "no solutions.ipynb"
    for name in held.arrived:
        text = (folder / name).read_text(encoding="utf-8")
        assert not solution_cells(folder / name) and "<details>" not in text, name
        cells = nbformat.read(folder / name, as_version=4).cells
        assert any("exercise" in c.metadata.get("tags", []) for c in cells), "the exercises are there"
    fill_exercise(folder / "05_hidden_layers.ipynb", "mon_essai")  # the learner works on 05, not on 04
    assert notes(folder) == [], "filling an exercise is not a newer version of the course"
    again = prepare("fr", tmp_path / "ws", course=course_dir, solutions=False)
    assert (again.arrived, again.updated, again.kept) == ([], [], []), "held back, they stay held back"

    released = prepare("fr", tmp_path / "ws", course=course_dir)
    assert released.arrived == ["solutions.ipynb"]
    assert released.updated == ["04_output_layer.ipynb"] and released.kept == ["05_hidden_layers.ipynb"]
    assert (folder / "04_output_layer.ipynb").read_bytes() == (course_dir / "fr" / "04_output_layer.ipynb").read_bytes()
    mine = (folder / "05_hidden_layers.ipynb").read_text(encoding="utf-8")
    assert "mon_essai" in mine and not solution_cells(folder / "05_hidden_layers.ipynb"), "the learner's version"
    ids = {c.metadata["course"]["exercise"] for c in solution_cells(folder / "solutions.ipynb")}
    assert {"05.1", "05.2", "05.3", "04.1"} <= ids, "solutions.ipynb has the edited lesson's solutions too"
    said = "\n".join(report(released))
    assert "solutions.ipynb" in said and "04_output_layer.ipynb" in said and "reset 05" in said


@pytest.mark.slow
def test_lab_without_solutions_leaves_them_out_and_lab_brings_them(tmp_path):
    workspace, lesson = tmp_path / "ws", tmp_path / "ws" / "es" / "04_output_layer.ipynb"
    done = cli("lab", "--lang", "es", "--workspace", str(workspace), "--dry-run", "--without-solutions")
    assert done.returncode == 0, done.stderr
    assert lesson.is_file() and not solution_cells(lesson) and not (workspace / "es" / "solutions.ipynb").exists()
    done = cli("lab", "--lang", "es", "--workspace", str(workspace), "--dry-run")
    assert done.returncode == 0, done.stderr
    assert solution_cells(lesson) == solution_cells(LESSONS / "es" / lesson.name) != []
    assert (workspace / "es" / "solutions.ipynb").exists() == (LESSONS / "es" / "solutions.ipynb").exists()


@pytest.mark.slow
# nbgitpuller 1.3's execute_cmd never closes its git process's stdout: its warning, not ours.
@pytest.mark.filterwarnings("ignore:unclosed file <_io.BufferedReader:ResourceWarning")
def test_solutions_held_back_on_a_hub_are_released_by_adding_solutions_ipynb_to_the_branch(tmp_path):
    """The guide's hub route, with its own commands: a branch built with --without-solutions, pulled by
    nbgitpuller; the instructor adds solutions.ipynb, the learner clicks again and gets it, edits kept."""
    from nbgitpuller.pull import GitPuller

    from course.tools.workshop import _solutions

    workshop = tmp_path / "workshop"
    build = [sys.executable, "-m", "course", "build", "--lang", "fr", "--only", "04", "--no-execute"]
    done = subprocess.run([*build, "--without-solutions", "--output", str(workshop)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (workshop / "lessons" / "fr").iterdir()) == ["04_output_layer.ipynb"]
    guide = _solutions("fr")
    for command in ("git -C workshop init -b workshop", "git -C workshop add lessons"):
        assert command in guide
        git(tmp_path, *command.split()[1:])
    git(workshop, "commit", "--quiet", "-m", "Lessons without solutions")

    def click(into: Path) -> None:
        for _line in GitPuller(f"file://{workshop}", str(into), branch="workshop").pull():
            pass

    home = tmp_path / "home" / "workshop"
    click(home)
    folder = home / "lessons" / "fr"
    assert not solution_cells(folder / "04_output_layer.ipynb") and not (folder / "solutions.ipynb").exists()
    fill_exercise(folder / "04_output_layer.ipynb", "da * sigmoid_prime(z2)")

    # The instructor releases the solutions: solutions.ipynb from the course, added to the branch.
    course = tmp_path / "course"
    done = subprocess.run(
        [*build[:6], "--only", "solutions", "--no-execute", "--output", str(course)], capture_output=True
    )
    assert done.returncode == 0, done.stderr
    assert "cp lessons/fr/solutions.ipynb workshop/lessons/fr/" in guide
    shutil.copyfile(course / "lessons" / "fr" / "solutions.ipynb", workshop / "lessons" / "fr" / "solutions.ipynb")
    git(workshop, "add", "lessons/fr/solutions.ipynb")
    git(workshop, "commit", "--quiet", "-m", "Solutions")
    click(home)
    assert {c.metadata["course"]["exercise"] for c in solution_cells(folder / "solutions.ipynb")} >= {"04.1", "04.3"}
    assert "da * sigmoid_prime(z2)" in (folder / "04_output_layer.ipynb").read_text(encoding="utf-8"), "edit kept"


# course.start() tells the learner -------------------------------------------------------------------


def test_start_tells_of_a_newer_version_of_an_edited_workspace_lesson(tmp_path, course_dir, monkeypatch, capsys):
    prepare("fr", tmp_path / "ws", course=course_dir)
    folder = tmp_path / "ws" / "fr"
    edit_cell(folder / "04_output_layer.ipynb", 2, "# 04. Ma version")
    run(folder / "05_hidden_layers.ipynb")
    run(folder / "00_start_here.ipynb")
    for name in ("04_output_layer.ipynb", "05_hidden_layers.ipynb"):  # both change in the course
        add_line(course_dir / "fr" / name, 3, "Une correction du cours.")
    monkeypatch.chdir(folder)

    monkeypatch.setenv("JPY_SESSION_NAME", str(folder / "04_output_layer.ipynb"))
    course.start("fr")
    said = capsys.readouterr().out
    assert "04_output_layer.ipynb" in said and "python -m course reset 04 --lang fr --workspace" in said
    monkeypatch.setenv("JPY_SESSION_NAME", str(folder / "05_hidden_layers.ipynb"))  # run only: no note
    course.start("fr")
    assert capsys.readouterr().out == ""
    monkeypatch.delenv("JPY_SESSION_NAME")  # no session: every lesson of the folder, 04 only
    assert [note.split(":")[0] for note in notes(folder)] == ["04_output_layer.ipynb"]
    # After a reset, nothing more to say; and a folder that is no workspace says nothing.
    reset("04", "fr", tmp_path / "ws", course=course_dir)
    assert notes(folder) == []
    assert notes(LESSONS / "fr") == []
    with language("fr"):
        assert notes(folder) == []


def git(folder: Path, *args: str) -> str:
    """git as the course's authors run it."""
    who = ["-c", "user.name=Authors", "-c", "user.email=authors@example.org"]
    return subprocess.run(["git", *who, *args], cwd=folder, check=True, capture_output=True, text=True).stdout


@pytest.mark.slow
# nbgitpuller 1.3's execute_cmd never closes its git process's stdout: its warning, not ours.
@pytest.mark.filterwarnings("ignore:unclosed file <_io.BufferedReader:ResourceWarning")
def test_start_tells_of_a_course_change_that_nbgitpuller_merged_under_the_learner_edit(tmp_path, monkeypatch, capsys):
    from jupyter_client.manager import start_new_kernel
    from nbgitpuller.pull import GitPuller

    upstream = tmp_path / "upstream"
    lessons = upstream / "lessons" / "fr"
    lessons.mkdir(parents=True)
    names = ["04_output_layer.ipynb", "05_hidden_layers.ipynb", "06_gradient_descent.ipynb", "glossary.md"]
    for name in names:
        shutil.copyfile(LESSONS / "fr" / name, lessons / name)
    git(upstream, "init", "--quiet", "--initial-branch=main")
    git(upstream, "add", ".")
    git(upstream, "commit", "--quiet", "-m", "The course")

    def pull(into: Path) -> None:
        for _line in GitPuller(f"file://{upstream}", str(into), branch="main").pull():
            pass

    home = tmp_path / "home" / "course"
    pull(home)  # the learner's first click
    folder = home / "lessons" / "fr"
    edit_cell(folder / "04_output_layer.ipynb", 2, "# 04. Ma couche de sortie")  # edited
    edit_cell(folder / "05_hidden_layers.ipynb", 39, "## Mes points clés")  # edited, unchanged by the course
    # The authors fix lesson 04 on the same line, and lesson 06, which the learner never opened.
    edit_cell(lessons / "04_output_layer.ipynb", 2, "# 04. La couche de sortie (corrigée)")
    add_line(lessons / "06_gradient_descent.ipynb", 3, "Une correction du cours.")
    git(upstream, "commit", "--quiet", "-am", "Fixes")
    pull(home)  # the learner clicks again

    assert title(folder / "04_output_layer.ipynb") == "# 04. Ma couche de sortie"  # -Xours: the learner's line won
    assert "Une correction du cours." in (folder / "06_gradient_descent.ipynb").read_text(encoding="utf-8")
    monkeypatch.chdir(folder)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    started = time.perf_counter()
    said = notes(folder)
    assert time.perf_counter() - started < 1.0  # a few git commands: start() stays quick
    assert [note.split(":")[0] for note in said] == ["04_output_layer.ipynb"]  # not 05, not 06

    # In a real kernel that Jupyter started for lesson 04 (ipykernel sets __session__), in French.
    env = dict(os.environ, JPY_SESSION_NAME=str(folder / "04_output_layer.ipynb"))
    kernel, client = start_new_kernel(cwd=str(folder), env=env)
    try:
        out = []
        client.execute_interactive(
            "import course\ncourse.start('fr')\nprint(__session__)",
            timeout=60,
            output_hook=lambda msg: out.append(msg["content"].get("text", "")),
        )
    finally:
        client.stop_channels()
        kernel.shutdown_kernel(now=True)
    shown = "".join(out)
    assert "04_output_layer.ipynb:" in shown and "git checkout origin/main -- 04_output_layer.ipynb" in shown, shown

    # The command the note gives gets the course's version and keeps the learner's.
    command = said[0].rsplit(": ", 1)[1]
    subprocess.run(command, shell=True, cwd=folder, check=True, timeout=30)
    assert title(folder / "04_output_layer.ipynb") == "# 04. La couche de sortie (corrigée)"
    [backup] = folder.glob("04_output_layer.backup-*.ipynb")
    assert title(backup) == "# 04. Ma couche de sortie"
    assert notes(folder) == []
    # An author's clone, with a commit of their own and a newer course fetched: no nbgitpuller commit, no note.
    git(tmp_path, "clone", "--quiet", str(upstream), "author")
    drafts = tmp_path / "author" / "lessons" / "fr"
    edit_cell(drafts / "04_output_layer.ipynb", 2, "# 04. Brouillon")
    git(drafts, "commit", "--quiet", "-am", "Draft")
    edit_cell(lessons / "04_output_layer.ipynb", 2, "# 04. La couche de sortie, encore corrigée")
    git(upstream, "commit", "--quiet", "-am", "More fixes")
    git(drafts, "fetch", "--quiet")
    assert notes(drafts) == []


def test_start_stays_cheap_where_there_is_nothing_to_tell(monkeypatch):
    monkeypatch.chdir(LESSONS / "fr")  # a git checkout of the authors, without any manifest
    started = time.perf_counter()
    assert notes(LESSONS / "fr") == []
    assert time.perf_counter() - started < 1.0
