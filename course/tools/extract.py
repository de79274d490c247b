"""Babel extractor for lesson sources (``lessons/src/NN_*.py``, jupytext py:percent).

Every paragraph of a markdown cell is one message, so a translator always translates
whole paragraphs; a paragraph made only of maths, code or markup is not a message.
Code cells are Python: their ``_()``, ``ngettext()``, ``pgettext()`` calls are extracted
with Babel's own Python extractor. Registered as ``course_lesson`` under the
``babel.extractors`` entry point (see pyproject.toml).
"""

from __future__ import annotations

import io
import re

import jupytext
from babel.messages.extract import extract_python

from ..i18n import translations

# Maths, inline code, links' targets, HTML tags: never translated, compared by the checks.
PROTECTED = re.compile(
    r"\$\$.+?\$\$|\$[^$\n]+?\$|\\\(.+?\\\)|`[^`\n]+`|\]\([^)\s]*\)|<[^>\n]+>|https?://\S+",
    re.DOTALL,
)
_FENCE = re.compile(r"^(```|~~~)")


def paragraphs(markdown: str) -> list[str]:
    """The blank-line separated blocks of a markdown cell (a fenced code block stays whole)."""
    blocks, current, fenced = [], [], False
    for line in markdown.split("\n"):
        if _FENCE.match(line.strip()):
            fenced = not fenced
        if not line.strip() and not fenced:
            if current:
                blocks.append("\n".join(current))
            current = []
        else:
            current.append(line)
    if current:
        blocks.append("\n".join(current))
    return blocks


def mask(text: str, replacement: str = " ") -> str:
    """``text`` with maths, code, link targets and tags replaced by ``replacement``."""
    return PROTECTED.sub(replacement, text)


def is_translatable(paragraph: str) -> bool:
    """A paragraph with at least one word outside maths, code and markup."""
    if _FENCE.match(paragraph.strip()):
        return False
    return re.search(r"[^\W\d_]{2,}", mask(paragraph)) is not None


def translate_markdown(source: str, lang: str) -> str:
    """Every translatable paragraph of ``source`` replaced by its translation."""
    gettext = translations(lang).gettext
    return "\n\n".join(gettext(p) if is_translatable(p) else p for p in paragraphs(source))


def markdown_messages(notebook):
    """(cell index, paragraph) for every translatable paragraph of the notebook's markdown cells."""
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "markdown":
            for paragraph in paragraphs(cell.source):
                if is_translatable(paragraph):
                    yield index, paragraph


def extract_lesson(fileobj, keywords, comment_tags, options):
    """Yield ``(lineno, funcname, message, comments)`` for Babel, markdown first, then code."""
    text = fileobj.read().decode(options.get("encoding", "utf-8"))
    lines = text.split("\n")
    notebook = jupytext.reads(text, fmt="py:percent")
    position = 0
    for index, paragraph in markdown_messages(notebook):
        first = "# " + paragraph.split("\n", 1)[0]
        while position < len(lines) and lines[position].rstrip() != first.rstrip():
            position += 1
        lineno = position + 1 if position < len(lines) else 1
        tags = notebook.cells[index].metadata.get("tags", [])
        comment = f"markdown, cell {index + 1}" + (f" ({', '.join(tags)})" if tags else "")
        yield lineno, None, paragraph, [comment]
    yield from extract_python(io.BytesIO(text.encode("utf-8")), keywords, comment_tags, options)


def extract_page(fileobj, keywords, comment_tags, options):
    """Yield ``(lineno, funcname, message, comments)`` for Babel: every translatable paragraph of a page
    (``lessons/src/pages/*.md``, plain markdown), split as a lesson's markdown is."""
    text = fileobj.read().decode(options.get("encoding", "utf-8"))
    position = 0
    for paragraph in paragraphs(text):
        position = text.index(paragraph, position)
        if is_translatable(paragraph):
            yield text.count("\n", 0, position) + 1, None, paragraph, ["markdown, page"]
        position += len(paragraph)
