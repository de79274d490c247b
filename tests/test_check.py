"""``python -m course check``, the self-test a learner runs a week before the workshop: ✓ on a computer that is
ready, in the learner's language; ✗ with the fix, and exit 1, on computers where something a lesson needs is missing.

The wrong computers are real processes: one where ``import numpy`` (or ``import babel``) fails, one whose
JupyterLab cannot find the widgets' front end, one without JupyterLab's language pack.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from course.i18n import LANGUAGES
from course.tools import check
from course.tools.catalogs import english_sentences

ROOT = Path(__file__).resolve().parents[1]
# Python, the six imports, the course, the widget front end, the language pack, the training run, the widget in a kernel
ITEMS = 12


def environment(**extra) -> dict:
    """The environment of a learner's shell: no chosen language, no PYTHONPATH."""
    env = {k: v for k, v in os.environ.items() if k not in ("COURSE_LANG", "PYTHONPATH")}
    return env | extra


def run_check(*args: str, without: str | None = None, python=sys.executable, env=None) -> subprocess.CompletedProcess:
    """``python -m course check ARGS``; with ``without``, in a Python where that module cannot be imported."""
    if without is None:
        command = [python, "-m", "course", "check", *args]
    else:
        code = (
            f"import sys; sys.modules[{without!r}] = None; import runpy; "
            f"sys.argv = ['course', 'check', *{args!r}]; runpy.run_module('course', run_name='__main__')"
        )
        command = [python, "-c", code]
    done = subprocess.run(
        [str(c) for c in command], capture_output=True, text=True, env=env or environment(), timeout=300
    )
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    return done


def marked_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line[:1] in (check.OK, check.MISSING, check.USEFUL)]


def test_import_course_loads_neither_numpy_nor_babel():
    code = (
        "import sys, course; before = sorted(m for m in ('numpy', 'babel') if m in sys.modules); "
        "course.Network; print(before, 'numpy' in sys.modules, 'Network' in dir(course))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["[]", "True", "True"]


def test_help_lists_check():
    done = subprocess.run([sys.executable, "-m", "course", "--help"], capture_output=True, text=True, check=True)
    assert "check" in done.stdout


@pytest.mark.parametrize(
    ("version", "mark"), [((3, 9), check.MISSING), ((3, 9, 18), check.MISSING), ((3, 10, 0), check.OK)]
)
def test_python_version(version, mark):
    line = check.python_line(version, lang="es")
    assert line.mark == mark
    if mark == check.MISSING:
        assert "3.9" in line.text and "3.10" in line.text
        assert "lessons/es/setup.md" in line.fix


def test_every_sentence_of_a_problem_goes_through_the_translation(marked, monkeypatch):
    monkeypatch.setitem(sys.modules, "jupyterlab_language_pack_fr_FR", None)  # not installed
    lines = [
        check.python_line((3, 9), lang="fr"),
        check.import_line("course_no_such_module", "numpy", "fr"),
        check.language_pack_line("fr", {}),
    ]
    for line in lines:
        assert line.text.startswith("‹") and line.fix.startswith("‹"), line


def test_the_fix_installs_what_the_course_requires():
    wanted = check.requirements()
    assert str(wanted["numpy"]).startswith("numpy"), "the course's requirements come from its metadata"
    line = check.import_line("course_no_such_module", "numpy", "en", wanted["numpy"])
    assert line.mark == check.MISSING
    assert f'-m pip install "{wanted["numpy"]}"' in line.fix and "lessons/en/setup.md" in line.fix


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_ready_computer_gets_a_tick_per_item_in_its_language(lang):
    done = run_check("--lang", lang)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = marked_lines(done.stdout)
    assert len(lines) == ITEMS and all(line.startswith(check.OK) for line in lines), done.stdout
    if lang != "en":
        assert not english_sentences(done.stdout, lang)


@pytest.mark.slow
def test_course_lang_chooses_the_language():
    done = run_check(env=environment(COURSE_LANG="pt-BR"))
    assert done.returncode == 0 and "jupyterlab-language-pack-pt-BR" in done.stdout, done.stdout


@pytest.mark.slow
def test_without_numpy_it_says_so_and_how_to_install_it():
    done = run_check("--lang", "es", without="numpy")
    assert done.returncode == 1
    (numpy,) = [line for line in done.stdout.splitlines() if line.startswith(f"{check.MISSING} numpy")]
    assert "pip install" in numpy and "lessons/es/setup.md" in numpy


@pytest.mark.slow
def test_without_babel_it_speaks_english_and_names_babel():
    done = run_check("--lang", "fr", without="babel")
    assert done.returncode == 1
    (babel,) = [line for line in done.stdout.splitlines() if line.startswith(f"{check.MISSING} babel")]
    assert "English" in babel and "pip install" in babel and "lessons/fr/setup.md" in babel
    assert "not run, install babel first." in done.stdout


@pytest.mark.slow
def test_without_the_language_pack_it_is_only_useful(tmp_path):
    done = run_check("--lang", "fr", without="jupyterlab_language_pack_fr_FR")
    assert done.returncode == 0, done.stdout
    (pack,) = [line for line in done.stdout.splitlines() if "jupyterlab-language-pack-fr-FR" in line]
    assert pack.startswith(check.USEFUL) and 'pip install "jupyterlab-language-pack-fr-FR>=' in pack
    assert "extra" not in pack, "the command installs the pack itself"


def venv_without_jupyter_data(folder: Path) -> Path:
    """A new virtualenv that imports the dev venv's packages and the checkout (a .pth file) but has none of
    their data files: its share/jupyter/labextensions, where JupyterLab looks for extensions, is empty."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", folder], check=True)
    (python,) = [p for p in (folder / "bin" / "python", folder / "Scripts" / "python.exe") if p.exists()]
    ask = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    purelib = subprocess.run([python, "-c", ask], check=True, capture_output=True, text=True).stdout.strip()
    dev = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], str(ROOT)}
    Path(purelib, "dev-venv.pth").write_text("\n".join(sorted(dev)) + "\n", encoding="utf-8")
    return python


@pytest.mark.slow
def test_a_jupyterlab_without_the_widget_front_end_fails_and_jupyter_path_finds_it(tmp_path):
    python = venv_without_jupyter_data(tmp_path / "venv")
    home = tmp_path / "home"
    home.mkdir()
    env = environment(HOME=str(home))
    env.pop("JUPYTER_PATH", None)
    done = run_check("--lang", "en", python=python, env=env)
    assert done.returncode == 1, done.stdout
    (front_end,) = [line for line in done.stdout.splitlines() if check.WIDGET_EXTENSION in line]
    assert front_end.startswith(check.MISSING) and "jupyterlab_widgets" in front_end
    # The same venv, told where the dev venv's Jupyter data is: JupyterLab would find the widgets there.
    env["JUPYTER_PATH"] = str(Path(sysconfig.get_paths()["data"], "share", "jupyter"))
    done = run_check("--lang", "en", python=python, env=env)
    assert done.returncode == 0, done.stdout


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_setup_page_that_the_fixes_name_exists(lang):
    from course.files import LESSONS

    assert (LESSONS / lang / "setup.md").is_file(), check.setup_page(lang)
