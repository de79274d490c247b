"""How fast the sliders of lessons 06 and 07 answer, and how much memory the widgets keep.

    python benchmarks/bench_widgets.py [--repeat 20]

Speed. Moving a slider runs the widget's callback in the kernel: retrain, redraw, render the
PNG that the front end receives. What the learner waits for is the **first visible response**,
the first new picture: it is timed from setting the slider's value to the first change of the
widget's image, for the playground of lesson 07 (2-8-8-1 on 100 train points, 120 steps) and
for the α explorer of lesson 06 (2-8-8-1 on 100 points, 100 steps; one new α to train). The
whole callback and training alone are timed in the same run, interleaved repetition by
repetition, so that a busy machine slows them all alike. Target: a first response within
100 ms (median) for both.

Memory. The resident memory of this process (RSS, from /proc) before and after creating and
dropping 40 playgrounds (after a warm-up of 10, see WARM_UP), and before and after 200 moves
of the α explorer's slider. Targets: less than 20 MB and 10 MB of growth. A widget that kept
its controls registered in the kernel, or a cache without a bound, grows with every cell run.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import time

import matplotlib

matplotlib.use("Agg")

from course.engine import Network
from course.widgets import AlphaExplorer, Playground

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
# Playgrounds made and dropped before the memory is measured: the first ones fill the memory
# allocator's pools and matplotlib's font and text caches (about 20 MB once, then no more).
WARM_UP = 10


def rss_mb() -> float:
    """The resident memory of this process, in MB (Linux's /proc; the peak elsewhere)."""
    gc.collect()
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * PAGE / 1e6
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def response(widget, move) -> tuple[float, float]:
    """(seconds to the first new picture, seconds to the end of the callback) of ``move()``."""
    first = []
    watch = lambda _change: first or first.append(time.perf_counter())  # noqa: E731
    widget.image.observe(watch, names="value")
    start = time.perf_counter()
    move()
    end = time.perf_counter()
    widget.image.unobserve(watch, names="value")
    return (first[0] if first else end) - start, end - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    options = parser.parse_args()

    # The widgets as lessons 06 and 07 make them.
    playground = Playground(dataset="moons", layers=2, neurons=8, alpha=0.3, steps=120, m=200)
    explorer = AlphaExplorer(alpha=0.3, steps=100, m=100)
    x, y = playground.x_train, playground.y_train
    times = {name: [] for name in ("playground: first picture", "playground: whole callback", "playground: training alone",
                                   "explorer: first picture", "explorer: whole callback", "explorer: training alone")}  # fmt: skip
    alphas = [0.3, 0.25]  # two α whose curves keep the same axes (the common case)
    for k in range(options.repeat):
        first, whole = response(playground, lambda k=k: setattr(playground.alpha, "value", alphas[k % 2]))
        times["playground: first picture"].append(first)
        times["playground: whole callback"].append(whole)
        start = time.perf_counter()
        Network(playground.sizes, f="tanh", f_out="sigmoid", seed=0).train(x, y, 0.3, steps=120)
        times["playground: training alone"].append(time.perf_counter() - start)
        # A new α each time: the explorer trains it (the five fixed α are cached).
        new_alpha = 0.2 + 0.001 * k
        first, whole = response(explorer, lambda a=new_alpha: setattr(explorer.alpha, "value", a))
        times["explorer: first picture"].append(first)
        times["explorer: whole callback"].append(whole)
        start = time.perf_counter()
        Network(explorer.sizes, f="tanh", f_out="sigmoid", seed=0).train(explorer.x, explorer.y, new_alpha, steps=100)
        times["explorer: training alone"].append(time.perf_counter() - start)

    print(f"Slider to picture, median over {options.repeat} interleaved repetitions (ms)")
    medians = {name: 1e3 * statistics.median(values) for name, values in times.items()}
    for name, median in medians.items():
        print(f"  {name:<30} {median:7.1f}")
    for widget in ("playground", "explorer"):
        met = medians[f"{widget}: first picture"] <= 100
        print(f"  {widget}: first picture / 100 ms target = {medians[f'{widget}: first picture'] / 100:.2f}"
              f"  {'ok' if met else 'MISSED'}")  # fmt: skip

    def one_playground():
        made = Playground(dataset="moons", layers=2, neurons=8, alpha=0.3, steps=120, m=200)
        del made

    for _k in range(WARM_UP):
        one_playground()
    before = rss_mb()
    for _k in range(40):
        one_playground()
    grown_playgrounds = rss_mb() - before
    before = rss_mb()
    for k in range(200):
        explorer.alpha.value = 10 ** (-4 + 5 * ((k * 37) % 200) / 200)  # 200 α over the whole slider
    grown_explorer = rss_mb() - before
    print("\nMemory kept (RSS growth, MB)")
    print(f"  40 playgrounds created and dropped  {grown_playgrounds:6.1f}  (after {WARM_UP} more; target < 20: "
          f"{'ok' if grown_playgrounds < 20 else 'MISSED'})")  # fmt: skip
    print(f"  200 moves of the α slider            {grown_explorer:6.1f}  (target < 10: "
          f"{'ok' if grown_explorer < 10 else 'MISSED'})")  # fmt: skip
    print(f"\nLoad average (1 min): {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
