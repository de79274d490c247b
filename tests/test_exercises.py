"""The mutation suite: every exercise, answered with the wrong code a learner would type, never gets a ✓.

Each wrong answer is the lesson's own solution cell with one edit (``old`` → ``new``, every
occurrence), run as the notebook runs it: after the lesson's imports and the exercise cell,
in each of the four languages. When the checker has a hint for that mistake, the learner
must get that hint; a wrong answer without a targeted hint must still not be called right.
"""

from __future__ import annotations

import contextlib
import io
import re
import warnings
from functools import cache
from pathlib import Path

import jupytext
import pytest

from course.exercises import (
    DOT_FOR_HADAMARD,
    EXERCISES,
    HADAMARD_FOR_DOT,
    MISSING,
    NOT_A_NUMBER,
    NOT_FINITE,
    SIGN_ERROR,
    TRANSPOSE,
    last,
    lesson00,
    lesson01,
    lesson02,
    lesson03,
    lesson04,
    lesson05,
    lesson06,
    lesson07,
    lesson08,
    lesson09,
    lesson10,
    lesson11,
)
from course.i18n import LANGUAGES, CourseError, language
from course.tools.build import import_lines
from course.tools.catalogs import english_sentences

SOURCES = Path(__file__).resolve().parent.parent / "lessons" / "src"
RIGHT = "✓"
SHAPE_ERROR = None  # the wrong code stops with the engine's sentence before it reaches the check

# id: [(old, new, the hint the checker must give, or None when it has none for this mistake)]
MUTATIONS = {
    "00.1": [
        ("w * x + b", "w * (x + b)", lesson00.MULTIPLY_FIRST),
        ("w * x + b", "w + x + b", lesson00.ADDED_W),
        ("w * x + b", "w * x", lesson00.NO_BIAS),
        ("w * x + b", "str(w * x + b)", NOT_A_NUMBER),
    ],
    "00.2": [
        ("w @ x + b", "w * x + b", lesson00.NO_SUM),
        ("w @ x + b", "w @ x", lesson00.NO_BIAS),
        ("w @ x + b", "w @ (x + b)", lesson00.MULTIPLY_FIRST),
        ("w @ x + b", "np.sum(w * x) - b", None),
    ],
    "01.1": [
        ("w * x + b", "w * (x + b)", lesson01.MULTIPLY_FIRST),
        ("w * x + b", "w + x * b", lesson01.BIAS_TIMES_X),
        ("w * x + b", "w * x - b", lesson01.BIAS_SIGN),
        ("w * x + b", "-(w * x + b)", SIGN_ERROR),
    ],
    "01.2": [
        ("(a - y) * sigmoid_prime(z) * x", "(a - y) * x", lesson01.FORGOT_SIGMA_PRIME),
        ("(a - y) * sigmoid_prime(z) * x", "(y - a) * sigmoid_prime(z) * x", lesson01.ERROR_SIGN),
        ("sigmoid_prime(z) * x", "sigmoid_prime(a) * x", lesson01.PRIME_OF_A),
        ("sigmoid_prime(z) * x", "sigmoid(z) * x", lesson01.SIGMA_NOT_PRIME),
        ("(a - y) * sigmoid_prime(z) * x", "(a - y) * sigmoid_prime(z)", lesson01.FORGOT_X),
    ],
    "01.3": [
        ("w - alpha * dL_dw", "w + alpha * dL_dw", lesson01.STEP_UPHILL),
        ("w - alpha * dL_dw", "w - dL_dw", lesson01.FORGOT_ALPHA),
        ("w - alpha * dL_dw", "w - alpha * (a - y) * sigmoid_prime(z)", lesson01.USED_DB),
        ("(a - y) * sigmoid_prime(z) * x", "(y - a) * sigmoid_prime(z) * x", lesson01.STEP_UPHILL),
    ],
    "02.1": [
        ("W @ a0 + b", "W.T @ a0 + b", lesson02.W_TRANSPOSED),
        ("W @ a0 + b", "a0 @ W + b", lesson02.PRODUCT_ORDER),
        ("W @ a0 + b", "W * a0 + b", HADAMARD_FOR_DOT),
        ("W @ a0 + b", "W @ a0", lesson02.FORGOT_BIAS),
        ("W @ a0 + b", "W @ a0 + b.T", lesson02.BIAS_AS_ROW),
    ],
    "02.2": [
        ("np.tanh(W1 @ x_new + b1)", "W1 @ x_new + b1", lesson02.FORGOT_TANH),
        ("np.tanh(W1 @ x_new + b1)", "sigmoid(W1 @ x_new + b1)", lesson02.SIGMOID_NOT_TANH),
        ("np.tanh(W1 @ x_new + b1)", "np.tanh(W1 @ x_new) + b1", lesson02.BIAS_AFTER_TANH),
        ("np.tanh(W1 @ x_new + b1)", "np.tanh(W1 @ x_new)", lesson02.TANH_WITHOUT_BIAS),
    ],
    "02.3": [
        ("sigmoid(W2 @ a1_new + b2)", "W2 @ a1_new + b2", lesson02.FORGOT_OUTPUT_SIGMOID),
        ("sigmoid(W2 @ a1_new + b2)", "np.tanh(W2 @ a1_new + b2)", lesson02.TANH_AT_OUTPUT),
        ("np.tanh(W1 @ x_new + b1)", "sigmoid(W1 @ x_new + b1)", lesson02.SIGMOID_IN_HIDDEN),
        ("np.tanh(W1 @ x_new + b1)", "W1 @ x_new + b1", lesson02.NO_HIDDEN_ACTIVATION),
        ("+ b", "+ 0 * b", lesson02.FORGOT_BIASES),
    ],
    "03.1": [
        ("y_hat - y", "y - y_hat", lesson03.DA_SIGN),
        ("y_hat - y", "2 * (y_hat - y)", lesson03.DA_TWO),
        ("y_hat - y", "0.5 * (y_hat - y) ** 2", lesson03.DA_LOSS),
        ("y_hat - y", "(y_hat - y) / 3", lesson03.DA_MEAN),
        ("y_hat - y", "np.mean(y_hat - y)", None),
    ],
    "03.2": [
        ("(f(x + h) - f(x - h)) / (2 * h)", "(f(x + h) - f(x)) / h", lesson03.FORWARD_DIFFERENCE),
        ("(f(x + h) - f(x - h)) / (2 * h)", "(f(x + h) - f(x - h)) / h", lesson03.HALF_STEP),
        ("(f(x + h) - f(x - h)) / (2 * h)", "(f(x + h) - f(x - h)) / 2 * h", lesson03.HALF_STEP),
        ("(f(x + h) - f(x - h)) / (2 * h)", "1 - np.tanh(x) ** 2", lesson03.TOO_EXACT),
        ("x, h = 0.5, 0.01", "x, h = 0.5, 1e-5", lesson03.TOO_EXACT),
    ],
    "03.3": [
        ("s * (1 - s)", "s * (1 + s)", lesson03.PLUS_SIGMA),
        ("s * (1 - s)", "s", lesson03.FORGOT_FACTOR),
        ("s * (1 - s)", "z * (1 - z)", lesson03.Z_NOT_SIGMA),
        ("s * (1 - s)", "1 - s**2", lesson03.SQUARED),
        ("s * (1 - s)", "s @ (1 - s).T", DOT_FOR_HADAMARD),
    ],
    "03.4": [
        ("s * (da - s.T @ da)", "s * (1 - s) * da", lesson03.DIAGONAL_ONLY),
        ("s * (da - s.T @ da)", "s * (da - s * da)", lesson03.DIAGONAL_ONLY),
        ("s * (da - s.T @ da)", "s * (da + s.T @ da)", lesson03.SUM_SIGN),
        ("s * (da - s.T @ da)", "s * (s.T @ da - da)", SIGN_ERROR),
        ("s * (da - s.T @ da)", "s * (da - s @ da.T)", lesson03.OUTER_PRODUCT),
        ("s * (da - s.T @ da)", "da - s.T @ da", lesson03.FORGOT_S),
        ("s * (da - s.T @ da)", "s * da - s.T @ da", lesson03.S_OUTSIDE),
        ("s = softmax(z)", "s = z", lesson03.Z_NOT_S),
        ("s * (da - s.T @ da)", "da", lesson03.ONLY_DA),
        ("s * (da - s.T @ da)", "s * (da - np.sum(da))", None),
    ],
    "04.1": [
        ("da * sigmoid_prime(z2)", "da", lesson04.FORGOT_F_PRIME),
        ("da * sigmoid_prime(z2)", "da * sigmoid_prime(sigmoid(z2))", lesson04.F_PRIME_OF_A),
        ("da * sigmoid_prime(z2)", "da * sigmoid(z2)", lesson04.F_NOT_F_PRIME),
        ("da * sigmoid_prime(z2)", "da @ sigmoid_prime(z2).T", DOT_FOR_HADAMARD),
        ("da * sigmoid_prime(z2)", "-da * sigmoid_prime(z2)", lesson04.DZ_SIGN),
        ("da * sigmoid_prime(z2)", "da * sigmoid_prime(z2) + 5j", NOT_A_NUMBER),
        ("da * sigmoid_prime(z2)", "da * sigmoid_prime(z2) / 0.0", NOT_FINITE),
    ],
    "04.2": [
        ("dz @ a1.T", "a1 @ dz.T", TRANSPOSE),
        ("dz @ a1.T", "dz * a1", HADAMARD_FOR_DOT),
        ("dz @ a1.T", "dz.T @ a1", lesson04.INNER_PRODUCT),
        ("dW = dz @ a1.T", 'da, _z2 = given("04.1")\ndW = da @ a1.T', lesson04.FORGOT_F_PRIME),
    ],
    "04.3": [
        ("W2.T @ dz", "W2 @ dz", TRANSPOSE),
        ("W2.T @ dz", "W2.T * dz", HADAMARD_FOR_DOT),
        ("da_prev = W2.T @ dz", 'da, _z2 = given("04.1")\nda_prev = W2.T @ da', lesson04.DA_FROM_DA),
        ("W2.T @ dz", "-W2.T @ dz", SIGN_ERROR),
    ],
    "05.1": [
        ("da1 * tanh_prime(z1)", "da1", lesson05.FORGOT_F_PRIME),
        ("da1 * tanh_prime(z1)", "da1 * np.tanh(z1)", lesson05.F_NOT_F_PRIME),
        ("da1 * tanh_prime(z1)", "da1 * tanh_prime(np.tanh(z1))", lesson05.F_PRIME_OF_A),
        ("da1 * tanh_prime(z1)", "da1 * (1 - z1**2)", lesson05.ONE_MINUS_Z_SQUARED),
        ("da1 * tanh_prime(z1)", "da1 * sigmoid_prime(z1)", lesson05.WRONG_ACTIVATION),
    ],
    "05.2": [
        ("dz = da * f_prime(net.z[l])", "dz = da", lesson05.LOOP_FORGOT_F_PRIME),
        ("f_prime(net.z[l])", "f_prime(net.a[l])", lesson05.LOOP_F_PRIME_OF_A),
        ("da = net.W[l].T @ dz", "da = net.W[l].T @ da", lesson05.LOOP_DA_FROM_DA),
        ("db[l] = dz", "db[l] = da", lesson05.LOOP_DB_FROM_DA),
        ("net.a[l - 1].T", "net.a[l].T", lesson05.LOOP_A_NOT_A_PREV),
        ("dW[l] = dz @ net.a[l - 1].T", "dW[l] = net.a[l - 1] @ dz.T", None),
    ],
    "05.3": [
        ("layer = max(", "layer = min(", lesson05.INHERITED),
        ("layer = max(", "layer = 4 + 0 * max(", lesson05.RIGHT_LAYER),
        ("layer = max(", "layer = 0 * max(", lesson05.NOT_A_LAYER),
        ("layer = max(", "layer = -1 + max(", lesson05.INHERITED),
    ],
    "06.1": [
        ("W1 - alpha * dW1", "W1 + alpha * dW1", lesson06.PLUS_NOT_MINUS),
        ("W1 - alpha * dW1", "W1 - dW1", lesson06.FORGOT_ALPHA),
        ("W1 - alpha * dW1", "W1", lesson06.UNCHANGED),
        ("W1 - alpha * dW1", "-alpha * dW1", lesson06.ONLY_THE_STEP),
        ("W1 - alpha * dW1", "alpha * W1 - dW1", lesson06.ALPHA_ON_W),
    ],
    "06.2": [
        ("1 / c", "2 / c", lesson06.FORGOT_THE_2),
        ("1 / c", "1 / (2 * c)", lesson06.ONE_STEP_ALPHA),
        ("1 / c", "c", lesson06.INVERTED),
        ("1 / c", "0", lesson06.FACTOR_ONE),
    ],
    "07.1": [
        ("math.ceil(m / B)", "m // B", lesson07.FLOOR_NOT_CEIL),
        ("math.ceil(m / B)", "int(m / B)", lesson07.FLOOR_NOT_CEIL),
        ("math.ceil(m / B)", "m / B", lesson07.NOT_ROUNDED),
        ("math.ceil(m / B)", "m * B", lesson07.TIMES_NOT_DIVIDED),
        ("math.ceil(m / B)", "B / m", lesson07.INVERTED_STEPS),
        ("math.ceil(m / B)", "m", lesson07.EXAMPLES_NOT_STEPS),
    ],
    "07.2": [
        ("np.mean((y_hat > 0.5) == y)", "np.mean(y_hat == y)", lesson07.PROBABILITIES_NOT_CLASSES),
        ("np.mean((y_hat > 0.5) == y)", "np.sum((y_hat > 0.5) == y)", lesson07.COUNT_NOT_FRACTION),
        ("np.mean((y_hat > 0.5) == y)", "np.mean((y_hat > 0.5) != y)", lesson07.ERROR_RATE),
        ("np.mean((y_hat > 0.5) == y)", "100 * np.mean((y_hat > 0.5) == y)", lesson07.PERCENT),
        ("np.mean((y_hat > 0.5) == y)", "np.mean(y_hat > 0.5)", lesson07.MEAN_OF_PREDICTIONS),
    ],
    "07.3": [
        ("[2] + [w] * k + [1]", "[w] * k", lesson07.ONLY_HIDDEN),
        ("[2] + [w] * k + [1]", "[w] * k + [1]", lesson07.NO_INPUT),
        ("[2] + [w] * k + [1]", "[2] + [w] * k", lesson07.NO_OUTPUT),
        ("[2] + [w] * k + [1]", "[2, k * w, 1]", lesson07.ONE_WIDE_LAYER),
        ("[2] + [w] * k + [1]", "[2] + [w] * (k + 1) + [1]", lesson07.WRONG_COUNT),
    ],
    "08.1": [
        ("penalty[:, 0] = 0.0", "penalty[0, :] = 0.0", lesson08.ROW_NOT_COLUMN),
        ("penalty[:, 0] = 0.0", "pass", lesson08.REGULARIZED_BIAS),
        ("(Delta + penalty) / 4", "Delta + penalty", lesson08.FORGOT_M),
        ("(Delta + penalty) / 4", "Delta / 4 + penalty", lesson08.M_ONLY_ON_DELTA),
        ("(Delta + penalty) / 4", "(Delta - penalty) / 4", lesson08.LAMBDA_SIGN),
        ("(Delta + penalty) / 4", "(Delta + penalty) / 4 / 4", None),
    ],
    "08.2": [
        ("0.3 / (2 * 30)", "0.3 / 30", lesson08.LAMBDA_OVER_M),
        ("0.3 / (2 * 30)", "0.3 / 2", lesson08.FORGOT_M_COST),
        ("float((W**2).sum())", "float(np.linalg.norm(W))", lesson08.NOT_SQUARED),
        ("for W in weights)", "for W in weights + biases)", lesson08.BIASES_IN_PENALTY),
        ("J + 0.3", "0.3", None),
    ],
    "08.3": [
        ("* sigmoid(z) * (1 - sigmoid(z))", "* sigmoid(z)", lesson08.G_NOT_G_PRIME),
        ("* sigmoid(z) * (1 - sigmoid(z))", "", lesson08.FORGOT_G_PRIME),
        ("[1:]", "[:-1]", lesson08.DROPPED_LAST_ROW),
        ("(Theta_next.T @ delta_next)", "(Theta_next.T @ -delta_next)", SIGN_ERROR),
    ],
    "09.1": [
        ("da = a[n] - y_p", "da = y_p - a[n]", lesson09.UPHILL),
        ("- alpha_p *", "+ alpha_p *", lesson09.UPHILL),
        ("W[l] - alpha_p * dW[l]", "W[l] + alpha_p * dW[l]", lesson09.UPHILL),
        ("b[l] - alpha_p * db[l]", "b[l] + alpha_p * db[l]", lesson09.B_UPHILL),
        (  # two edits: sign errors that cancel in W^l but not in b^l
            ("da = a[n] - y_p", "W[l] - alpha_p * dW[l]"),
            ("da = y_p - a[n]", "W[l] + alpha_p * dW[l]"),
            lesson09.B_UPHILL,
        ),
        ("b[l] = b[l] - alpha_p * db[l]", "b[l] = b[l]", lesson09.ONLY_WEIGHTS),
        ("alpha_p * ", "", lesson09.FORGOT_ALPHA),
        ("    W[l] = W[l] - alpha_p * dW[l]\n    b[l] = b[l] - alpha_p * db[l]", "    pass", lesson09.NOT_UPDATED),
        ("layer_backward(l, da, a[l - 1]", "layer_backward(l, da, a[l]", SHAPE_ERROR),
    ],
    "11.1": [
        ("ratio * w[l] * sigmoid_prime(z[l])", "ratio * sigmoid_prime(z[l])", lesson11.FORGOT_W),
        ("ratio * w[l] * sigmoid_prime(z[l])", "ratio * w[l]", lesson11.FORGOT_PRIME),
        ("sigmoid_prime(z[l])", "sigmoid(z[l])", lesson11.SIGMA_NOT_PRIME),
        ("sigmoid_prime(z[l])", "sigmoid_prime(sigmoid(z[l]))", lesson11.PRIME_OF_A),
        ("range(1, n + 1)", "range(1, n)", lesson11.MISSING_LAYER),
        ("range(1, n + 1)", "range(2, n + 1)", lesson11.MISSING_LAYER),
        ("ratio = ratio * w[l]", "ratio = ratio + w[l]", lesson11.SUM_NOT_PRODUCT),
        ("ratio * w[l]", "ratio * abs(w[l])", None),
    ],
    "11.2": [
        ("np.sqrt(2 / sizes_p[l - 1])", "2 / sizes_p[l - 1]", lesson11.VARIANCE_NOT_STD),
        ("np.sqrt(2 / (sizes_p[l - 1] + sizes_p[l]))", "2 / (sizes_p[l - 1] + sizes_p[l])", lesson11.VARIANCE_NOT_STD),
        ("np.sqrt(2 / sizes_p[l - 1])", "np.sqrt(2 / sizes_p[l])", lesson11.FAN_OUT),
        ("np.sqrt(2 / sizes_p[l - 1])", "np.sqrt(1 / sizes_p[l - 1])", lesson11.LECUN_NOT_HE),
        ("np.sqrt(2 / (sizes_p[l - 1] + sizes_p[l]))", "np.sqrt(2 / sizes_p[l - 1])", lesson11.XAVIER_SUM),
        (
            "np.sqrt(2 / (sizes_p[l - 1] + sizes_p[l]))",
            "np.sqrt(1 / (sizes_p[l - 1] + sizes_p[l]))",
            lesson11.XAVIER_SUM,
        ),
        (
            "np.sqrt(2 / (sizes_p[l - 1] + sizes_p[l]))",
            "np.sqrt(2 / (sizes_p[l - 1] * sizes_p[l]))",
            lesson11.XAVIER_SUM,
        ),
    ],
    "11.3": [
        (
            "(W[l].max(axis=0) - W[l].min(axis=0)).max()",
            "(W[l].max(axis=1) - W[l].min(axis=1)).max()",
            lesson11.ACROSS_INPUTS,
        ),
        ("(W[l].max(axis=0) - W[l].min(axis=0)).max()", "W[l].max(axis=0) - W[l].min(axis=0)", lesson11.NOT_ONE_NUMBER),
        ("(W[l].max(axis=0) - W[l].min(axis=0)).max()", "np.abs(W[l][0] - W[l][1]).max()", lesson11.TWO_UNITS),
        ("(W[l].max(axis=0) - W[l].min(axis=0)).max()", "W[l].max() - W[l].min()", None),
        ("(W[l].max(axis=0) - W[l].min(axis=0)).max()", "(W[l].max(axis=0) - W[l].min(axis=0)).min()", None),
    ],
    "09.2": [
        ("0.5 * float(", "float(", lesson09.NO_HALF),
        (".sum())", ".mean())", lesson09.MEAN_NOT_SUM),
        ("W[l], b[l], a_out", "practice.W[l], practice.b[l], a_out", lesson09.OLD_LOSS),
        ("W[l], b[l], a_out", "W[l], practice.b[l], a_out", lesson09.BIASES_NOT_UPDATED),
    ],
    "10.1": [
        ("(1.0, 1.0)", "(0.5, 0.5)", lesson10.ADD_SPLITS),
        ("(1.0, 1.0)", "(1.0, 0.0)", lesson10.ADD_ONE_SIDE),
        ("(q.data, p.data)", "(p.data, q.data)", lesson10.MUL_NOT_SWAPPED),
        ("(q.data, p.data)", "(1.0, 1.0)", lesson10.MUL_AS_ADD),
        ("(1 - t**2,)", "(1 - p.data**2,)", lesson10.TANH_OF_INPUT),
        ("(1 - t**2,)", "(t,)", lesson10.TANH_NOT_PRIME),
        ("(1 - t**2,)", "(1 - t,)", lesson10.TANH_NOT_SQUARED),
        ("(1 - t**2,)", "1 - t**2", lesson10.TANH_NOT_TUPLE),
        ("(1 - t**2,)", "(1 - t**2, 1 - t**2)", None),
    ],
    "10.2": [
        (
            "            for parent in node.parents:\n                visit(parent)\n            order.append(node)",
            "            order.append(node)\n            for parent in node.parents:\n                visit(parent)",
            lesson10.REVERSED,
        ),
        ("    return order", "    return order[::-1]", lesson10.REVERSED),
        ("            seen.add(node)\n", "", lesson10.TWICE),
        ("visit(parent)", "order.append(parent)", lesson10.NOT_RECURSIVE),
        ("    visit(root)", "    for parent in root.parents:\n        visit(parent)", lesson10.ROOT_MISSING),
        ("    return order", "    return order[1:]", None),
    ],
    "10.3": [
        ("node.parents[k].grad += ", "node.parents[k].grad = ", lesson10.ASSIGNED),
        ("+= node.local[k] * node.grad", "+= node.grad", lesson10.FORGOT_LOCAL),
        ("+= node.local[k] * node.grad", "+= node.local[k]", lesson10.FORGOT_NODE_GRAD),
        ("root.grad = 1.0", "root.grad = 0.0", lesson10.NOTHING_ARRIVED),
        ("reversed(autograd.topological_order(root))", "autograd.topological_order(root)", lesson10.NOTHING_ARRIVED),
        ("node.local[k] * node.grad", "node.local[k] * root.grad", None),
    ],
}


@cache
def lesson_cells() -> dict:
    """Exercise id → (the lesson's import lines, its exercise cell, its solution cell), read from the sources."""
    found = {}
    for path in sorted(SOURCES.glob("[0-9][0-9]_*.py")):
        nb = jupytext.read(path)
        cells, imports = nb.cells, import_lines(nb)
        exercise_cells = {}
        for cell in cells:
            tags = cell.metadata.get("tags", [])
            id = re.search(r'check\("(\d\d\.\d)"', cell.source)
            if id and "exercise" in tags:
                exercise_cells[id.group(1)] = cell.source
            elif id and "solution" in tags:
                found[id.group(1)] = (imports, exercise_cells[id.group(1)], cell.source)
    return found


def mutate(source: str, old, new) -> str:
    for o, n in zip(*((old, new) if isinstance(old, tuple) else ((old,), (new,))), strict=True):
        assert o in source, f"{o!r} is not in the solution:\n{source}"
        source = source.replace(o, n)
    return source


def run(id: str, solution: str, lang: str) -> tuple[str, Exception | None]:
    """Run the lesson's imports, the exercise cell and ``solution`` as a notebook would; what they printed."""
    imports, exercise_cell, _solution = lesson_cells()[id]
    namespace, printed, raised = {}, io.StringIO(), None
    with language(lang), contextlib.redirect_stdout(io.StringIO()):
        exec(compile(imports, f"<imports of {id}>", "exec"), namespace)
        exec(compile(exercise_cell, f"<exercise {id}>", "exec"), namespace)
    last.pop(id, None)
    with language(lang), contextlib.redirect_stdout(printed), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # numpy's own warning, shown above the sentence
        try:
            exec(compile(solution, f"<answer to {id}>", "exec"), namespace)
        except CourseError as error:  # the notebook shows its sentence, without a traceback
            raised = error
    return printed.getvalue(), raised


def test_every_exercise_has_at_least_three_wrong_answers():
    assert sorted(MUTATIONS) == sorted(EXERCISES) == sorted(lesson_cells())
    for id, wrongs in MUTATIONS.items():
        assert len(wrongs) >= 3, id


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("id", sorted(EXERCISES))
def test_the_solution_is_right_and_the_unfinished_cell_is_not(id, lang):
    imports, exercise_cell, solution = lesson_cells()[id]
    printed, raised = run(id, solution, lang)
    assert raised is None and last[id].correct and printed.startswith(RIGHT), printed
    with language(lang), contextlib.redirect_stdout(io.StringIO()) as printed:
        namespace = {}
        exec(imports, namespace)
        exec(exercise_cell, namespace)
    assert not last[id].correct and last[id].hint == MISSING and RIGHT not in printed.getvalue()


CASES = [(id, k) for id, wrongs in MUTATIONS.items() for k in range(len(wrongs))]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("id, k", CASES, ids=[f"{id}-{k}" for id, k in CASES])
def test_a_wrong_answer_never_gets_a_checkmark(id, k, lang):
    old, new, hint = MUTATIONS[id][k]
    printed, raised = run(id, mutate(lesson_cells()[id][2], old, new), lang)
    said = printed + (str(raised) if raised else "")
    assert RIGHT not in said, said
    if raised is not None:  # stopped before the check, with a sentence naming the culprit
        assert hint is SHAPE_ERROR, said
    else:
        assert not last[id].correct, said
        if hint is not None:
            assert last[id].hint == hint, f"expected the hint {hint!r}, got: {said}"
    if lang != "en":
        assert english_sentences(said, lang) == [], said
