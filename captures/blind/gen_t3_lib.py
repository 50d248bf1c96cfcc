# SPDX-License-Identifier: GPL-2.0-or-later
"""Shared packet-building helpers for blind3 home captures."""
import random, struct, hashlib, zlib
from scapy.all import (Ether, IP, UDP, TCP, ARP, BOOTP, DHCP, DNS, DNSQR, DNSRR,
                       Raw, wrpcap, conf)
from scapy.layers.dns import DNSRRSRV

MANUF = {}
def _load_manuf():
    for line in open('/usr/share/wireshark/manuf', encoding='utf-8', errors='replace'):
        if line.startswith('#') or not line.strip():
            continue
        p = line.rstrip('\n').split('\t')
        if len(p) >= 2 and len(p[0]) == 8:
            MANUF[p[0].upper()] = ' '.join(p[1:])
_load_manuf()

def check_oui(mac, expect):
    reg = MANUF.get(mac[:8].upper(), '')
    if expect.lower() not in reg.lower():
        raise SystemExit('OUI %s registrant %r does not contain %r' % (mac[:8], reg, expect))

def pubip(name):
    h = hashlib.md5(name.encode()).digest()
    first = [13, 18, 34, 35, 52, 54, 104, 142, 151, 172, 185, 203][h[0] % 12]
    return '%d.%d.%d.%d' % (first, h[1], h[2], (h[3] % 250) + 2)


class Dev:
    def __init__(self, home, mac, ip, oui_expect=None):
        if oui_expect:
            check_oui(mac, oui_expect)
        self.home, self.mac, self.ip = home, mac.lower(), ip
        self.sport = random.randint(40000, 60000)
    def nport(self):
        self.sport += 1
        return self.sport


class Home:
    def __init__(self, name, prefix, router_mac, seed=1, span=240.0):
        random.seed(seed)
        self.name, self.prefix = name, prefix
        self.pkts = []
        self.t0 = 1717000000.0
        self.span = span
        self.router = Dev(self, router_mac, prefix + '.1')
        self.devs = []

    def dev(self, mac, host, oui_expect=None):
        d = Dev(self, mac, self.prefix + '.' + str(host), oui_expect)
        self.devs.append(d)
        return d

    def rt(self, lo=0.0, hi=None):
        hi = self.span if hi is None else hi
        return self.t0 + random.uniform(lo, hi)

    def add(self, t, p):
        p.time = t
        self.pkts.append(p)

    def l2dst(self, ip):
        # local destination -> its MAC, otherwise router
        for d in self.devs + [self.router]:
            if d.ip == ip:
                return d.mac
        if ip.startswith('224.0.0.') or ip == '224.0.0.251':
            o = ip.split('.')
            return '01:00:5e:%02x:%02x:%02x' % (int(o[1]) & 0x7f, int(o[2]), int(o[3]))
        if ip.startswith('239.') or ip.startswith('224.'):
            o = ip.split('.')
            return '01:00:5e:%02x:%02x:%02x' % (int(o[1]) & 0x7f, int(o[2]), int(o[3]))
        if ip.endswith('.255'):
            return 'ff:ff:ff:ff:ff:ff'
        return self.router.mac

    # ---------------- DHCP -----------------
    def dhcp(self, d, t=None, hostname=None, vendor=None, prl=(1, 3, 6, 15), clientid=True,
             extra=(), maxsize=None):
        t = self.rt(0, 20) if t is None else t
        xid = random.randint(1, 2**31)
        chaddr = bytes.fromhex(d.mac.replace(':', '')) + b'\0' * 10
        def opts(mtype, req=False):
            o = [('message-type', mtype)]
            if clientid:
                o.append(('client_id', b'\x01' + bytes.fromhex(d.mac.replace(':', ''))))
            if req:
                o += [('requested_addr', d.ip), ('server_id', self.router.ip)]
            if maxsize:
                o.append(('max_dhcp_size', maxsize))
            if vendor:
                o.append(('vendor_class_id', vendor.encode() if isinstance(vendor, str) else vendor))
            if hostname:
                o.append(('hostname', hostname.encode()))
            o += list(extra)
            o.append(('param_req_list', list(prl)))
            o.append('end')
            return o
        base = lambda: Ether(src=d.mac, dst='ff:ff:ff:ff:ff:ff') / IP(src='0.0.0.0', dst='255.255.255.255') / UDP(sport=68, dport=67)
        self.add(t, base() / BOOTP(chaddr=chaddr, xid=xid, flags=0) / DHCP(options=opts('discover')))
        srv = lambda mt: (Ether(src=self.router.mac, dst=d.mac) / IP(src=self.router.ip, dst=d.ip) / UDP(sport=67, dport=68) /
                          BOOTP(op=2, yiaddr=d.ip, siaddr=self.router.ip, chaddr=chaddr, xid=xid) /
                          DHCP(options=[('message-type', mt), ('server_id', self.router.ip), ('lease_time', 86400),
                                        ('subnet_mask', '255.255.255.0'), ('router', self.router.ip),
                                        ('name_server', self.router.ip), 'end']))
        self.add(t + 0.01, srv('offer'))
        self.add(t + 0.02, base() / BOOTP(chaddr=chaddr, xid=xid) / DHCP(options=opts('request', True)))
        self.add(t + 0.03, srv('ack'))
        # gratuitous ARP
        self.add(t + 0.1, Ether(src=d.mac, dst='ff:ff:ff:ff:ff:ff') / ARP(op=1, hwsrc=d.mac, psrc=d.ip, pdst=d.ip))

    # ---------------- DNS ------------------
    def dns(self, d, name, t=None, qtype='A'):
        t = self.rt(20) if t is None else t
        sp = d.nport()
        tid = random.randint(1, 65535)
        self.add(t, Ether(src=d.mac, dst=self.router.mac) / IP(src=d.ip, dst=self.router.ip) / UDP(sport=sp, dport=53) /
                 DNS(id=tid, rd=1, qd=DNSQR(qname=name, qtype=qtype)))
        ip = pubip(name)
        self.add(t + 0.015, Ether(src=self.router.mac, dst=d.mac) / IP(src=self.router.ip, dst=d.ip) / UDP(sport=53, dport=sp) /
                 DNS(id=tid, qr=1, rd=1, ra=1, qd=DNSQR(qname=name, qtype=qtype),
                     an=DNSRR(rrname=name, type='A', ttl=300, rdata=ip) if qtype == 'A' else None))
        return ip, t + 0.02

    # ---------------- TCP ------------------
    def tcp(self, cli, srv_ip, dport, t, cpay=(), spay=(), srv_mac=None, sport=None, bulk_up=0, bulk_down=0):
        """cli: Dev. srv_ip may be a local dev ip. Creates handshake + payload exchange."""
        sport = sport or cli.nport()
        smac = srv_mac or self.l2dst(srv_ip)
        cs, ss = random.randint(1, 2**31), random.randint(1, 2**31)
        C = lambda: Ether(src=cli.mac, dst=smac) / IP(src=cli.ip, dst=srv_ip)
        S = lambda: Ether(src=smac, dst=cli.mac) / IP(src=srv_ip, dst=cli.ip)
        self.add(t, C() / TCP(sport=sport, dport=dport, flags='S', seq=cs, window=64240, options=[('MSS', 1460), ('SAckOK', b''), ('WScale', 7)]))
        self.add(t + 0.01, S() / TCP(sport=dport, dport=sport, flags='SA', seq=ss, ack=cs + 1, window=65160, options=[('MSS', 1460), ('SAckOK', b''), ('WScale', 7)]))
        t += 0.02
        cs += 1; ss += 1
        self.add(t, C() / TCP(sport=sport, dport=dport, flags='A', seq=cs, ack=ss))
        for i in range(max(len(cpay), len(spay))):
            if i < len(cpay) and cpay[i]:
                t += 0.01
                self.add(t, C() / TCP(sport=sport, dport=dport, flags='PA', seq=cs, ack=ss) / Raw(cpay[i]))
                cs += len(cpay[i])
            if i < len(spay) and spay[i]:
                t += 0.03
                self.add(t, S() / TCP(sport=dport, dport=sport, flags='PA', seq=ss, ack=cs) / Raw(spay[i]))
                ss += len(spay[i])
        for _ in range(bulk_up):
            t += 0.004
            pl = bytes(random.getrandbits(8) for _ in range(1400))
            self.add(t, C() / TCP(sport=sport, dport=dport, flags='A', seq=cs, ack=ss) / Raw(pl))
            cs += 1400
        for _ in range(bulk_down):
            t += 0.004
            pl = bytes(random.getrandbits(8) for _ in range(1400))
            self.add(t, S() / TCP(sport=dport, dport=sport, flags='A', seq=ss, ack=cs) / Raw(pl))
            ss += 1400
        t += 0.05
        self.add(t, C() / TCP(sport=sport, dport=dport, flags='FA', seq=cs, ack=ss))
        self.add(t + 0.01, S() / TCP(sport=dport, dport=sport, flags='FA', seq=ss, ack=cs + 1))
        self.add(t + 0.02, C() / TCP(sport=sport, dport=dport, flags='A', seq=cs + 1, ack=ss + 1))
        return t + 0.03

    def tls(self, d, sni, t=None, port=443, alpn=(b'h2', b'http/1.1'), bulk_up=0, bulk_down=0):
        ip, t = self.dns(d, sni, t)
        return self.tcp(d, ip, port, t, cpay=[client_hello(sni, alpn)], spay=[server_hello()], bulk_up=bulk_up, bulk_down=bulk_down)

    def http(self, d, host, path='/', ua=None, t=None, port=80, extra_hdr='', method='GET', body=b'',
             resp_server='nginx', dns=True, dst_ip=None):
        if dns:
            ip, t = self.dns(d, host, t)
        else:
            ip = dst_ip
            t = self.rt(20) if t is None else t
        req = '%s %s HTTP/1.1\r\nHost: %s\r\n' % (method, path, host)
        if ua:
            req += 'User-Agent: %s\r\n' % ua
        req += extra_hdr
        if body:
            req += 'Content-Length: %d\r\n' % len(body)
        req += 'Accept: */*\r\nConnection: close\r\n\r\n'
        resp = 'HTTP/1.1 200 OK\r\nServer: %s\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok' % resp_server
        return self.tcp(d, ip, port, t, cpay=[req.encode() + body], spay=[resp.encode()])

    def serve(self, srv, cli, port, t=None, req=b'', resp=b''):
        """cli connects to srv:port (srv answers SYN/ACK from its port)."""
        t = self.rt(20) if t is None else t
        return self.tcp(cli, srv.ip, port, t, cpay=[req] if req else [], spay=[resp] if resp else [], srv_mac=srv.mac)

    def stream(self, src, dst, dport, t=None, n=200, sport=None):
        """src uploads n x 1400B to dst (e.g. camera -> NVR RTSP / cloud)."""
        t = self.rt(20) if t is None else t
        return self.tcp(src, dst.ip if isinstance(dst, Dev) else dst, dport, t, bulk_up=n,
                        srv_mac=dst.mac if isinstance(dst, Dev) else None, sport=sport)

    # ---------------- UDP generic -----------------
    def udp(self, d, dst_ip, sport, dport, payload, t=None, dst_mac=None):
        t = self.rt() if t is None else t
        self.add(t, Ether(src=d.mac, dst=dst_mac or self.l2dst(dst_ip)) / IP(src=d.ip, dst=dst_ip, ttl=64 if not dst_ip.startswith('2') else 1) /
                 UDP(sport=sport, dport=dport) / Raw(payload))

    def ntp(self, d, server, t=None):
        ip, t = self.dns(d, server, t)
        pl = b'\x23' + b'\0' * 47
        self.udp(d, ip, d.nport(), 123, pl, t)

    # ---------------- mDNS -----------------
    def mdns_announce(self, d, hostname, services=(), t=None, ttl=4500):
        """services: list of (instance, type e.g. '_ipp._tcp', port, txt list-of-str)"""
        t = self.rt(0, 30) if t is None else t
        host = hostname + '.local'
        an = []
        for inst, stype, port, txt in services:
            full = '%s.%s.local' % (inst, stype)
            an.append(DNSRR(rrname=stype + '.local', type='PTR', ttl=ttl, rdata=full))
            an.append(DNSRRSRV(rrname=full, ttl=120, priority=0, weight=0, port=port, target=host))
            an.append(DNSRR(rrname=full, type='TXT', ttl=ttl, rdata=[x.encode() for x in (txt or [''])]))
            an.append(DNSRR(rrname='_services._dns-sd._udp.local', type='PTR', ttl=ttl, rdata=stype + '.local'))
        an.append(DNSRR(rrname=host, type='A', ttl=120, rdata=d.ip))
        rr = an[0]
        for x in an[1:]:
            rr = rr / x
        for k in range(2):
            self.add(t + k * 1.0, Ether(src=d.mac, dst='01:00:5e:00:00:fb') / IP(src=d.ip, dst='224.0.0.251', ttl=255) /
                     UDP(sport=5353, dport=5353) / DNS(id=0, qr=1, aa=1, qd=None, an=rr, ancount=len(an)))

    def mdns_query(self, d, names, t=None, qtype='PTR'):
        t = self.rt(0, 60) if t is None else t
        qd = DNSQR(qname=names[0], qtype=qtype)
        for n in names[1:]:
            qd = qd / DNSQR(qname=n, qtype=qtype)
        self.add(t, Ether(src=d.mac, dst='01:00:5e:00:00:fb') / IP(src=d.ip, dst='224.0.0.251', ttl=255) /
                 UDP(sport=5353, dport=5353) / DNS(id=0, qd=qd, qdcount=len(names)))

    # ---------------- SSDP -----------------
    def ssdp_notify(self, d, server, location, nts, uuid, t=None):
        t = self.rt(0, 60) if t is None else t
        for i, nt in enumerate(nts):
            usn = 'uuid:%s' % uuid if nt.startswith('uuid:') else 'uuid:%s::%s' % (uuid, nt)
            msg = ('NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nCACHE-CONTROL: max-age=1800\r\n'
                   'LOCATION: %s\r\nNT: %s\r\nNTS: ssdp:alive\r\nSERVER: %s\r\nUSN: %s\r\n\r\n') % (location, nt, server, usn)
            self.udp(d, '239.255.255.250', 1900, 1900, msg.encode(), t + i * 0.05)

    def ssdp_msearch(self, d, st, ua=None, t=None, mx=2):
        t = self.rt(0, 60) if t is None else t
        msg = 'M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: "ssdp:discover"\r\nMX: %d\r\nST: %s\r\n' % (mx, st)
        if ua:
            msg += 'USER-AGENT: %s\r\n' % ua
        msg += '\r\n'
        sp = d.nport()
        self.udp(d, '239.255.255.250', sp, 1900, msg.encode(), t)
        return sp, t

    def ssdp_reply(self, d, to, to_port, st, server, location, uuid, t):
        msg = ('HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\nEXT:\r\nLOCATION: %s\r\nSERVER: %s\r\nST: %s\r\n'
               'USN: uuid:%s::%s\r\n\r\n') % (location, server, st, uuid, st)
        self.udp(d, to.ip, 1900, to_port, msg.encode(), t, dst_mac=to.mac)

    def write(self, path):
        self.pkts.sort(key=lambda p: p.time)
        wrpcap(path, self.pkts)
        print(path, len(self.pkts), 'packets')


def client_hello(sni, alpn=(b'h2', b'http/1.1')):
    sn = sni.encode()
    ext = b''
    sni_ext = struct.pack('!HBH', len(sn) + 3, 0, len(sn)) + sn
    ext += struct.pack('!HH', 0, len(sni_ext)) + sni_ext
    ext += bytes.fromhex('000a000800060017001d0018')  # groups
    ext += bytes.fromhex('000b00020100')  # ec point formats
    ext += bytes.fromhex('000d0012001004030804040105030805050108060601')  # sig algs
    if alpn:
        al = b''.join(bytes([len(a)]) + a for a in alpn)
        ext += struct.pack('!HHH', 16, len(al) + 2, len(al)) + al
    ext += bytes.fromhex('002b00050403040303')  # supported versions
    ext += bytes.fromhex('003300260024001d0020') + bytes(range(32))  # key share x25519
    ciphers = bytes.fromhex('130113021303c02bc02fc02cc030cca9cca8c013c014009c009d002f0035')
    body = (b'\x03\x03' + bytes(random.getrandbits(8) for _ in range(32)) + b'\x20' + bytes(random.getrandbits(8) for _ in range(32)) +
            struct.pack('!H', len(ciphers)) + ciphers + b'\x01\x00' + struct.pack('!H', len(ext)) + ext)
    hs = b'\x01' + struct.pack('!I', len(body))[1:] + body
    return b'\x16\x03\x01' + struct.pack('!H', len(hs)) + hs


def server_hello():
    ext = bytes.fromhex('002b00020304') + bytes.fromhex('00330024001d0020') + bytes(32)
    body = b'\x03\x03' + bytes(32) + b'\x20' + bytes(32) + b'\x13\x01' + b'\x00' + struct.pack('!H', len(ext)) + ext
    hs = b'\x02' + struct.pack('!I', len(body))[1:] + body
    return b'\x16\x03\x03' + struct.pack('!H', len(hs)) + hs + b'\x14\x03\x03\x00\x01\x01' + b'\x17\x03\x03\x00\x40' + bytes(64)


# Common DHCP fingerprints
PRL_IOS = (1, 121, 3, 6, 15, 108, 114, 119, 252)
PRL_MACOS = (1, 121, 3, 6, 15, 108, 114, 119, 252, 95, 44, 46)
PRL_ANDROID = (1, 3, 6, 15, 26, 28, 51, 58, 59, 43, 114, 108)
PRL_WIN = (1, 3, 6, 15, 31, 33, 43, 44, 46, 47, 119, 121, 249, 252)
PRL_DHCLIENT = (1, 28, 2, 3, 15, 6, 119, 12, 44, 47, 26, 121, 42)
PRL_NM = (1, 2, 6, 12, 15, 26, 28, 121, 3, 33, 40, 41, 42, 119, 249, 252, 17)
PRL_UDHCPC = (1, 3, 6, 12, 15, 28, 42)
PRL_ESPIDF = (1, 3, 28, 6, 15, 44, 46, 47, 31, 33, 121, 43)
PRL_LWIP = (1, 3, 28, 6)
PRL_DHCPCD = (1, 121, 33, 3, 6, 12, 15, 26, 28, 42, 51, 54, 58, 59, 119)
