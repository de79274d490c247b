"""Lesson 00's slider, saved for readers without a kernel: a sentence, not ``HBox(children=(FloatSlider(…``."""

import ipywidgets as widgets

from course.widgets.base import Labelled


def test_a_labelled_box_is_saved_as_its_label_and_a_bare_box_as_a_repr():
    slider, label = widgets.FloatSlider(value=3.0, description="x"), widgets.Label("x = 3, so z = 2 x + 1 = 7")
    assert repr(widgets.HBox([slider, label])).startswith("HBox(children=(FloatSlider(")  # what readers saw
    shown = Labelled(widgets.HBox([slider, label]), text=lambda: label.value)
    bundle = shown._repr_mimebundle_()
    assert bundle["text/plain"] == "x = 3, so z = 2 x + 1 = 7"
    assert "application/vnd.jupyter.widget-view+json" in bundle  # still live in JupyterLab
    label.value = "x = 1, so z = 2 x + 1 = 3"
    assert shown._repr_mimebundle_()["text/plain"] == label.value
