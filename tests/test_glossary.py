"""The glossary: complete, extractable, consistent, found in any language (lesson 00)."""

import ast
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file

from course import glossary as g
from course import i18n
from course.i18n import CourseError, get_language, set_language

SOURCE = Path(g.__file__)

# Seed 003's glossary, seeds 001/004's notation, seeds 000/002's terms and the course's own.
REQUIRED_IDS = [
    # seed 003
    "neural_network", "neuron", "forward_propagation", "error", "loss", "backpropagation",
    "weight", "error_gradient", "iteration",
    # seeds 001 and 004
    "weight_matrix", "bias_vector", "pre_activation", "activation", "activation_gradient",
    "pre_activation_gradient", "weight_gradient", "bias_gradient", "learning_rate",
    "parameter_matrix", "accumulated_gradient", "final_gradient", "layer_error",
    "regularization_parameter", "number_of_examples", "elementwise_product", "matrix_product",
    "transpose", "activation_function", "loss_function", "chain_rule", "gradient_descent",
    "layer", "hidden_layer", "output_layer", "input_layer", "derivative", "gradient",
    # seeds 000 and 002
    "stochastic_gradient_descent", "optimization_algorithm", "training_data", "forward_pass",
    "hyperparameter",
    # the course
    "epoch", "mini_batch", "batch_gradient_descent", "sigmoid", "tanh", "relu", "softmax",
    "cross_entropy", "mean_squared_error", "gradient_check", "finite_differences", "overfitting",
    "regularization", "cost_function", "divergence", "vanishing_gradients", "dead_relu",
    "decision_boundary", "weight_initialization", "multilayer_perceptron", "train_test_split",
]  # fmt: skip

# The notation table of seeds 001 and 004, as each entry's `symbol` (with or without ^l).
NOTATION = ["W^l", "b^l", "z^l", "a^l", "da^l", "dz^l", "dW^l", "db^l", "\\alpha", "\\lambda", "\\Theta", "\\Delta"]
NOTATION += ["\\delta", "D", "m", "\\odot", "\\cdot"]

# Proper names and abbreviations keep their capitals; every other term is lower case.
CAPITALIZED = {
    "relu": "ReLU",
    "dead_relu": "dead ReLU",
    "xavier_initialization": "Xavier initialization",
    "he_initialization": "He initialization",
    "jacobian": "Jacobian",
}


def without_math(text):
    return re.sub(r"\$[^$]*\$", "", text)


@pytest.fixture
def english():
    previous = get_language()
    set_language("en")
    yield
    set_language(previous)


@pytest.fixture
def french_catalog(monkeypatch):
    """A French catalog that knows one term only (the real catalogs come later)."""
    terms = {"learning rate": "taux d’apprentissage", "gradient descent": "descente de gradient"}

    class Catalog:
        def gettext(self, message):
            return terms.get(message, message)

    real = i18n.translations
    monkeypatch.setattr(i18n, "translations", lambda lang: Catalog() if lang == "fr" else real(lang))
    previous = get_language()
    yield terms
    set_language(previous)


# --- The data ---


def test_at_least_48_entries_with_unique_snake_case_ids():
    ids = [e.id for e in g.ENTRIES]
    assert len(ids) >= 48
    assert len(set(ids)) == len(ids)
    for id in ids:
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", id), id


def test_related_ids_exist_and_are_not_the_entry_itself():
    for e in g.ENTRIES:
        assert isinstance(e.related, tuple), e.id
        assert len(set(e.related)) == len(e.related), e.id
        for r in e.related:
            assert r in g._BY_ID, (e.id, r)
            assert r != e.id


@pytest.mark.parametrize("id", REQUIRED_IDS)
def test_required_entry_is_present(id):
    assert g.entry(id).id == id


@pytest.mark.parametrize("symbol", NOTATION)
def test_every_symbol_of_the_notation_has_an_entry(symbol):
    symbols = {e.symbol for e in g.ENTRIES}
    assert symbol in symbols or symbol + "^l" in symbols


def test_symbols_are_latex_without_dollars_and_unique():
    symbols = [e.symbol for e in g.ENTRIES if e.symbol]
    assert len(set(symbols)) == len(symbols)
    for symbol in symbols:
        assert "$" not in symbol and symbol == symbol.strip()


def test_terms_are_short_lower_case_words():
    for e in g.ENTRIES:
        assert e.term == CAPITALIZED.get(e.id, e.term.lower()), e.id
        assert len(e.term.split()) <= 4, e.term
        assert not set(e.term) & set("${}%.:"), e.term
    terms = [e.term.lower() for e in g.ENTRIES]
    assert len(set(terms)) == len(terms)


@pytest.mark.parametrize("e", g.ENTRIES, ids=lambda e: e.id)
def test_definition_is_one_to_three_sentences_of_safe_text(e):
    d = e.definition
    assert d == d.strip() and "  " not in d
    assert "%" not in d
    assert d.count("$") % 2 == 0, "unbalanced $"
    prose = without_math(d)
    assert not set(prose) & set("{}"), "braces outside $...$ look like a placeholder"
    assert d.endswith("."), "a definition ends with a full stop"
    sentences = re.findall(r"[.!?](?=\s|$)", prose)
    assert 1 <= len(sentences) <= 3, sentences
    # Every LaTeX command has a plain-text form, so print() shows no backslash.
    assert "\\" not in g.plain(d)
    assert "\\" not in g.plain_math(e.symbol)


def test_definitions_use_terms_only_as_whole_words():
    """The catalog check looks for each English term in every message: "weighted" would
    count as the term "weight" and ask for "poids" where French says "pondérée"."""
    terms = [e.term.lower() for e in g.ENTRIES]
    for e in g.ENTRIES:
        prose = re.sub(r"\$[^$]*\$|`[^`]*`", " ", e.definition).lower()
        for t in terms:
            for match in re.finditer(rf"\b{re.escape(t)}(\w*)", prose):
                assert match.group(1) in ("", "s", "es"), (e.id, match.group(0))


def entry_calls():
    """Each ``Entry(...)`` call of glossary.py: its id and the raw arguments for term and definition."""
    tree = ast.parse(SOURCE.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Entry":
            args = {
                **dict(zip(["id", "term", "definition"], node.args, strict=False)),
                **{k.arg: k.value for k in node.keywords},
            }
            yield args


def literal_n_(node):
    """The string of ``N_("...")``, or None if ``node`` is anything else."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "N_"
        and len(node.args) == 1
        and not node.keywords
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ):
        return node.args[0].value
    return None


def test_terms_and_definitions_are_literal_N__calls_in_the_source():
    found = {}
    for args in entry_calls():
        assert isinstance(args["id"], ast.Constant), ast.dump(args["id"])
        term, definition = literal_n_(args["term"]), literal_n_(args["definition"])
        assert term is not None and definition is not None, f'{args["id"].value}: use N_("...") literals'
        found[args["id"].value] = (term, definition)
    assert found == {e.id: (e.term, e.definition) for e in g.ENTRIES}


def test_pybabel_extracts_every_term_and_definition():
    messages = {message for _line, message, _comments, _context in extract_from_file("python", str(SOURCE))}
    for e in g.ENTRIES:
        assert e.term in messages and e.definition in messages, e.id
    for label in ["Glossary", "Symbol: {symbol}", "See also: {terms}", "Used in lessons: {lessons}"]:
        assert label in messages


# --- Lessons ---


def test_lessons_using_works_without_lessons(tmp_path, monkeypatch):
    monkeypatch.setattr(g, "LESSONS_SRC", tmp_path)
    assert all(g.lessons_using(e.id) == [] for e in g.ENTRIES)


LESSON = """\
# ---
# jupyter:
#   course:
#     glossary: [{ids}]
#     minutes: {{teaching: 10, exercises: 5}}
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# A lesson.
"""


def test_lessons_using_reads_the_lesson_headers(tmp_path, monkeypatch, english):
    (tmp_path / "04_output_layer.py").write_text(LESSON.format(ids="learning_rate, weight_matrix"))
    (tmp_path / "06_gradient_descent.py").write_text(LESSON.format(ids="learning_rate"))
    (tmp_path / "notes.py").write_text(LESSON.format(ids="weight"))  # not a lesson
    monkeypatch.setattr(g, "LESSONS_SRC", tmp_path)
    assert g.lessons_using("learning_rate") == ["04_output_layer", "06_gradient_descent"]
    assert g.lessons_using("weight_matrix") == ["04_output_layer"]
    assert g.lessons_using("weight") == []
    assert "Used in lessons: 04, 06" in str(g.glossary("α"))
    assert "Used in lessons:" not in str(g.glossary("weight"))


def test_every_lesson_lists_existing_entries():
    index = g._lesson_index(g.LESSONS_SRC)
    unknown = {id: stems for id, stems in index.items() if id not in g._BY_ID}
    assert not unknown, f"lessons list glossary ids that do not exist: {unknown}"


def test_unknown_id_is_a_course_error():
    with pytest.raises(CourseError, match="no_such_id"):
        g.entry("no_such_id")
    with pytest.raises(CourseError):
        g.lessons_using("no_such_id")


# --- Looking up ---


@pytest.mark.parametrize(
    "query, id",
    [
        ("learning_rate", "learning_rate"),
        ("learning rate", "learning_rate"),
        ("  Learning   RATE ", "learning_rate"),
        ("LEARNING-RATE", "learning_rate"),
        ("mini batch", "mini_batch"),
        ("Minibatch", "mini_batch"),
        ("relu", "relu"),
        ("Dead ReLU", "dead_relu"),
        ("train/test split", "train_test_split"),
        ("W^l", "weight_matrix"),
        ("$W^{l}$", "weight_matrix"),
        ("W", "weight_matrix"),
        ("w^l", "weight_matrix"),
        ("dW^l", "weight_gradient"),
        ("db^l", "bias_gradient"),
        ("da^l", "activation_gradient"),
        ("dz^l", "pre_activation_gradient"),
        ("z^l", "pre_activation"),
        ("\\alpha", "learning_rate"),
        ("α", "learning_rate"),
        ("alpha", "learning_rate"),
        ("λ", "regularization_parameter"),
        ("Θ", "parameter_matrix"),
        ("theta", "parameter_matrix"),
        ("\\Delta", "accumulated_gradient"),
        ("Δ^l", "accumulated_gradient"),
        ("\\delta", "layer_error"),
        ("δ", "layer_error"),
        ("D", "final_gradient"),
        ("m", "number_of_examples"),
        ("n", "number_of_layers"),
        ("n^l", "layer_size"),
        ("⊙", "elementwise_product"),
        ("\\odot", "elementwise_product"),
        ("⋅", "matrix_product"),
        ("·", "matrix_product"),
        ("ŷ", "prediction"),
    ],
)
def test_lookup_by_id_symbol_or_english_term(query, id, english):
    assert g.lookup(query).id == id


def test_lookup_of_an_entry_is_the_entry():
    e = g.entry("epoch")
    assert g.lookup(e) is e


def test_lookup_of_nonsense_is_a_helpful_course_error(english):
    with pytest.raises(CourseError, match=r"No glossary entry matches 'lerning rat'\. Did you mean: learning rate"):
        g.lookup("lerning rat")
    with pytest.raises(CourseError, match=r"No glossary entry matches 'xyzzy'\. Try a term such as 'learning rate'"):
        g.lookup("xyzzy")
    with pytest.raises(CourseError, match="No glossary entry matches ''"):
        g.lookup("   ")
    with pytest.raises(CourseError):  # δ and Δ differ only by case: "DELTA" names neither
        g.lookup("DELTA")


@pytest.mark.parametrize(
    "query",
    [
        "taux d’apprentissage",
        "taux d'apprentissage",
        "TAUX D'APPRENTISSAGE",
        "taux d apprentissage",
        "Taux-d’Apprentissage",
        "taux dapprentissage",
    ],
)
@pytest.mark.parametrize("lang", ["fr", "en", "es"])
def test_lookup_of_a_translated_term_in_any_language(french_catalog, query, lang):
    set_language(lang)  # a French term is found whatever the current language
    assert g.lookup(query).id == "learning_rate"


def test_lookup_ignores_accents(monkeypatch):
    class Catalog:
        def gettext(self, message):
            return {"backpropagation": "rétropropagation", "derivative": "dérivée"}.get(message, message)

    real = i18n.translations
    monkeypatch.setattr(i18n, "translations", lambda lang: Catalog() if lang == "fr" else real(lang))
    assert g.lookup("Rétropropagation").id == "backpropagation"
    assert g.lookup("retropropagation").id == "backpropagation"
    assert g.lookup("DERIVEE").id == "derivative"


# --- Showing ---


def test_glossary_shows_the_entry_in_english(english):
    shown = g.glossary("alpha")
    text = str(shown)
    assert repr(shown) == text
    assert text.startswith("learning rate\nSymbol: α\n")
    assert "English:" not in text
    assert "α dW^l" in text and "$" not in text
    assert "See also: gradient descent, hyperparameter, divergence" in text
    markdown = shown._repr_markdown_()
    assert markdown.startswith("**learning rate**")
    assert "Symbol: $\\alpha$" in markdown
    assert "$W^l \\leftarrow W^l - \\alpha\\, dW^l$" in markdown


def test_glossary_shows_the_english_term_beside_a_translation(french_catalog):
    set_language("fr")
    shown = g.glossary("learning rate")
    assert str(shown).startswith("taux d’apprentissage (English: learning rate)\n")
    assert "descente de gradient" in str(shown)  # related terms are translated too
    assert shown._repr_markdown_().startswith("**taux d’apprentissage (English: learning rate)**")
    # No English aside when the translation is the English term (not translated yet, or ReLU).
    assert str(g.glossary("relu")).startswith("ReLU\n")


def test_glossary_without_query_shows_every_entry(english):
    text = str(g.glossary())
    assert all(e.term in text for e in g.ENTRIES)


def test_sorted_entries_ignore_case_and_accents(french_catalog):
    english_order = [e.term for e in g.sorted_entries("en")]
    assert english_order == sorted(english_order, key=str.lower)
    french = [g.term(e, "fr") for e in g.sorted_entries("fr")]
    assert french.index("descente de gradient") < french.index("taux d’apprentissage")
    assert french.index("dead ReLU") < french.index("descente de gradient") < french.index("divergence")


def test_render_markdown_in_english_contains_every_entry(english):
    page = g.render_markdown("en")
    assert page.startswith("# Glossary\n\nThis page is generated from the course's translation catalogs")
    for e in g.ENTRIES:
        assert e.term in page and e.definition in page
        assert f'<a id="{e.id}"></a>' in page
        for r in e.related:
            assert f"](#{r})" in page
    assert page.index('<a id="accuracy"') < page.index('<a id="backpropagation"') < page.index('<a id="weight"')


def test_render_markdown_restores_the_language(french_catalog):
    set_language("es")
    page = g.render_markdown("fr")
    assert get_language() == "es"
    assert "### taux d’apprentissage (English: learning rate)" in page
    assert "taux" not in g.entry_markdown(g.entry("learning_rate"))  # shown in Spanish again, not French


def test_render_markdown_restores_the_language_after_an_error(english):
    with pytest.raises(CourseError):
        g.render_markdown("xx")
    assert get_language() == "en"


@pytest.mark.parametrize(
    ("lang", "name", "id"),
    [
        ("en", "node", "neuron"),
        ("en", "transition matrix", "parameter_matrix"),
        ("en", "one-sided difference", "forward_difference"),
        ("en", "weight decay", "regularization"),
        # the names of the Portuguese source text, which a learner coming from it will search for
        ("pt_BR", "matriz de transição", "parameter_matrix"),
        ("pt_BR", "nó", "neuron"),
        ("pt_BR", "propagação progressiva", "forward_propagation"),
        ("pt_BR", "termo de regularização", "regularization"),
    ],
)
def test_an_entry_is_found_by_its_other_names(lang, name, id):
    with i18n.language(lang):
        assert g.lookup(name).id == id
        shown = g.entry_text(g.entry(id))
    assert name in shown, "the entry says its other names"


def test_other_names_do_not_shadow_a_term():
    # "unit" is another name of the neuron; a term of another entry always wins over another name
    for e in g.ENTRIES:
        for lang in i18n.LANGUAGES:
            with i18n.language(lang):
                assert g.lookup(g.term(e)).id == e.id
