#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""What the suite's AS database (asn.mmdb) adds to tshark's start-up, time and memory.

    /usr/bin/python3 bench/asn_cost.py [--runs 7] [--packets 200000]

Runs tshark with the whole suite and the build's data files, once with
asn.mmdb and once without it, on (1) the first packet of a small capture
(start-up: loading plugins, opening the databases) and (2) the benchmark
capture of bench/gen_bench.py with -2 and the cloud fields, AS number and
organisation included (each distinct public address is looked up once, then
cached for the capture). Prints the median wall
and CPU seconds and the median peak RSS (the numbers /usr/bin/time -v reports,
read with wait4) of --runs runs each, alternating the two set-ups, as a
Markdown table. On a shared machine trust CPU seconds more than wall seconds.

asn.mmdb is opened with libmaxminddb's MMDB_MODE_MMAP: the file is mapped, not
read, so only the pages that lookups touch count in RSS (shared, file-backed,
and given back by the kernel under pressure).
"""
import argparse
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE))
from bench import ADDRESSES, CLOUD_FIELDS, ensure_capture, fields, run_once  # noqa: E402
from wsenv import BUILD, CAPTURES, DATA_SUBDIR, SUITE_PLUGINS, TShark, make_data_root, make_plugin_root  # noqa: E402

ASN_DB = "asn.mmdb"
ASN_FIELDS = (*CLOUD_FIELDS, "cloud.dst.asn", "cloud.dst.as_org")


def suite_tshark(tmp, plugin_root, data_root, with_asn):
    """tshark with the suite and the build's data files, with or without asn.mmdb."""
    name = "with" if with_asn else "without"
    shark = TShark(plugin_root, tmp / f"home-{name}", with_data=False, data_root=data_root)
    (shark.config / DATA_SUBDIR).mkdir()
    for item in (BUILD / "data" / DATA_SUBDIR).iterdir():
        if with_asn or item.name != ASN_DB:
            (shark.config / DATA_SUBDIR / item.name).symlink_to(item)
    return shark


def medians(sharks, argv, runs):
    """{with_asn: [cpu, wall, rss]}: medians of runs that alternate between the
    two set-ups, so that load from elsewhere falls on both alike."""
    results = {False: [], True: []}
    for run in range(runs):
        for with_asn in ((False, True) if run % 2 == 0 else (True, False)):
            results[with_asn].append(run_once(sharks[with_asn], argv))
    return {k: [statistics.median(r[i] for r in v) for i in range(3)] for k, v in results.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--packets", type=int, default=200000)
    args = parser.parse_args()
    if not (BUILD / "data" / DATA_SUBDIR / ASN_DB).exists():
        sys.exit(f"no {ASN_DB} in the build: run scripts/fetch_asn_db.sh, then cmake --build build")
    workloads = {
        "start-up (first packet of cloud_talk_examples.pcap)":
            ["-r", CAPTURES / "cloud_talk_examples.pcap", "-c", "1", *fields(*ADDRESSES, *ASN_FIELDS)],
        f"{args.packets:,}-packet bench capture, -2, cloud fields with AS":
            ["-r", ensure_capture(args.packets), "-2", *fields(*ADDRESSES, *ASN_FIELDS)],
    }
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        plugin_root = make_plugin_root(tmp / "plugins", SUITE_PLUGINS)
        data_root = make_data_root(tmp / "data")
        sharks = {False: suite_tshark(tmp, plugin_root, data_root, False),
                  True: suite_tshark(tmp, plugin_root, data_root, True)}
        print(f"| workload ({args.runs} runs, medians) | AS database | wall s | CPU s | max RSS MiB |")
        print("|---|---|---|---|---|")
        for workload, argv in workloads.items():
            by_setup = medians(sharks, argv, args.runs)
            for with_asn in (False, True):
                cpu, wall, rss = by_setup[with_asn]
                print(f"| {workload} | {'asn.mmdb' if with_asn else 'none'} | {wall:.3f} | {cpu:.3f} | {rss:.1f} |",
                      flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
