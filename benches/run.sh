#!/usr/bin/env bash
# The benchmarks in the README: cold builds of synthetic plans of 1,000, 10,000 and 50,000 action
# areas, how the largest scales against the next, `check` of the largest, the real plan, one
# action edit in `serve`, and peak memory.
#
#   bash benches/run.sh              # all sizes (about 10 minutes on 2 cores)
#   bash benches/run.sh 1000 10000   # some sizes
#
# Needs hyperfine (apt install hyperfine), python3 and GNU time (/usr/bin/time). The synthetic
# plans are made by the `synthetic` example (benches/synthetic/; the same seed gives the same
# files) in target/bench/, and kept for the next run. A cold build starts with no site folder.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cargo build --release --quiet --manifest-path "$root/Cargo.toml" --bin planpress --example synthetic
bin=$root/target/release/planpress
synthetic=$root/target/release/examples/synthetic
work=${BENCH_DIR:-$root/target/bench}
mkdir -p "$work"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 50000)
largest=${sizes[-1]}
results=$work/results.txt
: > "$results"

# A cold build starts with no site folder. The last one is moved aside, not deleted, until the
# end: on this machine's ext4 disk (which has no journal) creating files is slow for a minute or
# more after many files are deleted, so deleting a 50,000-page site just before a build would
# time the disk catching up with the deletion, not planpress.
trash=$work/trash
mkdir -p "$trash"
set_aside="bash $root/benches/set_aside.sh $trash"
# Before each timed run the disk is also given the last run's writes (sync), so one run does not
# pay for the one before it: a large build leaves hundreds of megabytes still to be written.
prepare() { echo "$set_aside $1 && sync"; }
trap 'rm -rf "$trash"' EXIT

median() {
  python3 -c 'import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
unit, scale = ("ms", 1000) if r["median"] < 1 else ("s", 1)
print("%.3g %s (min %.3g, max %.3g, %d runs)" % (r["median"] * scale, unit, r["min"] * scale, r["max"] * scale, len(r["times"])))' "$1"
}
peak() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f MiB", $1/1024}'; }

for n in "${sizes[@]}"; do
  plan=$work/plan-$n
  [ -d "$plan" ] || "$synthetic" "$plan" --actions "$n" --seed 1
  runs=5; [ "$n" -ge 50000 ] && runs=3
  hyperfine --style basic --runs "$runs" --prepare "$(prepare "$plan/site")" \
    --export-json "$work/build-$n.json" "$bin build -q --root $plan"
  $set_aside "$plan/site"
  echo "build $n actions: $(median "$work/build-$n.json"), peak $(peak "$bin" build -q --root "$plan")" >> "$results"
  $set_aside "$plan/site"
done

# Scaling: the largest plan against the next largest, built in turns (smaller, larger, smaller …)
# and the ratio taken pair by pair, so a drift in this shared machine's speed falls on both alike.
if [ ${#sizes[@]} -ge 2 ]; then
  smaller=${sizes[-2]}
  turns=$work/scaling.txt
  : > "$turns"
  for _ in 1 2 3 4 5; do
    for n in "$smaller" "$largest"; do
      $set_aside "$work/plan-$n/site" && sync
      start=$EPOCHREALTIME
      "$bin" build -q --root "$work/plan-$n"
      echo "$n $start $EPOCHREALTIME" >> "$turns"
    done
  done
  $set_aside "$work/plan-$smaller/site"
  $set_aside "$work/plan-$largest/site"
  python3 -c 'import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
secs = [float(end) - float(start) for _, start, end in rows]
ratios = [large / small for small, large in zip(secs[0::2], secs[1::2])]
print("scaling, %s against %s actions, built in turns: %.2f times (min %.2f, max %.2f, %d pairs); each: %s" % (
    rows[1][0], rows[0][0], statistics.median(ratios), min(ratios), max(ratios), len(ratios),
    ", ".join("%.2f" % r for r in ratios)))' "$turns" >> "$results"
fi

plan=$work/plan-$largest
sync
hyperfine --style basic --runs 5 --export-json "$work/check-$largest.json" "$bin check -q --root $plan"
echo "check $largest actions: $(median "$work/check-$largest.json"), peak $(peak "$bin" check -q --root "$plan")" >> "$results"

hyperfine --style basic --warmup 2 --runs 10 --prepare "$(prepare "$work/real-site")" \
  --export-json "$work/real.json" "$bin build -q --root $root --out $work/real-site"
echo "real plan (content/): $(median "$work/real.json")" >> "$results"

for n in $(printf "%s\n" "${sizes[0]}" "$largest" | sort -un); do
  echo "serve, one action edit to page served, $n actions: $(python3 "$root/benches/serve_edit.py" "$bin" "$work/plan-$n" 5)" >> "$results"
done

echo
echo "Results ($(nproc) cores, $(date -u +%Y-%m-%d)):"
cat "$results"
