"""The translation runtime: languages, fallbacks, numbers and ticks in the learner's language."""

import os
import subprocess
import sys

import pytest

from course import i18n
from course.i18n import CourseError, _, get_language, num, set_language


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    set_language("en")


@pytest.mark.parametrize(
    "code, expected",
    [("fr", "fr"), ("es", "es"), ("pt", "pt_BR"), ("pt-BR", "pt_BR"), ("pt_br", "pt_BR"), ("EN", "en")],
)
def test_language_codes_and_aliases(code, expected):
    assert set_language(code) == expected == get_language()


def test_unknown_language_lists_the_available_ones():
    with pytest.raises(CourseError, match=r"Unknown language 'xx': choose one of en, fr, es, pt_BR\."):
        set_language("xx")


def test_unknown_language_message_is_itself_translated():
    set_language("fr")
    with pytest.raises(CourseError) as error:
        set_language("klingon")
    assert "klingon" in str(error.value) and "Unknown language" not in str(error.value)


def test_environment_variable_sets_the_default_language():
    code = "from course.i18n import get_language, num; print(get_language(), num(0.05))"
    env = dict(os.environ, COURSE_LANG="pt-BR")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["pt_BR", "0,05"]


def test_missing_entry_falls_back_to_english():
    set_language("fr")
    assert _("A sentence no catalog has.") == "A sentence no catalog has."
    assert i18n.ngettext("one apple", "{n} apples", 3) == "{n} apples"


def test_catalogs_load_from_po_files_without_compiling():
    set_language("fr")
    assert (
        _("Unknown activation {name!r}: choose one of {choices}.")
        != "Unknown activation {name!r}: choose one of {choices}."
    )


def test_brazilian_plural_rule_counts_zero_as_singular():
    assert i18n.translations("pt_BR").plural(0) == 0
    assert i18n.translations("fr").plural(0) == 0
    assert i18n.translations("es").plural(0) == 1


@pytest.mark.parametrize(
    "lang, x, expected",
    [
        ("en", 0.05, "0.05"),
        ("fr", 0.05, "0,05"),
        ("es", 0.05, "0,05"),
        ("pt_BR", 0.05, "0,05"),
        ("fr", 1e-4, "0,0001"),
        ("en", 1.5e-6, "1.5 × 10⁻⁶"),
        ("fr", 0.000012345, "1,234 × 10⁻⁵"),
        ("fr", 1234.56, "1\u202f235"),
        ("en", 0.6931471, "0.6931"),
        ("en", -2.0, "-2"),
        ("en", 0.0, "0"),
        ("fr", float("nan"), "NaN"),
        ("en", float("inf"), "∞"),
    ],
)
def test_numbers_are_written_for_the_language(lang, x, expected):
    set_language(lang)
    assert num(x) == expected


def test_small_values_are_never_rounded_to_zero():
    for x in (1e-4, 3e-7, 2.5e-12):
        assert num(x) != "0"


def test_tick_formatter_writes_french_ticks():
    import matplotlib

    matplotlib.use("Agg")
    from course.plots import figure

    set_language("fr")
    fig, ax = figure()
    ax.plot([0, 0.05, 0.1], [0, 1, 2])
    ax.set_xticks([0, 0.05, 0.1])
    fig.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["0", "0,05", "0,1"]
    import matplotlib.pyplot as plt

    plt.close(fig)
