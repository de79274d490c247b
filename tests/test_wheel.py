"""The course installed from its wheel, outside any checkout, as a learner or an instructor gets it.

The wheel is built from a copy of the checkout (so no build/ or egg-info is left in the repository)
and installed into a fresh virtualenv in a temporary folder; every command runs from another
temporary folder, without PYTHONPATH, so that only the installed copy of the course can be imported.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import zipfile
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from course.glossary import lessons_using
from course.i18n import LANGUAGES
from course.tools import check
from course.tools.catalogs import english_sentences

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
# The first line of each lesson's objectives cell is its title, e.g. "# 00. Start here".
TITLE = re.compile(r'^# %% \[markdown\] tags=\["objectives"\]\n# (# .+)$', re.MULTILINE)
ENTRY = "weight"  # a glossary entry that several lessons list in their header
# The lines of `check`: Python, six imports, the course, the widget front end, the language pack, training, a kernel.
ITEMS = 12


def sources() -> list[Path]:
    return sorted((ROOT / "lessons" / "src").glob("[0-9][0-9]_*.py"))


def catalog(lang: str, domain: str) -> dict[str, str]:
    """msgid -> msgstr of a catalog of the checkout, untranslated messages left in English."""
    with open(ROOT / "locales" / lang / "LC_MESSAGES" / f"{domain}.po", "rb") as f:
        return {m.id: m.string or m.id for m in read_po(f) if m.id and not m.fuzzy}


def copy_of_checkout(target: Path) -> Path:
    """The checkout without its virtualenvs, git data, caches and outputs (data folders keep their clutter)."""

    def ignore(folder, names):
        at_root = Path(folder) == ROOT
        return [n for n in names if (at_root and (n.startswith(".") or n in ("_output", "build", "dist")))]

    shutil.copytree(ROOT, target, ignore=ignore)
    return target


def pip_wheel(source: Path, out: Path) -> Path:
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", out, source]
    subprocess.run([str(c) for c in command], check=True, capture_output=True)
    (wheel,) = out.glob("backprop_course-*.whl")
    return wheel


def fresh_venv(folder: Path, wheel: Path) -> Path:
    """A new virtualenv with ``wheel`` installed; returns its python."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", folder], check=True)
    python = folder / "bin" / "python"
    install = [sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", "--no-index", wheel]
    subprocess.run([str(c) for c in install], check=True, capture_output=True)
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # The dependencies (numpy, jupyterlab, babel...) are not installed from PyPI, which would take
    # minutes: a .pth file appends the dev venv's site-packages to the fresh venv's sys.path. Its
    # lines are plain folders, so the dev venv's own .pth files (the editable install's finder, which
    # would import the checkout) are not run, and the fresh venv's own course comes first.
    dev = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(purelib, "dev-venv-dependencies.pth").write_text("\n".join(sorted(dev)) + "\n", encoding="utf-8")
    return python


def outside_env(venv: Path) -> dict:
    """The environment of a learner's shell in ``venv``: no PYTHONPATH, no other venv, no chosen language."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "COURSE_LANG")}
    return env | {"PATH": f"{venv / 'bin'}{os.pathsep}/usr/bin{os.pathsep}/bin", "LANG": "C.UTF-8"}


@pytest.fixture(scope="module")
def tmp(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel").resolve()
    assert not tmp.is_relative_to(ROOT), "the test must run outside the repository"
    return tmp


@pytest.fixture(scope="module")
def wheel(tmp) -> Path:
    return pip_wheel(copy_of_checkout(tmp / "source"), tmp / "dist")


@pytest.fixture(scope="module")
def venv(tmp, wheel) -> Path:
    fresh_venv(tmp / "venv", wheel)
    return tmp / "venv"


@pytest.fixture(scope="module")
def run(tmp, venv):
    """Runs a command of the fresh venv from a folder outside the repository, with a home of its own."""
    work, home = tmp / "work", tmp / "home"
    work.mkdir()
    home.mkdir()
    env = outside_env(venv) | {"HOME": str(home)}

    def run(*command, fails: bool = False) -> str:
        done = subprocess.run([str(c) for c in command], cwd=work, env=env, capture_output=True, text=True, timeout=120)
        assert (done.returncode != 0) == fails, f"{command} gave {done.returncode}:\n{done.stdout}\n{done.stderr}"
        return done.stderr if fails else done.stdout

    return run


def test_the_wheel_carries_every_language_the_sources_the_instructor_material_and_the_catalogs(wheel):
    tracked = subprocess.run(["git", "ls-files", "lessons"], cwd=ROOT, check=True, capture_output=True, text=True)
    expected = {f"course/{name}" for name in tracked.stdout.split()}
    expected -= {"course/lessons/nbval-sanitize.cfg", "course/lessons/src/README.md"}
    for lang in LANGUAGES[1:]:
        expected |= {f"course/locales/{lang}/LC_MESSAGES/{p.stem}.po" for p in [*sources(), Path("course.po")]}
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    for lang in LANGUAGES:
        assert f"course/lessons/{lang}/00_start_here.ipynb" in expected, "the checkout has no built notebooks"
    assert expected <= names, sorted(expected - names)
    clutter = [n for n in names if re.search(r"__pycache__|\.ipynb_checkpoints|\.pyc$|~$|\.bak$|\.cfg$", n)]
    assert not clutter


def test_backprop_course_and_python_m_course_answer_help(run, venv):
    for command in (["backprop-course", "--help"], [venv / "bin" / "python", "-m", "course", "--help"]):
        out = run(*command)
        assert "list" in out and "lab" in out, command


def test_list_gives_the_lesson_titles_of_the_spanish_catalogs(run):
    out = run("backprop-course", "list", "--lang", "es").splitlines()
    english = {p.stem: TITLE.search(p.read_text(encoding="utf-8")).group(1) for p in sources()}
    spanish = [catalog("es", stem)[title].lstrip("# ").strip() for stem, title in english.items()]
    untranslated = [s for s in spanish if s in (t.lstrip("# ") for t in english.values())]
    assert len(untranslated) <= 1, f"titles left in English: {untranslated}"
    header, *rows = out[: len(spanish) + 1]  # then the totals
    assert header.startswith(catalog("es", "course")["Lesson"])
    assert len(rows) == len(spanish)
    assert all(row.startswith(title) for row, title in zip(rows, spanish, strict=True)), (rows, spanish)


def test_lab_prepares_a_workspace_from_the_installed_lessons(run, tmp, venv):
    workspace = tmp / "ws"
    out = run("backprop-course", "lab", "--lang", "es", "--workspace", workspace, "--dry-run")
    lesson = workspace / "es" / "00_start_here.ipynb"
    assert lesson.is_file()
    (installed,) = venv.glob("lib/python*/site-packages/course/lessons/es/00_start_here.ipynb")
    cells = [json.loads(p.read_text(encoding="utf-8"))["cells"] for p in (lesson, installed)]
    assert [c["source"] for c in cells[0]] == [c["source"] for c in cells[1]]
    (command,) = [line for line in out.splitlines() if "jupyter lab" in line]
    assert str(venv / "bin" / "python") in command, "JupyterLab of the installed course's venv"
    assert str(workspace) in command and "es/00_start_here.ipynb" in command, command


def test_import_course_finds_its_lessons_and_catalogs_inside_site_packages(run, venv):
    script = f"""
import json, sys
import course, course.files, course.glossary, course.i18n
course.i18n.set_language("es")
print(json.dumps({{
    "course": course.__file__,
    "lessons": str(course.files.LESSONS),
    "locales": str(course.files.LOCALES),
    "in_checkout": course.files.IN_CHECKOUT,
    "lessons_using": course.glossary.lessons_using({ENTRY!r}),
    "lesson": course.i18n._("Lesson"),
    "path": sys.path,
}}))
"""
    found = json.loads(run(venv / "bin" / "python", "-c", script))
    site_packages = Path(found["course"]).parent.parent
    assert site_packages.is_relative_to(venv), found["course"]
    assert Path(found["lessons"]) == site_packages / "course" / "lessons"
    assert Path(found["locales"]) == site_packages / "course" / "locales"
    assert not found["in_checkout"]
    assert not any(Path(p).resolve() == ROOT for p in found["path"] if p)
    assert found["lessons_using"] == lessons_using(ENTRY) != []
    assert found["lesson"] == catalog("es", "course")["Lesson"] != "Lesson"


def test_lite_from_an_installed_copy_asks_for_a_checkout(run, tmp):
    error = run("backprop-course", "lite", "--output", tmp / "site", fails=True)
    assert "checkout" in error and "Traceback" not in error, error
    assert not (tmp / "site" / "jupyter-lite.json").exists()


def test_the_browser_wheel_carries_the_lesson_sources_but_no_notebook(tmp):
    from course.tools.lite import build_wheels

    (wheel,) = [w for w in build_wheels(tmp / "browser") if w.name.startswith("backprop_course-")]
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    assert {f"course/lessons/src/{p.name}" for p in sources()} <= names
    assert not [n for n in names if n.endswith(".ipynb") or "/instructor/" in n]
    assert wheel.stat().st_size < 1_000_000, "the browser downloads this wheel: keep it small"
    # The glossary's index of lessons works from it, as in Pyodide.
    python = fresh_venv(tmp / "browser-venv", wheel)
    script = f"import course.glossary as g; print(g.LESSONS_SRC); print(g.lessons_using({ENTRY!r}))"
    env = outside_env(tmp / "browser-venv")
    out = subprocess.run([python, "-c", script], cwd=tmp, env=env, capture_output=True, text=True, check=True).stdout
    src, using = out.splitlines()
    assert Path(src).is_relative_to(tmp / "browser-venv")
    assert using == str(lessons_using(ENTRY))


# --- A learner's own install: no root, a virtualenv of their own, the check in their language -------------


def as_learner() -> tuple[list[str], int, int]:
    """The command prefix that runs a command as a user without root, and that user's uid and gid: nobody when
    the tests run as root (as in CI), else the user running them, as they are."""
    if os.geteuid() != 0:
        return [], os.geteuid(), os.getegid()
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all"], 65534, 65534


def learners_python(run) -> str:
    """A Python of this version that the learner can run, to make their venv: the system's, as a learner without
    admin rights has it (the dev venv's Python may live in root's home, out of their reach), else this one."""
    version = "python{}.{}".format(*sys.version_info[:2])
    for python in (shutil.which(version, path=os.defpath), sys.executable):
        if python and run(python, "-c", "import venv").returncode == 0:
            return python
    pytest.fail(f"no {version} that the learner can run")


@pytest.fixture(scope="module")
def learner(wheel):
    """The wheel installed by a user without root into a virtualenv of their own, in a folder they own, with a
    home of their own. The venv's python and console script come from the venv itself (``venv.EnvBuilder``,
    ``sysconfig.get_path("scripts")``), never from a ``bin/`` written by hand.

    As in :func:`fresh_venv`, the course's dependencies are not downloaded (minutes in CI): a .pth file
    appends the dev venv's site-packages, and ``JUPYTER_PATH`` names the dev venv's Jupyter data (the
    widgets' front end, which JupyterLab finds through ``jupyter_path("labextensions")``)."""
    prefix, uid, gid = as_learner()
    folder = Path(tempfile.mkdtemp(prefix="backprop-course-learner-"))  # not pytest's tmp_path: mode 700, root's
    try:
        home = folder / "home"
        home.mkdir()
        shutil.copy(wheel, folder)
        for path in (folder, home, folder / wheel.name):
            os.chown(path, uid, gid)
        folder.chmod(0o755)
        env = outside_env(folder) | {"HOME": str(home), "PATH": f"/usr/bin{os.pathsep}/bin"}
        env = {k: v for k, v in env.items() if not k.startswith(("XDG_", "JUPYTER_", "MPL"))}

        def run(*command) -> subprocess.CompletedProcess:
            command = [*prefix, *(str(c) for c in command)]
            return subprocess.run(command, cwd=home, env=env, capture_output=True, text=True, timeout=300)

        def ask(python, code: str) -> str:
            done = run(python, "-c", code)
            assert done.returncode == 0, done.stderr
            return done.stdout.strip()

        create = (
            "import os, sys, venv; b = venv.EnvBuilder(symlinks=os.name != 'nt'); b.create(sys.argv[1]); "
            "print(b.ensure_directories(sys.argv[1]).env_exe)"
        )
        done = run(learners_python(run), "-c", create, folder / "venv")
        assert done.returncode == 0, done.stderr
        python = Path(done.stdout.strip())
        install = [sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", "--no-index"]
        done = run(*install, "--no-cache-dir", folder / wheel.name)
        assert done.returncode == 0, done.stderr
        purelib = Path(ask(python, "import sysconfig; print(sysconfig.get_path('purelib'))"))
        dev = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
        (purelib / "dev-venv-dependencies.pth").write_text("\n".join(sorted(dev)) + "\n", encoding="utf-8")
        env["JUPYTER_PATH"] = str(Path(sysconfig.get_paths()["data"], "share", "jupyter"))
        scripts = Path(ask(python, "import sysconfig; print(sysconfig.get_path('scripts'))"))
        yield dict(run=run, ask=ask, python=python, script=scripts / "backprop-course", venv=folder / "venv")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_the_learner_is_not_root_and_owns_the_venv(learner):
    uid = learner["ask"](learner["python"], "import os; print(os.geteuid())")
    assert uid != "0"
    assert learner["venv"].stat().st_uid == int(uid)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_learner_without_root_runs_the_check_of_the_installed_course_in_their_language(learner, lang):
    done = learner["run"](learner["script"], "check", "--lang", lang)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stdout.splitlines()
    marked = [line for line in lines if line[:1] in (check.OK, check.MISSING, check.USEFUL)]
    assert len(marked) == ITEMS and all(line.startswith(check.OK) for line in marked), done.stdout
    (course_line,) = [line for line in marked if line.startswith(f"{check.OK} backprop-course")]
    imported_from = Path(course_line.rpartition("(")[2].rstrip(")"))
    assert imported_from.is_relative_to(learner["venv"]), course_line
    assert not imported_from.is_relative_to(ROOT)
    if lang != "en":
        assert not english_sentences(done.stdout, lang)
