"""The translation catalogs: extract, update, status and checks (see TRANSLATING.md).

Domains: ``course`` (messages of the package: engine errors, widgets, exercises,
glossary) and one domain per lesson, named after its source (``04_output_layer``).
Templates are ``locales/<domain>.pot``; translations ``locales/<lang>/LC_MESSAGES/<domain>.po``.
The commands are Babel's own ``pybabel extract`` / ``pybabel update``, run with the
mappings of ``pyproject.toml``.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from .extract import mask
from .glossary import fold
from .i18n import LANGUAGES, LOCALES, SOURCE_LANGUAGE

ROOT = LOCALES.parent
TRANSLATED = tuple(lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE)
SAME_FLAG = "ignore-same"  # Weblate's flag for "identical to the source on purpose"


def lesson_sources() -> list[Path]:
    return sorted((ROOT / "lessons" / "src").glob("[0-9][0-9]_*.py"))


def domains() -> list[str]:
    return ["course", *(p.stem for p in lesson_sources())]


def pot_path(domain: str) -> Path:
    return LOCALES / f"{domain}.pot"


def po_path(lang: str, domain: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / f"{domain}.po"


def _pybabel(*args: str) -> None:
    # Babel writes source locations relative to the working folder: run from the project's root.
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        CommandLineInterface().run(["pybabel", "--quiet", *args])
    finally:
        os.chdir(here)


def _extract_args(domain: str, output: Path) -> list[str]:
    source = "course" if domain == "course" else f"lessons/src/{domain}.py"
    return [
        "extract",
        "-F",
        "pyproject.toml",
        "--add-comments=TRANSLATORS:",
        "--project=backprop-course",
        "--copyright-holder=The backprop-course authors",
        "-o",
        str(output),
        source,
    ]


def _entries(path: Path) -> list:
    """The messages of a catalog, without its header."""
    with path.open("rb") as fp:
        return [m for m in read_po(fp) if m.id]


def _messages(data: bytes) -> list[tuple]:
    """What matters in a catalog (not its dates): every message with its comments and places."""
    return [
        (m.id, m.context, m.string, sorted(m.flags), m.auto_comments, m.locations, m.previous_id)
        for m in read_po(io.BytesIO(data))
        if m.id
    ]


def _keys(path: Path) -> set[tuple]:
    """(msgid, context) of every message: what must be the same in a template and its catalogs."""
    return {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in _entries(path)}


def extract(domain: str) -> bool:
    """Write ``locales/<domain>.pot`` from the sources; returns whether it changed."""
    target = pot_path(domain)
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / target.name
        _pybabel(*_extract_args(domain, fresh))
        if target.exists() and _messages(fresh.read_bytes()) == _messages(target.read_bytes()):
            return False
        target.write_bytes(fresh.read_bytes())
        return True


def update(domain: str, lang: str) -> bool:
    """Merge the template into ``<lang>/<domain>.po`` (creating it if missing); returns whether it changed."""
    target = po_path(lang, domain)
    before = target.read_bytes() if target.exists() else None
    _pybabel(
        "update",
        "--init-missing",
        "--ignore-obsolete",
        "--ignore-pot-creation-date",
        "-i",
        str(pot_path(domain)),
        "-d",
        str(LOCALES),
        "-D",
        domain,
        "-l",
        lang,
    )
    if before is not None and _messages(target.read_bytes()) == _messages(before):
        target.write_bytes(before)  # only the header's date moved: keep the file as it was
        return False
    return True


# --- status -------------------------------------------------------------------------------


@dataclass
class Status:
    lang: str
    domain: str
    translated: int
    fuzzy: int
    untranslated: int

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated


def _complete(message) -> bool:
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    return all(s for s in strings)


def status(lang: str, domain: str) -> Status:
    """Counts of one catalog; a fuzzy entry is not translated (unlike ``pybabel compile --statistics``)."""
    path = po_path(lang, domain) if po_path(lang, domain).exists() else pot_path(domain)
    messages = _entries(path) if path.exists() else []
    fuzzy = sum(1 for m in messages if m.fuzzy)
    translated = sum(1 for m in messages if not m.fuzzy and _complete(m))
    return Status(lang, domain, translated, fuzzy, len(messages) - translated - fuzzy)


def status_table(langs=TRANSLATED) -> str:
    rows = [status(lang, domain) for lang in langs for domain in domains()]
    width = max(len(d) for d in domains())
    lines = [f"{'lang':6} {'domain':{width}} {'translated':>10} {'fuzzy':>6} {'missing':>8} {'%':>6}"]
    for r in rows:
        percent = 100 * r.translated / r.total if r.total else 100
        lines.append(
            f"{r.lang:6} {r.domain:{width}} {r.translated:>10} {r.fuzzy:>6} {r.untranslated:>8} {percent:>5.1f}%"
        )
    return "\n".join(lines)


# --- checks -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    problem: str

    def __str__(self):
        try:
            shown = self.path.relative_to(ROOT)
        except ValueError:
            shown = self.path
        return f"{shown}:{self.line}: {self.problem}"


MATH = re.compile(r"\$\$.+?\$\$|\$[^$\n]+?\$|\\\(.+?\\\)", re.DOTALL)
CODE = re.compile(r"`[^`\n]+`")
LINK = re.compile(r"\]\(([^)\s]*)\)")
BRACE_FIELD = re.compile(r"(?<!\{)\{[A-Za-z_0-9.!:\[\]]*\}(?!\})")
PERCENT_FIELD = re.compile(r"%(?:\([A-Za-z_]\w*\))?[-#0 +]*\d*(?:\.\d+)?[sdifr%]")


def placeholders(text: str) -> Counter:
    """``{name}`` and ``%(name)s`` fields outside maths and code."""
    outside = CODE.sub(" ", MATH.sub(" ", text))
    return Counter(BRACE_FIELD.findall(outside) + PERCENT_FIELD.findall(outside))


def protected(text: str) -> Counter:
    """Maths, inline code and link targets: they must come through translation unchanged.

    The one change allowed is a decimal comma written the LaTeX way, ``$\\lambda = 0{,}3$``.
    """
    maths = [re.sub(r"(\d)\{,\}(\d)", r"\1.\2", m) for m in MATH.findall(text)]
    return Counter(maths + CODE.findall(text) + LINK.findall(text))


# Words that are frequent in English prose and are not words of French, Spanish or
# Portuguese prose (so "a", "as", "on", "me", "no", "son", "del"… are not in the list).
ENGLISH = frozenset(
    """the of and to is in that it with for are this be by from which or we each its at
    you your can not will has have then when where what how into than our these their
    they was were been being does do did should would could must may might also only
    just like such very about after before over under between through during without
    while because so if but all any both other some more most many much same there here
    using used use gives get gets takes make makes let us an who whose why one two
    first next last every output input weights layer layers learning rate network
    networks example examples value values step steps small large smaller larger""".split()
)
STOPWORDS = {
    "fr": "le la les de des du un une et est en que qui dans pour sur par avec ce cette ces au aux il elle on nous vous ne pas se son sa ses leur plus ou où mais donc".split(),
    "es": "el la los las de del un una y es en que por para con se su sus al lo como más pero o cada este esta estos estas son entre sobre".split(),
    "pt_BR": "o a os as de do da dos das um uma e é em que por para com se seu sua no na nos nas ao como mais mas ou cada este esta estes essas são entre sobre".split(),
}
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_LETTERS = re.compile(r"[^\W\d_]+")
_SENTENCE = re.compile(r"(?<=[.!?:;])\s+|\n+")


def english_sentences(text: str, lang: str) -> list[str]:
    """Sentences of ``text`` (in ``lang``) that read as English: four words or more, mostly English function words."""
    own = set(STOPWORDS.get(lang, ()))
    found = []
    for sentence in _SENTENCE.split(mask(text)):
        words = [w.lower() for w in _WORD.findall(sentence)]
        if len(words) < 4:
            continue
        english = sum(1 for w in words if w in ENGLISH and w not in own)
        native = sum(1 for w in words if w in own)
        if english >= 2 and english >= 0.25 * len(words) and english > native:
            found.append(sentence.strip())
    return found


def glossary_terms(lang: str) -> list[tuple[str, str]]:
    """(English term, translated term) of every glossary entry, longest English term first."""
    from .glossary import ENTRIES
    from .i18n import translations

    gettext = translations(lang).gettext
    pairs = [(e.term, gettext(e.term)) for e in ENTRIES]
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def _stem(word: str) -> str:
    # Enough of a (folded) word to accept its plural and feminine forms:
    # couche/couches, oculto/oculta, funcao/funcoes, activacion/activaciones.
    return word[:-2] if len(word) >= 6 else word[:-1] if len(word) == 5 else word


def uses_term(text: str, term: str) -> bool:
    """Whether ``text`` contains every word of ``term``, allowing plural and gender endings (accents ignored)."""
    words = set(_LETTERS.findall(fold(text)))  # "l'erreur" is two words here: l, erreur
    return all(any(w.startswith(_stem(t)) for w in words) for t in _LETTERS.findall(fold(term)))


def check_message(message, lang: str, terms) -> list[str]:
    """What is wrong with one catalog entry, as sentences for the translator."""
    if message.fuzzy:
        return ["fuzzy: review the translation, then remove the fuzzy flag"]
    if not _complete(message):
        return ["untranslated"]
    ids = message.id if isinstance(message.id, (list, tuple)) else [message.id]
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    problems = []
    expected = [placeholders(i) for i in ids]
    for string in strings:
        # A plural form may keep the fields of the singular or of the plural msgid.
        if placeholders(string) not in expected:
            problems.append(
                f"placeholders differ: msgid has {_show(expected[-1])}, msgstr has {_show(placeholders(string))}"
            )
        if protected(string) != protected(ids[0]) and len(strings) == 1:
            missing = protected(ids[0]) - protected(string)
            extra = protected(string) - protected(ids[0])
            problems.append(f"maths, code or link changed: missing {_show(missing)}, unexpected {_show(extra)}")
        if string == ids[0] and SAME_FLAG not in message.flags:
            problems.append(f"msgstr is identical to msgid: translate it, or flag it '{SAME_FLAG}' if that is right")
        for sentence in english_sentences(string, lang):
            problems.append(f"English sentence left in the translation: {sentence!r}")
    masked_id = BRACE_FIELD.sub(" ", mask(ids[0])).lower()
    for english, translated in terms:
        if translated == english or not re.search(rf"\b{re.escape(english.lower())}(?:s|es)?\b", masked_id):
            continue
        if not any(uses_term(mask(s), translated) for s in strings):
            problems.append(f"glossary term {english!r} should be translated as {translated!r}")
        masked_id = masked_id.replace(english.lower(), " ")
    return problems


def _show(counter: Counter) -> str:
    return ", ".join(sorted(counter.elements())) or "nothing"


def check_catalog(path: Path, lang: str, terms=None) -> list[Problem]:
    """Every problem of one ``.po`` file, each with its line."""
    terms = glossary_terms(lang) if terms is None else terms
    with path.open("rb") as fp:
        catalog = read_po(fp, locale=lang)
    return [Problem(path, m.lineno, p) for m in catalog if m.id for p in check_message(m, lang, terms)]


def check_sync(domain: str) -> list[Problem]:
    """The template matches the sources, and every language's catalog matches the template."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.pot"
        with contextlib.redirect_stderr(io.StringIO()):
            _pybabel(*_extract_args(domain, fresh))
        target = pot_path(domain)
        if not target.exists() or _messages(fresh.read_bytes()) != _messages(target.read_bytes()):
            problems.append(Problem(target, 1, "template out of date: run `python -m course i18n update`"))
            return problems
    template = _keys(pot_path(domain))
    for lang in TRANSLATED:
        path = po_path(lang, domain)
        if not path.exists():
            problems.append(Problem(path, 1, "catalog missing: run `python -m course i18n update`"))
            continue
        if _keys(path) != template:
            problems.append(
                Problem(path, 1, f"out of sync with {pot_path(domain).name}: run `python -m course i18n update`")
            )
    return problems


def check_all() -> list[Problem]:
    problems = [p for domain in domains() for p in check_sync(domain)]
    for lang in TRANSLATED:
        terms = glossary_terms(lang)
        for domain in domains():
            if po_path(lang, domain).exists():
                problems += check_catalog(po_path(lang, domain), lang, terms)
    return problems
