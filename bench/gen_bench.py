#!/usr/bin/python3
"""Generate a large, realistic, deterministic benchmark capture (Ethernet pcap).

    /usr/bin/python3 bench/gen_bench.py --packets 200000 --out /tmp/bench-200k.pcap [--seed 1]

A home/office edge link: ~300 local hosts (vendor MACs, some with ULA IPv6) behind
the gateway 192.168.1.1, talking to thousands of cloud/CDN and other servers.
Sessions are mixed over time: DNS (CNAME chains, A/AAAA) then TLS over TCP, plain
HTTP, QUIC; DHCP, mDNS, SSDP, ICMP echo, NTP and ARP. About 10 minutes of capture
time per 200k packets. Exactly --packets frames; the same arguments give a
byte-identical file. Built with captures/pcapgen.py.
"""
import argparse
import heapq
import ipaddress
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "captures"))
import pcapgen as pg  # noqa: E402

try:
    import cryptography  # noqa: F401  (quic_initial() needs it)
    HAVE_CRYPTO = True
except ImportError:
    HAVE_CRYPTO = False

EPOCH = 1710234000.0            # 2024-03-12 09:00:00 UTC
SECONDS_PER_PACKET = 600 / 200000
GW_MAC, GW_IP, BCAST = "50:c7:bf:1e:00:01", "192.168.1.1", "ff:ff:ff:ff:ff:ff"

# vendor: (OUI, hostname prefix, DHCP option 60, option 55 list, User-Agent, mDNS service, favourite domains)
WIN_PRL = [1, 3, 6, 15, 31, 33, 43, 44, 46, 47, 119, 121, 249, 252]
ANDROID_PRL = [1, 3, 6, 15, 26, 28, 51, 58, 59, 43, 114, 108]
LINUX_PRL = [1, 3, 6, 12, 15, 28, 42, 119, 121]
VENDORS = {
    "amazon": ("40:b4:cd", "amazon", "android-dhcp-9", ANDROID_PRL, "AmazonWebView/Echo/1.0",
               "_amzn-wplay._tcp.local", ["device-metrics-us.amazon.com", "api.amazonalexa.com",
                                          "avs-alexa-4-na.amazon.com", "spectrum.s3.amazonaws.com"]),
    "sonos": ("00:0e:58", "Sonos", "udhcp 1.30.1", LINUX_PRL, "Linux UPnP/1.0 Sonos/70.3-35220",
              "_sonos._tcp.local", ["sonos.com", "update.sonos.com", "msmetrics.ws.sonos.com"]),
    "netatmo": ("70:ee:50", "netatmo", "udhcp 1.24.2", LINUX_PRL, "Netatmo/1.0", "_hap._tcp.local",
                ["app.netatmo.net", "api.netatmo.com"]),
    "slim": ("00:04:20", "squeezebox", "udhcp 1.19.4", LINUX_PRL, "SqueezePlay/7.8.0",
             "_slimdevices_slimserver_cli._tcp.local", ["mysqueezebox.com", "www.mysqueezebox.com"]),
    "azurewave": ("40:9f:38", "LAPTOP", "MSFT 5.0", WIN_PRL,
                  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/122.0 Safari/537.36",
                  None, ["www.bing.com", "login.microsoftonline.com", "teams.microsoft.com"]),
    "espressif": ("24:0a:c4", "ESP", "udhcp 1.0", LINUX_PRL, "ESP32 HTTP Client/1.0", "_esphomelib._tcp.local",
                  ["a1ipr3bqsh9pvk.iot.eu-west-1.amazonaws.com", "api.esphome.io"]),
    "apple": ("98:01:a7", "iPhone", "dhcpcd-apple", [1, 121, 3, 6, 15, 108, 114, 119, 252],
              "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
              "_companion-link._tcp.local", ["gateway.icloud.com", "gsp-ssl.ls.apple.com", "www.apple.com"]),
    "google": ("f4:f5:d8", "Google-Home", "dhcpcd-6.8.2:Linux-3.10:armv7l", LINUX_PRL,
               "Mozilla/5.0 (Linux; Android) CrKey/1.56.500000", "_googlecast._tcp.local",
               ["clients3.google.com", "www.youtube.com", "android.googleapis.com"]),
    "tplink": ("50:c7:bf", "TL-SmartPlug", "udhcp 1.23.2", LINUX_PRL, "Tapo/1.0", None,
               ["n-devs.tplinkcloud.com", "use1-api.tplinkra.com"]),
    "philips": ("00:17:88", "Philips-hue", "udhcp 1.31.1", LINUX_PRL, "hue/1.0", "_hue._tcp.local",
                ["ws.meethue.com", "diag.meethue.com"]),
    "samsung": ("8c:77:12", "Galaxy-S23", "android-dhcp-14", ANDROID_PRL,
                "Mozilla/5.0 (Linux; Android 14; SM-S911B) AppleWebKit/537.36 Chrome/121.0 Mobile Safari/537.36",
                "_spotify-connect._tcp.local", ["www.instagram.com", "graph.facebook.com", "www.samsung.com"]),
    "intel": ("00:1b:21", "DESKTOP", "MSFT 5.0", WIN_PRL,
              "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:123.0) Gecko/20100101 Firefox/123.0",
              None, ["www.google.com", "outlook.office365.com", "www.wikipedia.org"]),
}
VENDOR_WEIGHTS = {"amazon": 30, "sonos": 20, "netatmo": 10, "slim": 5, "azurewave": 25, "espressif": 30,
                  "apple": 45, "google": 25, "tplink": 30, "philips": 15, "samsung": 35, "intel": 30}

# provider: (IPv4 prefixes, IPv6 prefixes, CNAME chain templates, RTT range ms)
PROVIDERS = {
    "aws": (["52.94.0.0/16", "54.194.0.0/15", "34.240.0.0/13", "35.168.0.0/13", "3.208.0.0/12",
             "18.184.0.0/15", "52.28.0.0/16"], ["2600:1f00::/24"], ["{n}.elb.amazonaws.com"], (10, 110)),
    "cloudfront": (["13.32.0.0/15", "13.224.0.0/14", "18.64.0.0/14", "54.230.0.0/16", "99.84.0.0/16"],
                   ["2600:9000::/28"], ["d{h}.cloudfront.net"], (3, 25)),
    "akamai": (["23.32.0.0/11", "2.16.0.0/13", "104.64.0.0/10", "184.24.0.0/13"], ["2a02:26f0::/29"],
               ["{n}.edgekey.net", "e{d}.a.akamaiedge.net"], (2, 20)),
    "fastly": (["151.101.0.0/16", "199.232.0.0/16"], ["2a04:4e42::/32"], ["{n}.map.fastly.net"], (3, 25)),
    "meta": (["31.13.64.0/18", "157.240.0.0/16", "179.60.192.0/22", "129.134.0.0/16"], ["2a03:2880::/32"],
             ["star-mini.c10r.facebook.com"], (8, 40)),
    "google": (["142.250.0.0/15", "172.217.0.0/16", "216.58.192.0/19", "74.125.0.0/16", "173.194.0.0/16"],
               ["2a00:1450::/32", "2607:f8b0::/32"], [], (4, 30)),
    "youtube": (["142.250.0.0/15", "172.217.0.0/16"], ["2a00:1450::/32"], ["youtube-ui.l.google.com"], (4, 30)),
    "cloudflare": (["104.16.0.0/13", "172.64.0.0/13", "162.158.0.0/15"], ["2606:4700::/32"], [], (2, 20)),
    "azure": (["20.0.0.0/11", "40.64.0.0/10", "13.64.0.0/11", "52.96.0.0/12", "13.107.0.0/16"],
              ["2603:1000::/24"], ["{n}.trafficmanager.net", "{n}.azureedge.net"], (10, 90)),
    "apple": (["17.0.0.0/8"], ["2620:149::/32"], ["{n}.apple.com.akadns.net"], (10, 60)),
    "netflix": (["45.57.0.0/17", "198.38.96.0/19"], ["2a00:86c0::/32"], ["ipv4-c{d}.1.lhr.nflxvideo.net"],
                (5, 30)),
    "wikimedia": (["208.80.152.0/22", "185.15.56.0/22"], ["2a02:ec80::/29"], ["dyna.wikimedia.org"], (10, 40)),
}
POOL_PER_PROVIDER = 350
# domain -> provider; unlisted favourites are "aws"; plus generated "other" sites.
DOMAINS = {
    "www.amazon.com": "cloudfront", "images-eu.ssl-images-amazon.com": "cloudfront",
    "api.amazonalexa.com": "aws", "spectrum.s3.amazonaws.com": "aws", "sonos.com": "cloudfront",
    "www.google.com": "google", "clients3.google.com": "google", "android.googleapis.com": "google",
    "fonts.gstatic.com": "google", "www.youtube.com": "youtube", "i.ytimg.com": "youtube",
    "www.facebook.com": "meta", "graph.facebook.com": "meta", "www.instagram.com": "meta",
    "scontent.xx.fbcdn.net": "meta", "www.cloudflare.com": "cloudflare", "discord.com": "cloudflare",
    "time.cloudflare.com": "cloudflare", "www.reddit.com": "fastly", "www.nytimes.com": "fastly",
    "github.githubassets.com": "fastly", "pypi.org": "fastly", "www.apple.com": "akamai",
    "www.samsung.com": "akamai", "www.ebay.com": "akamai", "gateway.icloud.com": "apple",
    "gsp-ssl.ls.apple.com": "apple", "www.bing.com": "azure", "login.microsoftonline.com": "azure",
    "teams.microsoft.com": "azure", "outlook.office365.com": "azure", "www.netflix.com": "aws",
    "occ-0-768-769.1.nflxso.net": "netflix", "www.wikipedia.org": "wikimedia",
}
WORDS = ("blue sun shop news green tech data cloud home city art open fast bright river stone media "
         "north star link wave pixel local smart north gold zen nova peak core").split()
TLDS = ("com", "net", "org", "de", "co.uk", "fr", "io", "nl", "it", "es")
CIPHERS13 = (0x1301, 0x1302, 0x1303)
# Ports in the ephemeral range 32768-60999 that tshark 4.0 hands to other dissectors
# (tshark -G decodes): client ports skip them, so the server port picks the dissector.
AVOID_PORTS = {34962, 34980, 37008, 41170, 44321, 44322, 44818, 45564, 47000, 47808, 48049, 48898, 49999,
               54328, 56000, 56001, 56500, 56501, 57000, 57001, 57032, 57033, 57500, 57501, 57532, 57533,
               59000, 59001, 59032, 59033, 59500, 59501, 59532, 59533, 60001}


class Host:
    def __init__(self, rng, vendor, ip4, ula_prefix):
        self.vendor = vendor
        oui, prefix, self.vci, self.prl, self.ua, self.service, self.favourites = VENDORS[vendor]
        tail = "%02x:%02x:%02x" % tuple(rng.randbytes(3))
        self.mac, self.ip4 = oui + ":" + tail, ip4
        self.name = "%s-%s" % (prefix, tail.replace(":", "").upper())
        self.ip6 = None
        if rng.random() < 0.35:
            self.ip6 = ula_prefix + "%x:%x:%x:%x" % tuple(rng.randrange(1, 65536) for _ in range(4))
        self.ll6 = pg.ipv6_link_local(self.mac)
        self.ttl = 128 if self.vci == "MSFT 5.0" else 64
        self.ident = rng.randrange(65536)


class Gen:
    def __init__(self, seed):
        rng = self.rng = random.Random(seed)
        self.blob = rng.randbytes(1 << 20)
        self.heap, self.seq = [], 0
        self.ula = "fd%02x:%x:%x:1:" % (rng.randrange(256), rng.randrange(1, 65536), rng.randrange(1, 65536))
        self.gw6 = self.ula + ":1"
        addrs = set()
        while len(addrs) < 300:
            addrs.add("192.168.%d.%d" % (rng.choice((0, 1, 1, 1, 2, 3)), rng.randrange(2, 255)))
        names, weights = list(VENDOR_WEIGHTS), list(VENDOR_WEIGHTS.values())
        self.hosts = [Host(rng, rng.choices(names, weights)[0], a, self.ula) for a in sorted(addrs)]
        self.pools = {}
        for prov, (v4, v6, _, _) in PROVIDERS.items():
            self.pools[prov] = ([self.in_prefix(rng.choice(v4)) for _ in range(POOL_PER_PROVIDER)],
                                [self.in_prefix(rng.choice(v6)) for _ in range(60)])
        self.others = {}
        while len(self.others) < 3000:
            name = "%s%s%s.%s" % (rng.choice(("www.", "", "cdn.", "api.")), rng.choice(WORDS),
                                  rng.choice(WORDS), rng.choice(TLDS))
            self.others.setdefault(name, self.random_global())
        self.other_names = sorted(self.others)
        self.domains = sorted(d for d in DOMAINS if not d.startswith("time."))
        self.servers = {}                   # address -> (RTT seconds, TTL)
        self.chains, self.dns_cache, self.packed = {}, {}, {}

    def in_prefix(self, prefix):
        net = ipaddress.ip_network(prefix)
        return str(net.network_address + self.rng.randrange(1, net.num_addresses - 1))

    def random_global(self):
        while True:
            addr = ipaddress.IPv4Address(self.rng.randrange(0x01000000, 0xE0000000))
            if addr.is_global:
                return str(addr)

    def port(self):
        while True:
            port = self.rng.randrange(32768, 61000)
            if port not in AVOID_PORTS:
                return port

    def rand(self, n):
        at = self.rng.randrange(len(self.blob) - n)
        return self.blob[at:at + n]

    def server(self, addr, provider):
        if addr not in self.servers:
            lo, hi = PROVIDERS[provider][3] if provider in PROVIDERS else (20, 150)
            self.servers[addr] = (self.rng.uniform(lo, hi) / 1000, self.rng.choice((44, 52, 55, 57, 58, 116)))
        return self.servers[addr]

    def provider(self, name):
        return "other" if name in self.others else DOMAINS.get(name, "aws")

    def pick_domain(self, host):
        roll = self.rng.random()
        if roll < 0.4:
            return self.rng.choice(host.favourites)
        return self.rng.choice(self.domains if roll < 0.7 else self.other_names)

    def resolve(self, name, v6, t):
        """(CNAME records as (owner, target), final name, addresses, TTL); cached per TTL."""
        prov = self.provider(name)
        if prov == "other":
            return [], name, [self.others[name]], 3600
        if name not in self.chains:
            chain, owner = [], name
            for tpl in PROVIDERS[prov][2]:
                tag = "".join(self.rng.choices("0123456789abcdefghijklmnopqrstuvwxyz", k=13))
                target = tpl.format(n=name, h=tag, d=self.rng.randrange(1, 9999))
                chain.append((owner, target))
                owner = target
            self.chains[name] = chain
        chain = self.chains[name]
        cached = self.dns_cache.get((name, v6))
        if cached is None or cached[0] < t:
            ttl = self.rng.choice((20, 30, 60, 60, 120, 300))
            addrs = self.rng.sample(self.pools[prov][1 if v6 else 0], self.rng.randint(1, 4))
            cached = self.dns_cache[(name, v6)] = (t + ttl, addrs, ttl)
        return chain, chain[-1][1] if chain else name, cached[1], cached[2]

    # --- frames ------------------------------------------------------------------------
    def push(self, t, frame):
        heapq.heappush(self.heap, (t, self.seq, pg.ether_pad(frame)))
        self.seq += 1

    def send(self, t, smac, dmac, src, dst, proto, payload, ttl=64, ident=0):
        # pcapgen takes packed (4/16-byte) addresses too: parse each address string once
        src, dst = (self.packed.get(a) or self.packed.setdefault(a, ipaddress.ip_address(a).packed)
                    for a in (src, dst))
        ethertype, packet = pg.ip(src, dst, proto, payload, ttl=ttl, ident=ident & 0xFFFF)
        self.push(t, pg.ether(smac, dmac, ethertype, packet))

    def up(self, t, host, src, dst, proto, payload):
        """Host -> gateway/Internet."""
        host.ident += 1
        self.send(t, host.mac, GW_MAC, src, dst, proto, payload, host.ttl, host.ident)

    def down(self, t, host, src, dst, proto, payload, ttl=64):
        """Gateway/Internet -> host."""
        self.send(t, GW_MAC, host.mac, src, dst, proto, payload, ttl, self.rng.randrange(65536))

    # --- sessions (each pushes all its frames; times >= its start time) ----------------
    def dns(self, t, host, name, v6):
        """Query + answer to the gateway; returns (server address, time of the answer)."""
        rng = self.rng
        src, dst, qtype = (host.ip6, self.gw6, pg.DNS_AAAA) if v6 else (host.ip4, GW_IP, pg.DNS_A)
        ident, port = rng.randrange(65536), self.port()
        chain, final, addrs, ttl = self.resolve(name, v6, t)
        self.up(t, host, src, dst, 17, pg.udp(port, 53, pg.dns_packet(ident, 0x0100, [(name, qtype)])))
        answers = [pg.dns_rr(o, pg.DNS_CNAME, c, ttl) for o, c in chain] + \
            [pg.dns_rr(final, qtype, a, ttl) for a in addrs]
        t += rng.choice((0.0004, 0.0007, rng.uniform(0.008, 0.06)))
        reply = pg.dns_packet(ident, 0x8180, [(name, qtype)], answers)
        self.down(t, host, dst, src, 17, pg.udp(53, port, reply))
        return rng.choice(addrs), t

    def lookup(self, t, host, name):
        v6 = host.ip6 is not None and self.provider(name) != "other" and self.rng.random() < 0.5
        addr, t = self.dns(t, host, name, v6)
        return (host.ip6 if v6 else host.ip4), addr, t + self.rng.uniform(0.0002, 0.003)

    def tls(self, t, host):
        rng = self.rng
        name = self.pick_domain(host)
        src, dst, t = self.lookup(t, host, name)
        c = Tcp(self, host, src, dst, 443, self.server(dst, self.provider(name)))
        t = c.handshake(t)
        resume = rng.random() < 0.15             # TLS 1.2 session resumption, else TLS 1.3
        sid = self.rand(32)
        hello = pg.tls_client_hello(name, self.rand(32), key_share=self.rand(32), session_id=sid,
                                    tls13=not resume)
        t = c.flow(t, True, pg.tls_record(22, hello, version=0x0301), ack=False)
        if resume:
            flight = pg.tls_record(22, pg.tls_server_hello(self.rand(32), rng.choice(pg.TLS12_CIPHERS[:6]),
                                                           sid, tls13=False)) + \
                pg.tls_record(20, b"\x01") + pg.tls_record(22, self.rand(40))
            finished = pg.tls_record(20, b"\x01") + pg.tls_record(22, self.rand(40))
        else:
            flight = pg.tls_record(22, pg.tls_server_hello(self.rand(32), rng.choice(CIPHERS13), sid,
                                                           key_share=self.rand(32))) + \
                pg.tls_record(20, b"\x01") + pg.tls_record(23, self.rand(rng.randint(2000, 5000)))
            finished = pg.tls_record(20, b"\x01") + pg.tls_record(23, self.rand(53))
        t = c.flow(t + c.rtt + rng.uniform(0.0005, 0.005), False, flight)
        t += rng.uniform(0.0005, 0.003)
        for i in range(rng.choice((1, 1, 1, 2, 4))):
            request = pg.tls_record(23, self.rand(rng.randint(80, 700)))
            t = c.flow(t, True, (finished if i == 0 else b"") + request)
            size = rng.randint(*rng.choices(((100, 3000), (3000, 30000), (30000, 200000)), (12, 4, 1))[0])
            records = b"".join(pg.tls_record(23, self.rand(min(16401, size - off)))
                               for off in range(0, size, 16401))
            t = c.flow(t + c.rtt + rng.uniform(0.001, 0.05), False, records)
            t += rng.expovariate(2.0)
        c.close(t)

    def http(self, t, host):
        rng = self.rng
        name, path, status, ctype, size = rng.choice(HTTP_TARGETS)
        src, dst, t = self.lookup(t, host, name)
        c = Tcp(self, host, src, dst, 80, self.server(dst, self.provider(name)))
        t = c.handshake(t)
        for _ in range(rng.choice((1, 1, 2))):
            req = pg.http_request("GET", path, name, host.ua, [("Accept", "*/*"), ("Connection", "keep-alive")])
            t = c.flow(t, True, req)
            n = rng.randint(*size)
            body = b"success\n"[:n].ljust(n, b"\n") if ctype == "text/plain" else self.rand(n)
            head = pg.http_response_head(status, "OK" if status == 200 else "No Content", n, ctype,
                                         [("Server", "nginx"), ("Cache-Control", "max-age=60")])
            t = c.flow(t + c.rtt + rng.uniform(0.001, 0.03), False, head + body) + rng.uniform(0.05, 1.0)
        c.close(t)

    def quic(self, t, host):
        rng = self.rng
        name = rng.choice(QUIC_DOMAINS)
        src, dst, t = self.lookup(t, host, name)
        rtt, ttl = self.server(dst, self.provider(name))
        sport, dcid, cid, sid = self.port(), self.rand(8), self.rand(8), self.rand(8)

        def up(t, payload):
            self.up(t, host, src, dst, 17, pg.udp(sport, 443, payload))

        def down(t, payload):
            self.down(t, host, dst, src, 17, pg.udp(443, sport, payload), ttl)
        params = pg.quic_transport_parameters([(4, 1048576), (1, 30000), (8, 100), (0x0F, cid)])
        hello = pg.tls_client_hello(name, self.rand(32), key_share=self.rand(32), alpn=("h3",),
                                    quic_transport_parameters=params)
        if HAVE_CRYPTO:
            up(t, pg.quic_initial(dcid, cid, 0, pg.quic_crypto_frame(0, hello), pad_to=1200))
            shello = pg.tls_server_hello(self.rand(32), 0x1301, key_share=self.rand(32))
            first = pg.quic_initial(cid, sid, 0, pg.quic_ack_frame(0) + pg.quic_crypto_frame(0, shello),
                                    server=True, original_dcid=dcid)
            ack = pg.quic_initial(sid, cid, 1, pg.quic_ack_frame(0), original_dcid=dcid, pad_to=1200)
        else:
            up(t, pg.quic_opaque_long(pg.QUIC_INITIAL, dcid, cid, self.rand(1160), 1))
            first = pg.quic_opaque_long(pg.QUIC_INITIAL, cid, sid, self.rand(120), 1)
            ack = pg.quic_opaque_long(pg.QUIC_INITIAL, sid, cid, self.rand(1160), 1)
        t += rtt
        down(t, first + pg.quic_opaque_long(pg.QUIC_HANDSHAKE, cid, sid, self.rand(1100), 1))
        down(t + 0.0002, pg.quic_opaque_long(pg.QUIC_HANDSHAKE, cid, sid, self.rand(rng.randint(300, 1200)), 1))
        t += 0.0005
        up(t, ack)
        up(t + 0.0003, pg.quic_opaque_long(pg.QUIC_HANDSHAKE, sid, cid, self.rand(60), 1) +
           pg.quic_short(sid, self.rand(rng.randint(40, 300)), rng.randrange(64)))
        t += rtt + rng.uniform(0.001, 0.02)
        for i in range(rng.choice((2, 4, 8, 15, 50))):
            down(t, pg.quic_short(cid, self.rand(rng.randint(900, 1250)), rng.randrange(64)))
            if i % 2:
                up(t + 0.0003, pg.quic_short(sid, self.rand(rng.randint(25, 45)), rng.randrange(64)))
            t += rng.choice((0.00015, 0.0003, 0.002, rng.uniform(0.01, 0.5)))

    def dnsonly(self, t, host):
        for _ in range(self.rng.choice((1, 2, 3))):
            t = self.lookup(t, host, self.pick_domain(host))[2] + self.rng.uniform(0, 0.05)

    def dhcp(self, t, host):
        rng, xid = self.rng, self.rng.randrange(1 << 32)
        common = [(61, b"\x01" + pg.mac(host.mac)), (12, host.name), (81, pg.dhcp_fqdn(host.name)),
                  (60, host.vci), (55, host.prl)]

        def reply(t, kind):
            opts = [(53, [kind]), (54, GW_IP), (51, (86400).to_bytes(4, "big")), (1, "255.255.0.0"),
                    (3, GW_IP), (6, GW_IP), (15, "lan")]
            msg = pg.dhcp_message(2, xid, host.mac, opts, yiaddr=host.ip4, siaddr=GW_IP)
            self.send(t, GW_MAC, host.mac, GW_IP, host.ip4, 17, pg.udp(67, 68, msg))
        if rng.random() < 0.4:                   # renewal: unicast REQUEST, ACK
            msg = pg.dhcp_message(1, xid, host.mac, [(53, [3])] + common, ciaddr=host.ip4)
            self.up(t, host, host.ip4, GW_IP, 17, pg.udp(68, 67, msg))
            return reply(t + rng.uniform(0.0005, 0.005), pg.DHCP_ACK)
        msg = pg.dhcp_message(1, xid, host.mac, [(53, [1])] + common)
        self.send(t, host.mac, BCAST, "0.0.0.0", "255.255.255.255", 17, pg.udp(68, 67, msg))
        reply(t + rng.uniform(0.001, 0.5), pg.DHCP_OFFER)
        t += rng.uniform(0.5, 1.0)
        msg = pg.dhcp_message(1, xid, host.mac, [(53, [3]), (50, host.ip4), (54, GW_IP)] + common, secs=1)
        self.send(t, host.mac, BCAST, "0.0.0.0", "255.255.255.255", 17, pg.udp(68, 67, msg))
        reply(t + rng.uniform(0.0005, 0.005), pg.DHCP_ACK)

    def mdns(self, t, host):
        local = host.name + ".local"
        if host.service and self.rng.random() < 0.7:
            inst = "%s.%s" % (host.name, host.service)
            msg = pg.dns_packet(0, 0x8400, answers=[
                pg.dns_rr(host.service, pg.DNS_PTR, inst, 4500),
                pg.dns_rr(inst, pg.DNS_SRV, (0, 0, self.rng.choice((8009, 1400, 443, 80)), local), 120, 0x8001),
                pg.dns_rr(inst, pg.DNS_TXT, ["id=" + host.mac.replace(":", ""), "md=" + host.vendor], 4500, 0x8001),
                pg.dns_rr(local, pg.DNS_A, host.ip4, 120, 0x8001)])
        else:
            service = self.rng.choice([v[5] for v in VENDORS.values() if v[5]])
            msg = pg.dns_packet(0, 0, [(service, pg.DNS_PTR)])
        for i in range(self.rng.choice((1, 2))):
            self.send(t + i, host.mac, pg.multicast_mac(pg.MDNS_GROUP), host.ip4, pg.MDNS_GROUP, 17,
                      pg.udp(5353, 5353, msg), ttl=255)
            if host.ip6:
                self.send(t + i + 0.0001, host.mac, pg.multicast_mac(pg.MDNS_GROUP6), host.ll6, pg.MDNS_GROUP6,
                          17, pg.udp(5353, 5353, msg))

    def upnp(self, host):
        uuid = "uuid:RINCON_%s01400" % host.mac.replace(":", "").upper()
        return ("http://%s:1400/xml/device_description.xml" % host.ip4, uuid,
                "Linux/5.10 UPnP/1.0 %s/1.0" % host.vendor)

    def ssdp(self, t, host):
        rng, group = self.rng, pg.multicast_mac(pg.SSDP_GROUP)
        if rng.random() < 0.6:
            location, uuid, server = self.upnp(host)
            for i, nt in enumerate(("upnp:rootdevice", uuid, "urn:schemas-upnp-org:device:MediaRenderer:1")):
                msg = pg.ssdp_notify(location, nt, uuid + ("" if nt == uuid else "::" + nt), server)
                self.send(t + i * 0.0002, host.mac, group, host.ip4, pg.SSDP_GROUP, 17, pg.udp(1900, 1900, msg),
                          ttl=2)
            return
        port, st = self.port(), "urn:schemas-upnp-org:device:MediaRenderer:1"
        self.send(t, host.mac, group, host.ip4, pg.SSDP_GROUP, 17, pg.udp(port, 1900, pg.ssdp_msearch(st, 1, host.ua)),
                  ttl=2)
        for other in rng.sample(self.hosts, rng.randint(1, 4)):
            if other is not host:
                location, uuid, server = self.upnp(other)
                msg = pg.ssdp_response(location, st, uuid + "::" + st, server)
                self.send(t + rng.uniform(0.001, 1.0), other.mac, host.mac, other.ip4, host.ip4, 17,
                          pg.udp(1900, port, msg))

    def icmp(self, t, host):
        rng, v6 = self.rng, host.ip6 is not None and self.rng.random() < 0.4
        prov = rng.choice(list(PROVIDERS))
        src = host.ip6 if v6 else host.ip4
        dst = self.gw6 if v6 else GW_IP
        if rng.random() < 0.7:
            dst = rng.choice(self.pools[prov][1 if v6 else 0])
        rtt, ttl = self.server(dst, prov) if dst not in (GW_IP, self.gw6) else (0.0004, 64)
        ident, payload = rng.randrange(65536), self.rand(8) + bytes(range(16, 64))
        for seq in range(1, rng.choice((2, 4, 5)) + 1):
            self.up(t, host, src, dst, 58 if v6 else 1, pg.icmp_echo(True, ident, seq, payload, v6))
            self.down(t + rtt, host, dst, src, 58 if v6 else 1, pg.icmp_echo(False, ident, seq, payload, v6), ttl)
            t += rng.uniform(0.99, 1.01)

    def ntp(self, t, host):
        name = self.rng.choice(NTP_NAMES)
        src, dst, t = self.lookup(t, host, name)
        rtt, ttl = self.server(dst, self.provider(name))
        port = self.rng.choice((123, self.port()))
        self.up(t, host, src, dst, 17, pg.udp(port, 123, pg.ntp_packet(3, t)))
        answer = pg.ntp_packet(4, t + rtt / 2 + 0.00002, origin=t, receive=t + rtt / 2, stratum=1,
                               refid=b"GPS\0", reference=t - 16)
        self.down(t + rtt, host, dst, src, 17, pg.udp(123, port, answer), ttl)

    def arp(self, t, host):
        other = self.rng.choice(self.hosts)
        asker, target = ((GW_MAC, GW_IP), (host.mac, host.ip4)) if self.rng.random() < 0.5 else \
            ((host.mac, host.ip4), (other.mac, other.ip4) if other is not host else (GW_MAC, GW_IP))
        self.push(t, pg.ether(asker[0], BCAST, pg.ETH_ARP, pg.arp_request(asker[0], asker[1], target[1])))
        self.push(t + self.rng.uniform(0.0001, 0.003),
                  pg.ether(target[0], asker[0], pg.ETH_ARP, pg.arp_reply(target[0], target[1], *asker)))


class Tcp:
    """One TCP connection between host (client) and a server, as the edge sees it."""
    SYN, FIN, RST, PSH, ACK = pg.TCP_SYN, pg.TCP_FIN, pg.TCP_RST, pg.TCP_PSH, pg.TCP_ACK

    def __init__(self, g, host, src, dst, dport, server):
        self.g, self.host, self.src, self.dst, self.dport = g, host, src, dst, dport
        self.rtt, self.ttl = server
        self.sport = g.port()
        self.nxt = [g.rng.randrange(1 << 32), g.rng.randrange(1 << 32)]
        self.mss = 1460 if ":" not in src else 1440

    def seg(self, t, client, flags, payload=b"", options=b""):
        side = 0 if client else 1
        ack = self.nxt[1 - side] if flags & self.ACK else 0
        window = (64240 if client else 65535) if flags & self.SYN else (2052 if client else 501)
        ports = (self.sport, self.dport) if client else (self.dport, self.sport)
        body = pg.tcp_options(*ports, self.nxt[side], ack, flags, options, payload, window)
        if client:
            self.g.up(t, self.host, self.src, self.dst, 6, body)
        else:
            self.g.down(t, self.host, self.dst, self.src, 6, body, self.ttl)
        self.nxt[side] = (self.nxt[side] + len(payload) + bool(flags & (self.SYN | self.FIN))) & 0xFFFFFFFF

    def handshake(self, t):
        self.seg(t, True, self.SYN, options=pg.tcp_syn_options(self.mss, 8))
        self.seg(t + self.rtt, False, self.SYN | self.ACK, options=pg.tcp_syn_options(self.mss, 9))
        self.seg(t + self.rtt + 0.0001, True, self.ACK)
        return t + self.rtt + self.g.rng.uniform(0.0002, 0.001)

    def flow(self, t, client, data, ack=True):
        """data in MSS-sized segments from one side; the other side ACKs every second
        segment and the last (unless ack is False). Returns the time of the last segment."""
        for at in range(0, len(data), self.mss):
            last = at + self.mss >= len(data)
            self.seg(t, client, self.ACK | (self.PSH if last else 0), data[at:at + self.mss])
            if ack and (last or at // self.mss % 2):
                self.seg(t + (self.rtt if client else 0.0002), not client, self.ACK)
            if not last:
                t += 0.00005 if client else 0.00012
        return t

    def close(self, t):
        roll = self.g.rng.random()
        if roll < 0.1:
            return self.seg(t, True, self.RST | self.ACK)
        first = roll < 0.7                      # True: the client closes first
        self.seg(t, first, self.FIN | self.ACK)
        t += self.rtt if first else 0.0005
        self.seg(t, not first, self.FIN | self.ACK)
        self.seg(t + (0.0001 if first else self.rtt), first, self.ACK)


HTTP_TARGETS = [  # (host, path, status, content type, body size range)
    ("connectivitycheck.gstatic.com", "/generate_204", 204, "text/plain", (0, 0)),
    ("captive.apple.com", "/hotspot-detect.html", 200, "text/plain", (8, 8)),
    ("www.msftconnecttest.com", "/connecttest.txt", 200, "text/plain", (8, 8)),
    ("download.windowsupdate.com", "/c/msdownload/update/software/defu/2024/03/am_delta.exe", 200,
     "application/octet-stream", (20000, 400000)),
    ("update.sonos.com", "/firmware/Gen2/update.upd", 200, "application/octet-stream", (5000, 200000)),
    ("www.mysqueezebox.com", "/api/v1/status", 200, "application/octet-stream", (200, 2000)),
]
QUIC_DOMAINS = sorted(d for d, p in DOMAINS.items() if p in ("google", "youtube", "meta", "cloudflare")
                      and not d.startswith("time."))
DOMAINS.update({"connectivitycheck.gstatic.com": "google", "captive.apple.com": "apple",
                "www.msftconnecttest.com": "azure", "download.windowsupdate.com": "akamai",
                "time.google.com": "google", "time.apple.com": "apple", "time.windows.com": "azure"})
NTP_NAMES = ["time.google.com", "time.apple.com", "time.windows.com", "time.cloudflare.com"]
SESSIONS = {"tls": 40, "quic": 16, "http": 6, "dnsonly": 12, "dhcp": 1.5, "mdns": 8, "ssdp": 5,
            "icmp": 3, "ntp": 4, "arp": 4}


def generate(packets, out, seed):
    g = Gen(seed)
    rng, kinds, weights = g.rng, list(SESSIONS), list(SESSIONS.values())
    t = EPOCH
    with pg.PcapWriter(out) as writer:
        while writer.count + len(g.heap) < packets:
            while g.heap and g.heap[0][0] <= t:          # no later session starts earlier
                writer.add(*heapq.heappop(g.heap)[::2])
            before = g.seq
            getattr(g, rng.choices(kinds, weights)[0])(t, rng.choice(g.hosts))
            t += (g.seq - before) * SECONDS_PER_PACKET * rng.expovariate(1.0)
        while writer.count < packets:                   # the last sessions are cut here
            writer.add(*heapq.heappop(g.heap)[::2])
    return t


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--packets", type=int, default=200000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not HAVE_CRYPTO:
        print("warning: python3-cryptography missing, QUIC Initials are opaque (not decryptable)",
              file=sys.stderr)
    start = time.monotonic()
    generate(args.packets, args.out, args.seed)
    print("%s: %d packets in %.1f s" % (args.out, args.packets, time.monotonic() - start), file=sys.stderr)


if __name__ == "__main__":
    main()
