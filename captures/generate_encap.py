#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Captures for tests/test_encapsulation.py: one small exchange behind each
link layer and tunnel the byte readers follow (encap_*.pcap), and the odd
packets a careless reader gets wrong (odd_*.pcap).

    python3 captures/generate_encap.py

Each capture is a function named after its file. The exchange is always the
same: a client resolves a name, then opens a TCP connection to the address
it got, the server answering the SYN after RTT seconds; the tests check that
the name is bound to the address and the round trip measured. Addresses are
private or documentation ranges (RFC 1918, RFC 4193, RFC 5737, RFC 3849),
names are under example domains.
"""
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from pcapgen import (DHCP_ACK, DHCP_DISCOVER, ETH_IPV4, ETH_IPV6, LINKTYPE_ETHERNET,  # noqa: E402
                     LINKTYPE_LINUX_SLL, TCP_ACK, TCP_PSH, TCP_SYN, Pcap, _fill_checksum, dhcp_message,
                     dhcp_option, dns_message, ether_pad, ip, ipv4, ipv6, linux_sll, mac, tcp, udp,
                     write_scenarios)

LINKTYPE_NULL = 0
LINKTYPE_IEEE802_11 = 105
LINKTYPE_LOOP = 108
LINKTYPE_IPV6 = 229
LINKTYPE_LINUX_SLL2 = 276

# 2018-06-10 10:00:00 UTC, the day after the talk's captures.
EPOCH = 1528624800
CLIENT, RESOLVER = "192.168.10.20", "192.168.10.1"
CLIENT6, RESOLVER6 = "fd00:10::20", "fd00:10::1"
CLIENT_MAC, ROUTER_MAC = "3c:22:fb:10:00:20", "00:11:22:10:00:01"
TUNNEL_A, TUNNEL_B = "10.0.0.1", "10.0.0.2"
RTT = 0.024
ETH_VLAN, ETH_QINQ, ETH_PPPOE_SESSION = 0x8100, 0x88A8, 0x8864
VXLAN_PORT = 4789


def exchange(name, server, rtt=RTT, sport=40001):
    """The client resolves name (A or AAAA by the server's family) and opens
    a connection to server:443. Returns (time, outbound, ethertype, packet)."""
    v6 = ":" in server
    client, resolver = (CLIENT6, RESOLVER6) if v6 else (CLIENT, RESOLVER)
    qtype = 28 if v6 else 1
    frames = []

    def send(t, outbound, remote, proto, segment):
        src, dst = (client, remote) if outbound else (remote, client)
        frames.append((t, outbound) + ip(src, dst, proto, segment))

    send(0.0, True, resolver, 17, udp(sport, 53, dns_message(0x4200, name, qtype=qtype)))
    send(0.008, False, resolver, 17, udp(53, sport, dns_message(0x4200, name, qtype=qtype, response=True,
                                                                 answers=[(name, qtype, 60, server)])))
    send(0.100, True, server, 6, tcp(sport + 1, 443, 100, 0, TCP_SYN))
    send(0.100 + rtt, False, server, 6, tcp(443, sport + 1, 9000, 101, TCP_SYN | TCP_ACK))
    send(0.100 + rtt + 0.0001, True, server, 6, tcp(sport + 1, 443, 101, 9001, TCP_ACK))
    return frames


def wrapped(linktype, name, server, wrap):
    """The exchange, each IP packet wrapped by wrap(outbound, ethertype, packet)."""
    pcap = Pcap(linktype)
    for t, outbound, ethertype, packet in exchange(name, server):
        pcap.add(EPOCH + t, wrap(outbound, ethertype, packet))
    return pcap


def ethernet(outbound, ethertype, payload, tags=(), pad=True):
    """An Ethernet frame between the client and the router, with 802.1Q/802.1ad
    tags (tpid, vid) and padding to the 60-byte minimum, as sent."""
    src, dst = (CLIENT_MAC, ROUTER_MAC) if outbound else (ROUTER_MAC, CLIENT_MAC)
    header = mac(dst) + mac(src) + b"".join(struct.pack("!HH", tpid, vid) for tpid, vid in tags)
    frame = header + struct.pack("!H", ethertype) + payload
    return ether_pad(frame) if pad else frame


def tunnel(outbound, proto, payload):
    """An Ethernet frame between the two tunnel end points carrying payload as
    IP protocol proto (GRE, UDP for VXLAN, IPv4 or IPv6 in IPv4)."""
    src, dst = (TUNNEL_A, TUNNEL_B) if outbound else (TUNNEL_B, TUNNEL_A)
    _, packet = ip(src, dst, proto, payload)
    return ethernet(outbound, ETH_IPV4, packet)


# --- link layers ------------------------------------------------------------

def encap_vlan():
    """802.1Q: one tag."""
    return wrapped(LINKTYPE_ETHERNET, "vlan.example-iot.net", "203.0.113.11",
                   lambda out, et, pkt: ethernet(out, et, pkt, tags=[(ETH_VLAN, 100)]))


def encap_qinq():
    """802.1ad: a service tag, then a customer tag."""
    return wrapped(LINKTYPE_ETHERNET, "qinq.example-iot.net", "203.0.113.12",
                   lambda out, et, pkt: ethernet(out, et, pkt, tags=[(ETH_QINQ, 200), (ETH_VLAN, 100)]))


def encap_pppoe():
    """A PPPoE session (RFC 2516), as on DSL uplinks."""
    def wrap(outbound, ethertype, packet):
        ppp = struct.pack("!H", 0x0021 if ethertype == ETH_IPV4 else 0x0057) + packet
        session = struct.pack("!BBHH", 0x11, 0x00, 0x2A2A, len(ppp)) + ppp
        return ethernet(outbound, ETH_PPPOE_SESSION, session)
    return wrapped(LINKTYPE_ETHERNET, "pppoe.example-iot.net", "203.0.113.13", wrap)


def encap_sll():
    """Linux cooked capture v1 (tcpdump -i any)."""
    return wrapped(LINKTYPE_LINUX_SLL, "sll.example-iot.net", "203.0.113.14",
                   lambda out, et, pkt: linux_sll(et, pkt, packet_type=4 if out else 0,
                                                  src_mac=CLIENT_MAC if out else ROUTER_MAC))


def encap_sll2():
    """Linux cooked capture v2: protocol first, then interface, address."""
    def wrap(outbound, ethertype, packet):
        address = mac(CLIENT_MAC if outbound else ROUTER_MAC) + b"\0\0"
        return struct.pack("!HHIHBB8s", ethertype, 0, 2, 1, 4 if outbound else 0, 6, address) + packet
    return wrapped(LINKTYPE_LINUX_SLL2, "sll2.example-iot.net", "203.0.113.15", wrap)


def encap_null():
    """BSD loopback (DLT_NULL), AF_INET in a little-endian host's order."""
    return wrapped(LINKTYPE_NULL, "null.example-iot.net", "203.0.113.16",
                   lambda out, et, pkt: struct.pack("<I", 2) + pkt)


def encap_loop():
    """OpenBSD loopback (DLT_LOOP): AF_INET6 (24) in network byte order."""
    return wrapped(LINKTYPE_LOOP, "loop.example-iot.net", "2001:db8:443::17",
                   lambda out, et, pkt: struct.pack("!I", 24) + pkt)


def encap_raw_ipv6():
    """Raw IPv6 (LINKTYPE_IPV6), no link header at all."""
    return wrapped(LINKTYPE_IPV6, "raw6.example-iot.net", "2001:db8:443::18", lambda out, et, pkt: pkt)


def wifi(outbound, ethertype, packet, qos):
    """An 802.11 data frame to (outbound) or from the access point, with
    LLC/SNAP; QoS data frames carry a QoS control field (TID 5)."""
    ap = ROUTER_MAC
    frame_control = struct.pack("<BB", 0x88 if qos else 0x08, 0x01 if outbound else 0x02)
    addresses = (ap, CLIENT_MAC, ROUTER_MAC) if outbound else (CLIENT_MAC, ap, ROUTER_MAC)
    header = frame_control + struct.pack("<H", 0) + b"".join(mac(a) for a in addresses) + struct.pack("<H", 0)
    if qos:
        header += struct.pack("<H", 5)
    return header + b"\xaa\xaa\x03\x00\x00\x00" + struct.pack("!H", ethertype) + packet


def encap_wifi_data():
    """802.11 data frames without QoS."""
    return wrapped(LINKTYPE_IEEE802_11, "wifi.example-iot.net", "203.0.113.19",
                   lambda out, et, pkt: wifi(out, et, pkt, qos=False))


def encap_wifi_qos():
    """802.11 QoS data frames."""
    return wrapped(LINKTYPE_IEEE802_11, "wifi-qos.example-iot.net", "203.0.113.20",
                   lambda out, et, pkt: wifi(out, et, pkt, qos=True))


# --- tunnels ------------------------------------------------------------------

def encap_gre():
    """GRE (RFC 2784) with a key (RFC 2890) between two routers."""
    def wrap(outbound, ethertype, packet):
        return tunnel(outbound, 47, struct.pack("!HHI", 0x2000, ethertype, 0x00000A0A) + packet)
    return wrapped(LINKTYPE_ETHERNET, "gre.example-iot.net", "203.0.113.21", wrap)


def encap_vxlan():
    """VXLAN (RFC 7348, UDP 4789): the home network's frames, Ethernet and
    all, between two tunnel end points; the source port varies by flow."""
    def wrap(outbound, ethertype, packet):
        inner = ethernet(outbound, ethertype, packet, pad=False)
        header = struct.pack("!II", 0x08000000, 4242 << 8)
        sport = 49152 + (len(packet) * 7919) % 16000
        return tunnel(outbound, 17, udp(sport, VXLAN_PORT, header + inner))
    return wrapped(LINKTYPE_ETHERNET, "vxlan.example-iot.net", "203.0.113.22", wrap)


def encap_ipip():
    """IP-in-IP (RFC 2003)."""
    return wrapped(LINKTYPE_ETHERNET, "ipip.example-iot.net", "203.0.113.23",
                   lambda out, et, pkt: tunnel(out, 4, pkt))


def encap_6in4():
    """IPv6 in IPv4 (RFC 4213, protocol 41), as tunnel brokers give it."""
    return wrapped(LINKTYPE_ETHERNET, "6in4.example-iot.net", "2001:db8:443::24",
                   lambda out, et, pkt: tunnel(out, 41, pkt))


# --- odd packets ----------------------------------------------------------------

class Lan:
    """Ethernet frames between the client (or another local host) and the world."""

    def __init__(self):
        self.pcap = Pcap()

    def send(self, t, src, dst, proto, segment, outbound=True, trailer=b""):
        ethertype, packet = ip(src, dst, proto, segment)
        self.pcap.add(EPOCH + t, ethernet(outbound, ethertype, packet) + trailer)

    def handshake(self, t, client, server, sport, dport, rtt=RTT):
        self.send(t, client, server, 6, tcp(sport, dport, 100, 0, TCP_SYN))
        self.send(t + rtt, server, client, 6, tcp(dport, sport, 9000, 101, TCP_SYN | TCP_ACK), outbound=False)
        self.send(t + rtt + 0.0001, client, server, 6, tcp(sport, dport, 101, 9001, TCP_ACK))


def odd_tcp_data_offset():
    """An HTTP request whose TCP header claims 4 words (16 bytes): its last
    four bytes (checksum, urgent pointer) read "GET ", so a reader that trusts
    the offset sees a request for offset.example. Wireshark calls the header
    bogus. A well-formed request for control.example follows, to another
    server. Each server then gets a new connection."""
    lan = Lan()
    bogus, control = "203.0.113.31", "203.0.113.32"
    lan.handshake(0.0, CLIENT, bogus, 41000, 80)
    header = struct.pack("!HHIIBBH", 41000, 80, 101, 9001, 4 << 4, TCP_PSH | TCP_ACK, 65535) + b"GET "
    packet = ipv4(CLIENT, bogus, 6, header + b"/ HTTP/1.1\r\nHost: offset.example\r\n\r\n")
    lan.pcap.add(EPOCH + 0.1, ethernet(True, ETH_IPV4, packet))
    lan.handshake(0.2, CLIENT, control, 41001, 80)
    lan.send(0.3, CLIENT, control, 6, tcp(41001, 80, 101, 9001, TCP_PSH | TCP_ACK,
                                          b"GET / HTTP/1.1\r\nHost: control.example\r\n\r\n"))
    lan.handshake(1.0, CLIENT, bogus, 41002, 80)
    lan.handshake(1.1, CLIENT, control, 41003, 80)
    return lan.pcap


def dhcpv6_solicit(duid_mac, options=b""):
    """A DHCPv6 Solicit: client identifier (DUID-LL), elapsed time, options."""
    duid = struct.pack("!HH", 3, 1) + mac(duid_mac)
    return struct.pack("!I", 0x01000000 | 0x5A5A5A) + struct.pack("!HH", 1, len(duid)) + duid + \
        struct.pack("!HHH", 8, 2, 0) + options


def vendor_class_option(enterprise, text):
    data = text.encode()
    return struct.pack("!HHIH", 16, 4 + 2 + len(data), enterprise, len(data)) + data


def odd_dhcpv6_trailer():
    """Two DHCPv6 Solicits with bytes after the IPv6 payload (a switch's
    trailer, padding, an FCS). The first has no vendor class, but its trailer
    looks like one ("PS4", a game console's); the second has a real one
    ("MSFT 5.0") followed by zeros and an FCS."""
    pcap = Pcap()
    for t, host_mac, link_local, options, trailer in [
            (0.0, "3c:22:fb:10:00:41", "fe80::3e22:fbff:fe10:41", b"",
             vendor_class_option(311, "PS4")),
            (0.5, "3c:22:fb:10:00:42", "fe80::3e22:fbff:fe10:42", vendor_class_option(311, "MSFT 5.0"),
             b"\0" * 6 + b"\xde\xad\xbe\xef")]:
        _, packet = ip(link_local, "ff02::1:2", 17, udp(546, 547, dhcpv6_solicit(host_mac, options)))
        frame = mac("33:33:00:01:00:02") + mac(host_mac) + struct.pack("!H", ETH_IPV6) + packet + trailer
        pcap.add(EPOCH + t, frame)
    return pcap


def destination_options(count, upper):
    """count destination-options headers (8 bytes each, a PadN option),
    chained to the upper-layer protocol."""
    headers = b""
    for i in range(count):
        headers += struct.pack("!BBBB4s", 60 if i + 1 < count else upper, 0, 1, 4, b"\0" * 4)
    return headers


def odd_ipv6_extension_headers():
    """TCP handshakes over IPv6 whose SYN and SYN-ACK carry 8 destination
    options headers (the readers' bound, RFC 8200 sets none), then 9."""
    pcap = Pcap()
    for t, server, count in [(0.0, "2001:db8:443::41", 8), (1.0, "2001:db8:443::42", 9)]:
        for dt, outbound, flags in [(0.0, True, TCP_SYN), (RTT, False, TCP_SYN | TCP_ACK)]:
            src, dst = (CLIENT6, server) if outbound else (server, CLIENT6)
            segment = tcp(42000, 443, 100, 0, flags) if outbound else tcp(443, 42000, 9000, 101, flags)
            packet = ipv6(src, dst, 60, destination_options(count, 6) + _fill_checksum(src, dst, 6, segment))
            pcap.add(EPOCH + t + dt, ethernet(outbound, ETH_IPV6, packet))
    return pcap


def dns_over_tcp(lan, t, sport, segments):
    """A DNS over TCP connection from the client to the resolver: handshake,
    the query, then the resolver's response as the given segments."""
    lan.handshake(t, CLIENT, RESOLVER, sport, 53, rtt=0.002)
    query = dns_message(0x4300, "big.example", qtype=16)
    lan.send(t + 0.003, CLIENT, RESOLVER, 6, tcp(sport, 53, 101, 9001, TCP_PSH | TCP_ACK,
                                                 struct.pack("!H", len(query)) + query))
    seq = 9001
    for i, segment in enumerate(segments):
        lan.send(t + 0.010 + i * 0.001, RESOLVER, CLIENT, 6, tcp(53, sport, seq, 101 + 2 + len(query),
                                                                 TCP_PSH | TCP_ACK, segment), outbound=False)
        seq += len(segment)


def odd_dns_tcp_continuation():
    """A DNS over TCP response split over two segments, its second segment
    starting in the middle of a TXT record whose text, read from the
    segment's third byte as a message, is a response binding evil.example to
    203.0.113.66. Then a whole response in one segment binding
    tcp-dns.example to 203.0.113.67. The client then connects to both."""
    lan = Lan()
    decoy = dns_message(0x6666, "evil.example", response=True, answers=[("evil.example", 1, 60, "203.0.113.66")])
    text = b"xx" + decoy + b"-" * 40
    question = dns_message(0x4300, "big.example", qtype=16)[12:]
    txt_rdata = bytes([len(text)]) + text
    answer = b"\xc0\x0c" + struct.pack("!HHIH", 16, 1, 60, len(txt_rdata)) + txt_rdata
    response = struct.pack("!HHHHHH", 0x4300, 0x8180, 1, 1, 0, 0) + question + answer
    stream = struct.pack("!H", len(response)) + response
    split = stream.index(b"xx" + decoy)
    dns_over_tcp(lan, 0.0, 43000, [stream[:split], stream[split:]])
    whole = dns_message(0x4300, "tcp-dns.example", response=True,
                        answers=[("tcp-dns.example", 1, 60, "203.0.113.67")])
    dns_over_tcp(lan, 0.5, 43001, [struct.pack("!H", len(whole)) + whole])
    lan.handshake(1.0, CLIENT, "203.0.113.66", 43002, 443)
    lan.handshake(1.1, CLIENT, "203.0.113.67", 43003, 443)
    return lan.pcap


def odd_dns_rdata_overrun():
    """A DNS response whose PTR record's data (6 bytes: the label "vpn01")
    ends before its name does: read on, the name would take the next record's
    owner, mail.example.com, and become vpn01.mail.example.com. The next
    record, an A record of mail.example.com, is well formed. Then the client
    connects to both addresses."""
    lan = Lan()
    question = dns_message(0x4400, "7.113.0.203.in-addr.arpa", qtype=12)[12:]
    ptr = b"\xc0\x0c" + struct.pack("!HHIH", 12, 1, 60, 6) + b"\x05vpn01"
    a = b"\x04mail\x07example\x03com\x00" + struct.pack("!HHIH", 1, 1, 60, 4) + bytes([203, 0, 113, 8])
    response = struct.pack("!HHHHHH", 0x4400, 0x8180, 1, 2, 0, 0) + question + ptr + a
    lan.send(0.0, RESOLVER, CLIENT, 17, udp(53, 44000, response), outbound=False)
    lan.handshake(1.0, CLIENT, "203.0.113.7", 44001, 443)
    lan.handshake(1.1, CLIENT, "203.0.113.8", 44002, 443)
    return lan.pcap


def odd_dhcp_overload():
    """Two devices join with DHCP. The first puts its host name in the boot
    file field, with option 52 (overload, 1: file) saying so; the second
    splits its host name over two option 12 instances (RFC 3396). Each gets
    its address in an ACK, then looks a name up."""
    pcap = Pcap()
    server = RESOLVER
    devices = [("00:0e:58:aa:00:31", "192.168.10.31", [(53, [DHCP_DISCOVER]), (52, [1]), (55, [1, 3, 6, 15])],
                dhcp_option(12, "Kitchen-Speaker") + b"\xff"),
               ("00:0e:58:aa:00:32", "192.168.10.32", [(53, [DHCP_DISCOVER]), (12, "Living-Room"), (12, "-TV"),
                                                       (55, [1, 3, 6, 15])], b"")]
    for i, (host_mac, address, options, file_options) in enumerate(devices):
        t = i * 1.0
        discover = bytearray(dhcp_message(1, 0x7000 + i, host_mac, options))
        discover[108:108 + len(file_options)] = file_options
        _, packet = ip("0.0.0.0", "255.255.255.255", 17, udp(68, 67, bytes(discover)))
        pcap.add(EPOCH + t, mac("ff:ff:ff:ff:ff:ff") + mac(host_mac) + struct.pack("!H", ETH_IPV4) + packet)
        ack = dhcp_message(2, 0x7000 + i, host_mac, [(53, [DHCP_ACK]), (54, server)], yiaddr=address, siaddr=server)
        _, packet = ip(server, "255.255.255.255", 17, udp(67, 68, ack))
        pcap.add(EPOCH + t + 0.01, mac("ff:ff:ff:ff:ff:ff") + mac(ROUTER_MAC) + struct.pack("!H", ETH_IPV4) + packet)
        _, packet = ip(address, server, 17, udp(45000 + i, 53, dns_message(0x4500 + i, "time.example.org")))
        pcap.add(EPOCH + t + 0.5, mac(ROUTER_MAC) + mac(host_mac) + struct.pack("!H", ETH_IPV4) + packet)
    return pcap


SCENARIOS = [encap_vlan, encap_qinq, encap_pppoe, encap_sll, encap_sll2, encap_null, encap_loop, encap_raw_ipv6,
             encap_wifi_data, encap_wifi_qos, encap_gre, encap_vxlan, encap_ipip, encap_6in4,
             odd_tcp_data_offset, odd_dhcpv6_trailer, odd_ipv6_extension_headers, odd_dns_tcp_continuation,
             odd_dns_rdata_overrun, odd_dhcp_overload]


def main():
    write_scenarios(SCENARIOS, HERE)


if __name__ == "__main__":
    main()
