"""Shared test fixtures: every test starts and ends in English; ``marked`` shows what is translated."""

import pytest

from course import i18n
from course.i18n import set_language


class Marked:
    """A fake catalog: every message comes back between ‹ and ›, so an untranslated one shows."""

    def gettext(self, message):
        return f"‹{message}›"

    def ngettext(self, singular, plural, n):
        return f"‹{singular if n == 1 else plural}›"

    def pgettext(self, context, message):
        return f"‹{message}›"

    def npgettext(self, context, singular, plural, n):
        return self.ngettext(singular, plural, n)


@pytest.fixture(autouse=True)
def english():
    """Each test starts and ends in English."""
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def marked(monkeypatch):
    monkeypatch.setattr(i18n, "translations", lambda lang: Marked())
    set_language("fr")
