#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Home 7 (small, dual-stack): DHCPv4 + SLAAC. Clouds reached over IPv6 from temporary (privacy) addresses.
iPhone (hostname, Apple OUI) uses IPv6 for its Ring and Hue apps; a Galaxy uses IPv6 for Kasa/Tuya apps;
a Ring doorbell and an Echo use IPv4 only; a Sonos announces mDNS over IPv6 too."""
import os, random, sys, struct
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_lib import *
from scapy.all import IPv6, ICMPv6ND_NS, ICMPv6ND_NA, ICMPv6NDOptSrcLLAddr, ICMPv6ND_RS, DNS, DNSQR, DNSRR

random.seed(7070)
H = Home(router_mac="04:d9:f5:77:00:01", router_ip="192.168.90.1")
RLL = "fe80::6d9:f5ff:fe77:1"
TRUTH = []
def dev(mac, ip, v, t, desc):
    d = Dev(mac, "192.168.90.%d" % ip, desc); TRUTH.append(("home7_ipv6.pcap", d.mac, d.ip, v, t, desc)); return d
iph = dev("f0:18:98:aa:bb:01", 21, "Apple", "phone", "iPhone, Ring+Hue apps over IPv6 temporary addresses")
gal = dev("64:1c:ae:aa:bb:02", 22, "Samsung", "phone", "Galaxy S23, Kasa+Smart Life apps over IPv6")
ring = dev("90:48:6c:aa:bb:03", 41, "Ring", "camera/doorbell", "Ring doorbell (IPv4 only)")
sonos = dev("48:a6:b8:aa:bb:04", 56, "Sonos", "smart speaker", "Sonos One, mDNS over IPv4 and IPv6")
TRUTH.append(("home7_ipv6.pcap", H.router_mac, H.router_ip, "ASUS", "router", "ASUS router"))

def v6tls(d, src6, name, dst6, port=443):
    ip6 = lambda s, dd: IPv6(src=s, dst=dd, hlim=64)
    # AAAA lookup over IPv4 to the router
    qid = random.getrandbits(16); sp = H.sport(d)
    H.add(H.eth(d.mac, H.router_mac) / IP(src=d.ip, dst=H.router_ip) / UDP(sport=sp, dport=53) / DNS(id=qid, rd=1, qd=DNSQR(qname=name, qtype="AAAA")))
    H.add(H.eth(H.router_mac, d.mac) / IP(src=H.router_ip, dst=d.ip) / UDP(sport=53, dport=sp) /
          DNS(id=qid, qr=1, rd=1, ra=1, qd=DNSQR(qname=name, qtype="AAAA"), an=DNSRR(rrname=name, type="AAAA", ttl=60, rdata=dst6)))
    sp = H.sport(d); cs = random.getrandbits(31); ss = random.getrandbits(31)
    c = lambda: H.eth(d.mac, H.router_mac) / ip6(src6, dst6)
    s = lambda: H.eth(H.router_mac, d.mac) / ip6(dst6, src6)
    H.add(c() / TCP(sport=sp, dport=port, flags="S", seq=cs)); H.add(s() / TCP(sport=port, dport=sp, flags="SA", seq=ss, ack=cs + 1))
    cs += 1; ss += 1
    H.add(c() / TCP(sport=sp, dport=port, flags="A", seq=cs, ack=ss))
    for dirn, data in [("c", client_hello(name)), ("s", server_hello()), ("c", app_data(200)), ("s", app_data(700)), ("c", app_data(90))]:
        if dirn == "c":
            H.add(c() / TCP(sport=sp, dport=port, flags="PA", seq=cs, ack=ss) / Raw(data)); cs += len(data)
        else:
            H.add(s() / TCP(sport=port, dport=sp, flags="PA", seq=ss, ack=cs) / Raw(data)); ss += len(data)

H.dhcp(iph, hostname="Janes-iPhone", prl=PRL["ios"], maxsize=1500)
H.dhcp(gal, hostname="Galaxy-S23", vendor="android-dhcp-13", prl=PRL["android"], maxsize=1500)
H.dhcp(ring, prl=PRL["udhcp"], vendor="udhcp 1.24.2")
H.dhcp(sonos, hostname="SonosZP", prl=PRL["udhcp"], client_id=False)
# router advertisements / SLAAC
for d, tmp in [(iph, "2001:db8:5a:90:9c1e:4b2a:71d3:e8f0"), (gal, "2001:db8:5a:90:3f7a:c21b:9e04:5d66")]:
    H.add(H.eth(d.mac, "33:33:00:00:00:02") / IPv6(src="fe80::1", dst="ff02::2") / ICMPv6ND_RS())
    H.add(H.eth(d.mac, "33:33:ff:" + tmp[-7:-5] + ":" + tmp[-4:-2] + ":" + tmp[-2:]) / IPv6(src="::", dst="ff02::1:ff" + tmp[-7:]) / ICMPv6ND_NS(tgt=tmp))
H.http(iph, "captive.apple.com", "/hotspot-detect.html", ua="CaptiveNetworkSupport-481.0.1 wispr",
       resp="HTTP/1.0 200 OK\r\n\r\n<HTML><HEAD><TITLE>Success</TITLE></HEAD><BODY>Success</BODY></HTML>")
H.tls(iph, "gateway.icloud.com")
for i, n in enumerate(["api.ring.com", "app-snaps.ring.com", "api.meethue.com", "api.ring.com", "app-snaps.ring.com"]):
    v6tls(iph, "2001:db8:5a:90:9c1e:4b2a:71d3:e8f0", n, "2600:1f18:%x::%x" % (0x4000 + i, 10 + i))
H.http(gal, "connectivitycheck.gstatic.com", "/generate_204", ua="Dalvik/2.1.0 (Linux; U; Android 13; SM-S911B Build/TP1A.220624.014)",
       resp="HTTP/1.1 204 No Content\r\n\r\n")
for i, n in enumerate(["wap.tplinkcloud.com", "a1.tuyaus.com", "wap.tplinkcloud.com", "a1.tuyaus.com"]):
    v6tls(gal, "2001:db8:5a:90:3f7a:c21b:9e04:5d66", n, "2600:1f18:%x::%x" % (0x5000 + i, 20 + i))
for n in ["fw.ring.com", "es.ring.com"]:
    H.tls(ring, n)
svcs = [("_sonos._tcp", "Sonos-48A6B8AABB04", 1443, ["info=/api/v1/players/RINCON_48A6B8AABB0401400/info", "vers=3", "protovers=1.38.0"])]
H.mdns_announce(sonos, "Sonos-48A6B8AABB04", svcs)
# same announcement over IPv6 link-local
from scapy.all import DNSRRSRV
an = DNSRR(rrname="_sonos._tcp.local", type="PTR", ttl=4500, rdata="Sonos-48A6B8AABB04._sonos._tcp.local") / \
     DNSRR(rrname="Sonos-48A6B8AABB04.local", type="AAAA", ttl=120, rdata="fe80::4aa6:b8ff:feaa:bb04", rclass=0x8001)
H.add(H.eth(sonos.mac, "33:33:00:00:00:fb") / IPv6(src="fe80::4aa6:b8ff:feaa:bb04", dst="ff02::fb", hlim=255) / UDP(sport=5353, dport=5353) / DNS(id=0, qr=1, aa=1, an=an))
H.tls(sonos, "msmetrics.ws.sonos.com")
H.write(os.path.join(os.path.dirname(os.path.abspath(__file__)), "home7_ipv6.pcap"))
print(len(H.pkts), "packets")
