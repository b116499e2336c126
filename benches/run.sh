#!/usr/bin/env bash
# Benchmarks of `sheet` against the floor (read + parse the same files with the same
# toml crate, one thread) on a generated national corpus. Prints a Markdown report.
#
#   benches/run.sh            # 2,350 sheets (47 prefectures x 10 regions x 5 years),
#                             # plus 235 and 23,500 for growth
#   RUNS=9 benches/run.sh     # fewer rounds (default 21)
#
# Commands are timed round-robin (benches/interleave.py): each round runs every
# command once, so a slow spell of a shared machine weighs on all of them alike.
# Needs python3 and GNU time (apt-get install time); taplo is measured when it is
# on PATH (cargo install taplo-cli), checking the same files against sheet.schema.json.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-21}
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"
for tool in python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install python3 time)" >&2; exit 2; }
done

cargo build --release --quiet --bin sheet --example gen-corpus --example floor
SHEET=target/release/sheet
FLOOR=target/release/examples/floor
GEN=target/release/examples/gen-corpus

# The sheets point at ../sheet.schema.json (#:schema), for taplo.
cp sheet.schema.json "$WORK/"
[ -d "$WORK/n235" ] || "$GEN" "$WORK/n235" 47 1 5 >/dev/null
[ -d "$WORK/n2350" ] || "$GEN" "$WORK/n2350" 47 10 5 >/dev/null
[ -d "$WORK/n23500" ] || "$GEN" "$WORK/n23500" 47 100 5 >/dev/null

interleave() { python3 benches/interleave.py "$@"; }
# field NAME KEY < json
field() { python3 -c "import json,sys; print(json.load(sys.stdin)[sys.argv[1]][sys.argv[2]])" "$1" "$2"; }
ratio() { python3 -c "print(f'{$1/$2:.2f}x')"; }
# Median peak resident memory in MiB of three runs of a command.
peak_mib() {
  for _ in 1 2 3; do
    /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1
  done | sort -n | sed -n 2p | awk '{printf "%.1f", $1/1024}'
}

D="$WORK/n2350"
# The same 2,350 sheets as workbooks (SPEC §6), written by `sheet export`.
# Every corpus also as workbooks (SPEC §6), written by `sheet export`, for
# `validate` of workbooks.
for n in 235 2350 23500; do
  [ -d "$WORK/x$n" ] || "$SHEET" export "$WORK/n$n" --out "$WORK/x$n" >/dev/null
done
args=(--runs "$RUNS" --warmup 2 --baseline floor
  floor="$FLOOR $D"
  validate="$SHEET validate $D"
  validate_json="$SHEET validate --format json $D"
  validate_xlsx="$SHEET validate $WORK/x2350"
  compare="$SHEET compare $D"
  compare_json="$SHEET compare --format json $D"
  compare_xlsx="$SHEET compare --format xlsx --out - $D"
  progress_json="$SHEET progress --format json $D")
times=$(interleave "${args[@]}")
# taplo in rounds of its own, with the floor: run among the others, its second of
# work on both cores and its memory slowed whatever ran after it.
taplo=""
if command -v taplo >/dev/null; then
  taplo=$(interleave --runs $(( (RUNS + 2) / 3 )) --warmup 1 --baseline floor floor="$FLOOR $D" \
    taplo="$(command -v taplo) check --colors never $(printf '%s ' "$D"/*.toml)")
fi
help=$(interleave --runs "$RUNS" --warmup 3 help="$SHEET --help" | field help median_ms)
t() { echo "$times" | field "$1" median_ms; }
# The median over rounds of a command's time over the floor's in the same round.
r() { python3 -c "print(f'{$(echo "$times" | field "$1" ratio):.2f}x')"; }
floor=$(t floor)

echo "## sheet benchmarks"
echo
echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo), $(free -g | awk '/Mem/{print $2}') GiB;" \
     "$(rustc --version); median of $RUNS interleaved rounds, $(date -u +%F)."
echo
echo "| 2,350 sheets ($(du -sh "$D" | cut -f1)) | median ms | vs floor, per round | median / floor's median | target |"
echo "|---|---:|---:|---:|---|"
echo "| floor: read + parse TOML (1 thread, system allocator) | $floor | 1.00x | 1.00x | |"
echo "| \`sheet validate\` | $(t validate) | $(r validate) | $(ratio "$(t validate)" "$floor") | <= 1.3x |"
echo "| \`sheet validate --format json\` | $(t validate_json) | $(r validate_json) | $(ratio "$(t validate_json)" "$floor") | |"
echo "| \`sheet validate\` of the same sheets as 2,350 workbooks | $(t validate_xlsx) | $(r validate_xlsx) | $(ratio "$(t validate_xlsx)" "$floor") | |"
echo "| \`sheet compare\` | $(t compare) | $(r compare) | $(ratio "$(t compare)" "$floor") | |"
echo "| \`sheet compare --format json\` | $(t compare_json) | $(r compare_json) | $(ratio "$(t compare_json)" "$floor") | <= 1.5x |"
echo "| \`sheet compare --format xlsx --out -\` | $(t compare_xlsx) | $(r compare_xlsx) | $(ratio "$(t compare_xlsx)" "$floor") | |"
echo "| \`sheet progress --format json\` | $(t progress_json) | $(r progress_json) | $(ratio "$(t progress_json)" "$floor") | |"
if [ -n "$taplo" ]; then
  tt=$(echo "$taplo" | field taplo median_ms); tf=$(echo "$taplo" | field floor median_ms)
  tr=$(echo "$taplo" | field taplo ratio)
  echo "| \`taplo check\` against sheet.schema.json (peer; floor $tf ms in its rounds) | $tt | $(python3 -c "print(f'{$tr:.2f}x')") | $(ratio "$tt" "$tf") | |"
fi
echo "| \`sheet --help\` | $help | | | <= 5 ms |"
echo
echo "| peak memory (2,350 sheets) | MiB | target |"
echo "|---|---:|---|"
echo "| floor | $(peak_mib "$FLOOR" "$D") | |"
echo "| \`sheet validate\` | $(peak_mib "$SHEET" validate "$D") | <= 100 |"
echo "| \`sheet compare\` | $(peak_mib "$SHEET" compare "$D") | <= 100 |"
echo "| \`sheet compare --format json\` | $(peak_mib "$SHEET" compare --format json "$D") | <= 100 |"
echo "| \`sheet compare --format xlsx --out -\` | $(peak_mib "$SHEET" compare --format xlsx --out - "$D") | <= 200 |"
echo "| \`sheet validate\` of 2,350 workbooks | $(peak_mib "$SHEET" validate "$WORK/x2350") | <= 200 |"
echo "| \`sheet progress\` | $(peak_mib "$SHEET" progress "$D") | <= 100 |"
echo
echo "| growth, median ms | 235 | 2,350 | 23,500 | ms per 1,000 sheets (235 / 2,350 / 23,500) | vs floor, per round (235 / 2,350 / 23,500) | peak MiB at 23,500 |"
echo "|---|---:|---:|---:|---|---|---:|"
# Each format of compare walks the report its own way: all are measured, so that a
# lookup per region that grows with the number of regions shows here.
declare -A growth=(
  [validate]="validate"
  [compare]="compare"
  [compare_json]="compare --format json"
  [compare_markdown]="compare --format markdown"
  [compare_csv]="compare --format csv"
  [compare_xlsx]="compare --format xlsx --out -"
  [progress]="progress --format json"
  [validate_xlsx]="validate"
)
order=(validate compare compare_json compare_markdown compare_csv compare_xlsx progress validate_xlsx)
# The corpus each reads: the sheets (n), or the same sheets as workbooks (x).
declare -A corpus=([validate_xlsx]=x)
declare -A at
for n in 235 2350 23500; do
  runs=$RUNS
  # Half the rounds at 23,500 sheets (each round takes ~10 s there), enough for a
  # median on a shared machine, where a round can take 1.5 times another.
  [ "$n" = 23500 ] && runs=$(( (RUNS + 1) / 2 ))
  cmds=(floor="$FLOOR $WORK/n$n")
  for cmd in "${order[@]}"; do cmds+=("$cmd=$SHEET ${growth[$cmd]} $WORK/${corpus[$cmd]:-n}$n"); done
  at[$n]=$(interleave --runs "$runs" --warmup 1 --baseline floor "${cmds[@]}")
done
for cmd in "${order[@]}" floor; do
  a=$(echo "${at[235]}" | field "$cmd" median_ms)
  b=$(echo "${at[2350]}" | field "$cmd" median_ms)
  c=$(echo "${at[23500]}" | field "$cmd" median_ms)
  if [ "$cmd" = floor ]; then
    label="floor"; mem=$(peak_mib "$FLOOR" "$WORK/n23500")
  else
    label="\`sheet ${growth[$cmd]}\`"
    [ "${corpus[$cmd]:-n}" = x ] && label="$label (workbooks)"
    # shellcheck disable=SC2086 # the subcommand and its options, split on purpose
    mem=$(peak_mib "$SHEET" ${growth[$cmd]} "$WORK/${corpus[$cmd]:-n}23500")
  fi
  per=$(python3 -c "print(f'{$a/0.235:.0f} / {$b/2.35:.0f} / {$c/23.5:.0f}')")
  vs=$(for n in 235 2350 23500; do echo "${at[$n]}" | field "$cmd" ratio; done |
    python3 -c "import sys; print(' / '.join(f'{float(x):.2f}x' for x in sys.stdin.read().split()))")
  echo "| $label | $a | $b | $c | $per | $vs | $mem |"
done
