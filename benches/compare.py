#!/usr/bin/env python3
"""Times two planpress binaries in turns and reports their ratio pair by pair (see compare.sh).

Usage: compare.py --a BIN --b BIN --work DIR [--a-name NAME] [--b-name NAME] SIZE...

The plans are WORK/plan-SIZE, already made. For each size: cold builds of A and B in turns, then
one action edit in `serve` timed by serve_edit.py for A and B in turns; then `check` of the
largest plan in turns. Each pair's A/B ratio is one sample; the report gives the median ratio and
its range, and each binary's median. It judges nothing.

Why pairs: this machine is shared, and its speed drifts by more than the few per cent being
measured. Two runs made seconds apart see nearly the same machine, so their ratio keeps what the
medians of two batches made minutes apart lose. The order within a pair alternates (A B, B A,
A B …), so whatever the first run of a pair pays, or a steady drift, falls on both binaries alike.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serve_edit  # noqa: E402  (beside this file, not an installed module)

HERE = os.path.dirname(os.path.abspath(__file__))


def pairs_for(size, kind):
    """How many pairs (PAIRS in the environment sets them all): single pairs here range by a
    third either way, so many where a run is short, fewer where one takes seconds."""
    if os.environ.get("PAIRS"):
        return int(os.environ["PAIRS"])
    if kind == "serve":  # each turn is a server through five edits
        return 5 if size <= 10000 else 3
    return 15 if size <= 10000 else 5


def set_aside(trash, folder):
    """Moves the last site aside (see run.sh for why not delete it), then lets the disk catch up
    with the last run's writes, so no run pays for the one before it."""
    subprocess.run(["bash", os.path.join(HERE, "set_aside.sh"), trash, folder], check=True)
    os.sync()


def timed(command):
    """Seconds of wall time and of CPU time (user and system, all threads), and the peak resident
    memory in bytes, for one run of COMMAND, which must succeed. Other work on the machine
    stretches the wall time of a build on both cores far more than its CPU time, so the CPU time
    is a second, steadier view. (peers.py reports the peak; the rows here leave it out.)"""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise subprocess.CalledProcessError(process.returncode, command)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def in_turns(pairs, run_a, run_b):
    """Runs A and B PAIRS times each, alternating which goes first; returns both lists of what
    the runs return (tuples of times)."""
    a, b = [], []
    for n in range(pairs):
        if n % 2 == 0:
            a.append(run_a())
            b.append(run_b())
        else:
            b.append(run_b())
            a.append(run_a())
    return a, b


def row(what, a, b):
    ratios = [x / y for x, y in zip(a, b)]
    return {"what": what, "a": a, "b": b, "ratios": ratios}


def rows_of(names, a, b):
    """One row for each measure in the runs' tuples, named by NAMES in the same order."""
    return [row(name, [run[i] for run in a], [run[i] for run in b]) for i, name in enumerate(names)]


def builds(bins, plan, trash, size):
    site = os.path.join(plan, "site")

    def build(binary):
        def run():
            set_aside(trash, site)
            return timed([binary, "build", "-q", "--root", plan])
        return run

    # One untimed build each first, so both find the plan's files and their own code in memory.
    build(bins[0])()
    build(bins[1])()
    a, b = in_turns(pairs_for(size, "build"), build(bins[0]), build(bins[1]))
    set_aside(trash, site)
    return rows_of([f"build, {size:,} actions", f"build, {size:,} actions, CPU time"], a, b)


def serves(bins, plan, size):
    """Each turn is one server through five edits; the pair is the two servers' medians."""
    def serve(binary):
        def run():
            served, _, whole, _ = serve_edit.measure(binary, plan, 5)
            return statistics.median(served) / 1000, statistics.median(whole) / 1000
        return run

    a, b = in_turns(pairs_for(size, "serve"), serve(bins[0]), serve(bins[1]))
    return rows_of([f"serve, {size:,} actions: an action edit to its page served",
                    f"serve, {size:,} actions: the whole site made again"], a, b)


def checks(bins, plan, size):
    def check(binary):
        return lambda: timed([binary, "check", "-q", "--root", plan])

    os.sync()
    check(bins[0])()
    check(bins[1])()
    a, b = in_turns(pairs_for(size, "check"), check(bins[0]), check(bins[1]))
    return rows_of([f"check, {size:,} actions", f"check, {size:,} actions, CPU time"], a, b)


def seconds(value):
    return f"{value * 1000:.3g} ms" if value < 1 else f"{value:.3g} s"


def describe(r):
    ratios = r["ratios"]
    return (f"{r['what']}: A {seconds(statistics.median(r['a']))}, "
            f"B {seconds(statistics.median(r['b']))}, A/B {statistics.median(ratios):.3f} "
            f"(min {min(ratios):.3f}, max {max(ratios):.3f}, {len(ratios)} pairs); each: "
            + ", ".join(f"{x:.3f}" for x in ratios))


def table(rows, names):
    lines = ["| what | A median | B median | A/B, median of pairs (min to max) | pairs |",
             "|---|---|---|---|---|"]
    for r in rows:
        ratios = r["ratios"]
        lines.append(f"| {r['what']} | {seconds(statistics.median(r['a']))} "
                     f"| {seconds(statistics.median(r['b']))} "
                     f"| {statistics.median(ratios):.3f} ({min(ratios):.3f} to {max(ratios):.3f}) "
                     f"| {len(ratios)} |")
    return f"A = {names[0]}\nB = {names[1]}\n\n" + "\n".join(lines)


class Run:
    """The rows measured so far, each printed as it comes in, and the machine's load when the
    run began, for the report's footnote (peers.py keeps its rows the same way)."""

    def __init__(self, describe):
        self.describe = describe
        self.rows = []
        self.load = os.getloadavg()[0]
        self.began = time.strftime("%Y-%m-%d %H:%M", time.gmtime())

    def report(self, new_rows):
        for r in new_rows:
            self.rows.append(r)
            print(self.describe(r), flush=True)

    def when(self):
        return (f"{os.cpu_count()} cores, from {self.began} UTC, load average {self.load:.2f} at "
                f"the start and {os.getloadavg()[0]:.2f} at the end")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--a", required=True, help="the binary being measured")
    parser.add_argument("--b", required=True, help="the binary it is measured against")
    parser.add_argument("--a-name", default=None)
    parser.add_argument("--b-name", default=None)
    parser.add_argument("--work", required=True, help="holds plan-SIZE; trash/ is made here")
    parser.add_argument("sizes", nargs="+", type=int)
    args = parser.parse_args()
    bins = (args.a, args.b)
    names = (args.a_name or args.a, args.b_name or args.b)
    trash = os.path.join(args.work, "trash")
    os.makedirs(trash, exist_ok=True)
    run = Run(describe)
    report, rows = run.report, run.rows

    for size in args.sizes:
        plan = os.path.join(args.work, f"plan-{size}")
        report(builds(bins, plan, trash, size))
        report(serves(bins, plan, size))
    largest = max(args.sizes)
    report(checks(bins, os.path.join(args.work, f"plan-{largest}"), largest))

    with open(os.path.join(args.work, "compare.json"), "w", encoding="utf-8") as out:
        json.dump({"a": names[0], "b": names[1], "rows": rows}, out, indent=1)
    print(f"\nPaired runs ({run.when()}). Wall time unless it says CPU time; below 1 means A "
          "took less time:\n")
    print(table(rows, names))


if __name__ == "__main__":
    main()
