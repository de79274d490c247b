"""The JupyterLite site (``python -m course lite``): built once, offline, then inspected file by file."""

from __future__ import annotations

import importlib.util
import json
import zipfile

import pytest

from course.i18n import LANGUAGES
from course.tools.lite import INSTALL_CELL, LESSONS, LITE_MODULES, build_site, overrides

NEEDED = [*LITE_MODULES, "jupyterlab_language_pack_fr_FR"]


def lesson_files(lang: str) -> list[str]:
    folder = LESSONS / lang
    return sorted(p.name for p in [*folder.glob("*.ipynb"), *folder.glob("*.md")])


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    missing = [name for name in NEEDED if importlib.util.find_spec(name) is None]
    if missing:
        pytest.fail(f"{', '.join(missing)} not installed: pip install -e '.[lite,interface,test]'")
    expected = {lang: lesson_files(lang) for lang in LANGUAGES}  # before the build: lessons are rebuilt meanwhile
    output = build_site(tmp_path_factory.mktemp("lite") / "site", default_lang="fr")
    return output, expected


@pytest.fixture(scope="module")
def config(site):
    return json.loads((site[0] / "jupyter-lite.json").read_text(encoding="utf-8"))["jupyter-config-data"]


def test_the_site_has_its_pages(site):
    output, _expected = site
    for page in ("index.html", "lab/index.html", "notebooks/index.html", "jupyter-lite.json"):
        assert (output / page).is_file(), page


def test_every_language_is_copied(site):
    output, expected = site
    assert any(expected.values()), "no built notebook in lessons/<lang>/"
    for lang, names in expected.items():
        copied = sorted(p.name for p in (output / "files" / lang).glob("*")) if names else []
        assert copied == names, lang


def test_copied_notebooks_install_the_course_first(site):
    output, _expected = site
    for path in sorted((output / "files").glob("*/*.ipynb")):
        code = [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
        assert "".join(code[0]["source"]) == INSTALL_CELL, path
        assert "import course" in "".join(code[1]["source"]), path
        original = json.loads((LESSONS / path.parent.name / path.name).read_text(encoding="utf-8"))
        assert not any("%pip" in "".join(c["source"]) for c in original["cells"]), "the repository's notebook changed"


def test_the_piplite_index_serves_the_course_and_its_browser_dependencies(site, config):
    output, _expected = site
    index = json.loads((output / "pypi" / "all.json").read_text(encoding="utf-8"))
    assert {"backprop-course", "babel", "ipywidgets"} <= set(index)
    for project in index.values():
        for files in project["releases"].values():
            assert all((output / "pypi" / f["url"]).is_file() for f in files)
    urls = config["litePluginSettings"]["@jupyterlite/pyodide-kernel-extension:kernel"]["pipliteUrls"]
    assert any(url.startswith("./pypi/all.json") for url in urls)


def test_the_course_wheel_carries_its_catalogs(site):
    output, _expected = site
    (wheel,) = (output / "pypi").glob("backprop_course-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        record = next(zf.read(n).decode() for n in names if n.endswith(".dist-info/RECORD"))
    for lang in LANGUAGES[1:]:
        catalog = f"course/locales/{lang}/LC_MESSAGES/course.po"
        assert catalog in names and f"{catalog},sha256=" in record
    assert "course/widgets/playground.py" in names


def test_the_widgets_front_end_is_included(site, config):
    output, _expected = site
    assert (output / "extensions/@jupyter-widgets/jupyterlab-manager/package.json").is_file()
    assert "@jupyter-widgets/jupyterlab-manager" in {e["name"] for e in config["federated_extensions"]}


def test_the_interface_speaks_the_default_language(site, config):
    output, _expected = site
    settings = config["settingsOverrides"]
    assert settings["@jupyterlab/translation-extension:plugin"] == {"locale": "fr_FR"}
    assert settings["@jupyterlab/notebook-extension:tracker"]["autoStartDefaultKernel"] is True
    pack = json.loads((output / "api/translations/fr_FR.json").read_text(encoding="utf-8"))
    assert pack["data"]["jupyterlab"]["File Browser"] == ["Explorateur de fichiers"]
    assert "jupyterlab-jupytext" in config["disabledExtensions"]


def test_an_english_site_keeps_the_english_interface():
    assert "@jupyterlab/translation-extension:plugin" not in overrides("en")
    assert overrides("en")["@jupyterlab/notebook-extension:tracker"] == {"autoStartDefaultKernel": True}
