"""The printed exercise handouts, as a learner reads them: every exercise with its statement, maths intact."""

from __future__ import annotations

import html
import re

import pytest

from course.exercises import EXERCISES
from course.files import LESSONS
from course.i18n import LANGUAGES
from course.tools.workshop import handout_notebook

MATH = re.compile(r"\$\$.+?\$\$|\$[^$\n]+\$", re.S)


def blocks(page: str) -> dict[str, str]:
    """Exercise id → the text of the handout from its bold id to the next one (HTML unescaped, tags kept)."""
    parts = re.split(r"<strong>(\d\d\.\d)</strong>", page)
    return {id: html.unescape(text) for id, text in zip(parts[1::2], parts[2::2], strict=True)}


def statements(lang: str) -> dict[str, str]:
    """Exercise id → its statement, as the handout's notebook holds it (the Markdown before rendering)."""
    cells = handout_notebook(lang).cells
    found = {}
    for cell in cells:
        head = re.match(r"\*\*(\d\d\.\d)\*\*\n\n", cell.source)
        if head:
            found[head.group(1)] = cell.source[head.end() :]
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_exercise_is_printed_with_its_statement_and_its_maths(lang):
    page = (LESSONS / "instructor" / f"exercises.{lang}.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang.replace("_", "-")}"' in page
    printed, written = blocks(page), statements(lang)
    assert sorted(printed) == sorted(written) == sorted(EXERCISES)
    for id, statement in written.items():
        prose = re.sub(r"<[^>]+>", " ", printed[id])
        assert re.search(rf"\b{re.escape(id)}\b", statement), (lang, id)  # the statement is the exercise's own
        assert len(MATH.sub("", statement).split()) >= 12, (lang, id, statement)
        for math in MATH.findall(statement):  # typeset by MathJax from the source, never rewritten
            assert math in printed[id], (lang, id, math)
        assert re.search(r"check\s*\(", prose), (lang, id)  # the code to complete follows the statement


def test_the_handout_finds_a_statement_for_an_exercise_after_other_cells():
    statement = statements("en")["05.3"]  # a code cell with the gradient check stands between them
    assert "**Exercise 05.3.**" in statement and "mystery_backward" in statement


# --- A day that fits: the schedule, course list, the guide, the projector view, the survey, type-along copies ---

import itertools  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402

import jupytext  # noqa: E402
import nbformat  # noqa: E402

from course.tools.build import sources, translated_lessons  # noqa: E402
from course.tools.workshop import (  # noqa: E402
    BREAK_EVERY,
    DAY,
    Day,
    Lesson,
    Slot,
    _tagged,
    _title_and_rest,
    day_plan,
    instructor_guide,
    outline,
    projector,
    survey,
    write_instructor_material,
)


def day_problems(day: Day) -> list[str]:
    """What an instructor would object to in a 6-hour day: empty when it is a day they can run."""
    problems = []
    kinds = [slot.kind for slot in day.slots]
    if kinds[0] != "setup" or kinds[-1] != "wrap-up" or kinds.count("lunch") != 1:
        problems.append(f"setup first, one lunch, wrap-up last: {kinds}")
    if day.length > DAY:
        problems.append(f"{day.length} minutes is more than 6 hours")
    if not 230 <= day.teachable <= 270:
        problems.append(f"{day.teachable} teachable minutes, not 230 to 270")
    for one, two in itertools.pairwise(day.slots):
        if two.start != one.end:
            problems.append(f"{one.kind} ends at {one.end}, {two.kind} starts at {two.start}")
    lessons = [slot for slot in day.slots if slot.kind == "lesson"]
    for rest in day.of("break") + day.of("lunch"):
        for lesson in lessons:
            if lesson.start < rest.end and rest.start < lesson.end:
                problems.append(f"a {rest.kind} at {rest.start} falls inside {lesson.lesson.stem}")
    worked = 0
    for slot in day.slots:
        worked = worked + slot.minutes if slot.kind == "lesson" else 0 if slot.kind in ("break", "lunch") else worked
        if worked > BREAK_EVERY:
            problems.append(f"{worked} minutes of lessons without a break, up to {slot.lesson.stem}")
    if not 1 <= len(day.of("break")) <= 3:
        problems.append(f"{len(day.of('break'))} short breaks")
    return problems


def test_the_day_fits_six_hours_with_setup_lunch_breaks_and_wrap_up():
    lessons = outline("en")
    day = day_plan(lessons)
    assert day_problems(day) == [] and day.fits
    (lunch,) = day.of("lunch")
    assert 45 <= lunch.minutes <= 60 and 11 * 60 + 30 <= lunch.start <= 12 * 60 + 30  # lunch near the middle
    assert [s.lesson.stem[:2] for s in day.slots if s.lesson] == [f"{k:02d}" for k in range(1, 10)]
    assert {lesson.stem[:2]: lesson.part for lesson in lessons if lesson.part != "core"} == {
        "00": "pre-work",
        "10": "optional",
        "11": "optional",
    }


def test_a_day_with_every_lesson_core_does_not_fit_and_both_checks_say_so():
    every = [Lesson(x.stem, x.title, x.teaching, x.exercises) for x in outline("en")]
    day = day_plan(every)
    assert not day.fits and day.teachable == 435
    assert any("more than 6 hours" in p for p in day_problems(day))
    assert any("teachable minutes" in p for p in day_problems(day))


def test_a_break_never_falls_inside_a_lesson_and_the_check_sees_one_that_does():
    day = day_plan(outline("en"))
    for rest in day.of("break") + day.of("lunch"):
        before = next(s for s in day.slots if s.end == rest.start)
        assert before.kind in ("lesson", "setup")  # a rest starts when a lesson ends
    lesson = day.of("lesson")[3]
    inside = Slot(lesson.start + 10, 10, "break")
    wrong = Day(tuple(sorted([*day.slots, inside], key=lambda s: (s.start, s.kind != "break"))), day.limit)
    assert any("falls inside" in p for p in day_problems(wrong))


def course_list(lang: str) -> str:
    run = subprocess.run(
        [sys.executable, "-m", "course", "list", "--lang", lang], capture_output=True, text=True, check=True
    )
    return run.stdout


def same_totals(listed: str, guide: str) -> list[str]:
    """The totals that ``course list`` prints (the lines after its table) that the guide does not print, and the
    day's end time when the guide's timetable ends elsewhere."""
    table_end = max(i for i, line in enumerate(listed.splitlines()) if re.search(r"\s\d+\s*$", line))
    lines = listed.splitlines()[table_end + 1 :]
    missing = [line for line in lines if line not in guide]
    end = re.findall(r"\b\d{1,2}:\d\d\b", lines[-1])[-1]
    last_row = [row for row in guide.splitlines() if row.startswith("| ")][-1]
    if not last_row.startswith(f"| {end} |"):
        missing.append(f"the timetable ends with {last_row}, not at {end}")
    return missing


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "es"])
def test_course_list_and_the_guide_print_the_same_totals(lang):
    listed, guide, lessons = course_list(lang), instructor_guide(lang), outline(lang)
    assert len(listed.splitlines()) == 1 + len(lessons) + 3  # header, one row per lesson, three totals
    for lesson in lessons:
        assert re.search(
            rf"^{re.escape(lesson.title)}\s+\S.*?\s+{lesson.teaching}\s+{lesson.exercises}\b", listed, re.M
        )
    assert same_totals(listed, guide) == []
    assert "255" in listed.splitlines()[-3] and "14:50" in listed.splitlines()[-1]
    # a guide whose day ends elsewhere, or whose totals differ, is caught
    assert same_totals(listed, guide.replace("| 14:50 |", "| 18:10 |")) != []
    assert same_totals(listed, guide.replace("255", "330")) != []


def lesson_sections(guide: str) -> dict[str, str]:
    """Lesson number → its section of the guide."""
    return {m.group(1): m.group(0) for m in re.finditer(r"^## (\d\d)\. .*?(?=^## |\Z)", guide, re.M | re.S)}


def behind_note(section: str) -> str:
    """The text under the section's third-level heading that follows its live-coding list or key points."""
    headings = re.split(r"^### .*$", section, flags=re.M)
    names = re.findall(r"^### (.*)$", section, flags=re.M)
    found = [text.strip() for name, text in zip(names, headings[1:], strict=True) if name == "If the room is behind"]
    return found[0] if found else ""


def test_every_lesson_says_what_to_drop_when_the_room_is_behind():
    sections = lesson_sections(instructor_guide("en"))
    assert sorted(sections) == [f"{k:02d}" for k in range(12)]
    for lesson in outline("en"):
        note = behind_note(sections[lesson.stem[:2]])
        assert len(note.split()) >= 25, (lesson.stem, note)
        if lesson.optional_minutes:  # the note names the minutes that the header leaves out of the day
            assert f"({lesson.optional_minutes} minutes)" in note, (lesson.stem, note)
    assert behind_note(sections["04"].replace("### If the room is behind", "### Notes")) == ""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_lesson_has_a_behind_section_and_core_lessons_list_their_live_cells(lang):
    sections = lesson_sections(instructor_guide(lang))
    for stem, nb in translated_lessons(lang):
        live = [c for c in nb.cells if "live" in c.metadata.get("tags", [])]
        assert _tagged(nb, "behind") and all(t in sections[stem[:2]] for t in _tagged(nb, "behind")), (lang, stem)
        core = nb.metadata["course"]["part"] == "core"
        assert (2 <= len(live) <= 4) if core else not live, (lang, stem, len(live))
        for cell in live:
            assert not {"exercise", "solution"} & set(cell.metadata.get("tags", []))
            assert any(line.strip() in sections[stem[:2]] for line in cell.source.splitlines()), (lang, stem)


def plain(markdown: str) -> str:
    """The text of a Markdown key point as a reader sees it: no bullet, bold, backticks or link targets."""
    markdown = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    markdown = re.sub(r"^\s*[-*] ", "", markdown, flags=re.M)
    return re.sub(r"\s+", " ", markdown.replace("**", "").replace("`", "")).strip()


def missing_key_points(page: str, lang: str) -> list[str]:
    text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", page)))
    missing = []
    for _stem, nb in translated_lessons(lang):
        for cell in _tagged(nb, "key-points"):
            for item in re.split(r"\n(?=- )", _title_and_rest(cell)[1]):
                if plain(item) not in text:
                    missing.append(plain(item))
    return missing


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_projector_view_shows_every_key_point_one_lesson_per_screen(lang):
    page = projector(lang)
    assert f'<html lang="{lang.replace("_", "-")}"' in page and "MathJax" in page
    assert page.count("<h1") == len(sources()) and "page-break-after: always" in page
    assert missing_key_points(page, lang) == []
    without_the_last_lesson = "<h1".join(page.split("<h1")[:-1])
    assert len(missing_key_points(without_the_last_lesson, lang)) >= 3


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_survey_asks_the_same_confidence_questions_before_and_after(lang):
    text = survey(lang)
    before, after = re.split(r"^## ", text, flags=re.M)[1:3]
    asked_before = re.findall(r"^\d\. (.*)$", before, re.M)
    asked_after = re.findall(r"^\d\. (.*)$", after, re.M)
    assert len(asked_before) == 6 and len(asked_after) == 5
    assert asked_before[3:] == asked_after[:3]  # the confidence statements, word for word
    assert "$dW^l$" in text and "$dz^l$" in text and "$a^{l-1}$" in text and "`@`" in text


def test_the_build_writes_the_guide_handouts_projector_view_and_survey(tmp_path):
    written = write_instructor_material(["es"], tmp_path)
    assert sorted(p.name for p in written) == sorted(
        ["guide.es.md", "exercises.es.html", "keypoints.es.html", "survey.es.md"]
    )
    assert all(p.stat().st_size > 1000 for p in written)


def test_building_the_instructor_material_twice_writes_the_same_files(tmp_path):
    """A rebuild that changed nothing changes no file (cell ids in the handouts were random before)."""
    first = {p.name: p.read_bytes() for p in write_instructor_material(["fr"], tmp_path / "1")}
    second = {p.name: p.read_bytes() for p in write_instructor_material(["fr"], tmp_path / "2")}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def typealong_problems(copy, source) -> list[str]:
    """How a type-along copy differs from what was promised: no outputs nor execution counts, the live cells
    empty, no solutions, every other code cell the lesson's own (after the build's first cell)."""
    problems = [f"output in {c.id}" for c in copy.cells if c.get("outputs") or c.get("execution_count")]
    code = [c.source for c in copy.cells if c.cell_type == "code"]
    lesson = [c for c in source.cells if c.cell_type == "code" and "solution" not in c.metadata.get("tags", [])]
    wanted = ["" if "live" in c.metadata.get("tags", []) else c.source for c in lesson]
    if code[1:] != wanted:
        problems.append("code cells differ from the lesson's")
    if any("solution" in c.metadata.get("tags", []) for c in copy.cells):
        problems.append("a solution is left in")
    return problems


@pytest.mark.slow
def test_the_typealong_copy_has_no_outputs_no_solutions_and_empty_live_cells(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "course", "typealong", "--lang", "es", "--output", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    for path in sources():
        copy = nbformat.read(tmp_path / f"{path.stem}.ipynb", as_version=4)
        source = jupytext.read(path, fmt="py:percent")
        assert typealong_problems(copy, source) == [], path.stem
        live = [c for c in copy.cells if c.cell_type == "code" and "live" in c.metadata.get("tags", [])]
        assert all(c.source == "" for c in live) and len(live) == len(
            [c for c in source.cells if "live" in c.metadata.get("tags", [])]
        )
        assert "Ejercicio" in "".join(c.source for c in copy.cells) or path.stem.startswith(("00", "10", "11"))
    assert (tmp_path / "glossary.ipynb").is_file()
    typed = nbformat.read(tmp_path / "04_output_layer.ipynb", as_version=4)
    next(c for c in typed.cells if "live" in c.metadata.get("tags", [])).source = "da2 = net.a[2] - y"
    assert typealong_problems(typed, jupytext.read(sources(["04"])[0], fmt="py:percent"))  # a live cell not empty
    built = nbformat.read(LESSONS / "es" / "04_output_layer.ipynb", as_version=4)  # a real notebook with outputs
    assert typealong_problems(built, jupytext.read(sources(["04"])[0], fmt="py:percent"))


def test_a_header_with_an_unknown_part_is_refused_with_the_file_named():
    from course.i18n import CourseError
    from course.tools.workshop import _lesson

    nb = jupytext.read(sources(["08"])[0], fmt="py:percent")
    assert _lesson("08_many_examples", nb).in_day == 25
    nb.metadata["course"]["part"] = "essential"
    with pytest.raises(CourseError, match=r"lessons/src/08_many_examples\.py.*essential"):
        _lesson("08_many_examples", nb)
    nb.metadata["course"].update(part="core", optional_minutes=45)  # the whole lesson left out: not a part
    with pytest.raises(CourseError, match="optional_minutes: 45"):
        _lesson("08_many_examples", nb)
