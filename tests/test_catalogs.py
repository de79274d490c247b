"""The catalogs CI checks: complete, no fuzzy, placeholders and maths intact, no English left, glossary terms, in sync."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from course.tools import catalogs
from course.tools.catalogs import TRANSLATED, english_sentences, po_path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "seeds"  # a copy of the source material (see its README)


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("domain", catalogs.domains())
def test_every_shipped_language_is_complete(lang, domain):
    s = catalogs.status(lang, domain)
    assert (s.fuzzy, s.untranslated) == (0, 0), f"{lang}/{domain}: {s.fuzzy} fuzzy, {s.untranslated} untranslated"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalogs_have_no_problem(lang):
    problems = catalogs.check_all([po_path(lang, d) for d in catalogs.domains()])
    assert not problems, "\n".join(map(str, problems))


@pytest.mark.parametrize("domain", catalogs.domains())
def test_catalogs_are_in_sync_with_the_sources(domain):
    problems = catalogs.check_sync(domain)
    assert not problems, "\n".join(map(str, problems))


def test_a_template_whose_lines_moved_is_in_sync_and_one_whose_message_changed_is_not(tmp_path, monkeypatch):
    """A reformat that moves messages down a line needs no `i18n update`; a changed message does."""
    template = catalogs.pot_path("06_gradient_descent").read_text(encoding="utf-8")
    planted = tmp_path / "06_gradient_descent.pot"
    monkeypatch.setattr(catalogs, "pot_path", lambda domain: planted)
    moved = re.sub(r"(#: lessons/src/06_gradient_descent\.py:)(\d+)", lambda m: f"{m[1]}{int(m[2]) + 3}", template)
    assert moved != template
    planted.write_text(moved, encoding="utf-8")
    assert catalogs.check_sync("06_gradient_descent") == []
    changed = moved.replace('msgid "# 06.', 'msgid "# 6.', 1)
    assert changed != moved
    planted.write_text(changed, encoding="utf-8")
    assert [p.problem for p in catalogs.check_sync("06_gradient_descent")] == [
        "template out of date: run `python -m course i18n update`"
    ]


# --- the checks themselves, on planted mistakes ------------------------------------------

MESSAGE = "Unknown activation {name!r}: choose one of {choices}."
TRANSLATION = "Fonction d’activation inconnue {name!r} : choisissez parmi {choices}."


def plant(tmp_path, domain, old, new, lang="fr"):
    """A copy of a catalog at tmp/<lang>/LC_MESSAGES/, with ``old`` replaced by ``new``; returns (path, data)."""
    path = tmp_path / lang / "LC_MESSAGES" / f"{domain}.po"
    path.parent.mkdir(parents=True)
    data = po_path(lang, domain).read_bytes()
    assert old in data, old
    path.write_bytes(data.replace(old, new, 1))
    return path, path.read_bytes()


def check_command(path):
    """``python -m course i18n check <path>``, as a translator runs it: (exit code, printed lines)."""
    done = subprocess.run(
        [sys.executable, "-m", "course", "i18n", "check", str(path)], capture_output=True, text=True, cwd=ROOT
    )
    return done.returncode, done.stdout.splitlines() + done.stderr.splitlines()


ENTRY = MESSAGE.encode(), TRANSLATION.encode()
PLANTED = {
    # name: (domain, old bytes, new bytes, whether the fault is in the header, what the check says)
    # msgfmt 0.21 does not parse {name!r}: pofilter's pythonbraceformat does.
    "stray-brace": (
        "course",
        TRANSLATION.encode(),
        TRANSLATION.replace("{choices}", "{choices").encode(),
        False,
        "pythonbraceformat",
    ),
    "not-utf8": ("course", b"inconnue", b"inconnu\xe9", False, "msgfmt"),
    "unterminated": ("course", f'msgstr "{TRANSLATION}"'.encode(), f'msgstr "{TRANSLATION}'.encode(), False, "msgfmt"),
    "not-po-syntax": (
        "course",
        f'msgid "{MESSAGE}"'.encode(),
        f'this line is not PO\nmsgid "{MESSAGE}"'.encode(),
        False,
        "msgfmt",
    ),
    "nplurals-1": ("course", b"nplurals=2; plural=(n > 1);", b"nplurals=1; plural=0;", True, "Plural-Forms"),
    "no-plural-forms": ("course", b'"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n', b"", True, "no Plural-Forms"),
    "duplicate-msgid": (
        "course",
        f'msgid "{MESSAGE}"'.encode(),
        f'msgid "{MESSAGE}"\nmsgstr "{TRANSLATION}"\n\nmsgid "{MESSAGE}"'.encode(),
        False,
        "duplicate",
    ),
    "renamed-placeholder": (
        "course",
        TRANSLATION.encode(),
        TRANSLATION.replace("{name!r}", "{nom!r}").encode(),
        False,
        "pythonbraceformat",
    ),
    "renamed-field": ("course", b"{file}:{line} : ce catalogue", b"{fichier}:{line} : ce catalogue", False, "msgfmt"),
    "fuzzy": ("course", f'msgid "{MESSAGE}"'.encode(), f'#, fuzzy\nmsgid "{MESSAGE}"'.encode(), False, "isfuzzy"),
    "english-copy": ("course", TRANSLATION.encode(), MESSAGE.encode(), False, "unchanged"),
    "maths-changed": (
        "04_output_layer",
        b"$dW^n = dz^n \\\\cdot (a^{n-1})^T$ est",
        b"$dW^k = dz^n \\\\cdot (a^{n-1})^T$ est",
        False,
        "maths, code or link changed",
    ),
}


@pytest.mark.parametrize("name", PLANTED)
def test_every_planted_fault_is_found_with_file_line_problem(tmp_path, name):
    domain, old, new, in_header, said = PLANTED[name]
    path, data = plant(tmp_path, domain, old, new)
    lines = [str(problem) for problem in catalogs.check_all([path])]
    changed = data[: data.index(new or b'"MIME')].count(b"\n") + 1
    where = range(1, 20) if in_header else range(changed - 20, changed + 6)  # the entry's msgid precedes its msgstr
    found = [line for line in lines if line.startswith(f"{path}:") and said in line]
    assert found, lines
    assert any(int(line.split(":")[1]) in where for line in found), (found, list(where))


def test_the_check_command_fails_on_a_fault_and_passes_on_the_real_catalog(tmp_path):
    path, _data = plant(tmp_path, "course", *PLANTED["renamed-field"][1:3])
    code, lines = check_command(path)
    assert code == 1 and lines[-1] == "2 problem(s)", lines  # msgfmt and pofilter both see it
    assert all(line.startswith(f"{path}:") for line in lines[:-1])
    assert check_command(po_path("fr", "course")) == (0, ["0 problem(s)"])


def test_a_flag_silences_one_pofilter_check_only():
    from babel.messages.catalog import Catalog

    catalog = Catalog(locale="es")
    catalog.add("Go 10 steps, then 20 more.", "Da diez pasos y luego veinte más.", flags=["ignore-numbers"])
    catalog.add("Go 10 steps, then 20 more steps.", "Da diez pasos y luego veinte pasos más.")
    catalog.add("ReLU", "ReLU", flags=["ignore-same"])
    catalog.add("tanh", "tanh")
    problems = [p.problem.split(":")[0] for p in catalogs.pofilter_problems(po_path("es", "course"), "es", catalog)]
    assert problems == ["numbers", "unchanged"]


def test_glossary_term_must_be_used():
    from babel.messages.catalog import Message

    terms = [("learning rate", "taux d'apprentissage")]
    good = Message("A small learning rate is safe.", "Un petit taux d'apprentissage est prudent.")
    bad = Message("A small learning rate is safe.", "Un petit pas d'apprentissage est prudent.")
    plural = Message("Learning rates are numbers.", "Les taux d'apprentissage sont des nombres.")
    assert catalogs.check_message(good, "fr", terms) == []
    assert catalogs.check_message(plural, "fr", terms) == []
    assert catalogs.check_message(bad, "fr", terms) == [
        "glossary term 'learning rate' should be translated as \"taux d'apprentissage\""
    ]


# --- the English detector on real text ---------------------------------------------------


def seed_paragraphs(name):
    text = next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")
    return [p for p in text.split("\n") if len(p.split()) > 6]


@pytest.mark.parametrize("seed, lang", [("000", "fr"), ("002", "es")])
def test_detector_finds_the_english_left_in_the_broken_seeds(seed, lang):
    flagged = [p for p in seed_paragraphs(seed) if english_sentences(p, lang)]
    assert any("It is part of the backpropagation process" in p for p in flagged)
    assert any("To compute the gradients, backpropagation starts" in p for p in flagged)
    assert len(flagged) >= 4


@pytest.mark.parametrize("seed, lang", [("001", "fr"), ("003", "fr"), ("004", "pt_BR")])
def test_detector_leaves_real_french_and_portuguese_alone(seed, lang):
    flagged = [s for p in seed_paragraphs(seed) for s in english_sentences(p, lang)]
    assert flagged == []


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Le réseau calcule $z^l$. Then the weights are updated with the gradient.", "fr"),
        ("La red calcula la salida. This is where activation functions come into play.", "es"),
        ("A rede calcula a saída. The output is then compared to the target.", "pt_BR"),
    ],
)
def test_detector_flags_a_planted_english_sentence(text, lang):
    assert len(english_sentences(text, lang)) == 1


@pytest.mark.parametrize(
    "text, lang",
    [
        ("La fonction ReLU vaut $\\max(0, z)$ : on la dit « rectifiée ».", "fr"),
        ("Le *mini-batch* (mini-lot) contient $m$ exemples.", "fr"),
        ("Usamos `net.forward(x)` para calcular la salida de la red.", "es"),
        ("O gradiente $dW^l$ tem a mesma forma que $W^l$.", "pt_BR"),
    ],
)
def test_detector_ignores_maths_code_and_borrowed_terms(text, lang):
    assert english_sentences(text, lang) == []


# --- maths written the translated way, and no internal jargon -----------------------------


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_decimal_point_in_the_maths_of_a_translation_is_found(lang):
    from babel.messages.catalog import Message

    english = "We train with $\\lambda = 0.5$."
    point = Message(english, "On entraîne avec $\\lambda = 0.5$.")
    comma = Message(english, "On entraîne avec $\\lambda = 0{,}5$.")
    display = Message("$$\\hat y = 0.5$$", "$$\\hat y = 0.5$$")
    assert catalogs.check_message(point, lang, []) == [
        "decimal point in maths: write $\\lambda = 0{,}5$ for $\\lambda = 0.5$"
    ]
    assert catalogs.check_message(display, lang, []) == [
        "decimal point in maths: write $$\\hat y = 0{,}5$$ for $$\\hat y = 0.5$$"
    ]
    assert catalogs.check_message(comma, lang, []) == []


def test_the_french_interval_is_the_same_maths_and_a_wrong_one_is_not():
    from babel.messages.catalog import Message

    english = "The sigmoid takes its values in $(0, 1)$ and tanh in $(-1, 1)$."
    french = Message(english, "La sigmoïde prend ses valeurs dans $]0, 1[$ et tanh dans $]-1, 1[$.")
    wrong = Message(english, "La sigmoïde prend ses valeurs dans $]0, 2[$ et tanh dans $]-1, 1[$.")
    assert catalogs.check_message(french, "fr", []) == []
    assert catalogs.check_message(wrong, "fr", [])[0].startswith("maths, code or link changed: missing $(0, 1)$")


@pytest.mark.parametrize(
    "text",
    ["Seed 004's δⁿ = aⁿ − y", "(la semilla 004 del curso)", "o texto-base 004", "the seeds 001 and 004"],
)
def test_internal_jargon_in_a_translation_is_found(text):
    from babel.messages.catalog import Message

    assert catalogs.JARGON.search(text)
    found = catalogs.check_message(Message("the freeCodeCamp guide", f"guide {text}"), "fr", [])
    assert any(p.startswith("internal jargon") for p in found), found
    assert not catalogs.JARGON.search("with seed 0, then the seed 42; 004 steps")
