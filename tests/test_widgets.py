"""The widgets of lessons 05-09, driven as a learner would: set .value, click, look at what is shown."""

import matplotlib

matplotlib.use("Agg")  # never open a window

import base64
import html
import re

import ipywidgets
import matplotlib.pyplot as plt
import numpy as np
import pytest

from course import Network, layer_backward, layer_forward, set_language
from course.data import DATASETS, moons
from course.diagnosis import gradient_check_verdict
from course.notebook import tex_matrix, tex_number
from course.widgets import AlphaExplorer, GradientCheckView, GradientNorms, Playground, Stepper

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
SMALL = {"m": 60, "steps": 20, "points": 20}  # a playground that trains in a few milliseconds


def gradient_problem():
    x, y = moons(m=6, seed=3)
    return Network([2, 3, 2, 1], f="tanh", f_out="sigmoid", seed=1), x, y


def every_widget(root):
    yield root
    for child in getattr(root, "children", ()):
        yield from every_widget(child)


def has_words(text):
    """Whether text has words to translate, once tags, maths (also norms written ‖dWˡ‖) and LaTeX commands are taken out."""
    text = re.sub(r"<[^>]+>|\$\$.*?\$\$|\$[^$]*\$|‖[^‖]*‖|\\[a-z]+", " ", text, flags=re.S)
    return re.search(r"[A-Za-z]{2,}", text) is not None


def shown_strings(widget):
    """Every string a learner reads in the widget: descriptions, labels, HTML, options, figure texts."""
    strings = []
    for w in every_widget(widget.widget):
        strings += [getattr(w, name) for name in ("description", "tooltip") if getattr(w, name, None)]
        if isinstance(w, (ipywidgets.Label, ipywidgets.HTML, ipywidgets.HTMLMath)):
            strings.append(w.value)
        if isinstance(w, (ipywidgets.Dropdown, ipywidgets.SelectionSlider)):
            strings += [option[0] if isinstance(option, tuple) else option for option in w.options]
    figure = getattr(widget, "figure", None)
    if figure is not None:
        ticks = tick_labels(figure.fig)
        for text in figure.fig.findobj(matplotlib.text.Text):
            if text.get_visible() and text not in ticks:
                strings.append(text.get_text())
    return [s for s in strings if s]


def tick_labels(fig):
    fig.canvas.draw()
    return [t for ax in fig.axes if ax.axison for axis in (ax.xaxis, ax.yaxis) for t in axis.get_ticklabels()]


# Playground (lesson 07) -----------------------------------------------------------------


def test_network_sizes_follow_the_sliders():
    pg = Playground(layers=2, neurons=8, **SMALL)
    assert pg.net.sizes == [2, 8, 8, 1]
    with pg.hold():
        pg.layers.value = 3
        pg.neurons[0].value, pg.neurons[1].value, pg.neurons[2].value = 4, 5, 6
    assert pg.net.sizes == [2, 4, 5, 6, 1]
    assert [s.layout.display for s in pg.neurons] == [None, None, None, "none", "none", "none"]
    pg.layers.value = 0
    assert pg.net.sizes == [2, 1]
    pg.f.value = "relu"
    assert pg.net.f[1] == "sigmoid"  # the output stays a sigmoid
    pg.layers.value = 1
    assert (pg.net.f[1], pg.net.f[2]) == ("relu", "sigmoid")


def test_a_slider_retrains_and_the_pictures_change():
    pg = Playground(alpha=0.1, **SMALL)
    before_png, before_image = pg.image.value, pg.figure.image.get_array().copy()
    before_curve = pg.figure.train_line.get_ydata().copy()
    pg.alpha.value = 1.0
    assert pg.t == SMALL["steps"] and pg.checkpoints[0] == 0 and pg.checkpoints[-1] == SMALL["steps"]
    assert pg.image.value != before_png
    assert not np.allclose(pg.figure.image.get_array(), before_image)
    assert not np.allclose(pg.figure.train_line.get_ydata(), before_curve)
    assert pg.image.value[:8] == b"\x89PNG\r\n\x1a\n"


def test_data_controls_move_the_points():
    pg = Playground(dataset="moons", **SMALL)
    before = pg.figure.train_points[0].get_xydata().copy()
    pg.dataset.value = "circles"
    assert not np.allclose(pg.figure.train_points[0].get_xydata(), before)
    pg.test_fraction.value = 0.2
    assert pg.x_test.shape[1] == 12 and pg.x_train.shape[1] == 48
    assert sum(len(line.get_xdata()) for line in pg.figure.test_points) == 12


def test_buttons_train_step_and_reset():
    pg = Playground(**SMALL)
    pg.train_button.click()
    assert pg.t == 2 * SMALL["steps"]
    curve = pg.figure.train_line.get_xdata()
    assert curve[-1] == pg.t
    pg.step_button.click()
    assert pg.t == 2 * SMALL["steps"] + 1
    pg.reset_button.click()
    assert pg.t == 0 and pg.checkpoints == [0] and len(pg.J_test) == 1


def test_mini_batches_and_regularization():
    pg = Playground(batch_size=10, lam=0.01, **SMALL)
    assert pg.batch_size.value == 10 and pg.lam.value == 0.01
    pg.batch_size.value = 1
    assert pg.t == SMALL["steps"]
    assert np.isfinite(pg.J_train).all()


EXTREMES = [
    {"alpha": 10.0},
    {"alpha": 0.1, "layers": 0},
    {"layers": 6, "neurons": 16},
    {"layers": 3, "neurons": 1, "f": "relu"},
    {"noise": 0.5, "f": "sigmoid", "batch_size": 1},
    {"alpha": 1e-4, "lam": 10.0, "batch_size": 0},
]


def set_controls(pg, **values):
    with pg.hold():
        for name, value in values.items():
            for control in pg.neurons if name == "neurons" else [getattr(pg, name)]:
                control.value = value


def test_any_batch_size_is_offered_and_one_example_is_sgd():
    playground = Playground(batch_size=3, **SMALL)
    assert playground.batch_size.value == 3
    assert dict(playground.batch_size.options)["1 (SGD)"] == 1
    assert [label for label, _ in playground.batch_size.options].count("1 (SGD)") == 1


def test_one_number_is_a_list_of_one():
    explorer = AlphaExplorer(alphas=0.1, hidden=4, steps=20, m=60)
    assert explorer.alphas == (0.1,) and explorer.hidden == (4,)


def test_extreme_settings_never_crash():
    pg = Playground(m=40, steps=10, points=20)
    for settings in EXTREMES:
        set_controls(pg, **settings)
        assert pg.status.value and pg.image.value, settings
        if "layers" in settings:
            assert len(pg.net.sizes) == settings["layers"] + 2
        pg.step_button.click()
    set_controls(pg, alpha=10.0, layers=6, neurons=16, noise=0.5)
    for dataset in DATASETS:
        pg.dataset.value = dataset
        assert pg.status.value and pg.image.value, dataset


def test_divergence_is_explained_not_raised():
    pg = Playground(dataset="xor", alpha=10.0, m=60, steps=100, points=20)
    assert pg.diverged_at is not None
    assert any("diverged at step" in message for message in pg.messages)
    assert "diverged" in pg.diagnosis.value
    assert pg.summary().splitlines()[1] == pg.messages[0]
    assert pg.figure.diverged_text.get_text() == f"diverged at step {pg.diverged_at}"
    assert len(pg.figure.diverged_marker.get_xdata()) == 1
    pg.alpha.value = 0.3
    assert pg.diverged_at is None and pg.figure.diverged_text.get_text() == ""


# α explorer (lesson 06) -----------------------------------------------------------------


def test_alpha_explorer_runs_every_alpha_and_the_chosen_one():
    explorer = AlphaExplorer(alpha=0.3, steps=40, m=60)
    assert [run.alpha for run in explorer.runs] == [0.001, 0.01, 0.1, 1.0, 10.0, 0.3]
    lines = explorer.summary().splitlines()
    assert len(lines) == 6
    assert lines[-1].startswith("α = 0.3 (your choice): cost ")
    assert lines[-2].startswith("α = 10: diverged at step ")
    assert "diverged at step" in explorer.figure.lines[4].get_label()
    assert len(explorer.figure.ends[4].get_xdata()) == 1  # the diverged curve ends with a marker
    chosen = explorer.figure.lines[5].get_ydata().copy()
    picture = explorer.image.value
    explorer.alpha.value = 3.0
    assert explorer.runs[-1].alpha == 3.0
    assert explorer.image.value != picture
    assert not np.array_equal(explorer.figure.lines[5].get_ydata(), chosen)
    assert "(your choice)" in explorer.figure.lines[5].get_label()


def test_alpha_explorer_diagnoses_the_chosen_alpha():
    explorer = AlphaExplorer(alpha=10.0, alphas=(0.1, 1.0), steps=30, m=60)
    assert explorer.runs[-1].diverged_at is not None
    assert len(explorer.messages) == 1 and "α = 1" in explorer.messages[0]  # the largest calm α tried
    assert "diverged" in explorer.diagnosis.value
    explorer.steps.value = 20
    assert len(explorer.runs[0].history) == 20


def test_alpha_summary_in_french_uses_decimal_commas():
    set_language("fr")
    summary = AlphaExplorer(alpha=0.3, alphas=(0.001, 0.01), steps=20, m=40).summary()
    assert "α = 0,001" in summary and "α = 0,3" in summary
    assert re.search(r"\d,\d", summary.splitlines()[0].split(":")[1])  # the loss, too


# Stepper (lesson 09) --------------------------------------------------------------------


def test_stepper_walks_through_forward_backward_and_update():
    stepper = Stepper(sizes=(2, 3, 1), f="tanh", alpha=0.5, seed=2)
    # 2 layers: z, a twice; the loss; dz, dW, db, da^1 then dz, dW, db; two updates.
    assert len(stepper.steps) == 4 + 1 + 4 + 3 + 2
    assert stepper.position.value == "Step 1 of 14" and stepper.previous_button.disabled
    assert stepper.formula.startswith("z^{1} = W^{1} a^{0} + b^{1} =")
    formulas = [stepper.formula]
    for _k in range(13):
        stepper.next_button.click()
        formulas.append(stepper.formula)
    assert stepper.position.value == "Step 14 of 14" and stepper.next_button.disabled
    stepper.next_button.click()
    assert stepper.index == 13
    heads = [f.removeprefix("\\begin{aligned} ").split(" =")[0].split(" &\\leftarrow")[0] for f in formulas]
    assert heads == [
        "z^{1}", "a^{1}", "z^{2}", "a^{2}", "\\hat y", "dz^{2}", "dW^{2}", "db^{2}", "da^{1}",
        "dz^{1}", "dW^{1}", "db^{1}", "W^{1}", "W^{2}",
    ]  # fmt: skip
    stepper.previous_button.click()
    assert stepper.index == 12 and "\\begin{pmatrix}" in stepper.math.value


def test_stepper_numbers_are_the_engines():
    x, y = np.array([[0.5], [-0.2]]), np.array([[1.0]])
    stepper = Stepper(sizes=(2, 2, 1), f="sigmoid", alpha=0.5, seed=4, x=x, y=y)
    net = Network([2, 2, 1], f="sigmoid", seed=4)
    z1, a1 = layer_forward(1, net.W[1], net.b[1], x, "sigmoid")
    z2, a2 = layer_forward(2, net.W[2], net.b[2], a1, "sigmoid")
    assert stepper.steps[0].formula.endswith(tex_matrix(z1))
    assert stepper.steps[3].formula.endswith(tex_matrix(a2))
    da2 = (a2 - y) / (a2 * (1 - a2))
    dz2, dW2, db2, da1 = layer_backward(2, da2, a1, z2, net.W[2], "sigmoid")
    assert stepper.steps[4].formula.endswith(tex_matrix(da2))
    assert stepper.steps[5].formula.endswith(tex_matrix(dz2))
    assert stepper.steps[6].formula.endswith(tex_matrix(dW2))
    assert stepper.steps[7].formula.endswith(tex_matrix(db2))
    assert stepper.steps[8].formula.endswith(tex_matrix(da1))
    assert stepper.steps[-1].formula.split(" \\\\ ")[0].endswith(tex_matrix(net.W[2] - 0.5 * dW2))


def test_stepper_writes_numbers_for_the_language():
    set_language("fr")
    stepper = Stepper(sizes=(2, 2, 1), alpha=0.5, x=[[0.25], [-0.5]])
    assert r"\begin{pmatrix}0{,}25 \\ -0{,}5\end{pmatrix}" in stepper.formula
    assert tex_number(0.5) == "0{,}5"
    assert tex_number(1.5e-6) == r"1{,}5 \times 10^{-6}"
    set_language("en")
    assert tex_number(1234.5, 5) == "1{,}234.5"


# Gradient-check view (lesson 05) --------------------------------------------------------


def test_gradient_check_view_of_a_right_backward_pass():
    net, x, y = gradient_problem()
    view = GradientCheckView(net, x, y)
    assert view.check.worst < 1e-7
    assert "right" in view.verdict.value and view.summary() == gradient_check_verdict(view.check)
    assert len(view.figure.fig.axes) == 3 + 1  # one heat map per layer and the colour bar


def test_gradient_check_view_shows_where_a_backward_pass_is_wrong():
    net, x, y = gradient_problem()
    net.forward(x)
    net.backward(y)
    dW = {l: net.dW[l].copy() for l in range(1, 4)}
    db = {l: net.db[l].copy() for l in range(1, 4)}
    dW[2][1, 0] *= -1  # a sign error in one entry
    view = GradientCheckView(net, x, y, dW=dW, db=db)
    assert "wrong" in view.verdict.value and "dW^2" in view.verdict.value and "row 2, column 1" in view.verdict.value
    framed = [p for ax in view.figure.fig.axes for p in ax.patches]
    assert len(framed) == 1 and framed[0].axes is view.figure.fig.axes[1] and framed[0].get_xy() == (-0.5, 0.5)
    picture = view.image.value
    view.update()
    assert view.check.worst < 1e-7 and view.image.value != picture


# Every widget: language, numbers, display -----------------------------------------------


def make_all():
    net, x, y = gradient_problem()
    return [
        Playground(**SMALL),
        AlphaExplorer(steps=20, m=40, alphas=(0.01, 10.0)),
        Stepper(),
        GradientCheckView(net, x, y),
    ]


@pytest.fixture(scope="module")
def made_in_english():
    """One widget of each kind, made in English, for the tests that only look at them."""
    set_language("en")
    return make_all()


def test_every_label_goes_through_the_translation(marked):
    for widget in make_all():
        strings = shown_strings(widget)
        assert strings
        untranslated = [s for s in strings if has_words(s) and "‹" not in s]
        assert untranslated == [], type(widget).__name__
        assert "‹" in widget.text()


def test_numbers_and_ticks_use_the_decimal_comma():
    set_language("fr")
    pg = Playground(alpha=0.5, noise=0.25, lam=0.001, **SMALL)
    assert (pg.alpha_readout.value, pg.noise_readout.value, pg.test_fraction_readout.value) == ("0,5", "0,25", "0,5")
    assert "0,001" in [label for label, _value in pg.lam.options]
    assert pg.alpha.readout is False and pg.noise.readout is False
    pg.alpha.value = 0.05
    assert pg.alpha_readout.value == "0,05"
    assert re.search(r"\d,\d", pg.status.value)
    assert "α = 0,05" in pg.text()
    ticks = [t.get_text() for t in tick_labels(pg.figure.fig)]
    assert any(re.fullmatch(r"−?\d+,\d+", t) for t in ticks) and not any("." in t for t in ticks)


def test_language_applies_to_widgets_made_afterwards(request, made_in_english):
    request.getfixturevalue("marked")  # from here on, every message is marked
    after = Playground(**SMALL)
    assert after.alpha.description.startswith("‹") and not made_in_english[0].alpha.description.startswith("‹")


def test_display_bundle_has_the_widget_a_picture_and_a_line_of_text(made_in_english):
    for widget in made_in_english:
        bundle = widget._repr_mimebundle_()
        assert WIDGET_VIEW in bundle and bundle[WIDGET_VIEW]["model_id"] == widget.widget.model_id
        assert bundle["text/plain"] == repr(widget) and "0x" not in bundle["text/plain"]
        if "image/png" in bundle:
            assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG")
        else:
            assert "$$" in bundle["text/html"]
    playground, explorer, stepper, check = (repr(widget) for widget in made_in_english)
    assert playground == "Playground: moons, network 2-8-8-1, α = 0.3"
    assert explorer == "α explorer: network 2-8-8-1 on moons, your α = 0.3"
    assert stepper == "Backpropagation stepper: network 2-2-1, α = 0.5, step 1 of 14"
    assert check == "Gradient check of network 2-3-2-1"


def test_figures_are_not_shown_by_pyplot(made_in_english):
    figures = [widget.figure.fig for widget in made_in_english if hasattr(widget, "figure")]
    assert len(figures) == 3 and all(fig.canvas.manager is None for fig in figures)
    assert not any(plt.figure(number) in figures for number in plt.get_fignums())


def test_sliders_update_on_release_only(made_in_english):
    pg = made_in_english[0]
    sliders = [w for w in every_widget(pg.widget) if isinstance(w, (ipywidgets.FloatSlider, ipywidgets.IntSlider))]
    sliders += [pg.alpha, pg.lam]
    assert sliders and all(s.continuous_update is False for s in sliders)
    assert all(s.style.description_width == "initial" for s in sliders)


# Gradient norms (lesson 11) -----------------------------------------------------------------------


def test_gradient_norms_follow_depth_activation_and_scale():
    g = GradientNorms()
    assert g.net.sizes == [2, *[10] * 9, 1] and sorted(g.dW_norms) == list(range(1, 11))
    assert g.summary().startswith("The gradients vanish: ‖dW^1‖ is less than 0.001 times ‖dW^10‖")
    first = g.image.value
    g.f.value = "tanh"
    assert g.summary().startswith("The gradients neither vanish nor explode") and g.image.value != first
    g.f.value, g.scale.value = "relu", 10**0.5
    assert g.summary().startswith("The gradients explode: ‖dW^1‖ = ")
    assert g.dW_norms[1] > 10 * np.linalg.norm(g.net.W[1])
    g.scale.value = 2**0.5  # He
    assert g.summary().startswith("The gradients neither vanish nor explode")
    g.depth.value = 4
    assert g.net.n == 4 and sorted(g.db_norms) == [1, 2, 3, 4] and g.verdict.value == html.escape(g.summary())
    assert g.text() == "Gradient norms: network 2-10-10-10-1, ReLU, scale s = 1.414"


def test_gradient_norms_with_the_scale_of_n01_match_the_engine():
    g = GradientNorms(depth=3, f="tanh", scale=1.0, width=5, m=20, seed=2)
    net = Network([2, 5, 5, 1], f="tanh", f_out="sigmoid", init="lecun", seed=2)
    net.forward(g.x)
    net.backward(g.y)
    assert g.dW_norms == {l: float(np.linalg.norm(net.dW[l])) for l in (1, 2, 3)}


def test_gradient_norms_keep_a_picture_for_readers_without_a_kernel():
    set_language("en")
    g = GradientNorms(f="tanh")
    bundle = g._repr_mimebundle_()
    assert WIDGET_VIEW in bundle and base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG")
    assert bundle["text/plain"] == "Gradient norms: network 2-10-10-10-10-10-10-10-10-10-1, tanh, scale s = 1"
    assert g.figure.fig.canvas.manager is None
    assert all(s.continuous_update is False for s in (g.depth, g.scale)) and g.scale.readout is False


def test_gradient_norms_are_translated(marked):
    g = GradientNorms(depth=3)
    strings = shown_strings(g)
    assert strings and [s for s in strings if has_words(s) and "‹" not in s] == []
    assert "‹" in g.text() and g.scale_readout.value == "1"


# Bad arguments get a sentence in the learner's language that names them --------------------------

BAD_WIDGET_ARGUMENTS = {
    "dataset": (
        lambda: Playground(dataset="mnist", **SMALL),
        r"dataset must be one of xor, circles, moons, spirals, blobs, not 'mnist'",
    ),
    "activation": (lambda: Playground(f="softmax", **SMALL), r"f must be one of tanh, relu, sigmoid, not 'softmax'"),
    "no-points": (lambda: Playground(m=0, steps=20, points=20), r"m must be a whole number from 10 to 5,000, not 0"),
    "one-point": (lambda: Playground(m=1, steps=20, points=20), r"m must be a whole number from 10 to 5,000, not 1"),
    "no-grid": (lambda: Playground(m=60, steps=20, points=0), r"points must be a whole number from 10 to 200, not 0"),
    "noise": (lambda: Playground(noise=0.9, **SMALL), r"noise must be a number from 0 to 0.5, not 0.9"),
    "layers": (lambda: Playground(layers=9, **SMALL), r"layers must be a whole number from 0 to 6, not 9"),
    "alpha": (lambda: Playground(alpha=-1, **SMALL), r"alpha must be a number from 0.0001 to 10, not -1"),
    "explorer-dataset": (lambda: AlphaExplorer(dataset="mnist", steps=20, m=60), r"dataset must be one of"),
    "explorer-alpha": (
        lambda: AlphaExplorer(alpha="0.3", steps=20, m=60),
        r"alpha must be a number from 0.0001 to 10, not '0.3'",
    ),
    "stepper-alpha": (lambda: Stepper(alpha=0), r"α must be a number greater than 0, not 0"),
    "stepper-x-size": (
        lambda: Stepper(x=[0.5, 1.0, 2.0]),
        r"x must hold 2 numbers, one per unit, not an array of shape \(3,\)",
    ),
    "stepper-x-batch": (
        lambda: Stepper(x=np.ones((2, 3))),
        r"x must hold 2 numbers, one per unit, not an array of shape \(2, 3\)",
    ),
    "stepper-y-text": (lambda: Stepper(y="1"), r"y must hold real numbers, not text"),
    "neurons-per-layer": (
        lambda: Playground(layers=2, neurons=[4], **SMALL),
        r"`neurons` = \[4\] gives 1 size but `layers` = 2: give one size per hidden layer",
    ),
    "explorer-hidden": (
        lambda: AlphaExplorer(hidden="8", steps=20, m=60),
        r"hidden must be a whole number from 1 to 64, not '8'",
    ),
    "norms-depth": (lambda: GradientNorms(depth=50), r"depth must be a whole number from 2 to 20, not 50"),
    "norms-activation": (lambda: GradientNorms(f="softmax"), r"f must be one of tanh, relu, sigmoid, not 'softmax'"),
    "norms-scale": (lambda: GradientNorms(scale=0), r"scale must be a number from 0.1 to 10, not 0"),
    "norms-width": (lambda: GradientNorms(width=2.5), r"width must be a whole number from 1 to 64, not 2.5"),
    "check-layers": (
        lambda: GradientCheckView(
            Network([2, 3, 1]), *moons(m=10), dW={1: np.zeros((3, 2))}, db={1: np.zeros((3, 1)), 2: np.zeros((1, 1))}
        ),
        r"dW has no layer 2: give dW\[l\] for every layer l = 1…2",
    ),
}


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("name", BAD_WIDGET_ARGUMENTS)
def test_a_bad_widget_argument_gets_a_sentence(name, lang):
    from course.i18n import CourseError, language
    from course.tools.catalogs import english_sentences

    make, english = BAD_WIDGET_ARGUMENTS[name]
    with language(lang), pytest.raises(CourseError) as error:
        make()
    said = str(error.value)
    if lang == "en":
        assert re.search(english, said), said
    else:
        assert not re.search(english, said) and english_sentences(said, "fr") == [], said
        assert english.split(" ")[0].replace("\\", "") in said, said  # the argument's name, as the learner typed it


# What a widget makes, it releases -----------------------------------------------------------------


def live_widgets() -> int:
    from ipywidgets.widgets import widget

    return len(widget._instances)


@pytest.mark.parametrize(
    "make",
    [
        lambda: Playground(**SMALL),
        lambda: AlphaExplorer(steps=20, m=60),
        lambda: Stepper(),
        lambda: GradientCheckView(Network([2, 3, 1]), *moons(m=10)),
        lambda: GradientNorms(depth=3),
    ],
    ids=["playground", "explorer", "stepper", "check", "norms"],
)
def test_a_dropped_widget_closes_everything_it_made(make):
    import gc

    import matplotlib.pyplot as plt

    make()  # the first one also builds what every widget shares (layouts, styles' defaults)
    gc.collect()
    widgets_before, figures_before = live_widgets(), plt.get_fignums()
    made = make()
    if isinstance(made, (Playground, AlphaExplorer)):
        made.alpha.value = 0.5  # used a little: its callbacks ran
    assert live_widgets() > widgets_before
    del made
    gc.collect()
    assert live_widgets() == widgets_before and plt.get_fignums() == figures_before


def test_running_a_cell_again_closes_what_its_previous_run_made(monkeypatch):
    from course.widgets import base

    runs = iter(["run-1", "run-2"])
    current = {}
    monkeypatch.setattr(base, "_current_cell", lambda: ("cell-7", current["run"]))
    current["run"] = next(runs)
    first = Playground(**SMALL)  # kept alive on purpose, as a notebook's Out[] history would keep it
    before = live_widgets()
    current["run"] = next(runs)
    second = Playground(**SMALL)
    assert first.widget.comm is None and first.alpha.comm is None, "the previous run's widgets are closed"
    assert second.widget.comm is not None
    assert live_widgets() == before  # as many as one playground: the new one replaced the old


def test_the_alpha_explorers_cache_stays_within_its_bound():
    from course.widgets.alpha_explorer import CACHE

    explorer = AlphaExplorer(steps=20, m=60)
    for k in range(CACHE + 20):
        explorer.alpha.value = 10 ** (-4 + k * 5 / (CACHE + 20))
    assert len(explorer._cache) <= CACHE


def test_a_long_training_shows_a_first_picture_before_it_ends(monkeypatch):
    from course.widgets import playground

    pg = Playground(**SMALL)
    pictures = []
    pg.image.observe(lambda change: pictures.append(pg.t), names="value")
    monkeypatch.setattr(playground, "FIRST_PICTURE", 0.0)
    pg.steps.value = 200  # moving a control retrains: a first picture after the first steps, then the last
    assert len(pictures) == 2 and 0 < pictures[0] < 200 == pictures[1]
