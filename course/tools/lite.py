"""``python -m course lite``: the course as a static JupyterLite site, Python running in the browser.

The site holds the built notebooks of every language (``files/<lang>/``), the course's own
wheel with its translation catalogs and lesson sources (no notebooks), and the wheels of its
pure-Python dependencies that Pyodide does not ship (babel, ipywidgets) in the piplite index
``pypi/all.json``. Each copied notebook starts with a ``%pip install`` cell; the repository's
notebooks are not touched. ``jupyter lite build`` needs no network, nor does the course's wheel
(built with the setuptools installed here); pip takes the babel and ipywidgets wheels from its
index or cache.

Pyodide itself (with numpy and matplotlib) is loaded from its CDN when a learner starts a
kernel, so the site needs the network at run time. For a fully offline site, build with the
full Pyodide release tarball of the version the kernel expects (``jupyter lite build --pyodide
pyodide-<version>.tar.bz2``, or ``PyodideAddon.pyodide_url`` in ``jupyter_lite_config.json``),
which the site then serves with every package Pyodide ships (about 180 MB per JupyterLite's docs).
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

import nbformat

from ..files import CHECKOUT as ROOT
from ..files import IN_CHECKOUT, LESSONS
from ..glossary import LESSONS_SRC
from ..i18n import LANGUAGES, CourseError, _, normalize
from .lab import interface_locale

# The `lite` extra; setuptools builds the course wheel without fetching a build backend.
LITE_MODULES = ("jupyterlite_core", "jupyterlite_pyodide_kernel", "setuptools")
# Imported by the course in the browser and missing from Pyodide; comm, IPython and traitlets
# come with the Pyodide kernel, and jupyterlab_widgets / widgetsnbextension are never imported.
BROWSER_WHEELS = ("babel", "ipywidgets")
# --no-deps: the course's metadata also lists what only a desktop needs (jupyterlab, jupytext,
# nbclient...), which cannot install in Pyodide; numpy and matplotlib come from Pyodide itself.
INSTALL_CELL = "%pip install -q --no-deps backprop-course babel ipywidgets numpy matplotlib"


def overrides(default_lang: str) -> dict:
    """The site's settings: start the Pyodide kernel without asking, interface in ``default_lang``."""
    # The notebooks are saved with kernel "python3"; the site's only kernel is "python".
    settings = {"@jupyterlab/notebook-extension:tracker": {"autoStartDefaultKernel": True}}
    locale = interface_locale(default_lang)
    if locale:
        settings["@jupyterlab/translation-extension:plugin"] = {"locale": locale}
    return settings


def with_install_cell(nb):
    """``nb`` with :data:`INSTALL_CELL` before its first code cell (the one that imports the course)."""
    first_code = next((i for i, cell in enumerate(nb.cells) if cell.cell_type == "code"), len(nb.cells))
    nb.cells.insert(first_code, nbformat.v4.new_code_cell(INSTALL_CELL, id="lite-install"))
    return nb


def copy_notebooks(langs, contents: Path) -> list[Path]:
    """The notebooks and Markdown pages of ``lessons/<lang>/`` copied to ``contents/<lang>/``."""
    copied = []
    for lang in langs:
        for source in sorted([*(LESSONS / lang).glob("*.ipynb"), *(LESSONS / lang).glob("*.md")]):
            target = contents / lang / source.name
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.suffix == ".ipynb":
                nbformat.write(with_install_cell(nbformat.read(source, as_version=4)), target)
            else:
                shutil.copyfile(source, target)
            copied.append(target)
    return copied


def build_wheels(folder: Path) -> list[Path]:
    """The course's wheel (its catalogs included) and the browser dependencies', at the versions installed here.

    The browser's course wheel carries the lesson sources (``course/lessons/src``), so that the glossary
    says which lessons use each entry, but no notebook: the notebooks are the site's own contents.
    """
    if not IN_CHECKOUT:
        raise CourseError(
            _("The JupyterLite site is built from a checkout of the course (git clone), not from {folder}.").format(
                folder=ROOT
            )
        )
    pins = [f"{name}=={version(name)}" for name in BROWSER_WHEELS]
    # Built from a copy, so that setuptools leaves no build/ or egg-info behind in the repository.
    with tempfile.TemporaryDirectory(prefix="course-source-") as source:
        ignore = shutil.ignore_patterns(".*", "_output", "lessons", "build", "dist", "*.egg-info", "__pycache__")
        shutil.copytree(ROOT, source, ignore=ignore, dirs_exist_ok=True)
        sources = Path(source, "lessons", "src")
        sources.mkdir(parents=True)
        for path in sorted(LESSONS_SRC.glob("[0-9][0-9]_*.py")):
            shutil.copyfile(path, sources / path.name)
        run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", folder, source, *pins])
    return sorted(folder.glob("*.whl"))


def run(command: list, cwd: Path | None = None) -> None:
    done = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True)
    if done.returncode:
        raise CourseError(f"{' '.join(map(str, command[:5]))} ... failed:\n{done.stdout}\n{done.stderr}")


def build_site(output: Path, langs=LANGUAGES, default_lang: str = "en") -> Path:
    """Build the JupyterLite site of ``langs`` into ``output``, interface in ``default_lang``; returns ``output``."""
    missing = [m for m in LITE_MODULES if importlib.util.find_spec(m) is None]
    if missing:
        raise CourseError(
            _("JupyterLite is not installed ({missing} missing): run `pip install 'backprop-course[lite]'`.").format(
                missing=", ".join(missing)
            )
        )
    langs, default_lang = [normalize(lang) for lang in langs], normalize(default_lang)
    output = Path(output).resolve()
    if output.exists() and any(output.iterdir()):
        if not (output / "jupyter-lite.json").exists():
            raise CourseError(
                _("{folder} is not empty and holds no JupyterLite site: choose another folder.").format(folder=output)
            )
        shutil.rmtree(output)  # a previous build: start afresh so no stale notebook stays listed
    with tempfile.TemporaryDirectory(prefix="course-lite-") as tmp:
        lite_dir = Path(tmp)
        if not copy_notebooks(langs, lite_dir / "files"):
            raise CourseError(
                _("There are no built notebooks in {folder}: run `python -m course build` first.").format(
                    folder=f"{LESSONS}/<lang>/"
                )
            )
        # Wheels in the lite dir's pypi/ are copied to the site and indexed in pypi/all.json.
        build_wheels(lite_dir / "pypi")
        config = {
            "settingsOverrides": overrides(default_lang),
            # jupytext's extension needs a Jupyter server to open text notebooks: its launcher items would fail here.
            "disabledExtensions": ["jupyterlab-jupytext"],
        }
        (lite_dir / "jupyter-lite.json").write_text(json.dumps({"jupyter-config-data": config}), encoding="utf-8")
        # jupyterlite_core, not "jupyter lite": it needs no jupyter-lite script on PATH.
        command = [sys.executable, "-m", "jupyterlite_core", "build", "--no-sourcemaps", "--contents", "files"]
        run([*command, "--output-dir", output], cwd=lite_dir)
    return output
