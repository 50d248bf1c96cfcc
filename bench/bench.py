#!/usr/bin/env python3
"""Measure what the suite costs on top of stock tshark.

    /usr/bin/python3 bench/bench.py                      # 200k packets, 7 interleaved runs
    /usr/bin/python3 bench/bench.py --packets 1000000 --runs 5
    /usr/bin/python3 bench/bench.py --callgrind          # also instructions per packet
    /usr/bin/python3 bench/bench.py --callgrind --callgrind-only --groups "installed, unused"

scripts/bench_in_root.sh runs it against the Wireshark of a Debian root
(trixie: 4.4, sid: 4.6); the header names the tshark measured and the
capture's SHA-256, so tables from different roots are seen to share a capture.

Every case runs stock tshark on the same generated capture (bench/gen_bench.py),
with a plugin folder holding the stock plugins plus the plugins the case names
(see tests/wsenv.py). Cases are interleaved, run after run, so drifts in machine
speed hit them alike; the table gives the median CPU time (user + system), its
ratio to the group's baseline, and peak memory (max RSS). With --callgrind,
valgrind counts the instructions each case spends per packet: the run on the
first packet only is subtracted, leaving per-packet work without start-up.
"""
import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
from wsenv import BUILD, DATA_SUBDIR, WS_VERSION, TShark, make_plugin_root, tshark_command  # noqa: E402

LUA_BASELINE = HERE / "delta_distance.lua"


def fields(*names):
    argv = ["-T", "fields"]
    for name in names:
        argv += ["-e", name]
    return argv


SUITE = ("iotcloud_suite",)
PROTOCOLS = ("delta_distance", "cloud", "iotcloud")
ADDRESSES = ("frame.number", "ip.src", "ip.dst")
CLOUD_FIELDS = ("cloud.src.provider", "cloud.dst.provider", "cloud.dst.service", "cloud.dst.hostname")
IOT_FIELDS = ("iotcloud.src.vendor", "iotcloud.src.type", "iotcloud.dst.vendor", "iotcloud.dst.type")


def only(protocol):
    """The suite's library with its other protocols switched off (Analyze > Enabled Protocols)."""
    argv = []
    for other in PROTOCOLS:
        if other != protocol:
            argv += ["--disable-protocol", other]
    return argv


# name -> (plugins of the suite loaded, tshark arguments after -r FILE)
CASES = {
    "stock: plain": ((), []),
    "suite installed: plain": (SUITE, []),
    "stock: 6 stock fields": ((), fields(*ADDRESSES, "ip.ttl", "ip.len", "ip.proto")),
    "suite: 3 stock + 3 suite fields": (SUITE, fields(*ADDRESSES, "delta_distance.fiber.km", "cloud.dst.provider",
                                                      "iotcloud.src.vendor")),
    "stock: delta displayed": ((), fields("frame.number", "frame.time_delta_displayed")),
    "delta_distance": (SUITE, only("delta_distance") +
                       fields("frame.number", "delta_distance.cat6.km", "delta_distance.fiber.km")),
    "Lua postdissector": ((), ["-X", f"lua_script:{LUA_BASELINE}"] +
                          fields("frame.number", "delta_distance.cat6.km", "delta_distance.fiber.km")),
    "stock: addresses": ((), fields(*ADDRESSES)),
    "cloud": (SUITE, only("cloud") + fields(*ADDRESSES, *CLOUD_FIELDS)),
    "iotcloud": (SUITE, only("iotcloud") + fields(*ADDRESSES, *IOT_FIELDS)),
    "suite": (SUITE, fields(*ADDRESSES, "delta_distance.fiber.km", "delta_distance.rtt.max_km", *CLOUD_FIELDS,
                            *IOT_FIELDS)),
    "stock: -q -z conv,ip": ((), ["-q", "-z", "conv,ip"]),
    "suite: -q -z iotcloud,tree": (SUITE, ["-q", "-z", "iotcloud,tree"]),
}
# Each group compares its cases with its first one. The first three are the
# goals of issue 13 (installed but unused, a few fields, the statistic).
GROUPS = {
    "installed, unused": ["stock: plain", "suite installed: plain"],
    "-T fields, 3 more fields": ["stock: 6 stock fields", "suite: 3 stock + 3 suite fields"],
    "statistic": ["stock: -q -z conv,ip", "suite: -q -z iotcloud,tree"],
    "delta_distance, -T fields": ["stock: delta displayed", "delta_distance", "Lua postdissector"],
    "cloud, -T fields": ["stock: addresses", "cloud"],
    "iotcloud, -T fields": ["stock: addresses", "iotcloud"],
    "whole suite, -T fields": ["stock: addresses", "suite"],
}


def ensure_capture(packets):
    out_dir = HERE / "out"
    out_dir.mkdir(exist_ok=True)
    path = out_dir / f"bench-{packets}.pcap"
    if not path.exists():
        subprocess.run(["/usr/bin/python3", str(HERE / "gen_bench.py"), "--packets", str(packets),
                        "--out", str(path)], check=True)
    return path


def run_once(shark, argv):
    """CPU seconds (user + system), wall seconds and peak RSS (MiB) of one tshark run."""
    start = time.monotonic()
    proc = subprocess.Popen(tshark_command(argv), env=shark.env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"tshark {' '.join(argv)} failed")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024


def callgrind_instructions(shark, argv, workdir):
    out = Path(workdir) / "callgrind.out"
    command = tshark_command(argv)
    if command[0] == "unshare":
        command = command[:2] + ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + command[2:]
    else:
        command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + command
    subprocess.run(command, env=shark.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    for line in out.read_text().splitlines():
        if line.startswith("summary:") or line.startswith("totals:"):
            return int(line.split()[1])
    raise RuntimeError("no totals in callgrind output")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--packets", type=int, default=200000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--callgrind", action="store_true", help="also count instructions per packet")
    parser.add_argument("--callgrind-packets", type=int, default=10000)
    parser.add_argument("--callgrind-only", action="store_true", help="skip the timed runs")
    parser.add_argument("--groups", nargs="*", default=list(GROUPS), help="which comparisons to run")
    args = parser.parse_args()
    args.callgrind = args.callgrind or args.callgrind_only

    # The timed runs' capture is only made when they run.
    capture = None if args.callgrind_only else ensure_capture(args.packets)
    names = list(dict.fromkeys(name for group in args.groups for name in GROUPS[group]))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sharks = {}
        for index, name in enumerate(names):
            plugins, _ = CASES[name]
            root = make_plugin_root(tmp / f"plugins-{index}", plugins)
            sharks[name] = TShark(root, tmp / f"home-{index}")
        samples = {name: [] for name in names}
        for run in range(0 if args.callgrind_only else args.runs):
            order = names[run % len(names):] + names[:run % len(names)]
            for name in order:
                samples[name].append(run_once(sharks[name], ["-r", capture, *CASES[name][1]]))
            print(f"run {run + 1}/{args.runs} done", file=sys.stderr)

        instructions = {}
        if args.callgrind:
            small = ensure_capture(args.callgrind_packets)
            for name in names:
                argv = ["-r", small, *CASES[name][1]]
                full = callgrind_instructions(sharks[name], argv, tmp)
                startup = callgrind_instructions(sharks[name], argv + ["-c", "1"], tmp)
                instructions[name] = (full - startup) / (args.callgrind_packets - 1)

    print(f"tshark {'.'.join(map(str, WS_VERSION))}; {os.cpu_count()} CPUs; "
          f"tshark as {'root in a user namespace' if os.geteuid() == 0 else 'user'}")
    # The AS database is built only when fetched (scripts/fetch_asn_db.sh), and changes the cost.
    print("Suite data: " + ", ".join(sorted(item.name for item in (BUILD / "data" / DATA_SUBDIR).iterdir())))
    if not args.callgrind_only:
        print(f"Timed: {describe(capture)}; {args.runs} interleaved runs")
        print_timings(args.groups, samples)
    if instructions:
        print(f"Callgrind: {describe(small)}")
        print_instructions(args.groups, instructions, args.callgrind_packets)


def describe(capture):
    """The capture's name and SHA-256: gen_bench.py's output depends on the
    Python modules present (QUIC needs cryptography), so equal names are not
    proof of equal bytes."""
    return f"{capture.name} (sha256 {hashlib.sha256(capture.read_bytes()).hexdigest()[:16]})"


def print_timings(groups, samples):
    print()
    print("| comparison | case | CPU s (median) | min | ratio (median) | wall s | max RSS MiB |")
    print("|---|---|---|---|---|---|---|")
    for group in groups:
        base_cpu = statistics.median(s[0] for s in samples[GROUPS[group][0]])
        for name in GROUPS[group]:
            cpu = [s[0] for s in samples[name]]
            print(f"| {group} | {name} | {statistics.median(cpu):.2f} | {min(cpu):.2f} | "
                  f"{statistics.median(cpu) / base_cpu:.3f}x | {statistics.median(s[1] for s in samples[name]):.2f} | "
                  f"{max(s[2] for s in samples[name]):.0f} |")


def print_instructions(groups, instructions, packets):
    print()
    print(f"Instructions per packet (callgrind, {packets}-packet capture, start-up subtracted):")
    print()
    print("| comparison | case | instructions/packet | ratio |")
    print("|---|---|---|---|")
    for group in groups:
        base = instructions[GROUPS[group][0]]
        for name in GROUPS[group]:
            print(f"| {group} | {name} | {instructions[name]:,.0f} | {instructions[name] / base:.3f}x |")


if __name__ == "__main__":
    main()
