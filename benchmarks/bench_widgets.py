"""How long the playground takes to answer a slider (lesson 07): the callback end to end and its parts.

    python benchmarks/bench_widgets.py [--repeat 30] [--f tanh]

The callback is what moving the α slider does: retrain 2-16-16-1 on 200 train points for
300 steps (with the train and test losses at about 30 checkpoints), redraw the boundary, the
loss curves and the network, and render the PNG that the front end receives. Its parts
are measured in the same run, interleaved repetition by repetition, so that a busy
machine slows them all alike: compare the ratios rather than the milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import time

import matplotlib

matplotlib.use("Agg")

from course import plots
from course.engine import Network
from course.widgets import Playground


def timed(function):
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--f", default="tanh", choices=["tanh", "relu", "sigmoid"])
    options = parser.parse_args()

    # 400 points, half of them for testing: 200 train points.
    pg = Playground(dataset="moons", m=400, test_fraction=0.5, layers=2, neurons=16, f=options.f, alpha=0.3, steps=300)
    figure, x, y = pg.figure, pg.x_train, pg.y_train
    alphas = [0.3, 0.25]  # two α whose loss curves keep the same axes (the common case)

    def callback(k):
        pg.alpha.value = alphas[k % 2]

    def training():
        Network(pg.sizes, f=options.f, f_out="sigmoid", seed=0).train(x, y, 0.3, steps=300)

    def boundary():
        figure.show_network(pg.net)

    def losses():
        figure.show_losses(pg.checkpoints, pg.J_train, pg.J_test, pg.diverged_at)

    parts = {
        "callback end to end": None,
        "training alone (engine, 300 steps)": training,
        "boundary and network update": boundary,
        "loss curve update": losses,
        "PNG render (moving artists only)": figure.png,
        "PNG render, whole figure redrawn": lambda: plots.png(figure.fig),
    }
    times = {name: [] for name in parts}
    for k in range(options.repeat):
        for name, part in parts.items():
            times[name].append(timed(part if part else lambda k=k: callback(k)))

    medians = {name: statistics.median(values) * 1e3 for name, values in times.items()}
    print(f"Playground 2-16-16-1 ({options.f}), 200 train points, 300 steps, {options.repeat} interleaved repetitions")
    for name, median in medians.items():
        print(f"  {name:<36} median {median:7.1f} ms")
    training_ms = medians["training alone (engine, 300 steps)"]
    print(f"  ratio callback / training alone:     {medians['callback end to end'] / training_ms:.2f}")
    drawing = sum(medians[name] for name in list(parts)[2:5])
    print(f"  drawing (update + PNG) / training:   {drawing / training_ms:.2f}")


if __name__ == "__main__":
    main()
