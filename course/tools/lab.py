"""``python -m course lab``: JupyterLab on localhost, its interface in the learner's language."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..files import LESSONS
from ..interface import INTERFACE_LOCALES


def interface_locale(lang: str) -> str | None:
    """JupyterLab's locale for ``lang`` (``"fr_FR"``), if its language pack is installed here."""
    import importlib.util

    locale = INTERFACE_LOCALES.get(lang)
    if locale is None or importlib.util.find_spec(f"jupyterlab_language_pack_{locale}") is None:
        return None
    return locale


# A room starts working at once: no pop-up asking about Jupyter's news, no check for a newer JupyterLab.
QUIET_ROOM = {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False}}


def room_settings(folder: Path, lang: str | None = None) -> Path:
    """JupyterLab's settings for a course room, written into ``folder``; returns ``folder``.

    They are a copy of the environment's own settings, plus overrides: no news pop-up and
    no update check; and, for ``lang`` when its language pack is installed, the interface in
    that language (``lang=None`` leaves the choice to each learner, as on a hub).
    """
    import json
    import shutil

    own = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings"
    if own.is_dir():
        shutil.copytree(own, folder, dirs_exist_ok=True)
    overrides = dict(QUIET_ROOM)
    locale = interface_locale(lang) if lang else None
    if locale:
        overrides["@jupyterlab/translation-extension:plugin"] = {"locale": locale}
    (folder / "overrides.d").mkdir(parents=True, exist_ok=True)
    (folder / "overrides.d" / "backprop-course.json").write_text(json.dumps(overrides), encoding="utf-8")
    return folder


def as_root() -> bool:
    """Whether this process runs as root, as containers and CI machines do."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def room_args(settings: Path, root: bool | None = None) -> list[str]:
    """JupyterLab's options for a room, locally and on a hub: the quiet settings, no update check,
    and ``--allow-root`` as root (``root``: default :func:`as_root`), without which it refuses to start."""
    args = [f"--LabApp.app_settings_dir={settings}", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    return [*args, "--allow-root"] if (as_root() if root is None else root) else args


def workspaces_dir(lang: str) -> Path:
    """Where JupyterLab keeps the open tabs of the course in ``lang``: one place per language, so
    that switching language never reopens the other language's notebooks."""
    from jupyter_core.paths import jupyter_data_dir

    return Path(jupyter_data_dir()) / "backprop-course" / "workspaces" / lang


def lab_command(
    lang: str,
    settings: Path,
    port: int | None = None,
    browser: bool = True,
    workspaces: Path | None = None,
    root: Path = LESSONS,
) -> list[str]:
    """The JupyterLab command line for the lessons of ``lang`` (in ``root/<lang>``), on localhost, with a token."""
    command = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.root_dir={root}",
        f"--LabApp.default_url=/lab/tree/{lang}/00_start_here.ipynb",
        f"--LabApp.workspaces_dir={workspaces or workspaces_dir(lang)}",
        *room_args(settings),
    ]
    if port:
        command.append(f"--ServerApp.port={port}")
    if not browser:
        command.append("--no-browser")
    return command
