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


def test_plural_rules_come_from_the_catalogs_headers():
    # French and Brazilian Portuguese count 0 as singular, Spanish does not; 1 000 000 is plural
    # everywhere, whatever CLDR release the installed Babel carries (2.19 adds a third form).
    for lang, zero in (("fr", 0), ("pt_BR", 0), ("es", 1)):
        for catalog in i18n.translations(lang).catalogs:
            assert [catalog.plural(n) for n in (0, 1, 2, 5, 10**6)] == [zero, 0, 1, 1, 1], catalog.path


def catalog_messages(lang):
    """(singular, plural or None, context) of every translated message in the catalogs of ``lang``."""
    from babel.messages.pofile import read_po

    for po in sorted((i18n.LOCALES / lang / "LC_MESSAGES").glob("*.po")):
        with po.open("rb") as fp:
            for m in read_po(fp):
                if m.id and not m.fuzzy:
                    ids = m.id if isinstance(m.id, (list, tuple)) else (m.id, None)
                    yield ids[0], ids[1], m.context


@pytest.mark.smoke
@pytest.mark.parametrize("lang", ["fr", "es", "pt_BR"])
def test_every_message_comes_back_translated_for_every_count(lang):
    """Every singular, and every plural for n = 0, 1, 2, 5 and 1 000 000, comes from the catalog, never the English."""
    catalogs = i18n.translations(lang)
    english = []
    for singular, plural, context in catalog_messages(lang):
        if plural is None:
            found = catalogs.gettext(singular) if context is None else catalogs.pgettext(context, singular)
            english += [] if isinstance(found, i18n.Translated) else [singular]
            continue
        for n in (0, 1, 2, 5, 1_000_000):
            if context is None:
                found = catalogs.ngettext(singular, plural, n)
            else:
                found = catalogs.npgettext(context, singular, plural, n)
            english += [] if isinstance(found, i18n.Translated) else [f"{singular} (n = {n})"]
    assert english == []


@pytest.mark.parametrize(
    "value, expected",
    [
        ("fr_FR.UTF-8", "fr"),
        ("pt_BR.UTF-8", "pt_BR"),
        ("es_MX", "es"),
        ("pt-BR", "pt_BR"),
        ("en_GB.UTF-8", "en"),
        ("", "en"),
    ],
)
def test_course_lang_in_posix_form_names_the_course_language(value, expected):
    code = "import course; print(course.get_language())"
    done = subprocess.run(
        [sys.executable, "-c", code], env=dict(os.environ, COURSE_LANG=value), capture_output=True, text=True
    )
    assert (done.returncode, done.stdout.strip(), done.stderr) == (0, expected, "")


@pytest.mark.parametrize("value", ["C.UTF-8", "xx", "klingon"])
@pytest.mark.parametrize("command", [["-c", "import course; print(course.get_language())"], ["-m", "course", "--help"]])
def test_an_unknown_course_lang_warns_once_and_keeps_english(value, command):
    done = subprocess.run(
        [sys.executable, *command], env=dict(os.environ, COURSE_LANG=value), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.count(f"COURSE_LANG={value!r} is not a language of the course") == 1
    assert "en" in done.stdout.split() or "usage:" in done.stdout


# --- a broken catalog never hurts a learner -----------------------------------------------


@pytest.fixture
def locales(tmp_path, monkeypatch):
    """A copy of the catalogs that a test may break; the runtime reads it instead of the real one."""
    import shutil

    copy = tmp_path / "locales"
    shutil.copytree(i18n.LOCALES, copy, ignore=shutil.ignore_patterns("*.pot", "words.txt"))
    monkeypatch.setattr(i18n, "LOCALES", copy)
    i18n.translations.cache_clear()
    i18n._warned.clear()
    yield copy
    i18n.translations.cache_clear()


def break_catalog(locales, domain, old, new, lang="fr"):
    path = locales / lang / "LC_MESSAGES" / f"{domain}.po"
    data = path.read_bytes()
    assert old in data
    path.write_bytes(data.replace(old, new, 1))
    return path.relative_to(locales.parent), data[: data.index(old)].count(b"\n") + 1


@pytest.mark.parametrize(
    "old, new, problem",
    [
        ("sigmoïde".encode(), b"sigmo\xefde", "not UTF-8"),
        (b'msgid "sigmoid"', b'this is not PO syntax\nmsgid "sigmoid"', "Unknown or misformatted keyword"),
        (b"nplurals=2; plural=(n > 1);", b"nplurals=2; plural=(n >;", "Plural-Forms"),
    ],
    ids=["not-utf8", "garbage-line", "bad-plural-rule"],
)
def test_an_unreadable_catalog_warns_once_and_falls_back_to_english(locales, old, new, problem):
    path, line = break_catalog(locales, "course", old, new)
    set_language("fr")
    with pytest.warns(i18n.CourseWarning) as caught:
        assert _("Unknown loss {name!r}: choose one of {choices}.").startswith("Unknown loss")  # English...
    assert len(caught) == 1
    warning = str(caught[0].message)
    assert warning.startswith(f"{path}:{line}: this catalog cannot be read") and problem in warning, warning
    assert _("# 04. The output layer") == "# 04. La couche de sortie"  # the lessons' catalogs still speak French


def test_a_translation_whose_placeholders_do_not_format_falls_back_to_english(locales):
    from course.activations import activation

    path, _line = break_catalog(locales, "course", b"choisissez parmi {choices}", b"choisissez parmi {choices")
    set_language("fr")
    with pytest.warns(i18n.CourseWarning) as caught, pytest.raises(CourseError) as error:
        activation("swish")
    assert str(error.value) == "Unknown activation 'swish': choose one of sigmoid, tanh, relu, identity, softmax."
    (warning,) = caught
    assert str(warning.message).startswith(f"{path}:") and "does not fit its placeholders" in str(warning.message)
    assert "ne correspond pas à ses champs" in str(warning.message)  # said in French too


def test_a_renamed_placeholder_falls_back_to_english(locales):
    from course.activations import activation

    break_catalog(locales, "course", b"inconnue {name!r}", b"inconnue {nom!r}")
    set_language("fr")
    with pytest.warns(i18n.CourseWarning), pytest.raises(CourseError, match=r"^Unknown activation 'swish'"):
        activation("swish")


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
        ("es", 3027705, "3\u202f027\u202f705"),  # RAE, ISO: a narrow space, never a point
        ("es", 13925, "13\u202f925"),
        ("es", 1234.56, "1235"),  # four digits stay whole (RAE)
        ("es", 9999.6, "10\u202f000"),
        ("pt_BR", 3027705, "3.027.705"),
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


def test_a_spanish_learner_reads_no_point_in_a_number():
    """A point would be a decimal mark in Mexico: Spanish groups with a narrow space and keeps the decimal comma."""
    with i18n.language("es"):
        assert num(1234.5, 5) == "1234,5"
        assert num(-12345.6, 6) == "−12\u202f345,6"
        assert "." not in num(3027705) + num(0.05)


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


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("Attention : α ?", "Attention\u00a0: α\u202f?"),
        ("Bravo ! Et ensuite ; enfin", "Bravo\u202f! Et ensuite\u202f; enfin"),
        ("le « taux » et «x»", "le «\u00a0taux\u00a0» et «\u00a0x\u00a0»"),
        ("code `a : b`, maths $a : b$ et $$x ; y$$ !", "code `a : b`, maths $a : b$ et $$x ; y$$\u202f!"),
        ("| --- | :--- |", "| --- | :--- |"),
        ("voir ![figure](a.png)", "voir ![figure](a.png)"),
        ('<span lang="en">Run : all</span> ?', '<span lang="en">Run : all</span>\u202f?'),
        ("http://127.0.0.1:8000/?token=x", "http://127.0.0.1:8000/?token=x"),
    ],
)
def test_french_spacing_is_applied_to_prose_only(typed, read):
    assert i18n.french_spacing(typed) == read


def test_a_french_learner_reads_french_spacing_and_true_minus_signs():
    with i18n.language("fr"):
        sentence = i18n._("Exercise {id} is not solved yet: the cells below go on with the right {symbols}.")
        negative = i18n.num(-0.04696)
    assert "\u00a0:" in sentence and " :" not in sentence
    assert negative == "−0,04696"
    with i18n.language("en"):  # English keeps what Python prints, so numbers paste back into code
        assert i18n.num(-0.04696) == "-0.04696"
        assert "\u00a0" not in i18n._(
            "Exercise {id} is not solved yet: the cells below go on with the right {symbols}."
        )
