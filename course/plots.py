"""One plotting style for the whole course; every tick and label in the learner's language.

Lessons draw through :func:`figure`, which applies the course style and locale-aware tick
labels (``0,05`` in French, Spanish and Portuguese). The widgets of :mod:`course.widgets`
draw the figures below (:class:`PlaygroundFigure`, :class:`AlphaFigure`,
:class:`GradientCheckFigure`) into PNG bytes, in the same style.
"""

from __future__ import annotations

import io
import textwrap

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import PIL.Image
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.colors import LinearSegmentedColormap, LogNorm
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.ticker import FuncFormatter, NullFormatter, NullLocator

from .i18n import _, num, superscript, tick_formatter

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


def set_title(ax, title: str, **kwargs):
    """Give ``ax`` its title, on two lines or more where it is wider than the axes (a title is longer in
    French or Spanish than in English). Use it with ``figure(..., layout="constrained")``, which makes room for it."""
    width = ax.figure.get_figwidth() * ax.get_position().width * 72  # points
    size = FontProperties(size=kwargs.get("fontsize", plt.rcParams["axes.titlesize"])).get_size_in_points()
    return ax.set_title(textwrap.fill(title, max(12, int(width / (0.55 * size)))), **kwargs)


# The widgets' figures ------------------------------------------------------------------
# They are made without pyplot: a widget draws its own figure into a PNG, and a notebook's
# inline backend must not show it a second time at the end of the cell. Their titles sit
# at a fixed height (y=1.02): placing them around the tick labels costs a good part of a redraw.

# Pale blue to white to pale orange: the points, in full colour, stand out on it.
CLASS_CMAP = LinearSegmentedColormap.from_list("course_classes", ["#8fbbd9", "#ffffff", "#ffbf86"]).with_extremes(
    bad="#dddddd"  # ŷ is not a number after a divergence
)
ERROR_CMAP = "RdYlGn_r"
RED = "#d62728"
TRAIN_COLOR, TEST_COLOR = "#333333", "#9467bd"


def widget_figure(size) -> Figure:
    """A figure outside pyplot, in the course style, that a widget draws into a PNG (the widgets of lessons 05-09)."""
    with plt.rc_context(STYLE):
        fig = Figure(figsize=size, dpi=STYLE["figure.dpi"])
        FigureCanvasAgg(fig)
    return fig


def add_axes(fig, rect, **kwargs):
    """Axes at ``rect`` (left, bottom, width, height, as fractions of the figure) in the course style."""
    with plt.rc_context(STYLE):
        ax = fig.add_axes(rect, **kwargs)
    return localize(ax)


def _encode(canvas) -> bytes:
    width, height = canvas.get_width_height(physical=True)
    image = PIL.Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    out = io.BytesIO()
    image.convert("RGB").save(out, format="png", compress_level=1)
    return out.getvalue()


def png(fig) -> bytes:
    """The figure as PNG bytes, drawn in the course style (no tight bounding box: it is slow); lessons 05-09."""
    with plt.rc_context(STYLE):
        fig.canvas.draw()
    return _encode(fig.canvas)


def nice_limit(value: float) -> float:
    """The smallest of 1, 1.5, 2, 3, 5, 7.5 × 10^k above ``value``: axis limits that stay put while the data move a little."""
    if not np.isfinite(value) or value <= 0:
        return 1.0
    power = 10.0 ** np.floor(np.log10(value))
    return next(step * power for step in (1, 1.5, 2, 3, 5, 7.5, 10) if step * power >= value)


def grid(x, points=60, margin=0.5):
    """A points × points grid of inputs covering the columns of x; returns (its columns, shape (2, points²), extent)."""
    lo, hi = x.min(axis=1) - margin, x.max(axis=1) + margin
    x1, x2 = np.meshgrid(np.linspace(lo[0], hi[0], points), np.linspace(lo[1], hi[1], points))
    return np.stack([x1.ravel(), x2.ravel()]), (float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1]))


def network_drawing(sizes, W):
    """Units and weights of a network, for a LineCollection: returns (units (N, 2), segments, colours, widths).

    Layer l sits at x = l/n, its n^l units spread evenly in y; the line of each weight w of
    W^l is orange if w > 0, blue if w < 0, and as thick as |w| is large.
    """
    n, widest = len(sizes) - 1, max(sizes)
    units = [
        np.column_stack([np.full(s, l / n), (np.arange(s) - (s - 1) / 2) / max(widest - 1, 1)])
        for l, s in enumerate(sizes)
    ]
    segments = [
        np.stack(np.broadcast_arrays(units[l - 1][None, :, :], units[l][:, None, :]), axis=2).reshape(-1, 2, 2)
        for l in range(1, n + 1)
    ]
    w = np.nan_to_num(np.concatenate([np.ravel(W[l]) for l in range(1, n + 1)]), posinf=1e300, neginf=-1e300)
    widths = 0.3 + 3.2 * np.abs(w) / (np.abs(w).max() or 1.0)
    return np.concatenate(units), np.concatenate(segments), np.where(w > 0, ORANGE, BLUE), widths


class WidgetFigure:
    """A figure that a widget redraws into PNG bytes, quickly.

    The artists given to :meth:`moving` are drawn over a saved picture of everything else
    (titles, axes, ticks, legends): text is most of a redraw's cost. That picture is made
    again only when an axis' limits change. Without moving artists, every redraw is whole.
    """

    def __init__(self, size):
        self.fig = widget_figure(size)
        self.moving_artists = []
        self._background = self._key = None

    def moving(self, artist):
        """Mark ``artist`` as one that changes between redraws; returns it."""
        artist.set_animated(True)
        self.moving_artists.append(artist)
        return artist

    def png(self) -> bytes:
        """The figure in its current state as PNG bytes."""
        canvas = self.fig.canvas
        key = [(ax.get_xlim(), ax.get_ylim()) for ax in self.fig.axes]
        with plt.rc_context(STYLE):
            if key != self._key or not self.moving_artists:
                canvas.draw()  # draws everything but the moving artists
                self._background, self._key = canvas.copy_from_bbox(self.fig.bbox), key
            else:
                canvas.restore_region(self._background)
            for artist in self.moving_artists:
                if artist.get_visible():
                    artist.axes.draw_artist(artist)
        return _encode(canvas)


class PlaygroundFigure(WidgetFigure):
    """The playground's picture (lesson 07): the network's output ŷ over the plane with the
    train and test points, the train and test loss per step, and the weights of the network.

    Every artist is made once; :meth:`show_data`, :meth:`show_network` and
    :meth:`show_losses` only change their data.
    """

    def __init__(self, points=60):
        super().__init__((11.0, 3.7))
        self.points, fig = points, self.fig
        ax = self.ax_boundary = add_axes(fig, (0.045, 0.2, 0.215, 0.68))
        self.image = self.moving(
            ax.imshow(
                np.full((points, points), 0.5), origin="lower", extent=(-1, 1, -1, 1), cmap=CLASS_CMAP,
                vmin=0.0, vmax=1.0, interpolation="bilinear", aspect="auto",
            )
        )  # fmt: skip
        # One line of markers per class (blue 0, orange 1): much faster to draw than a scatter.
        marker = {"marker": "o", "linestyle": "", "markersize": 4.5}
        self.train_points, self.test_points = (
            tuple(
                self.moving(ax.plot([], [], markerfacecolor=c, markeredgecolor=edge, markeredgewidth=w, **marker)[0])
                for c in (BLUE, ORANGE)
            )
            for edge, w in (("white", 0.6), ("black", 0.8))
        )
        ax.grid(False)
        ax.set_title(_("Output ŷ over the plane (x₁, x₂)"), y=1.02)
        ax.legend(
            handles=[
                Line2D([], [], markerfacecolor=GREY, markeredgecolor="white", label=_("train points"), **marker),
                Line2D([], [], markerfacecolor=GREY, markeredgecolor="black", label=_("test points"), **marker),
            ],
            loc="upper center", bbox_to_anchor=(0.5, -0.09), ncol=2, fontsize=9, handletextpad=0.1, columnspacing=1.0,
        )  # fmt: skip
        bar = fig.colorbar(self.image, cax=add_axes(fig, (0.268, 0.2, 0.01, 0.68)), ticks=[0, 0.5, 1])
        bar.ax.yaxis.set_major_formatter(tick_formatter())

        ax = self.ax_loss = add_axes(fig, (0.35, 0.2, 0.27, 0.68))
        (self.train_line,) = ax.plot([], [], color=TRAIN_COLOR, label=_("train cost"))
        (self.test_line,) = ax.plot([], [], color=TEST_COLOR, linestyle="--", label=_("test cost"))
        self.moving(self.train_line), self.moving(self.test_line)
        (marker,) = ax.plot([], [], "X", color=RED, markersize=10, zorder=5, clip_on=False)
        self.diverged_marker = self.moving(marker)
        self.diverged_text = self.moving(
            ax.text(0.03, 0.96, "", transform=ax.transAxes, va="top", color=RED, fontsize=9, fontweight="bold")
        )
        ax.set_title(_("Cost J"), y=1.02)
        ax.set_xlabel(_("step"))
        ax.legend(loc="best", fontsize=9)  # placed when the still picture is redrawn, with the curves of that time

        ax = self.ax_network = fig.add_axes((0.645, 0.17, 0.35, 0.71))
        ax.set_axis_off()
        ax.set_xlim(-0.08, 1.08)
        ax.set_ylim(-0.62, 0.55)
        self.edges = self.moving(ax.add_collection(LineCollection([], zorder=1)))
        (units,) = ax.plot([], [], "o", markerfacecolor="white", markeredgecolor=GREY, zorder=2)
        self.units = self.moving(units)
        ax.set_title(_("The network's weights"), y=1.02)
        self.layer_labels = [self.moving(ax.text(0, -0.57, "", ha="center", va="top")) for _l in range(8)]
        ax.text(
            0.5, -0.02, _("weights: orange > 0, blue < 0, thicker when |w| is larger"), transform=ax.transAxes,
            ha="center", va="top", fontsize=9, color=GREY, wrap=True,
        )  # fmt: skip

    def show_data(self, x_train, y_train, x_test, y_test):
        """Place the train and test points and fit the grid of ŷ around them; returns the grid's inputs (2, points²)."""
        self.grid, extent = grid(np.hstack([x_train, x_test]), self.points)
        self.image.set_extent(extent)
        for lines, x, y in ((self.train_points, x_train, y_train), (self.test_points, x_test, y_test)):
            for k, line in enumerate(lines):
                line.set_data(*x[:, np.ravel(y) == k])
        return self.grid

    def show_network(self, net):
        """ŷ = a^n over the grid, and every weight of every W^l as a line."""
        with np.errstate(all="ignore"):
            # Slices of 900 columns: OpenBLAS runs larger products on several threads, which is
            # slower for these small matrices on a shared machine.
            y_hat = np.concatenate(
                [net.forward(self.grid[:, k : k + 900])[0] for k in range(0, self.grid.shape[1], 900)]
            )
        self.image.set_data(y_hat.reshape(self.points, self.points))
        units, segments, colors, widths = network_drawing(net.sizes, net.W)
        self.edges.set_segments(segments)
        self.edges.set_colors(colors)
        self.edges.set_linewidths(widths)
        self.units.set_data(*units.T)
        self.units.set_markersize(max(3.5, 7.0 - 0.2 * max(net.sizes)))
        for l, label in enumerate(self.layer_labels):
            label.set_visible(l <= net.n)
            label.set_position((l / net.n, -0.57))
            label.set_text(f"a{superscript(l)}")

    def show_losses(self, steps, J_train, J_test, diverged_at=None, planned=None):
        """The cost J on the train and test points at the given steps; a divergence ends the curve with a marker.

        ``planned`` (the last step of the training under way) fixes the step axis, so that the
        pictures drawn while the network trains need not redraw the axes.
        """
        self.train_line.set_data(steps, J_train)
        self.test_line.set_data(steps, J_test)
        finite = [J for J in [*J_train, *J_test] if np.isfinite(J)]
        top = nice_limit(max(finite, default=1.0) * 1.05)
        if diverged_at is None:
            self.diverged_marker.set_data([], [])
            self.diverged_text.set_text("")
        else:
            last = next((J for J in reversed(J_train) if np.isfinite(J)), top)
            self.diverged_marker.set_data([steps[-1] if len(steps) else 0], [min(last, top)])
            self.diverged_text.set_text(_("diverged at step {step}").format(step=diverged_at))
        self.ax_loss.set_xlim(0, nice_limit(max(planned or 1, steps[-1] if len(steps) else 1)))
        self.ax_loss.set_ylim(0, top)


class AlphaFigure(WidgetFigure):
    """Loss curves of one network trained with several learning rates α (lesson 06).

    :meth:`show` takes the runs as (α, history of J, step of divergence or None); the chosen
    α is drawn thick and black, a diverged run ends with a red cross and says at which step.
    """

    def __init__(self):
        super().__init__((7.6, 3.9))
        self.ax = ax = add_axes(self.fig, (0.09, 0.13, 0.56, 0.76))
        ax.set_yscale("log")
        localize(ax)
        ax.yaxis.set_minor_formatter(NullFormatter())
        ax.set_title(_("Cost $J$ for several learning rates α"), y=1.02)
        ax.set_xlabel(_("step"))
        self.lines, self.ends, self.legend = [], [], None

    def _line(self, k):
        while len(self.lines) <= k:
            (line,) = self.ax.plot([], [])
            (end,) = self.ax.plot([], [], "X", color=RED, markersize=9, zorder=5, clip_on=False)
            self.lines.append(self.moving(line))
            self.ends.append(self.moving(end))
        return self.lines[k], self.ends[k]

    def show(self, runs, chosen: int):
        """Draw ``runs`` [(α, history, diverged_at), …]; ``runs[chosen]`` is the learner's α.

        The curves and the legend are redrawn over a saved picture of the axes; the axes'
        limits move by whole decades only, so that a new α seldom redraws the rest.
        """
        alphas = [alpha for alpha, *_rest in runs]
        shades = matplotlib.colormaps["viridis"](np.linspace(0.0, 0.85, len(runs)))
        order = np.argsort(alphas, kind="stable")
        values, longest = [], 1
        for k, (alpha, history, diverged_at) in enumerate(runs):
            line, end = self._line(k)
            steps = np.arange(1, len(history) + 1)
            J = np.asarray(history, dtype=float)
            keep = np.isfinite(J) & (J > 0)
            line.set_data(steps[keep], J[keep])
            values += list(J[keep])
            longest = max(longest, len(history))
            if k == chosen:
                line.set(color="black", linewidth=2.6, zorder=4)
                label = _("α = {alpha} (your choice)")
            else:
                line.set(color=shades[int(np.where(order == k)[0][0])], linewidth=1.4, zorder=3)
                label = _("α = {alpha}")
            label = label.format(alpha=num(alpha))
            if diverged_at is None:
                end.set_data([], [])
            else:
                end.set_data(steps[keep][-1:], J[keep][-1:])
                label = _("{run}: diverged at step {step}").format(run=label, step=diverged_at)
            line.set_label(label)
        for line, end in zip(self.lines[len(runs) :], self.ends[len(runs) :], strict=True):
            line.set_data([], []), end.set_data([], []), line.set_label("_hidden")
        ordered = [self.lines[k] for k in order]
        if self.legend is not None:
            self.moving_artists.remove(self.legend)
            self.legend.remove()
        self.legend = self.moving(
            self.ax.legend(
                ordered,
                [line.get_label() for line in ordered],
                loc="upper left",
                bbox_to_anchor=(1.02, 1.0),
                fontsize=9,
            )
        )
        low, high = (min(values), max(values)) if values else (0.1, 1.0)
        self.ax.set_xlim(0, longest)
        self.ax.set_ylim(10.0 ** np.floor(np.log10(low / 1.5)), 10.0 ** np.ceil(np.log10(high * 1.5)))


class GradientCheckFigure(WidgetFigure):
    """The relative error of every entry of every dW^l and db^l, one small heat map per layer (lesson 05).

    Colours go from green (below 1e-7: right) to red (above 1e-4: wrong) on a log scale;
    the worst entry is framed in black.
    """

    def __init__(self, check):
        layers = sorted(check.error_W)
        columns = [check.error_W[l].shape[1] + 2 for l in layers]
        rows = max(check.error_W[l].shape[0] for l in layers)
        cell = min(0.4, 7.5 / sum(columns), 2.4 / rows)  # inches per entry
        width, height = 1.8 + cell * sum(columns) + 0.5 * len(layers), 1.5 + cell * rows
        super().__init__((width, height))
        worst = max(float(e.max()) for e in [*check.error_W.values(), *check.error_b.values()])
        norm, left = LogNorm(vmin=1e-12, vmax=1.0), 0.4
        for l, cols in zip(layers, columns, strict=True):
            E_W, E_b = check.error_W[l], check.error_b[l]
            n_rows = E_W.shape[0]
            bottom = 0.45 + cell * (rows - n_rows)  # the tops line up
            ax = add_axes(self.fig, (left / width, bottom / height, cell * cols / width, cell * n_rows / height))
            left += cell * cols + 0.5
            ax.grid(False)
            for spine in ax.spines.values():
                spine.set_visible(False)
            # dW^l, a blank column, then db^l; an error of exactly 0 is drawn as the smallest one.
            E = np.hstack([E_W, np.full((n_rows, 1), np.nan), E_b])
            image = ax.imshow(np.maximum(E, 1e-16), cmap=ERROR_CMAP, norm=norm, interpolation="nearest", aspect="auto")
            cols_W = E_W.shape[1]
            ax.set_xticks([*range(cols_W), cols_W + 1], [*(str(j) for j in range(1, cols_W + 1)), "1"], fontsize=8)
            ax.set_yticks(range(n_rows), [str(i) for i in range(1, n_rows + 1)], fontsize=8)
            ax.tick_params(length=0)
            ax.text((cols_W - 1) / 2, -0.6, f"$dW^{{{l}}}$", ha="center", va="bottom")
            ax.text(cols_W + 1, -0.6, f"$db^{{{l}}}$", ha="center", va="bottom")
            for errors, offset in ((E_W, 0), (E_b, cols_W + 1)):
                if worst > 0 and float(errors.max()) == worst:
                    i, j = np.unravel_index(int(np.argmax(errors)), errors.shape)
                    ax.add_patch(
                        Rectangle((j + offset - 0.5, i - 0.5), 1, 1, fill=False, edgecolor="black", linewidth=2)
                    )
                    worst = -1.0  # frame one entry only
        bar_ax = add_axes(self.fig, ((left + 0.1) / width, 0.45 / height, 0.15 / width, max(cell * rows, 1.2) / height))
        bar = self.fig.colorbar(image, cax=bar_ax, ticks=10.0 ** np.arange(-12, 1, 2))
        bar.ax.yaxis.set_major_formatter(FuncFormatter(lambda x, _pos: power_of_ten(x)))
        bar.ax.yaxis.set_minor_formatter(NullFormatter())
        bar.ax.tick_params(labelsize=8)
        bar.set_label(_("relative error"), fontsize=9)
        self.fig.text(
            0.4 / width,
            1 - 0.15 / height,
            _("Relative error of each entry (row i, column j): green is right, red is wrong"),
            va="top",
        )


def power_of_ten(x: float) -> str:
    """``10⁻⁶`` for 1e-6 (the same in every language); other numbers with num()."""
    exponent = np.log10(x) if x > 0 else 0.5
    return f"10{superscript(int(exponent))}" if exponent == int(exponent) and exponent < 0 else num(x)


def decade_limits(values, low=1e-12, high=1e12) -> tuple[float, float]:
    """Log-axis limits at whole decades around the finite positive ``values`` (at least one decade apart)."""
    shown = [v for v in values if np.isfinite(v) and v > 0]
    if not shown:
        return 1e-3, 1.0
    bottom = 10.0 ** np.floor(np.log10(max(min(shown), low)))
    top = 10.0 ** np.ceil(np.log10(min(max(shown), high)))
    return bottom, max(top, bottom * 10)


def norms_by_layer(ax, curves, title):
    """Draw ``curves`` {label: {l: norm}} on ``ax``, log scale, one point per layer l (lesson 11)."""
    ax.set_yscale("log")
    localize(ax)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda x, _pos: power_of_ten(x)))
    ax.yaxis.set_minor_locator(NullLocator())  # the decades are enough, and faster to draw
    values = []
    for label, norms in curves.items():
        layers = sorted(norms)
        ys = [norms[l] if np.isfinite(norms[l]) and norms[l] > 0 else np.nan for l in layers]
        ax.plot(layers, ys, marker="o", markersize=4, label=label)
        values += ys
    ax.set_ylim(*decade_limits(values))
    ax.set_xlabel(_("layer l"))
    # Write ‖dWˡ‖ in the title, not mathtext: a figure's first mathtext costs more than the rest
    # of its text, and a title at a fixed height is not placed around the tick labels.
    ax.set_title(title, y=1.02)
    n = max(max(norms) for norms in curves.values())
    ax.set_xticks(sorted({1, *range(5, n + 1, 5), n}))  # the first layer, every fifth, the last
    return ax


class GradientNormsFigure(WidgetFigure):
    """‖dW^l‖ and ‖db^l‖ of every layer of one network after one backward pass, on a log scale (lesson 11).

    ‖db^l‖ is how fast layer l learns (Nielsen's speed of learning): the size of its error
    dz^l, averaged over the examples.
    """

    def __init__(self):
        super().__init__((6.4, 3.4))
        self.ax = ax = add_axes(self.fig, (0.13, 0.15, 0.6, 0.73))
        ax.set_yscale("log")
        localize(ax)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda x, _pos: power_of_ten(x)))
        ax.yaxis.set_minor_locator(NullLocator())
        ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
        ax.set_title(_("Gradient norms per layer, after one backward pass"), y=1.02)
        ax.set_xlabel(_("layer l"))
        (self.dW_line,) = ax.plot([], [], marker="o", markersize=4, color=ORANGE, label="‖dWˡ‖")  # no mathtext: faster
        (self.db_line,) = ax.plot([], [], marker="s", markersize=3, linestyle="--", color=BLUE, label="‖dbˡ‖")
        ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=9)
        self.moving(self.dW_line), self.moving(self.db_line)

    def show(self, dW_norms: dict, db_norms: dict):
        """Draw ‖dW^l‖ and ‖db^l‖ for l = 1…n (zero or infinite norms are left out)."""
        values = []
        for line, norms in ((self.dW_line, dW_norms), (self.db_line, db_norms)):
            layers = sorted(norms)
            ys = [norms[l] if np.isfinite(norms[l]) and norms[l] > 0 else np.nan for l in layers]
            line.set_data(layers, ys)
            values += ys
        n = max(dW_norms)
        self.ax.set_xlim(0.5, n + 0.5)
        self.ax.set_ylim(*decade_limits(values, low=1e-30, high=1e30))
