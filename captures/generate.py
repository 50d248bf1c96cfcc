#!/usr/bin/env python3
"""Regenerate the scenario captures in this folder from the talk's tables.

    python3 captures/generate.py

Each scenario is a function named after its file. Addresses, names, ports and
timings come from the SharkFest'18 talk "Packet Monitoring in the IoT and Cloud
Days" (Luca Deri); where the talk gives none, documentation-style values are used.
"""
import functools
import ipaddress
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcapgen import (DHCP_ACK, DHCP_DISCOVER, DHCP_OFFER, DHCP_REQUEST, DNS_A, DNS_PTR,  # noqa: E402
                     DNS_SRV, DNS_TXT, ETH_ARP, ETH_IPV4, LINKTYPE_LINUX_SLL, LINKTYPE_RAW, MDNS_GROUP,
                     SSDP_GROUP, TCP_ACK, TCP_FIN, TCP_PSH, TCP_SYN, Pcap, arp_request, dhcp_message,
                     dns_message, dns_packet, dns_rr, ether, http_request, icmp_echo, ip, linux_sll,
                     mac, multicast_mac, ssdp_msearch, ssdp_notify, ssdp_response, tcp, tls_client_hello,
                     tls_record, udp, write_scenarios)

HERE = os.path.dirname(os.path.abspath(__file__))

# 2018-04-11 16:44:00 UTC, the day of Gerald Combs' delta_distance.lua tweet.
TALK_EPOCH = 1523465040
# 2018-06-09 10:00:00 UTC, the day of the talk's Tesla/camera captures.
JUNE_EPOCH = 1528538400

CLIENT_MAC, GATEWAY_MAC = "3c:22:fb:00:00:01", "00:11:22:33:44:55"


def talk_delta_distance():
    """The table of the talk's "Cloud and CDN [8/19]" slide: 12 TCP frames,
    odd ones 1454 bytes from 200.121.1.13, even ones 54-byte ACKs back."""
    times = [0.000000, 0.000011, 0.025738, 0.025749, 0.076967, 0.076978,
             0.102939, 0.102946, 0.128285, 0.128319, 0.154162, 0.154169]
    server, client = "200.121.1.13", "172.16.0.122"
    server_mac, client_mac = "00:1b:21:00:00:0d", "00:1b:21:00:00:7a"
    pcap = Pcap()
    server_seq, client_seq = 1000, 5000
    for index, t in enumerate(times):
        if index % 2 == 0:
            segment = tcp(80, 52438, server_seq, client_seq, TCP_ACK, b"\xa5" * 1400)
            server_seq += 1400
            _, packet = ip(server, client, 6, segment)
            frame = ether(server_mac, client_mac, ETH_IPV4, packet)
        else:
            _, packet = ip(client, server, 6, tcp(52438, 80, client_seq, server_seq, TCP_ACK))
            frame = ether(client_mac, server_mac, ETH_IPV4, packet)
        pcap.add(TALK_EPOCH + t, frame)
    return pcap


class Conversation:
    """Frames between the capture host and one peer, on Ethernet."""

    def __init__(self, pcap, local, remote, vlan=None):
        self.pcap, self.local, self.remote, self.vlan = pcap, local, remote, vlan

    def send(self, t, proto, segment, outbound=True):
        src, dst = (self.local, self.remote) if outbound else (self.remote, self.local)
        ethertype, packet = ip(src, dst, proto, segment)
        macs = (CLIENT_MAC, GATEWAY_MAC) if outbound else (GATEWAY_MAC, CLIENT_MAC)
        self.pcap.add(JUNE_EPOCH + t, ether(*macs, ethertype, packet, vlan=self.vlan))

    def handshake(self, t, sport, dport, rtt, syn_repeats=1, data=True):
        for attempt in range(syn_repeats):
            self.send(t + attempt, 6, tcp(sport, dport, 100, 0, TCP_SYN))
        answered = t + syn_repeats - 1 + rtt
        self.send(answered, 6, tcp(dport, sport, 9000, 101, TCP_SYN | TCP_ACK), outbound=False)
        self.send(answered + 0.00001, 6, tcp(sport, dport, 101, 9001, TCP_ACK))
        if data:
            self.send(answered + 0.0001, 6, tcp(sport, dport, 101, 9001, TCP_PSH | TCP_ACK, b"GET / HTTP/1.1\r\n\r\n"))
            self.send(answered + 0.0001 + rtt, 6, tcp(dport, sport, 9001, 119, TCP_ACK, b"x" * 512), outbound=False)

    def ping(self, t, ident, seq, rtt):
        v6 = ":" in self.local
        proto = 58 if v6 else 1
        self.send(t, proto, icmp_echo(True, ident, seq, v6=v6))
        self.send(t + rtt, proto, icmp_echo(False, ident, seq, v6=v6), outbound=False)

    def dns(self, t, sport, ident, qname, rtt, answers=(), repeats=1):
        for attempt in range(repeats):
            self.send(t + attempt, 17, udp(sport, 53, dns_message(ident, qname)))
        reply = dns_message(ident, qname, response=True, answers=answers)
        self.send(t + repeats - 1 + rtt, 17, udp(53, sport, reply), outbound=False)


def rtt_exchanges():
    """Round trips the capture point can measure, with the talk's timings:
    www.facebook.com answering in 0.9 ms (Wind IT) and 66-79 ms over 3G,
    the IPv6 pings of 1.23/0.939/0.635 ms, and the mydlink relay in AWS."""
    pcap = Pcap()
    me, me6 = "192.168.1.10", "2001:db8:1::10"
    pcap.add(JUNE_EPOCH + 0.0, ether(CLIENT_MAC, "ff:ff:ff:ff:ff:ff", ETH_ARP,
                                     arp_request(CLIENT_MAC, me, "192.168.1.1")))
    Conversation(pcap, me, "31.13.64.35").handshake(0.1, 50001, 443, rtt=0.0009)
    facebook_3g = Conversation(pcap, me, "31.13.86.36")
    facebook_3g.ping(1.0, 0x1234, 1, rtt=0.078956)
    facebook_3g.ping(2.0, 0x1234, 2, rtt=0.066536)
    resolver = Conversation(pcap, me, "192.168.1.1")
    resolver.dns(3.0, 53001, 0xBEEF, "www.facebook.com", rtt=0.0125,
                 answers=[("www.facebook.com", 5, 300, "star-mini.c10r.facebook.com"),
                          ("star-mini.c10r.facebook.com", 1, 60, "31.13.64.35")])
    resolver.dns(4.0, 53002, 0x0101, "www.facebook.com", rtt=0.010, repeats=2)   # retransmitted
    relay = Conversation(pcap, me, "54.194.162.98")
    relay.handshake(6.0, 50002, 2048, rtt=0.030, syn_repeats=2)                  # SYN retransmitted
    Conversation(pcap, me, "54.194.162.98", vlan=10).handshake(8.0, 50003, 80, rtt=0.025)
    mid_stream = Conversation(pcap, me, "93.184.216.34")
    mid_stream.send(8.5, 6, tcp(50005, 443, 7000, 8000, TCP_ACK, b"y" * 100))
    mid_stream.send(8.6, 6, tcp(443, 50005, 8000, 7100, TCP_ACK), outbound=False)
    facebook6 = Conversation(pcap, me6, "2a03:2880:f11b:83:face:b00c:0:25de")
    for seq, rtt in enumerate([0.00123, 0.000939, 0.000635], start=1):
        facebook6.ping(9.0 + seq, 0x0042, seq, rtt)
    Conversation(pcap, me6, "2a03:2880:f106:83:face:b00c:0:25de").handshake(13.0, 50004, 443, rtt=0.000879)
    # An NTP request stamped earlier than the frame before it (out-of-order capture).
    ntp = Conversation(pcap, me, "162.159.200.1")
    ntp.send(14.0, 17, udp(123, 123, b"\x23" + b"\0" * 47))
    ntp.send(13.5, 17, udp(123, 123, b"\x24" + b"\0" * 47), outbound=False)
    return pcap


def rtt_raw_ip():
    """A TCP handshake on a raw-IP link (no link-layer header): 10 ms."""
    pcap = Pcap(LINKTYPE_RAW)
    a, b = "10.0.0.2", "93.184.216.34"
    for t, src, dst, seg in [(0.0, a, b, tcp(40000, 443, 1, 0, TCP_SYN)),
                             (0.010, b, a, tcp(443, 40000, 500, 2, TCP_SYN | TCP_ACK)),
                             (0.0101, a, b, tcp(40000, 443, 2, 501, TCP_ACK))]:
        pcap.add(JUNE_EPOCH + t, ip(src, dst, 6, seg)[1])
    return pcap


def rtt_linux_sll():
    """A DNS exchange captured on Linux "any" (cooked header): 5 ms."""
    pcap = Pcap(LINKTYPE_LINUX_SLL)
    a, b = "10.0.0.2", "9.9.9.9"
    query = udp(41000, 53, dns_message(0x4242, "example.org"))
    reply = udp(53, 41000, dns_message(0x4242, "example.org", response=True,
                                       answers=[("example.org", 1, 60, "93.184.216.34")]))
    pcap.add(JUNE_EPOCH, linux_sll(ETH_IPV4, ip(a, b, 17, query)[1], packet_type=4))
    pcap.add(JUNE_EPOCH + 0.005, linux_sll(ETH_IPV4, ip(b, a, 17, reply)[1], packet_type=0))
    return pcap


def add_frame(pcap, t, src_mac, dst_mac, src, dst, proto, segment, ttl=64):
    """One IP packet between two MACs, t seconds after JUNE_EPOCH."""
    ethertype, packet = ip(src, dst, proto, segment, ttl=ttl)
    pcap.add(JUNE_EPOCH + t, ether(src_mac, dst_mac, ethertype, packet))


class Host:
    """A local host on Ethernet talking through the gateway; times are relative to JUNE_EPOCH."""

    def __init__(self, pcap, address, mac, gateway_mac=GATEWAY_MAC):
        self.pcap, self.address, self.mac, self.gateway_mac = pcap, address, mac, gateway_mac
        self.port = 40000

    def frame(self, t, remote, proto, segment, outbound=True):
        src, dst = (self.address, remote) if outbound else (remote, self.address)
        macs = (self.mac, self.gateway_mac) if outbound else (self.gateway_mac, self.mac)
        add_frame(self.pcap, t, *macs, src, dst, proto, segment)

    def dns(self, t, server, ident, qname, answers=(), qtype=1, rtt=0.010):
        self.port += 1
        self.frame(t, server, 17, udp(self.port, 53, dns_message(ident, qname, qtype=qtype)))
        reply = dns_message(ident, qname, qtype=qtype, response=True, answers=answers)
        self.frame(t + rtt, server, 17, udp(53, self.port, reply), outbound=False)

    def tcp_session(self, t, server, dport, first_payload=b"", replies=(), rtt=0.020, sport=None):
        """Handshake, one request, server replies, FIN. Returns the time it ends."""
        sport = sport or self._next_port()
        seq, ack = 1000, 5000
        self.frame(t, server, 6, tcp(sport, dport, seq, 0, TCP_SYN))
        self.frame(t + rtt, server, 6, tcp(dport, sport, ack, seq + 1, TCP_SYN | TCP_ACK), outbound=False)
        seq, ack = seq + 1, ack + 1
        self.frame(t + rtt + 0.0001, server, 6, tcp(sport, dport, seq, ack, TCP_ACK))
        t += rtt + 0.0002
        if first_payload:
            self.frame(t, server, 6, tcp(sport, dport, seq, ack, TCP_PSH | TCP_ACK, first_payload))
            seq += len(first_payload)
        for size in replies:
            t += rtt / 2
            self.frame(t, server, 6, tcp(dport, sport, ack, seq, TCP_ACK, b"\x17" * size), outbound=False)
            ack += size
        t += 0.001
        self.frame(t, server, 6, tcp(sport, dport, seq, ack, TCP_FIN | TCP_ACK))
        self.frame(t + rtt, server, 6, tcp(dport, sport, ack, seq + 1, TCP_FIN | TCP_ACK), outbound=False)
        return t + rtt

    def multicast(self, t, group, sport, dport, payload):
        _, packet = ip(self.address, group, 17, udp(sport, dport, payload))
        self.pcap.add(JUNE_EPOCH + t, ether(self.mac, multicast_mac(group), ETH_IPV4, packet))

    def dhcp(self, t, hostname=None, vendor_class=None, prl=(1, 3, 6, 15, 28, 42), server="192.168.1.1",
             xid=0x1000):
        """DISCOVER, OFFER, REQUEST, ACK: the client asks for its own address."""
        client_options = [(53, [DHCP_DISCOVER]), (61, b"\x01" + bytes.fromhex(self.mac.replace(":", "")))]
        if hostname:
            client_options.append((12, hostname))
        if vendor_class:
            client_options.append((60, vendor_class))
        client_options.append((55, list(prl)))
        server_options = [(54, server), (51, [0, 1, 81, 128]), (1, "255.255.240.0"), (3, server), (6, server)]
        broadcast = "ff:ff:ff:ff:ff:ff"
        for step, (kind, op) in enumerate([(DHCP_DISCOVER, 1), (DHCP_OFFER, 2), (DHCP_REQUEST, 1), (DHCP_ACK, 2)]):
            if op == 1:
                options = [(53, [kind])] + client_options[1:] + ([(50, self.address)] if kind == DHCP_REQUEST else [])
                message = dhcp_message(1, xid, self.mac, options)
                _, packet = ip("0.0.0.0", "255.255.255.255", 17, udp(68, 67, message))
                self.pcap.add(JUNE_EPOCH + t + step * 0.01, ether(self.mac, broadcast, ETH_IPV4, packet))
            else:
                message = dhcp_message(2, xid, self.mac, [(53, [kind])] + server_options, yiaddr=self.address,
                                       siaddr=server)
                _, packet = ip(server, "255.255.255.255", 17, udp(67, 68, message))
                self.pcap.add(JUNE_EPOCH + t + step * 0.01, ether(self.gateway_mac, broadcast, ETH_IPV4, packet))

    def mdns_announce(self, t, service, instance, host, port, txt=()):
        """A DNS-SD announcement: PTR service -> instance, SRV, TXT, A."""
        full = f"{instance}.{service}.local"
        answers = [dns_rr(f"{service}.local", DNS_PTR, full, ttl=4500),
                   dns_rr(full, DNS_SRV, (0, 0, port, f"{host}.local"), ttl=120, rclass=0x8001),
                   dns_rr(full, DNS_TXT, list(txt) or ["txtvers=1"], ttl=4500, rclass=0x8001),
                   dns_rr(f"{host}.local", DNS_A, self.address, ttl=120, rclass=0x8001)]
        self.multicast(t, MDNS_GROUP, 5353, 5353, dns_packet(0, 0x8400, answers=answers))

    def ssdp_alive(self, t, location, nt, usn, server):
        self.multicast(t, SSDP_GROUP, 1900, 1900, ssdp_notify(location, nt, usn, server))

    def tls_session(self, t, server, sni, replies=(1400, 1400, 600), rtt=0.020, dport=443):
        hello = tls_record(22, tls_client_hello(sni, bytes(32), key_share=bytes(range(32))), version=0x0301)
        return self.tcp_session(t, server, dport, hello, replies, rtt)

    def connect(self, t, server, dport, rtt=0.020, sport=None):
        """A handshake; returns a Connection to send data on."""
        sport = sport or self._next_port()
        self.frame(t, server, 6, tcp(sport, dport, 1000, 0, TCP_SYN))
        self.frame(t + rtt, server, 6, tcp(dport, sport, 5000, 1001, TCP_SYN | TCP_ACK), outbound=False)
        self.frame(t + rtt + 0.0001, server, 6, tcp(sport, dport, 1001, 5001, TCP_ACK))
        return Connection(self, server, sport, dport)

    def _next_port(self):
        self.port += 1
        return self.port


class Connection:
    """An established TCP connection of a Host: data segments either way."""

    def __init__(self, host, server, sport, dport):
        self.host, self.server, self.sport, self.dport = host, server, sport, dport
        self.seq, self.ack = 1001, 5001

    def send(self, t, size):
        self.host.frame(t, self.server, 6, tcp(self.sport, self.dport, self.seq, self.ack, TCP_PSH | TCP_ACK,
                                               b"\x17" * size))
        self.seq += size

    def receive(self, t, size):
        self.host.frame(t, self.server, 6, tcp(self.dport, self.sport, self.ack, self.seq, TCP_PSH | TCP_ACK,
                                               b"\x17" * size), outbound=False)
        self.ack += size

    def acked(self, t):
        self.host.frame(t, self.server, 6, tcp(self.sport, self.dport, self.seq, self.ack, TCP_ACK))


def cloud_talk_examples():
    """The talk's cloud and CDN examples, each on its own local host:
    www.facebook.com -> star-mini.c10r.facebook.com -> 31.13.64.35 (Meta);
    the mydlink camera's relay 54.194.162.98:2048 (AWS EC2 eu-west-1);
    the Alexa (52.94.219.213) and Sonos (34.243.113.114, named by a PTR answer)
    cloud hosts; the Tesla Powerwall's name served by AWS name servers. Plus the
    disagreements the docs explain: a CNAME to Akamai on an address in no list,
    Apple Private Relay egress in Cloudflare-operated space, and an address
    known only to an ASN database (198.51.100.7)."""
    pcap = Pcap()
    laptop = Host(pcap, "192.168.1.10", CLIENT_MAC)
    resolver = "192.168.1.1"
    # Frame 1..: the SYN leaves before anything names 31.13.64.35; the SNI names it in frame 4.
    laptop.tls_session(0.0, "31.13.64.35", "www.facebook.com", rtt=0.0009)
    laptop.dns(1.0, resolver, 0x1001, "www.facebook.com",
               [("www.facebook.com", 5, 300, "star-mini.c10r.facebook.com"),
                ("star-mini.c10r.facebook.com", 1, 60, "31.13.64.35")])
    laptop.dns(1.1, resolver, 0x1002, "www.facebook.com",
               [("www.facebook.com", 5, 300, "star-mini.c10r.facebook.com"),
                ("star-mini.c10r.facebook.com", 28, 60, "2a03:2880:f106:83:face:b00c:0:25de")], qtype=28)
    camera = Host(pcap, "192.168.2.136", "b0:c5:54:1c:34:2c")
    camera.tcp_session(2.0, "54.194.162.98", 2048, b"\x00" * 200, [300, 300], rtt=0.030, sport=4501)
    echo = Host(pcap, "192.168.179.172", "40:b4:cd:2b:4c:9e")
    echo.tls_session(3.0, "52.94.219.213", "avs-alexa-eu.amazon.com")
    sonos = Host(pcap, "192.168.177.122", "00:0e:58:c6:83:a4")
    sonos.dns(4.0, resolver, 0x2001, "114.113.243.34.in-addr.arpa",
              [("114.113.243.34.in-addr.arpa", 12, 300, "ec2-34-243-113-114.eu-west-1.compute.amazonaws.com")],
              qtype=12)
    sonos.tcp_session(4.1, "34.243.113.114", 443, b"\x16" * 150, [900], rtt=0.035)
    powerwall = Host(pcap, "192.168.2.36", "4c:fc:aa:00:02:36")
    powerwall.dns(5.0, "205.251.193.53", 0x3001, "synergy.sn.teslaenergy.services",
                  [("synergy.sn.teslaenergy.services", 5, 60, "hermes-stream-prd.sn.tesla.services")])
    laptop.dns(6.0, resolver, 0x1003, "www.example.com",
               [("www.example.com", 5, 300, "www.example.com.edgekey.net"),
                ("www.example.com.edgekey.net", 5, 300, "e1234.a.akamaiedge.net"),
                ("e1234.a.akamaiedge.net", 1, 20, "151.99.125.10")])
    laptop.tls_session(6.1, "151.99.125.10", "www.example.com", rtt=0.008)
    laptop.tcp_session(7.0, "104.28.28.1", 443, b"\x16" * 100, [500], rtt=0.012)
    laptop.tcp_session(8.0, "198.51.100.7", 80, http_request("GET", "/", "api.example.org", "curl/8.0"),
                       [700], rtt=0.040)
    return pcap


def cloud_hostile_dns():
    """DNS answers a resolver should never send: a CNAME loop, a 40-name chain
    and 2,000 A records in one response, and a 250-byte name."""
    pcap = Pcap()
    laptop = Host(pcap, "192.168.1.10", CLIENT_MAC)
    loop = [("a.loop.example", 5, 60, "b.loop.example"), ("b.loop.example", 5, 60, "a.loop.example"),
            ("b.loop.example", 1, 60, "151.99.125.11")]
    laptop.dns(0.0, "192.168.1.1", 0x4001, "a.loop.example", loop)
    chain = [(f"c{i}.chain.example", 5, 60, f"c{i + 1}.chain.example") for i in range(40)]
    chain.append(("c40.chain.example", 1, 60, "151.99.125.12"))
    laptop.dns(1.0, "192.168.1.1", 0x4002, "c0.chain.example", chain)
    many = [("many.example", 1, 60, f"80.19.{i // 250}.{i % 250 + 1}") for i in range(2000)]
    laptop.dns(2.0, "192.168.1.1", 0x4003, "many.example", many)
    long_name = ".".join(["x" * 63] * 3 + ["x" * 58])            # 250 bytes
    laptop.dns(3.0, "192.168.1.1", 0x4004, long_name, [(long_name, 1, 60, "151.99.125.13")])
    for index, address in enumerate(["151.99.125.11", "151.99.125.12", "80.19.0.1", "80.19.7.250",
                                     "151.99.125.13"]):
        laptop.tcp_session(4.0 + index, address, 443, b"\x16" * 50, [100])
    return pcap


SMART_HOME_ROUTER = ("192.168.176.1", "00:e0:4c:69:8e:eb")     # the talk's RealtekS_69:8e:eb


def iot_smart_home():
    """The talk's smart home (smart_home.pcap): an Echo Dot, a Sonos, a Netatmo
    weather station, a Logitech Harmony hub and a Roomba, plus an Android phone
    and an iPhone, each saying what such a device says: DHCP, mDNS, SSDP, DNS
    and TLS to its vendor's cloud. Addresses, MACs and names from the talk."""
    pcap = Pcap()
    router, router_mac = SMART_HOME_ROUTER

    def host(address, mac_text):
        return Host(pcap, address, mac_text, gateway_mac=router_mac)

    echo = host("192.168.179.172", "40:b4:cd:2b:4c:9e")
    echo.dhcp(0.0, "amazon-bd974b201", "dhcpcd-6.8.2:Linux-3.14.29:armv7l:MT8163", server=router, xid=0x172)
    echo.dns(1.0, router, 0x5001, "avs-alexa-eu.amazon.com",
             [("avs-alexa-eu.amazon.com", DNS_A, 60, "52.94.219.213")])
    echo.tls_session(1.1, "52.94.219.213", "avs-alexa-eu.amazon.com")
    echo.dns(2.0, router, 0x5002, "device-metrics-us.amazon.com",
             [("device-metrics-us.amazon.com", DNS_A, 60, "52.46.128.105")])

    sonos = host("192.168.177.122", "00:0e:58:c6:83:a4")
    sonos.dhcp(3.0, "SonosZP", prl=(1, 3, 6, 12, 15, 28, 42), server=router, xid=0x122)
    sonos.ssdp_alive(4.0, "http://192.168.177.122:1400/xml/device_description.xml",
                     "urn:schemas-upnp-org:device:ZonePlayer:1",
                     "uuid:RINCON_000E58C683A401400::urn:schemas-upnp-org:device:ZonePlayer:1",
                     "Linux UPnP/1.0 Sonos/34.16-37101 (ZPS1)")
    sonos.mdns_announce(4.5, "_sonos._tcp", "Sonos-000E58C683A4", "sonos000E58C683A4", 1443,
                        ["info=/api/v1/players/RINCON_000E58C683A401400/info", "vers=3", "protovers=1.18.9"])
    sonos.tls_session(5.0, "34.243.113.114", "msmetrics.ws.sonos.com")

    netatmo = host("192.168.179.169", "70:ee:50:00:fe:24")
    netatmo.dhcp(6.0, "Netatmo-Personal-Weather-Station", server=router, xid=0x169)
    netatmo.dns(7.0, router, 0x5003, "netcom.netatmo.net", [("netcom.netatmo.net", DNS_A, 60, "37.187.64.80")])
    netatmo.tcp_session(7.1, "37.187.64.80", 25050, b"\x00" * 120, [80])

    harmony = host("192.168.182.11", "00:04:20:f8:f7:cf")
    harmony.dhcp(8.0, "HarmonyHub", server=router, xid=0x211)
    harmony.dns(9.0, router, 0x5004, "svcs.myharmony.com", [("svcs.myharmony.com", DNS_A, 60, "52.16.130.10")])
    harmony.tls_session(9.1, "52.16.130.10", "svcs.myharmony.com")

    roomba = host("192.168.183.129", "40:9f:38:65:36:67")
    roomba.dhcp(10.0, "Roomba", server=router, xid=0x129)
    roomba.dns(11.0, router, 0x5005, "disc-prod.iot.irobotapi.com",
               [("disc-prod.iot.irobotapi.com", DNS_A, 60, "52.1.183.140")])
    roomba.tls_session(11.1, "52.1.183.140", "disc-prod.iot.irobotapi.com")

    android = host("192.168.180.44", "3c:28:6d:5f:3c:1a")
    android.dhcp(12.0, "android-5f3c1a2b9d8e7f60", "android-dhcp-8.0.0", prl=(1, 3, 6, 15, 26, 28, 51, 58, 59, 43),
                 server=router, xid=0x44)
    android.dns(13.0, router, 0x5006, "connectivitycheck.gstatic.com",
                [("connectivitycheck.gstatic.com", DNS_A, 60, "142.250.180.3")])
    android.tls_session(13.1, "52.94.219.213", "alexa.amazon.com")      # the Alexa app, not an Echo

    iphone = host("192.168.180.61", "98:01:a7:a5:0c:93")
    iphone.dhcp(14.0, "Lucas-iPhone", prl=(1, 121, 3, 6, 15, 119, 252, 95, 44, 46), server=router, xid=0x61)
    iphone.mdns_announce(14.5, "_companion-link._tcp", "Luca's iPhone", "Lucas-iPhone", 49152, ["rpBA=12:34"])
    iphone.tls_session(15.0, "17.253.144.10", "gspe1-ssl.ls.apple.com")
    return pcap


def iot_tesla_powerwall():
    """The talk's Tesla Powerwall (tesla.pcap): its name for Tesla's cloud is
    answered by AWS name servers (ns-389.awsdns-38.com, 205.251.193.53), and a
    laptop polls its local API (curl .../api/meters/aggregates)."""
    pcap = Pcap()
    powerwall = Host(pcap, "192.168.2.36", "4c:fc:aa:00:02:36")
    powerwall.dhcp(0.0, "1118431-01-E--TG1210000001ABC", server="192.168.2.1", xid=0x36)
    authority = [("sn.teslaenergy.services", 2, 172800, "ns-1121.awsdns-12.org"),
                 ("sn.teslaenergy.services", 2, 172800, "ns-309.awsdns-38.com")]
    powerwall.port += 1
    query = dns_message(0xC7C2, "synergy.sn.teslaenergy.services")
    reply = dns_message(0xC7C2, "synergy.sn.teslaenergy.services", response=True,
                        answers=[("synergy.sn.teslaenergy.services", 5, 60, "hermes-stream-prd.sn.tesla.services")],
                        authority=authority)
    powerwall.frame(1.0, "205.251.193.53", 17, udp(powerwall.port, 53, query))
    powerwall.frame(1.012, "205.251.193.53", 17, udp(53, powerwall.port, reply), outbound=False)
    powerwall.tls_session(2.0, "35.163.83.201", "hermes-stream-prd.sn.tesla.services")
    laptop = Host(pcap, "192.168.2.20", "8c:85:90:12:34:56")
    api = http_request("GET", "/api/meters/aggregates", "192.168.2.36", "curl/7.58.0")
    laptop.gateway_mac = "4c:fc:aa:00:02:36"           # same LAN: straight to the Powerwall
    laptop.tcp_session(3.0, "192.168.2.36", 80, api, [420], rtt=0.002)
    return pcap


def iot_camera_mydlink():
    """The talk's D-Link DCS-932L camera (MAC B0:C5:54:1C:34:2C, model DCS-932LB1)
    registering with mydlink and streaming to its AWS relay 54.194.162.98:2048."""
    pcap = Pcap()
    camera = Host(pcap, "192.168.2.136", "b0:c5:54:1c:34:2c", gateway_mac="00:11:22:33:44:01")
    camera.dhcp(0.0, "DCS-932LB1", "udhcp 1.12.1", prl=(1, 3, 6, 12, 15, 28, 42), server="192.168.2.1", xid=0x136)
    camera.dns(1.0, "192.168.2.1", 0x6001, "signal.mydlink.com", [("signal.mydlink.com", DNS_A, 60, "54.194.162.25")])
    camera.tls_session(1.1, "54.194.162.25", "signal.mydlink.com", dport=443, rtt=0.030)
    camera.tcp_session(2.0, "54.194.162.98", 2048, b"\x00" * 300, [200], rtt=0.030, sport=4501)
    return pcap


def iot_alexa_sonos():
    """The talk's Alexa and Sonos (alexa_sonos_only.pcap): they never exchange a
    packet. The Echo (192.168.179.172) speaks to 52.94.219.213 and, within a
    second, AWS (ec2-34-243-113-114.eu-west-1) pushes the Sonos (192.168.177.122):
    three voice commands. Negatives: a phone that also drives the Sonos directly
    on the LAN, and a Harmony hub and a Roomba that both use AWS, uncorrelated."""
    pcap = Pcap()
    router, router_mac = SMART_HOME_ROUTER

    def host(address, mac_text):
        return Host(pcap, address, mac_text, gateway_mac=router_mac)

    def lan(sender, receiver, t, segment):             # host to host on the same link
        _, packet = ip(sender.address, receiver.address, 6, segment)
        pcap.add(JUNE_EPOCH + t, ether(sender.mac, receiver.mac, ETH_IPV4, packet))

    echo = host("192.168.179.172", "40:b4:cd:2b:4c:9e")
    sonos = host("192.168.177.122", "00:0e:58:c6:83:a4")
    phone = host("192.168.180.44", "3c:28:6d:5f:3c:1a")
    harmony = host("192.168.182.11", "00:04:20:f8:f7:cf")
    roomba = host("192.168.183.129", "40:9f:38:65:36:67")
    for k, (device, name) in enumerate([(echo, "amazon-bd974b201"), (sonos, "SonosZP"), (phone, "android-5f3c1a2b9d8e7f60"),
                                        (harmony, "HarmonyHub"), (roomba, "Roomba")]):
        device.dhcp(-5.0 + k, name, "android-dhcp-8.0.0" if device is phone else None, server=router, xid=0x500 + k)
    alexa = echo.connect(0.0, "52.94.219.213", 443, sport=49800)
    sonos_cloud = sonos.connect(0.5, "34.243.113.114", 443, sport=49900, rtt=0.035)
    app = phone.connect(1.0, "52.94.219.213", 443, sport=50100)
    for command, t in enumerate([10.0, 40.0, 70.0]):
        for i in range(6):                              # the voice command, uploaded
            alexa.send(t + 0.02 * i, 1200)
        alexa.receive(t + 0.3, 800)                     # Alexa's answer
        alexa.acked(t + 0.31)
        sonos_cloud.receive(t + 0.9, 600)               # AWS tells the Sonos to play
        sonos_cloud.acked(t + 0.901)
        sonos_cloud.send(t + 0.95, 300)
    for t in [25.0, 55.0]:                              # idle keepalives of the Sonos, its own
        sonos_cloud.send(t, 100)
        sonos_cloud.receive(t + 0.035, 100)
    # The phone's Alexa app talks to AWS, the Sonos is pushed, and the phone also
    # drives the Sonos on the LAN (port 1400): direct, not only through the cloud.
    for t in [85.0, 100.0]:
        app.send(t, 900)
        app.receive(t + 0.2, 400)
        sonos_cloud.receive(t + 0.8, 500)
        sonos_cloud.acked(t + 0.801)
        lan(phone, sonos, t + 0.5, tcp(50200, 1400, 1, 1, TCP_PSH | TCP_ACK, b"x" * 300))
        lan(sonos, phone, t + 0.51, tcp(1400, 50200, 1, 301, TCP_PSH | TCP_ACK, b"y" * 200))
    hub_cloud = harmony.connect(2.0, "52.16.130.10", 443, sport=50300)
    roomba_cloud = roomba.connect(3.0, "52.1.183.140", 443, sport=50400)
    for k in range(4):                                  # both on AWS, never together
        roomba_cloud.send(15.0 + 20 * k, 400)
        roomba_cloud.receive(15.03 + 20 * k, 200)
        hub_cloud.receive(27.0 + 20 * k, 300)
        hub_cloud.acked(27.001 + 20 * k)
    return pcap


def iot_camera_relay():
    """The talk's camera relay (camera.pcap, camera_client.pcapng): the D-Link
    camera 192.168.2.136:4501 streams to 54.194.162.98:2048 while a client
    192.168.2.20:61837 pulls the video from the same address and port."""
    pcap = Pcap()
    camera = Host(pcap, "192.168.2.136", "b0:c5:54:1c:34:2c", gateway_mac="00:11:22:33:44:01")
    client = Host(pcap, "192.168.2.20", "8c:85:90:12:34:56", gateway_mac="00:11:22:33:44:01")
    upstream = camera.connect(0.0, "54.194.162.98", 2048, sport=4501, rtt=0.030)
    viewer = client.connect(1.0, "54.194.162.98", 2048, sport=61837, rtt=0.030)
    for i in range(200):
        t = 1.1 + i * 0.05
        upstream.send(t, 1400)
        if i % 3 == 0:
            upstream.receive(t + 0.03, 60)
        viewer.receive(t + 0.035, 1400)
        if i % 2 == 0:
            viewer.acked(t + 0.036)
    return pcap


LINKTYPE_IEEE802_11_RADIOTAP = 127


def robust_wifi_radiotap():
    """Wi-Fi as a monitor-mode capture sees it (radiotap + 802.11 QoS data +
    LLC/SNAP): the Sonos joins (DHCP) and opens a connection to its cloud."""
    pcap = Pcap(LINKTYPE_IEEE802_11_RADIOTAP)
    ap, sonos_mac, router = "00:e0:4c:69:8e:eb", "00:0e:58:c6:83:a4", "192.168.176.1"
    sonos, cloud = "192.168.177.122", "34.243.113.114"
    radiotap = struct.pack("<BBHI", 0, 0, 8, 0)

    def wifi(t, to_ds, station_is_source, other_mac, ethertype, payload):
        flags = 0x01 if to_ds else 0x02
        src, dst = (sonos_mac, other_mac) if station_is_source else (other_mac, sonos_mac)
        addr1, addr2, addr3 = (ap, src, dst) if to_ds else (dst, ap, src)
        header = struct.pack("<BBH", 0x88, flags, 0) + mac(addr1) + mac(addr2) + mac(addr3) + struct.pack("<HH", 0, 0)
        snap = b"\xaa\xaa\x03\x00\x00\x00" + struct.pack("!H", ethertype)
        pcap.add(JUNE_EPOCH + t, radiotap + header + snap + payload)

    discover = dhcp_message(1, 0x1234, sonos_mac, [(53, [DHCP_DISCOVER]), (12, "SonosZP"), (55, [1, 3, 6, 15])])
    wifi(0.0, True, True, "ff:ff:ff:ff:ff:ff", ETH_IPV4, ip("0.0.0.0", "255.255.255.255", 17, udp(68, 67, discover))[1])
    for t, outbound, flags, seq, ack in [(1.0, True, TCP_SYN, 100, 0), (1.018, False, TCP_SYN | TCP_ACK, 900, 101),
                                         (1.0181, True, TCP_ACK, 101, 901)]:
        src, dst = (sonos, cloud) if outbound else (cloud, sonos)
        segment = tcp(40000, 443, seq, ack, flags) if outbound else tcp(443, 40000, seq, ack, flags)
        wifi(t, outbound, outbound, ap, ETH_IPV4, ip(src, dst, 6, segment)[1])
    return pcap


def cloud_cdn_name_change():
    """One CDN edge address (151.99.125.20, Akamai by the CNAME chains) serves
    two sites in turn: shop.example.com, then news.example.net. Each
    connection's frames must show the name the address had then."""
    pcap = Pcap()
    client = Host(pcap, "192.168.1.10", CLIENT_MAC)
    edge = "151.99.125.20"
    client.dns(0.0, "192.168.1.1", 0x4101, "shop.example.com",
               answers=[("shop.example.com", 5, 60, "shop.example.com.edgekey.net"),
                        ("shop.example.com.edgekey.net", 5, 60, "e1.a.akamaiedge.net"),
                        ("e1.a.akamaiedge.net", 1, 20, edge)])
    client.tls_session(0.1, edge, "shop.example.com")
    client.dns(10.0, "192.168.1.1", 0x4102, "news.example.net",
               answers=[("news.example.net", 5, 60, "news.example.net.edgekey.net"),
                        ("news.example.net.edgekey.net", 5, 60, "e2.a.akamaiedge.net"),
                        ("e2.a.akamaiedge.net", 1, 20, edge)])
    client.tls_session(10.1, edge, "news.example.net")
    return pcap


def iot_recycled_devices():
    """More devices than a 16-device table holds: the camera relay of the talk
    (192.168.2.136 -> 54.194.162.98:2048 -> 192.168.2.20) first, then 20 hosts
    that each open one connection, then a new host (192.168.2.99) that connects
    to the same relay address and port and downloads a little. With
    iotcloud.max_devices 16 the camera and viewer are recycled; the new host
    took part in no relay and must get no iotcloud.mediated field."""
    pcap = Pcap()
    gateway = "00:11:22:33:44:01"
    camera = Host(pcap, "192.168.2.136", "b0:c5:54:1c:34:2c", gateway_mac=gateway)
    client = Host(pcap, "192.168.2.20", "8c:85:90:12:34:56", gateway_mac=gateway)
    upstream = camera.connect(0.0, "54.194.162.98", 2048, sport=4501, rtt=0.030)
    viewer = client.connect(0.5, "54.194.162.98", 2048, sport=61837, rtt=0.030)
    for i in range(40):
        t = 1.0 + i * 0.05
        upstream.send(t, 1400)
        viewer.receive(t + 0.035, 1400)
        if i % 2 == 0:
            viewer.acked(t + 0.036)
    for k in range(20):
        other = Host(pcap, f"192.168.2.{50 + k}", f"02:00:00:00:00:{k:02x}", gateway_mac=gateway)
        other.connect(5.0 + 0.1 * k, f"198.51.100.{10 + k}", 443)
    newcomer = Host(pcap, "192.168.2.99", "8c:85:90:99:99:99", gateway_mac=gateway)
    late = newcomer.connect(10.0, "54.194.162.98", 2048, sport=62000, rtt=0.030)
    for i in range(12):
        late.receive(10.1 + 0.05 * i, 600)
        late.acked(10.11 + 0.05 * i)
    return pcap


def iot_alexa_sonos_discovery():
    """The talk's Alexa and Sonos again, with the discovery real homes add: the
    Echo searches for UPnP players (SSDP M-SEARCH) and the Sonos answers it by
    unicast (200 OK). Finding each other is not controlling each other: the
    pair stays cloud-mediated."""
    pcap = iot_alexa_sonos()
    echo, echo_mac = "192.168.179.172", "40:b4:cd:2b:4c:9e"
    sonos, sonos_mac = "192.168.177.122", "00:0e:58:c6:83:a4"
    search = ssdp_msearch("urn:schemas-upnp-org:device:ZonePlayer:1")
    _, packet = ip(echo, "239.255.255.250", 17, udp(50500, 1900, search))
    pcap.add(JUNE_EPOCH + 5.0, ether(echo_mac, multicast_mac("239.255.255.250"), ETH_IPV4, packet))
    reply = ssdp_response(f"http://{sonos}:1400/xml/device_description.xml", "urn:schemas-upnp-org:device:ZonePlayer:1",
                          "uuid:RINCON_000E58C683A401400::urn:schemas-upnp-org:device:ZonePlayer:1",
                          "Linux UPnP/1.0 Sonos/70.3-35220 (ZPS1)")
    _, packet = ip(sonos, echo, 17, udp(1900, 50500, reply))
    pcap.add(JUNE_EPOCH + 5.1, ether(sonos_mac, echo_mac, ETH_IPV4, packet))
    pcap.frames.sort(key=lambda frame: frame[0])        # stable: in time order, as a capture is
    return pcap


def cloud_embedded_ipv4():
    """An IPv6-only client behind NAT64 and its neighbours: SYNs to addresses
    that carry an IPv4 address. NAT64 64:ff9b::36c2:a262 and its RFC 8215
    local-use form are 54.194.162.98 (AWS EC2 eu-west-1), IPv4-mapped
    ::ffff:54.194.162.98 the same, 6to4 2002:1f0d:4023::1 is 31.13.64.35
    (Meta), and the Teredo address's client is 34.243.113.114 (its server
    65.54.227.120 is Microsoft's)."""
    pcap = Pcap()
    teredo = bytes.fromhex("20010000") + bytes([65, 54, 227, 120]) + bytes.fromhex("8000") + \
        bytes(b ^ 0xFF for b in (40000).to_bytes(2, "big") + bytes([34, 243, 113, 114]))
    servers = ["64:ff9b::36c2:a262", "64:ff9b:1:ab::36c2:a262", "::ffff:54.194.162.98", "2002:1f0d:4023::1",
               str(ipaddress.IPv6Address(teredo))]
    for i, server in enumerate(servers):
        ethertype, packet = ip("fd00:1::10", server, 6, tcp(40000 + i, 443, 1000, 0, TCP_SYN))
        pcap.add(JUNE_EPOCH + i, ether(CLIENT_MAC, GATEWAY_MAC, ethertype, packet))
    return pcap


def iot_routed_vlan():
    """A camera on an IoT VLAN (10.20.0.7) routed by the home router
    (192.168.176.1, MAC 00:11:22:33:44:55) reaches the capture point with the
    router's MAC: its lookup of signal.mydlink.com at the LAN's DNS server
    (192.168.176.5) comes first, before anything shows that MAC to be a
    router. Then a laptop browses through the router (its MAC is the
    gateway's) and the router pings the laptop from its own address."""
    pcap = Pcap()
    router_mac, pihole_mac, laptop_mac = "00:11:22:33:44:55", "b8:27:eb:00:00:05", "3c:22:fb:00:00:50"
    camera, pihole, laptop, router = "10.20.0.7", "192.168.176.5", "192.168.176.50", "192.168.176.1"

    def frame(t, src_mac, dst_mac, src, dst, proto, segment):
        forwarded = src_mac == router_mac and src != router      # a router forwards with one hop less
        add_frame(pcap, t, src_mac, dst_mac, src, dst, proto, segment, ttl=63 if forwarded else 64)

    query = dns_message(0x5101, "signal.mydlink.com")
    answer = dns_message(0x5101, "signal.mydlink.com", response=True,
                         answers=[("signal.mydlink.com", 1, 60, "54.194.162.98")])
    frame(0.0, router_mac, pihole_mac, camera, pihole, 17, udp(40001, 53, query))
    frame(0.01, pihole_mac, router_mac, pihole, camera, 17, udp(53, 40001, answer))
    frame(1.0, laptop_mac, router_mac, laptop, "93.184.216.34", 6, tcp(50000, 443, 1000, 0, TCP_SYN))
    frame(1.02, router_mac, laptop_mac, "93.184.216.34", laptop, 6, tcp(443, 50000, 5000, 1001, TCP_SYN | TCP_ACK))
    frame(2.0, router_mac, laptop_mac, router, laptop, 1, icmp_echo(True, 7, 1))
    frame(2.001, laptop_mac, router_mac, laptop, router, 1, icmp_echo(False, 7, 1))
    frame(3.0, router_mac, pihole_mac, camera, pihole, 17, udp(40002, 53, dns_message(0x5102, "signal.mydlink.com")))
    return pcap


def iot_setup_access_point():
    """Two devices in setup, as IoT Sentinel's captures show them. An Edimax
    plug (74:da:38:4a:76:49) is 10.10.10.186 on the home network and
    192.168.20.3 on the setup network it serves itself, where it answers the
    phone's app (192.168.20.100) and announces itself by SSDP: two /24s
    behind one MAC, all its own packets (TTL 64; 1 for SSDP). A WeMo switch
    (94:10:3e:41:c2:05, 10.10.10.158) forwards the phone on its setup
    network (10.22.22.2) to the internet: unicast with TTL 63, a router's
    packets. A Withings scale (10.10.10.60) sends its own packets with TTL 60."""
    pcap = Pcap()
    plug_mac, wemo_mac, home_router_mac = "74:da:38:4a:76:49", "94:10:3e:41:c2:05", "00:b5:6d:06:08:ba"
    phone_mac, scale_mac = "2c:0e:3d:00:00:64", "00:24:e4:aa:bb:60"

    frame = functools.partial(add_frame, pcap)
    frame(0.0, plug_mac, home_router_mac, "10.10.10.186", "10.10.10.1", 17,
          udp(3072, 53, dns_message(0x7101, "www.myedimax.com")))
    frame(1.0, plug_mac, phone_mac, "192.168.20.3", "192.168.20.100", 6,
          tcp(10000, 51904, 7000, 1001, TCP_SYN | TCP_ACK))
    frame(1.5, plug_mac, multicast_mac(SSDP_GROUP), "192.168.20.3", SSDP_GROUP, 17,
          udp(1900, 1900, ssdp_notify("http://192.168.20.3:10000/description.xml", "upnp:rootdevice",
                                      "uuid:edimax-sp1101w::upnp:rootdevice", "Linux/2.6 UPnP/1.0 Edimax/1.0")),
          ttl=1)
    frame(2.0, plug_mac, home_router_mac, "10.10.10.186", "54.217.230.12", 6, tcp(3299, 8767, 100, 0, TCP_SYN))
    frame(3.0, wemo_mac, home_router_mac, "10.10.10.158", "10.10.10.1", 17,
          udp(40158, 53, dns_message(0x7201, "api.xbcs.net")))
    frame(4.0, wemo_mac, home_router_mac, "10.22.22.2", "74.125.142.188", 6, tcp(52672, 5228, 500, 0, TCP_SYN),
          ttl=63)
    frame(5.0, wemo_mac, home_router_mac, "10.22.22.2", "74.125.142.188", 6, tcp(52672, 5228, 500, 0, TCP_SYN),
          ttl=63)
    frame(6.0, wemo_mac, home_router_mac, "10.10.10.158", "54.193.117.10", 6, tcp(41000, 443, 900, 0, TCP_SYN))
    # A scale whose stack starts packets at TTL 60 (an odd initial value, as
    # some stacks have): its own packets, not forwarded ones.
    frame(7.0, scale_mac, home_router_mac, "10.10.10.60", "10.10.10.1", 17,
          udp(3060, 53, dns_message(0x7301, "scalews.withings.net")), ttl=60)
    frame(7.1, scale_mac, home_router_mac, "10.10.10.60", "89.30.121.150", 6, tcp(3061, 80, 100, 0, TCP_SYN),
          ttl=60)
    return pcap


SCENARIOS = [talk_delta_distance, rtt_exchanges, rtt_raw_ip, rtt_linux_sll, cloud_talk_examples,
             cloud_hostile_dns, iot_smart_home, iot_tesla_powerwall, iot_camera_mydlink, iot_alexa_sonos,
             iot_camera_relay, robust_wifi_radiotap, cloud_cdn_name_change, iot_recycled_devices,
             iot_alexa_sonos_discovery, cloud_embedded_ipv4, iot_routed_vlan,
             iot_setup_access_point]


def main():
    write_scenarios(SCENARIOS, HERE)


if __name__ == "__main__":
    main()
