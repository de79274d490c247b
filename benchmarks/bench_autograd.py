"""How much does vectorization buy? Lesson 10's scalar autograd against the engine. Run ``python benchmarks/bench_autograd.py``.

What is measured
----------------
The time of ONE full-batch training step -- forward pass, cost J, backward pass and update of
every W^l and b^l -- on the same network, from the same weights, by two implementations:

    autograd   ``course.autograd.Value``, the scalar autograd that lesson 10 builds: one Python
               object per number of the computational graph (every product W^l_ij a^{l-1}_j,
               every sum, every activation), its backward pass in topological order. Examples
               go one at a time: each example's loss, divided by m, calls ``backward()``, and the
               weights' grads add up (+=) to the mean over the examples.
    engine     ``course.Network.train(x, y, alpha, steps=k)``, timed per step: one matrix
               product per layer for all the examples at once.

Both compute the same J and the same gradients (checked to 1e-12 before timing). The cases:

    2-3-2, 1 example       lesson 04's network (sigmoid, squared error), the one lesson 10 uses
    2-16-16-1, 200 points  moons, tanh hidden, sigmoid output, squared error
    2-32-32-1, 200 points  moons, the same with twice the units

How it is measured
------------------
The machine is shared and noisy, so the two are interleaved: each round times one autograd
step, then a block of engine steps (about ``--block-ms``); the ratio is computed within each
round, and the table shows the MEDIAN over the rounds. The garbage collector is paused while
timing, as in ``bench_engine.py`` (the graph has no cycles: reference counting frees it). The
load average printed at the end says whether other programs competed for the cores.

How to read it
--------------
The autograd's time grows with the number of scalar operations, about a microsecond each in
Python; the engine's time is mostly a fixed cost per numpy call until the matrices get large.
So the ratio is small on lesson 04's tiny network and grows with the size of the network.
Lesson 10 quotes the order of magnitude of the largest case.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import sys
import time
from dataclasses import dataclass

import numpy as np

from course import Network
from course.autograd import Value
from course.data import moons

ALPHA = 0.01


@dataclass
class Case:
    name: str
    sizes: list[int]
    f: str  # f^1 … f^{n-1}; the output is a sigmoid, the loss the squared error
    x: np.ndarray
    y: np.ndarray


def lesson04():
    return np.array([[0.5], [-1.0]]), np.array([[1.0], [0.0]])


def cases() -> list[Case]:
    return [
        Case("2-3-2, 1 example", [2, 3, 2], "sigmoid", *lesson04()),
        Case("2-16-16-1, 200 points", [2, 16, 16, 1], "tanh", *moons(200)),
        Case("2-32-32-1, 200 points", [2, 32, 32, 1], "tanh", *moons(200)),
    ]


def network(case: Case) -> Network:
    return Network(case.sizes, f=case.f, f_out="sigmoid", loss="mse", seed=1)


def autograd_step(net: Network, x, y, alpha: float) -> tuple[float, dict, dict]:
    """One training step with the scalar autograd; returns (J, dW, db) and updates net.W, net.b."""
    n, m = net.n, x.shape[1]
    W = {l: [[Value(w) for w in row] for row in net.W[l]] for l in range(1, n + 1)}
    b = {l: [Value(v) for v in net.b[l][:, 0]] for l in range(1, n + 1)}
    J = 0.0
    for t in range(m):
        a = [float(v) for v in x[:, t]]
        for l in range(1, n + 1):
            z = [sum((W[l][i][j] * a[j] for j in range(len(a))), b[l][i]) for i in range(len(b[l]))]
            a = [z_i.sigmoid() if net.f[l] == "sigmoid" else z_i.tanh() for z_i in z]
        L = 0.5 * sum((a_i - y_i) ** 2 for a_i, y_i in zip(a, y[:, t], strict=True))
        (L * (1.0 / m)).backward()  # the leaves W^l_ij, b^l_i add up every example's share
        J += L.data / m
    dW = {l: np.array([[w.grad for w in row] for row in W[l]]) for l in W}
    db = {l: np.array([[v.grad] for v in b[l]]) for l in b}
    for l in range(1, n + 1):
        net.W[l] = net.W[l] - alpha * dW[l]
        net.b[l] = net.b[l] - alpha * db[l]
    return J, dW, db


def check_agreement(case: Case) -> None:
    """The autograd's J, dW^l and db^l equal the engine's, to 1e-12, before anything is timed."""
    ours, engine = network(case), network(case)
    J, dW, db = autograd_step(ours, case.x, case.y, ALPHA)
    engine.forward(case.x)
    J_engine = engine.cost(case.y)
    engine.backward(case.y)
    gap = max(
        abs(J - J_engine),
        *(float(np.abs(dW[l] - engine.dW[l]).max()) for l in dW),
        *(float(np.abs(db[l] - engine.db[l]).max()) for l in db),
    )
    if gap > 1e-12:
        sys.exit(f"{case.name}: the autograd and the engine differ by {gap:.3g}; nothing timed.")


def run_case(case: Case, rounds: int, block: float) -> tuple[list[float], list[float]]:
    """(autograd seconds per step, engine seconds per step) for each round."""
    autograd_net, engine_net = network(case), network(case)
    autograd_step(autograd_net, case.x, case.y, ALPHA)  # a warm-up of each, not timed
    start = time.perf_counter()
    engine_net.train(case.x, case.y, alpha=ALPHA, steps=10)
    k = max(1, round(block / ((time.perf_counter() - start) / 10)))
    times_a, times_e = [], []
    gc.collect()
    gc.disable()
    try:
        for _round in range(rounds):
            start = time.perf_counter()
            autograd_step(autograd_net, case.x, case.y, ALPHA)
            times_a.append(time.perf_counter() - start)
            start = time.perf_counter()
            engine_net.train(case.x, case.y, alpha=ALPHA, steps=k)
            elapsed = time.perf_counter() - start
            times_e.append(elapsed / k)
            k = max(1, round(k * block / max(elapsed, 1e-9)))  # the next block lasts about `block`
    finally:
        gc.enable()
    return times_a, times_e


def short(seconds: float) -> str:
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="rounds per case (default 5)")
    parser.add_argument(
        "--block-ms", type=float, default=50.0, help="length of a block of engine steps (default 50 ms)"
    )
    args = parser.parse_args(argv)
    print(f"Python {platform.python_version()}, numpy {np.__version__}, {os.cpu_count()} CPUs; alpha = {ALPHA}")
    load_before = os.getloadavg()[0]
    rows = []
    for case in cases():
        check_agreement(case)
        start = time.perf_counter()
        times_a, times_e = run_case(case, args.rounds, args.block_ms / 1000)
        ratios = [a / e for a, e in zip(times_a, times_e, strict=True)]
        rows.append((case.name, statistics.median(times_a), statistics.median(times_e), ratios))
        print(f"  {case.name}: gradients agree to 1e-12; timed in {time.perf_counter() - start:.1f} s", flush=True)
    print(f"\nMedian time of one training step over {args.rounds} rounds, and autograd / engine within each round")
    print(f"{'':<24}{'autograd':>12}{'engine':>12}{'ratio':>10}{'ratio range':>20}")
    for name, a, e, ratios in rows:
        spread = f"{min(ratios):.3g} – {max(ratios):.3g}"
        print(f"{name:<24}{short(a):>12}{short(e):>12}{statistics.median(ratios):>10.3g}{spread:>20}")
    load_after = os.getloadavg()[0]
    print(f"Load average (1 min) before / after: {load_before:.1f} / {load_after:.1f} on {os.cpu_count()} CPUs", end="")
    print(": other programs were competing, run it again later." if load_after > 2.5 else ".")


if __name__ == "__main__":
    sys.exit(main())
