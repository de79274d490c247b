"""``python -m course check``: is this computer ready for the workshop? A self-test that a learner runs a week ahead.

It prints one line per item, in the learner's language: ``✓`` when it is there, ``✗`` when a lesson
needs it and it is missing or broken, ``!`` when something useful but not needed is missing (JupyterLab's
menus in the learner's language). Each ``✗`` and ``!`` line ends with its fix: the command to run, or
the setup page of the learner's language (``lessons/<lang>/setup.md``). It exits with 1 when any line is
``✗``, so its output, copied as text, or its exit code tells the instructor whether a laptop is ready.

It must work on exactly the computers where something is missing: it imports numpy and Babel only
to check them, and speaks English when Babel, which reads the translations, cannot be imported.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import import_module, metadata
from importlib.util import find_spec
from pathlib import Path

from ..files import LESSONS

try:  # the translations need Babel: without it, the check speaks English and says why
    from ..i18n import _, ngettext
except ImportError:

    def _(message: str) -> str:
        return message

    def ngettext(singular: str, plural: str, n: int) -> str:
        return singular if n == 1 else plural


OK, MISSING, USEFUL = "✓", "✗", "!"
OLDEST_PYTHON = (3, 10)
DISTRIBUTION = "backprop-course"
# What a lesson imports: (module, the distribution that installs it).
NEEDED = [
    ("numpy", "numpy"),
    ("matplotlib", "matplotlib"),
    ("ipywidgets", "ipywidgets"),
    ("babel", "babel"),
    ("jupyterlab", "jupyterlab"),
    ("ipykernel", "ipykernel"),
]
WIDGET_EXTENSION = "@jupyter-widgets/jupyterlab-manager"
# The training run: the moons of lessons 06-07, as many steps as eight moves of lesson 07's sliders;
# a quarter of a second on the project's shared 2-core test machine. Slower than SLOW seconds, sliders lag; slower than
# TOO_SLOW, a lesson's widgets are unusable.
STEPS, SLOW, TOO_SLOW = 1000, 5.0, 20.0
KERNEL_TIMEOUT = 90  # seconds to start a kernel, then to run the widget cell
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_CELL = """\
import course
course.start({lang!r})
from course.widgets import Playground
Playground(dataset="moons", layers=2, neurons=8, alpha=0.3, steps=120, m=200)
"""


@dataclass
class Line:
    """One item of the check: its mark, what was found, and for ✗ and ! what to do."""

    mark: str
    text: str
    fix: str = ""

    def __str__(self) -> str:
        return f"{self.mark} {self.text}" + (f" {self.fix}" if self.fix else "")


def setup_page(lang: str) -> str:
    return f"lessons/{lang}/setup.md"


def python_command() -> str:
    """How to call this Python in a shell: ``python`` when that is this one, else its full path."""
    found = shutil.which("python")
    same = found and os.path.normcase(os.path.abspath(found)) == os.path.normcase(os.path.abspath(sys.executable))
    return "python" if same else (f'"{sys.executable}"' if " " in sys.executable else sys.executable)


def pip_install(*packages: str) -> str:
    quoted = (f'"{p}"' if any(c in p for c in "<>=~; ") else p for p in packages)
    return f"{python_command()} -m pip install " + " ".join(quoted)


def install_fix(lang: str, *packages: str) -> str:
    return _("Run `{command}`, or run the setup command of {page} again.").format(
        command=pip_install(*packages), page=setup_page(lang)
    )


def requirements() -> dict[str, object]:
    """The course's requirement of each distribution it depends on (``numpy<3,>=1.26``), by normalized name;
    empty when the course's metadata or ``packaging`` is missing (then any version passes)."""
    try:
        from packaging.requirements import Requirement

        found = [Requirement(text) for text in metadata.requires(DISTRIBUTION) or []]
    except (ImportError, metadata.PackageNotFoundError):
        return {}
    for r in found:  # an extra's requirement is installed as it is: pip install "jupyterlab-language-pack-fr-FR>=4.2"
        r.marker = None
    return {_canonical(r.name): r for r in found}


def _canonical(name: str) -> str:
    """A distribution's name as its requirement and ``pip`` compare it (PEP 503, without ``packaging``)."""
    return re.sub(r"[-_.]+", "-", name).lower()


# --- the items -----------------------------------------------------------------------------------


def python_line(version: tuple = tuple(sys.version_info[:3]), lang: str = "en") -> Line:
    """Python 3.10 or newer."""
    shown = ".".join(str(n) for n in version)
    if tuple(version[:2]) >= OLDEST_PYTHON:
        return Line(OK, f"Python {shown} ({sys.executable})")
    return Line(
        MISSING,
        _("Python {version} is too old: the course needs Python {oldest} or newer.").format(
            version=shown, oldest=".".join(map(str, OLDEST_PYTHON))
        ),
        _("Install a newer Python as the setup page {page} says, then install the course again.").format(
            page=setup_page(lang)
        ),
    )


def import_line(module: str, distribution: str, lang: str, wanted=None) -> Line:
    """One import a lesson needs, with the version found and whether it fits the course's requirement."""
    requirement = str(wanted) if wanted is not None else distribution
    try:
        import_module(module)
    except ImportError as error:
        text = _("{name}: not installed.").format(name=distribution)
        if not isinstance(error, ModuleNotFoundError) or error.name != module:
            text = _("{name}: cannot be imported ({error}).").format(name=distribution, error=error)
        if module == "babel":
            text += " Messages are in English until Babel is installed."  # no catalog can be read without Babel
        return Line(MISSING, text, install_fix(lang, requirement))
    try:
        version = metadata.version(distribution)
    except metadata.PackageNotFoundError:
        version = getattr(sys.modules[module], "__version__", "?")
    if wanted is not None and not wanted.specifier.contains(version, prereleases=True):
        return Line(
            MISSING,
            _("{name} {version} does not fit the course, which needs {requirement}.").format(
                name=distribution, version=version, requirement=requirement
            ),
            install_fix(lang, requirement),
        )
    return Line(OK, f"{distribution} {version}")


def course_line(lang: str) -> Line:
    """The course itself: its version, and the folder it is imported from."""
    try:
        import course
    except ImportError as error:  # e.g. run from a copy of course/tools alone
        return Line(MISSING, _("{name}: cannot be imported ({error}).").format(name=DISTRIBUTION, error=error))
    return Line(OK, f"{DISTRIBUTION} {course.__version__} ({Path(course.__file__).parent})")


def widget_extension_line(lang: str) -> Line:
    """The widgets' front end, where JupyterLab looks for it: the folders of ``jupyter_path("labextensions")``."""
    try:
        from jupyter_core.paths import jupyter_path

        folders = jupyter_path("labextensions")
    except ImportError:
        folders = []
    for folder in folders:
        package = Path(folder, *WIDGET_EXTENSION.split("/"), "package.json")
        if package.is_file():
            try:
                version = json.loads(package.read_text(encoding="utf-8")).get("version", "?")
            except (OSError, ValueError):
                version = "?"
            return Line(
                OK, _("JupyterLab's widget front end: {name} {version}").format(name=WIDGET_EXTENSION, version=version)
            )
    return Line(
        MISSING,
        _("JupyterLab cannot find its widget front end ({name}): the sliders of the lessons would not show.").format(
            name=WIDGET_EXTENSION
        ),
        install_fix(lang, "--force-reinstall", "jupyterlab_widgets"),
    )


def language_pack_line(lang: str, wanted: dict) -> Line:
    """JupyterLab's menus in the learner's language: its language pack (the course's ``interface`` extra)."""
    try:
        from ..interface import INTERFACE_LOCALES
    except ImportError:  # course.interface reads the course's language, which needs Babel
        return Line(USEFUL, "JupyterLab's language pack: checked once Babel is installed.")
    locale = INTERFACE_LOCALES.get(lang)
    if locale is None:
        return Line(OK, _("JupyterLab's menus: in English, no language pack needed."))
    distribution = f"jupyterlab-language-pack-{locale.replace('_', '-')}"
    if find_spec(f"jupyterlab_language_pack_{locale}") is not None:
        try:
            version = metadata.version(distribution)
        except metadata.PackageNotFoundError:
            version = ""
        return Line(
            OK, _("JupyterLab's menus in your language: {name} {version}").format(name=distribution, version=version)
        )
    requirement = wanted.get(_canonical(distribution), distribution)
    return Line(
        USEFUL,
        _(
            "JupyterLab's menus will be in English: its language pack {name} is not installed (the lessons do not need it)."
        ).format(name=distribution),
        _("For menus in your language, run `{command}`.").format(command=pip_install(str(requirement))),
    )


def _number(x: float) -> str:
    try:
        from ..i18n import num

        return num(x, 2)
    except ImportError:
        return f"{x:.2g}"


def training_line(lang: str) -> Line:
    """A training run of the engine: the moons of lessons 06-07, timed; it must learn them."""
    try:
        from ..data import dataset
        from ..engine import Network

        start = time.perf_counter()
        x, y = dataset("moons", m=200, noise=0.1, seed=0)
        net = Network([2, 8, 8, 1], f="tanh", f_out="sigmoid", seed=0)
        net.train(x, y, alpha=0.3, steps=STEPS)
        accuracy = net.accuracy(x, y)
        seconds = time.perf_counter() - start
    except Exception as error:
        return Line(
            MISSING,
            _("Training run of the engine: it failed ({error}).").format(error=f"{type(error).__name__}: {error}"),
            install_fix(lang, "--upgrade", "--force-reinstall", DISTRIBUTION),
        )
    if accuracy < 0.9:
        return Line(
            MISSING,
            _(
                "Training run of the engine: it did not learn the moons (accuracy {accuracy}), so numpy computes wrong numbers."
            ).format(accuracy=_number(accuracy)),
            install_fix(lang, "--force-reinstall", "numpy"),
        )
    text = _("Training run of the engine: {steps} steps in {seconds} s.").format(steps=STEPS, seconds=_number(seconds))
    if seconds > TOO_SLOW:
        return Line(
            MISSING,
            text + " " + _("This is far too slow for the lessons' sliders."),
            _("Close other programs and run the check again, or follow the hub or Binder route of {page}.").format(
                page=setup_page(lang)
            ),
        )
    if seconds > SLOW:
        return Line(
            USEFUL,
            text + " " + _("This is slow: the lessons work, but their sliders will lag."),
            _("Close other programs while you follow the lessons."),
        )
    return Line(OK, text)


def kernel_widget_line(lang: str, timeout: float = KERNEL_TIMEOUT) -> Line:
    """A widget in a real kernel, as JupyterLab starts it: the ``python3`` kernel runs a cell that makes
    lesson 07's playground, which must come back as a widget view, without an error."""
    fix = install_fix(lang, "--upgrade", "--force-reinstall", DISTRIBUTION)
    try:
        from jupyter_client.manager import start_new_kernel
    except ImportError as error:
        return Line(MISSING, _("{name}: cannot be imported ({error}).").format(name="jupyter_client", error=error), fix)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder, open(Path(folder, "kernel.log"), "w+") as log:
        try:
            manager, client = start_new_kernel(
                kernel_name="python3", startup_timeout=timeout, cwd=folder, stdout=log, stderr=log
            )
        except Exception as error:  # no such kernel, or it died or hung while starting
            return Line(
                MISSING,
                _("The Jupyter kernel did not start: {error}").format(error=_last_line(log) or error),
                _("Run `{command}`, or run the setup command of {page} again.").format(
                    command=pip_install("--upgrade", "--force-reinstall", "ipykernel"), page=setup_page(lang)
                ),
            )
        outputs = []
        try:
            reply = client.execute_interactive(
                WIDGET_CELL.format(lang=lang), timeout=timeout, output_hook=outputs.append, store_history=False
            )
        except (TimeoutError, queue.Empty):
            return Line(
                MISSING,
                _("The kernel took more than {seconds} s to show a widget.").format(seconds=timeout),
                _("Close other programs and run the check again, or follow the hub or Binder route of {page}.").format(
                    page=setup_page(lang)
                ),
            )
        finally:
            client.stop_channels()
            manager.shutdown_kernel(now=True)
        seconds = time.perf_counter() - start
    errors = [m["content"] for m in outputs if m["msg_type"] == "error"]
    if reply["content"]["status"] != "ok" or errors:
        error = (errors or [reply["content"]])[0]
        return Line(
            MISSING,
            _("The widget cell failed in the kernel: {error}").format(
                error=f"{error.get('ename', '?')}: {error.get('evalue', '')}"
            ),
            fix,
        )
    if not any(WIDGET_VIEW in m["content"].get("data", {}) for m in outputs):
        return Line(MISSING, _("The widget cell showed no widget in the kernel."), fix)
    return Line(OK, _("Widget in a Jupyter kernel: shown in {seconds} s.").format(seconds=_number(seconds)))


def _last_line(log) -> str:
    log.flush()
    log.seek(0)
    lines = [line.strip() for line in log.read().splitlines() if line.strip() and "WARNING" not in line]
    return lines[-1] if lines else ""


# --- the command -----------------------------------------------------------------------------------


def check(lang: str):
    """Every line of the check, one at a time (each is printed as soon as it is known)."""
    yield python_line(lang=lang)
    wanted = requirements()
    imported = []
    for module, distribution in NEEDED:
        line = import_line(module, distribution, lang, wanted.get(_canonical(distribution)))
        imported.append(line.mark == OK)
        yield line
    yield course_line(lang)
    yield widget_extension_line(lang)
    yield language_pack_line(lang, wanted)
    missing = [name for (name, _d), ok in zip(NEEDED, imported, strict=True) if not ok and name != "jupyterlab"]
    if missing:
        names = ", ".join(missing)
        yield Line(MISSING, _("Training run of the engine: not run, install {names} first.").format(names=names))
        yield Line(MISSING, _("Widget in a Jupyter kernel: not run, install {names} first.").format(names=names))
        return
    yield training_line(lang)
    yield kernel_widget_line(lang)


def language(requested: str | None) -> str:
    """The learner's language: ``--lang``, else ``COURSE_LANG``; without Babel, a folder of lessons/ or English."""
    try:
        from ..i18n import get_language, set_language
    except ImportError:
        code = (requested or os.environ.get("COURSE_LANG", "")).strip().replace("-", "_")
        return code if code and (LESSONS / code / "00_start_here.ipynb").is_file() else "en"
    return set_language(requested) if requested else get_language()


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", help="language of the messages (default: $COURSE_LANG, else English)")


def main(argv=None) -> int:
    """``check [--lang L]``: prints the lines; 0 when every line is ✓ or !, 1 when any is ✗."""
    prog = "backprop-course" if Path(sys.argv[0]).stem == "backprop-course" else "python -m course"
    p = argparse.ArgumentParser(prog=f"{prog} check", description=__doc__.splitlines()[0])
    add_arguments(p)
    args = p.parse_args(argv)
    _printable(sys.stdout)
    try:
        lang = language(args.lang)
    except ValueError as error:  # an unknown --lang: the sentence says which languages there are
        print(error, file=sys.stderr)
        return 2
    problems = 0
    for line in check(lang):
        problems += line.mark == MISSING
        print(line, flush=True)
    if problems:
        print(
            ngettext(
                "{n} problem: fix the line marked ✗, then run the check again.",
                "{n} problems: fix the lines marked ✗, then run the check again.",
                problems,
            ).format(n=problems)
        )
        return 1
    print(_("Everything the lessons need is here."))
    return 0


def _printable(stream) -> None:
    """A console that cannot write ✓ or French spaces (Windows' cp1252, redirected) shows ? instead of failing."""
    if hasattr(stream, "reconfigure"):
        stream.reconfigure(errors="replace")
