"""``python -m course build``: lesson sources + catalogs → executed notebooks per language.

For each source ``lessons/src/NN_*.py`` and each language, the build translates every
markdown paragraph through the catalogs, adds a first cell that says the notebook is
generated and sets the language, hides solutions, executes the notebook, and writes
``lessons/<lang>/NN_*.ipynb`` with stable cell ids and no timing: building twice gives
byte-identical files. Code cells are the same in every language.
"""

from __future__ import annotations

import copy
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

from .extract import is_translatable, paragraphs
from .i18n import LANGUAGES, _, get_language, set_language, translations

ROOT = Path(__file__).resolve().parent.parent
LESSONS = ROOT / "lessons"
SOURCES = LESSONS / "src"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
IGNORE_OUTPUT = "nbval-ignore-output"
CELL_TIMEOUT = 120


def sources(only=None) -> list[Path]:
    """The lesson sources, in order; ``only`` keeps those whose name starts with one of its prefixes."""
    found = sorted(SOURCES.glob("[0-9][0-9]_*.py"))
    return [p for p in found if not only or any(p.stem.startswith(o) for o in only)]


def translate_markdown(source: str, lang: str) -> str:
    """Every translatable paragraph of ``source`` replaced by its translation."""
    gettext = translations(lang).gettext
    return "\n\n".join(gettext(p) if is_translatable(p) else p for p in paragraphs(source))


def _code(source: str, **metadata):
    return nbformat.v4.new_code_cell(source, metadata=metadata)


def notebook_text(path: Path, lang: str):
    """The notebook of one lesson in one language, not executed."""
    nb = jupytext.read(path, fmt="py:percent")
    previous = get_language()
    set_language(lang)
    try:
        banner = _(
            "*This notebook is generated from `{source}` by `python -m course build`: edit the source or the translation catalogs, not this file.*"
        ).format(source=f"lessons/src/{path.name}")
        glossary = glossary_cell(nb.metadata.get("course", {}).get("glossary", []))
    finally:
        set_language(previous)
    cells = [nbformat.v4.new_markdown_cell(banner), _code(f'import course\n\ncourse.start("{lang}")')]
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if "instructor" in tags:  # instructor notes go to the instructor guide only
            continue
        if cell.cell_type == "markdown":
            cell.source = translate_markdown(cell.source, lang)
        if "solution" in tags:
            cell.metadata["jupyter"] = {"source_hidden": True}
        cells.append(cell)
    if glossary:
        cells.append(nbformat.v4.new_markdown_cell(glossary))
    return finish(cells, {"course": {**nb.metadata.get("course", {}), "source": f"lessons/src/{path.name}"}}, path.stem)


def glossary_cell(ids) -> str:
    """A closing markdown cell listing the glossary entries a lesson uses (current language)."""
    if not ids:
        return ""
    from .glossary import entry

    lines = [_("## Glossary entries used in this lesson"), ""]
    for id in ids:
        e = entry(id)
        term = _(e.term)
        english = f" ({e.term})" if get_language() != "en" and term != e.term else ""
        lines.append(f"- [{term}](glossary.ipynb#{id}){english}")
    return "\n".join(lines)


def finish(cells, metadata: dict, stem: str):
    """A notebook with stable cell ids and the course's kernel."""
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
        **metadata,
    }
    for index, cell in enumerate(nb.cells):
        cell.id = f"{stem[:2]}-{index:03d}"
    return nb


def execute(nb, cwd: Path):
    """Run every cell in a fresh python3 kernel started in ``cwd``; keep only what is reproducible."""
    nb = copy.deepcopy(nb)
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("MPLBACKEND", None)
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd)}},
        record_timing=False,
        env=env,
    )
    client.execute(cwd=str(cwd), env=env)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        live = False
        for output in cell.outputs:
            # A widget's live view needs a kernel; keep its static picture and text.
            if WIDGET_VIEW in output.get("data", {}):
                del output["data"][WIDGET_VIEW]
                live = True
        if live:
            tags = cell.metadata.setdefault("tags", [])
            if IGNORE_OUTPUT not in tags:
                tags.append(IGNORE_OUTPUT)
            cell.metadata["course"] = {"nbval": "live widget output: compared through the next cell's printed result"}
    nb.metadata.pop("widgets", None)
    return nb


def output_path(path: Path, lang: str) -> Path:
    return LESSONS / lang / f"{path.stem}.ipynb"


def build(langs=LANGUAGES, only=None, run: bool = True, jobs: int = 2) -> list[Path]:
    """Build every lesson (or those in ``only``) in every language of ``langs``; returns the paths written."""
    # Texts first, one at a time (they switch the language); then kernels run side by side.
    work = [(notebook_text(p, lang), output_path(p, lang)) for lang in langs for p in sources(only)]

    def write(job):
        nb, target = job
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(execute(nb, target.parent) if run else nb, target)
        return target

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(write, work))
