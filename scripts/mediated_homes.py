#!/usr/bin/env python3
"""Cloud-mediated pairs found by stock tshark with the suite in generated homes.

    /usr/bin/python3 scripts/mediated_homes.py                    # seeds 1000-1049
    /usr/bin/python3 scripts/mediated_homes.py --first 0 --count 50

Generates the homes of the seeds (captures/homegen.py), runs
`tshark -2 -q -z iotcloud,tree` on each with the plugins of the build, and
prints recall (injected pairs found with their direction and provider, under
Cloud-mediated conversations or, for pairs that also talk on the LAN, under
Direct), the false pairs and the misplaced ones. Seeds 0-49 are the homes the
method was tuned on (tests/test_mediated_homes.py); the default seeds are
homes it never saw.
"""
import argparse
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
from homes import env_cpus, home, home_statistic, tally  # noqa: E402
from wsenv import suite_tshark  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--first", type=int, default=1000, help="first seed")
    parser.add_argument("--count", type=int, default=50, help="homes")
    args = parser.parse_args()
    homes = [home(seed) for seed in range(args.first, args.first + args.count)]
    with suite_tshark() as tshark:
        with ThreadPoolExecutor(env_cpus()) as pool:
            statistics = list(pool.map(lambda h: home_statistic(tshark, h), homes))
    injected, right, false_pairs = tally([(h, mediated | direct) for h, (mediated, direct) in zip(homes, statistics)])
    misplaced = [(h.seed, pair) for h, (mediated, direct) in zip(homes, statistics)
                 for pair in (mediated & h.direct()) | (direct - h.direct()) if pair in h.injected()]
    print(f"seeds {args.first}-{args.first + args.count - 1}: {right}/{injected} injected pairs found "
          f"({100.0 * right / max(injected, 1):.1f}%), {len(false_pairs)} false, {len(misplaced)} misplaced")
    for seed, a, b, provider in false_pairs:
        print(f"  false: home {seed}: {a} -> {b} via {provider}")
    for seed, (a, b, provider) in misplaced:
        print(f"  misplaced: home {seed}: {a} -> {b} via {provider}")


if __name__ == "__main__":
    main()
