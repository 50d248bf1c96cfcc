#!/usr/bin/env python3
"""oui_audit.py: what the MAC alone makes of the devices of public IoT labs.

The device lists of two published IoT testbeds give a MAC and a device name
for each device: UNSW's (Sivanathan et al., IEEE TMC 2018) and Mon(IoT)r's
(Ren et al., IMC 2019), in ../shared/data/iot/ground_truth. This script sends
one TCP handshake from each MAC to a remote server (nothing else: no name, no
DHCP) and prints what iotcloud says of each host, next to the device's name,
for a reader to judge. The MAC alone should name a vendor only when the OUI
belongs to the brand, and a type only when the brand makes one kind of
device: a Wi-Fi chip's maker (Atheros, Ralink) or a contract manufacturer
(Zowee for a YI camera) is no vendor, a Withings MAC is no scale (Withings
also made baby monitors).

    /usr/bin/python3 scripts/oui_audit.py [--lists DIR]
"""
import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "captures"))
sys.path.insert(0, str(REPO / "tests"))

from pcapgen import ETH_IPV4, TCP_ACK, TCP_SYN, Pcap, ether, ipv4, tcp  # noqa: E402
from wsenv import suite_tshark  # noqa: E402

DEFAULT_LISTS = REPO / ".." / "shared" / "data" / "iot" / "ground_truth"
GATEWAY = "00:11:22:33:44:55"
SERVER = "93.184.216.34"


def normal_mac(text):
    return ":".join("%02x" % int(part, 16) for part in text.split(":"))


def devices(lists):
    """(MAC, "lab: device name") of both labs' lists."""
    found = []
    for line in (lists / "unsw_tmc2018_devices.tsv").read_text().splitlines():
        if line and not line.startswith("#"):
            name, mac = line.split("\t")[:2]
            found.append((normal_mac(mac), "unsw: " + name))
    for country in ("us", "uk"):
        for line in (lists / f"moniotr_imc19_devices_{country}.txt").read_text().splitlines():
            if line.strip():
                mac, name = line.split()[:2]
                found.append((normal_mac(mac), f"moniotr-{country}: {name}"))
    return found


def handshakes(macs, path):
    pcap, t = Pcap(), 1528538400.0
    for i, mac in enumerate(macs):
        host = "192.168.%d.%d" % (1 + i // 200, 2 + i % 200)
        port = 40000 + i
        pcap.add(t, ether(mac, GATEWAY, ETH_IPV4, ipv4(host, SERVER, 6, tcp(port, 443, 1, 0, TCP_SYN))))
        pcap.add(t + 0.01, ether(GATEWAY, mac, ETH_IPV4,
                                 ipv4(SERVER, host, 6, tcp(443, port, 1, 2, TCP_SYN | TCP_ACK))))
        t += 0.02
    pcap.write(path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lists", type=Path, default=DEFAULT_LISTS)
    args = parser.parse_args()
    known = devices(args.lists)
    with tempfile.TemporaryDirectory() as work, suite_tshark() as tshark:
        capture = Path(work) / "oui.pcap"
        handshakes([mac for mac, _ in known], capture)
        rows = tshark.fields(capture, ["eth.src", "iotcloud.src.vendor", "iotcloud.src.type"],
                             "-2", "-Y", "tcp.flags.syn == 1 && tcp.flags.ack == 0")
    said = {row["eth.src"]: (row["iotcloud.src.vendor"] or "-", row["iotcloud.src.type"] or "-")
            for row in rows}
    named = typed = 0
    print(f"{'device':40s} {'MAC':17s}  {'vendor':16s} type")
    for mac, name in known:
        vendor, kind = said.get(mac, ("-", "-"))
        named += vendor != "-"
        typed += kind not in ("-", "unknown")
        print(f"{name[:40]:40s} {mac}  {vendor[:16]:16s} {kind}")
    print(f"\n{len(known)} MACs: a vendor for {named}, a type for {typed}")


if __name__ == "__main__":
    main()
