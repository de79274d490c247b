"""A workshop on a real JupyterHub (``python -m course hub``), with a French, a Spanish and a Brazilian learner.

The hub runs with the configuration the instructor gets (course.tools.hub), on free ports of
127.0.0.1, and the course comes from a ``file://`` clone of this checkout, to which the test
adds a commit. Each learner logs in with the shared password, follows the link of their
language through nbgitpuller, gets the course in their own home, and runs lesson 00's first
cells in a kernel of their own: it prints in their language. Then one learner edits a
lesson, the course gains a commit, and the learner follows the link again: the edit is kept
and the new file arrives. The hub, the proxy, the servers and the kernels are stopped by the
test itself; every wait is bounded.

Three fast tests read the same configuration with JupyterHub's own classes: the shared
password lets a learner in and a wrong one does not, and short passwords or a missing proxy
get a sentence that says what to do.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from hub_learner import Learner

from course.i18n import CourseError, _, language
from course.tools import hub

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "backprop-room-42"
LEARNERS = {"chloe": "fr", "lucia": "es", "joao": "pt_BR"}
SENTENCE = "The course is speaking the language {code}."  # lesson 00 prints it after course.start(lang)
NOTE = "Ma note : relire la règle de la chaîne."


def proxy_missing() -> bool:
    try:
        hub.require_extras()
    except CourseError:
        return True
    return False


real_hub = pytest.mark.skipif(
    proxy_missing() and not os.environ.get("CI"),
    reason="JupyterHub's proxy (npm's configurable-http-proxy) is not installed (scripts/test and CI install it)",
)


def test_a_short_password_is_refused_with_a_sentence_in_the_instructors_language(marked, tmp_path):
    with pytest.raises(CourseError) as refused:
        hub.hub_config("seven77", tmp_path, tmp_path, tmp_path)
    assert str(refused.value).startswith("‹") and "7" in str(refused.value) and "8" in str(refused.value)
    assert hub.hub_config("eight888", tmp_path, tmp_path, tmp_path)


def test_jupyterhub_reads_the_configuration_the_shared_password_lets_a_learner_in_and_nobody_else(tmp_path):
    import asyncio

    from jupyterhub.authenticators.shared import SharedPasswordAuthenticator
    from traitlets.config import JSONFileConfigLoader

    config = hub.hub_config(PASSWORD, tmp_path / "homes", tmp_path, tmp_path / "settings", root=False)
    (tmp_path / "jupyterhub_config.json").write_text(json.dumps(config), encoding="utf-8")
    loaded = JSONFileConfigLoader("jupyterhub_config.json", str(tmp_path)).load_config()
    authenticator = SharedPasswordAuthenticator(config=loaded)
    assert asyncio.run(authenticator.authenticate(None, {"username": "ana", "password": PASSWORD}))["name"] == "ana"
    assert asyncio.run(authenticator.authenticate(None, {"username": "ana", "password": PASSWORD + "x"})) is None
    assert not authenticator.validate_username(".hub") and authenticator.validate_username("joão")
    spawner = loaded.Spawner
    assert spawner.cmd[:3] == [sys.executable, "-m", "jupyterhub.singleuser"]
    assert f"--LabApp.app_settings_dir={tmp_path / 'settings'}" in spawner.args
    assert "--allow-root" not in spawner.args
    assert "--allow-root" in hub.hub_config(PASSWORD, tmp_path, tmp_path, tmp_path, root=True)["Spawner"]["args"]
    assert loaded.SimpleLocalProcessSpawner.home_dir_template.format(username="ana") == str(tmp_path / "homes" / "ana")


def test_a_missing_proxy_is_named_with_what_to_install():
    with pytest.raises(CourseError, match="npm install -g configurable-http-proxy"):
        hub.require_extras("no-such-proxy-here")


def git(*args, cwd):
    command = ["git", "-c", "user.name=Course author", "-c", "user.email=author@example.org", *args]
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    """The hub, its links to a file:// clone of this checkout, and the learners' homes; stopped afterwards."""
    tmp = tmp_path_factory.mktemp("hub")
    course = tmp / "backprop-course.git"  # the learners' folder is named after it: backprop-course
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(course)], check=True, timeout=120)
    port, homes = hub.free_port(), tmp / "homes"
    url = hub.hub_url("127.0.0.1", port)
    log = (tmp / "hub.log").open("wb")
    process = hub.start(hub.prepare(PASSWORD, homes, port=port), log)
    try:
        hub.wait_until_up(process, url, 120)
        yield {"url": url, "course": course, "homes": homes, "links": hub.links(url, str(course)), "log": tmp}
    finally:
        hub.stop(process)
        log.close()


@pytest.fixture(scope="module")
def learners(room):
    """The three learners, logged in, each with the course pulled into their home by their language's link."""
    joined = {}
    try:
        for name, lang in LEARNERS.items():
            learner = joined[name] = Learner(room["url"], name)
            learner.log_in(PASSWORD)
            link = room["links"][lang]
            try:
                learner.follow(link)
            except AssertionError as error:
                log = (room["log"] / "hub.log").read_text(errors="replace")[-3000:]
                raise AssertionError(f"{error}\n--- the hub's log ---\n{log}") from None
            events = learner.pull(link)
            assert events[-1] == {"phase": "finished"}
            learner.open(link)  # the lesson that the link opens in JupyterLab exists
        yield joined
    finally:
        for learner in joined.values():
            learner.close()


def lesson_00_code(notebook: Path) -> str:
    """Lesson 00's code cells from its first one (course.start) to the one that prints the course's language."""
    cells = [c.source for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "code"]
    last = next(i for i, source in enumerate(cells) if SENTENCE in source)
    return "\n".join(cells[: last + 1])


@pytest.mark.slow
@real_hub
def test_each_learner_gets_the_course_in_their_home_and_lesson_00_prints_in_their_language(room, learners):
    for name, lang in LEARNERS.items():
        copy = room["homes"] / name / "backprop-course"
        assert (copy / ".git").is_dir(), f"nbgitpuller did not clone the course into {name}'s home"
        notebook = copy / "lessons" / lang / "00_start_here.ipynb"
        assert notebook.is_file()
        assert notebook.read_bytes() == (room["course"] / notebook.relative_to(copy)).read_bytes()
        code = lesson_00_code(notebook)
        assert f'course.start("{lang}")' in code

        learner = learners[name]
        kernel = learner.start_kernel(f"backprop-course/lessons/{lang}")  # as JupyterLab starts a notebook's
        printed = learner.run(kernel, code)
        with language(lang):
            expected = _(SENTENCE).format(code=lang)
        assert expected != SENTENCE.format(code=lang), f"lesson 00's sentence is not translated into {lang}"
        assert expected in printed.splitlines(), f"{name} ({lang}) read: {printed!r}"
        learner.api("DELETE", f"kernels/{kernel}")
    # one home each: no learner's home holds another learner's files
    assert sorted(p.name for p in room["homes"].iterdir() if not p.name.startswith(".")) == sorted(LEARNERS)


@pytest.mark.slow
@real_hub
def test_a_learner_keeps_their_edit_when_the_course_gains_a_commit(room, learners):
    name, lang = "chloe", LEARNERS["chloe"]
    learner, home = learners[name], room["homes"] / name / "backprop-course"
    edited = f"backprop-course/lessons/{lang}/01_big_picture.ipynb"
    # The learner writes a note into lesson 01's first cell and saves, as JupyterLab does.
    model = learner.api("GET", f"contents/{edited}").json()
    model["content"]["cells"][0]["source"] += "\n\n" + NOTE
    learner.api("PUT", f"contents/{edited}", json={"type": "notebook", "content": model["content"]})

    # The course changes a line of another lesson and gains a file.
    changed = room["course"] / "lessons" / lang / "02_forward_pass.ipynb"
    nb = json.loads(changed.read_text(encoding="utf-8"))
    first = nb["cells"][0]["source"]
    nb["cells"][0]["source"] = [first[0].rstrip("\n") + " (v2)\n", *first[1:]]
    changed.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (room["course"] / "lessons" / lang / "NEWS.md").write_text("# Nouveauté\n", encoding="utf-8")
    git("add", "-A", cwd=room["course"])
    git("commit", "--quiet", "-m", "A new file, and a changed line in lesson 02", cwd=room["course"])

    learner.follow(room["links"][lang])
    learner.pull(room["links"][lang])
    assert NOTE in (home / "lessons" / lang / "01_big_picture.ipynb").read_text(encoding="utf-8"), "the edit was lost"
    assert (home / "lessons" / lang / "NEWS.md").read_text(encoding="utf-8") == "# Nouveauté\n"
    assert " (v2)" in (home / "lessons" / lang / "02_forward_pass.ipynb").read_text(encoding="utf-8")
    # The other learners did not follow the link again: their copies are as they were.
    assert not (room["homes"] / "lucia" / "backprop-course" / "lessons" / lang / "NEWS.md").exists()
