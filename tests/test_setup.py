"""Setup on any laptop: scripts/lab.py, the setup and prerequisites pages, the licences, the links to sources.

The real install (a fresh .venv, the lock, the course) is what `bash scripts/test` runs every time, through
`scripts/lab.py --setup-only`; here the script's refusals are run for real (an old Python, a Python that
cannot make a virtual environment), and the pages, the licence metadata and the lessons' links are read.
"""

from __future__ import annotations

import email
import hashlib
import importlib.util
import re
import shutil
import subprocess
import sys
import zipfile
from glob import glob
from pathlib import Path

import jupytext
import pytest

from course.i18n import LANGUAGES
from course.tools import catalogs
from course.tools.pages import LANG, PAGES, page_source, page_text, write_pages

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: pytest's own dependency
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
LAB = ROOT / "scripts" / "lab.py"


def load_lab():
    spec = importlib.util.spec_from_file_location("lab_script", LAB)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def copy_of_script(tmp_path: Path) -> Path:
    """scripts/lab.py alone in an empty folder: what it does before anything is installed needs nothing else."""
    (tmp_path / "scripts").mkdir()
    return Path(shutil.copy(LAB, tmp_path / "scripts" / "lab.py"))


def refused(done: subprocess.CompletedProcess) -> str:
    """The sentence of a refusal: non-zero exit, no traceback (else the test fails with what it got)."""
    assert done.returncode != 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    return done.stderr


# --- the setup script ---------------------------------------------------------------------------


HAND_MADE = re.compile(r"""\.venv[/\\]+(?:bin|Scripts)|["'](?:bin|Scripts)["']""")


def hand_made_venv_paths(code: str) -> list[str]:
    """Paths into a virtual environment written by hand (``.venv/bin/python``, ``"Scripts"``): wrong on some OS."""
    return HAND_MADE.findall(code)


def test_the_setup_script_takes_the_venv_python_from_venv_itself():
    code = LAB.read_text(encoding="utf-8")
    assert "EnvBuilder(with_pip=True" in code and ".env_exe" in code
    assert hand_made_venv_paths(code) == []
    assert hand_made_venv_paths('python = os.path.join(venv, "bin", "python")') == ['"bin"']
    assert hand_made_venv_paths("python = '.venv/bin/python'") == [".venv/bin"]


def test_scripts_lab_and_test_run_the_python_setup_so_ci_runs_it_every_time():
    test = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    lab = (ROOT / "scripts" / "lab").read_text(encoding="utf-8")
    assert "python3 scripts/lab.py --setup-only" in test
    assert "exec python3 scripts/lab.py" in lab
    for script in (test, lab):  # one setup, in lab.py (the newest-releases leg has its own .venv-newest)
        assert "-m venv .venv\n" not in script and "--require-hashes" not in script


def test_a_python_older_than_3_10_gets_a_sentence_with_the_uv_route():
    lab = load_lab()
    assert lab.too_old((3, 10, 0)) is None and lab.too_old((3, 13, 1)) is None
    sentence = lab.too_old((3, 9, 6), lang="es")
    assert "Python 3.9.6" in sentence and "3.10 or newer" in sentence
    assert "uv run --python 3.12 --no-project scripts/lab.py es" in sentence
    assert "https://astral.sh/uv/install.ps1" in sentence and "lessons/es/setup.md" in sentence
    assert lab.page_language("pt-br") == "pt_BR" and lab.page_language("fr_FR") == "fr"
    assert lab.page_language("de") == "en"


def old_python() -> str | None:
    """A real Python 3.9 (macOS's command-line tools ship one), if this machine has one."""
    found = shutil.which("python3.9")
    candidates = [found] if found else []
    candidates += sorted(glob(str(Path.home() / ".pyenv" / "versions" / "3.9*" / "bin" / "python3.9")))
    for candidate in candidates:
        done = subprocess.run([candidate, "--version"], capture_output=True, text=True)
        if done.returncode == 0 and "3.9" in done.stdout:
            return candidate
    return None


def test_a_real_python_3_9_is_refused_before_it_creates_anything(tmp_path):
    python = old_python()
    if python is None:
        pytest.skip("no Python 3.9 on this machine")
    script = copy_of_script(tmp_path)
    done = subprocess.run([python, script, "fr", "--setup-only"], capture_output=True, text=True, cwd=tmp_path)
    message = refused(done)
    assert "This is Python 3.9" in message and "lessons/fr/setup.md" in message
    assert not (tmp_path / ".venv").exists()


def test_a_python_without_ensurepip_is_told_what_to_do_without_admin_rights(tmp_path):
    script = copy_of_script(tmp_path)
    # What Debian and Ubuntu give without python3-venv: venv cannot put pip into the environment.
    run = (
        "import runpy, sys; sys.modules['ensurepip'] = None; "
        f"sys.argv = ['lab.py', 'es', '--setup-only']; runpy.run_path({str(script)!r}, run_name='__main__')"
    )
    done = subprocess.run([sys.executable, "-c", run], capture_output=True, text=True, cwd=tmp_path)
    message = refused(done)
    assert "cannot create a virtual environment" in message and "python3-venv" in message
    assert "uv run --python 3.12 --no-project scripts/lab.py es" in message


def test_a_venv_whose_pip_setup_fails_is_a_sentence_too(tmp_path, monkeypatch, capsys):
    import venv

    lab = load_lab()

    def no_pip(self, context):  # ensurepip failing inside the new environment, as on Debian without python3-venv
        raise subprocess.CalledProcessError(1, [context.env_exe, "-m", "ensurepip"])

    monkeypatch.setattr(venv.EnvBuilder, "_setup_pip", no_pip)
    assert lab.main(["pt_BR", "--setup-only", "--venv", str(tmp_path / ".venv")]) == 1
    message = capsys.readouterr().err
    assert "cannot create a virtual environment" in message and "lessons/pt_BR/setup.md" in message


# --- the pages ----------------------------------------------------------------------------------

FENCED = re.compile(r"^```[^\n]*\n.*?^```$", re.MULTILINE | re.DOTALL)


def code_blocks(markdown: str) -> list[str]:
    return FENCED.findall(markdown)


def code_differences(page: str, source: str, lang: str) -> list[str]:
    """The code blocks of a page that are not the source's, with the learner's language code in them."""
    expected = [block.replace(LANG, lang) for block in code_blocks(source)]
    found = code_blocks(page)
    return [b for b in found if b not in expected] + [b for b in expected if b not in found]


def test_every_page_is_written_in_every_language_with_the_code_blocks_of_the_source(tmp_path):
    written = write_pages(LANGUAGES, tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == sorted(
        f"{lang}/{name}.md" for lang in LANGUAGES for name in PAGES
    )
    for name in PAGES:
        source = page_source(name).read_text(encoding="utf-8")
        assert code_blocks(source), name
        for lang in LANGUAGES:
            page = (tmp_path / lang / f"{name}.md").read_text(encoding="utf-8")
            assert code_differences(page, source, lang) == [], (name, lang)
            assert LANG not in page
    spanish = (tmp_path / "es" / "setup.md").read_text(encoding="utf-8")
    assert "py scripts\\lab.py es" in spanish and "uv run --python 3.12 --no-project scripts/lab.py es" in spanish
    # Says no: a command changed in a translation, or a block left out.
    source = page_source("setup").read_text(encoding="utf-8")
    assert code_differences(spanish.replace("lab.py es", "lab.py fr", 1), source, "es") != []
    assert code_differences(FENCED.sub("", spanish, count=1), source, "es") != []


def test_the_pages_are_translated_per_paragraph_and_their_code_is_never_a_message(tmp_path):
    for name in PAGES:
        assert name in catalogs.domains()
        template = tmp_path / f"{name}.pot"
        catalogs._pybabel(*catalogs._extract_args(name, template))
        from babel.messages.pofile import read_po

        with template.open("rb") as fp:
            messages = [m for m in read_po(fp) if m.id]
        source = page_source(name).read_text(encoding="utf-8")
        assert len(messages) >= 15
        assert all("```" not in m.id and m.id in source for m in messages)
        assert all(m.locations[0][0] == f"lessons/src/pages/{name}.md" for m in messages)
        # every line of prose is in some message: nothing a learner reads stays English by accident
        prose = FENCED.sub("", source)
        lines = {line for line in prose.splitlines() if re.search(r"[A-Za-z]{3}", line)}
        assert lines <= {line for m in messages for line in m.id.splitlines()}


@pytest.mark.parametrize("name", PAGES)
def test_the_built_pages_exist_in_every_language_and_are_fresh(name):
    """lessons/<lang>/<page>.md, written by `python -m course build` from the source and the catalogs."""
    for lang in LANGUAGES:
        built = ROOT / "lessons" / lang / f"{name}.md"
        assert built.exists(), f"{built.relative_to(ROOT)} is missing: run `python -m course build`"
        assert built.read_text(encoding="utf-8") == page_text(name, lang), (
            f"{built.relative_to(ROOT)} is out of date: run `python -m course build`"
        )


def test_the_prerequisites_say_what_to_know_and_what_not():
    page = page_source("prerequisites").read_text(encoding="utf-8")
    for topic in ("`@`", "`.T`", "broadcasting", "`for` loop", "chain rule", "partial derivative", "$x^2$"):
        assert topic in page, topic
    assert "## What you do not need" in page and "linear algebra" in page
    assert len(re.findall(r"^Self-test \d", page, re.MULTILINE)) == 3
    assert "## Sources and licence" in page and "CC-BY-4.0" in page


# --- licences -----------------------------------------------------------------------------------

# SHA-256 of the official legal text, as spdx-license-list 6.12.0 (npm) ships it in licenses/CC-BY-4.0.json.
CC_BY_4_SHA256 = "d557539df68e771cc1eedcc91d13f70fca930e508d11eedcafa4b15db49e3744"
LICENSE_FILES = {"LICENSE", "LICENSES/CC-BY-4.0.txt"}


def test_the_licence_files_and_pyproject_declare_mit_and_cc_by_4():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT AND CC-BY-4.0"
    matched = {
        Path(p).relative_to(ROOT).as_posix() for pattern in project["license-files"] for p in glob(str(ROOT / pattern))
    }
    assert matched == LICENSE_FILES
    mit = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert mit.startswith("MIT License\n\nCopyright (c) 2026 The backprop-course authors\n")
    assert "CC-BY-4.0" in mit and "LICENSES/CC-BY-4.0.txt" in mit
    cc = (ROOT / "LICENSES" / "CC-BY-4.0.txt").read_bytes()
    assert cc.startswith(b"Creative Commons Attribution 4.0 International")
    assert b"Section 1 \xe2\x80\x93 Definitions." in cc and b"Section 8 \xe2\x80\x93 Interpretation." in cc
    assert hashlib.sha256(cc).hexdigest() == CC_BY_4_SHA256


def licence_problems(metadata: str, names: set[str]) -> list[str]:
    """What a wheel's METADATA and file list miss of the course's licences (core metadata 2.4, PEP 639)."""
    fields = email.message_from_string(metadata)
    problems = []
    if fields.get("License-Expression") != "MIT AND CC-BY-4.0":
        problems.append(f"License-Expression is {fields.get('License-Expression')!r}")
    if fields.get("License"):
        problems.append("a License field beside the expression")
    if set(fields.get_all("License-File") or []) != LICENSE_FILES:
        problems.append(f"License-File is {fields.get_all('License-File')}")
    for path in LICENSE_FILES:
        if not any(name.endswith(f".dist-info/licenses/{path}") for name in names):
            problems.append(f"{path} is not in the wheel")
    return problems


@pytest.mark.slow
def test_the_wheel_carries_the_licence_expression_and_both_licence_files(tmp_path):
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", tmp_path, ROOT]
    subprocess.run([str(c) for c in command], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("backprop_course-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        text = archive.read(metadata).decode("utf-8")
    assert licence_problems(text, names) == []
    # Says no: the old table form (License: MIT) and a wheel without the CC text.
    old = "Metadata-Version: 2.1\nName: backprop-course\nLicense: MIT\nLicense-File: LICENSE\n"
    assert len(licence_problems(old, names)) == 3
    assert licence_problems(text, {n for n in names if not n.endswith("CC-BY-4.0.txt")}) == [
        "LICENSES/CC-BY-4.0.txt is not in the wheel"
    ]


# --- links to the sources -----------------------------------------------------------------------

SOURCES = {
    "freeCodeCamp guide": "https://github.com/freeCodeCamp/guide/",
    "Nielsen": "http://neuralnetworksanddeeplearning.com/",
    "Andrew Ng": "https://www.coursera.org/learn/machine-learning",
    "Deep Learning Specialization": "https://www.coursera.org/specializations/deep-learning",
}
LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")


def unlinked_sources(markdown: str) -> list[str]:
    """The cited sources whose first mention in ``markdown`` is not the text of a link to that source."""
    links = [(m.start(1), m.end(1), m[2]) for m in LINK.finditer(markdown)]
    problems = []
    for name, url in SOURCES.items():
        first = markdown.find(name)
        if first < 0:
            continue
        if not any(start <= first < end and target.startswith(url) for start, end, target in links):
            problems.append(name)
    return problems


def lesson_markdown(path: Path) -> str:
    notebook = jupytext.read(path, fmt="py:percent")
    return "\n\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")


def test_the_first_mention_of_every_cited_source_in_each_lesson_is_a_link():
    named = {}
    for path in sorted((ROOT / "lessons" / "src").glob("[0-9][0-9]_*.py")):
        markdown = lesson_markdown(path)
        named[path.stem[:2]] = {name for name in SOURCES if name in markdown}
        assert unlinked_sources(markdown) == [], path.name
    assert {"freeCodeCamp guide", "Nielsen", "Andrew Ng", "Deep Learning Specialization"} <= named["08"]
    assert "freeCodeCamp guide" in named["10"] and "Nielsen" in named["11"]
    # Says no: a first mention without its link, or a link to somewhere else.
    assert unlinked_sources("As Nielsen says… [Nielsen](http://neuralnetworksanddeeplearning.com/chap2.html)") == [
        "Nielsen"
    ]
    assert unlinked_sources("[the freeCodeCamp guide](https://example.org)") == ["freeCodeCamp guide"]


def test_the_readme_quick_start_has_two_commands_and_links_every_page():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0].split("###", 1)[0]
    commands = [line for block in re.findall(r"```bash\n(.*?)```", quick, re.DOTALL) for line in block.splitlines()]
    assert [c.split("#")[0].strip() for c in commands] == ["python3 scripts/lab.py fr", "bash scripts/test"]
    assert "py scripts\\lab.py" in quick
    for lang in LANGUAGES:
        for name in PAGES:
            assert f"(lessons/{lang}/{name}.md)" in quick, (lang, name)
    assert "## Sources and licence" in readme
    assert all(url in readme for url in SOURCES.values())
