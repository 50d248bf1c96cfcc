#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""homegen: deterministic synthetic homes for the cloud-mediated pair tests.

    python3 captures/homegen.py --seed 7 --out home7.pcap

writes home7.pcap, home7.json (the ground truth) and home7.events.tsv (what the
iotcloud plugin sees of it: one line per packet between a local device and a
remote address, with the remote end's provider). The same seed and parameters
always give the same bytes.

A home is a dozen devices behind a router (192.168.1.1, also the DNS server),
each with its DHCP exchange and its DNS look-ups, on realistic TCP connections
(handshake, data in TLS application records, ACKs from the other side, varied
ports). Its background:

- Echo / Google speaker: a connection to AWS / Google with an idle keepalive
  every 10 s / 20 s, and voice commands (an 8-30 kB upload while the user
  speaks, then the answer) a few times an hour that drive nothing;
- Sonos / Chromecast: a keepalive every 30 s / 15 s and, a few times an hour,
  the cloud pushing them on its own;
- smart plug: a keepalive every 60 s and the cloud pushing it on a timer,
  every 120 s;
- camera: uploading to AWS all the time (a segment every 0.15-0.35 s);
- phones and laptops: browsing sessions (page loads to AWS-, Google- and
  Akamai-hosted addresses, each a DNS look-up and a new connection, now and
  then a photo or file upload) and notifications pushed on their own
  connection to Google (Android) or Apple (iPhone);
- sensors: an upload every 60 s or 300 s on a new connection.

Injected mediated pairs (the truth): A's upload to provider P (a voice command,
or a phone app's command), then P pushes B 0.2-2 s after the upload ends
(Echo -> Sonos or plug via AWS, Google speaker -> Chromecast via Google, phone
-> Sonos or plug via AWS), a few times each. A phone that drives a device
through the cloud may also talk to it on the LAN (a direct pair); phones also
cast to Chromecasts on the LAN (LAN only: not a mediated pair).

Standard library only (uses pcapgen.py from this folder).
"""
import argparse
import ipaddress
import json
import os
import random
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcapgen import (DHCP_ACK, DHCP_DISCOVER, DHCP_OFFER, DHCP_REQUEST, ETH_IPV4, TCP_ACK,  # noqa: E402
                     TCP_FIN, TCP_PSH, TCP_SYN, dhcp_message, dns_message, ether, ether_pad, ip, tcp,
                     tls_record, udp)

EPOCH = 1528538400                      # 2018-06-09 10:00:00 UTC, as the talk's captures
ROUTER = ("192.168.1.1", "c8:3a:35:00:00:01")
BROADCAST_MAC = "ff:ff:ff:ff:ff:ff"
MSS = 1400

# Remote addresses by provider, drawn from prefixes that the cloud plugin's
# published ranges label with that provider (tests/test_mediated_homes.py
# checks every address a home uses against tshark's cloud.*.provider).
POOLS = {
    "alexa":  ("AWS", ["52.94.219.0/24", "52.94.220.0/24"]),
    "ec2":    ("AWS", ["34.240.0.0/13", "52.16.0.0/15", "54.72.0.0/15", "3.120.0.0/14", "18.184.0.0/15"]),
    "google": ("Google", ["142.250.0.0/15", "172.217.0.0/16", "216.58.192.0/19"]),
    "akamai": ("Akamai", ["23.32.0.0/11", "2.16.0.0/13", "184.24.0.0/13"]),
    "apple":  ("Apple", ["17.57.144.0/22", "17.248.128.0/18"]),
}
BROWSE_POOLS = [("ec2", 0.4), ("google", 0.35), ("akamai", 0.25)]

# kind: (OUIs, host name pattern, DHCP vendor class)
KINDS = {
    "echo":        (["40:b4:cd", "68:54:fd", "fc:65:de"], "amazon-{hex}", None),
    "google_home": (["f4:f5:d8", "54:60:09"], "Google-Home", None),
    "sonos":       (["00:0e:58", "5c:aa:fd", "94:9f:3e"], "SonosZP", None),
    "plug":        (["50:c7:bf", "1c:3b:f3", "b0:95:75"], "HS110", None),
    "chromecast":  (["6c:ad:f8", "f4:f5:d8"], "Chromecast", None),
    "camera":      (["2c:aa:8e", "7c:78:b2"], "WYZE_CAKP2JFUS", None),
    "android":     (["3c:28:6d", "f8:0f:f9"], "android-{hex}", "android-dhcp-11"),
    "iphone":      (["98:01:a7", "f0:18:98"], "iPhone", None),
    "laptop":      (["3c:a9:f4", "f8:bc:12"], "DESKTOP-{HEX}", "MSFT 5.0"),
    "sensor":      (["70:ee:50", "18:b4:30"], "Netatmo-Personal-Weather-Station", None),
}
# The first devices of every home, then extras at random (seeded).
CORE_KINDS = ["echo", "sonos", "plug", "camera", "google_home", "chromecast", "android", "iphone",
              "laptop", "sensor"]
EXTRA_KINDS = ["plug", "echo", "sonos", "sensor", "android", "chromecast", "laptop"]
PHONES = ("android", "iphone")
# (controller kinds, controlled kind, pool of the controlled device's cloud)
PAIR_RULES = [(("echo",), "sonos"), (("echo",), "plug"), (("google_home",), "chromecast"),
              (PHONES, "sonos"), (PHONES, "plug")]
CONTROLLERS = {kind for rule in PAIR_RULES for kind in rule[0]}
LAN_PORT = {"sonos": 1400, "plug": 9999, "chromecast": 8009}


class Capture:
    """Frames of a home, and what the iotcloud plugin sees of them."""

    def __init__(self):
        self.frames = []                # (time, order, frame, event or None)

    def add(self, t, src, dst, proto, segment):
        """src/dst: Device, Remote or the router; Ethernet addresses follow from them."""
        src_mac = src.mac if isinstance(src, Device) else ROUTER[1]
        dst_mac = dst.mac if isinstance(dst, Device) else ROUTER[1]
        ethertype, packet = ip(src.ip, dst.ip, proto, segment)
        frame = ether_pad(ether(src_mac, dst_mac, ethertype, packet))
        event = None
        sport, dport = (segment[0] << 8 | segment[1], segment[2] << 8 | segment[3]) if proto in (6, 17) else (0, 0)
        if isinstance(src, Device) and isinstance(dst, Remote):
            event = (src.ip, dst.provider, "o", len(frame), "%s:%d" % (dst.ip, dport))
        elif isinstance(src, Remote) and isinstance(dst, Device):
            event = (dst.ip, src.provider, "i", len(frame), "%s:%d" % (src.ip, sport))
        self.frames.append((t, len(self.frames), frame, event))

    def add_raw(self, t, frame):
        self.frames.append((t, len(self.frames), frame, None))

    def write(self, pcap_path, events_path=None):
        """Frames in time order with strictly increasing microsecond stamps;
        the events file carries the very same stamps (nanoseconds)."""
        last_usec, rows = -1, []
        with open(pcap_path, "wb") as out:
            out.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1))
            for t, _, frame, event in sorted(self.frames, key=lambda f: (f[0], f[1])):
                usec = max(round((EPOCH + t) * 1_000_000), last_usec + 1)
                last_usec = usec
                out.write(struct.pack("<IIII", usec // 1_000_000, usec % 1_000_000, len(frame), len(frame)))
                out.write(frame)
                if event is not None:
                    rows.append("%d\t%s\t%s\t%s\t%d\t%s\n" % ((usec * 1000,) + event))
        if events_path is not None:
            with open(events_path, "w") as out:
                out.write("# ts_ns\tdevice\tprovider\tdirection\tbytes\tremote\n")
                out.writelines(rows)
        return len(self.frames)


class Remote:
    def __init__(self, address, provider):
        self.ip, self.provider = address, provider


class Router:
    ip, mac = ROUTER


class Device:
    def __init__(self, home, kind, address, mac):
        self.home, self.kind, self.ip, self.mac = home, kind, address, mac
        self.next_port = home.rng.randint(32768, 50000)
        self.hostname = None

    def port(self):
        self.next_port = 32768 + (self.next_port - 32768 + self.home.rng.randint(1, 40)) % 28000
        return self.next_port


class Tcp:
    """One TCP connection of a device to a remote address: every data segment
    is a TLS application record; the receiver ACKs every second segment and
    the last one."""

    def __init__(self, device, remote, dport=443, rtt=None):
        rng = device.home.rng
        self.cap, self.device, self.remote, self.dport = device.home.capture, device, remote, dport
        self.sport = device.port()
        self.rtt = rtt if rtt is not None else rng.uniform(0.015, 0.060)
        self.seq = [rng.getrandbits(32), rng.getrandbits(32)]     # client, server

    def _segment(self, t, client, flags, size=0):
        payload = tls_record(23, bytes(size - 5)) if size >= 5 else b""
        me, peer = (0, 1) if client else (1, 0)
        sport, dport = (self.sport, self.dport) if client else (self.dport, self.sport)
        segment = tcp(sport, dport, self.seq[me] & 0xFFFFFFFF, self.seq[peer] & 0xFFFFFFFF, flags, payload)
        src, dst = (self.device, self.remote) if client else (self.remote, self.device)
        self.cap.add(t, src, dst, 6, segment)
        self.seq[me] += len(payload) + (1 if flags & (TCP_SYN | TCP_FIN) else 0)

    def open(self, t):
        self._segment(t, True, TCP_SYN)
        self._segment(t + self.rtt, False, TCP_SYN | TCP_ACK)
        self._segment(t + self.rtt + 0.0002, True, TCP_ACK)
        return t + self.rtt + 0.0002

    def send(self, t, size, client, duration=0.0):
        """size bytes from one side, in MSS segments spread over duration;
        returns the time of the last segment (the receiver's ACKs follow it)."""
        count = max(1, -(-size // MSS))
        sizes = [MSS] * (count - 1) + [size - (count - 1) * MSS]
        step = duration / count if duration > 0 else 0.0008
        ack_delay = self.rtt if client else 0.0004
        for i, chunk in enumerate(sizes):
            at = t + i * step
            self._segment(at, client, TCP_PSH | TCP_ACK, chunk)
            if i % 2 == 1 or i == count - 1:
                self._segment(at + ack_delay, not client, TCP_ACK)
        return t + (count - 1) * step

    def exchange(self, t, up, down, think=None):
        """A request and its answer; returns when the client ACKs the answer."""
        end = self.send(t, up, True)
        answer = end + self.rtt + (think if think is not None else 0.002)
        return self.send(answer, down, False) + 0.0004

    def push(self, t, size, reply):
        """The cloud starts: it sends, the device ACKs and answers."""
        self.send(t, size, False)
        if reply:
            at = t + 0.0004 + self.device.home.rng.uniform(0.02, 0.12)
            return self.send(at, reply, True) + self.rtt
        return t + 0.0004

    def close(self, t):
        self._segment(t, True, TCP_FIN | TCP_ACK)
        self._segment(t + self.rtt, False, TCP_FIN | TCP_ACK)
        self._segment(t + self.rtt + 0.0002, True, TCP_ACK)
        return t + self.rtt + 0.0002


class Home:
    """One synthetic home; see the module's docstring."""

    def __init__(self, seed, devices=12, duration=600.0, pairs=None, events=(3, 6), jitter=(0.2, 2.0)):
        self.rng = random.Random(seed)
        self.seed, self.duration, self.jitter = seed, duration, jitter
        self.capture = Capture()
        self.remotes = {}
        self.dns_ids = self.rng.sample(range(1, 65536), 4000)
        self.devices = self._devices(devices)
        self.truth = {"seed": seed, "duration": duration, "pairs": [], "lan_only": []}
        self.actions = {d.ip: [] for d in self.devices}          # device -> [(time, action)]
        self._join_all()
        self._inject_pairs(pairs if pairs is not None else self.rng.choice([2, 3]), events)
        self._lan_only()
        # Controllers first: their commands schedule the pushes of the devices they drive.
        for device in sorted(self.devices, key=lambda d: d.kind not in CONTROLLERS):
            getattr(self, "_run_" + device.kind)(device)
        self.truth["devices"] = [{"ip": d.ip, "mac": d.mac, "kind": d.kind, "hostname": d.hostname}
                                 for d in self.devices]

    # --- addresses and devices -------------------------------------------

    def remote(self, pool):
        provider, prefixes = POOLS[pool]
        while True:
            net = ipaddress.ip_network(self.rng.choice(prefixes))
            address = str(net[self.rng.randrange(1, net.num_addresses - 1)])
            if address not in self.remotes:
                self.remotes[address] = provider
                return Remote(address, provider)

    def _devices(self, count):
        kinds = CORE_KINDS[:count]
        while len(kinds) < count:
            kinds.append(self.rng.choice(EXTRA_KINDS))
        hosts = self.rng.sample(range(10, 250), count)
        devices = []
        for kind, host in zip(kinds, hosts):
            oui = self.rng.choice(KINDS[kind][0])
            mac = oui + "".join(":%02x" % self.rng.randrange(256) for _ in range(3))
            devices.append(Device(self, kind, "192.168.1.%d" % host, mac))
        return devices

    def of_kind(self, *kinds):
        return [d for d in self.devices if d.kind in kinds]

    def dns(self, device, t, name, address):
        """A look-up at the router; returns when the answer is back."""
        ident, sport = self.dns_ids.pop(), device.port()
        query = dns_message(ident, name)
        answer = dns_message(ident, name, response=True, answers=[(name, 1, 60, address)])
        self.capture.add(t, device, Router, 17, udp(sport, 53, query))
        self.capture.add(t + 0.004, Router, device, 17, udp(53, sport, answer))
        return t + 0.004

    def dhcp(self, device, t):
        pattern, vendor = KINDS[device.kind][1], KINDS[device.kind][2]
        tail = device.mac.replace(":", "")[-6:]
        device.hostname = pattern.format(hex=tail + "%06x" % self.rng.getrandbits(24), HEX=tail.upper())
        options = [(61, b"\x01" + bytes.fromhex(device.mac.replace(":", ""))), (12, device.hostname)]
        if vendor:
            options.append((60, vendor))
        options.append((55, [1, 3, 6, 15, 28, 42]))
        server = [(54, ROUTER[0]), (51, [0, 1, 81, 128]), (1, "255.255.255.0"), (3, ROUTER[0]), (6, ROUTER[0])]
        xid = self.rng.getrandbits(32)
        for step, kind in enumerate([DHCP_DISCOVER, DHCP_OFFER, DHCP_REQUEST, DHCP_ACK]):
            if kind in (DHCP_DISCOVER, DHCP_REQUEST):
                extra = [(50, device.ip)] if kind == DHCP_REQUEST else []
                message = dhcp_message(1, xid, device.mac, [(53, [kind])] + options + extra)
                _, packet = ip("0.0.0.0", "255.255.255.255", 17, udp(68, 67, message))
                frame = ether(device.mac, BROADCAST_MAC, ETH_IPV4, packet)
            else:
                message = dhcp_message(2, xid, device.mac, [(53, [kind])] + server, yiaddr=device.ip,
                                       siaddr=ROUTER[0])
                _, packet = ip(ROUTER[0], "255.255.255.255", 17, udp(67, 68, message))
                frame = ether(ROUTER[1], BROADCAST_MAC, ETH_IPV4, packet)
            self.capture.add_raw(t + 0.01 * step, frame)

    def _join_all(self):
        for device in self.devices:
            self.dhcp(device, self.rng.uniform(0.0, 3.0))

    # --- the truth: mediated pairs and LAN-only pairs -----------------------

    def _inject_pairs(self, count, events):
        candidates = []
        for controllers, controlled in PAIR_RULES:
            for a in self.of_kind(*controllers):
                for b in self.of_kind(controlled):
                    candidates.append((a, b))
        self.rng.shuffle(candidates)
        chosen = []
        for a, b in candidates:
            if len(chosen) < count and all(b is not y for _, y in chosen):
                chosen.append((a, b))
        busy = {}                                       # controller -> event times
        for a, b in chosen:
            direct = a.kind in PHONES and self.rng.random() < 0.5
            times = self._event_times(busy.setdefault(a.ip, []), self.rng.randint(*events))
            for t in times:
                self.actions[a.ip].append((t, ("command", b)))
            provider = "Google" if b.kind == "chromecast" else "AWS"
            self.truth["pairs"].append({"a": a.ip, "b": b.ip, "provider": provider, "events": len(times),
                                        "direct": direct})
            if direct:
                for t in times + [self.rng.uniform(30, self.duration - 30) for _ in range(2)]:
                    self._lan_exchange(a, b, t + self.rng.uniform(0.1, 0.6))

    def _event_times(self, taken, count):
        times = []
        while len(times) < count:
            t = self.rng.uniform(40.0, self.duration - 30.0)
            if all(abs(t - u) > 20.0 for u in taken + times):
                times.append(t)
        taken.extend(times)
        return sorted(times)

    def _lan_exchange(self, a, b, t, size=300):
        """A request from a to b's LAN port and b's answer, on a short TCP connection."""
        sport, dport = a.port(), LAN_PORT[b.kind]
        seq_a, seq_b = self.rng.getrandbits(31), self.rng.getrandbits(31)
        steps = [(a, b, sport, dport, seq_a, 0, TCP_SYN, 0), (b, a, dport, sport, seq_b, seq_a + 1, TCP_SYN | TCP_ACK, 0),
                 (a, b, sport, dport, seq_a + 1, seq_b + 1, TCP_ACK, 0),
                 (a, b, sport, dport, seq_a + 1, seq_b + 1, TCP_PSH | TCP_ACK, size),
                 (b, a, dport, sport, seq_b + 1, seq_a + 1 + size, TCP_PSH | TCP_ACK, 200),
                 (a, b, sport, dport, seq_a + 1 + size, seq_b + 201, TCP_FIN | TCP_ACK, 0),
                 (b, a, dport, sport, seq_b + 201, seq_a + 2 + size, TCP_FIN | TCP_ACK, 0)]
        for i, (src, dst, s, d, seq, ack, flags, n) in enumerate(steps):
            self.capture.add(t + 0.002 * i, src, dst, 6, tcp(s, d, seq, ack, flags, b"\x00" * n))

    def _lan_only(self):
        """Phones casting to a Chromecast: LAN traffic between devices that are no mediated pair."""
        for phone in self.of_kind(*PHONES):
            for cast in self.of_kind("chromecast"):
                if self.rng.random() < 0.5:
                    self.truth["lan_only"].append([phone.ip, cast.ip])
                    for _ in range(self.rng.randint(2, 5)):
                        self._lan_exchange(phone, cast, self.rng.uniform(20, self.duration - 20), size=600)

    # --- behaviours ----------------------------------------------------------

    def _persistent(self, device, pool, name, keepalive, actions, start=None, dport=443):
        """A long-lived connection: opened after a DNS look-up, an idle
        keepalive (device sends, cloud answers) every `keepalive` seconds of
        silence, and the device's actions in time order. Returns the connection."""
        rng = self.rng
        server = self.remote(pool)
        t = self.dns(device, start if start is not None else rng.uniform(3.0, 10.0), name, server.ip)
        conn = Tcp(device, server, dport)
        last = conn.exchange(conn.open(t + 0.001), 517, rng.randint(2000, 4500))
        for at, act in sorted(actions, key=lambda a: a[0]) + [(self.duration, None)]:
            while last + keepalive < min(at, self.duration):
                last = conn.exchange(last + keepalive + rng.uniform(0.0, 0.05), rng.randint(60, 140),
                                     rng.randint(40, 90))
            if act is None:
                break
            last = max(last, act(conn, max(at, last + 0.001)))
        return conn

    def _voice(self, conn, t, target=None):
        """A voice command: the upload while the user speaks, then the answer;
        with a target, the cloud pushes it once the upload is done."""
        rng = self.rng
        done = conn.send(t, rng.randint(8000, 30000), True, duration=rng.uniform(0.8, 2.5))
        answer = conn.send(done + rng.uniform(0.3, 0.8), rng.randint(1000, 6000), False) + 0.0004
        if target is not None:
            self._push_later(target, done)
        return answer

    def _push_later(self, target, done):
        at = done + self.rng.uniform(*self.jitter)
        self.actions[target.ip].append((at, ("push", None)))

    def _app_command(self, conn, t, target):
        done = conn.send(t, self.rng.randint(600, 1600), True)
        self._push_later(target, done)
        return conn.send(done + conn.rtt + 0.05, self.rng.randint(200, 700), False) + 0.0004

    def _pushes(self, device, mean_gap=None, period=None):
        """Cloud-initiated pushes of a device's own: Poisson, or on a timer."""
        rng, out = self.rng, []
        if period is not None:
            t = rng.uniform(10.0, period)
            while t < self.duration:
                out.append((t + rng.uniform(0.0, 0.03), ("push", None)))
                t += period
        if mean_gap is not None:
            t = rng.expovariate(1.0 / mean_gap)
            while t < self.duration:
                out.append((t, ("push", None)))
                t += rng.expovariate(1.0 / mean_gap)
        return out

    def _controlled(self, device, pool, name, keepalive, own):
        """A device the cloud pushes: its own pushes plus the injected ones."""
        def push(conn, t):
            return conn.push(t, self.rng.randint(200, 700), self.rng.randint(100, 400))
        actions = [(t, push) for t, _ in own + self.actions[device.ip]]
        self._persistent(device, pool, name, keepalive, actions)

    def _controller(self, device, pool, name, keepalive, background_gap):
        rng = self.rng
        actions = [(t, lambda conn, t, b=arg: self._voice(conn, t, b)) for t, (_, arg) in self.actions[device.ip]]
        t = rng.expovariate(1.0 / background_gap)
        while t < self.duration - 10:
            actions.append((t, lambda conn, t: self._voice(conn, t)))
            t += rng.expovariate(1.0 / background_gap)
        self._persistent(device, pool, name, keepalive, actions)

    def _run_echo(self, device):
        self._controller(device, "alexa", "avs-alexa-eu.amazon.com", 10.0, 600.0)

    def _run_google_home(self, device):
        self._controller(device, "google", "www.google.com", 20.0, 600.0)

    def _run_sonos(self, device):
        self._controlled(device, "ec2", "msmetrics.ws.sonos.com", 30.0, self._pushes(device, mean_gap=300.0))

    def _run_chromecast(self, device):
        self._controlled(device, "google", "clients3.google.com", 15.0, self._pushes(device, mean_gap=300.0))

    def _run_plug(self, device):
        self._controlled(device, "ec2", "devs.tplinkcloud.com", 60.0, self._pushes(device, period=120.0))

    def _run_camera(self, device):
        rng = self.rng
        server = self.remote("ec2")
        t = self.dns(device, rng.uniform(3.0, 10.0), "upload.wyzecam.com", server.ip)
        conn = Tcp(device, server)
        t = conn.open(t + 0.001)
        segments = 0
        while t < self.duration:
            conn._segment(t, True, TCP_PSH | TCP_ACK, rng.randint(1000, MSS))
            segments += 1
            if segments % 2 == 0:
                conn._segment(t + conn.rtt, False, TCP_ACK)
            t += rng.uniform(0.15, 0.35)

    def _run_sensor(self, device):
        rng = self.rng
        pool = rng.choice(["ec2", "google"])
        period = rng.choice([60.0, 300.0])
        server = self.remote(pool)
        t = self.dns(device, rng.uniform(3.0, 10.0), "api.netatmo.net", server.ip) + rng.uniform(0, period)
        while t < self.duration:
            conn = Tcp(device, server)
            conn.close(conn.exchange(conn.open(t), rng.randint(300, 1200), rng.randint(200, 600)) + 0.01)
            t += period + rng.uniform(0.0, 0.02)

    def _run_android(self, device):
        self._personal(device, "google", "mtalk.google.com", 5228)

    def _run_iphone(self, device):
        self._personal(device, "apple", "courier.push.apple.com", 5223)

    def _run_laptop(self, device):
        self._personal(device, None, None, None, sessions_gap=120.0, upload_share=0.08)

    def _personal(self, device, push_pool, push_name, push_port, sessions_gap=200.0, upload_share=0.04):
        """A phone or laptop: browsing sessions, notifications, app commands."""
        rng = self.rng
        if push_pool is not None:
            pushes = [(t, lambda conn, t: conn.push(t, rng.randint(150, 900), 0))
                      for t, _ in self._pushes(device, mean_gap=150.0)]
            self._persistent(device, push_pool, push_name, 280.0, pushes, dport=push_port)
        app = None
        for t, (_, target) in sorted(self.actions[device.ip], key=lambda a: a[0]):
            if app is None:
                server = self.remote("ec2")
                app = Tcp(device, server)
                t0 = self.dns(device, t - 0.2, "api.sonos.com" if target.kind == "sonos" else "wap.tplinkcloud.com",
                              server.ip)
                app.open(t0 + 0.001)
            self._app_command(app, t, target)
        t = rng.expovariate(1.0 / sessions_gap)
        while t < self.duration - 5:
            end = min(t + rng.uniform(20.0, 120.0), self.duration - 5)
            while t < end:
                t = self._page(device, t, upload_share) + rng.expovariate(1.0 / 8.0)
            t += rng.expovariate(1.0 / sessions_gap)

    def _page(self, device, t, upload_share):
        """A page load (or an upload) on a new connection; returns when it ends."""
        rng = self.rng
        r, pool = rng.random(), BROWSE_POOLS[-1][0]
        for name, share in BROWSE_POOLS:
            if r < share:
                pool = name
                break
            r -= share
        server = self.remote(pool)
        t = self.dns(device, t, "www.example-%d.com" % rng.randrange(1000), server.ip)
        conn = Tcp(device, server)
        t = conn.open(t + 0.001)
        t = conn.exchange(t, 517, rng.randint(2500, 5000))                  # TLS handshake
        if rng.random() < upload_share:
            t = conn.send(t + 0.01, rng.randint(50_000, 300_000), True, duration=rng.uniform(1.0, 6.0))
            t = conn.send(t + conn.rtt, 300, False)
        else:
            t = conn.exchange(t + 0.01, rng.randint(300, 1500), rng.randint(3000, 60000), think=rng.uniform(0.01, 0.2))
        return conn.close(t + rng.uniform(0.05, 2.0))


def write_home(pcap_path, seed, **params):
    """Generate a home into pcap_path, with <stem>.json (truth) and
    <stem>.events.tsv beside it; returns the truth."""
    home = Home(seed, **params)
    stem = os.path.splitext(pcap_path)[0]
    home.truth["frames"] = home.capture.write(pcap_path, stem + ".events.tsv")
    with open(stem + ".json", "w") as out:
        json.dump(home.truth, out, indent=1)
    return home.truth


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--devices", type=int, default=12)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--pairs", type=int, default=None, help="injected mediated pairs (default 2 or 3)")
    parser.add_argument("--out", required=True, help="pcap to write (.json and .events.tsv beside it)")
    args = parser.parse_args()
    truth = write_home(args.out, args.seed, devices=args.devices, duration=args.minutes * 60.0, pairs=args.pairs)
    print("%s: %d frames, pairs: %s" % (args.out, truth["frames"],
                                        ", ".join("%s -> %s via %s" % (p["a"], p["b"], p["provider"])
                                                  for p in truth["pairs"])))


if __name__ == "__main__":
    main()
