#!/usr/bin/env python3
"""valgrind memcheck over the scenario captures, with the suite loaded.

    /usr/bin/python3 scripts/memcheck.py            # every captures/*.pcap

Each capture goes through stock tshark with the suite's plugins (built in
build/, see tests/wsenv.py) under memcheck, in the two ways the fuzzer uses:
`-2 -V -z iotcloud,tree` and a one-pass `-T fields` run of the suite's fields.
Invalid reads and writes, uses of uninitialised values and bad frees are
errors; leaks are not checked (tshark does not free everything at exit).
Prints one line per run and a summary; exits 1 on any error.
"""
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "scripts"))
from fuzz import MODES  # noqa: E402
from wsenv import SUITE_PLUGINS, TShark, make_data_root, make_plugin_root, tshark_command  # noqa: E402

VALGRIND = ["valgrind", "--tool=memcheck", "--error-exitcode=42", "--leak-check=no", "--track-origins=no",
            "--num-callers=30"]


def memcheck(shark, capture, args, log):
    command = tshark_command(["-r", capture, *args])
    at = 2 if command[0] == "unshare" else 0
    command = command[:at] + VALGRIND + [f"--log-file={log}"] + command[at:]
    proc = subprocess.run(command, env=shark.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    summary = [line for line in Path(log).read_text().splitlines() if "ERROR SUMMARY" in line]
    return proc.returncode, summary[-1].split("==")[-1].strip() if summary else "no summary"


def main():
    captures = sorted(REPO.glob("captures/*.pcap"))
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        shark = TShark(make_plugin_root(tmp / "plugins", SUITE_PLUGINS), tmp / "home",
                       data_root=make_data_root(tmp / "data"))
        for capture in captures:
            for mode, args in enumerate(MODES):
                log = tmp / f"{capture.stem}-{mode}.log"
                code, summary = memcheck(shark, capture, args, log)
                bad = code != 0
                failed += bad
                print(f"{'FAIL' if bad else 'ok  '} {capture.name} {' '.join(args[:4])}: {summary}", flush=True)
                if bad:
                    print(log.read_text()[-6000:])
    print(f"memcheck: {len(captures)} captures, {2 * len(captures)} runs, {failed} with errors")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
