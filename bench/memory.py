#!/usr/bin/env python3
"""Does the suite's memory grow with packets, or only with hosts and flows?

    /usr/bin/python3 bench/memory.py                 # 200k-packet capture, repeated 1x and 5x

The benchmark capture (bench/gen_bench.py) is repeated back to back, each copy
shifted in time past the one before (editcap -t, mergecap -a): the same hosts
and flows, five times the packets. Peak memory (max RSS) of stock tshark and
of tshark with the whole suite, with -2, printing addresses (stock) and the
suite's fields (as bench.py's "suite" case); the
suite's own share is the difference. Stock tshark itself keeps a record of
every frame, so its memory grows with packets whatever the plugins do.
"""
import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE))
from bench import CASES, ensure_capture, run_once  # noqa: E402
from wsenv import SUITE_PLUGINS, TShark, make_plugin_root  # noqa: E402


def repeated(capture, copies, out):
    """The capture `copies` times, each copy later than the last."""
    info = subprocess.run(["capinfos", "-a", "-e", "-S", "-T", "-r", str(capture)], capture_output=True, text=True,
                          check=True).stdout.split("\t")
    span = float(info[-1]) - float(info[-2]) + 1
    parts = []
    for i in range(copies):
        part = out.parent / f"{out.stem}-{i}.pcap"
        subprocess.run(["editcap", "-t", str(i * span), str(capture), str(part)], check=True)
        parts.append(part)
    subprocess.run(["mergecap", "-a", "-w", str(out), *map(str, parts)], check=True)
    for part in parts:
        part.unlink()
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--packets", type=int, default=200000)
    parser.add_argument("--copies", type=int, default=5)
    args = parser.parse_args()
    base = ensure_capture(args.packets)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        stock = TShark(make_plugin_root(tmp / "plugins-stock"), tmp / "home-stock")
        suite = TShark(make_plugin_root(tmp / "plugins-suite", SUITE_PLUGINS), tmp / "home-suite")
        print("| packets | stock max RSS MiB | suite max RSS MiB | suite's share MiB |")
        print("|---|---|---|---|")
        for copies in (1, args.copies):
            capture = base if copies == 1 else repeated(base, copies, tmp / f"x{copies}.pcap")
            stock_rss = run_once(stock, ["-r", capture, "-2", *CASES["stock: addresses"][1]])[2]
            suite_rss = run_once(suite, ["-r", capture, "-2", *CASES["suite"][1]])[2]
            print(f"| {args.packets * copies:,} | {stock_rss:.0f} | {suite_rss:.0f} | {suite_rss - stock_rss:.0f} |",
                  flush=True)


if __name__ == "__main__":
    main()
