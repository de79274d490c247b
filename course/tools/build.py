"""``python -m course build``: lesson sources + catalogs → executed notebooks per language.

For each source ``lessons/src/NN_*.py`` and each language, the build translates every
markdown paragraph through the catalogs, adds a first cell that sets the language, turns each
solution into a collapsed markdown cell (so Run All never runs it and no "✓" gives it away),
executes the notebook as the learner gets it, and writes ``lessons/<lang>/NN_*.ipynb`` with
stable cell ids and no timing: building twice gives byte-identical files. Every solution is
still run and checked, in ``lessons/<lang>/solutions.ipynb``: the build refuses to write it if
one of them does not pass its check. Code cells are the same in
every language. The notebooks are the learners' to edit: where one comes from is kept in its
metadata (``course.source``, ``course.catalog``), not in a banner.
"""

from __future__ import annotations

import copy
import html
import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

from ..files import CHECKOUT as ROOT
from ..files import LESSONS
from ..i18n import LANGUAGES, SOURCE_LANGUAGE, CourseError, _, language
from ..updates import SOLUTION  # the tag of a solution cell, in the sources and in the built notebooks
from .extract import translate_markdown

SOURCES = LESSONS / "src"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
IGNORE_OUTPUT = "nbval-ignore-output"
CELL_TIMEOUT = 120
SOLUTIONS = "solutions"  # lessons/<lang>/solutions.ipynb: every solution, executed
EXERCISE_ID = re.compile(r"""check\(\s*["'](\d\d\.\d+)["']""")


def sources(only=None) -> list[Path]:
    """The lesson sources, in order; ``only`` keeps those whose name starts with one of its prefixes."""
    found = sorted(SOURCES.glob("[0-9][0-9]_*.py"))
    return [p for p in found if not only or any(p.stem.startswith(o) for o in only)]


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


def exercise_id(source: str) -> str:
    """The id of the exercise a cell checks (``"04.1"`` for ``check("04.1", dz)``), or ``""``."""
    found = EXERCISE_ID.search(source)
    return found.group(1) if found else ""


def whole_solution(exercise: str, solution: str) -> str:
    """The solution as it runs on its own: preceded by the exercise cell's inputs (its lines before the first
    ``= ...``) when it does not start with them itself."""
    lines = exercise.strip().splitlines()
    first = next((i for i, line in enumerate(lines) if "= ..." in line), 0)
    inputs = "\n".join(lines[:first]).strip()
    solution = solution.strip()
    return solution if solution.startswith(inputs) else f"{inputs}\n{solution}"


def solution_cell(code: str):
    """A solution as the learner gets it (current language): a collapsed markdown cell that shows the code on a
    click. Run All never runs it; copied into the exercise cell, it goes through the same check."""
    label = _("Solution of exercise {id} (click to show it)").format(id=exercise_id(code))
    text = (
        f"<details><summary>{html.escape(label, quote=False)}</summary>\n\n```python\n{code.strip()}\n```\n\n</details>"
    )
    return nbformat.v4.new_markdown_cell(text, metadata={"tags": [SOLUTION]})


def notebook_text(path: Path, lang: str, solutions: bool = True):
    """The notebook of one lesson in one language, not executed; ``solutions=False`` leaves the solutions out."""
    nb = jupytext.read(path, fmt="py:percent")
    cells, exercise = [start_cell(lang)], ""
    with language(lang):
        glossary = glossary_cell(nb.metadata.get("course", {}).get("glossary", []))
        for cell in nb.cells:
            tags = cell.metadata.get("tags", [])
            if "instructor" in tags:  # instructor notes go to the instructor guide only
                continue
            if SOLUTION in tags:
                if solutions:
                    cells.append(solution_cell(whole_solution(exercise, cell.source)))
                continue
            if "exercise" in tags:
                exercise = cell.source
            if cell.cell_type == "markdown":
                cell.source = translate_markdown(cell.source, lang)
            cells.append(cell)
    if glossary:
        cells.append(nbformat.v4.new_markdown_cell(glossary))
    origin = provenance(f"lessons/src/{path.name}", path.stem, lang)
    return finish(cells, {"course": {**nb.metadata.get("course", {}), **origin}}, path.stem)


def translated_lessons(lang: str):
    """(stem, the source notebook with its markdown in ``lang``) for every lesson, instructor notes included."""
    for path in sources():
        nb = jupytext.read(path, fmt="py:percent")
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                cell.source = translate_markdown(cell.source, lang)
        yield path.stem, nb


def statement(nb, index: int, ids) -> str:
    """An exercise's statement: the last markdown cell before cell ``index`` that names one of its ``ids``."""
    before = reversed(nb.cells[:index])
    return next((c.source for c in before if c.cell_type == "markdown" and any(i in c.source for i in ids)), "")


def import_lines(nb) -> str:
    """The import lines of a lesson's own code cells: what its exercises need besides ``given``."""
    return "\n".join(
        line
        for cell in nb.cells
        if cell.cell_type == "code" and not {"exercise", SOLUTION} & set(cell.metadata.get("tags", []))
        for line in cell.source.splitlines()
        if line.startswith(("import ", "from "))
    )


def solutions_notebook(lang: str):
    """Every solution of the course in ``lang``, to run: per lesson its title and imports, then for each exercise
    its statement and its solution, which prints ✓ when executed."""
    cells = [start_cell(lang)]
    with language(lang):
        cells.append(nbformat.v4.new_markdown_cell("# " + _("Solutions")))
        cells.append(
            nbformat.v4.new_markdown_cell(
                _(
                    "The solution of every exercise of the course, each followed by what its check prints. Try the exercise in its lesson first: a hint earned by a wrong answer teaches more than a solution read."
                )
            )
        )
        for stem, nb in translated_lessons(lang):
            objectives = next(c.source for c in nb.cells if "objectives" in c.metadata.get("tags", []))
            cells.append(nbformat.v4.new_markdown_cell("#" + objectives.split("\n", 1)[0]))
            cells.append(nbformat.v4.new_code_cell(import_lines(nb)))
            exercise = ""
            for index, cell in enumerate(nb.cells):
                if "exercise" in cell.metadata.get("tags", []):
                    exercise = cell.source
                if SOLUTION not in cell.metadata.get("tags", []):
                    continue
                id = exercise_id(cell.source)
                text = statement(nb, index, [id])
                cells.append(nbformat.v4.new_markdown_cell(text if id in text else f"**{id}**\n\n{text}"))
                metadata = {"tags": [SOLUTION], "course": {"lesson": stem, "exercise": id}}
                cells.append(nbformat.v4.new_code_cell(whole_solution(exercise, cell.source), metadata=metadata))
    return finish(cells, {"course": {"source": "lessons/src", "built_by": "python -m course build"}}, SOLUTIONS)


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
    """A built notebook would show the learner something wrong (English in a translated notebook, a wrong solution)."""


def failing_solutions(nb) -> list[tuple[str, str, str]]:
    """(lesson, exercise id, what it printed) for every solution cell of an executed ``nb`` that does not print ✓,
    or prints ✗."""
    found = []
    for cell in nb.cells:
        if cell.cell_type != "code" or SOLUTION not in cell.metadata.get("tags", []):
            continue
        printed = "".join(output_text(o) for o in cell.get("outputs", []))
        if "✓" not in printed or "✗" in printed:
            where = cell.metadata.get("course", {})
            found.append((where.get("lesson", "?"), where.get("exercise") or exercise_id(cell.source), printed.strip()))
    return found


def output_path(path: Path, lang: str, output: Path = LESSONS) -> Path:
    return Path(output) / lang / f"{path.stem}.ipynb"


def shown(target: Path) -> str:
    """A written file as the author reads it: relative to the checkout when it is inside."""
    try:
        return str(target.relative_to(ROOT))
    except ValueError:
        return str(target)


def build(
    langs=LANGUAGES, only=None, run: bool = True, jobs: int = 2, output: Path = LESSONS, solutions: bool = True
) -> list[Path]:
    """Build every lesson (or those in ``only``) in every language of ``langs`` into ``output/<lang>/``; returns the
    paths written. With ``solutions`` (the default), the lessons show each solution collapsed under its exercise,
    and ``solutions.ipynb`` (written when every lesson is built, or when ``only`` names ``solutions``) runs them all;
    without, neither: the copy to hand out before the solutions are released."""
    output = Path(output)
    # Texts first, one at a time (they switch the language); then kernels run side by side.
    work = [(notebook_text(p, lang, solutions), output_path(p, lang, output)) for lang in langs for p in sources(only)]
    if solutions and (not only or SOLUTIONS in only):
        work += [(solutions_notebook(lang), output / lang / f"{SOLUTIONS}.ipynb") for lang in langs]
    if not only or GLOSSARY in only:
        from ..glossary import render_markdown

        for lang in langs:
            work.append((glossary_notebook(lang), output / lang / f"{GLOSSARY}.ipynb"))
            (output / lang).mkdir(parents=True, exist_ok=True)
            (output / lang / f"{GLOSSARY}.md").write_text(render_markdown(lang), encoding="utf-8")

    def write(job):
        nb, target = job
        target.parent.mkdir(parents=True, exist_ok=True)
        if run:
            nb = execute(nb, target.parent)
            english, wrong = english_outputs(nb, target.parent.name), failing_solutions(nb)
            if english or wrong:  # never write a notebook that would show English or a wrong solution
                return target, english, wrong
        nbformat.write(nb, target)
        return target, [], []

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        done = list(pool.map(write, work))
    refused = [f"{shown(target)}: English in the outputs of cell {s}" for target, found, _w in done for s in found]
    if refused:
        refused.insert(0, "Not written, because the outputs would show English:")
    wrong = [
        _("{notebook}: the solution of exercise {id} (lesson {lesson}) does not pass its check: {printed}").format(
            notebook=shown(target), id=id, lesson=lesson, printed=printed or "—"
        )
        for target, _e, found in done
        for lesson, id, printed in found
    ]
    if wrong:
        refused += [_("Not written, because a solution does not pass its check:"), *wrong]
    if refused:
        raise BuildError("\n".join(refused))
    return [target for target, _e, _w in done]
