"""Translation runtime: one course, four languages (lesson 00).

``set_language("fr")`` switches every message, label, number and tick of the course.
Catalogs are read straight from ``locales/<lang>/LC_MESSAGES/*.po`` (no compile step, so
a learner never runs stale ``.mo`` files and a translator sees a change at once).
"""

from __future__ import annotations

import io
import math
import os
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent
from babel.support import NullTranslations, Translations

LANGUAGES = ("en", "fr", "es", "pt_BR")
SOURCE_LANGUAGE = "en"
ENV_VARIABLE = "COURSE_LANG"
LOCALES = Path(__file__).resolve().parent.parent / "locales"
if not LOCALES.is_dir():  # installed without the source tree: catalogs shipped as data
    LOCALES = Path(__file__).resolve().parent / "locales"

_ALIASES = {"pt": "pt_BR", "pt_br": "pt_BR", "fr_fr": "fr", "es_es": "es", "en_us": "en", "en_gb": "en"}


class CourseError(Exception):
    """An error whose message is already a sentence in the learner's language."""


class LanguageError(CourseError, ValueError):
    pass


def N_(message: str) -> str:
    """Mark a message for extraction; translate it later with ``_()``."""
    return message


def normalize(code: str) -> str:
    """``"pt-BR"`` → ``"pt_BR"``; raises :class:`LanguageError` for an unknown code."""
    key = str(code).strip().replace("-", "_")
    if key in LANGUAGES:
        return key
    key = _ALIASES.get(key.lower(), key.lower())
    for lang in LANGUAGES:
        if lang.lower() == key.lower():
            return lang
    raise LanguageError(
        _("Unknown language {code!r}: choose one of {languages}.").format(code=code, languages=", ".join(LANGUAGES))
    )


@cache
def translations(lang: str) -> NullTranslations:
    """Every domain of one language as one gettext catalog (fuzzy entries are skipped)."""
    if lang == SOURCE_LANGUAGE:
        return NullTranslations()
    merged = Catalog(locale=lang)
    folder = LOCALES / lang / "LC_MESSAGES"
    # The package's catalog comes last, so the glossary's wording wins for a shared message.
    for po in sorted(folder.glob("*.po"), key=lambda p: (p.stem == "course", p.stem)):
        with po.open("rb") as fp:
            for message in read_po(fp, locale=lang):
                if message.id and message.string and not message.fuzzy:
                    merged[message.id] = message
    mo = io.BytesIO()
    write_mo(mo, merged)
    mo.seek(0)
    return Translations(mo)


_current = SOURCE_LANGUAGE


def set_language(code: str) -> str:
    """Choose the language of everything the course shows; returns its normalized code."""
    global _current
    _current = normalize(code)
    return _current


def get_language() -> str:
    return _current


@contextmanager
def language(code: str):
    """``with language("fr"): ...`` runs a block in another language, then restores the current one."""
    previous = _current
    set_language(code)
    try:
        yield
    finally:
        set_language(previous)


def _(message: str) -> str:
    return translations(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(_current).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return translations(_current).pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return translations(_current).npgettext(context, singular, plural, n)


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript(k: int) -> str:
    """``superscript(-6)`` is ``"⁻⁶"``: exponents and layer numbers in plain text (a², 10⁻⁶)."""
    return str(k).translate(_SUPERSCRIPT)


def percent(fraction: float) -> str:
    """``percent(0.84)`` is ``84%`` in English, ``84 %`` in French."""
    return format_percent(fraction, locale=_locale(_current))


def num(x: float, digits: int = 4) -> str:
    """``x`` written for the current language with ``digits`` significant digits.

    ``num(0.05)`` is ``0.05`` in English and ``0,05`` in French; very small or very large
    values keep their digits as ``1,5 × 10⁻⁶`` instead of being rounded to ``0``.
    """
    x = float(x)
    if not math.isfinite(x):
        return {math.inf: "∞", -math.inf: "−∞"}.get(x, "NaN")
    if x == 0:
        return "0"
    exponent = math.floor(math.log10(abs(x)))
    if exponent < -4 or exponent >= 7:
        mantissa = x / 10.0**exponent
        if round(abs(mantissa), digits - 1) >= 10:
            mantissa, exponent = mantissa / 10, exponent + 1
        return f"{num(mantissa, digits)} × 10{superscript(exponent)}"
    decimals = max(0, digits - 1 - exponent)
    rounded = round(x, decimals)
    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    return format_decimal(rounded, format=pattern, locale=_locale(_current))


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


def tick_formatter():
    """A matplotlib formatter that writes tick labels with :func:`num`."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda x, _pos: num(x, 3))


set_language(os.environ.get(ENV_VARIABLE, SOURCE_LANGUAGE))
