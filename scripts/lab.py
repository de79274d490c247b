#!/usr/bin/env python3
"""Set up the course and open it in JupyterLab, on Windows, macOS and Linux, without admin rights.

    python scripts/lab.py es              set up (.venv beside this folder), check, open the Spanish lessons
    py scripts\\lab.py es                  the same on Windows (the py launcher)
    python scripts/lab.py --setup-only    set up only (scripts/test uses it)

It needs only Python 3.10 or newer: it creates .venv with the standard library's venv, installs the
exact releases of requirements.lock (every file checked against its hash), then the course itself,
runs `python -m course check --lang L` (the pre-workshop self-test) and `python -m course lab --lang L`.
Its messages are in English (nothing is installed yet to translate them); each points to the setup
page of the learner's language, lessons/<lang>/setup.md, which has every other route (uv, the wheel,
the hub).
"""

# Written for Python 3.6 and newer (nothing newer in its syntax), so that an old Python reads it and says what to do.

import argparse
import os
import subprocess
import sys

MINIMUM = (3, 10)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LANGUAGES = ("en", "fr", "es", "pt_BR")
UV_RUN = "uv run --python 3.12 --no-project scripts/lab.py {lang}"
UV_INSTALL = (
    "install uv, for your user only (https://docs.astral.sh/uv/getting-started/installation/):\n"
    "    macOS, Linux:  curl -LsSf https://astral.sh/uv/install.sh | sh\n"
    '    Windows:       powershell -ExecutionPolicy ByPass -c "irm https://astral.sh/uv/install.ps1 | iex"\n'
    "then, in a new terminal, in this folder: " + UV_RUN
)


class SetupError(Exception):
    """A problem the learner can fix: the message says what to do (no traceback)."""


def page_language(lang):
    """The course's language closest to what the learner typed (fr_FR, pt-br, es-419...), else English."""
    code = (lang or "en").replace("-", "_")
    for known in LANGUAGES:
        if code.lower() == known.lower():
            return known
    base = code.split("_")[0].lower()
    return "pt_BR" if base == "pt" else base if base in LANGUAGES else "en"


def setup_page(lang):
    return os.path.join("lessons", page_language(lang), "setup.md")


def too_old(version=None, lang="en"):
    """The sentence for a Python older than 3.10 (the course's oldest), or None when it is recent enough."""
    version = tuple(sys.version_info if version is None else version)
    if version[:2] >= MINIMUM:
        return None
    return (
        "This is Python {found}; the course needs Python {needed} or newer.\n"
        "Install a newer Python (python.org; on Windows the py launcher, py -3.12), or, without admin rights, {uv}\n"
        "More routes: {page}"
    ).format(
        found=".".join(str(part) for part in version[:3]),
        needed=".".join(str(part) for part in MINIMUM),
        uv=UV_INSTALL.format(lang=page_language(lang)),
        page=setup_page(lang),
    )


def no_venv(lang, detail=""):
    """The sentence for a Python that cannot create a virtual environment (Debian and Ubuntu without python3-venv)."""
    return (
        f"This Python cannot create a virtual environment{detail}: its venv or ensurepip module is missing "
        "(Debian and Ubuntu ship them apart, in the python3-venv package, which needs admin rights).\n"
        f"Without admin rights, {UV_INSTALL.format(lang=page_language(lang))}\n"
        "With admin rights: sudo apt install python3-venv, then run this command again.\n"
        f"More routes: {setup_page(lang)}"
    )


def make_venv(folder, lang):
    """Create (or reuse) the virtual environment ``folder`` with pip; returns its Python, as venv itself names it."""
    try:
        import ensurepip  # noqa: F401  (venv needs it to put pip into the environment)
        import venv
    except ImportError as error:
        raise SetupError(no_venv(lang, f" ({error})")) from None
    builder = venv.EnvBuilder(with_pip=True, symlinks=os.name != "nt")
    python = builder.ensure_directories(folder).env_exe
    if os.path.exists(python) and _run([python, "-m", "pip", "--version"], quiet=True) == 0:
        return python  # made by an earlier run: keep it (and what it holds)
    inside = os.path.commonpath([folder, ROOT]) == ROOT
    print(f"Creating {os.path.relpath(folder, ROOT) if inside else folder} ...")
    try:
        builder.create(folder)
    except (subprocess.CalledProcessError, OSError) as error:
        raise SetupError(no_venv(lang, f" ({error})")) from None
    return python


def _run(command, quiet=False):
    if quiet:
        with open(os.devnull, "w") as null:
            return subprocess.call(command, stdout=null, stderr=null, cwd=ROOT)
    return subprocess.call(command, cwd=ROOT)


def install(python, lang):
    """The locked releases (hashes checked), then the course itself, editable (no dependency resolved again)."""
    steps = [
        ("pip", ["-m", "pip", "install", "--quiet", "--upgrade", "pip"]),
        ("the locked packages", ["-m", "pip", "install", "--quiet", "--require-hashes", "-r", "requirements.lock"]),
        ("the course", ["-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "-e", "."]),
    ]
    print("Installing the course into .venv (a few minutes the first time) ...")
    for what, arguments in steps:
        if _run([python, *arguments]) != 0:
            raise SetupError(
                f"pip could not install {what} (its message is above). Check the internet connection "
                f"(behind a proxy: set HTTPS_PROXY), then run this command again. More routes: {setup_page(lang)}"
            )


def has_check(python):
    """Whether the installed course has the pre-workshop self-test, ``python -m course check``."""
    return _run([python, "-m", "course", "check", "--help"], quiet=True) == 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "lang", nargs="?", default=os.environ.get("COURSE_LANG", "en"), help="en, fr, es or pt_BR (default: en)"
    )
    parser.add_argument("--setup-only", action="store_true", help="set up .venv only: no check, no JupyterLab")
    parser.add_argument("--venv", default=os.path.join(ROOT, ".venv"), help="the virtual environment (default: .venv)")
    args = parser.parse_args(argv)
    try:
        problem = too_old(lang=args.lang)
        if problem:
            raise SetupError(problem)
        python = make_venv(os.path.abspath(args.venv), args.lang)
        install(python, args.lang)
        if args.setup_only:
            print(f"Ready: {python}")
            return 0
        if not has_check(python):
            print("This version of the course has no check yet: opening JupyterLab.")
        elif _run([python, "-m", "course", "check", "--lang", args.lang]) != 0:
            print("The check found something to fix (above); JupyterLab opens anyway.\n", file=sys.stderr)
        return _run([python, "-m", "course", "lab", "--lang", args.lang])
    except SetupError as error:
        print(error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
