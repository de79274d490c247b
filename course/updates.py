"""A lesson you edited has a newer version: ``course.start()`` says so, in your language.

The course never overwrites a learner's edits, so a correction to a lesson that the learner
has changed does not reach them by itself. Two ways to start the course keep a learner's copy:

- ``python -m course lab`` copies the lessons into a workspace (``~/backprop-course/<lang>/``)
  and remembers, in a small manifest, the fingerprint of each lesson it copied;
- on a JupyterHub, nbgitpuller clones the course with git; on each new click it commits the
  learner's changes and merges the course's with ``-Xours``: on a line that both changed,
  the learner's version wins without a word.

Either way, :func:`tell_about_updates` (run by ``course.start``) prints one short note per
edited lesson that the course has changed since, with the command that gets the new version
and keeps the learner's as a backup. It reads a few files and runs git for a few
milliseconds, never the network; where there is no manifest and no clone pulled by
nbgitpuller (an author's checkout, a build), it says nothing.

"Edited" means a cell's source changed: :func:`fingerprint` hashes the cells' types and
sources only, so running a notebook (outputs, execution counts) is not editing it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import subprocess
import time
from pathlib import Path

from .files import LESSONS
from .i18n import _

MANIFEST = ".backprop-course.json"
WORKSPACE_VARIABLE = "COURSE_WORKSPACE"
LESSON_PATTERNS = ("*.ipynb", "*.md")
# nbgitpuller commits the learner's changes with this message before it merges the course's.
NBGITPULLER_COMMIT = "Automatic commit by nbgitpuller"
GIT_TIMEOUT = 5  # seconds; the note is a courtesy, never a wait
SOLUTION = "solution"  # the tag of the collapsed solution cell under each exercise
SOLUTIONS_NOTEBOOK = "solutions.ipynb"


def default_workspace() -> Path:
    """Where ``python -m course lab`` keeps the learner's lessons: ``$COURSE_WORKSPACE``, else ``~/backprop-course``."""
    return Path(os.environ.get(WORKSPACE_VARIABLE) or Path.home() / "backprop-course").expanduser()


def fingerprint_text(text: str, name: str = ".ipynb") -> str:
    """The fingerprint of a lesson's text: a hash of its cells' (type, source), outputs left out."""
    if name.endswith(".ipynb"):
        try:
            cells = [
                (cell.get("cell_type"), "".join(cell.get("source", ""))) for cell in json.loads(text).get("cells", [])
            ]
        except (ValueError, AttributeError, TypeError):  # not a notebook any more: its text is what counts
            cells = [("raw", text)]
    else:
        cells = [("markdown", text)]
    return hashlib.sha256(json.dumps(cells, ensure_ascii=False).encode("utf-8")).hexdigest()


def fingerprint(path: Path) -> str:
    """:func:`fingerprint_text` of the file at ``path``."""
    return fingerprint_text(Path(path).read_text(encoding="utf-8"), Path(path).name)


def without_solutions(text: str) -> str:
    """A notebook's text without its solution cells (those tagged ``solution``): what a workspace made with
    ``python -m course lab --without-solutions`` receives. Any other file, or text that is not a notebook, as is."""
    try:
        nb = json.loads(text)
        cells = nb["cells"]
    except (ValueError, TypeError, KeyError):
        return text
    nb["cells"] = [c for c in cells if SOLUTION not in (c.get("metadata") or {}).get("tags", [])]
    return json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def course_version(path: Path, solutions: bool = True) -> str:
    """The text of the course's file at ``path`` as a workspace receives it: without its solution cells when the
    workspace was made without solutions."""
    text = Path(path).read_text(encoding="utf-8")
    return text if solutions or not Path(path).name.endswith(".ipynb") else without_solutions(text)


def read_manifest(folder: Path) -> dict:
    """The workspace manifest of ``folder`` (``{"lang", "course", "files": {name: {"fingerprint"}}}``), or ``{}``."""
    try:
        manifest = json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) and isinstance(manifest.get("files"), dict) else {}


def lesson_key(name: str) -> str:
    """What ``python -m course reset`` takes for a lesson: ``"04"`` for ``04_output_layer.ipynb``, else its file name."""
    number = name.split("_", 1)[0]
    return number if number.isdigit() else name


def backup_path(path: Path, now: float | None = None) -> Path:
    """A free name beside ``path`` for a backup: ``04_output_layer.backup-2026-12-03-1755.ipynb`` (then ``-2``, ``-3``…)."""
    path = Path(path)
    stamp = time.strftime("%Y-%m-%d-%H%M", time.localtime(now))
    candidate, n = path.with_name(f"{path.stem}.backup-{stamp}{path.suffix}"), 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}.backup-{stamp}-{n}{path.suffix}")
    return candidate


def reset_command(name: str, lang: str, workspace: Path) -> str:
    """The command that restores lesson ``name`` of ``lang`` from the course, keeping the learner's as a backup."""
    words = ["python", "-m", "course", "reset", lesson_key(name), "--lang", lang]
    if Path(workspace).resolve() != default_workspace().resolve():
        words += ["--workspace", str(workspace)]
    return shlex.join(words)


def workspace_note(name: str, lang: str, workspace: Path) -> str:
    """The note on a workspace lesson that the learner edited and the course has changed since."""
    return _(
        "{file}: you edited this lesson and the course has a newer version of it. Your version is kept. "
        "To get the new one (yours is then kept as a backup), run in a terminal: {command}"
    ).format(file=name, command=reset_command(name, lang, workspace))


def newer_in_workspace(folder: Path, names: list[str] | None = None) -> list[str]:
    """Lessons of a workspace ``folder`` that the learner edited and that the course has changed since it copied them."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    if not manifest:
        return []
    course = Path(manifest.get("course") or LESSONS / str(manifest.get("lang")))
    if not course.is_dir():
        course = LESSONS / str(manifest.get("lang"))
    found = []
    for name in sorted(manifest["files"] if names is None else names):
        copied = (manifest["files"].get(name) or {}).get("fingerprint")
        mine, theirs = folder / name, course / name
        if not (copied and mine.is_file() and theirs.is_file()):
            continue
        theirs_print = fingerprint_text(course_version(theirs, manifest.get("solutions", True)), name)
        mine_print = fingerprint(mine)
        if mine_print != copied and theirs_print != copied and mine_print != theirs_print:
            found.append(name)
    return found


def _git(folder: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", *args], cwd=folder, capture_output=True, text=True, timeout=GIT_TIMEOUT, check=False
        )
    except (OSError, subprocess.SubprocessError):  # no git, or git too slow: no note
        return None
    return done.stdout if done.returncode == 0 else None


def newer_in_clone(folder: Path, names: list[str] | None = None) -> tuple[str, list[str]]:
    """In a clone pulled by nbgitpuller: (the course's branch, e.g. ``origin/main``; the lessons of ``folder``
    that the learner edited and that the course changed after the version the learner started from).

    The learner's edits are nbgitpuller's commits that the course's branch does not have; the
    version they started from is the parent of the first such commit that touches the lesson.
    A lesson is named when its cells' sources differ from the course's, and the course changed
    them since that version: the merge may have kept the learner's line over the course's.
    """
    folder = Path(folder)
    upstream = (_git(folder, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}") or "").strip()
    if not upstream:
        return "", []
    log = _git(
        folder,
        "log",
        "--no-merges",
        "--fixed-strings",
        f"--grep={NBGITPULLER_COMMIT}",
        "--format=commit %H",
        "--name-only",
        "--relative",
        f"{upstream}..HEAD",
        "--",
        ".",
    )
    first_edit: dict[str, str] = {}  # lesson → the learner's first commit that touched it (the log is newest first)
    commit = ""
    for line in (log or "").splitlines():
        if line.startswith("commit "):
            commit = line.split()[1]
        elif "/" not in line and line.endswith((".ipynb", ".md")) and (names is None or line in names):
            first_edit[line] = commit
    found = []
    for name, commit in sorted(first_edit.items()):
        mine = folder / name
        started = _git(folder, "show", f"{commit}^:./{name}")
        course = _git(folder, "show", f"{upstream}:./{name}")
        if started is None or course is None or not mine.is_file():
            continue
        mine_print, course_print = fingerprint(mine), fingerprint_text(course, name)
        if course_print != fingerprint_text(started, name) and mine_print != course_print:
            found.append(name)
    return upstream, found


def this_lesson(folder: Path, session: str | None) -> list[str] | None:
    """The lesson the kernel runs, from Jupyter's session name (``JPY_SESSION_NAME``); None: every lesson."""
    if session:
        name = Path(session).name
        if (Path(folder) / name).is_file():
            return [name]
    return None


def notes(folder: Path, session: str | None = None) -> list[str]:
    """The notes ``course.start()`` prints for the lessons in ``folder``, in the current language."""
    folder = Path(folder)
    names = this_lesson(folder, session)
    manifest = read_manifest(folder)
    if manifest:
        lang = str(manifest.get("lang"))
        return [workspace_note(name, lang, folder.parent) for name in newer_in_workspace(folder, names)]
    upstream, newer = newer_in_clone(folder, names)
    return [clone_note(name, upstream, folder) for name in newer]


def clone_note(name: str, upstream: str, folder: Path) -> str:
    """The note on a lesson of a clone that the learner edited and the course (``upstream``) has changed since."""
    command = f"cp {shlex.quote(name)} {shlex.quote(backup_path(Path(folder) / name).name)} && " + shlex.join(
        ["git", "checkout", upstream, "--", name]
    )
    return _(
        "{file}: you edited this lesson and the course has changed it since. Your version was kept: "
        "where you and the course changed the same lines, yours won, so you may miss a correction. "
        "To get the course's version (yours is then kept as a backup), run in a terminal, "
        "in this lesson's folder: {command}"
    ).format(file=name, command=command)


def tell_about_updates(folder: Path | None = None, session: str | None = None) -> None:
    """Print :func:`notes` for the kernel's working folder and the session's lesson (``course.start`` runs this)."""
    folder = Path.cwd() if folder is None else Path(folder)
    if session is None:
        session = os.environ.get("JPY_SESSION_NAME")
    try:
        said = notes(folder, session)
    except (OSError, ValueError):  # a lesson that cannot be read: no note rather than a failed start
        return
    for note in said:
        print(note)
