#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Home 3: thin evidence. Each device: its MAC (real OUI), one ARP for the gateway, ONE cloud DNS lookup,
then a TLS session (SNI = that same name) and a few keepalives. No DHCP, no mDNS, no SSDP.
(The capture started after the leases were handed out.) The right answer is usually vendor + type unknown."""
import os, random, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_lib import *

random.seed(3030)
H = Home(router_mac="64:c2:69:0a:bc:01", router_ip="10.0.0.1")  # eero gateway
TRUTH = []

rows = [
    # mac, ip, true vendor, true type, desc, cloud name, port
    ("90:48:6c:11:22:33", 10, "Ring", "camera/doorbell", "Ring Video Doorbell", "fw.ring.com", 443),
    ("7c:78:b2:44:55:66", 11, "Wyze", "camera", "Wyze Cam v2", "api.wyzecam.com", 443),
    ("b8:e9:37:aa:bb:cc", 12, "Sonos", "smart speaker", "Sonos Play:1", "msmetrics.ws.sonos.com", 443),
    ("b0:a7:37:12:34:56", 13, "Roku", "streaming device", "Roku Ultra", "scribe.logs.roku.com", 443),
    ("44:00:49:9a:8b:7c", 14, "Amazon", "smart speaker", "Echo Dot 3rd gen", "device-metrics-us.amazon.com", 443),
    ("44:61:32:01:02:03", 15, "ecobee", "thermostat", "ecobee SmartThermostat", "home.ecobee.com", 8089),
    ("50:14:79:0a:0b:0c", 16, "iRobot", "robot vacuum", "Roomba 675", "disc-prod.iot.irobotapi.com", 443),
    ("84:f3:eb:3d:4e:5f", 17, "Tuya (Espressif module)", "smart plug", "Gosund/Tuya plug on ESP8266 module", "a2.tuyaus.com", 443),
    ("fc:f1:36:7e:8f:90", 18, "Samsung", "TV", "Samsung Tizen TV", "time.samsungcloudsolution.com", 443),
    ("58:24:29:21:32:43", 19, "Google", "phone", "Pixel 6 phone (only Google checks seen)", "connectivitycheck.gstatic.com", 443),
    ("bc:d0:74:54:65:76", 20, "Apple", "phone", "iPhone 13 (only iCloud seen)", "gateway.icloud.com", 443),
    ("98:da:c4:87:98:a9", 21, "TP-Link", "smart plug", "Kasa KP115 plug", "n-devs.tplinkcloud.com", 443),
    ("44:47:cc:ba:cb:dc", 22, "Hikvision", "camera", "Hikvision camera (default NTP server)", "time.windows.com", 123),
    ("3c:a9:f4:ed:fe:0f", 23, "unknown (Intel NIC)", "computer", "Windows PC with Intel Wi-Fi", "settings-win.data.microsoft.com", 443),
    ("18:b4:30:1f:2e:3d", 24, "Google/Nest", "thermostat", "Nest thermostat E", "frontdoor.nest.com", 443),
    ("2c:cc:44:4c:5b:6a", 25, "Sony", "game console", "PS4", "ps4.np.playstation.net", 443),
    ("b8:27:eb:7f:8e:9d", 26, "Raspberry Pi", "computer", "Raspberry Pi 3", "archive.raspberrypi.org", 80),
    ("58:ef:68:ac:bd:ce", 27, "Belkin", "smart plug", "WeMo Mini", "api.xbcs.net", 8443),
    ("ec:b5:fa:df:e0:f1", 28, "Philips/Signify", "hub/bridge", "Hue Bridge", "ws.meethue.com", 443),
    ("90:09:d0:02:13:24", 29, "Synology", "NAS", "Synology DS220+", "checkip.synology.com", 443),
    ("60:01:94:35:46:57", 30, "Espressif (DIY)", "unknown", "ESPHome sensor (ESP8266) publishing to HA", "pool.ntp.org", 123),
    ("a4:83:e7:68:79:8a", 31, "Apple", "computer", "MacBook Air (only software update seen)", "swscan.apple.com", 443),
    ("74:c2:46:9b:ac:bd", 32, "Amazon", "streaming device", "Fire TV Stick (only Amazon video)", "atv-ext.amazon.com", 443),
    ("1c:f2:9a:ce:df:e0", 33, "Google", "streaming device", "Chromecast (only YouTube seen)", "www.youtube.com", 443),
    ("00:0e:58:f1:02:13", 34, "Sonos", "smart speaker", "Sonos Connect (old OUI)", "update.sonos.com", 443),
]

devs = []
for mac, ip, v, t, desc, name, port in rows:
    d = Dev(mac, "10.0.0.%d" % ip, desc)
    TRUTH.append(("home3_thin.pcap", d.mac, d.ip, v, t, desc + " [only: OUI + %s]" % name))
    devs.append((d, name, port))
TRUTH.append(("home3_thin.pcap", H.router_mac, H.router_ip, "eero", "router", "eero gateway"))

for d, name, port in devs:
    H.arp_gw(d)
for d, name, port in devs:
    ip = H.dns(d, name)
    if port == 123:
        H.udp(d.mac, d.ip, H.router_mac, ip, 123, 123, b"\x23" + b"\x00" * 47)
    elif port == 80:
        H.http(d, name, "/debian/dists/bookworm/InRelease", resolve=False, ua=None)
    else:
        H.tls(d, name, port=port, resolve=False)
for rnd in range(3):
    H.tick(60)
    for d, name, port in devs:
        if port == 123:
            H.udp(d.mac, d.ip, H.router_mac, H.dns_cache[name], 123, 123, b"\x23" + b"\x00" * 47)
        elif port != 80:
            H.tls(d, name, port=port, resolve=False, n_data=1)

H.write(os.path.join(os.path.dirname(os.path.abspath(__file__)), "home3_thin.pcap"))
print(len(H.pkts), "packets")
