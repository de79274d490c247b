"""Where the course's own files are: the folders of a checkout, or the copies that a wheel carries.

In a checkout, ``lessons/`` and ``locales/`` sit next to the package, where translators and
authors edit them; an editable install (``pip install -e .``) runs the checkout's package, so it
uses them too. An installed wheel carries the same folders inside the package
(``course/lessons``, ``course/locales``: see ``[tool.setuptools]`` in pyproject.toml), so the
course runs, lists its lessons and copies them for a learner without the source tree.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
CHECKOUT = PACKAGE.parent
# The package sits in a source tree (a clone, or an editable install of one), not in site-packages.
IN_CHECKOUT = (CHECKOUT / "pyproject.toml").is_file()


def folder(name: str) -> Path:
    """The course's folder ``name`` (``"lessons"``, ``"locales"``): the checkout's if there is one."""
    here = CHECKOUT / name
    if IN_CHECKOUT and here.is_dir():
        return here
    return PACKAGE / name


LESSONS = folder("lessons")
LOCALES = folder("locales")
