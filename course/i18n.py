"""Translation runtime: one course, four languages (lesson 00).

``set_language("fr")`` switches every message, label, number and tick of the course.
Catalogs are read straight from ``locales/<lang>/LC_MESSAGES/*.po`` (no compile step, so
a learner never runs stale ``.mo`` files and a translator sees a change at once).

Plural forms follow each catalog's own ``Plural-Forms`` header, as msgfmt, Poedit and
Weblate do, never the plural data of whichever Babel release is installed. A catalog that
cannot be read, or a translation whose placeholders do not fit, costs the learner one
warning and that text in English: never a traceback.
"""

from __future__ import annotations

import gettext
import io
import math
import os
import re
import warnings
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from babel import Locale
from babel.messages.pofile import PoFileError, read_po
from babel.numbers import format_decimal, format_percent

from .files import LOCALES

LANGUAGES = ("en", "fr", "es", "pt_BR")
SOURCE_LANGUAGE = "en"
ENV_VARIABLE = "COURSE_LANG"

# Portuguese without a region is the course's Brazilian Portuguese.
_ALIASES = {"pt": "pt_BR"}


class CourseError(Exception):
    """An error whose message is already a sentence in the learner's language."""


class LanguageError(CourseError, ValueError):
    pass


class CourseWarning(UserWarning):
    """Something the learner should know, that does not stop the course (a broken catalog, an unknown language)."""


def N_(message: str) -> str:
    """Mark a message for extraction; translate it later with ``_()``."""
    return message


def _known(code: str) -> str | None:
    """The course language that ``code`` names (``pt-BR``, ``fr_FR.UTF-8``, ``es_MX``), or None."""
    key = re.split(r"[.@]", str(code).strip())[0].replace("-", "_").lower()
    for candidate in (key, key.split("_")[0]):  # the whole code, then its language: es_MX → es
        candidate = _ALIASES.get(candidate, candidate).lower()
        for lang in LANGUAGES:
            if lang.lower() == candidate:
                return lang
    return None


def normalize(code: str) -> str:
    """``"pt-BR"`` → ``"pt_BR"``, ``"fr_FR.UTF-8"`` → ``"fr"``; raises :class:`LanguageError` for an unknown code."""
    lang = _known(code)
    if lang is None:
        raise LanguageError(
            _("Unknown language {code!r}: choose one of {languages}.").format(code=code, languages=", ".join(LANGUAGES))
        )
    return lang


# --- catalogs ---------------------------------------------------------------------------------

_HEADER_PLURAL = re.compile(r'^"Plural-Forms:\s*([^"\\]*)', re.MULTILINE)
_PLURAL = re.compile(r"^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*$")

BROKEN_CATALOG = N_(
    "{file}:{line}: this catalog cannot be read ({problem}); its texts are shown in English until it is fixed."
)
BROKEN_TRANSLATION = N_(
    "{file}:{line}: the translation of {message!r} does not fit its placeholders ({problem}); the English text is shown instead."
)
UNKNOWN_ENVIRONMENT = (
    "{variable}={value!r} is not a language of the course ({languages}): the course is shown in English."
)


class CatalogProblem(ValueError):
    def __init__(self, line: int, problem: str):
        super().__init__(problem)
        self.line, self.problem = line, problem


def plural_rule(header_text: str):
    """The plural function of a catalog from its ``Plural-Forms`` header; GNU gettext's ``n != 1`` without one."""
    found = _HEADER_PLURAL.search(header_text)
    if found is None:
        return lambda n: int(n != 1)
    rule = _PLURAL.match(found.group(1))
    try:
        if rule is None:
            raise ValueError(f"not 'nplurals=N; plural=EXPRESSION;' but {found.group(1)!r}")
        return gettext.c2py(rule.group(2))
    except (ValueError, SyntaxError) as error:
        raise ValueError(f"Plural-Forms: {error}") from None


class Catalog:
    """One ``.po`` file as a gettext catalog, with the plural rule of its own header."""

    def __init__(self, path: Path):
        self.path = path
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise CatalogProblem(data.count(b"\n", 0, error.start) + 1, "not UTF-8") from None
        header = text.split("\n\n", 1)[0]
        try:
            self.plural = plural_rule(header)
            messages = read_po(io.StringIO(text), abort_invalid=True)
        except PoFileError as error:
            # Babel counts lines from 0 in its errors.
            raise CatalogProblem(getattr(error, "lineno", 0) + 1, str(error).split(" on ")[0]) from None
        except (ValueError, SyntaxError) as error:
            raise CatalogProblem(header.count("\n", 0, header.find("Plural-Forms")) + 1, str(error)) from None
        self.catalog, self.lines = {}, {}
        for message in messages:
            if not message.id or message.fuzzy:
                continue
            ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
            strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
            key = ids[0] if message.context is None else f"{message.context}\x04{ids[0]}"
            if len(ids) > 1:
                for index, string in enumerate(strings):
                    if string:
                        self.catalog[(key, index)] = string
            elif strings[0]:
                self.catalog[key] = strings[0]
            self.lines[ids[0]] = message.lineno


class Translations:
    """Every domain of one language: the package's catalog first (its wording wins), then the lessons'."""

    def __init__(self, lang: str):
        self.lang, self.catalogs, problems = lang, [], []
        folder = LOCALES / lang / "LC_MESSAGES"
        for po in sorted(folder.glob("*.po"), key=lambda p: (p.stem != "course", p.stem)):
            try:
                self.catalogs.append(Catalog(po))
            except CatalogProblem as error:
                problems.append((po, error))
        for po, error in problems:
            _warn(self, BROKEN_CATALOG, file=_shown(po), line=error.line, problem=error.problem)
        typeset = TYPOGRAPHY.get(lang)
        if typeset:  # translators type plain spaces; the learner reads the language's own
            for catalog in self.catalogs:
                catalog.catalog = {key: typeset(text) for key, text in catalog.catalog.items()}

    def _find(self, key):
        for catalog in self.catalogs:
            found = catalog.catalog.get(key)
            if found is not None:
                return found, catalog
        return None, None

    def gettext(self, message: str) -> str:
        found, catalog = self._find(message)
        return message if found is None else Translated(found, message, catalog)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        english = singular if n == 1 else plural
        for catalog in self.catalogs:
            found = catalog.catalog.get((singular, catalog.plural(n)))
            if found is not None:
                return Translated(found, english, catalog)
        return english

    def pgettext(self, context: str, message: str) -> str:
        found, catalog = self._find(f"{context}\x04{message}")
        return message if found is None else Translated(found, message, catalog)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        english = singular if n == 1 else plural
        for catalog in self.catalogs:
            found = catalog.catalog.get((f"{context}\x04{singular}", catalog.plural(n)))
            if found is not None:
                return Translated(found, english, catalog)
        return english


class Translated(str):
    """A translation that remembers its English source: if its own placeholders do not format, the English does."""

    def __new__(cls, text: str, source: str, catalog: Catalog):
        self = super().__new__(cls, text)
        self.source, self.catalog = source, catalog
        return self

    def format(self, *args, **kwargs) -> str:
        try:
            return str.format(self, *args, **kwargs)
        except (KeyError, IndexError, ValueError, AttributeError, TypeError) as error:
            _warn(
                translations(_current),
                BROKEN_TRANSLATION,
                file=_shown(self.catalog.path),
                line=self.catalog.lines.get(self.source, 1),
                message=self.source[:60],
                problem=f"{type(error).__name__}: {error}",
            )
            return self.source.format(*args, **kwargs)

    def format_map(self, mapping) -> str:
        return self.format(**mapping)

    def __reduce__(self):  # copied or pickled as the plain text it is
        return str, (str(self),)


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(LOCALES.parent))
    except ValueError:
        return str(path)


_warned: set[str] = set()


def _warn(translated: Translations | None, template: str, /, **fields) -> None:
    """Warn once, in English and, when it can be read, in the language of ``translated``."""
    english = template.format(**fields)
    text = english
    if translated is not None and translated.lang != SOURCE_LANGUAGE:
        try:
            local = str.format(translated.gettext(template), **fields)
        except (KeyError, IndexError, ValueError, AttributeError, TypeError):
            local = english
        if local != english:
            text = f"{english}\n{local}"
    if text not in _warned:
        _warned.add(text)
        warnings.warn(text, CourseWarning, stacklevel=3)


@cache
def translations(lang: str) -> Translations | gettext.NullTranslations:
    """Every domain of one language as one gettext-like catalog (fuzzy entries are skipped)."""
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    return Translations(lang)


# --- the current language -------------------------------------------------------------------

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


def language_from_environment() -> str:
    """The language ``COURSE_LANG`` names (``fr``, ``pt-BR``, ``fr_FR.UTF-8``); English, with one warning, for anything else."""
    value = os.environ.get(ENV_VARIABLE, "").strip()
    if not value:
        return SOURCE_LANGUAGE
    lang = _known(value)
    if lang is None:
        _warn(None, UNKNOWN_ENVIRONMENT, variable=ENV_VARIABLE, value=value, languages=", ".join(LANGUAGES))
        return SOURCE_LANGUAGE
    return lang


# --- typography -----------------------------------------------------------------------------

NBSP, NNBSP = "\u00a0", "\u202f"
# What typography never touches: English spans, maths ($…$, $$…$$), code (```…```, `…`), HTML tags, URLs.
_PROTECTED = re.compile(
    r"<span lang=\"en\">.*?</span>|\$\$.+?\$\$|\$[^$\n]+\$|```.*?```|`[^`\n]*`|<[^<>\n]+>|\bhttps?://\S+", re.DOTALL
)


def _outside(rule, text: str) -> str:
    """``rule`` applied to the prose of ``text``, never inside maths, code, tags or URLs."""
    out, start = [], 0
    for m in _PROTECTED.finditer(text):
        out += [rule(text[start : m.start()]), m.group()]
        start = m.end()
    return "".join([*out, rule(text[start:])])


def _french_prose(text: str) -> str:
    # A narrow no-break space before ; ! ? (not before a markdown image "![…]"), a no-break
    # space before : (not in a table's alignment row "| :---") and inside « ».
    text = re.sub(r"[ \u00a0\u202f]+([;?]|!(?!\[))", NNBSP + r"\1", text)
    text = re.sub(r"[ \u00a0\u202f]+:(?![-:])", NBSP + ":", text)
    text = re.sub(r"«[ \u00a0\u202f]*", "«" + NBSP, text)
    return re.sub(r"[ \u00a0\u202f]*»", NBSP + "»", text)


def french_spacing(text: str) -> str:
    """French text with French spacing: ``"Attention : α ?"`` becomes ``"Attention\u00a0: α\u202f?"``.

    Translators type an ordinary space before ``: ; ? !`` and inside « »; the learner reads
    the no-break spaces of French typography, so a line never starts with a lone "?".
    """
    return _outside(_french_prose, text)


TYPOGRAPHY = {"fr": french_spacing}


# --- numbers --------------------------------------------------------------------------------

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript(k: int) -> str:
    """``superscript(-6)`` is ``"⁻⁶"``: exponents and layer numbers in plain text (a², 10⁻⁶)."""
    return str(k).translate(_SUPERSCRIPT)


def _minus(text: str) -> str:
    """The true minus sign, U+2212, in the translated languages ("−0,5"); English keeps the hyphen
    that Python and numpy print, so that a learner can paste a number back into code."""
    return text if _current == SOURCE_LANGUAGE else text.replace("-", "−")


def percent(fraction: float) -> str:
    """``percent(0.84)`` is ``84%`` in English, ``84 %`` in French."""
    return _minus(format_percent(fraction, locale=_locale(_current)))


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
    text = format_decimal(rounded, format=pattern, locale=_locale(_current))
    return _minus(_spanish_groups(text, rounded) if _current == "es" else text)


def _spanish_groups(text: str, x: float) -> str:
    """Spanish groups thousands as the RAE and ISO 80000 do: ``3 027 705`` with a narrow no-break space,
    never a point (a decimal point in Mexico and Central America), and four-digit numbers whole: ``1234,5``."""
    return text.replace(".", "\u202f" if abs(x) >= 10_000 else "")


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


def tick_formatter():
    """A matplotlib formatter that writes tick labels with :func:`num`."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda x, _pos: num(x, 3))


_current = language_from_environment()
