#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Home 6: infrastructure and software-defined roles. 192.168.80.0/24, UniFi Dream Router at .1.
All clients use a Pi-hole (192.168.80.2) as DNS; it forwards to 1.1.1.1. A Mac shares a USB printer, a Pi runs CUPS,
a Pi runs Shairport Sync/raspotify, a Windows PC advertises Spotify Connect, a NAS records cameras over RTSP,
a Hikvision NVR records a Hikvision camera, UniFi AP + UniFi Protect camera, iPhone (private MAC) with Roku remote app."""
import json, os, random, struct, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_lib import *

random.seed(6060)
H = Home(router_mac="e4:38:83:10:20:01", router_ip="192.168.80.1", domain="localdomain")
R = Dev(H.router_mac, H.router_ip)
TRUTH = []


def dev(mac, ip, vendor, typ, desc):
    d = Dev(mac, "192.168.80.%d" % ip, desc)
    TRUTH.append(("home6_infra.pcap", d.mac, d.ip, vendor, typ, desc))
    return d


pihole = dev("b8:27:eb:5c:6d:7e", 2, "Raspberry Pi", "computer (DNS server)", "Raspberry Pi 3 running Pi-hole; every client's DNS server")
mac = dev("a4:83:e7:2f:3e:4d", 10, "Apple", "computer", "MacBook Air sharing a USB Brother printer (macOS printer sharing)")
cupspi = dev("d8:3a:dd:4a:5b:6c", 11, "Raspberry Pi", "computer (print server)", "Raspberry Pi 4 running CUPS, sharing a USB HP LaserJet")
airpi = dev("2c:cf:67:7d:8e:9f", 12, "Raspberry Pi", "computer (DIY audio)", "Raspberry Pi 5 running Shairport Sync + raspotify")
winsp = dev("8c:8c:aa:81:92:a3", 13, "Lenovo", "computer", "Lenovo ThinkPad, Windows 11, Spotify desktop app (advertises Spotify Connect)")
nas = dev("90:09:d0:b4:c5:d6", 14, "Synology", "NAS", "Synology DS220+ running Surveillance Station (RTSP client)")
reo = dev("ec:71:db:e7:f8:09", 15, "Reolink", "camera", "Reolink RLC-810A recorded by the NAS")
nvr = dev("c0:56:e3:1a:2b:3c", 16, "Hikvision", "NVR", "Hikvision DS-7608NI-K2/8P NVR")
hcam = dev("bc:ad:28:4d:5e:6f", 17, "Hikvision", "camera", "Hikvision DS-2CD2386G2-I recorded by the NVR")
uap = dev("74:83:c2:70:81:92", 18, "Ubiquiti", "access point", "UniFi U6-Lite access point")
ucam = dev("68:d7:9a:a3:b4:c5", 19, "Ubiquiti", "camera", "UniFi Protect G4 Bullet camera")
iph = dev("ba:7c:3d:92:04:e6", 20, "Apple", "phone", "iPhone 12, private MAC, Roku and HP Smart apps")
roku = dev("b0:a7:37:d6:e7:f8", 21, "Roku", "streaming device", "Roku Streaming Stick 4K")
TRUTH.append(("home6_infra.pcap", R.mac, R.ip, "Ubiquiti", "router", "UniFi Dream Router (gateway, DHCP, UniFi controller)"))

H.dhcp(pihole, hostname="pihole", vendor="dhcpcd-9.4.1:Linux-6.1.21-v7+:armv7l:BCM2835", prl=PRL["dhcpcd"], maxsize=1472)
H.resolver = pihole
H.dhcp(mac, hostname="Lisas-MacBook-Air", prl=PRL["macos"], maxsize=1500)
H.dhcp(cupspi, hostname="printserver", vendor="dhcpcd-9.4.1:Linux-6.1.21-v8+:aarch64:BCM2835", prl=PRL["dhcpcd"], maxsize=1472)
H.dhcp(airpi, hostname="kitchen-audio", vendor="dhcpcd-9.4.1:Linux-6.6.20+rpt-rpi-2712:aarch64:BCM2835", prl=PRL["dhcpcd"], maxsize=1472)
H.dhcp(winsp, hostname="DESKTOP-9Q2W3E4", vendor="MSFT 5.0", prl=PRL["windows"], maxsize=1500, fqdn="DESKTOP-9Q2W3E4")
H.dhcp(nas, hostname="DS220plus", prl=PRL["synology"], client_id=True)
H.dhcp(reo, prl=PRL["udhcp"], vendor="udhcp 1.22.1")
H.dhcp(uap, hostname="U6-Lite", prl=PRL["udhcp"], vendor="ubnt")
H.dhcp(ucam, hostname="UVC-G4-Bullet", prl=PRL["udhcp"], vendor="ubnt")
H.dhcp(iph, prl=PRL["ios"], maxsize=1500)
H.dhcp(roku, prl=PRL["roku"], client_id=False)
for d in (nvr, hcam):   # static
    H.add(H.eth(d.mac, BCAST) / ARP(op=1, hwsrc=d.mac, psrc=d.ip, pdst=d.ip))
H.tick(3)

# Pi-hole: also its own updates; the web UI answers HTTP
for n in ["raw.githubusercontent.com", "ftl.pi-hole.net", "v4.ident.me"]:
    H.tls(pihole, n)

# Mac sharing a Brother printer
mac_ipp = ["txtvers=1", "qtotal=1", "rp=printers/Brother_HL_L2300D_series", "ty=Brother HL-L2300D series",
           "adminurl=https://Lisas-MacBook-Air.local.:631/printers/Brother_HL_L2300D_series", "note=Study", "priority=0",
           "product=(Brother HL-L2300D series)", "pdl=application/octet-stream,application/pdf,application/postscript,image/jpeg,image/png,image/pwg-raster,image/urf",
           "UUID=7c1e2d3f-4a5b-3c6d-7e8f-9a0b1c2d3e4f", "TLS=1.2", "URF=DM3,CP1,FN3-9,IS1,MT1-2-3-4-5-8-9-10-11-12-13,OB10,PQ4,RS600,SRGB24,V1.4,W8",
           "printer-state=3", "printer-type=0x80904E", "Color=F", "Duplex=T", "Copies=T", "Binary=T", "Transparent=T"]
H.mdns_announce(mac, "Lisas-MacBook-Air", [
    ("_ipp._tcp", "Brother HL-L2300D series @ Lisa\u2019s MacBook Air", 631, mac_ipp),
    ("_ipps._tcp", "Brother HL-L2300D series @ Lisa\u2019s MacBook Air", 631, mac_ipp),
    ("_companion-link._tcp", "Lisa\u2019s MacBook Air", 7000, ["rpMac=1", "rpHN=1b2c3d4e5f60", "rpFl=0x20000", "rpHA=6f5e4d3c2b1a", "rpVr=510.19.2", "rpAD=0a9b8c7d6e5f", "rpHI=5e4d3c2b1a09", "rpBA=3C:4D:5E:6F:70:81"]),
    ("_airplay._tcp", "Lisa\u2019s MacBook Air", 7000, ["acl=0", "deviceid=A4:83:E7:2F:3E:4D", "features=0x4A7FCFD5,0x38BCF46", "flags=0x20404", "model=MacBookAir10,1", "protovers=1.1", "srcvers=710.78.2", "osvers=14.2", "vv=2"]),
])
H.http(mac, "captive.apple.com", "/hotspot-detect.html", ua="CaptiveNetworkSupport-481.0.1 wispr",
       resp="HTTP/1.0 200 OK\r\n\r\n<HTML><HEAD><TITLE>Success</TITLE></HEAD><BODY>Success</BODY></HTML>")
for n in ["gateway.icloud.com", "swscan.apple.com"]:
    H.tls(mac, n, alpn=["h2"])

# CUPS Pi sharing an HP LaserJet
cups_ipp = ["txtvers=1", "qtotal=1", "rp=printers/HP_LaserJet_Pro_M404n", "ty=HP LaserJet Pro M404n",
            "adminurl=https://printserver.local:631/printers/HP_LaserJet_Pro_M404n", "note=Office", "priority=0",
            "product=(HP LaserJet Pro M404-M405)", "pdl=application/octet-stream,application/pdf,application/postscript,image/jpeg,image/png,image/pwg-raster",
            "UUID=5b6c7d8e-9f0a-3b1c-4d2e-3f4a5b6c7d8e", "TLS=1.2", "Color=F", "Duplex=T", "printer-state=3", "printer-type=0x809016"]
H.mdns_announce(cupspi, "printserver", [
    ("_ipp._tcp", "HP LaserJet Pro M404n @ printserver", 631, cups_ipp),
    ("_workstation._tcp", "printserver [d8:3a:dd:4a:5b:6c]", 9, [""]),
    ("_ssh._tcp", "printserver", 22, [""])])
ipp = struct.pack("!BBHI", 2, 0, 0x000b, 7) + b"\x01\x47\x00\x12attributes-charset\x00\x05utf-8\x03"
H.tcp(mac, cupspi.ip, 631, [("c", ("POST /printers/HP_LaserJet_Pro_M404n HTTP/1.1\r\nHost: printserver.local:631\r\nContent-Type: application/ipp\r\nUser-Agent: CUPS/2.3.4 (macOS 14.2; arm64) IPP/2.0\r\nContent-Length: %d\r\n\r\n" % len(ipp)).encode() + ipp),
                            ("s", b"HTTP/1.1 200 OK\r\nServer: CUPS/2.4 IPP/2.1\r\nContent-Type: application/ipp\r\nContent-Length: 9\r\n\r\n\x02\x00\x00\x00\x00\x00\x00\x07\x03")],
      dst_mac=cupspi.mac)
H.http(cupspi, "archive.raspberrypi.com", "/debian/dists/bookworm/InRelease", ua="Debian APT-HTTP/1.3 (2.6.1)")

# Shairport Sync + raspotify Pi
H.mdns_announce(airpi, "kitchen-audio", [
    ("_raop._tcp", "2CCF677D8E9F@Kitchen Audio", 7000, ["cn=0,1", "da=true", "et=0,4", "ft=0x1C340405F4A00", "md=0,1,2", "am=Shairport Sync", "sf=0x4", "tp=UDP", "vn=65537", "vs=366.0", "pk=0123456789abcdef"]),
    ("_airplay._tcp", "Kitchen Audio", 7000, ["srcvers=366.0", "deviceid=2C:CF:67:7D:8E:9F", "features=0x405F4A00,0x1C340", "flags=0x4",
                                              "model=Shairport Sync", "manufacturer=https://github.com/mikebrady", "serialNumber=2C:CF:67:7D:8E:9F",
                                              "fv=4.3.2", "protovers=1.1", "gid=9A8B7C6D-5E4F-3A2B-1C0D-E9F8A7B6C5D4"]),
    ("_spotify-connect._tcp", "Kitchen Audio", 4070, ["CPath=/", "VERSION=1.0", "Stack=SP"]),
    ("_workstation._tcp", "kitchen-audio [2c:cf:67:7d:8e:9f]", 9, [""])])
for n in ["apresolve.spotify.com", "spclient.wg.spotify.com", "deb.debian.org"]:
    H.tls(airpi, n)

# Windows PC with Spotify
H.http(winsp, "www.msftconnecttest.com", "/connecttest.txt", ua="Microsoft NCSI", resp="HTTP/1.1 200 OK\r\n\r\nMicrosoft Connect Test")
H.mdns_announce(winsp, "DESKTOP-9Q2W3E4", [("_spotify-connect._tcp", "DESKTOP-9Q2W3E4", 57621, ["CPath=/zc/0", "VERSION=1.0", "Stack=SP"])])
for n in ["apresolve.spotify.com", "spclient.wg.spotify.com", "login5.spotify.com", "settings-win.data.microsoft.com", "www.bing.com"]:
    H.tls(winsp, n)

# NAS recording the Reolink
H.mdns_announce(nas, "DS220plus", [("_http._tcp", "DS220plus", 5000, ["vendor=Synology", "model=DS220+", "serial=2150PDN654321", "version_major=7", "version_minor=2", "version_build=64570", "admin_port=5000", "secure_admin_port=5001", "mac_address=90:09:d0:b4:c5:d6"]),
                                   ("_smb._tcp", "DS220plus", 445, [""])])
for n in ["checkip.synology.com", "update7.synology.com", "global.quickconnect.to"]:
    H.tls(nas, n)
def rtsp_session(client, cam, path, ua, server_hdr=None):
    req = "DESCRIBE rtsp://%s:554%s RTSP/1.0\r\nCSeq: 2\r\nUser-Agent: %s\r\nAccept: application/sdp\r\n\r\n" % (cam.ip, path, ua)
    resp = "RTSP/1.0 200 OK\r\nCSeq: 2\r\n" + ("Server: %s\r\n" % server_hdr if server_hdr else "") + \
           "Content-Type: application/sdp\r\nContent-Length: 60\r\n\r\nv=0\r\no=- 0 0 IN IP4 %s\r\ns=Session\r\nt=0 0\r\nm=video 0 RTP/AVP 96\r\n" % cam.ip
    H.tcp(client, cam.ip, 554, [("c", req.encode()), ("s", resp.encode())], dst_mac=cam.mac, fin=False)
    for i in range(25):
        H.add(H.eth(cam.mac, client.mac) / IP(src=cam.ip, dst=client.ip) / UDP(sport=6970, dport=55000) /
              Raw(b"\x80\x60" + struct.pack("!H", i) + os.urandom(600)))
rtsp_session(nas, reo, "/h264Preview_01_main", "LIVE555 Streaming Media v2020.08.19", "Rtsp Server/3.0")
for n in ["apis.reolink.com", "pushx.reolink.com"]:
    H.tls(reo, n)

# Hikvision NVR recording the Hikvision camera
sadp = ('<?xml version="1.0" encoding="UTF-8"?><ProbeMatch><Uuid>1A2B3C4D-5E6F-7081-92A3-C056E31A2B3C</Uuid><Types>inquiry</Types>'
        '<DeviceType>1310</DeviceType><DeviceDescription>DS-7608NI-K2/8P</DeviceDescription>'
        '<DeviceSN>DS-7608NI-K2/8P0820211020CCRRG12345678WCVU</DeviceSN><CommandPort>8000</CommandPort><HttpPort>80</HttpPort>'
        '<MAC>c0-56-e3-1a-2b-3c</MAC><IPv4Address>192.168.80.16</IPv4Address><IPv4SubnetMask>255.255.255.0</IPv4SubnetMask>'
        '<IPv4Gateway>192.168.80.1</IPv4Gateway><DHCP>false</DHCP><AnalogChannelNum>0</AnalogChannelNum><DigitalChannelNum>8</DigitalChannelNum>'
        '<SoftwareVersion>V4.61.010build 221104</SoftwareVersion><Activated>true</Activated></ProbeMatch>')
H.udp(nvr.mac, nvr.ip, SSDP_MAC, "239.255.255.250", 37020, 37020, sadp.encode())
sadp2 = sadp.replace("1310", "139146").replace("DS-7608NI-K2/8P", "DS-2CD2386G2-I").replace("c0-56-e3-1a-2b-3c", "bc-ad-28-4d-5e-6f").replace("192.168.80.16", "192.168.80.17").replace("<DigitalChannelNum>8", "<DigitalChannelNum>1")
H.udp(hcam.mac, hcam.ip, SSDP_MAC, "239.255.255.250", 37020, 37020, sadp2.encode())
H.tls(nvr, "litedev.hik-connect.com")
H.dns(nvr, "time.windows.com")
rtsp_session(nvr, hcam, "/Streaming/Channels/101", "HIK Media Server V3.4.106")

# UniFi: discovery (UDP 10001) + inform to controller on the router
def ubnt_disc(d, model_short, model_full, fw, hostname):
    tl = b""
    def tlv(t, v):
        return bytes([t]) + struct.pack("!H", len(v)) + v
    from scapy.all import mac2str
    import socket
    tl += tlv(0x02, mac2str(d.mac) + socket.inet_aton(d.ip))
    tl += tlv(0x01, mac2str(d.mac))
    tl += tlv(0x0a, struct.pack("!I", 86400))
    tl += tlv(0x0b, hostname.encode())
    tl += tlv(0x0c, model_short.encode())
    tl += tlv(0x03, fw.encode())
    tl += tlv(0x14, model_full.encode())
    pkt = b"\x01\x00" + struct.pack("!H", len(tl)) + tl
    H.udp(d.mac, d.ip, BCAST, "255.255.255.255", 10001, 10001, pkt)
ubnt_disc(uap, "U6-Lite", "U6-Lite", "UAL6.mt7621.v6.5.28.14491.230127.2302", "U6-Lite")
ubnt_disc(ucam, "UVC G4 Bullet", "UniFi Protect G4 Bullet", "UVC.S5L.v4.63.12.67.eb4f1c1.230207.1521", "UVC-G4-Bullet")
H.tcp(uap, H.router_ip, 8080, [("c", b"POST /inform HTTP/1.1\r\nHost: unifi:8080\r\nUser-Agent: AirControl Agent v1.0\r\nContent-Type: application/x-binary\r\nContent-Length: 64\r\n\r\n" + os.urandom(64)),
                               ("s", b"HTTP/1.1 200 \r\nContent-Type: application/x-binary\r\nContent-Length: 32\r\n\r\n" + os.urandom(32))])
H.tls(uap, "fw-update.ubnt.com")
H.tcp(ucam, H.router_ip, 7442, [("c", app_data(300)), ("s", app_data(80))] + [("c", app_data(1200)) for _ in range(6)])
H.tls(ucam, "fw-update.ubnt.com")

# iPhone with private MAC: Roku remote app + HP Smart
H.http(iph, "captive.apple.com", "/hotspot-detect.html", ua="CaptiveNetworkSupport-481.0.1 wispr",
       resp="HTTP/1.0 200 OK\r\n\r\n<HTML><HEAD><TITLE>Success</TITLE></HEAD><BODY>Success</BODY></HTML>")
sp = H.ssdp_msearch(iph, "roku:ecp", mx=3)
H.ssdp_response(roku, iph, sp, "roku:ecp", "Roku/12.0.0 UPnP/1.0 Roku/12.0.0", "http://192.168.80.21:8060/", "roku:ecp:YH00AB123456")
H.http(iph, "192.168.80.21", "/query/device-info", resolve=False, ip=roku.ip, port=8060, dst_mac=roku.mac, ua="Roku/1.0 CFNetwork/1490.0.4 Darwin/23.2.0",
       resp="HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=\"utf-8\"\r\nServer: Roku/12.0.0 UPnP/1.0 Roku/12.0.0\r\n\r\n<device-info><vendor-name>Roku</vendor-name><model-name>Roku Streaming Stick 4K</model-name><model-number>3820X</model-number><is-tv>false</is-tv><is-stick>true</is-stick></device-info>")
H.tcp(iph, roku.ip, 8060, [("c", b"POST /keypress/Home HTTP/1.1\r\nHost: 192.168.80.21:8060\r\nUser-Agent: Roku/1.0 CFNetwork/1490.0.4 Darwin/23.2.0\r\nContent-Length: 0\r\n\r\n"),
                           ("s", b"HTTP/1.1 200 OK\r\nServer: Roku/12.0.0 UPnP/1.0 Roku/12.0.0\r\nContent-Length: 0\r\n\r\n")], dst_mac=roku.mac)
H.tcp(iph, cupspi.ip, 631, [("c", ("POST /printers/HP_LaserJet_Pro_M404n HTTP/1.1\r\nHost: printserver.local:631\r\nContent-Type: application/ipp\r\nUser-Agent: HP%%20Smart/1 CFNetwork/1490.0.4 Darwin/23.2.0\r\nContent-Length: %d\r\n\r\n" % len(ipp)).encode() + ipp),
                            ("s", b"HTTP/1.1 200 OK\r\nServer: CUPS/2.4 IPP/2.1\r\nContent-Length: 0\r\n\r\n")], dst_mac=cupspi.mac)
for n in ["gateway.icloud.com", "api.roku.com", "oss.hpsmart.com"]:
    H.tls(iph, n, alpn=["h2"])

# Roku
H.ssdp_notify(roku, "Roku/12.0.0 UPnP/1.0 Roku/12.0.0", "http://192.168.80.21:8060/", ["roku:ecp"], "roku:ecp:YH00AB123456")
for n in ["scribe.logs.roku.com", "api.roku.com"]:
    H.tls(roku, n)

for rnd in range(2):
    H.tick(60)
    for d, n in [(reo, "apis.reolink.com"), (nvr, "litedev.hik-connect.com"), (nas, "checkip.synology.com"), (roku, "scribe.logs.roku.com")]:
        H.tls(d, n, n_data=1)

H.write(os.path.join(os.path.dirname(os.path.abspath(__file__)), "home6_infra.pcap"))
print(len(H.pkts), "packets")
