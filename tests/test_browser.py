"""End to end, as a French learner: JupyterLab on 127.0.0.1, lesson 06 in headless Chromium.

Runs every cell, moves the α slider of the α explorer, and checks that the loss curves
were redrawn and that the widget's labels and JupyterLab's menus are in French. A
screenshot is saved under ``_output/screenshots/``. The server and the browser are
stopped by the test itself; every wait is bounded.
"""

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from course.cli import interface_settings, lab_command
from course.i18n import language

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = ROOT / "_output" / "screenshots"
TOKEN = "course-browser-test"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}?token={TOKEN}", timeout=5) as response:
        return json.load(response)


def wait_for(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{what} did not happen within {seconds} s")


@pytest.fixture
def lab():
    """A JupyterLab server in French on a free port of 127.0.0.1; stopped afterwards."""
    port = free_port()
    with tempfile.TemporaryDirectory() as settings_dir:
        settings = interface_settings("fr", Path(settings_dir))
        command = [*lab_command("fr", settings, port, browser=False), f"--IdentityProvider.token={TOKEN}"]
        env = dict(os.environ, COURSE_LANG="fr")
        server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for(lambda: api(port, "/api/status") is not None, 90, "JupyterLab's start")
            yield port
        finally:
            server.terminate()
            try:
                server.wait(20)
            except subprocess.TimeoutExpired:
                server.kill()


@pytest.mark.slow
@pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"), reason="Chromium is not installed (CI installs it)"
)
def test_french_learner_moves_the_alpha_slider_in_lesson_06(lab):
    from playwright.sync_api import sync_playwright

    from course.widgets import AlphaExplorer

    notebook = next((ROOT / "lessons" / "fr").glob("06_*.ipynb"))
    with language("fr"):
        french = AlphaExplorer()
        alpha_label = french.alpha.description
    with language("en"):
        assert AlphaExplorer().alpha.description != alpha_label, "the label must be translated"

    # Playwright starts Chromium with a new, empty profile of its own.
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(60_000)
            page.goto(f"http://127.0.0.1:{lab}/lab/tree/fr/{notebook.name}?token={TOKEN}")
            page.wait_for_selector(".jp-Notebook")
            wait_for(
                lambda: [s for s in api(lab, "/api/sessions") if s["kernel"]["execution_state"] == "idle"],
                90,
                "the kernel's start",
            )
            # JupyterLab's own menus are French: "Exécution" is the Run menu of the French language pack.
            page.get_by_role("menuitem", name="Exécution", exact=True).click()
            page.get_by_text("Exécuter toutes les cellules", exact=True).click()
            # JupyterLab renders only the cells in view: wait for the explorer's live slider, then for the kernel.
            page.locator(".widget-slider", has_text=alpha_label).first.wait_for(timeout=120_000)
            wait_for(
                lambda: all(s["kernel"]["execution_state"] == "idle" for s in api(lab, "/api/sessions")),
                120,
                "the end of the run",
            )
            slider = page.locator(".widget-slider", has_text=alpha_label).first
            slider.scroll_into_view_if_needed()
            output = slider.locator("xpath=ancestor::div[contains(@class, 'jp-OutputArea-output')][1]")
            image = output.locator(".widget-image").first
            before = image.get_attribute("src")
            slider.locator(".noUi-handle").first.focus()
            for _ in range(4):
                page.keyboard.press("ArrowRight")
            page.wait_for_function(
                "([el, old]) => el.getAttribute('src') !== old", arg=[image.element_handle(), before], timeout=60_000
            )
            assert image.get_attribute("src") != before, "the loss curves were not redrawn"
            assert alpha_label in slider.inner_text()
            shot = "lesson06-fr.png"
        finally:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / (shot if "shot" in locals() else "lesson06-fr-failed.png")))
            browser.close()
