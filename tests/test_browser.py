"""End to end, as a French, a Spanish and a Brazilian learner: JupyterLab on 127.0.0.1, lesson 06 in headless Chromium.

For each language: runs every cell from JupyterLab's own Run menu, moves the α slider of the
α explorer, checks that its loss curves were redrawn, and reads the page as the learner
does: no English sentence in any output, widget label or status line (the outputs of
lesson 06 include plural sentences such as "cost 0,69 after 100 steps"). JupyterLab's
own menus come from its language packs, which are partial for es and pt-BR: they are
not read. A screenshot is saved under ``_output/screenshots/``. The server and the
browser are stopped by the test itself; every wait is bounded.
"""

import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from course.i18n import language
from course.interface import label
from course.tools.catalogs import english_sentences
from course.tools.hub import free_port
from course.tools.lab import lab_command, room_settings

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
# What the learner reads of a lesson: outputs, and the widgets' labels, readouts and status lines.
READ = ".jp-OutputArea-output, .widget-label, .widget-html-content, .widget-readout, .widget-button"


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


@contextlib.contextmanager
def jupyterlab(lang: str, lessons: Path):
    """A JupyterLab server in the learner's language on a free port of 127.0.0.1, on a copy of the folder
    ``lessons`` (JupyterLab saves the notebooks it runs); yields its port, stopped afterwards."""
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        settings = room_settings(Path(tmp) / "settings", lang)
        shutil.copytree(lessons, Path(tmp) / "lessons" / lang)
        lab = lab_command(lang, settings, port, False, Path(tmp) / "workspaces", Path(tmp) / "lessons")
        command = [*lab, f"--IdentityProvider.token={TOKEN}"]
        server = subprocess.Popen(
            command, env=dict(os.environ, COURSE_LANG=lang), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            wait_for(lambda: api(port, "/api/status") is not None, 90, "JupyterLab's start")
            yield port
        finally:
            server.terminate()
            try:
                server.wait(20)
            except subprocess.TimeoutExpired:
                server.kill()


@pytest.fixture
def lab(request):
    """JupyterLab on a copy of the course's lessons in the learner's language."""
    with jupyterlab(request.param, ROOT / "lessons" / request.param) as port:
        yield request.param, port


def open_and_run_all(browser, port: int, lang: str, notebook: Path):
    """A new page at ``notebook``, its kernel started, and JupyterLab's Run ▸ Run All Cells clicked, as the
    learner's language pack names them."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(60_000)
    page.goto(f"http://127.0.0.1:{port}/lab/tree/{lang}/{notebook.name}?token={TOKEN}")
    page.wait_for_selector(".jp-Notebook")
    wait_for(
        lambda: [s for s in api(port, "/api/sessions") if s["kernel"]["execution_state"] == "idle"],
        90,
        "the kernel's start",
    )
    page.get_by_role("menuitem", name=label("Run", "menu", lang), exact=True).click()
    page.get_by_text(label("Run All Cells", lang=lang), exact=True).click()
    return page


@pytest.mark.slow
@pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"), reason="Chromium is not installed (CI installs it)"
)
@pytest.mark.parametrize("lab", ["fr", "es", "pt_BR"], indirect=True)
def test_a_learner_runs_lesson_06_and_moves_the_alpha_slider_in_their_language(lab):
    from playwright.sync_api import sync_playwright

    from course.widgets import AlphaExplorer

    lang, port = lab
    notebook = next((ROOT / "lessons" / lang).glob("06_*.ipynb"))
    with language(lang):
        alpha_label = AlphaExplorer().alpha.description
    with language("en"):
        assert AlphaExplorer().alpha.description != alpha_label, "the label must be translated"

    # Playwright starts Chromium with a new, empty profile of its own.
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        shot = f"lesson06-{lang}-failed.png"
        try:
            page = open_and_run_all(browser, port, lang, notebook)
            # JupyterLab renders only the cells in view: wait for the explorer's live slider, then for the kernel.
            page.locator(".widget-slider", has_text=alpha_label).first.wait_for(timeout=120_000)
            wait_for(
                lambda: all(s["kernel"]["execution_state"] == "idle" for s in api(port, "/api/sessions")),
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

            # Read every cell as the learner would scroll to it (JupyterLab renders only what is in view).
            texts = []
            for cell in page.locator(".jp-Notebook .jp-Cell").all():
                cell.scroll_into_view_if_needed()
                texts += cell.locator(READ).all_inner_texts()
            read = "\n".join(texts)
            assert alpha_label in read and len(read) > 2000, "the outputs were not read"
            english = [s for text in texts for s in english_sentences(text, lang)]
            assert english == [], f"English on the {lang} page: {english}"
            # A room starts working at once: JupyterLab asked nothing (news, updates) while the lesson ran.
            toasts = page.locator(".Toastify__toast").all_inner_texts()
            assert toasts == [], f"JupyterLab interrupted the learner: {toasts}"
            shot = f"lesson06-{lang}.png"
        finally:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / shot))
            browser.close()


@pytest.mark.slow
@pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"), reason="Chromium is not installed (CI installs it)"
)
def test_a_solution_stays_collapsed_through_run_all_and_shows_on_a_click(tmp_path):
    """Lesson 04 as the build writes it, in Spanish JupyterLab: Run All Cells prints each exercise's hint and no ✓;
    each solution is a collapsed line whose code shows only when the learner clicks it."""
    from playwright.sync_api import sync_playwright

    from course.exercises import MISSING
    from course.i18n import translations
    from course.tools.build import build

    lang = "es"
    (notebook,) = build([lang], only=["04"], run=False, output=tmp_path)  # the text the learner gets
    with language(lang):
        summary = translations(lang).gettext("Solution of exercise {id} (click to show it)").format(id="04.1")
    hint = translations(lang).gettext(MISSING).split("{symbol}")[0].strip()
    with jupyterlab(lang, notebook.parent) as port, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        shot = f"solutions-{lang}-failed.png"
        try:
            page = open_and_run_all(browser, port, lang, notebook)
            time.sleep(2)
            wait_for(
                lambda: all(s["kernel"]["execution_state"] == "idle" for s in api(port, "/api/sessions")),
                120,
                "the end of the run",
            )
            details = page.locator(".jp-MarkdownCell details", has_text=summary).first
            details.scroll_into_view_if_needed()
            code = details.locator("pre").first
            assert details.locator("summary").inner_text().strip() == summary
            assert not code.is_visible(), "the solution's code shows before the click"
            exercise = details.locator("xpath=preceding::div[contains(@class, 'jp-CodeCell')][1]")
            printed = exercise.locator(".jp-OutputArea-output").all_inner_texts()
            assert printed and printed[0].startswith(hint) and "✓" not in "".join(printed), printed
            details.locator("summary").click()
            code.wait_for(state="visible", timeout=10_000)
            assert 'check("04.1", dz)' in code.inner_text() and "sigmoid_prime(z2)" in code.inner_text()
            texts = []
            for cell in page.locator(".jp-Notebook .jp-CodeCell").all():
                cell.scroll_into_view_if_needed()
                texts += cell.locator(".jp-OutputArea-output").all_inner_texts()
            assert texts and not [t for t in texts if "✓" in t], "Run All Cells ran a solution"
            shot = f"solutions-{lang}.png"
        finally:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / shot))
            browser.close()
