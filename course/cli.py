"""The command line: ``python -m course lab|build|i18n ...``."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from .i18n import LANGUAGES, CourseError, normalize

ROOT = Path(__file__).resolve().parent.parent
LESSONS = ROOT / "lessons"


def lab(args) -> int:
    """Start JupyterLab on localhost at the lessons of one language."""
    lang = normalize(args.lang)
    env = dict(os.environ, COURSE_LANG=lang)
    command = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.root_dir={LESSONS}",
        f"--LabApp.default_url=/lab/tree/{lang}",
    ]
    if args.port:
        command.append(f"--ServerApp.port={args.port}")
    if args.no_browser:
        command.append("--no-browser")
    return subprocess.call(command, env=env)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m course", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    p_lab = sub.add_parser("lab", help="open the lessons of one language in JupyterLab")
    p_lab.add_argument("--lang", default=os.environ.get("COURSE_LANG", "en"), help="/".join(LANGUAGES))
    p_lab.add_argument("--port", type=int)
    p_lab.add_argument("--no-browser", action="store_true")
    p_lab.set_defaults(run=lab)
    return p


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except CourseError as error:
        print(error, file=sys.stderr)
        return 2
