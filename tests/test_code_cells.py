"""Code cells hold code, not prose: their text is the same in every language, so nothing in them is translated.

An explanation in a docstring or a comment would stay English in the French, Spanish and Portuguese
notebooks. It belongs to the markdown before the cell. A comment may stay when it is notation only
(``# dz^l = da^l ⊙ f'(z^l)``) or a directive for a tool (``# fmt: skip``).
"""

import ast
import io
import keyword
import re
import tokenize
from pathlib import Path

import jupytext
import pytest

SOURCES = sorted((Path(__file__).resolve().parent.parent / "lessons" / "src").glob("[0-9][0-9]_*.py"))
DIRECTIVE = re.compile(r"#\s*(fmt:|noqa|type:)")
WORD = re.compile(r"[A-Za-z]{3,}")


def prose(code: str) -> list[str]:
    """The docstrings of a code cell, and the English words of its comments (words that are not names of the code)."""
    tokens = list(tokenize.generate_tokens(io.StringIO(code).readline))
    names = {t.string for t in tokens if t.type == tokenize.NAME and not keyword.iskeyword(t.string)}
    found = [
        ast.get_docstring(node)
        for node in ast.walk(ast.parse(code))
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and ast.get_docstring(node)
    ]
    for token in tokens:
        if token.type == tokenize.COMMENT and not DIRECTIVE.match(token.string):
            words = [w for w in WORD.findall(token.string) if w not in names]
            if words:
                found.append(token.string)
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_code_cells_have_no_prose_to_translate(path):
    notebook = jupytext.read(path, fmt="py:percent")
    found = [
        f"[{number}] {text}"
        for number, cell in enumerate(notebook.cells)
        if cell.cell_type == "code"
        for text in prose(cell.source)
    ]
    assert not found, f"{path.name}: move this prose to the markdown before the cell:\n" + "\n".join(found)


def test_prose_in_a_code_cell_is_found_and_notation_is_not():
    assert prose('def descend(w):\n    """The values of w during gradient descent."""\n    return w\n')
    assert prose("w = w - 1  # one step of gradient descent\n")
    assert prose("class Value:\n    '''One number of a graph.'''\n")
    assert not prose("dz = da * f_prime(z)  # dz^l = da^l ⊙ f'(z^l)\n")
    assert not prose("t = math.tanh(p)\nlocal = (1 - t**2,)  # (∂t/∂p,), t = tanh(p)\n")
    assert not prose("x = [\n    1, 2,\n]  # fmt: skip\n")
