#!/usr/bin/env bash
# planpress against Hugo on the same words (see the README's "Against Hugo"): cold builds in
# turns at each size and shape, with the ratio taken pair by pair, then `check` and one action
# edit in `serve` in each shape, all in one table at the end.
#
#   bash benches/peers.sh                                  # 10,000 and 50,000 actions, every shape
#   bash benches/peers.sh 10000                            # one size (check and serve at it too)
#   bash benches/peers.sh --shapes small,four --check 0 --serve 0 10000   # a quick run
#   bash benches/peers.sh --no-builds --shapes small,four 50000        # check and serve alone
#   PLANPRESS=/path/to/planpress PAIRS=5 bash benches/peers.sh 10000
#
# Shapes: small (registers of 100 action areas), four (four registers), one (one register).
# Needs python3, GNU coreutils and Debian's `hugo` package, installed with apt-get if missing.
# The plans and Hugo sites are made by the `synthetic` example in BENCH_DIR (target/bench unless
# set) and kept for the next run; delete them when done (a 50,000-action plan and site, about 350 MB).
# PLANPRESS gives the binary to time (this checkout's release build unless set); PAIRS=N sets
# how many pairs of each. Prints a table and exits 0: it measures, it does not judge.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
command -v python3 > /dev/null || { echo "peers.sh: needs python3" >&2; exit 2; }
if ! command -v hugo > /dev/null; then
  echo "peers.sh: installing Debian's hugo package" >&2
  apt-get install -y hugo > /dev/null
fi
cargo build --release --quiet --manifest-path "$root/Cargo.toml" --bin planpress --example synthetic
work=${BENCH_DIR:-$root/target/bench}
mkdir -p "$work/bin"
# A copy, so that a build in this checkout during the run cannot swap the binary half way.
cp "${PLANPRESS:-$root/target/release/planpress}" "$work/bin/planpress"
exec python3 "$root/benches/peers.py" --planpress "$work/bin/planpress" --hugo "$(command -v hugo)" \
  --synthetic "$root/target/release/examples/synthetic" --work "$work" "$@"
