#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Hostile but well-formed captures: the attacks of issue 20, sized by a parameter.

    /usr/bin/python3 scripts/hostile_corpus.py --out hostile/            # every attack, full size
    /usr/bin/python3 scripts/hostile_corpus.py --out hostile/ --scale 0.01 bursts tls_names

Each attack is a function write_NAME(path, packets) writing a pcap of about
`packets` frames; FULL gives the size the issue measured (docs/reliability.md
records the suite's cost on each, bench/hostile.py measures it). Nothing is
malformed: every frame is one a careless device or a deliberate attacker on
the link could send, built so that one table of the suite grows with the
capture, or one of its labels is forged.

  bursts        4,000 devices start bursts to their cloud, which pushes to other
                devices just after: candidate pairs of correlated devices
                (mediated.c pairs, activities, bursts)
  tls_names     one device sends TLS ClientHellos with a new server name to a
                new address of AWS each time: hosts, names, flows, endpoints,
                and one statistic line per name
  relays        1,000 relay relations (a sender and a receiver behind each of
                1,000 remote endpoints), read in one pass with the statistic
  renames       one device renames itself with every DHCP request
  dns_names     DNS answers, each a new 250-byte name for a new address
  dns_answers   DNS responses of 64 records: 8 CNAME chains of 250-byte names
                sharing a long prefix (each name unique), 8 addresses each
  fanout        one device sends to a new public address each packet (no provider):
                flows, endpoints, via names, burst rings, RTT conversations
  lan_mesh      local devices talk to each other in TCP, every pair once:
                pairs of devices on the LAN

The two forged-identity captures (a DHCP request from an internet address
carrying a local device's MAC; DNS and TLS in an Ethernet trailer after the
IP datagram) are small and fixed: write_spoofed_dhcp, write_trailer_names.
"""
import argparse
import ipaddress
import os
import random
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "captures"))
import pcapgen  # noqa: E402
from pcapgen import ETH_IPV4, TCP_ACK, TCP_PSH, TCP_SYN, dns_name, ether, ip, tcp, udp  # noqa: E402

EPOCH = 1528538400              # 2018-06-09 10:00 UTC, the talk's day
ROUTER_MAC = "00:11:22:33:44:55"
AWS_EC2_US_EAST_1 = int(ipaddress.IPv4Address("3.208.0.0"))     # 3.208.0.0/12: AWS EC2 us-east-1
PUBLIC_BASE = int(ipaddress.IPv4Address("45.0.0.0"))            # no provider range, not local

# The size each attack had in issue 20 (frames).
FULL = {
    "bursts": 1_000_000,
    "tls_names": 1_000_000,
    "relays": 100_000,
    "renames": 1_000_000,
    "dns_names": 1_000_000,
    "dns_answers": 100_000,
    "fanout": 1_000_000,
    "lan_mesh": 1_000_000,
}


def v4(n):
    return str(ipaddress.IPv4Address(n & 0xFFFFFFFF))


def local_addr(i):
    """10.x.y.z for device i (never .0 or .255)."""
    return v4(0x0A000000 | (i // 250) << 8 | (i % 250 + 2))


def device_mac(i):
    return "00:0e:58:%02x:%02x:%02x" % (i >> 16 & 0xFF, i >> 8 & 0xFF, i & 0xFF)     # a Sonos OUI


def frame(src_mac, dst_mac, src, dst, proto, segment):
    ethertype, packet = ip(src, dst, proto, segment)
    return ether(src_mac, dst_mac, ethertype, packet)


def tls_app_data(n=40):
    return pcapgen.tls_record(23, bytes(n))


def write_bursts(path, packets):
    """Even frames: device (k mod D) sends a record to its own AWS address
    after seconds of silence (a burst starts); odd frames: AWS pushes to
    another device (a push starts). Every push follows 16 recent bursts of
    other devices: each time, up to 16 new candidate pairs."""
    devices = max(16, min(4000, packets // 250))
    step = 4.0 / devices                # each device's turn comes every ~4 s: every send starts a burst
    payload = tls_app_data()
    with pcapgen.PcapWriter(path) as out:
        for k in range(packets):
            turn = k // 2
            if k % 2 == 0:
                d = turn % devices
                seg = tcp(40000 + d % 20000, 443, turn, 1, TCP_PSH | TCP_ACK, payload)
                out.add(EPOCH + k * step / 2, frame(device_mac(d), ROUTER_MAC, local_addr(d),
                                                    v4(AWS_EC2_US_EAST_1 + d), 6, seg))
            else:
                d = (turn * 7919 + 1) % devices
                seg = tcp(443, 40000 + d % 20000, turn, 1, TCP_PSH | TCP_ACK, payload)
                out.add(EPOCH + k * step / 2, frame(ROUTER_MAC, device_mac(d), v4(AWS_EC2_US_EAST_1 + d),
                                                    local_addr(d), 6, seg))


def write_tls_names(path, packets):
    """One device, a ClientHello with a new server name to a new AWS address
    each frame."""
    rnd = bytes(32)
    share = bytes(range(32))
    with pcapgen.PcapWriter(path) as out:
        for i in range(packets):
            name = f"h{i:07d}.tenant-{i % 9973:04d}.example-iot-cloud.com"
            hello = pcapgen.tls_record(22, pcapgen.tls_client_hello(name, rnd, key_share=share), version=0x0301)
            seg = tcp(40000 + i % 20000, 443, i, 1, TCP_PSH | TCP_ACK, hello)
            out.add(EPOCH + i * 0.0001, frame(device_mac(1), ROUTER_MAC, local_addr(1),
                                              v4(AWS_EC2_US_EAST_1 + i), 6, seg))


def write_relays(path, packets, relations=1000):
    """Remote endpoint j (an AWS address, port 3478) receives from device j and
    sends to device j+1: one relay relation each, all at the same time."""
    relations = max(2, min(relations, packets // 20))
    data = bytes(200)
    with pcapgen.PcapWriter(path) as out:
        for k in range(packets):
            j = (k // 2) % relations
            t = EPOCH + k * 0.0005
            remote = v4(AWS_EC2_US_EAST_1 + 0x80000 + j)
            if k % 2 == 0:
                out.add(t, frame(device_mac(j), ROUTER_MAC, local_addr(j), remote, 17,
                                 udp(50000 + j % 10000, 3478, data)))
            else:
                r = (j + 1) % relations
                out.add(t, frame(ROUTER_MAC, device_mac(r), remote, local_addr(r), 17,
                                 udp(3478, 50000 + r % 10000, data)))


def write_renames(path, packets):
    """One device sends DHCP requests, each with a new host name."""
    device = device_mac(7)
    with pcapgen.PcapWriter(path) as out:
        for i in range(packets):
            message = pcapgen.dhcp_message(1, i, device, [(53, [3]), (12, f"renamed-{i:07d}-{'x' * 40}"),
                                                          (60, f"vendor-{i:07d}"), (55, [1, 3, 6, 15])])
            out.add(EPOCH + i * 0.001, frame(device, "ff:ff:ff:ff:ff:ff", "0.0.0.0", "255.255.255.255", 17,
                                             udp(68, 67, message)))


def long_name(i, length=250, prefix="q"):
    """A name of `length` bytes (63-byte labels) ending in the unique number i."""
    tail = f".{prefix}{i:08d}.example.net"
    body = length - len(tail)
    labels, left = [], body
    while left > 0:
        size = min(63, left - 1) if left > 1 else 1
        labels.append("a" * size)
        left -= size + 1
    text = ".".join(labels)
    return (text + tail)[-length:].lstrip(".")


def write_dns_names(path, packets):
    """A client asks a new 250-byte name and gets a new public address for it."""
    client, resolver = local_addr(3), "10.0.0.1"
    with pcapgen.PcapWriter(path) as out:
        for k in range(packets):
            i = k // 2
            name = long_name(i)
            port = 1024 + i % 60000
            t = EPOCH + k * 0.0005
            if k % 2 == 0:
                msg = pcapgen.dns_message(i & 0xFFFF, name)
                out.add(t, frame(device_mac(3), ROUTER_MAC, client, resolver, 17, udp(port, 53, msg)))
            else:
                msg = pcapgen.dns_message(i & 0xFFFF, name, response=True, answers=[(name, 1, 60, v4(PUBLIC_BASE + i))])
                out.add(t, frame(ROUTER_MAC, device_mac(3), resolver, client, 17, udp(53, port, msg)))


def dns_answers_message(i):
    """8 chains of 7 CNAMEs (250-byte names that differ only near their end)
    and an A record at the end of each: 64 answers. Within a chain each
    record's owner is a compression pointer to the target before it, as a
    resolver writes them; the first chain starts at the question."""
    body = dns_name(long_name(i * 64, prefix="c0n0x")) + struct.pack("!HH", 1, 1)
    for c in range(8):
        owner = struct.pack("!H", 0xC000 | 12) if c == 0 else dns_name(long_name(i * 64 + c * 8, prefix=f"c{c}n0x"))
        for n in range(8):
            if n == 7:
                rtype, rdata = 1, ipaddress.IPv4Address(PUBLIC_BASE + 0x100000 + (i * 8 + c) % 0xFFFFF).packed
            else:
                rtype, rdata = 5, dns_name(long_name(i * 64 + c * 8 + n + 1, prefix=f"c{c}n{n + 1}x"))
            head = owner + struct.pack("!HHIH", rtype, 1, 60, len(rdata))
            target = 12 + len(body) + len(head)         # where this record's data starts
            body += head + rdata
            # A pointer reaches 14 bits: past 16 kB the name is written out again.
            owner = struct.pack("!H", 0xC000 | target) if target < 0x4000 else rdata
    return struct.pack("!HHHHHH", i & 0xFFFF, 0x8180, 1, 64, 0, 0) + body


def write_dns_answers(path, packets):
    client, resolver = local_addr(4), "10.0.0.1"
    with pcapgen.PcapWriter(path) as out:
        for i in range(packets):
            out.add(EPOCH + i * 0.001, frame(ROUTER_MAC, device_mac(4), resolver, client, 17,
                                             udp(53, 1024 + i % 60000, dns_answers_message(i))))


def write_fanout(path, packets):
    """One device sends a datagram to a new public address (no provider) each frame."""
    data = bytes(32)
    with pcapgen.PcapWriter(path) as out:
        for i in range(packets):
            out.add(EPOCH + i * 0.0002, frame(device_mac(5), ROUTER_MAC, local_addr(5), v4(PUBLIC_BASE + i), 17,
                                              udp(40000 + i % 20000, 47000 + i % 100, data)))


def write_lan_mesh(path, packets):
    """Local devices open TCP to each other, a new pair every frame."""
    devices = max(16, min(4000, int((2 * packets) ** 0.5) + 1))
    with pcapgen.PcapWriter(path) as out:
        k = 0
        for a in range(devices):
            for b in range(a + 1, devices):
                if k == packets:
                    return
                seg = tcp(40000 + b % 20000, 8080, k, 0, TCP_SYN)
                out.add(EPOCH + k * 0.0005, frame(device_mac(a), device_mac(b), local_addr(a), local_addr(b), 6, seg))
                k += 1


# --- forged identities (small, fixed) ----------------------------------------

VICTIM_MAC, VICTIM, DHCP_SERVER = "00:0e:58:c6:83:a4", "192.168.1.40", "192.168.1.1"
ATTACKER = "203.0.113.66"           # an internet address (RFC 5737 documentation space)


def write_spoofed_dhcp(path, packets=0):
    """The victim (a Sonos) names itself in DHCP; then a DHCP request with the
    victim's MAC as client arrives from an internet address, through the router,
    calling it "attacker-named"; then the victim talks again."""
    with pcapgen.PcapWriter(path) as out:
        own = pcapgen.dhcp_message(1, 1, VICTIM_MAC, [(53, [3]), (12, "SonosZP"), (50, VICTIM)])
        out.add(EPOCH, frame(VICTIM_MAC, "ff:ff:ff:ff:ff:ff", "0.0.0.0", "255.255.255.255", 17, udp(68, 67, own)))
        ack = pcapgen.dhcp_message(2, 1, VICTIM_MAC, [(53, [5])], yiaddr=VICTIM)
        out.add(EPOCH + 0.01, frame(ROUTER_MAC, VICTIM_MAC, DHCP_SERVER, VICTIM, 17, udp(67, 68, ack)))
        forged = pcapgen.dhcp_message(1, 2, VICTIM_MAC, [(53, [3]), (12, "attacker-named"), (50, VICTIM)])
        out.add(EPOCH + 1, frame(ROUTER_MAC, "ff:ff:ff:ff:ff:ff", ATTACKER, "255.255.255.255", 17,
                                 udp(68, 67, forged)))
        out.add(EPOCH + 2, frame(ROUTER_MAC, "ff:ff:ff:ff:ff:ff", ATTACKER, DHCP_SERVER, 17, udp(68, 67, forged)))
        hello = pcapgen.tls_record(22, pcapgen.tls_client_hello("msmetrics.ws.sonos.com", bytes(32),
                                                                key_share=bytes(32)), version=0x0301)
        out.add(EPOCH + 3, frame(VICTIM_MAC, ROUTER_MAC, VICTIM, "54.194.162.98", 6,
                                 tcp(40001, 443, 1, 1, TCP_PSH | TCP_ACK, hello)))


TRAILER_CLIENT, TRAILER_RESOLVER = "192.168.1.50", "192.168.1.1"
TRAILER_SERVER = "198.51.100.80"    # RFC 5737: no provider


def write_trailer_names(path, packets=0):
    """Frames whose IP datagram ends before their last bytes: a UDP datagram
    from port 53 with no payload, followed by a DNS answer binding
    trailer-dns.example.com to TRAILER_SERVER; a TCP segment to TRAILER_SERVER:443
    with no payload, followed by a ClientHello for trailer-tls.example.com.
    Then a real, empty-named exchange with the server, so its labels are read."""
    client_mac = "3c:22:fb:00:00:50"
    answer = pcapgen.dns_message(0x7777, "trailer-dns.example.com", response=True,
                                 answers=[("trailer-dns.example.com", 1, 60, TRAILER_SERVER)])
    hello = pcapgen.tls_record(22, pcapgen.tls_client_hello("trailer-tls.example.com", bytes(32),
                                                            key_share=bytes(32)), version=0x0301)
    with pcapgen.PcapWriter(path) as out:
        _, dns_packet = ip(TRAILER_RESOLVER, TRAILER_CLIENT, 17, udp(53, 40000, b""))
        out.add(EPOCH, ether(ROUTER_MAC, client_mac, ETH_IPV4, dns_packet) + udp(53, 40000, answer)[8:])
        _, tcp_packet = ip(TRAILER_CLIENT, TRAILER_SERVER, 6, tcp(40001, 443, 1, 1, TCP_ACK))
        out.add(EPOCH + 1, ether(client_mac, ROUTER_MAC, ETH_IPV4, tcp_packet) + hello)
        _, later = ip(TRAILER_CLIENT, TRAILER_SERVER, 6, tcp(40001, 443, 2, 1, TCP_ACK, b"\x17\x03\x03\x00\x01\x00"))
        out.add(EPOCH + 2, ether(client_mac, ROUTER_MAC, ETH_IPV4, later))


ATTACKS = {name: globals()[f"write_{name}"] for name in FULL}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("attacks", nargs="*", default=list(ATTACKS), help="which attacks (default: all)")
    parser.add_argument("--out", type=Path, default=Path("hostile"), help="folder for NAME.pcap")
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full size")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name in args.attacks:
        packets = max(20, int(FULL[name] * args.scale))
        path = args.out / f"{name}.pcap"
        ATTACKS[name](path, packets)
        print(f"{path}: {packets} frames, {os.path.getsize(path) / 1e6:.1f} MB", flush=True)
    write_spoofed_dhcp(args.out / "spoofed_dhcp.pcap")
    write_trailer_names(args.out / "trailer_names.pcap")


if __name__ == "__main__":
    random.seed(20)
    main()
