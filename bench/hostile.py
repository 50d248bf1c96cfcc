#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""What each hostile capture costs: peak memory and CPU, the suite over stock tshark.

    /usr/bin/python3 bench/hostile.py                       # every attack at full size (takes a while)
    /usr/bin/python3 bench/hostile.py --scale 0.1 bursts    # a tenth of the size, one attack
    /usr/bin/python3 bench/hostile.py --budget 32           # with -o iotcloud.memory_budget:32

The captures come from scripts/hostile_corpus.py (written to bench/out/hostile-SCALE/
once). Each case runs stock tshark with only the stock plugins, then with the
suite (tests/wsenv.py), on the same file with the same options, except where
the suite's own statistic or fields are asked for: then stock runs the closest
stock equivalent (named in the table). CPU is user + system time, peak memory
the maximum resident set size, from wait4().
"""
import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE.parent / "scripts"))
sys.path.insert(0, str(HERE))
import hostile_corpus  # noqa: E402
from bench import run_once  # noqa: E402
from wsenv import SUITE_PLUGINS, TShark, make_data_root, make_plugin_root  # noqa: E402

STAT = ["-q", "-z", "iotcloud,tree"]
STOCK_STAT = ["-q", "-z", "plen,tree"]      # a stock statistic of every packet, with few lines

# attack -> [(case, suite arguments, stock arguments)], after -r FILE
CASES = {
    "bursts": [("-2", ["-2"], ["-2"])],
    "tls_names": [("-2", ["-2"], ["-2"]),
                  ("-2 statistic", ["-2", *STAT], ["-2", *STOCK_STAT])],
    "relays": [("one pass, statistic", STAT, STOCK_STAT)],
    "renames": [("-2", ["-2"], ["-2"]),
                ("one pass, name fields", ["-T", "fields", "-e", "frame.number", "-e", "iotcloud.src.name",
                                           "-e", "iotcloud.src.evidence"],
                 ["-T", "fields", "-e", "frame.number", "-e", "dhcp.option.hostname",
                  "-e", "dhcp.option.vendor_class_id"])],
    "dns_names": [("-2", ["-2"], ["-2"])],
    "dns_answers": [("-2", ["-2"], ["-2"])],
    "fanout": [("-2", ["-2"], ["-2"]),
               ("-2 statistic", ["-2", *STAT], ["-2", *STOCK_STAT])],
    "lan_mesh": [("-2", ["-2"], ["-2"])],
}


def ensure(attack, scale):
    folder = HERE / "out" / f"hostile-{scale:g}"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{attack}.pcap"
    if not path.exists():
        packets = max(20, int(hostile_corpus.FULL[attack] * scale))
        partial = path.with_suffix(".part")
        hostile_corpus.ATTACKS[attack](partial, packets)
        partial.rename(path)
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("attacks", nargs="*", default=list(CASES))
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full size")
    parser.add_argument("--budget", type=int, help="iotcloud.memory_budget (MiB) for the suite")
    args = parser.parse_args()
    prefs = ["-o", f"iotcloud.memory_budget:{args.budget}"] if args.budget else []
    print("| attack | frames | case | stock CPU s | suite CPU s | CPU ratio | stock peak MiB | suite peak MiB "
          "| memory ratio |")
    print("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        data = make_data_root(tmp / "data")
        stock = TShark(make_plugin_root(tmp / "plugins-stock"), tmp / "home-stock", data_root=data)
        suite = TShark(make_plugin_root(tmp / "plugins-suite", SUITE_PLUGINS), tmp / "home-suite", data_root=data)
        for attack in args.attacks:
            path = ensure(attack, args.scale)
            frames = max(20, int(hostile_corpus.FULL[attack] * args.scale))
            for case, suite_args, stock_args in CASES[attack]:
                stock_cpu, _, stock_rss = run_once(stock, ["-r", path, *stock_args])
                suite_cpu, _, suite_rss = run_once(suite, ["-r", path, *prefs, *suite_args])
                print(f"| {attack} | {frames:,} | {case} | {stock_cpu:.1f} | {suite_cpu:.1f} | "
                      f"{suite_cpu / stock_cpu:.2f}x | {stock_rss:.0f} | {suite_rss:.0f} | "
                      f"{suite_rss / stock_rss:.2f}x |", flush=True)


if __name__ == "__main__":
    main()
