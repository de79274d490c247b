"""One plotting style for the whole course; every tick and label in the learner's language.

Lessons and widgets draw through :func:`figure`, which applies the course style and
locale-aware tick labels (``0,05`` in French, Spanish and Portuguese).
"""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import PIL.Image
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure

from .i18n import _, tick_formatter

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


# The widgets' figures ------------------------------------------------------------------
# They are not made through pyplot: a widget redraws its own figure into a PNG, and a
# notebook's inline backend must not show it a second time at the end of the cell.

CLASS_CMAP = LinearSegmentedColormap.from_list("course_classes", [BLUE, "#ffffff", ORANGE])
DIVERGED = "#d62728"
TRAIN, TEST = "#333333", "#9467bd"
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def widget_figure(size, dpi=None):
    """A figure outside pyplot, in the course style, for a widget to draw into a PNG."""
    with plt.rc_context(STYLE):
        fig = Figure(figsize=size, dpi=dpi or STYLE["figure.dpi"])
        FigureCanvasAgg(fig)
    return fig


def add_axes(fig, rect, **kwargs):
    """An axes at ``rect`` (left, bottom, width, height as fractions) with the course style and localized ticks."""
    with plt.rc_context(STYLE):
        ax = fig.add_axes(rect, **kwargs)
        # Ticks are created lazily: make them now, inside the style.
        ax.xaxis.get_major_ticks()
        ax.yaxis.get_major_ticks()
    return localize(ax)


def png(fig) -> bytes:
    """The figure as PNG bytes: what a widget's ``Image`` shows (no tight bounding box, light compression)."""
    with plt.rc_context(STYLE):
        fig.canvas.draw()
    width, height = fig.canvas.get_width_height(physical=True)
    image = PIL.Image.frombuffer("RGBA", (width, height), fig.canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    out = io.BytesIO()
    image.convert("RGB").save(out, format="png", compress_level=1)
    return out.getvalue()


def grid(x, points=60, margin=0.5):
    """A points × points grid covering the columns of x (2, m); returns (grid columns (2, points²), extent)."""
    finite = x[:, np.isfinite(x).all(axis=0)] if x.size else np.zeros((2, 1))
    lo, hi = finite.min(axis=1) - margin, finite.max(axis=1) + margin
    x1, x2 = np.meshgrid(np.linspace(lo[0], hi[0], points), np.linspace(lo[1], hi[1], points))
    return np.stack([x1.ravel(), x2.ravel()]), (lo[0], hi[0], lo[1], hi[1])


def class_colors(y):
    """One colour per column of y (1, m): blue for class 0, orange for class 1."""
    return np.where(np.ravel(y) > 0.5, ORANGE, BLUE)


def _limits(values, log=False):
    finite = [v for v in values if np.isfinite(v) and (v > 0 or not log)]
    if not finite:
        return (0.1, 1.0) if log else (0.0, 1.0)
    lo, hi = min(finite), max(finite)
    if log:
        return lo / 1.5, hi * 1.5
    return 0.0, (hi * 1.08 if hi > 0 else 1.0)


def network_layout(sizes, height=1.0):
    """Positions of the units: layer l at x = l, its n^l units spread evenly in y around 0."""
    widest = max(sizes)
    return [
        np.column_stack([np.full(s, l), (np.arange(s) - (s - 1) / 2) * height / max(widest - 1, 1)])
        for l, s in enumerate(sizes)
    ]


def network_artists(net):
    """Segments, colours and widths of every weight w of every W^l: colour by sign, width by |w|."""
    sizes = net.sizes
    units = network_layout(sizes)
    segments, weights = [], []
    for l in range(1, net.n + 1):
        W = np.asarray(net.W[l])
        start = np.repeat(units[l - 1][None, :, :], sizes[l], axis=0)  # (n^l, n^{l-1}, 2)
        end = np.repeat(units[l][:, None, :], sizes[l - 1], axis=1)
        segments.append(np.stack([start, end], axis=2).reshape(-1, 2, 2))
        weights.append(W.ravel())
    segments, w = np.concatenate(segments), np.nan_to_num(np.concatenate(weights), nan=0.0, posinf=1e300, neginf=-1e300)
    largest = np.abs(w).max() or 1.0
    widths = 0.3 + 3.2 * np.abs(w) / largest
    colors = np.where(w > 0, ORANGE, BLUE)
    return units, segments, colors, widths


class PlaygroundFigure:
    """The playground's picture (lesson 07): the network's output ŷ over the plane with the
    train and test points, the train and test loss per step, and the network's weights.

    Every artist is made once; :meth:`show_data`, :meth:`show_network` and
    :meth:`show_losses` change their data, so a redraw costs little.
    """

    def __init__(self, points=60):
        self.points = points
        self.fig = fig = widget_figure((11.0, 3.7))
        self.ax_boundary = ax = add_axes(fig, (0.045, 0.13, 0.25, 0.74))
        self.image = ax.imshow(
            np.full((points, points), 0.5), origin="lower", extent=(-1, 1, -1, 1), cmap=CLASS_CMAP, vmin=0.0, vmax=1.0,
            interpolation="bilinear", aspect="auto",
        )  # fmt: skip
        self.image.cmap.set_bad("#dddddd")
        self.train_points = ax.scatter([], [], s=16, edgecolors="white", linewidths=0.5, label=_("train"))
        self.test_points = ax.scatter([], [], s=16, edgecolors="black", linewidths=0.7, label=_("test"))
        ax.set_title(_("Output ŷ of the network"))
        ax.set_xlabel("x₁")
        ax.set_ylabel("x₂", rotation=0, labelpad=8)
        ax.grid(False)
        ax.legend(loc="upper right", fontsize=8, handletextpad=0.2, borderaxespad=0.2)

        self.ax_loss = ax = add_axes(fig, (0.36, 0.13, 0.27, 0.74))
        (self.train_line,) = ax.plot([], [], color=TRAIN, label=_("train loss"))
        (self.test_line,) = ax.plot([], [], color=TEST, linestyle="--", label=_("test loss"))
        (self.diverged_marker,) = ax.plot([], [], "X", color=DIVERGED, markersize=10, zorder=5)
        self.diverged_text = ax.text(
            0.97, 0.95, "", transform=ax.transAxes, ha="right", va="top", color=DIVERGED, fontsize=9
        )
        ax.set_title(_("Loss J per step"))
        ax.set_xlabel(_("step"))
        ax.legend(loc="upper right", fontsize=8, bbox_to_anchor=(1.0, 0.85))

        self.ax_network = ax = fig.add_axes((0.66, 0.02, 0.33, 0.85))
        ax.set_axis_off()
        self.edges = LineCollection([], zorder=1)
        ax.add_collection(self.edges)
        self.units = ax.scatter([], [], s=40, facecolors="white", edgecolors=GREY, zorder=2)
        self.layer_labels = [ax.text(0, 0, "", ha="center", va="top", fontsize=9) for _l in range(8)]
        self.network_title = ax.set_title("")
        ax.text(
            0.5, 0.0, _("orange: w > 0, blue: w < 0, thicker: larger |w|"), transform=ax.transAxes,
            ha="center", va="bottom", fontsize=8, color=GREY,
        )  # fmt: skip

    def show_data(self, x_train, y_train, x_test, y_test):
        """Place the train and test points and fit the grid of the boundary around them (returns the grid's columns)."""
        x_grid, extent = grid(np.hstack([x_train, x_test]), self.points)
        self.grid = x_grid
        self.image.set_extent(extent)
        self.ax_boundary.set_xlim(extent[:2])
        self.ax_boundary.set_ylim(extent[2:])
        self.train_points.set_offsets(x_train.T)
        self.train_points.set_facecolors(class_colors(y_train))
        self.test_points.set_offsets(x_test.T)
        self.test_points.set_facecolors(class_colors(y_test))
        return x_grid

    def show_network(self, net):
        """The output ŷ = a^n over the grid, and the weights drawn as lines."""
        with np.errstate(all="ignore"):
            y_hat = net.forward(self.grid)[0]
        self.image.set_data(y_hat.reshape(self.points, self.points))
        units, segments, colors, widths = network_artists(net)
        self.edges.set_segments(segments)
        self.edges.set_colors(colors)
        self.edges.set_linewidths(widths)
        self.units.set_offsets(np.concatenate(units))
        self.units.set_sizes([max(8.0, 60.0 - 3.0 * max(net.sizes))])
        for l, label in enumerate(self.layer_labels):
            label.set_visible(l <= net.n)
            if l <= net.n:
                label.set_position((l, -0.6))
                label.set_text(f"a{str(l).translate(_SUPERSCRIPT)}")
        self.ax_network.set_xlim(-0.4, net.n + 0.4)
        self.ax_network.set_ylim(-0.72, 0.58)
        self.network_title.set_text(_("Network {sizes}").format(sizes="-".join(map(str, net.sizes))))

    def show_losses(self, steps, J_train, J_test, diverged_at=None):
        """The train and test loss at the given steps; a divergence ends the curve with a marker and its step."""
        self.train_line.set_data(steps, J_train)
        self.test_line.set_data(steps, J_test)
        if diverged_at is None:
            self.diverged_marker.set_data([], [])
            self.diverged_text.set_text("")
        else:
            finite = [J for J in J_train if np.isfinite(J)]
            self.diverged_marker.set_data(
                [diverged_at], [min(finite[-1], _limits(J_train + J_test)[1]) if finite else 0.0]
            )
            self.diverged_text.set_text(_("diverged at step {step}").format(step=diverged_at))
        self.ax_loss.set_xlim(0, max([1, *steps]))
        self.ax_loss.set_ylim(*_limits(list(J_train) + list(J_test)))
