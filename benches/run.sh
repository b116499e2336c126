#!/usr/bin/env bash
# Benchmarks of `sheet` against the floor (read + parse the same files with the same
# toml crate) on a generated national corpus. Prints a Markdown report.
#
#   benches/run.sh            # 2,350 sheets (47 prefectures x 10 regions x 5 years),
#                             # plus 235 and 23,500 for growth
#   RUNS=5 benches/run.sh     # fewer runs
#
# Needs hyperfine and GNU time (apt-get install hyperfine time); taplo is measured
# when it is on PATH (cargo install taplo-cli).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-10}
WORK=${WORK:-$(mktemp -d)}
for tool in hyperfine /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install hyperfine time)" >&2; exit 2; }
done

cargo build --release --quiet --bin sheet --example gen-corpus --example floor
SHEET=target/release/sheet
FLOOR=target/release/examples/floor
GEN=target/release/examples/gen-corpus

"$GEN" "$WORK/n235" 47 1 5 >/dev/null
"$GEN" "$WORK/n2350" 47 10 5 >/dev/null
"$GEN" "$WORK/n23500" 47 100 5 >/dev/null

# Median wall time in ms of a command, from hyperfine's JSON export.
median() {
  local json="$WORK/h.json"
  hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$json" "$1" >/dev/null 2>&1
  python3 -c "import json,sys; print(round(json.load(open(sys.argv[1]))['results'][0]['median']*1000, 1))" "$json"
}
peak_mib() {
  /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.1f", $1/1024}'
}

echo "## sheet benchmarks"
echo
echo "Machine: $(nproc) cores, $(awk '/model name/{$1=$2=$3="";print;exit}' /proc/cpuinfo | sed 's/^ *//'), $(free -g | awk '/Mem/{print $2}') GiB;" \
     "$(rustc --version); median of $RUNS runs (hyperfine), $(date -u +%F)."
echo
D="$WORK/n2350"
floor=$(median "$FLOOR $D")
validate=$(median "$SHEET validate $D")
validate_json=$(median "$SHEET validate --format json $D")
compare=$(median "$SHEET compare $D")
compare_json=$(median "$SHEET compare --format json $D")
progress=$(median "$SHEET progress --format json $D")
help=$(median "$SHEET --help")
ratio() { python3 -c "print(f'{$1/$2:.2f}x')"; }
echo "| 2,350 sheets ($(du -sh "$D" | cut -f1)) | median ms | vs floor | target |"
echo "|---|---:|---:|---|"
echo "| floor: read + parse TOML (1 thread) | $floor | 1.00x | |"
echo "| \`sheet validate\` | $validate | $(ratio "$validate" "$floor") | <= 1.3x |"
echo "| \`sheet validate --format json\` | $validate_json | $(ratio "$validate_json" "$floor") | |"
echo "| \`sheet compare\` | $compare | $(ratio "$compare" "$floor") | <= 1.5x |"
echo "| \`sheet compare --format json\` | $compare_json | $(ratio "$compare_json" "$floor") | |"
echo "| \`sheet progress --format json\` | $progress | $(ratio "$progress" "$floor") | |"
if command -v taplo >/dev/null; then
  taplo=$(median "taplo check --no-schema $D/*.toml")
  echo "| \`taplo check\` (peer) | $taplo | $(ratio "$taplo" "$floor") | |"
fi
echo "| \`sheet --help\` | $help | | <= 5 ms |"
echo
echo "| peak memory (2,350 sheets) | MiB | target |"
echo "|---|---:|---|"
echo "| floor | $(peak_mib "$FLOOR" "$D") | |"
echo "| \`sheet validate\` | $(peak_mib "$SHEET" validate "$D") | <= 100 |"
echo "| \`sheet compare\` | $(peak_mib "$SHEET" compare "$D") | <= 100 |"
echo "| \`sheet progress\` | $(peak_mib "$SHEET" progress "$D") | <= 100 |"
echo
echo "| growth | 235 | 2,350 | 23,500 | ms per 1,000 sheets (235 / 2,350 / 23,500) |"
echo "|---|---:|---:|---:|---|"
for cmd in "validate" "compare" "progress --format json"; do
  a=$(median "$SHEET $cmd $WORK/n235"); b=$(median "$SHEET $cmd $WORK/n2350"); c=$(median "$SHEET $cmd $WORK/n23500")
  per=$(python3 -c "print(f'{$a/0.235:.0f} / {$b/2.35:.0f} / {$c/23.5:.0f}')")
  echo "| \`sheet $cmd\` | $a | $b | $c | $per |"
done
a=$(median "$FLOOR $WORK/n235"); b=$(median "$FLOOR $WORK/n2350"); c=$(median "$FLOOR $WORK/n23500")
echo "| floor | $a | $b | $c | $(python3 -c "print(f'{$a/0.235:.0f} / {$b/2.35:.0f} / {$c/23.5:.0f}')") |"
