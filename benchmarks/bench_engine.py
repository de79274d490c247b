"""How fast is one training step of the course engine? Run ``python benchmarks/bench_engine.py``.

What is measured
----------------
The time of ONE full-batch training step -- forward pass, cost J, backward pass and update
of every W^l and b^l -- on three networks, and the first two again with ReLU hidden layers:

    2-16-16-1     on 200 points  (moons)     tanh hidden, sigmoid output, binary cross-entropy
    2-64-64-64-1  on 1000 points (spirals)   tanh hidden, sigmoid output, binary cross-entropy
    784-128-10    on 1000 random examples    relu hidden, softmax output, cross-entropy

for four implementations that start from the same weights and compute the same J and the
same gradients (checked with ``allclose`` before timing, so the comparison is honest):

    engine        ``course.Network.train(x, y, alpha, steps=50)``, the code the lessons teach,
                  timed per step (its checks of x, y, α and the weights run once per call).
    hand-written  a minimal vectorized numpy MLP, written the way a practitioner would:
                  W @ a + b, dz^n = ŷ − y for the (sigmoid, BCE) and (softmax, CE) pairs,
                  tanh' = 1 − a², relu' = [a > 0], no da^0, no checks, in-place update.
                  This is the practical limit for numpy: the fewest numpy calls per step.
    per-example   the same formulas, one column (example) at a time, gradients accumulated
                  over the m examples then averaged: what "backprop" looks like without
                  vectorization.
    torch         PyTorch CPU (if importable), float64 like numpy, autograd with the usual
                  fused losses (``binary_cross_entropy_with_logits``, ``cross_entropy``) and a
                  manual SGD step: ``loss.backward()``, then ``p -= alpha * p.grad`` and
                  ``p.grad = None`` under ``torch.no_grad()``. Examples go in rows, as is
                  natural in torch; torch gets as many threads as numpy's BLAS.

Every implementation returns the cost J as a Python float, as ``Network.step`` does.

How it is measured
------------------
The machine is shared and noisy, so the implementations are interleaved: each round runs
a block of steps (about ``--block-ms``, at least one step) of every implementation in
turn, and each block gives one sample of the time per step. The numpy implementations
rotate their order from round to round; torch runs first in each round, between two short
waits for this process to be quiet (numpy's OpenBLAS threads keep spinning ~0.1 s after a
threaded call and would otherwise steal a core from torch's threads, which never happens
in a torch-only program). The table shows the MEDIAN over the rounds, so a burst of noise
hits all implementations alike and is mostly voted out. The per-example loop is ~50x
slower, so it runs in only some of the rounds (``--slow-rounds``). The spread column is the
half interquartile range of the samples, in % of the median; the load average printed at
the end says whether other programs competed for the cores (this run itself adds ~1-2).

How to read it
--------------
Microseconds depend on the machine (and on ``OPENBLAS_CORETYPE``, left as it is); the
ratios are what travels. Targets: engine / hand-written <= 1.2 on every case (the cost of
the lessons' notation and checks); engine / torch < 1 on every case where the hand-written
numpy step beats torch in the same run (small networks are bound by the number of calls
per step, where numpy beats torch's dispatch), and <= 1.05 elsewhere. Small differences in
a single run (a few %) are noise: run it twice.

What the engine does beyond the hand-written step, by design: it keeps every array in
``net.a``, ``net.z``, ``net.dz``, ``net.dW``… for the lessons to show, averages dW^l and db^l
after the products (dz^l keeps one column per example), and checks x, y, α and the weights
once per call of ``train``. What it does not do, as a careful library: it takes dz^n = ŷ − y
for the output fused with its loss, computes f' of a sigmoid or tanh layer from the stored
a^l, and computes da^0 = (W^1)^T dz^1 (a large product when n^0 = 784) and da^n only when
a lesson reads them.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from course import Network
from course.data import moons, spirals

try:
    import torch
    import torch.nn.functional as F
except ImportError:  # torch is optional: the table then has no torch column
    torch = None

ALPHA = 0.01  # small enough that thousands of steps stay far from overflow


# --------------------------------------------------------------------------- the cases


@dataclass(eq=False)  # compared and hashed by identity: a dict key
class Case:
    name: str
    sizes: list[int]
    hidden: str  # f^1 … f^{n-1}
    output: str  # f^n; the loss is the engine's default for it
    data: Callable[[], tuple[np.ndarray, np.ndarray]]


def random_digits(m=1000, seed=0):
    """MNIST-shaped random data: x of shape (784, m) in [0, 1), y one-hot of shape (10, m)."""
    rng = np.random.default_rng(seed)
    return rng.random((784, m)), np.eye(10)[:, rng.integers(0, 10, m)]


CASES = [
    Case("2-16-16-1, 200 pts", [2, 16, 16, 1], "tanh", "sigmoid", lambda: moons(200)),
    Case("2-64-64-64-1, 1000 pts", [2, 64, 64, 64, 1], "tanh", "sigmoid", lambda: spirals(1000)),
    Case("784-128-10, 1000 ex", [784, 128, 10], "relu", "softmax", random_digits),
    # The same two first networks with ReLU hidden layers, whose f' costs no transcendental function.
    Case("2-16-16-1 relu, 200 pts", [2, 16, 16, 1], "relu", "sigmoid", lambda: moons(200)),
    Case("2-64-64-64-1 relu, 1000", [2, 64, 64, 64, 1], "relu", "sigmoid", lambda: spirals(1000)),
]


# --------------------------------------------------------------------------- hand-written numpy

# f(z), and f'(z) written from a = f(z), as practitioners do.
HIDDEN = {
    "tanh": (np.tanh, lambda a: 1.0 - a * a),
    "relu": (lambda z: np.maximum(z, 0.0), lambda a: a > 0),
}


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def softmax(z):
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


class HandWritten:
    """A minimal vectorized MLP: one column per example, like the engine."""

    def __init__(self, W, b, hidden, output):
        self.W, self.b = [w.copy() for w in W], [v.copy() for v in b]
        self.f, self.f_prime = HIDDEN[hidden]
        self.output = output
        self.dW, self.db = [None] * len(W), [None] * len(W)

    def step(self, x, y, alpha):
        m, n = x.shape[1], len(self.W)
        a = [x]
        for l in range(n - 1):
            a.append(self.f(self.W[l] @ a[l] + self.b[l]))
        z = self.W[-1] @ a[-1] + self.b[-1]
        if self.output == "sigmoid":
            y_hat = sigmoid(z)
            J = -float((y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat)).sum()) / m
        else:
            y_hat = softmax(z)
            J = -float((y * np.log(y_hat)).sum()) / m
        dz = (y_hat - y) / m  # both pairs: dL/dz^n = ŷ − y, divided by m for the mean
        for l in range(n - 1, -1, -1):
            self.dW[l] = dz @ a[l].T
            self.db[l] = dz.sum(axis=1, keepdims=True)
            if l:
                dz = (self.W[l].T @ dz) * self.f_prime(a[l])
            self.W[l] -= alpha * self.dW[l]
            self.b[l] -= alpha * self.db[l]
        return J


class PerExample(HandWritten):
    """The same formulas, one example (column) at a time; gradients summed, then averaged."""

    def step(self, x, y, alpha):
        m, n = x.shape[1], len(self.W)
        dW_sum = [np.zeros_like(w) for w in self.W]
        db_sum = [np.zeros_like(v) for v in self.b]
        J = 0.0
        for t in range(m):
            a = [x[:, t : t + 1]]
            y_t = y[:, t : t + 1]
            for l in range(n - 1):
                a.append(self.f(self.W[l] @ a[l] + self.b[l]))
            z = self.W[-1] @ a[-1] + self.b[-1]
            if self.output == "sigmoid":
                y_hat = sigmoid(z)
                J -= float((y_t * np.log(y_hat) + (1 - y_t) * np.log(1 - y_hat)).sum())
            else:
                y_hat = softmax(z)
                J -= float((y_t * np.log(y_hat)).sum())
            dz = y_hat - y_t
            for l in range(n - 1, -1, -1):
                dW_sum[l] += dz @ a[l].T
                db_sum[l] += dz
                if l:
                    dz = (self.W[l].T @ dz) * self.f_prime(a[l])
        for l in range(n):
            self.dW[l], self.db[l] = dW_sum[l] / m, db_sum[l] / m
            self.W[l] -= alpha * self.dW[l]
            self.b[l] -= alpha * self.db[l]
        return J / m


# --------------------------------------------------------------------------- PyTorch


class Torch:
    """PyTorch CPU, float64, autograd and a manual SGD step; examples in rows."""

    def __init__(self, W, b, hidden, output, x, y):
        self.W = [torch.tensor(w, requires_grad=True) for w in W]
        self.b = [torch.tensor(v[:, 0], requires_grad=True) for v in b]
        self.f = {"tanh": torch.tanh, "relu": torch.relu}[hidden]
        self.x = torch.from_numpy(np.ascontiguousarray(x.T))
        if output == "sigmoid":
            self.y = torch.from_numpy(np.ascontiguousarray(y.T))
            self.loss = F.binary_cross_entropy_with_logits
        else:
            self.y = torch.from_numpy(y.argmax(axis=0))
            self.loss = F.cross_entropy

    def cost(self):
        a = self.x
        for W, b in zip(self.W[:-1], self.b[:-1], strict=True):
            a = self.f(F.linear(a, W, b))
        return self.loss(F.linear(a, self.W[-1], self.b[-1]), self.y)

    def step(self, alpha):
        loss = self.cost()
        loss.backward()
        with torch.no_grad():
            for p in (*self.W, *self.b):
                p -= alpha * p.grad
                p.grad = None
        return loss.item()

    def gradients(self):
        """(J, [dW^l], [db^l]) at the current weights, without updating them."""
        loss = self.cost()
        loss.backward()
        dW = [w.grad.numpy().copy() for w in self.W]
        db = [v.grad.numpy()[:, None].copy() for v in self.b]
        for p in (*self.W, *self.b):
            p.grad = None
        return loss.item(), dW, db


# --------------------------------------------------------------------------- checks and timing


def openblas_function(verb):
    """numpy's OpenBLAS ``openblas_{verb}_num_threads`` through ctypes, or None if not found."""
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "openblas" in line.lower()}
    except OSError:  # not Linux
        return None
    for path in sorted(paths):
        lib = ctypes.CDLL(path)
        for name in (f"scipy_openblas_{verb}_num_threads64_", f"openblas_{verb}_num_threads64_"):
            if hasattr(lib, name):
                return getattr(lib, name)
    return None


def blas_threads(wanted=None):
    """Set numpy's BLAS threads to ``wanted`` (if given); return the count, or None if unknown."""
    set_threads, get_threads = openblas_function("set"), openblas_function("get")
    if wanted and set_threads:
        set_threads(ctypes.c_int(wanted))
    return int(get_threads()) if get_threads else None


def check_same_gradients(net, x, y, others):
    """One step with alpha = 0 in every implementation: same J, dW^l and db^l as the engine (which takes no α = 0)."""
    net.forward(x)
    J = net.cost(y)
    net.backward(y)
    dW = [net.dW[l] for l in range(1, net.n + 1)]
    db = [net.db[l] for l in range(1, net.n + 1)]
    for name, impl in others.items():
        if isinstance(impl, Torch):
            J_other, dW_other, db_other = impl.gradients()
        else:
            J_other, dW_other, db_other = impl.step(x, y, 0.0), impl.dW, impl.db
        np.testing.assert_allclose(J_other, J, rtol=1e-9, err_msg=f"{name}: J")
        for l in range(net.n):
            scale = np.abs(dW[l]).max()
            np.testing.assert_allclose(dW_other[l], dW[l], rtol=1e-7, atol=1e-9 * scale, err_msg=f"{name}: dW^{l + 1}")
            np.testing.assert_allclose(db_other[l], db[l], rtol=1e-7, atol=1e-9 * scale, err_msg=f"{name}: db^{l + 1}")


def calls_per_block(step, block_seconds):
    """How many calls of ``step`` take about ``block_seconds`` (at least 1)."""
    for _ in range(3):  # warm-up
        step()
    calls, start = 0, time.perf_counter()
    while time.perf_counter() - start < 0.05:
        step()
        calls += 1
    per_call = (time.perf_counter() - start) / calls
    return max(1, round(block_seconds / per_call))


def wait_until_quiet(tick=0.005, longest=0.5):
    """Sleep until the helper threads of this process stop using the CPU.

    After a threaded call, numpy's OpenBLAS workers spin for about 0.1 s, and torch's
    OpenMP workers for a few ms. Spinning threads of one library would steal one of the two
    cores from the other library's threads, which a program using only one of them never
    suffers: so torch's blocks start and end in a quiet process.
    """
    deadline = time.perf_counter() + longest
    while time.perf_counter() < deadline:
        cpu = time.process_time()
        time.sleep(tick)
        if time.process_time() - cpu < tick / 10:
            return


# Training steps per call of the engine: its checks of x, y, α and the weights (about 0.1 ms)
# are made once per call, and the lessons' calls run 100 to 1000 steps.
ENGINE_STEPS = 50


def measure(steps, slow, rounds, slow_rounds, block_seconds):
    """Round-robin timing; returns {name: {round: seconds per step in that round's block}}.

    Each round runs torch first (between two waits for a quiet process), then the numpy
    implementations in an order that rotates from round to round.
    """
    calls = {name: 1 if name in slow else calls_per_block(step, block_seconds) for name, step in steps.items()}
    slow_set = {i * rounds // slow_rounds for i in range(min(slow_rounds, rounds))}  # evenly spread
    numpy_names = [name for name in steps if name != "torch"]
    samples = {name: {} for name in steps}
    gc.collect()
    gc.disable()
    try:
        for r in range(rounds):
            order = numpy_names[r % len(numpy_names) :] + numpy_names[: r % len(numpy_names)]
            if "torch" in steps:
                order.insert(0, "torch")
            for name in order:
                if name in slow and r not in slow_set:
                    continue
                if name == "torch":
                    wait_until_quiet()
                step, k = steps[name], calls[name]
                start = time.perf_counter()
                for _ in range(k):
                    step()
                samples[name][r] = (time.perf_counter() - start) / (k * (ENGINE_STEPS if name == "engine" else 1))
                if name == "torch":
                    wait_until_quiet()
    finally:
        gc.enable()
    return samples


def run_case(case, rounds, slow_rounds, block_seconds, with_torch):
    x, y = case.data()
    net = Network(case.sizes, f=case.hidden, f_out=case.output)
    W = [net.W[l] for l in range(1, net.n + 1)]
    b = [net.b[l] for l in range(1, net.n + 1)]
    impls = {
        "hand-written": HandWritten(W, b, case.hidden, case.output),
        "per-example": PerExample(W, b, case.hidden, case.output),
    }
    if with_torch:
        impls["torch"] = Torch(W, b, case.hidden, case.output, x, y)
    check_same_gradients(net, x, y, impls)

    # The engine as the lessons run it, Network.train: its checks of x, y, α and the weights are
    # made once per call, so a call of ENGINE_STEPS steps gives the time of a training step.
    steps = {"engine": lambda: net.train(x, y, ALPHA, steps=ENGINE_STEPS)}
    for name, impl in impls.items():
        if name == "torch":  # holds its own copy of x and y
            steps[name] = lambda impl=impl: impl.step(ALPHA)
        else:
            steps[name] = lambda impl=impl: impl.step(x, y, ALPHA)
    return measure(steps, {"per-example"}, rounds, slow_rounds, block_seconds)


# --------------------------------------------------------------------------- report


def describe(samples):
    """(median in µs, half interquartile range in % of the median, number of samples)."""
    times = list(samples.values())
    q1, median, q3 = statistics.quantiles(times, n=4) if len(times) > 1 else (times[0],) * 3
    return median * 1e6, 50 * (q3 - q1) / median, len(times)


def ratios(engine, other):
    """(ratio of the medians, median of the ratios within each round where both ran)."""
    paired = [engine[r] / other[r] for r in other if r in engine]
    return statistics.median(engine.values()) / statistics.median(other.values()), statistics.median(paired)


def print_tables(results, with_torch):
    names = ["engine", "hand-written", "per-example"] + (["torch"] if with_torch else [])
    width = max(len(case.name) for case in results) + 2
    print("\nMedian time of one training step, µs (± half interquartile range, %; samples)")
    print(" " * width + "".join(f"{name:>24}" for name in names))
    for case, samples in results.items():
        cells = ""
        for name in names:
            median, spread, count = describe(samples[name])
            cells += f"{median:>12,.0f} ±{spread:>3.0f}% ({count:>3})"
        print(f"{case.name:<{width}}" + cells)

    print("\nRatios engine time / other time (< 1: the engine is faster): ratio of the medians above,")
    print("and in brackets the median of the ratios within each round, a cross-check steadier under drift")
    header = ["engine/hand-written", "engine/per-example"] + (["engine/torch"] if with_torch else [])
    print(" " * width + "".join(f"{h:>24}" for h in header))
    all_met = True
    for case, samples in results.items():
        cells = ""
        for name in ["hand-written", "per-example"] + (["torch"] if with_torch else []):
            ratio, paired = ratios(samples["engine"], samples[name])
            if name == "torch":  # below 1 where plain numpy beats torch in this run, else within 5 %
                numpy_wins = statistics.median(samples["hand-written"].values()) < statistics.median(
                    samples["torch"].values()
                )
                target, met = (1.0, ratio < 1.0) if numpy_wins else (1.05, ratio <= 1.05)
            else:
                target = {"hand-written": 1.2}.get(name)
                met = target is None or ratio <= target
            mark = "" if target is None else ("  ok" if met else "  MISSED")
            all_met &= met
            cells += f"{ratio:>10.3f} [{paired:.3f}]{mark:<7}"
        print(f"{case.name:<{width}}" + cells)
    print(
        "\nTargets: engine/hand-written <= 1.2 on every case; engine/torch < 1 where hand-written numpy beats"
        " torch in this run, <= 1.05 elsewhere."
    )
    print("All targets met." if all_met else "Some targets MISSED (see above).")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=150, help="round-robin rounds per case (default 150)")
    parser.add_argument("--slow-rounds", type=int, default=15, help="rounds with the per-example loop (default 15)")
    parser.add_argument("--block-ms", type=float, default=3.0, help="target length of a timed block (default 3 ms)")
    parser.add_argument("--no-torch", action="store_true", help="leave PyTorch out even if it is installed")
    parser.add_argument(
        "--threads",
        type=int,
        help="threads for numpy's BLAS and torch (default: numpy's own count); 1 is steadier on a busy machine",
    )
    args = parser.parse_args(argv)
    with_torch = torch is not None and not args.no_torch

    threads = blas_threads(args.threads)
    print(f"Python {platform.python_version()}, numpy {np.__version__}, {os.cpu_count()} CPUs")
    print(
        f"numpy BLAS: {np.__config__.CONFIG['Build Dependencies']['blas'].get('name', '?')}, threads: {threads or '?'}"
    )
    print(f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(not set)')} (left as it is)")
    if with_torch:
        if threads:  # the same number of threads as numpy's BLAS: a fair fight
            torch.set_num_threads(threads)
        print(f"torch {torch.__version__}, threads: {torch.get_num_threads()}")
    else:
        print("torch: not used" + ("" if torch is not None else " (not installed)"))
    print(f"alpha = {ALPHA}; {args.rounds} rounds per case, per-example loop in {args.slow_rounds} of them")
    load_before = os.getloadavg()[0]

    results = {}
    for case in CASES:
        start = time.perf_counter()
        results[case] = run_case(case, args.rounds, args.slow_rounds, args.block_ms / 1000, with_torch)
        print(f"  {case.name}: gradients agree; timed in {time.perf_counter() - start:.1f} s", flush=True)
    print_tables(results, with_torch)
    load_after = os.getloadavg()[0]
    print(f"Load average (1 min) before / after: {load_before:.1f} / {load_after:.1f} on {os.cpu_count()} CPUs", end="")
    print(": other programs were competing, run it again later." if load_after > 2.5 else ".")


if __name__ == "__main__":
    sys.exit(main())
