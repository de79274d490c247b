"""A room on the course's JupyterHub: time to lesson, memory and CPU for N learners who click at once.

    python benchmarks/bench_hub.py [--learners 10 20]

For each N, a fresh hub (``python -m course hub``'s configuration, on free ports of
127.0.0.1) serves the course from a ``file://`` clone of this checkout, the real course
repository. N learners (threads; languages fr, es, pt_BR, en in turn) log in at the same
instant and follow their language's nbgitpuller link: the hub starts their server,
nbgitpuller copies the course into their home, and a kernel runs lesson 00's first cells.
A learner's **time to lesson** ends when that kernel has printed lesson 00's sentence in the
learner's language (a wrong or English sentence fails the run).

With every learner's server and kernel still running, the benchmark adds up the resident
memory (RSS, from psutil) of the hub, the proxy, the servers and the kernels: shared pages
are counted once per process, so this errs on the large side. The CPU time (user + system)
of that process tree, and of the git processes it waited for, during the run gives the
core-seconds per learner start. From these:

- learners per GiB = 1024 MiB / (memory of the servers and kernels, per learner);
- learners per core = 60 s / (core-seconds per learner start): the learners one core brings
  to their lesson within a minute when everyone clicks at once (a whole room on C cores
  needs about N × core-seconds / C seconds).

Other work on the machine slows the run: the load average is printed before and after.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat
import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hub_learner import Learner  # noqa: E402

from course.i18n import _, language  # noqa: E402
from course.tools import hub  # noqa: E402

PASSWORD = "backprop-bench-room"
LANGS = ("fr", "es", "pt_BR", "en")
SENTENCE = "The course is speaking the language {code}."
MIB = 2**20


def lesson_00_code(notebook: Path) -> str:
    """Lesson 00's code cells from course.start to the one that prints the course's language."""
    cells = [c.source for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "code"]
    return "\n".join(cells[: next(i for i, s in enumerate(cells) if SENTENCE in s) + 1])


def tree(pid: int) -> list[psutil.Process]:
    root = psutil.Process(pid)
    return [root, *root.children(recursive=True)]


def cpu_seconds(processes) -> float:
    """User + system time of the processes and of the children they waited for."""
    total = 0.0
    for p in processes:
        with contextlib.suppress(psutil.NoSuchProcess):
            t = p.cpu_times()
            total += t.user + t.system + t.children_user + t.children_system
    return total


def command(process: psutil.Process) -> str:
    try:
        return " ".join(process.cmdline())
    except psutil.NoSuchProcess:
        return ""


def rss_mib(processes) -> float:
    total = 0
    for p in processes:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += p.memory_info().rss
    return total / MIB


def learner_run(url: str, links: dict, name: str, lang: str, homes: Path, start: threading.Event, out: dict):
    learner = Learner(url, name)
    try:
        start.wait(60)
        began = time.monotonic()
        learner.log_in(PASSWORD)
        learner.follow(links[lang], seconds=600)
        learner.pull(links[lang], seconds=600)
        learner.open(links[lang])
        kernel = learner.start_kernel(f"backprop-course/lessons/{lang}")
        code = lesson_00_code(homes / name / "backprop-course" / "lessons" / lang / "00_start_here.ipynb")
        printed = learner.run(kernel, code, seconds=300)
        with language(lang):
            expected = _(SENTENCE).format(code=lang)
        if expected not in printed.splitlines():
            raise AssertionError(f"{name} ({lang}) read {printed!r}, not {expected!r}")
        out[name] = time.monotonic() - began
    except Exception as error:  # reported with the table; the run fails
        out[name] = error
    finally:
        learner.close()


def room(n: int, course: Path, tmp: Path) -> dict:
    """One run with ``n`` learners on a fresh hub; its figures."""
    port, homes = hub.free_port(), tmp / f"homes-{n}"
    url = hub.hub_url("127.0.0.1", port)
    with (tmp / f"hub-{n}.log").open("wb") as log:
        process = hub.start(hub.prepare(PASSWORD, homes, port=port), log)
        try:
            hub.wait_until_up(process, url, 120)
            base = tree(process.pid)  # the hub and the proxy, idle
            base_memory, base_cpu = rss_mib(base), cpu_seconds(base)
            links = hub.links(url, str(course))
            start, out = threading.Event(), {}
            threads = [
                threading.Thread(
                    target=learner_run, args=(url, links, f"learner{i:02d}", LANGS[i % 4], homes, start, out)
                )
                for i in range(n)
            ]
            for thread in threads:
                thread.start()
            clock = time.monotonic()
            start.set()
            for thread in threads:
                thread.join(max(1, 900 - (time.monotonic() - clock)))
            wall = time.monotonic() - clock
            everything = tree(process.pid)  # servers and kernels still running
            memory, cpu = rss_mib(everything), cpu_seconds(everything) - base_cpu
            kernels = sum("ipykernel" in command(p) for p in everything)
        finally:
            hub.stop(process)
    failed = {name: r for name, r in out.items() if not isinstance(r, float)}
    if failed or len(out) < n:
        log = (tmp / f"hub-{n}.log").read_text(errors="replace")[-2000:]
        raise SystemExit(f"{len(failed) + n - len(out)} of {n} learners did not reach their lesson: {failed}\n{log}")
    times = sorted(out.values())
    per_learner = (memory - base_memory) / n
    return {
        "learners": n,
        "median": statistics.median(times),
        "max": times[-1],
        "wall": wall,
        "memory": memory,
        "per learner": per_learner,
        "kernels": kernels,
        "cpu per start": cpu / n,
        "per core": 60 / (cpu / n),
        "per GiB": 1024 / per_learner,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, nargs="+", default=[10, 20])
    options = parser.parse_args()
    hub.require_extras()
    print(f"Load average (1 min) before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-hub-") as tmp:
        course = Path(tmp) / "backprop-course.git"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(course)], check=True, timeout=120)
        for n in options.learners:
            rows.append(room(n, course, Path(tmp)))
            print(f"  {n} learners done; load average (1 min): {os.getloadavg()[0]:.1f}", flush=True)
    print()
    print(
        "| learners | median time to lesson | max | total memory | per learner | CPU per start | per core | per GiB |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['learners']} | {r['median']:.1f} s | {r['max']:.1f} s | {r['memory'] / 1024:.2f} GiB "
            f"| {r['per learner']:.0f} MiB | {r['cpu per start']:.1f} core-s | {r['per core']:.0f} "
            f"| {r['per GiB']:.1f} |"
        )
    print(
        "\nper learner: memory of one server and its kernel (total minus the idle hub and proxy, / N); "
        "per core: learners one core starts within a minute (60 s / CPU per start); per GiB: 1024 MiB / per learner."
    )
    print(f"Load average (1 min) after: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
