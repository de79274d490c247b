"""``python -m course build``: lesson sources + catalogs → executed notebooks per language.

For each source ``lessons/src/NN_*.py`` and each language, the build translates every
markdown paragraph through the catalogs, adds a first cell that sets the language, hides
solutions, executes the notebook, and writes ``lessons/<lang>/NN_*.ipynb`` with stable cell
ids and no timing: building twice gives byte-identical files. Code cells are the same in
every language. The notebooks are the learners' to edit: where one comes from is kept in its
metadata (``course.source``, ``course.catalog``), not in a banner.
"""

from __future__ import annotations

import copy
import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

from ..files import CHECKOUT as ROOT
from ..files import LESSONS
from ..i18n import LANGUAGES, SOURCE_LANGUAGE, CourseError, _, language, translations
from .extract import is_translatable, paragraphs

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


def start_cell(lang: str):
    """The cell every built notebook starts with: it imports the course and sets the language."""
    return nbformat.v4.new_code_cell(f'import course\n\ncourse.start("{lang}")')


def provenance(source: str, domain: str, lang: str) -> dict:
    """Where a built notebook comes from, for authors and translators: its source and its catalog."""
    catalog = {} if lang == SOURCE_LANGUAGE else {"catalog": f"locales/{lang}/LC_MESSAGES/{domain}.po"}
    return {"source": source, **catalog, "built_by": "python -m course build"}


GLOSSARY = "glossary"


def glossary_notebook(lang: str):
    """The glossary of one language as a notebook: one cell per entry, then a look-up to try."""
    from ..glossary import entry_markdown, render_markdown, sorted_entries

    with language(lang):
        title, intro = render_markdown(lang).split("\n\n")[:2]
        cells = [
            start_cell(lang),
            nbformat.v4.new_markdown_cell(f"{title}\n\n{intro}"),
            nbformat.v4.new_markdown_cell(
                _('Look a term up in any of the four languages, or by its symbol: `glossary("α")`.')
            ),
            nbformat.v4.new_code_cell('from course.glossary import glossary\n\nglossary("α")'),
            *(nbformat.v4.new_markdown_cell(entry_markdown(e, page=True)) for e in sorted_entries()),
        ]
    return finish(cells, {"course": provenance("course/glossary.py", "course", lang)}, "gl")


def notebook_text(path: Path, lang: str):
    """The notebook of one lesson in one language, not executed."""
    nb = jupytext.read(path, fmt="py:percent")
    with language(lang):
        glossary = glossary_cell(nb.metadata.get("course", {}).get("glossary", []))
    cells = [start_cell(lang)]
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
    origin = provenance(f"lessons/src/{path.name}", path.stem, lang)
    return finish(cells, {"course": {**nb.metadata.get("course", {}), **origin}}, path.stem)


def glossary_cell(ids) -> str:
    """A closing markdown cell listing the glossary entries a lesson uses (current language)."""
    if not ids:
        return ""
    from ..glossary import english_aside, entry

    lines = [_("## Glossary entries used in this lesson"), ""]
    for id in ids:
        e = entry(id)
        lines.append(f"- [{_(e.term)}](glossary.ipynb#{id}){english_aside(e)}")
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
    )
    client.execute(cwd=str(cwd), env=env)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cell.outputs = merge_streams(cell.outputs)
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


def merge_streams(outputs: list) -> list:
    """Join consecutive writes to the same stream: how a print is split depends on timing."""
    merged = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (
            output.output_type == "stream"
            and previous is not None
            and previous.output_type == "stream"
            and previous.name == output.name
        ):
            previous.text += output.text
        else:
            merged.append(output)
    return merged


def output_text(output) -> str:
    """What a reader sees of one output as text: printed text, plain or HTML results, errors (not figure reprs)."""
    if output.output_type == "stream":
        return output.text
    if output.output_type == "error":
        return output.evalue
    data = output.get("data", {})
    plain = str(data.get("text/plain", ""))
    html = re.sub(r"<[^>]+>", " ", str(data.get("text/html", "")))
    return "\n".join(t for t in (html, "" if plain.startswith("<Figure size") else plain) if t)


def english_outputs(nb, lang: str) -> list[str]:
    """``"cell id: sentence"`` for every English sentence in the outputs of ``nb``, a notebook in ``lang``."""
    from .catalogs import english_sentences

    if lang == SOURCE_LANGUAGE:
        return []
    found = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            found += [f"{cell.id}: {sentence}" for sentence in english_sentences(output_text(output), lang)]
    return found


class BuildError(CourseError):
    """A built notebook would show the learner something wrong (English in a translated notebook)."""


def output_path(path: Path, lang: str) -> Path:
    return LESSONS / lang / f"{path.stem}.ipynb"


def build(langs=LANGUAGES, only=None, run: bool = True, jobs: int = 2) -> list[Path]:
    """Build every lesson (or those in ``only``) in every language of ``langs``; returns the paths written."""
    # Texts first, one at a time (they switch the language); then kernels run side by side.
    work = [(notebook_text(p, lang), output_path(p, lang)) for lang in langs for p in sources(only)]
    if not only or GLOSSARY in only:
        from ..glossary import render_markdown

        for lang in langs:
            work.append((glossary_notebook(lang), LESSONS / lang / f"{GLOSSARY}.ipynb"))
            (LESSONS / lang).mkdir(parents=True, exist_ok=True)
            (LESSONS / lang / f"{GLOSSARY}.md").write_text(render_markdown(lang), encoding="utf-8")

    def write(job):
        nb, target = job
        target.parent.mkdir(parents=True, exist_ok=True)
        if run:
            nb = execute(nb, target.parent)
            english = english_outputs(nb, target.parent.name)
            if english:  # never write a translated notebook that would show English
                return target, english
        nbformat.write(nb, target)
        return target, []

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        done = list(pool.map(write, work))
    refused = [
        f"{target.relative_to(ROOT)}: English in the outputs of cell {s}" for target, found in done for s in found
    ]
    if refused:
        raise BuildError("\n".join(["Not written, because the outputs would show English:", *refused]))
    return [target for target, _found in done]
