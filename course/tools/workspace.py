"""The learner's own copy of the lessons: ``python -m course lab`` and ``python -m course reset``.

A workspace (``~/backprop-course/`` unless ``--workspace`` or ``COURSE_WORKSPACE`` says
otherwise) holds one folder per language, ``<workspace>/<lang>/``, copied from the course's
built notebooks and pages on first use. The learner edits these copies, never the course's.

When the course has been updated, :func:`prepare` brings new lessons in, updates the lessons
the learner has not edited, and keeps the ones they have edited: running a notebook is not
editing it, changing, adding, removing or moving a cell is. The manifest
``<lang>/.backprop-course.json`` remembers the fingerprint of each copied version
(:func:`course.updates.fingerprint`). No file of the learner is ever overwritten or removed:
:func:`reset` restores a lesson only after keeping the learner's version as a backup beside it.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..files import LESSONS
from ..i18n import CourseError, _, ngettext, normalize
from ..updates import (
    LESSON_PATTERNS,
    MANIFEST,
    SOLUTIONS_NOTEBOOK,
    backup_path,
    course_version,
    default_workspace,
    fingerprint,
    fingerprint_text,
    lesson_key,
    read_manifest,
    workspace_note,
)


@dataclass
class Prepared:
    """What :func:`prepare` did to the learner's folder of one language."""

    folder: Path
    lang: str
    first: bool = False
    arrived: list[str] = field(default_factory=list)  # new in the course, or deleted by the learner
    updated: list[str] = field(default_factory=list)  # changed in the course, not edited by the learner
    kept: list[str] = field(default_factory=list)  # edited by the learner, changed in the course: kept


def course_folder(lang: str, course: Path = LESSONS) -> Path:
    """The course's built lessons of ``lang`` (``course/<lang>``); a :class:`CourseError` if there are none."""
    folder = Path(course) / lang
    if not folder.is_dir() or not lesson_files(folder):
        raise CourseError(
            _("The course has no lessons in {lang} in {folder}: reinstall the course.").format(lang=lang, folder=folder)
        )
    return folder


def lesson_files(folder: Path) -> list[str]:
    """The names of the lessons and pages of ``folder``, in order."""
    return sorted({p.name for pattern in LESSON_PATTERNS for p in Path(folder).glob(pattern) if p.is_file()})


def language_folder(lang: str, workspace: Path | None = None) -> Path:
    """``<workspace>/<lang>``: the learner's lessons in ``lang``."""
    workspace = default_workspace() if workspace is None else Path(workspace).expanduser()
    if workspace.exists() and not workspace.is_dir():
        raise CourseError(
            _("The workspace {folder} is not a folder: choose another one with --workspace or {variable}.").format(
                folder=workspace, variable="COURSE_WORKSPACE"
            )
        )
    return workspace.resolve() / lang


def _write_manifest(folder: Path, manifest: dict) -> None:
    path = folder / MANIFEST
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(manifest, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(partial, path)  # a manifest is whole or absent, even if the learner stops the command midway


def _copy(source: Path, target: Path, files: dict, solutions: bool = True) -> None:
    if solutions:
        shutil.copyfile(source, target)
        files[target.name] = {"fingerprint": fingerprint(source)}
    else:
        text = course_version(source, solutions)
        target.write_text(text, encoding="utf-8")
        files[target.name] = {"fingerprint": fingerprint_text(text, target.name)}


def prepare(lang: str, workspace: Path | None = None, course: Path = LESSONS, solutions: bool = True) -> Prepared:
    """Make or update the learner's folder of ``lang`` from ``course/<lang>``, never overwriting an edited lesson.

    With ``solutions=False`` the lessons come without their solution cells and ``solutions.ipynb`` stays out. A
    later call with ``solutions=True`` releases them: it brings ``solutions.ipynb`` and the solution cells of every
    lesson the learner has not edited (an edited lesson stays the learner's; ``solutions.ipynb`` has them all)."""
    lang = normalize(lang)
    source = course_folder(lang, course)
    folder = language_folder(lang, workspace)
    folder.mkdir(parents=True, exist_ok=True)
    manifest = read_manifest(folder)
    files = dict(manifest.get("files", {}))
    done = Prepared(folder, lang, first=not manifest)
    for name in lesson_files(source):
        if not solutions and name == SOLUTIONS_NOTEBOOK:
            continue
        theirs, mine = source / name, folder / name
        copied = (files.get(name) or {}).get("fingerprint")
        if not mine.exists():  # new in the course, or deleted by the learner: a fresh copy
            _copy(theirs, mine, files, solutions)
            done.arrived.append(name)
            continue
        mine_print = fingerprint(mine)
        theirs_print = fingerprint_text(course_version(theirs, solutions), name)
        if mine_print == theirs_print:
            files[name] = {"fingerprint": theirs_print}  # the same cells as the course's: nothing to do
        elif copied is None or mine_print != copied:  # edited (or of unknown origin): the learner's
            if theirs_print != copied:  # and the course has a newer version: say how to get it
                done.kept.append(name)
        else:  # not edited, and the course changed its cells: the new version
            _copy(theirs, mine, files, solutions)
            done.updated.append(name)
    _write_manifest(folder, {"lang": lang, "course": str(source.resolve()), "files": files, "solutions": solutions})
    return done


def report(done: Prepared) -> list[str]:
    """What :func:`prepare` did, in the current language: one sentence a line."""
    lines = []
    if done.first:
        n = len(done.arrived)
        lines.append(
            ngettext(
                "Your own copy of the course: {n} file in {folder}. Edit it freely: the course never overwrites "
                "your edits.",
                "Your own copy of the course: {n} files in {folder}. Edit them freely: the course never overwrites "
                "your edits.",
                n,
            ).format(n=n, folder=done.folder)
        )
    else:
        lines.append(_("Your lessons are in {folder}.").format(folder=done.folder))
    if done.arrived and not done.first:
        lines.append(
            ngettext("New from the course: {files}.", "New from the course: {files}.", len(done.arrived)).format(
                files=", ".join(done.arrived)
            )
        )
    if done.updated:
        lines.append(
            ngettext(
                "Updated from the course, since you had not edited it: {files}.",
                "Updated from the course, since you had not edited them: {files}.",
                len(done.updated),
            ).format(files=", ".join(done.updated))
        )
    lines += [workspace_note(name, done.lang, done.folder.parent) for name in done.kept]
    return lines


def find_lesson(lesson: str, source: Path) -> list[str]:
    """The course's files that ``lesson`` names: a number (``04``), a name (``glossary``) or a file name."""
    names = lesson_files(source)
    wanted = str(lesson).strip()
    found = [n for n in names if wanted in (n, Path(n).stem, lesson_key(n))]
    if not found:
        choices = sorted({lesson_key(n) if lesson_key(n).isdigit() else Path(n).stem for n in names})
        raise CourseError(
            _("There is no lesson {lesson!r} in the course: choose one of {choices}.").format(
                lesson=lesson, choices=", ".join(choices)
            )
        )
    return found


def reset(
    lesson: str, lang: str, workspace: Path | None = None, course: Path = LESSONS
) -> list[tuple[Path, Path | None]]:
    """Restore ``lesson`` of ``lang`` from the course into the workspace; returns (the lesson, the backup of the
    learner's version, or None when it was already the course's file)."""
    lang = normalize(lang)
    source = course_folder(lang, course)
    names = find_lesson(lesson, source)
    folder = language_folder(lang, workspace)
    folder.mkdir(parents=True, exist_ok=True)
    manifest = read_manifest(folder)
    files, solutions = dict(manifest.get("files", {})), manifest.get("solutions", True)
    done = []
    for name in names:
        theirs, mine = source / name, folder / name
        backup = None
        if mine.exists() and mine.read_text(encoding="utf-8") != course_version(theirs, solutions):
            backup = backup_path(mine)
            shutil.copy2(mine, backup)  # a fresh name: an earlier backup is never overwritten
        _copy(theirs, mine, files, solutions)
        done.append((mine, backup))
    _write_manifest(folder, {"lang": lang, "course": str(source.resolve()), "files": files, "solutions": solutions})
    return done


def reset_report(done: list[tuple[Path, Path | None]]) -> list[str]:
    """What :func:`reset` did, in the current language."""
    lines = []
    for mine, backup in done:
        lines.append(_("{file} is now the course's version.").format(file=mine))
        if backup is not None:
            lines.append(_("Your version is kept in {backup}.").format(backup=backup))
    return lines
