"""The catalogs CI checks: complete, no fuzzy, placeholders and maths intact, no English left, glossary terms, in sync."""

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from course import catalogs
from course.catalogs import TRANSLATED, check_catalog, english_sentences, po_path

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("domain", catalogs.domains())
def test_every_shipped_language_is_complete(lang, domain):
    s = catalogs.status(lang, domain)
    assert (s.fuzzy, s.untranslated) == (0, 0), f"{lang}/{domain}: {s.fuzzy} fuzzy, {s.untranslated} untranslated"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalogs_have_no_problem(lang):
    terms = catalogs.glossary_terms(lang)
    problems = [p for d in catalogs.domains() for p in check_catalog(po_path(lang, d), lang, terms)]
    assert not problems, "\n".join(map(str, problems))


@pytest.mark.parametrize("domain", catalogs.domains())
def test_catalogs_are_in_sync_with_the_sources(domain):
    problems = catalogs.check_sync(domain)
    assert not problems, "\n".join(map(str, problems))


# --- the checks themselves, on planted mistakes ------------------------------------------


def plant(tmp_path, lang, change):
    """A copy of the ``course`` catalog of ``lang`` with ``change(catalog)`` applied; returns (path, line of the changed entry)."""
    path = tmp_path / f"{lang}.po"
    shutil.copy(po_path(lang, "course"), path)
    with path.open("rb") as fp:
        catalog = read_po(fp, locale=lang)
    msgid = change(catalog)
    with path.open("wb") as fp:
        write_po(fp, catalog)
    with path.open("rb") as fp:
        line = read_po(fp, locale=lang)[msgid].lineno
    return path, line


MESSAGE = "Unknown activation {name!r}: choose one of {choices}."


@pytest.mark.parametrize(
    "broken, problem",
    [
        ("Activation inconnue {nom!r} : choisissez parmi {choices}.", "placeholders differ"),
        ("Activation inconnue {name!r}.", "placeholders differ"),
        ("Unknown activation {name!r}: choose one of {choices}.", "msgstr is identical to msgid"),
        (
            "Activation {name!r} : this activation is not one of the ones we know, choose one of {choices}.",
            "English sentence left",
        ),
        ("", "untranslated"),
    ],
    ids=["renamed-field", "missing-field", "same-as-source", "english-inside", "missing"],
)
def test_a_planted_mistake_names_file_line_and_problem(tmp_path, broken, problem):
    def change(catalog):
        catalog[MESSAGE].string = broken
        return MESSAGE

    path, line = plant(tmp_path, "fr", change)
    found = [str(p) for p in check_catalog(path, "fr")]
    assert any(p.startswith(f"{path}:{line}: {problem}") for p in found), found


def test_fuzzy_entries_are_reported(tmp_path):
    def change(catalog):
        catalog[MESSAGE].flags.add("fuzzy")
        return MESSAGE

    path, line = plant(tmp_path, "es", change)
    assert f"{path}:{line}: fuzzy" in "\n".join(map(str, check_catalog(path, "es")))


def test_changed_maths_is_reported():
    from babel.messages.catalog import Message

    message = Message(
        "The update is $W^l - \\alpha dW^l$ for every layer.",
        "La mise à jour est $W^l + \\alpha dW^l$ pour chaque couche.",
    )
    assert any("maths, code or link changed" in p for p in check_message_fr(message))


def check_message_fr(message):
    return catalogs.check_message(message, "fr", [])


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


def test_same_text_is_accepted_when_flagged():
    from babel.messages.catalog import Message

    assert catalogs.check_message(Message("ReLU", "ReLU", flags=["ignore-same"]), "fr", []) == []
    assert catalogs.check_message(Message("ReLU", "ReLU"), "fr", []) != []


# --- the English detector on real text ---------------------------------------------------


def seed_paragraphs(name):
    text = next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")
    return [p for p in text.split("\n") if len(p.split()) > 6]


@pytest.mark.skipif(not SEEDS.exists(), reason="the seeds are beside the repository, in shared/")
@pytest.mark.parametrize("seed, lang", [("000", "fr"), ("002", "es")])
def test_detector_finds_the_english_left_in_the_broken_seeds(seed, lang):
    flagged = [p for p in seed_paragraphs(seed) if english_sentences(p, lang)]
    assert any("It is part of the backpropagation process" in p for p in flagged)
    assert any("To compute the gradients, backpropagation starts" in p for p in flagged)
    assert len(flagged) >= 4


@pytest.mark.skipif(not SEEDS.exists(), reason="the seeds are beside the repository, in shared/")
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
