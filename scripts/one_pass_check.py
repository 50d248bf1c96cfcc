#!/usr/bin/env python3
"""Does one pass ever name another vendor or type than two passes?

    /usr/bin/python3 scripts/one_pass_check.py                 # captures/ and ../shared/captures
    /usr/bin/python3 scripts/one_pass_check.py some.pcap dir/  # files, or folders searched for captures

In one pass a device's first frames may show less than its final identity
(nothing yet, or unknown), never something else: for every frame a local host
sent, the one-pass vendor and type must be empty/unknown or what two passes
name for that MAC and address. Prints every frame that breaks this, with what
two passes said, and exits 1 when there is one. tests/test_identity.py holds
the shipped identity and home captures to it through judge(); this runs it on
any capture, e.g. the real ones beside the repository.
"""
import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
from wsenv import suite_tshark  # noqa: E402

FIELDS = ["frame.number", "eth.src", "ip.src", "iotcloud.src.vendor", "iotcloud.src.type"]
SUFFIXES = (".pcap", ".pcapng")


def captures(paths):
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES)
        elif path.exists():
            yield path


def judge(tshark, capture):
    """(frames of hosts two passes name a vendor for, [(frame, one-pass answer,
    two-pass answer)] for every frame that breaks the rule)."""
    final = {(r["eth.src"], r["ip.src"]): (r["iotcloud.src.vendor"], r["iotcloud.src.type"])
             for r in tshark.fields(capture, FIELDS, "-2")}
    named, broken = 0, []
    for row in tshark.fields(capture, FIELDS):
        vendor, kind = final.get((row["eth.src"], row["ip.src"]), ("", ""))
        shown = (row["iotcloud.src.vendor"], row["iotcloud.src.type"])
        named += bool(vendor)
        if (vendor and shown[0] not in ("", vendor)) or \
           (kind not in ("", "unknown") and shown[1] not in ("", "unknown", kind)):
            broken.append((row["frame.number"], shown, (vendor, kind)))
    return named, broken


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path,
                        default=[REPO / "captures", REPO / ".." / "shared" / "captures"])
    args = parser.parse_args()
    broken = checked = 0
    with suite_tshark() as tshark:
        for capture in captures(args.paths):
            checked += 1
            for frame, shown, final in judge(tshark, capture)[1]:
                broken += 1
                print(f"{capture.name} frame {frame}: one pass {shown}, two passes {final}")
    print(f"{checked} captures, {broken} frames where one pass names something else than two passes")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
