#!/usr/bin/env python3
"""Score iotcloud on the blind testers' homes: right, wrong, unknown per host.

    /usr/bin/python3 scripts/score_blind.py            # totals and every wrong or debatable label
    /usr/bin/python3 scripts/score_blind.py --all      # every host

captures/blind/ holds 11 homes (240 devices) built by two testers who read
none of the plugin's rules, code or tests, from public knowledge of how each
device behaves on the wire (captures/blind/gen_*.py: 8 homes, 144 devices;
gen_t3_*.py: 3 homes, 96 devices; python3-scapy), and the testers' truth
(captures/blind/truth.tsv). Each capture goes through the
suite's tshark once, `-2 -q -z iotcloud,json`: a host's answer is its final
identity, found by its MAC (else by its address). Vendor and type are scored
apart: right when the answer is one the truth accepts, debatable when the
truth lists it so, unknown when there is none, wrong otherwise.
"""
import argparse
import collections
import csv
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BLIND = REPO / "captures" / "blind"
sys.path.insert(0, str(REPO / "tests"))
from wsenv import suite_tshark  # noqa: E402


def read_truth():
    with open(BLIND / "truth.tsv", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        for key in ("vendors", "types", "debatable_vendors"):
            row[key] = set() if row[key] == "-" else set(row[key].split("|"))
        yield row


def answers(tshark, capture):
    """{mac or address: (vendor, type)} of the final identities of a capture."""
    proc = tshark.run("-2", "-r", str(BLIND / capture), "-q", "-z", "iotcloud,json")
    document = json.loads(proc.stdout[proc.stdout.index("{"):])
    found = {}
    for device in document["devices"]:
        answer = (device.get("vendor") or "", device.get("type") or "")
        if device.get("mac"):
            found[device["mac"]] = answer
        for address in device.get("addresses", []):
            found.setdefault(address["address"], answer)
    return found


def verdict_vendor(truth, vendor):
    if not vendor:
        return "unknown"
    if vendor in truth["vendors"]:
        return "right"
    return "debatable" if vendor in truth["debatable_vendors"] else "wrong"


def verdict_type(truth, kind):
    if kind in ("", "unknown"):
        return "right" if truth["types"] == {"unknown"} else "unknown"
    return "right" if kind in truth["types"] else "wrong"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--all", action="store_true", help="print every host, not only the wrong and debatable")
    args = parser.parse_args()

    truth = list(read_truth())
    counts = {"vendor": collections.Counter(), "type": collections.Counter()}
    with suite_tshark() as tshark:
        found = {capture: answers(tshark, capture) for capture in sorted({t["capture"] for t in truth})}
    for t in truth:
        vendor, kind = found[t["capture"]].get(t["mac"]) or found[t["capture"]].get(t["ip"], ("", ""))
        by_vendor, by_type = verdict_vendor(t, vendor), verdict_type(t, kind)
        counts["vendor"][by_vendor] += 1
        counts["type"][by_type] += 1
        if args.all or "wrong" in (by_vendor, by_type) or by_vendor == "debatable":
            print(f"  {t['capture']:18} {t['ip']:15} {vendor or '-'} / {kind or 'unknown'}  "
                  f"vendor {by_vendor}, type {by_type}  ({t['description']})")
    print(f"{len(truth)} devices in {len(found)} homes")
    for key in ("vendor", "type"):
        c = counts[key]
        print(f"  {key:6}  {c['right']} right  {c['wrong']} wrong  {c['unknown']} unknown  {c['debatable']} debatable")
    return 0


if __name__ == "__main__":
    sys.exit(main())
