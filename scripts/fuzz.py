#!/usr/bin/env python3
"""Fuzz the suite: mutated and random captures through stock tshark.

    /usr/bin/python3 scripts/fuzz.py --files 200                 # a bounded sample (CI)
    /usr/bin/python3 scripts/fuzz.py --files 10000 --jobs 2      # a large local run
    WSC_BUILD_DIR=build-asan /usr/bin/python3 scripts/fuzz.py --sanitized --files 300

Inputs: every capture in captures/ and ../shared/captures (when present),
mutated with `editcap -E` at several rates and seeds, plus `randpkt` captures
of random protocols. Each file goes through tshark with the suite's plugins: `-2 -V -z iotcloud,tree` (every field of the suite, two passes, the
tap) or a one-pass `-T fields` run of the suite's fields, in turn (one
tshark run per file). A run fails when
tshark dies of a signal, or (with --sanitized: plugins built with
-DWSC_SANITIZE=ON, tshark run with libasan preloaded) when AddressSanitizer
or UndefinedBehaviorSanitizer reports anything. Failing inputs are kept in
fuzz-failures/. Prints one summary line.
"""
import argparse
import concurrent.futures
import itertools
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
from wsenv import SUITE_PLUGINS, TShark, make_data_root, make_plugin_root, tshark_command  # noqa: E402

RATES = [0.001, 0.005, 0.02, 0.1]
RANDPKT_TYPES = ["arp", "dns", "eth", "icmp", "ip", "ipv6", "llc", "nbns", "sctp", "syslog", "tcp", "udp",
                 "usb-linux"]
FIELDS = ["delta_distance.cat6.km", "delta_distance.rtt.max_km", "cloud.provider", "cloud.hostname",
          "iotcloud.vendor", "iotcloud.type", "iotcloud.evidence", "iotcloud.mediated.kind"]
SANITIZER_MARKS = ("ERROR: AddressSanitizer", "runtime error:", "ERROR: LeakSanitizer", "SUMMARY: UndefinedBehavior")


def seeds_of(inputs, rng):
    """Endless (kind, source, rate, seed) jobs: every input at every rate, then random protocols."""
    for round_number in itertools.count():
        for source in inputs:
            for rate in RATES:
                yield ("editcap", source, rate, rng.randrange(1 << 30))
        for kind in RANDPKT_TYPES:
            yield ("randpkt", kind, None, rng.randrange(1 << 30))


def make_input(job, out):
    kind, source, rate, seed = job
    if kind == "editcap":
        subprocess.run(["editcap", "-E", str(rate), "--seed", str(seed), str(source), str(out)],
                       check=True, capture_output=True)
    else:
        random.seed(seed)
        subprocess.run(["randpkt", "-b", "1500", "-c", "200", "-t", source, str(out)],
                       check=True, capture_output=True)


def fuzz_env(shark, sanitized):
    """tshark's environment; with sanitized plugins, the ASan runtime preloaded
    (stock tshark is not instrumented) and leaks not checked (tshark's own)."""
    env = shark.env()
    if sanitized:
        env["LD_PRELOAD"] = subprocess.run(["gcc", "-print-file-name=libasan.so"], capture_output=True,
                                           text=True).stdout.strip()
        env["ASAN_OPTIONS"] = "detect_leaks=0:abort_on_error=0:exitcode=99"
        env["UBSAN_OPTIONS"] = "print_stacktrace=1"
    return env


MODES = [["-2", "-V", "-z", "iotcloud,tree"],
         ["-T", "fields", *itertools.chain.from_iterable(("-e", f) for f in FIELDS)]]


def run_one(env, path, index):
    """The failures of one file: tshark killed by a signal, or a sanitizer report."""
    args = MODES[index % len(MODES)]
    proc = subprocess.run(tshark_command(["-r", path, *args]), env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, errors="replace", timeout=300)
    if proc.returncode < 0 or proc.returncode == 99 or any(m in proc.stderr for m in SANITIZER_MARKS):
        return [f"{' '.join(args)}: exit {proc.returncode}: {proc.stderr[-2000:]}"]
    return []


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=200, help="fuzzed files to run")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--sanitized", action="store_true", help="plugins built with -DWSC_SANITIZE=ON")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "captures")
    args = parser.parse_args()

    inputs = sorted(REPO.glob("captures/*.pcap"))
    if args.shared.is_dir():
        inputs += sorted(p for p in args.shared.rglob("*") if p.suffix in (".pcap", ".pcapng"))
    rng = random.Random(args.seed)
    failed_dir = REPO / "fuzz-failures"
    crashes = 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        shark = TShark(make_plugin_root(tmp / "plugins", SUITE_PLUGINS), tmp / "home",
                       data_root=make_data_root(tmp / "data"))
        env = fuzz_env(shark, args.sanitized)
        loaded = subprocess.run(tshark_command(["-G", "protocols"]), env=env, capture_output=True, text=True)
        missing = [p for p in ("delta_distance", "cloud", "iotcloud") if f"\t{p}\n" not in loaded.stdout]
        if missing or "Couldn't load plugin" in loaded.stderr:
            print(f"fuzz: the suite's plugins do not load ({missing}): {loaded.stderr[:500]}")
            return 2
        jobs = list(itertools.islice(seeds_of(inputs, rng), args.files))

        def work(numbered):
            index, job = numbered
            path = tmp / f"fuzz-{index}.pcap"
            try:
                make_input(job, path)
            except subprocess.CalledProcessError:
                return index, job, None, []
            failures = run_one(env, path, index)
            return index, job, path, failures

        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            for index, job, path, failures in pool.map(work, enumerate(jobs)):
                if failures:
                    crashes += 1
                    failed_dir.mkdir(exist_ok=True)
                    kept = failed_dir / f"{index}-{Path(str(job[1])).stem}.pcap"
                    shutil.copy(path, kept)
                    print(f"FAIL {kept} ({job[0]} {job[1]} rate={job[2]} seed={job[3]})")
                    for failure in failures:
                        print("  " + failure.replace("\n", "\n  "))
                if path is not None:
                    path.unlink(missing_ok=True)
                if (index + 1) % 1000 == 0:
                    print(f"fuzz: {index + 1} files, {crashes} failing", flush=True)
    print(f"fuzz: {len(jobs)} files from {len(inputs)} captures and {len(RANDPKT_TYPES)} random protocols, "
          f"{crashes} with crashes or sanitizer reports{' (sanitized build)' if args.sanitized else ''}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
