"""pcapgen: build Ethernet/IP/TCP/UDP/ICMP/DNS frames and write pcap files.

Standard library only, so the scenario captures can be regenerated anywhere:
    python3 captures/generate.py
Checksums are computed, so Wireshark shows no checksum errors.
"""
import ipaddress
import struct

LINKTYPE_ETHERNET = 1
LINKTYPE_RAW = 101
LINKTYPE_LINUX_SLL = 113

ETH_IPV4 = 0x0800
ETH_IPV6 = 0x86DD
ETH_ARP = 0x0806
ETH_VLAN = 0x8100

TCP_FIN, TCP_SYN, TCP_RST, TCP_PSH, TCP_ACK = 0x01, 0x02, 0x04, 0x08, 0x10


def mac(text):
    return bytes(int(part, 16) for part in text.split(":"))


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def ether(src, dst, ethertype, payload, vlan=None):
    header = mac(dst) + mac(src)
    if vlan is not None:
        header += struct.pack("!HH", ETH_VLAN, vlan)
    return header + struct.pack("!H", ethertype) + payload


def _pseudo_header(src, dst, proto, length):
    s, d = ipaddress.ip_address(src), ipaddress.ip_address(dst)
    if s.version == 4:
        return s.packed + d.packed + struct.pack("!BBH", 0, proto, length)
    return s.packed + d.packed + struct.pack("!IxxxB", length, proto)


def ipv4(src, dst, proto, payload, ttl=64, ident=0):
    header = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, 0x4000, ttl, proto, 0,
                         ipaddress.IPv4Address(src).packed, ipaddress.IPv4Address(dst).packed)
    header = header[:10] + struct.pack("!H", checksum(header)) + header[12:]
    return header + payload


def ipv6(src, dst, next_header, payload, hop_limit=64):
    return struct.pack("!IHBB16s16s", 0x60000000, len(payload), next_header, hop_limit,
                       ipaddress.IPv6Address(src).packed, ipaddress.IPv6Address(dst).packed) + payload


def ip(src, dst, proto, payload, **kw):
    """IPv4 or IPv6 by the address, with the transport checksum filled in."""
    payload = _fill_checksum(src, dst, proto, payload)
    if ipaddress.ip_address(src).version == 4:
        return ETH_IPV4, ipv4(src, dst, proto, payload, **kw)
    return ETH_IPV6, ipv6(src, dst, proto, payload)


def _fill_checksum(src, dst, proto, segment):
    offsets = {6: 16, 17: 6, 58: 2}
    if proto == 1:
        return segment[:2] + struct.pack("!H", checksum(segment)) + segment[4:]
    if proto not in offsets:
        return segment
    at = offsets[proto]
    value = checksum(_pseudo_header(src, dst, proto, len(segment)) + segment)
    if proto == 17 and value == 0:
        value = 0xFFFF
    return segment[:at] + struct.pack("!H", value) + segment[at + 2:]


def tcp(sport, dport, seq, ack, flags, payload=b"", window=65535):
    return struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 5 << 4, flags, window, 0, 0) + payload


def udp(sport, dport, payload):
    return struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload


def icmp_echo(request, ident, seq, payload=b"\0" * 32, v6=False):
    kind = (128 if request else 129) if v6 else (8 if request else 0)
    return struct.pack("!BBHHH", kind, 0, 0, ident, seq) + payload


def dns_name(name):
    out = b""
    for label in name.rstrip(".").split("."):
        raw = label.encode()
        out += bytes([len(raw)]) + raw
    return out + b"\0"


def dns_message(ident, qname, qtype=1, response=False, answers=(), authority=(), rcode=0):
    """answers/authority: (name, type, ttl, rdata) where rdata is an address or a name."""
    flags = 0x8180 | rcode if response else 0x0100
    body = dns_name(qname) + struct.pack("!HH", qtype, 1)
    for name, rtype, ttl, rdata in list(answers) + list(authority):
        if rtype in (1, 28):
            raw = ipaddress.ip_address(rdata).packed
        else:
            raw = dns_name(rdata)
        body += dns_name(name) + struct.pack("!HHIH", rtype, 1, ttl, len(raw)) + raw
    return struct.pack("!HHHHHH", ident, flags, 1, len(answers), len(authority), 0) + body


def arp_request(sender_mac, sender_ip, target_ip):
    return struct.pack("!HHBBH6s4s6s4s", 1, ETH_IPV4, 6, 4, 1, mac(sender_mac),
                       ipaddress.IPv4Address(sender_ip).packed, b"\0" * 6,
                       ipaddress.IPv4Address(target_ip).packed)


class Pcap:
    """Frames with microsecond time stamps, written in libpcap format."""

    def __init__(self, linktype=LINKTYPE_ETHERNET):
        self.linktype = linktype
        self.frames = []

    def add(self, time, frame, wire_len=None):
        self.frames.append((time, frame, wire_len or len(frame)))

    def write(self, path, snaplen=262144):
        with open(path, "wb") as out:
            out.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, snaplen, self.linktype))
            for time, frame, wire_len in self.frames:
                usec_total = round(time * 1_000_000)
                out.write(struct.pack("<IIII", usec_total // 1_000_000, usec_total % 1_000_000,
                                      len(frame), wire_len))
                out.write(frame)


def linux_sll(ethertype, payload, packet_type=0, src_mac="00:00:00:00:00:00"):
    return struct.pack("!HHH8sH", packet_type, 1, 6, mac(src_mac) + b"\0\0", ethertype) + payload
