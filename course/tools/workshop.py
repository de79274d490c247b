"""For instructors: the guide, the exercise handouts, and links for Binder and JupyterHub.

The guide and the handouts are generated from the lessons themselves (objectives, key
points, instructor notes, exercises), in each language, by ``python -m course build``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

import nbformat

from ..files import LESSONS
from ..i18n import LANGUAGES, CourseError, _, language, num
from ..interface import menu_path
from .build import EXERCISE_ID, finish, glossary_notebook, notebook_text, sources, statement, translated_lessons

INSTRUCTOR = LESSONS / "instructor"
BREAK_EVERY = 90  # at most this many minutes of lessons between two rests (a break or lunch)
DAY = 6 * 60  # a workshop day, from the start of setup to the end of the wrap-up
PARTS = ("pre-work", "core", "optional")


def _tagged(nb, tag: str) -> list[str]:
    return [c.source for c in nb.cells if tag in c.metadata.get("tags", [])]


def _title_and_rest(markdown: str) -> tuple[str, str]:
    title, _sep, rest = markdown.partition("\n")
    return title.lstrip("# ").strip(), rest.strip()


@dataclass(frozen=True)
class Lesson:
    """One lesson as the schedule sees it: the minutes and the part of its header, its title in one language."""

    stem: str
    title: str
    teaching: int
    exercises: int
    part: str = "core"  # pre-work (before the day), core (in the day) or optional (a room that is ahead, or after)
    optional_minutes: int = 0  # what the day leaves out of a core lesson: its "behind" note names the sections

    @property
    def minutes(self) -> int:
        return self.teaching + self.exercises

    @property
    def in_day(self) -> int:
        """Minutes this lesson takes in the day: its whole length less its optional part."""
        return self.minutes - self.optional_minutes


def _lesson(stem: str, nb) -> Lesson:
    course = nb.metadata["course"]
    part, optional = course.get("part", "core"), course.get("optional_minutes", 0)
    minutes = course["minutes"]
    if part not in PARTS or not 0 <= optional < minutes["teaching"] + minutes["exercises"]:
        raise CourseError(
            _(
                "lessons/src/{stem}.py: the header's part must be one of {parts} and its optional_minutes less than the lesson's minutes; it says part: {part}, optional_minutes: {optional}."
            ).format(stem=stem, parts=", ".join(PARTS), part=part, optional=optional)
        )
    title = _title_and_rest(_tagged(nb, "objectives")[0])[0]
    return Lesson(stem, title, minutes["teaching"], minutes["exercises"], part, optional)


def outline(lang: str) -> list[Lesson]:
    """Every lesson with its title in ``lang``, its minutes and its part."""
    return [_lesson(stem, nb) for stem, nb in translated_lessons(lang)]


def part_name(part: str) -> str:
    """A lesson's part in the current language."""
    return {"pre-work": _("pre-work"), "core": _("core"), "optional": _("optional")}[part]


@dataclass(frozen=True)
class Slot:
    """One block of the day: setup, a lesson, a break, lunch or the wrap-up; times in minutes after midnight."""

    start: int
    minutes: int
    kind: str  # "setup", "lesson", "break", "lunch", "wrap-up"
    lesson: Lesson | None = None

    @property
    def end(self) -> int:
        return self.start + self.minutes


@dataclass(frozen=True)
class Day:
    """A workshop day, as laid out by :func:`day_plan`."""

    slots: tuple[Slot, ...]
    limit: int = DAY

    @property
    def start(self) -> int:
        return self.slots[0].start

    @property
    def end(self) -> int:
        return self.slots[-1].end

    @property
    def length(self) -> int:
        return self.end - self.start

    @property
    def teachable(self) -> int:
        """Minutes of lessons (teaching and exercises) in the day."""
        return sum(s.minutes for s in self.slots if s.kind == "lesson")

    @property
    def fits(self) -> bool:
        return self.length <= self.limit

    def of(self, kind: str) -> list[Slot]:
        return [s for s in self.slots if s.kind == kind]


def day_plan(
    lessons: list[Lesson],
    start: int = 9 * 60,
    setup: int = 15,
    lunch: int = 45,
    rest: int = 10,
    wrap_up: int = 15,
    limit: int = DAY,
) -> Day:
    """The workshop day, computed once for the guide's timetable and ``python -m course list``: setup, the core
    lessons without their optional parts, a break before a lesson that would bring the lessons since the last rest
    past ``BREAK_EVERY`` minutes (never inside a lesson), lunch at the lesson boundary nearest the middle of the
    day, then the wrap-up with the survey. ``Day.fits`` says whether it ends within ``limit`` minutes."""
    core = [lesson for lesson in lessons if lesson.part == "core"]

    def lay_out(lunch_before: int | None) -> Day:
        slots = [Slot(start, setup, "setup")]
        clock, worked = start + setup, 0
        for k, lesson in enumerate(core):
            if k == lunch_before:
                slots.append(Slot(clock, lunch, "lunch"))
                clock, worked = clock + lunch, 0
            if worked and worked + lesson.in_day > BREAK_EVERY:
                slots.append(Slot(clock, rest, "break"))
                clock, worked = clock + rest, 0
            slots.append(Slot(clock, lesson.in_day, "lesson", lesson))
            clock, worked = clock + lesson.in_day, worked + lesson.in_day
        slots.append(Slot(clock, wrap_up, "wrap-up"))
        return Day(tuple(slots), limit)

    def off_middle(day: Day) -> tuple[float, int]:
        (meal,) = day.of("lunch")
        return abs(meal.start - (day.start + day.end) / 2), len(day.of("break"))

    if len(core) < 2:
        return lay_out(None)
    return min((lay_out(k) for k in range(1, len(core))), key=off_middle)


def totals(lessons: list[Lesson], day: Day) -> list[str]:
    """The totals that ``python -m course list`` and the guide's schedule both print, in the current language."""

    def of(part: str) -> int:
        return sum(lesson.minutes for lesson in lessons if lesson.part == part)

    lines = [
        _("Core lessons: {day} minutes in the day, {full} minutes with their optional parts.").format(
            day=num(day.teachable), full=num(of("core"))
        ),
        _("Optional lessons: {optional} minutes. Pre-work: {prework} minutes.").format(
            optional=num(of("optional")), prework=num(of("pre-work"))
        ),
        _("The day: {start} to {end}, {minutes} minutes with setup, breaks, lunch and wrap-up.").format(
            start=_clock(day.start), end=_clock(day.end), minutes=num(day.length)
        ),
    ]
    if not day.fits:
        lines.append(
            _(
                "This day is {over} minutes longer than {limit} minutes: mark more lessons optional or pre-work, or more of their parts optional."
            ).format(over=num(day.length - day.limit), limit=num(day.limit))
        )
    return lines


def exercise_ids(nb) -> list[str]:
    return [m for c in nb.cells if "exercise" in c.metadata.get("tags", []) for m in EXERCISE_ID.findall(c.source)]


def instructor_guide(lang: str) -> str:
    """The instructor guide in ``lang``: the day's schedule, what to do when the room is behind, sticky notes, live
    coding, then per lesson its objectives, key points, cells to live-code, what to drop when behind, notes and
    exercises."""
    lessons = list(translated_lessons(lang))
    with language(lang):
        rows = [_lesson(stem, nb) for stem, nb in lessons]
        out = [
            "# " + _("Instructor guide"),
            _(
                "This guide is generated from the lessons by `python -m course build`. Exercise ids such as 04.1 are the same in every language, so a room where learners use different languages can work on the same exercise together."
            ),
            "## " + _("Schedule"),
            _timetable(rows, day_plan(rows), lang),
            "## " + _("When the room is behind"),
            _behind(),
            "## " + _("Sticky notes"),
            _sticky_notes(),
            "## " + _("Live coding and typing along"),
            _typing_along(lang),
        ]
        out += ["## " + _("Before the workshop"), _checklist(lang)]
        out += ["## " + _("Workshop on a hub"), _hub(lang)]
        out += ["## " + _("Solutions"), _solutions(lang)]
        for (stem, nb), lesson in zip(lessons, rows, strict=True):
            title, objectives = _title_and_rest(_tagged(nb, "objectives")[0])
            out += [f"## {title}", f"`lessons/{lang}/{stem}.ipynb`", _part_sentence(lesson)]
            out += ["### " + _("Objectives"), objectives]
            out += ["### " + _("Key points"), *(_title_and_rest(k)[1] or k for k in _tagged(nb, "key-points"))]
            live = live_cells(nb)
            if live:
                out += ["### " + _("Live coding"), "\n".join(f"- {heading}: `{line}`" for heading, line in live)]
            out += ["### " + _("If the room is behind"), *_tagged(nb, "behind")]
            notes = [c.source for c in nb.cells if _is_note(c.metadata.get("tags", []))]
            if notes:
                out += ["### " + _("Instructor notes"), *notes]
            out += ["### " + _("Exercises"), ", ".join(f"`{i}`" for i in exercise_ids(nb))]
    return "\n\n".join(out) + "\n"


def _is_note(tags: list[str]) -> bool:
    return "instructor" in tags and "behind" not in tags


def live_cells(nb) -> list[tuple[str, str]]:
    """(heading of its section, its first assignment or else its first line) of each cell tagged ``live``: what
    the instructor types live."""
    found, heading = [], ""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            heading = next((line.lstrip("# ") for line in cell.source.splitlines() if line.startswith("#")), heading)
        elif "live" in cell.metadata.get("tags", []):
            lines = [line for line in cell.source.splitlines() if line.strip()]
            top = [line for line in lines if not line[0].isspace()]
            found.append((heading, next((line for line in top if " = " in line), lines[0])))
    return found


def _timetable(lessons: list[Lesson], day: Day, lang: str) -> str:
    """The day as a table with clock times, then the totals that ``course list`` prints too."""
    table = [
        "| {} | {} | {} | {} |".format(_("Start"), _("Activity"), _("Minutes"), _("Left out (min)")),
        "| --- | --- | ---: | ---: |",
    ]
    activity = {
        "setup": _(
            "Setup and check-in: every learner has lesson 01 open and two sticky notes; the pre-workshop survey"
        ),
        "break": "*" + _("Break") + "*",
        "lunch": "*" + _("Lunch") + "* — " + _("one-minute feedback on sticky notes"),
        "wrap-up": _("Wrap-up: key points of the day, post-workshop survey"),
    }
    for slot in day.slots:
        if slot.lesson:
            name, left_out = f"[{slot.lesson.title}](../{lang}/{slot.lesson.stem}.ipynb)", slot.lesson.optional_minutes
            table.append(f"| {_clock(slot.start)} | {name} | {slot.minutes} | {left_out or ''} |")
        else:
            table.append(f"| {_clock(slot.start)} | {activity[slot.kind]} | {slot.minutes} | |")
    table.append(f"| {_clock(day.end)} | *{_('End')}* | | |")
    out = ["\n".join(table), "\n".join(f"- {line}" for line in totals(lessons, day))]
    for part, sentence in (
        ("pre-work", _("Pre-work, to send a week ahead with the setup instructions: {lessons}.")),
        ("optional", _("Optional, for a room that is ahead or for after the workshop: {lessons}.")),
    ):
        names = [lesson.title for lesson in lessons if lesson.part == part]
        if names:
            out.append(sentence.format(lessons="; ".join(names)))
    return "\n\n".join(out)


def _part_sentence(lesson: Lesson) -> str:
    if lesson.optional_minutes:
        return _('Part: {part}. The day leaves out {minutes} minutes of it: see "If the room is behind".').format(
            part=part_name(lesson.part), minutes=num(lesson.optional_minutes)
        )
    return _("Part: {part}.").format(part=part_name(lesson.part))


def _behind() -> str:
    return "\n\n".join(
        [
            _(
                'The schedule above already leaves out the optional part of each core lesson. Each lesson\'s section below says which part, under "If the room is behind", and what to drop or give as homework next.'
            ),
            _(
                "Decide at each break, never in the middle of a lesson: look at the clock and at the sticky notes. When the room is 10 minutes or more behind, apply the next lesson's note. When it is 30 minutes or more behind at lunch, give lesson 09 as homework and close the day with lesson 08's key points."
            ),
            _(
                "Never cut the wrap-up and the survey: they take 15 minutes and tell you what to change next time. An exercise given as homework keeps its check: learners run it at home and get the same feedback."
            ),
        ]
    )


def _sticky_notes() -> str:
    return "\n\n".join(
        [
            _(
                'Give every learner two sticky notes of different colours at setup: a green one and a red (or pink) one. Green on the laptop lid means "done, all is well"; red means "I am stuck". Helpers walk to the red notes without being called, and the instructor looks at the room before moving on: go on when most notes are green.'
            ),
            _(
                "In an exercise, learners take their notes down when it starts and put up the green one when their check prints ✓: the green notes tell you when to close the exercise, the red ones where to send a helper."
            ),
            _(
                "One-minute feedback, at lunch and at the end: each learner writes one thing that went well on the green note and one thing to change on the red note, and leaves both at the door. Read them during lunch and adjust the afternoon."
            ),
            _(
                "On a hub or online, use the equivalents: a reaction or the raised hand of the video call (a check mark for green, a raised hand for red), or a shared document with one line per learner where they write ✓ or their question. The one-minute feedback goes in the same document."
            ),
        ]
    )


def _typing_along(lang: str) -> str:
    return "\n\n".join(
        [
            _(
                'Each lesson\'s section lists, under "Live coding", the cells worth typing in front of the room: type them slowly, say each symbol aloud, and let learners type along. A typo is welcome: reading the error together is part of the lesson.'
            ),
            _(
                "For typing along, give learners a copy of the lessons without outputs, where those cells are empty and the solutions are left out:"
            ),
            f"```bash\npython -m course typealong --lang {lang} --output typealong/{lang}\n```",
            _(
                "Between lessons, show `keypoints.{lang}.html` (next to this guide) on the projector: one screen per lesson with its objectives and key points in large type; it prints one page per lesson. The pre- and post-workshop survey is `survey.{lang}.md`, next to this guide too."
            ).format(lang=lang),
        ]
    )


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _checklist(lang: str) -> str:
    items = [
        _(
            "Install once per machine: `python3 scripts/lab.py {lang}` (`py scripts\\lab.py {lang}` on Windows) sets everything up and opens the course; the setup page (`lessons/{lang}/setup.md`) gives the routes without admin rights."
        ).format(lang=lang),
        _(
            "Or hand out a link: Binder or JupyterHub (`python -m course links`), or the static JupyterLite site (`python -m course lite`)."
        ),
        _(
            "A week ahead, send learners the setup page (`lessons/{lang}/setup.md`) and ask them to run `python -m course check` and send you its output, copied as text: every line should start with ✓ or !, and each ✗ line says what to fix."
        ).format(lang=lang),
        _(
            "Run `python -m course check` beforehand on the room's machines, or in the hub's image: it exits with an error when something a lesson needs is missing."
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
    """The guide's paragraph on solutions: where learners find them, and how to hold them back and release them."""
    build = f"python -m course build --without-solutions --lang {lang} --output workshop"
    with language(lang):
        return "\n\n".join(
            [
                _(
                    'Each exercise is followed by its solution, collapsed under a line that reads "{label}": learners click it to show the code, and copy it into the exercise cell to run it through the same check. A solution is text, not a code cell: running all cells ({menu}) never runs it, so every exercise cell prints its hint until the learner answers it, and no ✓ under an exercise gives its solution away.'
                ).format(
                    label=_("Solution of exercise {id} (click to show it)").format(id="04.1"),
                    menu=menu_path("Run", "Run All Cells", lang),
                ),
                _(
                    "`lessons/{lang}/solutions.ipynb` holds every solution of the course, each with the ✓ its check prints: the build runs them all and refuses to write it if one fails. Open it on the projector to go through the answers."
                ).format(lang=lang),
                _(
                    "To hold the solutions back until after the exercises, hand out the lessons without them. On laptops, learners start with `python -m course lab --lang {lang} --without-solutions`. To release the solutions, they run `python -m course lab --lang {lang}` again: it brings `solutions.ipynb` and the solutions under the exercises of every lesson they have not edited; an edited lesson keeps their version, and `solutions.ipynb` has them all."
                ).format(lang=lang),
                _(
                    "On a hub, serve a branch built without solutions: the build writes `workshop/lessons/{lang}/`, the course's own layout, and git makes it a branch that the hub pulls with nbgitpuller (push it where the hub can reach it, and make the links with `python -m course links --branch workshop`):"
                ).format(lang=lang),
                "```bash\n"
                f"{build}\n"
                "git -C workshop init -b workshop\n"
                "git -C workshop add lessons\n"
                'git -C workshop commit -m "Lessons without solutions"\n'
                'python -m course hub --repo "$PWD/workshop" --branch workshop\n```',
                _(
                    "To release the solutions, add `solutions.ipynb` to that branch; learners click their link again, and nbgitpuller brings the new file and keeps their edits:"
                ),
                "```bash\n"
                f"cp lessons/{lang}/solutions.ipynb workshop/lessons/{lang}/\n"
                f"git -C workshop add lessons/{lang}/solutions.ipynb\n"
                'git -C workshop commit -m "Solutions"\n```',
            ]
        )


def handout_notebook(lang: str):
    """Every exercise of the course in ``lang``, as a notebook: per lesson its title, then each exercise's id,
    statement (the markdown cell before it that names its id) and code to complete."""
    cells = []
    with language(lang):
        cells.append(nbformat.v4.new_markdown_cell("# " + _("Exercises")))
        for _stem, nb in translated_lessons(lang):
            cells.append(nbformat.v4.new_markdown_cell("## " + _title_and_rest(_tagged(nb, "objectives")[0])[0]))
            for i, cell in enumerate(nb.cells):
                if "exercise" not in cell.metadata.get("tags", []):
                    continue
                ids = EXERCISE_ID.findall(cell.source)
                cells.append(nbformat.v4.new_markdown_cell(f"**{', '.join(ids)}**\n\n{statement(nb, i, ids)}"))
                cells.append(nbformat.v4.new_code_cell(cell.source))
    return finish(cells, {}, "exercises")  # stable cell ids: building twice writes the same handout


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


PROJECTOR_CSS = """<style>
.text_cell_render { font-size: 26px; line-height: 1.45; }
.text_cell_render h1 { font-size: 44px; }
.text_cell_render h2 { font-size: 32px; }
div.cell { min-height: 95vh; break-after: page; page-break-after: always; }
@media print { div.cell { min-height: 0; } .text_cell_render { font-size: 18pt; } }
</style>
"""


def keypoints_notebook(lang: str):
    """One markdown cell per lesson, in ``lang``: its title, objectives and key points."""
    cells = []
    with language(lang):
        for _stem, nb in translated_lessons(lang):
            title, objectives = _title_and_rest(_tagged(nb, "objectives")[0])
            keys = [_title_and_rest(k)[1] or k for k in _tagged(nb, "key-points")]
            text = [f"# {title}", "## " + _("Objectives"), objectives, "## " + _("Key points"), *keys]
            cells.append(nbformat.v4.new_markdown_cell("\n\n".join(text)))
    return finish(cells, {}, "keypoints")


def projector(lang: str) -> str:
    """The key points as a projector view in ``lang``: one screen (one printed page) per lesson, large type, maths
    typeset by MathJax as in the handouts."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="classic")
    with language(lang):
        body, _resources = exporter.from_notebook_node(
            keypoints_notebook(lang), resources={"metadata": {"name": _("Key points")}}
        )
    body = re.sub(r'<html lang="[^"]*">', f'<html lang="{lang.replace("_", "-")}">', body, count=1)
    return body.replace("</head>", PROJECTOR_CSS + "</head>", 1)


def survey(lang: str) -> str:
    """The pre- and post-workshop survey in ``lang`` (Markdown): background and confidence before, the same
    confidence after with two open questions, and how to run and compare it without any external service."""
    with language(lang):
        scale = _("never / a little / often")
        background = [
            _("Have you written programs in Python?"),
            _("Have you multiplied matrices with numpy's `@`?"),
            _("Have you computed a derivative with the chain rule?"),
        ]
        confidence = [
            _("I can compute $z^l$ and $a^l$ from $W^l$, $b^l$ and $a^{l-1}$."),
            _("I can compute $dW^l$ from $dz^l$ and $a^{l-1}$."),
            _("I can say what the learning rate $\\alpha$ does, and what happens when it is too large."),
        ]
        before = [f"{k}. {q} ({scale})" for k, q in enumerate(background, start=1)]
        before += [f"{k}. {q}" for k, q in enumerate(confidence, start=len(background) + 1)]
        after = [f"{k}. {q}" for k, q in enumerate(confidence, start=1)]
        after += [
            f"{len(confidence) + 1}. " + _("One thing that helped you learn today."),
            f"{len(confidence) + 2}. " + _("One thing we should change."),
        ]
        rate = _("For each statement, answer from 1 (not at all) to 5 (completely).")
        out = [
            "# " + _("Workshop survey"),
            _(
                "Ask these questions at the start of the day, during setup, and again during the wrap-up. They take five minutes and need no external service."
            ),
            "## " + _("Before the workshop"),
            rate,
            "\n".join(before),
            "## " + _("After the workshop"),
            rate,
            "\n".join(after),
            "## " + _("How to run it"),
            _(
                "On paper: print this page or write the questions on the board. Each learner answers on an index card without their name, keeps it during the day and answers the questions after the workshop on its back, so that before and after stay paired; collect the cards at the door."
            ),
            _(
                "With a show of hands or sticky notes: read each statement aloud and ask learners to hold up 1 to 5 fingers, or to stick a note on a 1-to-5 line drawn on the board; count the answers of 4 and 5. On a hub or online, use a shared document with one line per learner."
            ),
            "## " + _("Comparing before and after"),
            _(
                "For each confidence statement, count how many learners answered 4 or 5 before and after, and write down the median of each. A statement whose count hardly moves points at the lesson to change; the open answers say what to keep and what to change next time."
            ),
        ]
    return "\n\n".join(out) + "\n"


def typealong(lang: str, output: Path) -> list[Path]:
    """Copies of the lessons in ``lang`` for typing along with the instructor, written into ``output``: no outputs
    and no execution counts, the solutions left out, and the cells tagged ``live`` empty for the learner to type as
    the instructor does; every other cell is the lesson's own. Returns the paths written."""
    output.mkdir(parents=True, exist_ok=True)
    written = []
    notebooks = [(path.stem, notebook_text(path, lang, solutions=False)) for path in sources()]
    for stem, nb in [*notebooks, ("glossary", glossary_notebook(lang))]:
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
                if "live" in cell.metadata.get("tags", []):
                    cell.source = ""
        nbformat.write(nb, output / f"{stem}.ipynb")
        written.append(output / f"{stem}.ipynb")
    return written


def write_instructor_material(langs=LANGUAGES, folder: Path = INSTRUCTOR) -> list:
    """Write the guide (``guide.<lang>.md``), the exercise handouts (``exercises.<lang>.html``), the projector view
    (``keypoints.<lang>.html``) and the survey (``survey.<lang>.md``) into ``lessons/instructor/``; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in langs:
        for name, make in (
            (f"guide.{lang}.md", instructor_guide),
            (f"exercises.{lang}.html", handout),
            (f"keypoints.{lang}.html", projector),
            (f"survey.{lang}.md", survey),
        ):
            (folder / name).write_text(make(lang), encoding="utf-8")
            written.append(folder / name)
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
