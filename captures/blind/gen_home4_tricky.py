#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Home 4: tricky cases. 192.168.60.0/24 behind a Netgear Orbi at .1.
Phones with randomized (locally administered) MACs that talk to many IoT clouds, a PC with IoT vendor desktop apps,
a Home Assistant Pi, devices whose OUI is a module/chip vendor, Amazon/Google non-speaker devices, a Ring Chime, etc."""
import json, os, random, struct, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_lib import *

random.seed(4040)
H = Home(router_mac="9c:3d:cf:71:0e:01", router_ip="192.168.60.1", domain="orbilogin.com")
R = Dev(H.router_mac, H.router_ip)
TRUTH = []


def dev(mac, ip, vendor, typ, desc):
    d = Dev(mac, "192.168.60.%d" % ip, desc)
    TRUTH.append(("home4_tricky.pcap", d.mac, d.ip, vendor, typ, desc))
    return d


iph = dev("a6:3b:1f:52:90:c4", 10, "Apple", "phone", "iPhone 15, private Wi-Fi address, many IoT apps (Ring/Wyze/Kasa/Hue/Tuya/ecobee/Nest/Sonos)")
andr = dev("da:a1:19:3e:55:07", 11, "Samsung", "phone", "Galaxy A53, randomized MAC, Smart Life/Wyze/Arlo/Ring apps")
tuyaesp = dev("84:0d:8e:3f:1a:2b", 12, "Tuya-based (Gosund)", "smart plug", "Gosund WP3 plug, Tuya TYWE3S (ESP8266) module, hostname ESP_3F1A2B")
washer = dev("10:07:b6:4a:5b:6c", 13, "Samsung", "appliance (washer)", "Samsung Wi-Fi washer (SmartThings)")
firetab = dev("f0:a2:25:1a:2b:3c", 14, "Amazon", "tablet", "Fire HD 10 tablet (KFTRWI)")
kindle = dev("cc:9e:a2:8c:2b:1d", 15, "Amazon", "e-reader", "Kindle Paperwhite")
winpc = dev("48:51:c5:6d:7e:8f", 16, "unknown (Intel NIC)", "computer", "Windows 11 desktop with Sonos S2 app, Hue Sync, iCloud for Windows")
pixel = dev("14:c1:4e:9a:0b:1c", 17, "Google", "phone", "Pixel 8 with Nest app (no hostname)")
ccu = dev("54:60:09:2d:3e:4f", 18, "Google", "streaming device", "Chromecast Ultra (Cast OS, not Android)")
deco = dev("b0:95:75:5e:6f:70", 19, "TP-Link", "router/AP", "TP-Link Deco M5 mesh satellite")
hapi = dev("e4:5f:01:81:92:a3", 20, "Raspberry Pi", "computer/hub", "Raspberry Pi 4 running Home Assistant OS (Ring/ecobee/Tuya/Kasa integrations, HomeKit bridge)")
rokutv = dev("2c:e0:32:b4:c5:d6", 21, "TCL (Roku TV)", "TV", "TCL Roku TV")
shield = dev("00:04:4b:e7:f8:09", 22, "Nvidia", "streaming device", "NVIDIA SHIELD TV Pro")
canon = dev("00:1e:8f:1a:2b:3c", 23, "Canon", "printer", "Canon imageCLASS MF644C, Bonjour disabled")
wiz = dev("a8:bb:50:4d:5e:6f", 24, "WiZ (Signify)", "light bulb", "WiZ A19 bulb")
quest = dev("2c:26:17:7a:8b:9c", 25, "Meta/Oculus", "VR headset", "Meta Quest 2")
purifier = dev("78:11:dc:ad:be:cf", 26, "Xiaomi", "appliance (air purifier)", "Xiaomi Smart Air Purifier 4 (miio)")
chime = dev("9c:76:13:2e:3f:40", 27, "Ring", "chime/extender", "Ring Chime Pro")
TRUTH.append(("home4_tricky.pcap", R.mac, R.ip, "Netgear", "router", "Netgear Orbi router"))

H.dhcp(iph, prl=PRL["ios"], maxsize=1500)
H.dhcp(andr, vendor="android-dhcp-13", prl=PRL["android"], maxsize=1500)
H.dhcp(tuyaesp, hostname="ESP_3F1A2B", prl=PRL["lwip"], client_id=False)
H.dhcp(washer, prl=PRL["udhcp"], vendor="udhcp 1.21.1")
H.dhcp(firetab, hostname="amazon-1a2b3c4d5", vendor="android-dhcp-9", prl=PRL["android"], maxsize=1500)
H.dhcp(kindle, hostname="kindle-8c2b1d5e0", prl=PRL["udhcp"], vendor="udhcp 1.23.2")
H.dhcp(winpc, hostname="DESKTOP-4J8K2LM", vendor="MSFT 5.0", prl=PRL["windows"], maxsize=1500, fqdn="DESKTOP-4J8K2LM")
H.dhcp(pixel, vendor="android-dhcp-14", prl=PRL["android"], maxsize=1500)
H.dhcp(ccu, hostname="Chromecast-Ultra", prl=PRL["cast"], maxsize=1500)
H.dhcp(deco, hostname="Deco_M5", prl=PRL["udhcp"], client_id=False)
H.dhcp(hapi, hostname="homeassistant", prl=PRL["nm_internal"], client_id=True)
H.dhcp(rokutv, prl=PRL["roku"], client_id=False)
H.dhcp(shield, hostname="SHIELD", vendor="android-dhcp-11", prl=PRL["android"], maxsize=1500)
H.dhcp(canon, hostname="CanonMF644C", prl=[1, 3, 6, 12, 15, 44], client_id=True)
H.dhcp(wiz, prl=PRL["lwip"], client_id=False)
H.dhcp(quest, hostname="Quest-2", vendor="android-dhcp-12", prl=PRL["android"], maxsize=1500)
H.dhcp(purifier, hostname="zhimi-airpurifier-mb4_miio412398765", prl=PRL["lwip"], client_id=False)
H.dhcp(chime, prl=PRL["udhcp"], vendor="udhcp 1.24.2")
H.tick(3)

# 1. iPhone with private address
H.http(iph, "captive.apple.com", "/hotspot-detect.html", ua="CaptiveNetworkSupport-481.0.1 wispr",
       resp="HTTP/1.0 200 OK\r\n\r\n<HTML><HEAD><TITLE>Success</TITLE></HEAD><BODY>Success</BODY></HTML>")
for n in ["api.ring.com", "app-snaps.ring.com", "api.wyzecam.com", "auth-prod.api.wyze.com", "wap.tplinkcloud.com",
          "api.meethue.com", "a1.tuyaus.com", "api.ecobee.com", "home.nest.com", "api.ws.sonos.com", "gateway.icloud.com"]:
    H.tls(iph, n, alpn=["h2", "http/1.1"])
H.udp(iph.mac, iph.ip, BCAST, "255.255.255.255", 53012, 9999, kasa_encrypt('{"system":{"get_sysinfo":{}}}'))
H.mdns_query(iph, ["_hap._tcp.local", "_airplay._tcp.local", "_sonos._tcp.local", "_hue._tcp.local"])

# 2. Android with randomized MAC
H.http(andr, "connectivitycheck.gstatic.com", "/generate_204", ua="Dalvik/2.1.0 (Linux; U; Android 13; SM-A536U Build/TP1A.220624.014)",
       resp="HTTP/1.1 204 No Content\r\n\r\n")
for n in ["a1.tuyaus.com", "api.wyzecam.com", "ocapi-app.arlo.com", "api.ring.com", "app-snaps.ring.com", "play.googleapis.com"]:
    H.tls(andr, n, alpn=["h2", "http/1.1"])

# 3. Tuya plug on ESP8266 module
def tuya_frame(cmd, payload):
    body = struct.pack("!I", 0) + payload + struct.pack("!I", random.getrandbits(32)) + b"\x00\x00\xaa\x55"
    return b"\x00\x00\x55\xaa" + struct.pack("!II", 0, cmd) + struct.pack("!I", len(body)) + body
for i in range(3):
    H.udp(tuyaesp.mac, tuyaesp.ip, BCAST, "255.255.255.255", 49154, 6667, tuya_frame(0x13, os.urandom(176)))
H.tls(tuyaesp, "a2.tuyaus.com")
H.tls(tuyaesp, "m2.tuyaus.com", port=8883)

# 4. Samsung washer
for n in ["ocfconnect-shard-na02-useast2.samsungiotcloud.com", "api.smartthings.com", "fota-cloud-dn.ospserver.net"]:
    H.tls(washer, n)

# 5. Fire tablet
H.http(firetab, "spectrum.s3.amazonaws.com", "/kindle-wifi/wifistub.html", ua="Dalvik/2.1.0 (Linux; U; Android 9; KFTRWI Build/PS7327.3052N)")
for n in ["api.amazon.com", "firs-ta-g7g.amazon.com", "www.amazon.com", "softwareupdates.amazon.com", "m.media-amazon.com", "www.youtube.com"]:
    H.tls(firetab, n, alpn=["h2", "http/1.1"])

# 6. Kindle
H.http(kindle, "spectrum.s3.amazonaws.com", "/kindle-wifi/wifistub.html",
       ua="Mozilla/5.0 (X11; U; Linux armv7l like Android; en-us) AppleWebKit/531.2+ (KHTML, like Gecko) Version/5.0 Safari/533.2+ Kindle/3.0+")
for n in ["det-ta-g7g.amazon.com", "todo-ta-g7g.amazon.com", "kindle-time.amazon.com", "firs-ta-g7g.amazon.com"]:
    H.tls(kindle, n)

# 7. Windows PC with IoT vendor desktop apps
H.http(winpc, "www.msftconnecttest.com", "/connecttest.txt", ua="Microsoft NCSI",
       resp="HTTP/1.1 200 OK\r\nContent-Length: 22\r\n\r\nMicrosoft Connect Test")
for n in ["settings-win.data.microsoft.com", "login.live.com", "api.ws.sonos.com", "api.meethue.com", "gateway.icloud.com",
          "setup.icloud.com", "www.bing.com"]:
    H.tls(winpc, n, alpn=["h2", "http/1.1"])
H.ssdp_msearch(winpc, "urn:schemas-upnp-org:device:ZonePlayer:1", ua="Linux UPnP/1.0 Sonos/74.0-49180 (WDCR:Microsoft Windows NT 10.0.22631)")
H.mdns_query(winpc, ["_hue._tcp.local", "_sonos._tcp.local"])

# 8. Pixel 8, no hostname, Nest app
H.http(pixel, "connectivitycheck.gstatic.com", "/generate_204", ua="Dalvik/2.1.0 (Linux; U; Android 14; Pixel 8 Build/AP1A.240305.019.A1)",
       resp="HTTP/1.1 204 No Content\r\n\r\n")
for n in ["nexusapi-us1.camera.home.nest.com", "home.nest.com", "googlehomefoyer-pa.googleapis.com", "www.google.com", "play.googleapis.com"]:
    H.tls(pixel, n, alpn=["h2"])
H.tls(pixel, "mtalk.google.com", port=5228)

# 9. Chromecast Ultra
H.mdns_announce(ccu, "5d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6", [
    ("_googlecast._tcp", "Chromecast-Ultra-5d1e2f3a4b5c6d7e8f90a1b2c3d4e5f6", 8009,
     ["id=5d1e2f3a4b5c6d7e8f90a1b2c3d4e5f6", "cd=7A8B9C0D1E2F3A4B5C6D7E8F90A1B2C3", "rm=", "ve=05", "md=Chromecast Ultra",
      "ic=/setup/icon.png", "fn=Basement TV", "ca=201221", "st=0", "bs=FA8FCA9D0E33", "nf=1", "rs="])])
for n in ["clients3.google.com", "www.youtube.com", "tools.l.google.com"]:
    H.tls(ccu, n)

# 10. Deco M5
for n in ["n-devs.tplinkcloud.com", "n-deventry-us.tplinkcloud.com"]:
    H.tls(deco, n)
H.dns(deco, "www.tp-link.com")

# 11. Home Assistant on a Pi
H.mdns_announce(hapi, "homeassistant", [
    ("_home-assistant._tcp", "Home", 8123, ["location_name=Home", "uuid=0f1e2d3c4b5a69788796a5b4c3d2e1f0", "version=2024.1.2",
                                            "external_url=", "internal_url=http://192.168.60.20:8123", "base_url=http://192.168.60.20:8123",
                                            "requires_api_password=True"]),
    ("_hap._tcp", "HASS Bridge 4F2A", 21064, ["c#=3", "ff=0", "id=2E:4F:6A:8B:0C:1D", "md=HASS Bridge", "pv=1.1", "s#=1", "sf=0", "ci=2", "sh=aGVsbG8="])])
H.udp(hapi.mac, hapi.ip, BCAST, "255.255.255.255", 43210, 9999, kasa_encrypt('{"system":{"get_sysinfo":{}}}'))
H.ssdp_msearch(hapi, "ssdp:all", ua="Python/3.11 UPnP/1.0 async-upnp-client/0.36.2")
H.mdns_query(hapi, ["_hap._tcp.local", "_googlecast._tcp.local", "_hue._tcp.local", "_sonos._tcp.local", "_airplay._tcp.local"])
for n in ["version.home-assistant.io", "alerts.home-assistant.io", "api.ring.com", "api.ecobee.com", "openapi.tuyaus.com",
          "auth-prod.api.wyze.com", "api.wyzecam.com", "github.com"]:
    H.tls(hapi, n)
H.http(hapi, "192.168.60.24", "/", resolve=False, ip="192.168.60.24", dst_mac=wiz.mac, ua="HomeAssistant/2024.1.2 aiohttp/3.9.1 Python/3.11")

# 12. TCL Roku TV
H.ssdp_notify(rokutv, "Roku/12.0.0 UPnP/1.0 Roku/12.0.0", "http://192.168.60.21:8060/", ["roku:ecp"], "roku:ecp:YN00H5555555")
H.http(rokutv, "captive.roku.com", "/ok", ua="Roku/DVP-12.0 (12.0.0.4182-88)", resp="HTTP/1.1 200 OK\r\n\r\nok")
for n in ["scribe.logs.roku.com", "api.roku.com", "tvpn.roku.com"]:
    H.tls(rokutv, n)

# 13. NVIDIA SHIELD
H.mdns_announce(shield, "SHIELD", [
    ("_googlecast._tcp", "SHIELD-Android-TV-6e7f8091a2b3c4d5e6f708192a3b4c5d", 8009,
     ["id=6e7f8091a2b3c4d5e6f708192a3b4c5d", "cd=0A1B2C3D4E5F60718293A4B5C6D7E8F9", "rm=", "ve=05", "md=SHIELD Android TV",
      "ic=/setup/icon.png", "fn=SHIELD", "ca=264709", "st=0", "bs=FA8FCA1A2B3C", "nf=1", "rs="]),
    ("_androidtvremote2._tcp", "SHIELD", 6466, ["bt=00:04:4B:E7:F8:0A"])])
H.http(shield, "connectivitycheck.gstatic.com", "/generate_204",
       ua="Dalvik/2.1.0 (Linux; U; Android 11; SHIELD Android TV Build/RQ1A.210105.003)", resp="HTTP/1.1 204 No Content\r\n\r\n")
for n in ["www.youtube.com", "api-global.netflix.com", "gfwsl.geforce.com", "play.googleapis.com"]:
    H.tls(shield, n)

# 14. Canon printer: no Bonjour; Windows PC prints to it (raw 9100 and LPD 515); SNMP query from PC
pjl = b"\x1b%-12345X@PJL JOB NAME=\"report.pdf\"\r\n@PJL ENTER LANGUAGE=PCLXL\r\n" + os.urandom(500)
H.tcp(winpc, canon.ip, 9100, [("c", pjl)], dst_mac=canon.mac)
H.tcp(winpc, canon.ip, 515, [("c", b"\x02lp\n"), ("s", b"\x00")], dst_mac=canon.mac)
H.tls(canon, "gdlp01.c-wss.com")

# 15. WiZ bulb: UDP 38899 JSON
wizmsg = json.dumps({"method": "syncPilot", "env": "pro", "params": {"mac": "a8bb504d5e6f", "rssi": -58, "src": "udp", "state": True,
                     "sceneId": 0, "temp": 2700, "dimming": 80}})
H.udp(wiz.mac, wiz.ip, BCAST, "255.255.255.255", 38899, 38900, wizmsg.encode())
H.udp(hapi.mac, hapi.ip, wiz.mac, wiz.ip, 51122, 38899, b'{"method":"getPilot","params":{}}')
H.udp(wiz.mac, wiz.ip, hapi.mac, hapi.ip, 38899, 51122, json.dumps({"method": "getPilot", "env": "pro", "result": {"mac": "a8bb504d5e6f", "rssi": -58, "state": True, "sceneId": 0, "temp": 2700, "dimming": 80}}).encode())

# 16. Meta Quest 2
H.http(quest, "connectivitycheck.gstatic.com", "/generate_204",
       ua="Dalvik/2.1.0 (Linux; U; Android 12; Quest 2 Build/SQ3A.220605.009.A1)", resp="HTTP/1.1 204 No Content\r\n\r\n")
for n in ["graph.oculus.com", "securecdn.oculus.com", "scontent.oculuscdn.com", "graph.facebook.com"]:
    H.tls(quest, n)

# 17. Xiaomi air purifier (miio)
for n in ["us.ot.io.mi.com", "ott.io.mi.com"]:
    H.tls(purifier, n)
H.udp(purifier.mac, purifier.ip, H.router_mac, H.dns(purifier, "ot.io.mi.com"), 54321, 8053, b"\x21\x31\x00\x20" + os.urandom(28))

# 18. Ring Chime Pro
for n in ["fw.ring.com", "es.ring.com"]:
    H.tls(chime, n)

# keepalives
for rnd in range(3):
    H.tick(60)
    for d, n, p in [(tuyaesp, "m2.tuyaus.com", 8883), (washer, "ocfconnect-shard-na02-useast2.samsungiotcloud.com", 443),
                    (chime, "es.ring.com", 443), (purifier, "us.ot.io.mi.com", 443), (deco, "n-devs.tplinkcloud.com", 443),
                    (iph, "api.ring.com", 443), (andr, "a1.tuyaus.com", 443), (hapi, "api.ring.com", 443)]:
        H.tls(d, n, port=p, resolve=False, n_data=1)

H.write(os.path.join(os.path.dirname(os.path.abspath(__file__)), "home4_tricky.pcap"))
print(len(H.pkts), "packets")
