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
