"""One plotting style for the whole course; every tick and label in the learner's language.

Lessons and widgets draw through :func:`figure`, which applies the course style and
locale-aware tick labels (``0,05`` in French, Spanish and Portuguese).
"""

from __future__ import annotations

import matplotlib.pyplot as plt

from .i18n import tick_formatter

STYLE = {
    "figure.dpi": 80,
    "figure.figsize": (6.0, 3.6),
    "font.size": 10,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.frameon": False,
}

# Two classes, negative and positive weights: blue and orange, readable by colour-blind learners.
BLUE, ORANGE, GREY = "#1f77b4", "#ff7f0e", "#7f7f7f"
CMAP = "RdBu_r"


def localize(ax):
    """Give ``ax`` tick labels written with :func:`course.i18n.num`."""
    ax.xaxis.set_major_formatter(tick_formatter())
    ax.yaxis.set_major_formatter(tick_formatter())
    return ax


def figure(ncols: int = 1, nrows: int = 1, size=None, **kwargs):
    """A new figure and its axes in the course style, with localized ticks."""
    with plt.rc_context(STYLE):
        fig, axes = plt.subplots(nrows, ncols, figsize=size, squeeze=False, **kwargs)
    for ax in axes.flat:
        localize(ax)
    return fig, (axes[0, 0] if axes.size == 1 else axes.ravel())
