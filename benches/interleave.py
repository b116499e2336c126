#!/usr/bin/env python3
"""Times commands round-robin and prints their median wall times as JSON.

    benches/interleave.py --runs 15 --warmup 2 NAME='COMMAND ...' ...

Each round runs every command once, in an order that rotates from round to round,
so a slow spell of the machine (a shared virtual machine has them) weighs on all
commands alike instead of on whichever one hyperfine happened to be timing. Output
goes to /dev/null, like `hyperfine -N --output=null`. Prints
{"NAME": {"median_ms": ..., "min_ms": ..., "runs": N}, ...}.

With --baseline NAME, each command also gets "ratio": the median over rounds of its
time divided by the baseline's time in the same round (a paired ratio: a slow spell
that lasts a round weighs on both sides of it).
"""

import argparse
import json
import shlex
import statistics
import subprocess
import sys
import time


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--baseline", help="NAME of the command to divide by, round by round")
    parser.add_argument("commands", nargs="+", help="NAME=COMMAND")
    args = parser.parse_args()
    named = []
    for spec in args.commands:
        name, sep, command = spec.partition("=")
        if not sep:
            parser.error(f"expected NAME=COMMAND, got {spec!r}")
        named.append((name, shlex.split(command)))

    def run(argv):
        start = time.perf_counter()
        done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        if done.returncode not in (0, 1):
            sys.exit(f"{shlex.join(argv)}: exit {done.returncode}")
        return elapsed

    for _ in range(args.warmup):
        for _, argv in named:
            run(argv)
    times = {name: [] for name, _ in named}
    for r in range(args.runs):
        order = named[r % len(named):] + named[: r % len(named)]
        for name, argv in order:
            times[name].append(run(argv))
    report = {
        name: {
            "median_ms": round(statistics.median(t) * 1000, 1),
            "min_ms": round(min(t) * 1000, 1),
            "runs": len(t),
        }
        for name, t in times.items()
    }
    if args.baseline is not None:
        if args.baseline not in times:
            parser.error(f"--baseline {args.baseline!r} names no command")
        base = times[args.baseline]
        for name, t in times.items():
            report[name]["ratio"] = round(statistics.median(a / b for a, b in zip(t, base)), 3)
    json.dump(report, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
