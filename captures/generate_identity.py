#!/usr/bin/env python3
"""Generate the device-identity captures: one per failure class of issue 16.

    python3 captures/generate_identity.py

identity_embedded_android.pcap  Android inside devices that are no phones: an
    Echo whose Fire OS asks DHCP as android-dhcp-9 and talks to Alexa, a Fire
    TV, a Sony BRAVIA Android TV (Google Cast), and, for contrast, a Samsung
    Galaxy phone that says the same OS.
identity_phone_apps.pcap  phones whose apps talk to IoT vendors' clouds: an
    iPhone seen without DHCP reaching only Sonos' cloud, an iPhone that
    reaches Sonos, Ring, TP-Link, Philips Hue and Alexa, an Android phone with
    a randomized MAC doing the same, and a randomized host reaching only Sonos.
identity_computers.pcap  computers that say what IoT devices say: a Mac
    sharing its printer (IPP, AirPlay) and a Windows laptop with an Intel Wi-Fi
    card and a name of its own, talking to a TP-Link plug's cloud; an HP and an
    ASUS laptop that say nothing of themselves, and an HP printer serving IPP.
identity_oui_and_cloud.pcap  devices that say little more than their MAC
    vendor and one cloud name: a D-Link camera streaming to its relay, an
    Edimax device sending keepalives, an Espressif module on Tuya's cloud, an
    unnamed camera (Wi-Fi module OUI) serving RTSP to a viewer, a Sonos, and an
    eQ-3 radio gateway (MAX! Cube / HomeMatic) asking its maker's time server,
    and a scale whose MAC is its contract manufacturer's (Delta Electronics)
    uploading to its brand's cloud.
identity_field_devices.pcap  what a blind test of 144 devices found wrong:
    a Windows PC whose connectivity check says "Microsoft" (no Chromebook), a
    Galaxy Tab and a Quest headset on Android (no phones), a UniFi camera and
    access point told apart by Ubiquiti's discovery, a Raspberry Pi sharing a
    printer over IPP, a DNS resolver looking up its clients' names (a Ring
    device's), that Ring device keeping its cloud connection alive (no
    camera), a Tesla car, an ecobee camera and thermostat, and a Home
    Assistant hub reaching one integration's cloud (Netatmo's).
identity_print_clients.pcap  hosts sending print jobs to a LAN printer with
    CUPS, whose User-Agent names the client's system: a Linux PC, a Mac
    (macOS), an iPhone (iOS), and a Mac of CUPS 1.3 (the version alone).
identity_video_recorders.pcap  Hikvision's cameras, recorders and intercoms
    share an OUI and a cloud: an NVR answering the SADP tool with its model
    and pulling a camera's RTSP stream, that camera answering with its own, a
    Hikvision device saying nothing but its OUI and cloud name, a PoE NVR
    (its cameras on its own ports) serving RTSP, an intercom indoor station
    pulling its door station's stream, two Dahua devices, no model on the
    wire, one pulling the other's stream, and a Dahua recorder and camera
    announcing their models (Dahua's discovery, UDP 37810).
identity_vendor_ranges.pcap  what a third blind test found: vendors whose
    best-known product is one of several: a Samsung washer on Samsung's TV
    time server and appliance cloud, an Epson projector and an Epson printer,
    a Canon camera uploading video, a Miele robot vacuum, and Sony Xperia
    phones running the PlayStation app (one naming its model, one not).
identity_ipv6_global.pcap  a dual-stack home: the router advertises its
    global IPv6 prefix (a Router Advertisement, hop limit 255), a laptop
    reaches a cloud from its global address; a second prefix is advertised by
    a routed (forged) advertisement, hop limit 64, for a second laptop.

Names, OUIs, DHCP strings and ports are the public ones each device uses
(see plugins/iotcloud/data/SOURCES.md); addresses are documentation-style.
"""
import os
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate import JUNE_EPOCH, SSDP_GROUP, Host  # noqa: E402
from generate import add_frame  # noqa: E402
from pcapgen import ipv6 as ipv6_packet  # noqa: E402
from pcapgen import (DNS_A, DNS_PTR, DNS_TXT, TCP_ACK, TCP_PSH, TCP_SYN, Pcap, dns_message, dns_packet, dns_rr,  # noqa: E402
                     ether, http_request, ip, ssdp_msearch, tcp, udp, write_scenarios)

HERE = os.path.dirname(os.path.abspath(__file__))
ROUTER = ("192.168.20.1", "00:11:22:33:44:55")
ANDROID_PRL = (1, 3, 6, 15, 26, 28, 51, 58, 59, 43)
IOS_PRL = (1, 121, 3, 6, 15, 108, 114, 119, 162, 252)


def home(pcap, address, mac_text):
    return Host(pcap, address, mac_text, gateway_mac=ROUTER[1])


def reach(host, t, server, name):
    """The DNS lookup and TLS session of a device (or an app) to a cloud name."""
    host.dns(t, ROUTER[0], (zlib.crc32(name.encode()) & 0x7FFF) | 0x100, name, [(name, DNS_A, 60, server)])
    return host.tls_session(t + 0.05, server, name)


def identity_embedded_android():
    pcap = Pcap()
    echo = home(pcap, "192.168.20.11", "f0:27:2d:11:22:33")
    echo.dhcp(0.0, "amazon-3f2a9c41d", "android-dhcp-9", prl=ANDROID_PRL, server=ROUTER[0], xid=0x11)
    reach(echo, 1.0, "52.94.233.12", "avs-alexa-4-na.amazon.com")
    reach(echo, 2.0, "52.46.133.20", "device-metrics-us-2.amazon.com")

    firetv = home(pcap, "192.168.20.12", "fc:a1:83:44:55:66")
    firetv.dhcp(3.0, "amazon-8e1c77b20", "android-dhcp-7.1.2", prl=ANDROID_PRL, server=ROUTER[0], xid=0x12)
    api = http_request("GET", "/v1/config", "api.amazonvideo.com",
                       "Dalvik/2.1.0 (Linux; U; Android 7.1.2; AFTMM Build/NS6271)")
    firetv.tcp_session(4.0, "54.239.17.10", 80, api, [600])

    bravia = home(pcap, "192.168.20.13", "00:13:a9:77:88:99")
    bravia.dhcp(5.0, "BRAVIA-4K-GB", "android-dhcp-9", prl=ANDROID_PRL, server=ROUTER[0], xid=0x13)
    bravia.mdns_announce(5.5, "_googlecast._tcp", "BRAVIA-4K-GB-2f8c", "2f8c0d1e-bravia", 8009,
                         ["md=BRAVIA 4K GB", "fn=Living room TV"])

    galaxy = home(pcap, "192.168.20.14", "8c:f5:a3:12:34:56")
    galaxy.dhcp(6.0, "Galaxy-S21", "android-dhcp-12", prl=ANDROID_PRL, server=ROUTER[0], xid=0x14)
    reach(galaxy, 7.0, "142.250.180.3", "connectivitycheck.gstatic.com")
    reach(galaxy, 8.0, "52.94.233.12", "avs-alexa-4-na.amazon.com")     # the Alexa app
    pcap.frames.sort(key=lambda frame: frame[0])
    return pcap


def identity_phone_apps():
    pcap = Pcap()
    clouds = [("34.243.113.114", "api.ws.sonos.com"), ("52.20.86.45", "fw.ring.com"),
              ("52.41.30.5", "devs.tplinkcloud.com"), ("52.58.59.11", "bridge.meethue.com"),
              ("52.94.233.12", "avs-alexa-4-na.amazon.com")]

    app_only = home(pcap, "192.168.20.21", "98:01:a7:a5:0c:93")   # joined before the capture: no DHCP
    reach(app_only, 0.5, *clouds[0])

    iphone = home(pcap, "192.168.20.22", "98:01:a7:10:20:30")
    iphone.dhcp(1.0, "iPhone", prl=IOS_PRL, server=ROUTER[0], xid=0x22)
    for k, cloud in enumerate(clouds):
        reach(iphone, 2.0 + k, *cloud)

    android = home(pcap, "192.168.20.23", "da:a1:19:5e:6f:70")    # randomized (locally administered)
    android.dhcp(8.0, None, "android-dhcp-13", prl=ANDROID_PRL, server=ROUTER[0], xid=0x23)
    for k, cloud in enumerate(clouds):
        reach(android, 9.0 + k, *cloud)

    unknown = home(pcap, "192.168.20.24", "6a:1e:33:00:42:7c")    # randomized, no DHCP, one cloud
    reach(unknown, 15.0, *clouds[0])

    # The Sonos app looks for players with the players' own User-Agent, but
    # for the model it names the app (ICRU: the iOS controller).
    controller = home(pcap, "192.168.20.25", "7e:02:6b:41:90:25")  # randomized, no DHCP
    search = ssdp_msearch("urn:schemas-upnp-org:device:ZonePlayer:1",
                          user_agent="Linux UPnP/1.0 Sonos/80.1-55014 (ICRU_iPhone14,2)")
    controller.multicast(16.0, SSDP_GROUP, 50525, 1900, search)
    reach(controller, 16.5, *clouds[0])
    pcap.frames.sort(key=lambda frame: frame[0])
    return pcap


def identity_computers():
    pcap = Pcap()
    mac = home(pcap, "192.168.20.41", "98:01:a7:aa:bb:41")
    mac.dhcp(0.0, "studio", prl=(1, 121, 3, 6, 15, 108, 114, 119, 162, 252, 95, 44, 46), server=ROUTER[0],
             xid=0x41)
    mac.mdns_announce(1.0, "_ipp._tcp", "Laser in the study @ studio", "studio", 631,
                      ["ty=Brother HL-L2350DW", "rp=printers/Brother_HL_L2350DW"])
    mac.mdns_announce(1.5, "_airplay._tcp", "studio", "studio", 7000, ["model=Mac14,3"])
    mac.mdns_announce(2.0, "_companion-link._tcp", "studio", "studio", 50000, ["rpBA=12:34"])

    laptop = home(pcap, "192.168.20.42", "78:92:9c:aa:bb:42")
    laptop.dhcp(3.0, "KITCHEN-PC", "MSFT 5.0", prl=(1, 3, 6, 15, 31, 33, 43, 44, 46, 47, 119, 121, 249, 252),
                server=ROUTER[0], xid=0x42)
    reach(laptop, 4.0, "52.41.30.5", "devs.tplinkcloud.com")          # the Kasa app for Windows

    # HP makes printers and PCs, ASUS routers and PCs: a laptop of either
    # that says nothing of itself is no printer and no router.
    hp_laptop = home(pcap, "192.168.20.43", "ec:b1:d7:aa:bb:43")
    reach(hp_laptop, 5.0, "142.250.185.68", "www.google.com")
    asus_laptop = home(pcap, "192.168.20.44", "04:d4:c4:aa:bb:44")
    reach(asus_laptop, 6.0, "142.250.185.68", "www.google.com")
    hp_printer = home(pcap, "192.168.20.45", "ec:b1:d7:aa:bb:45")
    served(hp_printer, hp_laptop, 7.0, 631, 50631)                     # IPP

    # iTunes for Windows shares its library and pairs with the Remote app
    # over Bonjour, as an Apple TV does: the PC stays a PC of no Apple make.
    itunes_pc = home(pcap, "192.168.20.46", "78:92:9c:aa:bb:46")
    itunes_pc.dhcp(8.0, "DESKTOP-7Q2LX", "MSFT 5.0", prl=(1, 3, 6, 15, 31, 33, 43, 44, 46, 47, 119, 121, 249, 252),
                   server=ROUTER[0], xid=0x46)
    itunes_pc.mdns_announce(9.0, "_touch-able._tcp", "8A3F2C1D9E7B6A50", "DESKTOP-7Q2LX", 3689,
                            ["DvNm=DESKTOP-7Q2LX", "DvTy=iTunes"])
    itunes_pc.mdns_announce(9.5, "_hscp._tcp", "DESKTOP-7Q2LX", "DESKTOP-7Q2LX", 3689, ["Machine Name=DESKTOP-7Q2LX"])
    pcap.frames.sort(key=lambda frame: frame[0])
    return pcap


def keepalives(host, start, server, port, count, every, size=60):
    """Tiny UDP keepalives to the cloud and their answers, nothing else."""
    for k in range(count):
        t = start + k * every
        host.frame(t, server, 17, udp(41000, port, b"k" * size))
        host.frame(t + 0.04, server, 17, udp(port, 41000, b"a" * size), outbound=False)


def video_upload(host, start, server, port, seconds, fps=20, size=1400):
    conn = host.connect(start, server, port, sport=4501)
    for k in range(seconds * fps):
        t = start + 0.1 + k / fps
        conn.send(t, size)
        if k % 10 == 0:
            conn.receive(t + 0.03, 60)


def served(server, client, t, port, client_port, request=b""):
    """A LAN client opens `port` on the server: the server's SYN/ACK from that
    port, then, with a request, the client's ACK and request."""
    segments = [(0, client, server, tcp(client_port, port, 100, 0, TCP_SYN)),
                (0.001, server, client, tcp(port, client_port, 900, 101, TCP_SYN | TCP_ACK))]
    if request:
        segments += [(0.002, client, server, tcp(client_port, port, 101, 901, TCP_ACK)),
                     (0.003, client, server, tcp(client_port, port, 101, 901, TCP_PSH | TCP_ACK, request))]
    for dt, src, dst, segment in segments:
        _, packet = ip(src.address, dst.address, 6, segment)
        server.pcap.add(JUNE_EPOCH + t + dt, ether(src.mac, dst.mac, 0x0800, packet))


def identity_oui_and_cloud():
    pcap = Pcap()
    dlink = home(pcap, "192.168.20.31", "b0:c5:54:aa:bb:01")
    reach(dlink, 0.0, "54.194.162.25", "signal.mydlink.com")
    video_upload(dlink, 1.0, "54.194.162.98", 2048, seconds=15)

    edimax = home(pcap, "192.168.20.32", "74:da:38:aa:bb:02")
    edimax.dns(0.5, ROUTER[0], 0x3202, "www.myedimax.com", [("www.myedimax.com", DNS_A, 60, "122.248.252.67")])
    keepalives(edimax, 1.0, "122.248.252.67", 8765, count=12, every=10.0)

    tuya = home(pcap, "192.168.20.33", "24:0a:c4:aa:bb:03")
    reach(tuya, 2.0, "18.185.25.11", "a2.tuyaeu.com")
    keepalives(tuya, 3.0, "18.185.25.11", 8886, count=8, every=15.0)

    camera = home(pcap, "192.168.20.34", "40:9f:38:aa:bb:04")
    viewer = home(pcap, "192.168.20.35", "98:01:a7:aa:bb:05")
    served(camera, viewer, 5.0, 554, 50555, b"DESCRIBE rtsp://camera/ RTSP/1.0\r\nCSeq: 2\r\n\r\n")

    sonos = home(pcap, "192.168.20.36", "00:0e:58:aa:bb:06")
    reach(sonos, 6.0, "34.243.113.114", "msmetrics.ws.sonos.com")

    gateway = home(pcap, "192.168.20.37", "00:1a:22:aa:bb:07")
    gateway.dns(7.0, ROUTER[0], 0x3707, "ntp.homematic.com", [("ntp.homematic.com", DNS_A, 60, "185.11.176.42")])
    keepalives(gateway, 8.0, "185.11.176.42", 123, count=3, every=20.0, size=48)

    scale = home(pcap, "192.168.20.38", "20:f8:5e:aa:bb:08")      # Delta Electronics: a contract maker
    scale.dns(9.0, ROUTER[0], 0x3808, "www.fitbit.com", [("www.fitbit.com", DNS_A, 60, "104.16.65.85")])
    upload = b"POST /scale/upload HTTP/1.1\r\nHost: www.fitbit.com\r\nContent-Length: 8\r\n\r\nweight=1"
    scale.tcp_session(9.5, "104.16.65.85", 80, upload, [300])

    triby = home(pcap, "192.168.20.39", "18:b7:9e:aa:bb:09")      # Invoxia: in no rule, named by its cloud
    reach(triby, 10.0, "52.58.12.34", "triby.invoxia.com")

    lefun = home(pcap, "192.168.20.40", "00:0c:43:aa:bb:0a")      # Ralink: the Wi-Fi chip's maker, not a brand
    reach(lefun, 11.0, "47.88.1.20", "api.camcloud.example")

    monitor = home(pcap, "192.168.20.41", "00:24:e4:aa:bb:0b")    # Withings: scales, but also cameras
    reach(monitor, 12.0, "89.30.121.150", "babyws.withings.net")
    video_upload(monitor, 13.0, "89.30.121.150", 2048, seconds=15)

    controller = home(pcap, "192.168.20.42", "00:5f:e1:aa:bb:0c")    # asks DHCP as PlayStations also do
    controller.dhcp(14.0, prl=(1, 3, 15, 6), server=ROUTER[0], xid=0x42)

    pixel = home(pcap, "192.168.20.43", "da:a1:19:43:43:43")       # Android 10+: random MAC, its model as name
    pixel.dhcp(15.0, "Pixel-7", "android-dhcp-13", prl=ANDROID_PRL, server=ROUTER[0], xid=0x43)

    led = home(pcap, "192.168.20.44", "00:5f:e1:aa:bb:0d")         # BleBox's LED controller: no Pixel phone
    led.dhcp(16.0, "pixelbox-5c3a", server=ROUTER[0], xid=0x44)

    # Roku OS runs on Roku's players and on TVs: what it announces allows both.
    roku = home(pcap, "192.168.20.45", "88:de:a9:aa:bb:0e")
    roku.ssdp_alive(17.0, "http://192.168.20.45:8060/", "roku:ecp", "uuid:roku:ecp:X00400ABCDEF",
                    "Roku/9.1.0 UPnP/1.0 Roku/9.1.0")
    pcap.frames.sort(key=lambda frame: frame[0])
    return pcap


def ubnt_discovery(model, mac_text, address):
    """A Ubiquiti discovery announcement (version 2): entries of a type byte
    and a 16-bit length; 0x02 MAC and address, 0x0b host name, 0x0c model."""
    def entry(kind, value):
        return bytes([kind]) + len(value).to_bytes(2, "big") + value
    body = (entry(0x02, bytes.fromhex(mac_text.replace(":", "")) + bytes(map(int, address.split("."))))
            + entry(0x0b, b"ubnt") + entry(0x0c, model.encode()) + entry(0x15, model.encode()))
    return bytes([2, 6]) + len(body).to_bytes(2, "big") + body


def lan_dns(pcap, t, client, server, ident, name, address):
    """A DNS query to a resolver on the LAN and its answer, each from its own MAC."""
    query = dns_message(ident, name)
    answer = dns_message(ident, name, response=True, answers=[(name, DNS_A, 60, address)])
    add_frame(pcap, t, client.mac, server.mac, client.address, server.address, 17, udp(50000 + ident % 1000, 53, query))
    add_frame(pcap, t + 0.02, server.mac, client.mac, server.address, client.address, 17,
              udp(53, 50000 + ident % 1000, answer))


def identity_field_devices():
    pcap = Pcap()
    windows = home(pcap, "192.168.30.11", "00:12:f0:aa:30:11")       # Intel Wi-Fi card
    check = http_request("GET", "/connecttest.txt", "www.msftconnecttest.com", "Microsoft NCSI")
    windows.tcp_session(0.0, "13.107.4.52", 80, check, [200])

    tab = home(pcap, "192.168.30.12", "8c:f5:a3:aa:30:12")
    tab.dhcp(1.0, "Galaxy-Tab-S8", "android-dhcp-13", prl=ANDROID_PRL, server=ROUTER[0], xid=0x3012)
    reach(tab, 2.0, "142.250.180.3", "connectivitycheck.gstatic.com")

    quest = home(pcap, "192.168.30.13", "2c:26:17:aa:30:13")         # Oculus VR
    quest.dhcp(3.0, "Quest-2", "android-dhcp-12", prl=ANDROID_PRL, server=ROUTER[0], xid=0x3013)
    store = http_request("GET", "/v1/apps", "graph.oculus.com",
                         "Dalvik/2.1.0 (Linux; U; Android 12; Quest 2 Build/SQ3A.220605.009.A1)")
    quest.tcp_session(4.0, "157.240.22.20", 80, store, [600])

    # UniFi cameras send the same OUI and DHCP vendor class as UniFi network
    # gear; the model in their discovery announcement tells them apart.
    for address, mac_text, model, t in (("192.168.30.14", "00:15:6d:aa:30:14", "UVC-G4-Bullet", 5.0),
                                        ("192.168.30.15", "00:15:6d:aa:30:15", "UAP-AC-Pro", 6.0)):
        unifi = home(pcap, address, mac_text)
        unifi.dhcp(t, vendor_class="ubnt", server=ROUTER[0], xid=int(address.split(".")[-1]))
        _, packet = ip(address, "255.255.255.255", 17, udp(40123, 10001, ubnt_discovery(model, mac_text, address)))
        pcap.add(JUNE_EPOCH + t + 0.5, ether(mac_text, "ff:ff:ff:ff:ff:ff", 0x0800, packet))

    # A Raspberry Pi running CUPS shares a USB printer: "<printer> @ <host>".
    pi = home(pcap, "192.168.30.16", "28:cd:c1:aa:30:16")
    pi.dhcp(7.0, "printserver", "dhcpcd-9.4.1:Linux-6.1.21-v8+:aarch64:BCM2835", server=ROUTER[0], xid=0x3016)
    queue = "HP LaserJet Pro M404n @ printserver._ipp._tcp.local"
    pi.multicast(7.5, "224.0.0.251", 5353, 5353, dns_packet(0, 0x8400, answers=[
        dns_rr("_services._dns-sd._udp.local", DNS_PTR, "_ipp._tcp.local", ttl=4500),
        dns_rr("_ipp._tcp.local", DNS_PTR, queue, ttl=4500),
        dns_rr(queue, DNS_TXT, ["ty=HP LaserJet Pro M404n", "usb_MFG=HP", "usb_MDL=LaserJet Pro M404n"], ttl=4500,
               rclass=0x8001)]))
    laptop = home(pcap, "192.168.30.22", "00:12:f0:aa:30:22")
    served(pi, laptop, 8.0, 631, 50631)

    # A resolver on the LAN (a Pi-hole on a mini PC) answers a Ring device and
    # looks its names up upstream; the Ring device only keeps its connection.
    resolver = home(pcap, "192.168.30.17", "00:12:f0:aa:30:17")
    ring = home(pcap, "192.168.30.18", "18:7f:88:aa:30:18")
    ring.dhcp(9.0, vendor_class="udhcp 1.24.2", server=ROUTER[0], xid=0x3018)
    for k, name in enumerate(("fw.ring.com", "api.prod.signalling.ring.devices.a2z.com")):
        resolver.dns(9.5 + k, "1.1.1.1", 0x1700 + k, name, [(name, DNS_A, 60, "52.20.86.45")])
        lan_dns(pcap, 9.6 + k, ring, resolver, 0x1800 + k, name, "52.20.86.45")
    keepalives(ring, 12.0, "52.20.86.45", 9998, count=12, every=10.0)

    tesla = home(pcap, "192.168.30.19", "0c:29:8f:aa:30:19")
    tesla.dhcp(13.0, vendor_class="udhcp 1.27.2", server=ROUTER[0], xid=0x3019)
    reach(tesla, 14.0, "54.187.1.21", "hermes-prd.vn.tesla.services")
    keepalives(tesla, 15.0, "54.187.1.21", 443, count=12, every=10.0)

    for address, mac_text, model, t in (("192.168.30.20", "44:61:32:aa:30:20", "ecobee SmartCamera", 16.0),
                                        ("192.168.30.21", "44:61:32:aa:30:21", "ecobee3 lite", 17.0)):
        ecobee = home(pcap, address, mac_text)
        ecobee.mdns_announce(t, "_hap._tcp", model, model.replace(" ", "-"), 1200, [f"md={model}", "ci=17"])
        reach(ecobee, t + 0.5, "52.4.88.10", "home.ecobee.com")
    # Home Assistant on a single-board computer (Hardkernel's ODROID, OUI
    # registered as Wibrain: in no rule) with one integration's cloud.
    hub = home(pcap, "192.168.30.23", "00:1e:06:aa:30:23")
    hub.mdns_announce(18.0, "_home-assistant._tcp", "Home", "homeassistant", 8123,
                      ["location_name=Home", "version=2024.6.0"])
    reach(hub, 18.5, "51.145.143.28", "api.netatmo.com")
    pcap.frames.sort(key=lambda frame: frame[0])
    return pcap


def print_job(printer, client, t, client_port, user_agent):
    """A CUPS client's IPP request to a printer (port 631): the HTTP header
    names the client's CUPS and system."""
    request = (f"POST /ipp/print HTTP/1.1\r\nContent-Length: 9\r\nContent-Type: application/ipp\r\n"
               f"Host: {printer.address}:631\r\nUser-Agent: {user_agent}\r\n\r\n").encode() + bytes(9)
    served(printer, client, t, 631, client_port, request)


def identity_print_clients():
    pcap = Pcap()
    printer = home(pcap, "192.168.32.10", "00:12:79:aa:32:10")           # an HP printer
    clients = (("192.168.32.11", "00:12:f0:aa:32:11", "CUPS/2.4.2 (Linux 6.1.0-13-amd64; x86_64) IPP/2.0"),
               ("192.168.32.12", "3c:06:30:aa:32:12", "CUPS/2.3.4 (macOS 14.2.1; arm64) IPP/2.0"),
               ("192.168.32.13", "f0:18:98:aa:32:13", "CUPS/2.3.4 (iOS 17.1.2; iPhone15,2) IPP/2.0"),
               ("192.168.32.14", "00:1b:63:aa:32:14", "CUPS/1.3.4"))
    for k, (address, mac_text, user_agent) in enumerate(clients):
        print_job(printer, home(pcap, address, mac_text), 1.0 + k, 50631 + k, user_agent)
    pcap.frames.sort(key=lambda frame: frame[0])
    return pcap


def sadp_answer(model, serial, mac_text, address):
    """A Hikvision device's answer to the SADP tool's inquiry (UDP 37020)."""
    return ('<?xml version="1.0" encoding="UTF-8"?><ProbeMatch><Uuid>1A2B3C4D-5E6F-7081-92A3-'
            f'{mac_text.replace(":", "").upper()}</Uuid><Types>inquiry</Types><DeviceType>1</DeviceType>'
            f'<DeviceDescription>{model}</DeviceDescription><DeviceSN>{model}{serial}</DeviceSN>'
            f'<CommandPort>8000</CommandPort><HttpPort>80</HttpPort><MAC>{mac_text.replace(":", "-")}</MAC>'
            f'<IPv4Address>{address}</IPv4Address><DHCP>false</DHCP><Activated>true</Activated>'
            '</ProbeMatch>').encode()


def dhip_announcement(device_class, model, serial):
    """A Dahua device's discovery announcement (UDP 37810): a 32-byte header
    (its length, "DHIP", the body's length at bytes 16 and 24), a JSON body."""
    body = ('{"method":"client.notifyDevInfo","params":{"deviceInfo":{"DeviceClass":"%s","DeviceType":"%s",'
            '"SerialNo":"%s","Vendor":"Dahua","Port":37777}}}' % (device_class, model, serial)).encode()
    size = len(body).to_bytes(4, "little")
    return (0x20).to_bytes(4, "little") + b"DHIP" + bytes(8) + size + bytes(4) + size + bytes(4) + body


def rtsp_pull(recorder, camera, t, client_port):
    describe = f"DESCRIBE rtsp://{camera.address}:554/Streaming/Channels/101 RTSP/1.0\r\nCSeq: 2\r\n\r\n"
    served(camera, recorder, t, 554, client_port, describe.encode())


SADP_GROUP = SSDP_GROUP             # SADP answers go to SSDP's group, port 37020


def identity_video_recorders():
    pcap = Pcap()
    nvr = home(pcap, "192.168.33.10", "c0:56:e3:aa:33:10")
    camera = home(pcap, "192.168.33.11", "bc:ad:28:aa:33:11")
    for host, model, t in ((nvr, "DS-7608NI-K2/8P", 0.0), (camera, "DS-2CD2386G2-I", 0.2)):
        host.multicast(t, SADP_GROUP, 37020, 37020, sadp_answer(model, "0820211020CCRRG1234", host.mac, host.address))
    reach(nvr, 1.0, "47.91.72.10", "litedev.hik-connect.com")
    rtsp_pull(nvr, camera, 2.0, 59087)

    quiet = home(pcap, "192.168.33.12", "44:47:cc:aa:33:12")
    reach(quiet, 3.0, "47.91.72.10", "litedev.hik-connect.com")

    dahua_nvr = home(pcap, "192.168.33.13", "08:ed:ed:aa:33:13")
    dahua_camera = home(pcap, "192.168.33.14", "14:a7:8b:aa:33:14")
    rtsp_pull(dahua_nvr, dahua_camera, 4.0, 59100)

    # A PoE NVR records the cameras on its own ports; on the LAN it serves
    # RTSP to a viewer, as a camera does.
    poe_nvr = home(pcap, "192.168.33.15", "04:03:12:aa:33:15")
    reach(poe_nvr, 5.0, "47.91.72.10", "litedev.hik-connect.com")
    rtsp_pull(home(pcap, "192.168.33.20", "00:12:f0:aa:33:20"), poe_nvr, 5.5, 59110)

    # An intercom's indoor station (a touch panel, no camera) pulls the door
    # station's stream, as a recorder pulls a camera's.
    door = home(pcap, "192.168.33.16", "08:a1:89:aa:33:16")
    panel = home(pcap, "192.168.33.17", "08:a1:89:aa:33:17")
    for host, model, t in ((door, "DS-KV6113-WPE1(C)", 6.0), (panel, "DS-KH6320-WTE1", 6.2)):
        host.multicast(t, SADP_GROUP, 37020, 37020, sadp_answer(model, "20220815CCWRJ1122", host.mac, host.address))
    rtsp_pull(panel, door, 7.0, 59120)

    for address, mac_text, device_class, model, t in (
            ("192.168.33.18", "24:52:6a:aa:33:18", "XVR", "XVR5108HS-I3", 8.0),
            ("192.168.33.19", "24:52:6a:aa:33:19", "IPC", "IPC-HDW2431T-AS-S2", 8.5)):
        dahua = home(pcap, address, mac_text)
        dahua.multicast(t, "239.255.255.251", 37810, 37810, dhip_announcement(device_class, model, "7A0123" + address[-2:]))
    pcap.frames.sort(key=lambda frame: frame[0])
    return pcap


def identity_vendor_ranges():
    pcap = Pcap()
    washer = home(pcap, "192.168.34.10", "fc:de:90:aa:34:10")
    reach(washer, 0.0, "52.59.45.10", "time.samsungcloudsolution.com")
    reach(washer, 0.5, "3.120.20.10", "ocfconnect-shard-eu01-euwest1.samsungiotcloud.com")

    projector = home(pcap, "192.168.34.11", "38:1a:52:aa:34:11")
    projector.dhcp(1.0, "EPSON-EF12", "udhcp 1.24.2", server=ROUTER[0], xid=0x3411)
    printer = home(pcap, "192.168.34.12", "38:1a:52:aa:34:12")
    printer.dhcp(1.5, "EPSONAA3412", server=ROUTER[0], xid=0x3412)

    camera = home(pcap, "192.168.34.13", "18:0c:ac:aa:34:13")
    video_upload(camera, 2.0, "13.225.10.20", 443, seconds=15)

    vacuum = home(pcap, "192.168.34.14", "40:b0:2f:aa:34:14")
    reach(vacuum, 3.0, "18.185.10.20", "registration.mcs3.miele.com")

    for address, mac_text, user_agent, t in (
            ("192.168.34.15", "40:40:a7:aa:34:15",
             "Dalvik/2.1.0 (Linux; U; Android 14; XQ-DQ72 Build/68.1.A.2.53)", 20.0),
            ("192.168.34.16", "40:40:a7:aa:34:16", None, 22.0)):
        xperia = home(pcap, address, mac_text)
        xperia.dhcp(t, vendor_class="android-dhcp-14", prl=ANDROID_PRL, server=ROUTER[0],
                    xid=int(address.split(".")[-1]) | 0x3400)
        reach(xperia, t + 0.5, "104.84.10.20", "ps5.np.playstation.net")
        if user_agent:
            xperia.tcp_session(t + 1.0, "23.45.10.20", 80,
                               http_request("GET", "/v1/status", "status.playstation.net", user_agent), [400])
    pcap.frames.sort(key=lambda frame: frame[0])
    return pcap


def router_advertisement(prefix, length=64):
    """ICMPv6 134: header (hop limit, flags, lifetimes), then one Prefix
    Information option (type 3, 4 x 8 bytes) with the on-link and autonomous flags."""
    import ipaddress
    header = bytes([134, 0, 0, 0, 64, 0]) + (1800).to_bytes(2, "big") + bytes(8)
    option = (bytes([3, 4, length, 0xC0]) + (86400).to_bytes(4, "big") + (14400).to_bytes(4, "big") + bytes(4)
              + ipaddress.IPv6Address(prefix).packed)
    return header + option


def identity_ipv6_global():
    pcap = Pcap()
    router_ll = "fe80::211:22ff:fe33:4455"
    for t, prefix, hop_limit in ((0.0, "2001:db8:5:6::", 255), (0.5, "2001:db8:7:8::", 64)):
        packet = ipv6_packet(router_ll, "ff02::1", 58, router_advertisement(prefix), hop_limit=hop_limit)
        pcap.add(JUNE_EPOCH + t, ether(ROUTER[1], "33:33:00:00:00:01", 0x86DD, packet))
    for k, (v4, v6, mac_text, name) in enumerate((("192.168.31.11", "2001:db8:5:6::1234", "00:12:f0:aa:31:11", "KITCHEN-PC"),
                                                  ("192.168.31.12", "2001:db8:7:8::1234", "00:12:f0:aa:31:12", "STUDY-PC"))):
        laptop = home(pcap, v4, mac_text)
        laptop.dhcp(1.0 + k, name, "MSFT 5.0", prl=(1, 3, 6, 15, 31, 33, 43, 44, 46, 47, 119, 121, 249, 252),
                    server=ROUTER[0], xid=0x3111 + k)
        laptop.address = v6
        laptop.tls_session(3.0 + k, "2600:1f18:4a3:6902::40", "api.example.org")
    pcap.frames.sort(key=lambda frame: frame[0])
    return pcap


SCENARIOS = [identity_embedded_android, identity_phone_apps, identity_computers, identity_oui_and_cloud,
             identity_field_devices, identity_print_clients, identity_video_recorders, identity_vendor_ranges,
             identity_ipv6_global]


def main():
    write_scenarios(SCENARIOS, HERE)


if __name__ == "__main__":
    main()
