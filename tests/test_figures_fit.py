"""Every text of every course figure lies inside the figure, in every language.

A figure is saved at its own size (no "tight" cropping, see course.notebook): a title or a
label that is longer in French than in English is cut off at the edge of the picture. Each
figure is drawn, and the window extent of each of its texts (titles, axis labels, tick
labels, legends, annotations) is compared with the figure's box: the widgets' figures with
the lessons' arguments, and the figures the lessons draw themselves, by running the lesson.
"""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.text import Text

from course.i18n import LANGUAGES, language

SLACK = 1.0  # pixels: antialiasing at the very edge is not a cut


def _texts(fig):
    """The texts matplotlib draws: every visible, non-empty Text, tick labels only of the ticks in view."""
    tick_labels = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            ticks = axis.get_major_ticks() + axis.get_minor_ticks()
            tick_labels |= {t for tick in ticks for t in (tick.label1, tick.label2)}
            if ax.axison and axis.get_visible() and ax.get_visible():
                shown = axis._update_ticks()  # the ticks inside the view, those drawn
                yield from (t for tick in shown for t in (tick.label1, tick.label2) if t.get_visible())
    for text in fig.findobj(Text):
        if text not in tick_labels and (text.axes is None or text.axes.get_visible()):
            yield text


def cut_texts(fig) -> list[str]:
    """The texts of ``fig`` that stick out of it: what a reader of the picture would see cut off."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    box = fig.bbox
    found = []
    for text in _texts(fig):
        if not text.get_visible() or not text.get_text().strip():
            continue
        if text.get_wrap():
            with text._cm_set(text=text._get_wrapped_text()):
                extent = text.get_window_extent(renderer)
        else:
            extent = text.get_window_extent(renderer)
        if (
            extent.x0 < box.x0 - SLACK
            or extent.y0 < box.y0 - SLACK
            or extent.x1 > box.x1 + SLACK
            or extent.y1 > box.y1 + SLACK
        ):
            found.append(
                f"{text.get_text()!r} spans x {extent.x0:.0f}…{extent.x1:.0f}, y {extent.y0:.0f}…{extent.y1:.0f};"
                f" the figure is {box.x1:.0f} × {box.y1:.0f}"
            )
    return found


# --- the check itself -------------------------------------------------------------------


def test_a_title_too_long_and_a_label_below_the_figure_are_found():
    from course.plots import figure

    fig, ax = figure(size=(3.0, 2.0))
    ax.set_title("Cost J on all the examples, after each epoch, in a rather narrow figure")
    ax.set_xlabel("itération")
    found = cut_texts(fig)
    plt.close(fig)
    assert any("after each epoch" in f for f in found), found
    assert any("itération" in f for f in found), found  # the axes fill the figure: no room below for it

    fig, ax = figure(size=(6.0, 3.6), layout="constrained")
    ax.set_title("Cost J, after each epoch")
    ax.set_xlabel("itération")
    assert cut_texts(fig) == []
    plt.close(fig)


# --- the widgets' figures, as the lessons make them --------------------------------------


def _widget_figures():
    from course import Network
    from course.widgets import AlphaExplorer, GradientCheckView, GradientNorms, Playground

    net = Network([2, 4, 3, 1], f="tanh", f_out="sigmoid", loss="mse", seed=2)
    x, y = np.array([[1.0], [-0.5]]), np.array([[1.0]])
    widgets = {
        "α explorer (lesson 06)": AlphaExplorer(alpha=0.3, steps=100, m=100),
        "playground (lesson 07)": Playground(dataset="moons", layers=2, neurons=8, alpha=0.3, steps=120, m=200),
        "gradient check (lesson 05)": GradientCheckView(net, x, y),
        "gradient norms (lesson 11)": GradientNorms(depth=10, f="sigmoid", scale=1.0),
    }
    return widgets


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_widgets_figures_show_every_text_whole(lang):
    with language(lang):
        widgets = _widget_figures()
        widgets["playground (lesson 07)"].train_button.click()
        problems = {name: cut_texts(w.figure.fig) for name, w in widgets.items()}
    assert not any(problems.values()), problems


# --- the figures the lessons draw themselves ---------------------------------------------


def lesson_figures(stem: str, lang: str):
    """Run lesson ``stem`` in ``lang`` as the build does (its notebook, cell after cell, in this process);
    yields (cell number, figure) for every figure a cell leaves open."""
    import contextlib
    import io

    from course.files import LESSONS
    from course.tools.build import notebook_text

    nb = notebook_text(LESSONS / "src" / f"{stem}.py", lang)
    namespace = {"__name__": "__lesson__"}
    plt.close("all")
    for number, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(cell.source, f"{stem} [{number}]", "exec"), namespace)
        for fignum in plt.get_fignums():
            fig = plt.figure(fignum)
            yield number, fig
            plt.close(fig)


LESSONS_WITH_FIGURES = [
    "01_big_picture",
    "02_forward_pass",
    "03_loss_and_chain_rule",
    "05_hidden_layers",
    "06_gradient_descent",
    "07_training",
    "08_many_examples",
    "11_vanishing_and_exploding_gradients",
]


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("stem", LESSONS_WITH_FIGURES)
def test_the_lessons_figures_show_every_text_whole(stem, lang):
    from course.i18n import SOURCE_LANGUAGE, set_language

    try:
        problems = {number: found for number, fig in lesson_figures(stem, lang) if (found := cut_texts(fig))}
    finally:
        set_language(SOURCE_LANGUAGE)  # the lesson's first cell set its own
    assert not problems, problems
