"""For instructors: the guide, the exercise handouts, and links for Binder and JupyterHub.

The guide and the handouts are generated from the lessons themselves (objectives, key
points, instructor notes, exercises), in each language, by ``python -m course build``.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode

import jupytext
import nbformat

from ..files import LESSONS
from ..i18n import LANGUAGES, _, language, num
from ..interface import menu_path
from .build import sources, translate_markdown

INSTRUCTOR = LESSONS / "instructor"
EXERCISE_ID = re.compile(r"""check\(\s*["'](\d\d\.\d+)["']""")
BREAK_EVERY = 90  # minutes of work between two breaks in the schedule


def _lessons(lang: str):
    """(stem, notebook in ``lang``) for every lesson, instructor notes included."""
    for path in sources():
        nb = jupytext.read(path, fmt="py:percent")
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                cell.source = translate_markdown(cell.source, lang)
        yield path.stem, nb


def _tagged(nb, tag: str) -> list[str]:
    return [c.source for c in nb.cells if tag in c.metadata.get("tags", [])]


def _title_and_rest(markdown: str) -> tuple[str, str]:
    title, _sep, rest = markdown.partition("\n")
    return title.lstrip("# ").strip(), rest.strip()


def _row(stem: str, nb) -> tuple[str, str, int, int]:
    minutes = nb.metadata["course"]["minutes"]
    return stem, _title_and_rest(_tagged(nb, "objectives")[0])[0], minutes["teaching"], minutes["exercises"]


def outline(lang: str) -> list[tuple[str, str, int, int]]:
    """(lesson, title, teaching minutes, exercise minutes) of every lesson, titles in ``lang``."""
    return [_row(stem, nb) for stem, nb in _lessons(lang)]


def exercise_ids(nb) -> list[str]:
    return [m for c in nb.cells if "exercise" in c.metadata.get("tags", []) for m in EXERCISE_ID.findall(c.source)]


def instructor_guide(lang: str) -> str:
    """The instructor guide in ``lang``: schedule, then objectives, key points, notes and exercises per lesson."""
    lessons = list(_lessons(lang))
    with language(lang):
        out = [
            "# " + _("Instructor guide"),
            _(
                "This guide is generated from the lessons by `python -m course build`. Exercise ids such as 04.1 are the same in every language, so a room where learners use different languages can work on the same exercise together."
            ),
            "## " + _("Schedule"),
        ]
        table = [
            "| {} | {} | {} | {} |".format(_("Start"), _("Lesson"), _("Teaching (min)"), _("Exercises (min)")),
            "| --- | --- | ---: | ---: |",
        ]
        clock, since_break = 0, 0
        for stem, title, teaching, exercises in (_row(stem, nb) for stem, nb in lessons):
            length = teaching + exercises
            if since_break + length > BREAK_EVERY:
                table.append("| {} | *{}* | 10 | |".format(_clock(clock), _("Break")))
                clock, since_break = clock + 10, 0
            table.append(f"| {_clock(clock)} | [{title}](../{lang}/{stem}.ipynb) | {teaching} | {exercises} |")
            clock, since_break = clock + length, since_break + length
        out += ["\n".join(table), _("Total: {minutes} minutes.").format(minutes=clock)]
        out += ["## " + _("Before the workshop"), _checklist(lang)]
        out += ["## " + _("Workshop on a hub"), _hub(lang)]
        out += ["## " + _("Solutions"), _solutions(lang)]
        for stem, nb in lessons:
            title, objectives = _title_and_rest(_tagged(nb, "objectives")[0])
            out += [f"## {title}", f"`lessons/{lang}/{stem}.ipynb`", "### " + _("Objectives"), objectives]
            out += ["### " + _("Key points"), *(_title_and_rest(k)[1] or k for k in _tagged(nb, "key-points"))]
            notes = _tagged(nb, "instructor")
            if notes:
                out += ["### " + _("Instructor notes"), *notes]
            out += ["### " + _("Exercises"), ", ".join(f"`{i}`" for i in exercise_ids(nb))]
    return "\n\n".join(out) + "\n"


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _checklist(lang: str) -> str:
    items = [
        _("Install once per machine: `bash scripts/lab {lang}` sets everything up and opens the course.").format(
            lang=lang
        ),
        _(
            "Or hand out a link: Binder or JupyterHub (`python -m course links`), or the static JupyterLite site (`python -m course lite`)."
        ),
        _(
            "Run lesson 00 on one machine beforehand: the first cell sets the language, and each exercise prints its feedback."
        ),
        _("Check that the sliders of lessons 06 and 07 move and redraw: they need a running kernel."),
        _(
            "Print the exercise handouts (`lessons/instructor/exercises.{lang}.html`) for learners who like to work on paper first."
        ).format(lang=lang),
    ]
    return "\n".join(f"- {item}" for item in items)


# Measured by benchmarks/bench_hub.py (see the README): one learner's server with a running
# kernel, and the CPU time the hub, the learner's server and its kernel take to start.
HUB_MIB_PER_LEARNER = 236
HUB_CORE_SECONDS_PER_START = 11


def _hub(lang: str) -> str:
    """How to run the course for a room on JupyterHub: on one machine, on one VM, on Kubernetes; and its size."""
    return "\n\n".join(
        [
            _(
                "When learners cannot install the course on their own laptops, or the room is large, every learner gets their own JupyterLab on a JupyterHub, with their own copy of the course. Each link that the hub prints opens the course in one language; a learner who clicks it again keeps their edits and receives the new lessons, and the first cell of a lesson they edited says when the course has a newer version of it."
            ),
            "### " + _("On one machine: `python -m course hub`"),
            _(
                "Install the hub's extras and its proxy, then start the hub with a password that you give the room (at least 8 characters). It prints one link per language: learners log in with a name of their choice and the shared password."
            ),
            "```bash\n"
            "pip install 'backprop-course[hub]'\n"
            "npm install -g configurable-http-proxy\n"
            "python -m course hub --ip 0.0.0.0 --port 8000 --password <password> \\\n"
            "  --repo https://github.com/<owner>/<repository>\n```",
            "### " + _("On one virtual machine: The Littlest JupyterHub"),
            _(
                "Install The Littlest JupyterHub as its documentation says, then install the course and nbgitpuller into the learners' environment, and print the links:"
            ),
            "```bash\n"
            "sudo -E /opt/tljh/user/bin/pip install backprop-course nbgitpuller\n"
            "python -m course links --hub https://<your-hub> --repo-url https://github.com/<owner>/<repository>\n```",
            "### " + _("On Kubernetes: Zero to JupyterHub"),
            _(
                "Build an image with the course and nbgitpuller installed, and name it in the Helm chart's values, with the memory and CPU that each learner needs:"
            ),
            "```dockerfile\n"
            "FROM quay.io/jupyter/minimal-notebook\n"
            "RUN pip install --no-cache-dir backprop-course nbgitpuller\n```",
            "```yaml\n"
            "singleuser:\n"
            "  image:\n"
            "    name: <registry>/backprop-course\n"
            '    tag: "0.1.0"\n'
            "  memory:\n"
            "    guarantee: 256M\n"
            "    limit: 1G\n"
            "  cpu:\n"
            "    guarantee: 0.1\n```",
            "### " + _("How big a hub"),
            _(
                "Measured with `benchmarks/bench_hub.py`: each learner needs about {mib} MiB of memory once their lesson runs, and starting a learner's server and kernel costs about {seconds} seconds of one core. Count 1 GiB of memory per {per_gib} learners; when the whole room clicks at once, the starts queue on the cores, so ask learners to log in during the introduction."
            ).format(
                mib=num(HUB_MIB_PER_LEARNER),
                seconds=num(HUB_CORE_SECONDS_PER_START),
                per_gib=num(1024 // HUB_MIB_PER_LEARNER),
            ),
        ]
    )


def _solutions(lang: str) -> str:
    return "\n\n".join(
        [
            _(
                "Each exercise is followed by its solution in a hidden cell: learners reveal it by clicking the collapsed cell (or {menu}). The solution runs through the same check as the exercise, so its output shows what a correct answer prints."
            ).format(menu=menu_path("View", "Expand All Code", lang)),
            _("To hand out notebooks without solutions, remove the cells tagged `solution`:"),
            "```bash\n"
            "jupyter nbconvert --to notebook --TagRemovePreprocessor.enabled=True \\\n"
            "  --TagRemovePreprocessor.remove_cell_tags solution \\\n"
            f"  --output-dir no-solutions/{lang} lessons/{lang}/*.ipynb\n```",
        ]
    )


def handout_notebook(lang: str):
    """Every exercise of the course in ``lang``, as a notebook: per lesson its title, then each exercise's id,
    statement (the markdown cell before it that names its id) and code to complete."""
    cells = []
    with language(lang):
        cells.append(nbformat.v4.new_markdown_cell("# " + _("Exercises")))
        for _stem, nb in _lessons(lang):
            cells.append(nbformat.v4.new_markdown_cell("## " + _title_and_rest(_tagged(nb, "objectives")[0])[0]))
            for i, cell in enumerate(nb.cells):
                if "exercise" not in cell.metadata.get("tags", []):
                    continue
                ids = EXERCISE_ID.findall(cell.source)
                statement = next(
                    (
                        c.source
                        for c in reversed(nb.cells[:i])
                        if c.cell_type == "markdown" and any(x in c.source for x in ids)
                    ),
                    "",
                )
                cells.append(nbformat.v4.new_markdown_cell(f"**{', '.join(ids)}**\n\n{statement}"))
                cells.append(nbformat.v4.new_code_cell(cell.source))
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def handout(lang: str) -> str:
    """The exercises in ``lang`` as a printable HTML page: nbconvert's own HTML, maths typeset by MathJax."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="classic")
    with language(lang):
        exporter.exclude_input_prompt = True
        body, _resources = exporter.from_notebook_node(
            handout_notebook(lang), resources={"metadata": {"name": _("Exercises")}}
        )
    return re.sub(r'<html lang="[^"]*">', f'<html lang="{lang.replace("_", "-")}">', body, count=1)


def write_instructor_material(langs=LANGUAGES) -> list:
    """Write ``lessons/instructor/guide.<lang>.md`` and ``exercises.<lang>.html``; returns the paths."""
    INSTRUCTOR.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in langs:
        for name, text in ((f"guide.{lang}.md", instructor_guide(lang)), (f"exercises.{lang}.html", handout(lang))):
            (INSTRUCTOR / name).write_text(text, encoding="utf-8")
            written.append(INSTRUCTOR / name)
    return written


def binder_link(repo: str, lang: str, lesson: str = "00_start_here", ref: str = "main") -> str:
    """A Binder link that opens one lesson of ``repo`` (``owner/name`` on GitHub) in ``lang``."""
    return (
        f"https://mybinder.org/v2/gh/{repo}/{ref}?urlpath={quote(f'lab/tree/lessons/{lang}/{lesson}.ipynb', safe='')}"
    )


def nbgitpuller_link(hub: str, repo_url: str, branch: str, lang: str, lesson: str = "00_start_here") -> str:
    """A JupyterHub link that pulls the course (nbgitpuller) and opens one lesson in ``lang``."""
    folder = repo_url.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")
    # targetpath names the folder: nbgitpuller's own default keeps a ".git" suffix that urlpath has not.
    query = urlencode(
        {
            "repo": repo_url,
            "branch": branch,
            "targetpath": folder,
            "urlpath": f"lab/tree/{folder}/lessons/{lang}/{lesson}.ipynb",
        }
    )
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"
