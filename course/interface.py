"""JupyterLab's own words: its menus as the learner sees them, in the language of the course (lesson 00, the guide).

``course lab`` opens JupyterLab in the learner's language through its language pack. A lesson or a guide
that names a menu reads the label from that pack, so that it says exactly what is on the screen; where
the pack has no translation (or is not installed), JupyterLab shows the English label, and so do we.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from . import i18n

INTERFACE_LOCALES = {"fr": "fr_FR", "es": "es_ES", "pt_BR": "pt_BR"}


@cache
def _pack(locale: str) -> dict:
    """The messages of JupyterLab's language pack for ``locale`` (``{}`` when it is not installed or unreadable)."""
    spec = find_spec(f"jupyterlab_language_pack_{locale}")
    if spec is None or spec.origin is None:
        return {}
    path = Path(spec.origin).parent / "locale" / locale / "LC_MESSAGES" / "jupyterlab.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def label(message: str, context: str | None = None, lang: str | None = None) -> str:
    """JupyterLab's label for ``message`` (its English label) in ``lang``, the course's language by default."""
    locale = INTERFACE_LOCALES.get(lang or i18n.get_language())
    found = _pack(locale).get(message if context is None else f"{context}\x04{message}") if locale else None
    return found[0] if found and found[0] else message


def menu_path(menu: str, item: str, lang: str | None = None) -> str:
    """``menu_path("Run", "Run All Above Selected Cell")``: the menu and its item as JupyterLab shows them,
    ``Exécution ▸ Exécuter tout au-dessus de la cellule sélectionnée`` in French."""
    return f"{label(menu, 'menu', lang)} ▸ {label(item, lang=lang)}"
