#!/usr/bin/env python3
"""Times planpress against Hugo on the same words, in turns, in every shape of plan (see peers.sh).

Usage: peers.py --planpress BIN --hugo BIN --synthetic BIN --work DIR
                [--shapes small,four,one] [--check SIZE] [--serve SIZE] [--no-builds] [SIZE...]

For each size (10,000 and 50,000 actions unless given) and each shape:
- small: registers of 100 action areas (the README's plans);
- four: the same actions in four registers (2,500 each at 10,000);
- one: all of them in one register;
the `synthetic` example writes the plan, WORK/plan-SIZE-PER, and the same region as a Hugo site,
WORK/hugo-SIZE-PER (kept for the next run). Then cold builds of planpress and of Hugo in turns
(planpress, Hugo; Hugo, planpress; …), each after its last output is set aside and the disk has
caught up (`sync`), Hugo with a cache folder of its own that is set aside with its site. Each
pair's planpress/Hugo ratio is one sample, for wall time, CPU time (user and system) and peak
resident memory. Then `check` of each shape at the --check size and one action edit in `serve`
(serve_edit.py, five edits) at the --serve size: planpress alone, as Hugo has neither. It ends
with one table of everything, and judges nothing.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare  # noqa: E402  (beside this file: the turns, the timing and set_aside)
import serve_edit  # noqa: E402

# How many action areas each register holds in each shape, given the plan's size.
SHAPES = {
    "small": lambda size: 100,
    "four": lambda size: max(1, size // 4),
    "one": lambda size: size,
}


def shape_name(shape, size):
    per = SHAPES[shape](size)
    registers = -(-size // per)
    return f"{registers:,} register{'s' if registers > 1 else ''} of {per:,}"


def made(synthetic, folder, size, per, hugo):
    """The plan or Hugo site of SIZE actions, PER to a register, written unless kept."""
    if not os.path.isdir(folder):
        command = [synthetic, folder, "--actions", str(size), "--per-register", str(per),
                   "--seed", "1"] + (["--hugo"] if hugo else [])
        subprocess.run(command, check=True)
    return folder


def builds(args, trash, size, shape):
    per = SHAPES[shape](size)
    plan = made(args.synthetic, os.path.join(args.work, f"plan-{size}-{per}"), size, per, False)
    site = made(args.synthetic, os.path.join(args.work, f"hugo-{size}-{per}"), size, per, True)
    out = os.path.join(args.work, "out")
    planpress_out, hugo_out = os.path.join(out, "planpress"), os.path.join(out, "hugo")

    def planpress():
        compare.set_aside(trash, planpress_out)
        return compare.timed([args.planpress, "build", "-q", "--root", plan,
                              "--out", planpress_out])

    def hugo():
        compare.set_aside(trash, hugo_out)
        return compare.timed([args.hugo, "--quiet", "--source", site,
                              "--destination", os.path.join(hugo_out, "public"),
                              "--cacheDir", os.path.join(hugo_out, "cache")])

    # One untimed build each first, so both find their files and their own code in memory.
    planpress()
    hugo()
    a, b = compare.in_turns(compare.pairs_for(size, "build"), planpress, hugo)
    compare.set_aside(trash, planpress_out)
    compare.set_aside(trash, hugo_out)
    what = f"build, {size:,} actions, {shape_name(shape, size)}"
    rows = compare.rows_of([what, f"{what}, CPU time"], a, b)
    peaks = compare.row(f"{what}, peak memory", [r[2] for r in a], [r[2] for r in b])
    return rows + [dict(peaks, unit="MiB")]


def empty(trash):
    """Deletes the sites set aside, then lets the disk catch up: between shapes, as at 50,000
    actions a shape's sites fill gigabytes. Both tools' next builds come after it alike."""
    shutil.rmtree(trash, ignore_errors=True)
    os.makedirs(trash, exist_ok=True)
    os.sync()


def checks(args, size, shape):
    per = SHAPES[shape](size)
    plan = made(args.synthetic, os.path.join(args.work, f"plan-{size}-{per}"), size, per, False)
    command = [args.planpress, "check", "-q", "--root", plan]
    compare.timed(command)
    runs = [compare.timed(command) for _ in range(compare.pairs_for(size, "check"))]
    what = f"check, {size:,} actions, {shape_name(shape, size)}"
    return [alone(what, [r[0] for r in runs]),
            alone(f"{what}, CPU time", [r[1] for r in runs]),
            alone(f"{what}, peak memory", [r[2] for r in runs], "MiB")]


def serves(args, size, shape):
    per = SHAPES[shape](size)
    plan = made(args.synthetic, os.path.join(args.work, f"plan-{size}-{per}"), size, per, False)
    served, again, whole, peak = serve_edit.measure(args.planpress, plan, 5)
    what = f"serve, {size:,} actions, {shape_name(shape, size)}"
    return [alone(f"{what}: an action edit to its page served", [t / 1000 for t in served]),
            alone(f"{what}: a second save while the site is made again",
                  [t / 1000 for t in again]),
            alone(f"{what}: the whole site made again", [t / 1000 for t in whole]),
            {"what": f"{what}: peak memory", "text": peak}]


def alone(what, values, unit="s"):
    """A row of planpress's figures alone (Hugo has no `check` or `serve` to pair with)."""
    return {"what": what, "a": values, "unit": unit}


def value(v, unit):
    return f"{v / 2**20:,.0f} MiB" if unit == "MiB" else compare.seconds(v)


def spread(values, unit):
    return (f"{value(statistics.median(values), unit)} "
            f"({value(min(values), unit)} to {value(max(values), unit)})")


def line(r):
    unit = r.get("unit", "s")
    if "text" in r:
        return f"| {r['what']} | {r['text']} | | | 1 |"
    if "b" not in r:
        return f"| {r['what']} | {spread(r['a'], unit)} | | | {len(r['a'])} |"
    ratios = r["ratios"]
    return (f"| {r['what']} | {value(statistics.median(r['a']), unit)} "
            f"| {value(statistics.median(r['b']), unit)} "
            f"| {statistics.median(ratios):.3f} ({min(ratios):.3f} to {max(ratios):.3f}) "
            f"| {len(ratios)} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--planpress", required=True)
    parser.add_argument("--hugo", required=True)
    parser.add_argument("--synthetic", required=True, help="the `synthetic` example's binary")
    parser.add_argument("--work", required=True, help="holds the plans, sites and trash/")
    parser.add_argument("--shapes", default="small,four,one",
                        help="of small, four, one, by commas (default all three)")
    parser.add_argument("--check", type=int, default=None,
                        help="`check` at this size (default the largest; 0 for none)")
    parser.add_argument("--serve", type=int, default=None,
                        help="`serve` at this size (default the largest; 0 for none)")
    parser.add_argument("--no-builds", action="store_true",
                        help="only `check` and `serve` (at the largest size unless told)")
    parser.add_argument("sizes", nargs="*", type=int)
    args = parser.parse_args()
    sizes = args.sizes or [10000, 50000]
    shapes = [s for s in args.shapes.split(",") if s]
    unknown = [s for s in shapes if s not in SHAPES]
    if unknown:
        parser.error(f"unknown shape {', '.join(unknown)}: the shapes are {', '.join(SHAPES)}")
    check = max(sizes) if args.check is None else args.check
    serve = max(sizes) if args.serve is None else args.serve
    trash = os.path.join(args.work, "trash")
    empty(trash)
    hugo_version = subprocess.run([args.hugo, "version"], capture_output=True, text=True).stdout
    run = compare.Run(line)
    report = run.report

    try:
        for size in [] if args.no_builds else sizes:
            for shape in shapes:
                report(builds(args, trash, size, shape))
                empty(trash)
        for shape in shapes if check else []:
            report(checks(args, check, shape))
        for shape in shapes if serve else []:
            report(serves(args, serve, shape))
    finally:
        shutil.rmtree(trash, ignore_errors=True)

    print(f"\nplanpress ({args.planpress}) and {hugo_version.strip()}, builds in turns "
          f"({run.when()}). Medians; the ratio is the median of the "
          "pairs' ratios, below 1 when planpress took less. Wall time unless it says CPU time "
          "(user and system); peak memory is the largest resident size:\n")
    print("| what | planpress | Hugo | planpress/Hugo, median of pairs (min to max) | runs |")
    print("|---|---|---|---|---|")
    for r in run.rows:
        print(line(r))


if __name__ == "__main__":
    main()
