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


def write_scenarios(scenarios, folder):
    """Each scenario's capture as <folder>/<its function's name>.pcap; prints each path."""
    for scenario in scenarios:
        path = f"{folder}/{scenario.__name__}.pcap"
        scenario().write(path)
        print(path)


def linux_sll(ethertype, payload, packet_type=0, src_mac="00:00:00:00:00:00"):
    return struct.pack("!HHH8sH", packet_type, 1, 6, mac(src_mac) + b"\0\0", ethertype) + payload


# ---------------------------------------------------------------------------
# Additions for bench/gen_bench.py. Everything below is new; nothing above
# changes. Builders return bytes of one protocol layer, like those above.
# ---------------------------------------------------------------------------

class PcapWriter:
    """Streaming libpcap writer: frames go straight to the file, so captures
    of millions of frames need no memory. Time stamps that do not increase
    are nudged to 1 us after the previous one, so the file is strictly ordered.
    Use as a context manager, or call close()."""

    def __init__(self, path, linktype=LINKTYPE_ETHERNET, snaplen=262144):
        self.out = open(path, "wb", buffering=1 << 20)
        self.out.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, snaplen, linktype))
        self.last_usec, self.count = -1, 0

    def add(self, time, frame, wire_len=None):
        usec_total = max(round(time * 1_000_000), self.last_usec + 1)
        self.last_usec = usec_total
        self.out.write(struct.pack("<IIII", usec_total // 1_000_000, usec_total % 1_000_000,
                                   len(frame), wire_len or len(frame)) + frame)
        self.count += 1

    def close(self):
        self.out.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def ether_pad(frame, minimum=60):
    """Pad an Ethernet frame (without FCS) to the 60-byte minimum with zeros."""
    return frame + b"\0" * (minimum - len(frame)) if len(frame) < minimum else frame


def ipv6_link_local(mac_text):
    """fe80:: address with the modified EUI-64 interface id of a MAC."""
    raw = bytearray(mac(mac_text))
    raw[0] ^= 0x02
    iid = bytes(raw[:3]) + b"\xff\xfe" + bytes(raw[3:])
    return str(ipaddress.IPv6Address(b"\xfe\x80" + b"\0" * 6 + iid))


def multicast_mac(group):
    """Ethernet destination of an IPv4 (01:00:5e) or IPv6 (33:33) multicast group."""
    packed = ipaddress.ip_address(group).packed
    if len(packed) == 4:
        return "01:00:5e:%02x:%02x:%02x" % (packed[1] & 0x7F, packed[2], packed[3])
    return "33:33:%02x:%02x:%02x:%02x" % tuple(packed[12:])


def arp_reply(sender_mac, sender_ip, target_mac, target_ip):
    return struct.pack("!HHBBH6s4s6s4s", 1, ETH_IPV4, 6, 4, 2, mac(sender_mac),
                       ipaddress.IPv4Address(sender_ip).packed, mac(target_mac),
                       ipaddress.IPv4Address(target_ip).packed)


def tcp_options(sport, dport, seq, ack, flags, options=b"", payload=b"", window=65535):
    """TCP header with options (padded with NOPs to 32 bits); checksum left 0 for ip()."""
    options += b"\x01" * (-len(options) % 4)
    return struct.pack("!HHIIBBHHH", sport, dport, seq, ack, (5 + len(options) // 4) << 4, flags,
                       window, 0, 0) + options + payload


def tcp_syn_options(mss=1460, wscale=8, sack=True):
    """The MSS, NOP, window scale, NOP, NOP, SACK-permitted options of a typical SYN."""
    out = struct.pack("!BBH", 2, 4, mss)
    if wscale is not None:
        out += struct.pack("!BBBB", 1, 3, 3, wscale)
    if sack:
        out += b"\x01\x01\x04\x02"
    return out


# --- DNS / mDNS -------------------------------------------------------------

DNS_A, DNS_NS, DNS_CNAME, DNS_SOA, DNS_PTR, DNS_TXT, DNS_AAAA, DNS_SRV, DNS_HTTPS = \
    1, 2, 5, 6, 12, 16, 28, 33, 65


def dns_rr(name, rtype, rdata, ttl=300, rclass=1):
    """One resource record. rdata by type: A/AAAA an address string; CNAME/PTR/NS
    a name; TXT a list of str; SRV (priority, weight, port, target);
    SOA (mname, rname, serial, refresh, retry, expire, minimum); else raw bytes.
    rclass 0x8001 is the mDNS cache-flush IN class."""
    if rtype in (DNS_A, DNS_AAAA):
        raw = ipaddress.ip_address(rdata).packed
    elif rtype in (DNS_CNAME, DNS_PTR, DNS_NS):
        raw = dns_name(rdata)
    elif rtype == DNS_TXT:
        raw = b"".join(bytes([len(s.encode())]) + s.encode() for s in rdata) or b"\0"
    elif rtype == DNS_SRV:
        raw = struct.pack("!HHH", *rdata[:3]) + dns_name(rdata[3])
    elif rtype == DNS_SOA:
        raw = dns_name(rdata[0]) + dns_name(rdata[1]) + struct.pack("!IIIII", *rdata[2:])
    else:
        raw = bytes(rdata)
    return dns_name(name) + struct.pack("!HHIH", rtype, rclass, ttl, len(raw)) + raw


def dns_packet(ident, flags, questions=(), answers=(), authority=(), additional=()):
    """A DNS/mDNS message. questions: (name, type[, class]); the record lists hold
    dns_rr() bytes. flags e.g. 0x0100 query, 0x8180 response, 0x8400 mDNS answer."""
    body = b""
    for q in questions:
        body += dns_name(q[0]) + struct.pack("!HH", q[1], q[2] if len(q) > 2 else 1)
    body += b"".join(answers) + b"".join(authority) + b"".join(additional)
    return struct.pack("!HHHHHH", ident, flags, len(questions), len(answers), len(authority),
                       len(additional)) + body


# --- DHCP -------------------------------------------------------------------

DHCP_DISCOVER, DHCP_OFFER, DHCP_REQUEST, DHCP_DECLINE, DHCP_ACK, DHCP_NAK, DHCP_RELEASE, \
    DHCP_INFORM = range(1, 9)


def dhcp_option(code, value):
    """One DHCP option; value is bytes, str, an IPv4 address string or an int list."""
    if isinstance(value, str):
        try:
            value = ipaddress.IPv4Address(value).packed
        except ValueError:
            value = value.encode()
    elif isinstance(value, (list, tuple)):
        value = bytes(value)
    return bytes([code, len(value)]) + value


def dhcp_message(op, xid, chaddr, options, ciaddr="0.0.0.0", yiaddr="0.0.0.0",
                 siaddr="0.0.0.0", giaddr="0.0.0.0", secs=0, flags=0):
    """BOOTP/DHCP message (op 1 request, 2 reply). options: dhcp_option() bytes,
    or (code, value) pairs; the End option and padding to 300 bytes are added."""
    opts = b"".join(o if isinstance(o, bytes) else dhcp_option(*o) for o in options) + b"\xff"
    body = struct.pack("!BBBBIHH4s4s4s4s16s64s128s", op, 1, 6, 0, xid, secs, flags,
                       ipaddress.IPv4Address(ciaddr).packed, ipaddress.IPv4Address(yiaddr).packed,
                       ipaddress.IPv4Address(siaddr).packed, ipaddress.IPv4Address(giaddr).packed,
                       mac(chaddr), b"", b"") + b"\x63\x82\x53\x63" + opts
    return body + b"\0" * (300 - len(body)) if len(body) < 300 else body


def dhcp_fqdn(name, flags=0x00):
    """Option 81 value (client FQDN, ASCII encoding when flags bit E is clear)."""
    return bytes([flags, 0, 0]) + (dns_name(name) if flags & 0x04 else name.encode())


# --- SSDP / HTTP / NTP ------------------------------------------------------

SSDP_GROUP, MDNS_GROUP, MDNS_GROUP6 = "239.255.255.250", "224.0.0.251", "ff02::fb"


def _http_head(first_line, headers):
    return (first_line + "\r\n" + "".join("%s: %s\r\n" % kv for kv in headers) + "\r\n").encode()


def ssdp_notify(location, nt, usn, server, max_age=1800, nts="ssdp:alive"):
    return _http_head("NOTIFY * HTTP/1.1", [
        ("HOST", "239.255.255.250:1900"), ("CACHE-CONTROL", "max-age=%d" % max_age),
        ("LOCATION", location), ("NT", nt), ("NTS", nts), ("SERVER", server), ("USN", usn)])


def ssdp_msearch(st, mx=1, user_agent=None):
    headers = [("HOST", "239.255.255.250:1900"), ("MAN", '"ssdp:discover"'), ("MX", str(mx)),
               ("ST", st)]
    if user_agent:
        headers.append(("USER-AGENT", user_agent))
    return _http_head("M-SEARCH * HTTP/1.1", headers)


def ssdp_response(location, st, usn, server, max_age=1800, date="Tue, 12 Mar 2024 09:00:00 GMT"):
    return _http_head("HTTP/1.1 200 OK", [
        ("CACHE-CONTROL", "max-age=%d" % max_age), ("DATE", date), ("EXT", ""),
        ("LOCATION", location), ("SERVER", server), ("ST", st), ("USN", usn)])


def http_request(method, path, host, user_agent, headers=(), body=b""):
    """HTTP/1.1 request; headers is a list of (name, value) after Host/User-Agent."""
    hdrs = [("Host", host), ("User-Agent", user_agent)] + list(headers)
    if body:
        hdrs.append(("Content-Length", str(len(body))))
    return _http_head("%s %s HTTP/1.1" % (method, path), hdrs) + body


def http_response_head(status, reason, content_length, content_type="application/octet-stream",
                       headers=()):
    """HTTP/1.1 response head; the caller sends content_length body bytes after it."""
    return _http_head("HTTP/1.1 %d %s" % (status, reason), [
        ("Content-Type", content_type), ("Content-Length", str(content_length))] + list(headers))


NTP_EPOCH_OFFSET = 2208988800


def ntp_timestamp(unix_time):
    secs = int(unix_time)
    return struct.pack("!II", (secs + NTP_EPOCH_OFFSET) & 0xFFFFFFFF,
                       int((unix_time - secs) * (1 << 32)) & 0xFFFFFFFF)


def ntp_packet(mode, transmit, origin=None, receive=None, stratum=0, refid=b"\0\0\0\0",
               reference=None, poll=6, precision=-20, version=4):
    """NTPv4 packet: mode 3 client (only transmit set) or 4 server. Times are unix floats."""
    def ts(value):
        return ntp_timestamp(value) if value else b"\0" * 8
    return struct.pack("!BBbbII4s", (version << 3) | mode, stratum, poll, precision,
                       0 if mode == 3 else 0x00000200, 0 if mode == 3 else 0x00000400, refid) + \
        ts(reference) + ts(origin) + ts(receive) + ts(transmit)


# --- TLS --------------------------------------------------------------------

TLS_HANDSHAKE, TLS_CCS, TLS_ALERT, TLS_APPDATA = 22, 20, 21, 23


def tls_record(content_type, body, version=0x0303):
    return struct.pack("!BHH", content_type, version, len(body)) + body


def tls_ext(ext_type, data=b""):
    return struct.pack("!HH", ext_type, len(data)) + data


def _vec8(data):
    return bytes([len(data)]) + data


def _vec16(data):
    return struct.pack("!H", len(data)) + data


TLS13_CIPHERS = (0x1301, 0x1302, 0x1303)
TLS12_CIPHERS = (0xC02B, 0xC02F, 0xC02C, 0xC030, 0xCCA9, 0xCCA8, 0xC013, 0xC014, 0x009C, 0x009D,
                 0x002F, 0x0035)
TLS_SIG_ALGS = (0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601)


def tls_client_hello(sni, random, key_share=None, session_id=b"", alpn=("h2", "http/1.1"),
                     tls13=True, ciphers=None, quic_transport_parameters=None,
                     session_ticket=b""):
    """ClientHello handshake message (4-byte handshake header, no record header)
    with SNI. random: 32 bytes; key_share: 32-byte x25519 share (TLS 1.3).
    quic_transport_parameters: the encoded parameters (extension 0x39) for QUIC,
    which also drops the TCP-only extensions. Wrap with tls_record() for TCP or
    put in a QUIC CRYPTO frame."""
    quic = quic_transport_parameters is not None
    if ciphers is None:
        ciphers = TLS13_CIPHERS if quic else (TLS13_CIPHERS if tls13 else ()) + TLS12_CIPHERS
    host = sni.encode()
    exts = tls_ext(0, _vec16(b"\0" + _vec16(host)))
    if not quic:
        exts += tls_ext(0x17) + tls_ext(0xFF01, b"\0")
    exts += tls_ext(10, _vec16(struct.pack("!HHH", 0x001D, 0x0017, 0x0018)))
    if not quic:
        exts += tls_ext(11, b"\x01\x00") + tls_ext(0x23, session_ticket)
    if alpn:
        exts += tls_ext(16, _vec16(b"".join(_vec8(p.encode()) for p in alpn)))
    if not quic:
        exts += tls_ext(5, b"\x01\0\0\0\0")
    exts += tls_ext(13, _vec16(struct.pack("!%dH" % len(TLS_SIG_ALGS), *TLS_SIG_ALGS)))
    if tls13 or quic:
        exts += tls_ext(51, _vec16(struct.pack("!HH", 0x001D, 32) + key_share))
        exts += tls_ext(45, b"\x01\x01")
        exts += tls_ext(43, b"\x02\x03\x04" if quic else b"\x04\x03\x04\x03\x03")
    if quic:
        exts += tls_ext(0x39, quic_transport_parameters)
    body = struct.pack("!H", 0x0303) + random + _vec8(session_id) + \
        _vec16(struct.pack("!%dH" % len(ciphers), *ciphers)) + b"\x01\x00" + _vec16(exts)
    return struct.pack("!I", (1 << 24) | len(body)) + body


def tls_server_hello(random, cipher, session_id=b"", key_share=None, tls13=True):
    """ServerHello handshake message. TLS 1.3 (key_share: 32-byte x25519 share)
    or TLS 1.2 (renegotiation_info and EMS only, e.g. a session resumption)."""
    if tls13:
        exts = tls_ext(43, b"\x03\x04") + tls_ext(51, struct.pack("!HH", 0x001D, 32) + key_share)
    else:
        exts = tls_ext(0xFF01, b"\0") + tls_ext(0x17)
    body = struct.pack("!H", 0x0303) + random + _vec8(session_id) + struct.pack("!HB", cipher, 0) + \
        _vec16(exts)
    return struct.pack("!I", (2 << 24) | len(body)) + body


# --- QUIC v1 (RFC 9000 / 9001) -----------------------------------------------

QUIC_V1_INITIAL_SALT = bytes.fromhex("38762cf7f55934b34d179ae6a4c80cadccbb7f0a")
QUIC_INITIAL, QUIC_0RTT, QUIC_HANDSHAKE, QUIC_RETRY = range(4)


def quic_varint(value, width=None):
    """RFC 9000 variable-length integer, minimal width unless width (1/2/4/8) is given."""
    if width is None:
        width = 1 if value < 0x40 else 2 if value < 0x4000 else 4 if value < 0x40000000 else 8
    prefix = {1: 0, 2: 0x40, 4: 0x80, 8: 0xC0}[width]
    raw = value.to_bytes(width, "big")
    return bytes([raw[0] | prefix]) + raw[1:]


def quic_transport_parameters(params):
    """Encode (id, value) pairs; int values are varints, bytes are used as they are."""
    out = b""
    for pid, value in params:
        raw = quic_varint(value) if isinstance(value, int) else value
        out += quic_varint(pid) + quic_varint(len(raw)) + raw
    return out


def quic_crypto_frame(offset, data):
    return b"\x06" + quic_varint(offset) + quic_varint(len(data)) + data


def quic_ack_frame(largest, delay=0, first_range=0):
    return b"\x02" + quic_varint(largest) + quic_varint(delay) + b"\x00" + quic_varint(first_range)


def _hkdf_expand_label(secret, label, length):
    import hashlib
    import hmac
    full = b"tls13 " + label
    info = struct.pack("!HB", length, len(full)) + full + b"\0"
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.new(secret, block + info + bytes([counter]), hashlib.sha256).digest()
        out += block
        counter += 1
    return out[:length]


def quic_initial_keys(dcid):
    """{"client": (key, iv, hp), "server": (key, iv, hp)} of the Initial packets of
    a connection whose client chose Destination Connection ID dcid (RFC 9001 5.2)."""
    import hashlib
    import hmac
    initial = hmac.new(QUIC_V1_INITIAL_SALT, dcid, hashlib.sha256).digest()
    keys = {}
    for side in ("client", "server"):
        secret = _hkdf_expand_label(initial, side.encode() + b" in", 32)
        keys[side] = tuple(_hkdf_expand_label(secret, label, n)
                           for label, n in ((b"quic key", 16), (b"quic iv", 12), (b"quic hp", 16)))
    return keys


def quic_long_header(packet_type, dcid, scid, payload_length, token=b"", version=1,
                     pn_len=2, first_byte_low=None):
    """Unprotected long header up to (not including) the packet number.
    payload_length counts packet number, payload and AEAD tag."""
    low = (pn_len - 1) if first_byte_low is None else first_byte_low
    header = bytes([0xC0 | (packet_type << 4) | low]) + struct.pack("!I", version) + \
        _vec8(dcid) + _vec8(scid)
    if packet_type == QUIC_INITIAL:
        header += quic_varint(len(token)) + token
    return header + quic_varint(payload_length, 2)


def quic_protect_long(packet_type, dcid, scid, pn, frames, keys, token=b"", pn_len=2,
                      pad_to=None):
    """A protected long-header packet (RFC 9001 5.3/5.4) with AES-128-GCM and AES
    header protection; keys = (key, iv, hp). pad_to pads the frames with PADDING
    frames so the whole packet is that many bytes. Needs the cryptography package."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    key, iv, hp = keys
    if pad_to is not None:
        overhead = len(quic_long_header(packet_type, dcid, scid, 0, token)) + pn_len + 16
        frames += b"\0" * max(0, pad_to - overhead - len(frames))
    header = quic_long_header(packet_type, dcid, scid, pn_len + len(frames) + 16, token,
                              pn_len=pn_len)
    pn_bytes = pn.to_bytes(pn_len, "big")
    nonce = bytes(a ^ b for a, b in zip(iv, pn.to_bytes(12, "big")))
    sealed = AESGCM(key).encrypt(nonce, frames, header + pn_bytes)
    sample = sealed[4 - pn_len:20 - pn_len]
    mask = Cipher(algorithms.AES(hp), modes.ECB()).encryptor().update(sample)
    first = bytes([header[0] ^ (mask[0] & 0x0F)])
    masked_pn = bytes(a ^ b for a, b in zip(pn_bytes, mask[1:1 + pn_len]))
    return first + header[1:] + masked_pn + sealed


def quic_initial(dcid, scid, pn, frames, server=False, original_dcid=None, token=b"",
                 pad_to=None):
    """A protected QUIC v1 Initial packet. original_dcid: the client's first
    Destination Connection ID, from which the keys derive (defaults to dcid).
    Client Initials must be padded to fill a 1200-byte datagram (pad_to)."""
    keys = quic_initial_keys(original_dcid or dcid)["server" if server else "client"]
    return quic_protect_long(QUIC_INITIAL, dcid, scid, pn, frames, keys, token, pad_to=pad_to)


def quic_opaque_long(packet_type, dcid, scid, protected, first_byte_low=0):
    """A long-header packet (e.g. Handshake) whose packet number and payload are
    the given opaque protected bytes, as an observer without keys sees it."""
    return quic_long_header(packet_type, dcid, scid, len(protected),
                            first_byte_low=first_byte_low & 0x0F) + protected


def quic_short(dcid, protected, first_byte_low=0):
    """A 1-RTT short-header packet: first byte 0x40|low bits, DCID, opaque payload."""
    return bytes([0x40 | (first_byte_low & 0x3F)]) + dcid + protected
