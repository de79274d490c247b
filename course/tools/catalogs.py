"""The translation catalogs: extract, update, status and checks (see TRANSLATING.md).

Domains: ``course`` (messages of the package: engine errors, widgets, exercises,
glossary), one domain per lesson, named after its source (``04_output_layer``), and one per
page (``setup``, ``prerequisites``: lessons/src/pages/, see course/tools/pages.py).
Templates are ``locales/<domain>.pot``; translations ``locales/<lang>/LC_MESSAGES/<domain>.po``.
The commands are Babel's own ``pybabel extract`` / ``pybabel update``, run with the
mappings of ``pyproject.toml``.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import PoFileError, read_po, write_po

from ..glossary import fold
from ..i18n import LANGUAGES, LOCALES, SOURCE_LANGUAGE
from .extract import mask
from .pages import PAGES

ROOT = LOCALES.parent
TRANSLATED = tuple(lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE)
SAME_FLAG = "ignore-same"  # Weblate's flag for "identical to the source on purpose"


def lesson_sources() -> list[Path]:
    return sorted((ROOT / "lessons" / "src").glob("[0-9][0-9]_*.py"))


def domains() -> list[str]:
    return ["course", *(p.stem for p in lesson_sources()), *PAGES]


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
    if domain == "course":
        source = "course"
    elif domain in PAGES:
        source = f"lessons/src/pages/{domain}.md"
    else:
        source = f"lessons/src/{domain}.py"
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


def _messages(data: bytes, lines: bool = True) -> list[tuple]:
    """What matters in a catalog (not its dates): every message with its comments and places.

    ``lines=False`` keeps the files of the places but not their line numbers: a reformat that moves
    a message down a few lines changes nothing a translator reads."""
    return [
        (
            m.id,
            m.context,
            m.string,
            sorted(m.flags),
            m.auto_comments,
            m.locations if lines else sorted({file for file, _line in m.locations}),
            m.previous_id,
        )
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
    """Merge the template into ``<lang>/<domain>.po`` (creating it if missing); returns whether it changed.

    A new catalog gets the language's fixed plural rule (:data:`PLURAL_FORMS`), never the
    plural data of the installed Babel, and every catalog keeps it.
    """
    target = po_path(lang, domain)
    before = target.read_bytes() if target.exists() else None
    if before is None:
        _init(domain, lang, target)
    _pybabel(
        "update",
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
    _set_header(target, "Plural-Forms", PLURAL_FORMS[lang])
    if before is not None and _messages(target.read_bytes()) == _messages(before):
        target.write_bytes(before)  # only the header's date moved: keep the file as it was
        return False
    return True


TRANSLATOR = "The backprop-course translators"


def _init(domain: str, lang: str, target: Path) -> None:
    """A new, empty catalog of ``domain`` in ``lang``, with the language's plural rule."""
    with pot_path(domain).open("rb") as fp:
        catalog = read_po(fp, locale=lang)
    catalog.mime_headers = [("Plural-Forms", PLURAL_FORMS[lang])]  # before the plural forms are counted
    catalog.last_translator = TRANSLATOR
    for message in catalog:
        if message.id and message.pluralizable:
            message.string = ("",) * catalog.num_plurals
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as fp:
        write_po(fp, catalog, width=76)


def _set_header(path: Path, field: str, value: str) -> None:
    """Write ``field: value`` into the header of the catalog ``path`` (a line of its own, as Babel writes it)."""
    text = path.read_text(encoding="utf-8")
    header, sep, rest = text.partition("\n\n")
    line = f'"{field}: {value}\\n"'
    if re.search(rf'^"{field}:', header, re.MULTILINE):
        header = re.sub(rf'^"{field}:.*$', lambda _m: line, header, count=1, flags=re.MULTILINE)
    else:
        header = header.replace('"MIME-Version:', f'{line}\n"MIME-Version:', 1)
    path.write_text(header + sep + rest, encoding="utf-8")


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
#
# The standard tools first: GNU msgfmt (syntax, header, format strings), translate-toolkit's
# pofilter checks (placeholders, numbers, unchanged or untranslated text, whitespace…) and
# hunspell (spelling). Our own code checks only what is specific to this course: maths and
# code identical, glossary terms, no English sentence, the fixed plural rule, catalogs in sync.

# The plural rule of each language, written in every one of its catalogs (TRANSLATING.md).
# Fixed here, not taken from Babel's CLDR data, which changes between releases.
PLURAL_FORMS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "pt_BR": "nplurals=2; plural=(n > 1);",
}
DICTIONARIES = {"fr": "fr_FR", "es": "es_ES", "pt_BR": "pt_BR"}  # hunspell's names
TOOLS = {
    "msgfmt": "GNU gettext (Debian: apt install gettext)",
    "hunspell": "hunspell and its dictionaries (Debian: apt install hunspell hunspell-fr hunspell-es hunspell-pt-br)",
}

# pofilter's checks that fit every message of the course, and those that fit only messages of
# the code: in a markdown paragraph, LaTeX braces are not placeholders and tables repeat "|".
# Left out on purpose: quotes, brackets, spacing around punctuation, capitals and sentence
# counts, which each language writes its own way (« », ¿?, an added parenthesis, a sentence
# split in two: see TRANSLATING.md).
POFILTER_CHECKS = (
    "isfuzzy",
    "untranslated",
    "blank",
    "unchanged",
    "numbers",
    "printf",
    "doublespacing",
    "startwhitespace",
    "endwhitespace",
    "newlines",
    "tabs",
    "escapes",
    "urls",
    "emails",
    "xmltags",
    "nplurals",
)
POFILTER_CODE_CHECKS = ("pythonbraceformat", "doublewords")
HINTS = {
    "isfuzzy": "review the translation, then remove the fuzzy flag",
    "unchanged": f"translate it, or flag it '{SAME_FLAG}' if the same text is right",
    "numbers": "the numbers differ from the English (flag 'ignore-numbers' if that is right)",
}


@dataclass(frozen=True, order=True)
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


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} is not installed: install {TOOLS[name]}")
    return found


_TOOL_LINE = re.compile(r"^(?P<path>.+?\.po):(?P<line>\d+):(?:\d+:)? (?P<problem>.+)$")


def msgfmt_problems(path: Path) -> list[Problem]:
    """What ``msgfmt --check`` says about a catalog: syntax, header and format strings (python-brace-format)."""
    done = subprocess.run(
        [_tool("msgfmt"), "--check", "-o", os.devnull, str(path)], capture_output=True, text=True, errors="replace"
    )
    problems = []
    for line in done.stderr.splitlines():
        found = _TOOL_LINE.match(line)
        if found:
            problems.append(Problem(path, int(found["line"]), f"msgfmt: {found['problem']}"))
        elif done.returncode and "fatal error" not in line and line.strip():
            problems.append(Problem(path, 1, f"msgfmt: {line.strip()}"))
    if done.returncode and not problems:
        problems.append(Problem(path, 1, "msgfmt: the catalog cannot be compiled"))
    return problems


def header_problems(path: Path, lang: str) -> list[Problem]:
    """The catalog declares the language's fixed plural rule (so a newer Babel cannot change it silently)."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    header = text.split("\n\n", 1)[0]
    found = re.search(r'^"Plural-Forms:\s*([^"\\]*)', header, re.MULTILINE)
    expected = PLURAL_FORMS[lang]
    if found is None:
        return [Problem(path, 1, f'header: no Plural-Forms; write "Plural-Forms: {expected}\\n"')]
    if " ".join(found.group(1).split()) != expected:
        line = header.count("\n", 0, found.start()) + 1
        return [Problem(path, line, f"header: Plural-Forms is {found.group(1).strip()!r}, {lang} uses {expected!r}")]
    return []


def _strings(message) -> list[str]:
    return list(message.string) if isinstance(message.string, (list, tuple)) else [message.string]


def _ids(message) -> list[str]:
    return list(message.id) if isinstance(message.id, (list, tuple)) else [message.id]


def is_markdown(message) -> bool:
    """A paragraph of a lesson's markdown (its extractor comment says so), not a message of the code."""
    return any(c.startswith("markdown, cell") for c in message.auto_comments)


@cache
def _pofilter(lang: str, code: bool):
    from translate.filters import checks

    config = checks.CheckerConfig(targetlanguage=lang.split("_")[0])
    # The course's languages write 0,05 where English writes 0.05: the same number.
    config.lang.numbertranslate = lambda text: re.sub(r"(?<=\d)\.(?=\d)", ",", text)
    return checks.TeeChecker(  # pofilter's own pair: checks of the strings, and of the unit (fuzzy)
        checkerconfig=config,
        limitfilters=[*POFILTER_CHECKS, *(POFILTER_CODE_CHECKS if code else ())],
        checkerclasses=[checks.StandardChecker, checks.StandardUnitChecker],
    )


def pofilter_problems(path: Path, lang: str, catalog) -> list[Problem]:
    """translate-toolkit's pofilter checks, message by message; a flag ``ignore-<check>`` silences one check."""
    from translate.misc.multistring import multistring
    from translate.storage.pypo import pounit

    problems = []
    for message in catalog:
        if not message.id:
            continue
        ids, strings = _ids(message), _strings(message)
        strings = [ENGLISH_SPAN.sub(lambda span: span[1], s) for s in strings]  # our own tag, not added markup
        unit = pounit(multistring(ids) if len(ids) > 1 else ids[0])
        unit.target = multistring(strings) if len(ids) > 1 else strings[0]
        if message.fuzzy:
            unit.markfuzzy()
        ignored = {f.removeprefix("ignore-") for f in message.flags if f.startswith("ignore-")}
        if "same" in ignored:
            ignored.add("unchanged")
        for check, failure in _pofilter(lang, not is_markdown(message)).run_filters(unit).items():
            if check not in ignored:
                text = failure["message"] if isinstance(failure, dict) else str(failure)
                hint = HINTS.get(check)
                problems.append(Problem(path, message.lineno, f"{check}: {text}" + (f" ({hint})" if hint else "")))
    return problems


_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿŒœ]+(?:['’-][A-Za-zÀ-ÖØ-öø-ÿŒœ]+)*")
_AROUND_WORDS = ".,;:!?«»\"“”()[]*_#|…'’"


# An English term or title kept on purpose is marked as English: <span lang="en">weight decay</span>.
ENGLISH_SPAN = re.compile(r'<span lang="en">(.*?)</span>', re.DOTALL)


def _spelling_text(text: str) -> str:
    """The words of ``text`` that hunspell should see: no maths, code, placeholders, English spans, numbers or symbols."""
    tokens = (t.strip(_AROUND_WORDS) for t in BRACE_FIELD.sub(" ", mask(ENGLISH_SPAN.sub(" ", text))).split())
    return " ".join(t for t in tokens if len(t) > 1 and _LATIN_WORD.fullmatch(t))  # one letter is a variable


def word_list(lang: str) -> Path:
    return LOCALES / lang / "words.txt"


def spelling_problems(paths: list[Path], lang: str) -> list[Problem]:
    """hunspell on every msgstr of ``paths`` (all in ``lang``), with the course's word lists."""
    texts = []  # (catalog, line, words of its msgstr)
    for path in paths:
        for message in _read(path):
            if message.id and not message.fuzzy:
                texts.append((path, message.lineno, " ".join(_spelling_text(s) for s in _strings(message))))
    with tempfile.TemporaryDirectory(prefix="course-spelling-") as tmp:
        words = Path(tmp) / "words.txt"
        lists = [LOCALES / "words.txt", word_list(lang)]
        listed = [w for p in lists if p.exists() for w in p.read_text(encoding="utf-8").split("\n")]
        words.write_text("\n".join(w for w in listed if w.strip() and not w.startswith("#")), encoding="utf-8")
        command = [_tool("hunspell"), "-i", "utf-8", "-d", DICTIONARIES[lang], "-p", str(words)]
        env = dict(os.environ, LC_ALL="C.UTF-8")
        text = "\n".join(t for _p, _l, t in texts)
        unknown = set(
            subprocess.run([*command, "-l"], input=text, capture_output=True, text=True, env=env).stdout.split()
        )
        # Suggestions for the unknown words only: hunspell is slow to suggest.
        asked = subprocess.run(
            [*command, "-a"], input="\n".join(f"^{w}" for w in sorted(unknown)), capture_output=True, text=True, env=env
        )
    suggestions = {}
    for line in asked.stdout.splitlines():
        if line.startswith("&"):
            head, _sep, tried = line.partition(": ")
            suggestions[head.split()[1]] = tried
    problems = []
    for path, line, words in texts:
        for word in sorted(unknown & set(re.split(r"[\s-]+", words) + words.split())):
            hint = f"try: {suggestions[word]}; or " if word in suggestions else ""
            problems.append(
                Problem(path, line, f"spelling: {word!r} ({hint}add it to {word_list(lang).relative_to(ROOT)})")
            )
    return problems


MATH = re.compile(r"\$\$.+?\$\$|\$[^$\n]+?\$|\\\(.+?\\\)", re.DOTALL)
CODE = re.compile(r"`[^`\n]+`")
LINK = re.compile(r"\]\(([^)\s]*)\)")
BRACE_FIELD = re.compile(r"(?<!\{)\{[A-Za-z_0-9.!:\[\]]*\}(?!\})")


# An open interval written the French way, ]0, 1[ or ]-1, 1[: the same interval as (0, 1).
FRENCH_INTERVAL = re.compile(r"\]([^\[\]$,]+,[^\[\]$,]+)\[")
DECIMAL_POINT = re.compile(r"\d\.\d")


def _same_maths(maths: str) -> str:
    """The maths as the English writes it: ``0{,}3`` is 0.3, ``]0, 1[`` is (0, 1)."""
    return FRENCH_INTERVAL.sub(r"(\1)", re.sub(r"(\d)\{,\}(\d)", r"\1.\2", maths))


def protected(text: str) -> Counter:
    """Maths, inline code and link targets: they must come through translation unchanged.

    The changes allowed are a decimal comma written the LaTeX way, ``$\\lambda = 0{,}3$``,
    and the French notation of an open interval, ``$]0, 1[$`` for ``$(0, 1)$``.
    """
    maths = [_same_maths(m) for m in MATH.findall(text)]
    return Counter(maths + CODE.findall(text) + LINK.findall(text))


def decimal_points(text: str) -> list[str]:
    """The maths of a translation that write a decimal point, ``$\\lambda = 0.5$``: French, Spanish and
    Portuguese write ``$\\lambda = 0{,}5$`` (the braces keep LaTeX from spacing the comma)."""
    return [m for m in MATH.findall(text) if DECIMAL_POINT.search(m)]


# Words of the course's makers, never of its learners: the source material is named
# ("the freeCodeCamp guide"), not numbered ("seed 004", "semilla 004", "texto-base 004").
JARGON = re.compile(r"\b(?:seeds?|semillas?|textos?-base)\s+00\d", re.IGNORECASE)


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
    networks example examples value values step steps small large smaller larger cost loss""".split()
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
    """Sentences of ``text`` (in ``lang``) that read as English: mostly English function words, or a fragment of English words only."""
    own = set(STOPWORDS.get(lang, ()))
    found = []
    for sentence in _SENTENCE.split(mask(_english_asides(lang).sub(" ", ENGLISH_SPAN.sub(" ", text)))):
        words = [w.lower() for w in _WORD.findall(sentence)]
        english = sum(1 for w in words if w in ENGLISH and w not in own)
        native = sum(1 for w in words if w in own)
        if len(words) < 4:  # a fragment ("cost 0,73 after 100 steps"): English words only
            if english >= 2 and native == 0 and english >= 0.6 * len(words):
                found.append(sentence.strip())
        elif english >= 2 and english >= 0.25 * len(words) and english > native:
            found.append(sentence.strip())
    return found


@cache
def _english_asides(lang: str) -> re.Pattern:
    """The glossary's English term beside a translated one, « (en anglais : learning rate) »: English on purpose."""
    from ..i18n import translations

    aside = re.escape(translations(lang).gettext("English: {term}")).replace(re.escape("{term}"), r"[^()]*")
    return re.compile(rf"\({aside}\)")


def glossary_terms(lang: str) -> list[tuple[str, str]]:
    """(English term, translated term) of every glossary entry, longest English term first."""
    from ..glossary import ENTRIES
    from ..i18n import translations

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
    """What the standard tools cannot see in one catalog entry: maths, English left in, glossary terms."""
    strings = [s for s in _strings(message) if s]
    if message.fuzzy or not strings:
        return []  # reported by pofilter (isfuzzy, untranslated)
    ids = _ids(message)
    problems = []
    if len(ids) == 1:
        missing = protected(ids[0]) - protected(strings[0])
        # A translation may name a code name the English only describes (« lunes » (`moons`)).
        extra = Counter({k: v for k, v in (protected(strings[0]) - protected(ids[0])).items() if not CODE.fullmatch(k)})
        if missing or extra:
            problems.append(f"maths, code or link changed: missing {_show(missing)}, unexpected {_show(extra)}")
    for string in strings:
        for maths in decimal_points(string):
            problems.append(f"decimal point in maths: write {DECIMAL_POINT.sub(_comma, maths)} for {maths}")
        for jargon in JARGON.findall(string):
            problems.append(f"internal jargon {jargon!r}: name the source (the freeCodeCamp guide…)")
    for string in strings:
        for sentence in english_sentences(BRACE_FIELD.sub(" ", string), lang):  # {steps} is not English
            problems.append(f"English sentence left in the translation: {sentence!r}")
    masked_id = BRACE_FIELD.sub(" ", mask(ids[0])).lower()
    for english, translated in terms:
        if translated == english or not re.search(rf"\b{re.escape(english.lower())}(?:s|es)?\b", masked_id):
            continue
        if not any(uses_term(mask(s), translated) for s in strings):
            problems.append(f"glossary term {english!r} should be translated as {translated!r}")
        masked_id = masked_id.replace(english.lower(), " ")
    return problems


def _comma(point: re.Match) -> str:
    return point[0].replace(".", "{,}")


def _show(counter: Counter) -> str:
    return ", ".join(sorted(counter.elements())) or "nothing"


def _read(path: Path):
    with path.open("rb") as fp:
        return read_po(fp, abort_invalid=True)


def check_catalog(path: Path, lang: str, terms=None, spelling: bool = True) -> list[Problem]:
    """Every problem of one ``.po`` file, each with its line: msgfmt, header, pofilter, ours, hunspell."""
    problems = msgfmt_problems(path) + header_problems(path, lang)
    try:
        catalog = _read(path)
    except (PoFileError, UnicodeDecodeError, ValueError) as error:
        # msgfmt has said where; the other checks need a catalog they can read.
        return sorted(problems or [Problem(path, getattr(error, "lineno", 1), f"cannot be read: {error}")])
    terms = glossary_terms(lang) if terms is None else terms
    problems += pofilter_problems(path, lang, catalog)
    problems += [Problem(path, m.lineno, p) for m in catalog if m.id for p in check_message(m, lang, terms)]
    if spelling:
        problems += spelling_problems([path], lang)
    return sorted(set(problems))


def check_sync(domain: str) -> list[Problem]:
    """The template matches the sources, and every language's catalog matches the template."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.pot"
        with contextlib.redirect_stderr(io.StringIO()):
            _pybabel(*_extract_args(domain, fresh))
        target = pot_path(domain)
        stale = not target.exists() or _messages(fresh.read_bytes(), False) != _messages(target.read_bytes(), False)
        if stale:  # line numbers alone do not count: see _messages
            problems.append(Problem(target, 1, "template out of date: run `python -m course i18n update`"))
            return problems
    template = _keys(pot_path(domain))
    for lang in TRANSLATED:
        path = po_path(lang, domain)
        if not path.exists():
            problems.append(Problem(path, 1, "catalog missing: run `python -m course i18n update`"))
            continue
        try:
            keys = _keys(path)
        except (PoFileError, UnicodeDecodeError, ValueError):
            continue  # check_catalog says why
        if keys != template:
            problems.append(
                Problem(path, 1, f"out of sync with {pot_path(domain).name}: run `python -m course i18n update`")
            )
    return problems


def language_of(path: Path) -> str:
    """The language of ``locales/<lang>/LC_MESSAGES/<domain>.po``."""
    lang = path.resolve().parent.parent.name
    if lang not in TRANSLATED:
        raise ValueError(f"{path}: not a catalog of {', '.join(TRANSLATED)} (locales/<lang>/LC_MESSAGES/<domain>.po)")
    return lang


def check_all(paths=None) -> list[Problem]:
    """Every check CI runs: on the given catalogs, or on every catalog and template of the course."""
    problems = [] if paths else [p for domain in domains() for p in check_sync(domain)]
    if not paths:
        paths = [po_path(lang, d) for lang in TRANSLATED for d in domains() if po_path(lang, d).exists()]
    by_lang: dict[str, list[Path]] = {}
    for path in map(Path, paths):
        by_lang.setdefault(language_of(path), []).append(path)
    for lang, group in by_lang.items():
        terms = glossary_terms(lang)
        for path in group:
            problems += check_catalog(path, lang, terms, spelling=False)
        readable = [p for p in group if _readable(p)]
        problems += spelling_problems(readable, lang)
    return problems


def _readable(path: Path) -> bool:
    try:
        _read(path)
    except (PoFileError, UnicodeDecodeError, ValueError):
        return False
    return True
