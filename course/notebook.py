"""What the first cell of every lesson runs: ``course.start("fr")`` (lesson 00)."""

from __future__ import annotations

import sys

import numpy as np

from .checks import InputError, finite_numbers, number
from .i18n import CourseError, _, num, set_language


def _show_course_error(shell, etype, value, tb, tb_offset=None):
    # A course error is already a sentence for the learner: show it without a traceback.
    print(f"{etype.__name__}: {value}", file=sys.stderr)


def start(lang: str) -> None:
    """Set the language of the course, the plotting style and the display of course errors; say if this lesson,
    which the learner edited, has a newer version in the course."""
    import matplotlib.pyplot as plt

    from .plots import STYLE

    set_language(lang)
    plt.rcParams.update(STYLE)
    try:
        from IPython import get_ipython
    except ImportError:  # plain Python: nothing more to set up than the note on updates
        _tell_about_updates(None)
        return
    shell = get_ipython()
    if shell is not None:
        shell.set_custom_exc((CourseError,), _show_course_error)
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        # Figures are laid out by the course's style; cropping each PNG again ("tight") would
        # double the time every plot takes to appear.
        set_matplotlib_formats("png", bbox_inches=None)
    _tell_about_updates(shell)


def _tell_about_updates(shell) -> None:
    """A note when this lesson, which the learner edited, has a newer version (see :mod:`course.updates`)."""
    from .updates import tell_about_updates

    # ipykernel names the notebook of this kernel __session__ (from Jupyter's JPY_SESSION_NAME).
    session = shell.user_ns.get("__session__") if shell is not None else None
    tell_about_updates(session=session)


_FROM_SUPERSCRIPT = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")


def tex_number(x, digits: int = 3) -> str:
    """``num(x)`` written for LaTeX: ``0{,}5``, so that MathJax keeps a decimal comma in the number."""
    text = num(x, digits).replace("−", "-").replace("∞", r"\infty").replace("NaN", r"\text{NaN}")
    text = text.replace(",", "{,}").replace("\u202f", r"\,").replace("\xa0", r"\,")
    mantissa, times, power = text.partition(" × 10")
    return mantissa + (rf" \times 10^{{{power.translate(_FROM_SUPERSCRIPT)}}}" if times else "")


def tex_matrix(A, digits: int = 3) -> str:
    """A as a LaTeX ``pmatrix``, each entry written with :func:`tex_number`."""
    rows = (" & ".join(tex_number(v, digits) for v in row) for row in np.atleast_2d(A))
    return r"\begin{pmatrix}" + r" \\ ".join(rows) + r"\end{pmatrix}"


class Shown:
    """A named value shown as LaTeX in JupyterLab and as aligned text elsewhere, numbers in the learner's language."""

    def __init__(self, symbol: str, value, digits: int = 3):
        value = finite_numbers(str(symbol), value, finite=False)  # NaN and ∞ are shown as they are
        if value.ndim > 2:
            raise InputError(
                _("show draws a number, a vector or a matrix: {symbol} has {ndim} dimensions, {shape}.").format(
                    symbol=symbol, ndim=value.ndim, shape=value.shape
                )
            )
        self.symbol, self.value, self.digits = str(symbol), value, number("digits", digits, 1, 12, whole=True)

    def _cells(self):
        rows = np.atleast_2d(self.value) if self.value.ndim else [[float(self.value)]]
        return [[num(x, self.digits) for x in row] for row in rows]

    def _repr_latex_(self):
        if self.value.ndim == 0:
            return f"${self.symbol} = {tex_number(self.value, self.digits)}$"
        return f"${self.symbol} = {tex_matrix(self.value, self.digits)}$"

    def __repr__(self):
        from .glossary import plain_math

        cells, symbol = self._cells(), plain_math(self.symbol)
        if self.value.ndim == 0:
            return f"{symbol} = {cells[0][0]}"
        width = max(len(c) for row in cells for c in row)
        lines = ["  ".join(c.rjust(width) for c in row) for row in cells]
        shape = "×".join(map(str, self.value.shape))
        return f"{symbol} ({shape}) =\n" + "\n".join(f"  [ {line} ]" for line in lines)


def show(symbol: str, value, digits: int = 3) -> Shown:
    """``show("dW^2", net.dW[2])``: the value beside its symbol, written for the learner's language."""
    return Shown(symbol, value, digits)
