"""Where the course's own files are: the folders of a checkout, or the copies that a wheel carries.

In a checkout, ``lessons/`` and ``locales/`` sit next to the package, where translators and
authors edit them; an installed wheel carries the same folders inside the package
(``course/lessons``, ``course/locales``), so the course runs, and copies its lessons for a
learner, without the source tree.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
CHECKOUT = PACKAGE.parent


def folder(name: str) -> Path:
    """The course's folder ``name`` (``"lessons"``, ``"locales"``): the checkout's if there is one."""
    here = CHECKOUT / name
    if (CHECKOUT / "pyproject.toml").is_file() and here.is_dir():
        return here
    return PACKAGE / name


LESSONS = folder("lessons")
LOCALES = folder("locales")
