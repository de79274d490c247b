"""``python -m course hub``: a workshop hub for one machine, on JupyterHub.

The instructor chooses a shared password; every learner logs in with any name and that
password, gets a home of their own in one folder, and a JupyterLab started with this
Python, so the course is already installed for everyone. The per-language links copy the
course into the learner's home through nbgitpuller and open lesson 00; clicking again later
brings the course's new commits and keeps the learner's edits.

The configuration is a pure function (:func:`hub_config`) that the tests and the benchmark
start exactly as the instructor does; :func:`start` writes it and starts the real
``jupyterhub``, which starts the proxy (configurable-http-proxy, from npm) and the learners'
servers. Everything binds to 127.0.0.1 unless the instructor gives another address.

A shared password and one system user for everyone suit a workshop, not a long-lived
service: any learner may log in under any name (JupyterHub's own warning). Rooms that
outgrow one machine use The Littlest JupyterHub or Zero to JupyterHub with the same links.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from importlib.util import find_spec
from pathlib import Path
from urllib.parse import urlparse

from babel.lists import format_list

from ..files import CHECKOUT
from ..i18n import LANGUAGES, CourseError, _, get_language, ngettext
from .lab import room_args, room_settings
from .workshop import nbgitpuller_link

PROXY = "configurable-http-proxy"
PROXY_ENV = "COURSE_HUB_PROXY"  # names the proxy's program when it is not on PATH
MIN_PASSWORD = 8  # SharedPasswordAuthenticator refuses shorter ones
CONFIG_FILE = "jupyterhub_config.json"
# A room clicks at once: on 2 cores, 20 learners' servers take up to a minute to answer.
START_TIMEOUT, HTTP_TIMEOUT = 300, 240


def free_port(ip: str = "127.0.0.1") -> int:
    """A TCP port that nothing listens on now, on ``ip``."""
    with socket.socket() as s:
        s.bind((ip, 0))
        return s.getsockname()[1]


def repo_url(repo: str) -> str:
    """The URL nbgitpuller pulls from: a URL is kept, a local folder becomes a ``file://`` URL."""
    if "://" in repo or repo.startswith("git@"):
        return repo
    return Path(repo).expanduser().resolve().as_uri()


def hub_url(ip: str, port: int) -> str:
    """The address learners open: the hub's own, or this machine's name when it listens everywhere."""
    host = socket.gethostname() if ip in ("", "0.0.0.0", "::") else ip
    return f"http://{host}:{port}"


def links(url: str, repo: str, branch: str = "main", langs=LANGUAGES) -> dict[str, str]:
    """Each language's nbgitpuller link: it copies the course into the learner's home and opens lesson 00."""
    return {lang: nbgitpuller_link(url, repo_url(repo), branch, lang) for lang in langs}


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise CourseError(
            ngettext(
                "The shared password has {count} character, and JupyterHub needs at least {minimum}: choose a longer --password.",
                "The shared password has {count} characters, and JupyterHub needs at least {minimum}: choose a longer --password.",
                len(password),
            ).format(count=len(password), minimum=MIN_PASSWORD)
        )
    return password


def hub_config(
    password: str,
    homes: Path,
    config_dir: Path,
    settings: Path,
    *,
    ip: str = "127.0.0.1",
    port: int = 8000,
    hub_port: int = 8081,
    api_port: int = 8001,
    proxy: str = PROXY,
    python: str = sys.executable,
    root: bool | None = None,
) -> dict:
    """JupyterHub's configuration for a course room, as the sections of a ``jupyterhub_config.json``.

    ``homes`` holds one home per learner, ``config_dir`` the hub's own files (database,
    cookie secret, pid files), ``settings`` the JupyterLab settings of a quiet room (see
    :func:`course.tools.lab.room_settings`). The learners' servers run ``python``, so they
    see the packages installed here, the course among them. ``root`` (default: whether this
    process runs as root) adds ``--allow-root``, without which JupyterLab refuses to start.
    """
    check_password(password)
    args = room_args(settings, root)
    return {
        "JupyterHub": {
            "bind_url": f"http://{ip}:{port}",
            "hub_bind_url": f"http://127.0.0.1:{hub_port}",
            "authenticator_class": "shared-password",
            "spawner_class": "simple",
            "db_url": f"sqlite:///{config_dir / 'jupyterhub.sqlite'}",
            "cookie_secret_file": str(config_dir / "jupyterhub_cookie_secret"),
            "pid_file": str(config_dir / "jupyterhub.pid"),
        },
        "ConfigurableHTTPProxy": {
            "command": [proxy],
            "api_url": f"http://127.0.0.1:{api_port}",
            "pid_file": str(config_dir / "jupyterhub-proxy.pid"),
        },
        "Authenticator": {
            "allow_all": True,
            # a name is a folder of homes/: a letter or digit first, so no name reaches the hub's own folder
            "username_pattern": r"^\w[\w.@-]*$",
        },
        "SharedPasswordAuthenticator": {"user_password": password},
        "SimpleLocalProcessSpawner": {"home_dir_template": str(homes / "{username}")},
        "Spawner": {
            "cmd": [python, "-m", "jupyterhub.singleuser"],
            "args": args,
            "ip": "127.0.0.1",
            "default_url": "/lab",
            "start_timeout": START_TIMEOUT,
            "http_timeout": HTTP_TIMEOUT,
        },
    }


def require_extras(proxy: str | None = None) -> str:
    """The proxy's program; a sentence that says what to install when JupyterHub, nbgitpuller or the proxy is missing."""
    missing = [name for name in ("jupyterhub", "nbgitpuller") if find_spec(name) is None]
    if missing:
        raise CourseError(
            ngettext(
                "{missing} is not installed in this Python: run `pip install 'backprop-course[hub]'`, then start the hub again.",
                "{missing} are not installed in this Python: run `pip install 'backprop-course[hub]'`, then start the hub again.",
                len(missing),
            ).format(missing=format_list(missing, locale=get_language()))
        )
    local = CHECKOUT / ".node" / "node_modules" / ".bin"  # where scripts/test installs it
    name = proxy or os.environ.get(PROXY_ENV) or PROXY
    found = shutil.which(name) or shutil.which(name, path=str(local))
    if found:
        return found
    raise CourseError(
        _(
            "JupyterHub's proxy, {proxy}, was not found: install it with `npm install -g configurable-http-proxy` (npm comes with Node.js), or name its program with --proxy."
        ).format(proxy=name)
    )


def prepare(
    password: str,
    homes: Path,
    config_dir: Path | None = None,
    *,
    ip: str = "127.0.0.1",
    port: int = 8000,
    proxy: str | None = None,
    hub_port: int | None = None,
    api_port: int | None = None,
) -> list[str]:
    """Write the hub's configuration and the room's JupyterLab settings; returns the command that starts the hub.

    ``config_dir`` defaults to ``homes/.hub``. The hub's internal ports (its API for the
    proxy and the servers, and the proxy's API) are free ports of 127.0.0.1 unless given.
    """
    check_password(password)
    proxy = require_extras(proxy)
    homes = Path(homes).resolve()
    config_dir = Path(config_dir).resolve() if config_dir else homes / ".hub"
    config_dir.mkdir(parents=True, exist_ok=True)
    config_dir.chmod(0o700)
    settings = room_settings(config_dir / "lab-settings")
    config = hub_config(
        password,
        homes,
        config_dir,
        settings,
        ip=ip,
        port=port,
        hub_port=hub_port or free_port(),
        api_port=api_port or free_port(),
        proxy=proxy,
    )
    path = config_dir / CONFIG_FILE
    path.write_text(json.dumps(config, indent=2), encoding="utf-8")
    path.chmod(0o600)  # it holds the password
    return [sys.executable, "-m", "jupyterhub", "-f", str(path)]


def start(command: list[str], log=None) -> subprocess.Popen:
    """Start the hub in a process group of its own (the proxy and the learners' servers are its children)."""
    config_dir = Path(command[-1]).parent
    return subprocess.Popen(command, cwd=config_dir, stdout=log, stderr=log, start_new_session=True)


def wait_until_up(hub: subprocess.Popen, url: str, seconds: float = 90) -> None:
    """Return when the hub answers at ``url``; a sentence when it stopped or kept silent."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if hub.poll() is not None:
            raise CourseError(
                _(
                    "JupyterHub stopped as it started (exit code {code}): its log above says why, for example a port already in use."
                ).format(code=hub.returncode)
            )
        try:
            with urllib.request.urlopen(f"{url}/hub/api", timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise CourseError(
        _("JupyterHub did not answer at {url} within {seconds} seconds.").format(url=url, seconds=seconds)
    )


def stop(hub: subprocess.Popen, seconds: float = 30) -> None:
    """Stop the hub (it stops the proxy and the learners' servers), then anything left in its group; waits are bounded."""
    if hub.poll() is None:
        hub.terminate()
        try:
            hub.wait(seconds)
        except subprocess.TimeoutExpired:
            hub.kill()
            hub.wait(10)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(hub.pid, signal.SIGKILL)  # a server or kernel that outlived the hub


def serve(password: str, homes: Path, repo: str, branch: str = "main", **options) -> int:
    """``python -m course hub``: start the hub, print the links, run until Ctrl+C."""
    ip, port = options.get("ip", "127.0.0.1"), options.get("port", 8000)
    url = hub_url(ip, port)
    where = urlparse(repo_url(repo))
    if where.scheme == "file" and not Path(where.path).exists():
        raise CourseError(
            _("The course repository {repo} does not exist: give --repo a git URL or folder.").format(repo=repo)
        )
    command = prepare(password, homes, **options)
    hub = start(command)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stopped by a service manager: stop the hub too
    try:
        wait_until_up(hub, hub_url("127.0.0.1", port) if ip in ("", "0.0.0.0", "::") else url)
        print(
            _("The course's hub is at {url}; learners' homes are in {homes}.").format(
                url=url, homes=Path(homes).resolve()
            )
        )
        print(_("Learners log in with any name and the shared password, then open the link of their language:"))
        for lang, link in links(url, repo, branch).items():
            print(f"  {lang:6} {link}")
        print(_("Stop the hub with Ctrl+C."))
        return hub.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        stop(hub)


def default_repo() -> str | None:
    """The checkout this course runs from, if it is a git repository."""
    return str(CHECKOUT) if (CHECKOUT / ".git").exists() else None
