"""What the first cell of every lesson runs: ``course.start("fr")`` (lesson 00)."""

from __future__ import annotations

import sys

from .i18n import CourseError, set_language


def _show_course_error(shell, etype, value, tb, tb_offset=None):
    # A course error is already a sentence for the learner: show it without a traceback.
    print(f"{etype.__name__}: {value}", file=sys.stderr)


def start(lang: str) -> str:
    """Set the language of the course, the plotting style and the display of course errors."""
    import matplotlib.pyplot as plt

    from .plots import STYLE

    lang = set_language(lang)
    plt.rcParams.update(STYLE)
    try:
        from IPython import get_ipython
    except ImportError:  # plain Python: nothing more to set up
        return lang
    shell = get_ipython()
    if shell is not None:
        shell.set_custom_exc((CourseError,), _show_course_error)
    return lang
