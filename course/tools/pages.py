"""The course's pages: ``lessons/src/pages/<name>.md`` (English) → ``lessons/<lang>/<name>.md``.

A page is markdown that learners read before the lessons: how to set up a laptop (``setup``) and
what to know before coming (``prerequisites``). Each page is one catalog domain, named after it
(``locales/<lang>/LC_MESSAGES/setup.po``); every paragraph is one message, split exactly as a lesson's
markdown is (course/tools/extract.py), so code blocks, commands and URLs are never translated.
``python -m course build`` writes the pages of every language it builds, each command with the page's
own language code in it.
"""

from __future__ import annotations

from pathlib import Path

from ..files import LESSONS
from .extract import translate_markdown

PAGES = ("setup", "prerequisites")
PAGE_SOURCES = LESSONS / "src" / "pages"
# Written in a page's commands where the learner types their language: ``python3 scripts/lab.py {lang}``
# becomes ``python3 scripts/lab.py es`` on the Spanish page (after translation, so every catalog keeps it).
LANG = "{lang}"


def page_source(name: str) -> Path:
    """The English source of one page."""
    return PAGE_SOURCES / f"{name}.md"


def page_text(name: str, lang: str) -> str:
    """One page in one language: every translatable paragraph through the catalogs, the rest as written."""
    source = page_source(name).read_text(encoding="utf-8").rstrip("\n")
    return translate_markdown(source, lang).replace(LANG, lang) + "\n"


def write_pages(langs, output: Path = LESSONS) -> list[Path]:
    """Write ``<output>/<lang>/<page>.md`` for every page and language; returns the files written."""
    written = []
    for lang in langs:
        folder = Path(output) / lang
        folder.mkdir(parents=True, exist_ok=True)
        for name in PAGES:
            target = folder / f"{name}.md"
            target.write_text(page_text(name, lang), encoding="utf-8")
            written.append(target)
    return written
