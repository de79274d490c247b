"""What the course's widgets share: controls in one style, checked arguments, and a clean exit.

Every word goes through ``_()`` and every number through ``num()``, in the language set
before the widget is made. A decimal slider hides its own readout (the browser would write
``0.05``) and a label beside it shows the value.

A widget releases what it made: its controls are closed (the kernel forgets them) when the
learner's variable is dropped or rebound, or when the cell that made it runs again. Its
callbacks hold it only weakly, so that nothing else keeps it alive.
"""

from __future__ import annotations

import base64
import html
import weakref

import ipywidgets as widgets

from ..i18n import num

STYLE = {"description_width": "initial"}  # French and Spanish descriptions are longer: never cut them


def control(kind, value, description, width="280px", **options):
    """A control of ``kind`` in the course's style: its description never cut, updated when released."""
    if "continuous_update" in kind.class_trait_names():
        options.setdefault("continuous_update", False)  # retrain when the slider is released, not while it moves
    return kind(value=value, description=description, style=STYLE, layout=widgets.Layout(width=width), **options)


def readout(slider, digits=3):
    """A label showing the slider's value with num(), kept up to date."""
    label = widgets.Label(num(slider.value, digits), layout=widgets.Layout(width="auto", min_width="3.5em"))
    slider.observe(lambda change: setattr(label, "value", num(change["new"], digits)), names="value")
    return label


def column(children):
    return widgets.VBox(children, layout=widgets.Layout(width="340px", margin="0 8px 8px 0"))


def row(children):
    return widgets.HBox(children, layout=widgets.Layout(flex_flow="row wrap"))  # columns wrap on a narrow page


def image():
    # Shown at its own size (never stretched, so never blurred), narrower if the page is narrow.
    return widgets.Image(format="png", layout=widgets.Layout(align_self="flex-start", max_width="100%", height="auto"))


def button(description, icon, tooltip=""):
    layout = widgets.Layout(width="auto", flex="0 0 auto")  # as wide as its words, in every language
    return widgets.Button(description=description, icon=icon, tooltip=tooltip, layout=layout)


def heading(text):
    return widgets.HTML(f"<b>{html.escape(text)}</b>")


def sentences(texts):
    return "".join(f'<div style="color:#b00000">⚠ {html.escape(s)}</div>' for s in texts)


# --- a widget and what it owns ---------------------------------------------------------------------


def close_all(widget) -> None:
    """Close ``widget``, everything inside it, and their layouts and styles (widgets too): the kernel forgets them."""
    for child in getattr(widget, "children", ()):
        close_all(child)
    for part in (getattr(widget, "layout", None), getattr(widget, "style", None)):
        if isinstance(part, widgets.Widget):
            part.close()
    widget.close()


def weakly(method):
    """A callback that calls ``method`` while its object lives, without keeping the object alive."""
    reference = weakref.WeakMethod(method)

    def call(*args):
        target = reference()
        if target is not None:
            target(*args)

    return call


def _current_cell():
    """(the cell's id, the id of this run of it) in a notebook's kernel; (None, None) elsewhere."""
    try:
        from IPython import get_ipython
    except ImportError:
        return None, None
    kernel = getattr(get_ipython(), "kernel", None)
    parent = kernel.get_parent() if kernel is not None else {}
    return parent.get("metadata", {}).get("cellId"), parent.get("header", {}).get("msg_id")


# The widgets made by each cell, in its latest run: running the cell again closes them.
_made_by_cell: dict[str, tuple[str, list]] = {}


class Shown:
    """What every widget of the course shares: ``.widget`` is the box shown in the notebook.

    A subclass builds its box, then calls :meth:`_own`; it registers its callbacks with
    :func:`weakly`. ``close()`` closes every control now.
    """

    widget: widgets.Box

    def _own(self, box: widgets.Box) -> None:
        self.widget = box
        self._release = weakref.finalize(self, close_all, box)
        cell, run = _current_cell()
        if cell is None:
            return
        previous_run, made = _made_by_cell.get(cell, (None, []))
        if previous_run != run:  # the cell runs again: what its previous run made goes
            for old in made:
                if old() is not None:
                    old().close()
            made = []
        made.append(weakref.ref(self))
        _made_by_cell[cell] = (run, made)

    def close(self) -> None:
        """Close every control of this widget (what happens when it is dropped or its cell runs again)."""
        self._release()

    def text(self) -> str:
        """One line describing the widget's state (its ``text/plain`` form)."""
        raise NotImplementedError

    def static(self) -> dict:
        """The picture shown by front ends without widgets: ``{mimetype: data}``."""
        return {"image/png": base64.b64encode(self.image.value).decode("ascii")}

    def _repr_mimebundle_(self, include=None, exclude=None, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs) or {}
        bundle.update(self.static())
        bundle["text/plain"] = self.text()
        return bundle

    def __repr__(self):
        return self.text()


class Labelled(Shown):
    """A box of plain ipywidgets that keeps a line of text for readers without a kernel (lesson 00).

    Without a kernel, a saved notebook shows its ``text/plain`` form: ``text()`` (the label's
    current value) instead of ``HBox(children=(FloatSlider(…``.
    """

    def __init__(self, box: widgets.Box, text):
        self._text = text
        self._own(box)

    def text(self) -> str:
        return self._text()

    def static(self) -> dict:
        return {}
