#!/usr/bin/env bash
# Compares this checkout's planpress (A) with an earlier commit's (B), in turns on the same
# machine, and prints the ratio A/B pair by pair: cold builds and one action edit in `serve` at
# each size, and `check` at the largest (see the README's "Comparing two commits").
#
#   bash benches/compare.sh REV [SIZES…]            # e.g. c97c3b8 or HEAD~3; sizes 1000 10000
#   BASE_BIN=/tmp/base/planpress bash benches/compare.sh c97c3b8 1000
#
# REV is checked out in a git worktree, target/compare/rev-HASH, and built there with its own
# target folder; the next run reuses both (`git worktree remove` it when done). BASE_BIN gives
# REV's binary ready-made, and REV then only names it. Both binaries build the same synthetic
# plans, made by THIS checkout's `synthetic` example in target/compare/ and kept for the next
# run (REV may be older than the example). PAIRS=N sets how many pairs of each. Needs python3.
# Prints a table and exits 0: it measures, it does not judge. About 15 minutes on 2 cores at the
# default sizes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -lt 1 ]; then
  sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0" >&2
  exit 2
fi
command -v python3 > /dev/null || { echo "compare.sh: needs python3" >&2; exit 2; }
rev=$1
shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
commit=$(git -C "$root" rev-parse --verify --quiet "$rev^{commit}") ||
  { echo "compare.sh: $rev is not a commit in $root" >&2; exit 2; }
short=$(git -C "$root" rev-parse --short "$commit")
work=${COMPARE_DIR:-$root/target/compare}
mkdir -p "$work/bin"

cargo build --release --quiet --manifest-path "$root/Cargo.toml" --bin planpress --example synthetic
if [ -n "${BASE_BIN:-}" ]; then
  base=$BASE_BIN
  base_name="$short, given as BASE_BIN=$BASE_BIN"
else
  tree=$work/rev-$short
  # --force: a worktree whose folder was deleted (by `cargo clean`, say) is still registered.
  [ -e "$tree/.git" ] || git -C "$root" worktree add --force --detach --quiet "$tree" "$commit"
  echo "Building $short in $tree (minutes the first time, nothing the next)"
  CARGO_TARGET_DIR=$tree/target cargo build --release --quiet --manifest-path "$tree/Cargo.toml" --bin planpress
  base=$tree/target/release/planpress
  base_name="$short"
fi
# Copies, so that a build in this checkout during the run cannot swap a binary half way.
cp "$root/target/release/planpress" "$work/bin/A"
cp "$base" "$work/bin/B"
this_name="$(git -C "$root" describe --always --dirty --abbrev=7) (this checkout)"

for n in "${sizes[@]}"; do
  plan=$work/plan-$n
  [ -d "$plan" ] || "$root/target/release/examples/synthetic" "$plan" --actions "$n" --seed 1
done
# The sites set aside are deleted at the end, not during the run (see run.sh for why).
trap 'rm -rf "$work/trash"' EXIT
python3 "$root/benches/compare.py" --a "$work/bin/A" --b "$work/bin/B" --work "$work" \
  --a-name "$this_name" --b-name "$base_name" "${sizes[@]}"
