#!/usr/bin/env python3
"""dhcp_audit.py: iotcloud's DHCP rules against Satori's and Fingerbank's fingerprints.

Satori (a GPL-2.0 passive fingerprinting project; its dhcp.xml flattened in
../shared/data/iot/satori) and Fingerbank (ODbL; ../shared/data/iot/fingerbank)
name a device class or an OS for DHCP parameter request lists (option 55) and
vendor classes (option 60). For each of their rows that names a class
iotcloud can check (each option value once), this script sends one
DHCP Discover carrying only that option, from a MAC whose OUI Wireshark does
not know, and scores the type iotcloud gives: right (within the class),
wrong, or unknown. A DHCP fingerprint is shared by many devices of one OS, so
this measures how often iotcloud's DHCP rules contradict another project's
reading, not the accuracy on devices.

    /usr/bin/python3 scripts/dhcp_audit.py [--satori FILE] [--fingerbank FILE] [--wrong]

With --home-assistant, it sends instead one Discover per DHCP matcher of Home
Assistant's integrations (host name pattern with its wildcards filled in, MAC
in the matcher's prefix) and prints what iotcloud names each integration's
hosts, for a reader to judge (the integration names a product, not a type).
"""
import argparse
import collections
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "captures"))
sys.path.insert(0, str(REPO / "tests"))

from pcapgen import ETH_IPV4, Pcap, dhcp_message, ether, ipv4, udp  # noqa: E402
from wsenv import suite_tshark  # noqa: E402

DEFAULT_SATORI = REPO / ".." / "shared" / "data" / "iot" / "satori" / "satori_dhcp_flat.tsv"
DEFAULT_FINGERBANK = REPO / ".." / "shared" / "data" / "iot" / "fingerbank" / "fingerbank_dhcp_flat.tsv"
DEFAULT_HOME_ASSISTANT = REPO / ".." / "shared" / "data" / "iot" / "homeassistant" / "ha_dhcp_matchers.tsv"
UNKNOWN_OUI = "00:5f:e1"        # in no IEEE registry entry Wireshark ships: the MAC says nothing

# Satori's device classes and OS names -> the iotcloud types that agree with them.
CLASS_TYPES = {
    "Smartphone": {"phone", "tablet"}, "PDA": {"phone", "tablet"}, "eBook Reader": {"tablet", "phone"},
    "Tablet": {"tablet", "phone"},
    "Printer": {"printer"}, "Scanner": {"printer"}, "Multifunction Printer": {"printer"},
    "Game Console": {"game-console"}, "IP Network Camera": {"camera"},
    "Router": {"router"}, "Wireless Router": {"router"}, "Wireless Access Point": {"router"},
    "Switch": {"router"}, "Firewall": {"router"}, "Wireless Controller": {"router"},
    "NAS": {"nas"}, "IPTV": {"tv", "media-player"}, "Multimedia Device": {"tv", "media-player", "speaker"},
    "Thin Client": {"computer"}, "VoIP Phone": set(),
}
OS_TYPES = {
    "Windows XP": {"computer"}, "Windows 7": {"computer"}, "Windows 8": {"computer"},
    "Windows 10": {"computer"}, "Windows Vista": {"computer"}, "Windows 2000": {"computer"},
    "Mac OS X": {"computer"}, "macOS": {"computer"}, "iOS": {"phone", "tablet"},
    "BlackBerry OS": {"phone"},
}
# Fingerbank's classes likewise.
FINGERBANK_TYPES = {
    "Windows": {"computer"}, "Macintosh": {"computer"}, "Thin Clients": {"computer"},
    "Printers": {"printer"}, "Gaming Consoles": {"game-console"}, "Routers and APs": {"router"},
    "Switches": {"router"}, "Storage Devices": {"nas"}, "VoIP Phones/Adapters": set(),
    "Smartphones/PDAs/Tablets": {"phone", "tablet"},
    "Home Audio/Video Equipment": {"tv", "media-player", "speaker"},
}
OPTIONS = {"dhcpoption55": 55, "dhcpvendorcode": 60, "option55": 55, "option60": 60}


def satori_rows(path, seen):
    """(what, option, value, allowed types) of the rows this script can check."""
    rows = []
    for line in path.read_text(errors="replace").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, device_type, _vendor, os_name, _os_class, _kind, match, _w, field, value = \
            (line.split("\t") + [""] * 10)[:10]
        if field not in OPTIONS or match != "exact" or not value:
            continue
        allowed = CLASS_TYPES.get(device_type, OS_TYPES.get(os_name))
        if allowed is None or (OPTIONS[field], value) in seen:
            continue
        seen.add((OPTIONS[field], value))
        rows.append((f"Satori {name} ({device_type or os_name})", OPTIONS[field], value, allowed))
    return rows


def fingerbank_rows(path, seen):
    rows = []
    for line in path.read_text(errors="replace").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        _os_id, description, device_class, field, value = (line.split("\t") + [""] * 5)[:5]
        allowed = FINGERBANK_TYPES.get(device_class)
        if field not in OPTIONS or not value or allowed is None or (OPTIONS[field], value) in seen:
            continue
        seen.add((OPTIONS[field], value))
        rows.append((f"Fingerbank {description} ({device_class})", OPTIONS[field], value, allowed))
    return rows


def add_discover(pcap, t, mac, xid, options):
    """A DHCP Discover broadcast from the MAC, carrying these options after the message type."""
    message = dhcp_message(1, xid, mac, [(53, [1])] + options)
    datagram = ipv4("0.0.0.0", "255.255.255.255", 17, udp(68, 67, message))
    pcap.add(t, ether(mac, "ff:ff:ff:ff:ff:ff", ETH_IPV4, datagram))


def home_assistant_hosts(path):
    """(integration, host name or None, MAC) per matcher; MACs differ from each other."""
    hosts = []
    for line in path.read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        integration, name_glob, mac_glob = (line.split("\t") + ["", ""])[:3]
        if "REGISTERED" in name_glob or not (name_glob or mac_glob):
            continue
        name = name_glob.replace("*", "a1b2").replace("?", "x") or None
        digits = (mac_glob.replace("*", "") if mac_glob else UNKNOWN_OUI.replace(":", "")) + "%06x" % len(hosts)
        mac = ":".join(digits[i:i + 2] for i in range(0, 12, 2)).lower()
        hosts.append((integration, name, mac))
    return hosts


def audit_home_assistant(path, tshark, work):
    hosts = home_assistant_hosts(path)
    pcap, t = Pcap(), 1528538400.0
    for i, (_, name, mac) in enumerate(hosts):
        add_discover(pcap, t, mac, i, ([(12, name)] if name else []) + [(55, [1, 3, 6, 15])])
        t += 0.01
    pcap.write(work / "ha.pcap")
    said = {row["eth.src"]: (row["iotcloud.src.vendor"] or "-", row["iotcloud.src.type"] or "-")
            for row in tshark.fields(work / "ha.pcap", ["eth.src", "iotcloud.src.vendor", "iotcloud.src.type"], "-2")}
    tally = collections.Counter((integration, *said.get(mac, ("-", "-"))) for integration, _, mac in hosts)
    print(f"{len(hosts)} Home Assistant DHCP matchers: what iotcloud names each integration's hosts")
    for (integration, vendor, kind), n in sorted(tally.items()):
        print(f"  {integration:28s} {n:3d}  {vendor:20s} {kind}")


def option_value(code, text):
    if code == 55:
        return [int(part) for part in text.split(",") if part.strip().isdigit() and int(part) < 256]
    return text.encode("latin-1", "replace")[:255]


def discovers(rows, path):
    """One DHCP Discover per row, each from its own MAC; returns the MACs."""
    pcap, t = Pcap(), 1528538400.0
    macs = ["%s:%02x:%02x:%02x" % (UNKNOWN_OUI, i >> 16 & 0xFF, i >> 8 & 0xFF, i & 0xFF) for i in range(len(rows))]
    for i, (mac, (_, code, value, _)) in enumerate(zip(macs, rows)):
        add_discover(pcap, t, mac, 0x5A000000 + i, [(code, option_value(code, value))])
        t += 0.01
    pcap.write(path)
    return macs


def audit_fingerprints(args, tshark, work):
    seen = set()
    rows = satori_rows(args.satori, seen) + fingerbank_rows(args.fingerbank, seen)
    macs = discovers(rows, work / "dhcp.pcap")
    fields = ["eth.src", "iotcloud.src.type", "iotcloud.src.evidence"]
    said = {row["eth.src"]: (row["iotcloud.src.type"], row["iotcloud.src.evidence"])
            for row in tshark.fields(work / "dhcp.pcap", fields, "-2")}
    tally = collections.Counter()
    by_option = collections.Counter()
    wrong = []
    for mac, (what, code, value, allowed) in zip(macs, rows):
        kind, evidence = said.get(mac, ("", ""))
        verdict = "unknown" if kind in ("", "unknown") else "right" if kind in allowed else "wrong"
        tally[verdict] += 1
        by_option[(code, verdict)] += 1
        if verdict == "wrong":
            wrong.append(f"  option {code} {value[:60]!r}: {what}; iotcloud {kind} ({evidence[:80]})")
    answered = tally["right"] + tally["wrong"]
    print(f"{len(rows)} fingerprints of Satori and Fingerbank (option 55 or 60, one Discover each)")
    for code in (55, 60):
        print(f"  option {code}: " + "  ".join(f"{v} {by_option[(code, v)]}" for v in ("right", "wrong", "unknown")))
    print(f"  all: right {tally['right']}  wrong {tally['wrong']}  unknown {tally['unknown']}"
          + (f"  precision {100.0 * tally['right'] / answered:.1f}%" if answered else ""))
    if args.wrong:
        print("\n".join(wrong))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--satori", type=Path, default=DEFAULT_SATORI)
    parser.add_argument("--fingerbank", type=Path, default=DEFAULT_FINGERBANK)
    parser.add_argument("--wrong", action="store_true", help="list every row iotcloud contradicts")
    parser.add_argument("--home-assistant", nargs="?", type=Path, const=DEFAULT_HOME_ASSISTANT,
                        help="audit Home Assistant's DHCP matchers instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work, suite_tshark() as tshark:
        if args.home_assistant:
            audit_home_assistant(args.home_assistant, tshark, Path(work))
        else:
            audit_fingerprints(args, tshark, Path(work))


if __name__ == "__main__":
    main()
