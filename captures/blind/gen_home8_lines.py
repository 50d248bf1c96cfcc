#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Home 8: vendors whose product line is wider than their best-known product.
Synology router (RT2600ac, SRM) is the gateway; a Sonos Bridge; an ecobee SmartCamera; a Philips Hue Play HDMI Sync Box;
a Wyze Plug; a Sonos Boost-like bridge announced only via SSDP."""
import os, random, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_lib import *
random.seed(8080)
H = Home(router_mac="00:11:32:aa:10:01", router_ip="192.168.1.1", domain="lan")
R = Dev(H.router_mac, H.router_ip)
TRUTH = [("home8_lines.pcap", R.mac, R.ip, "Synology", "router", "Synology RT2600ac router (SRM 1.3), gateway/DHCP/DNS")]
def dev(mac, ip, v, t, desc):
    d = Dev(mac, "192.168.1.%d" % ip, desc); TRUTH.append(("home8_lines.pcap", d.mac, d.ip, v, t, desc)); return d
bridge = dev("00:0e:58:3c:4d:5e", 20, "Sonos", "network bridge", "Sonos Bridge ZB100 (no audio)")
ecam = dev("44:61:32:6f:70:81", 21, "ecobee", "camera", "ecobee SmartCamera (HomeKit camera)")
sync = dev("ec:b5:fa:92:a3:b4", 22, "Philips/Signify", "AV/media device", "Philips Hue Play HDMI Sync Box")
wplug = dev("7c:78:b2:c5:d6:e7", 23, "Wyze", "smart plug", "Wyze Plug (thin: OUI + Wyze cloud)")
mac = dev("f0:18:98:01:02:03", 30, "Apple", "computer", "MacBook (controller for the others)")

# router announces itself
H.mdns_announce(R, "SynologyRouter", [("_http._tcp", "SynologyRouter", 8000, ["vendor=Synology", "model=RT2600ac", "serial=1880PDN001234", "version_major=1", "version_minor=3", "version_build=9346", "admin_port=8000", "secure_admin_port=8001", "mac_address=00:11:32:aa:10:01"])])
H.ssdp_notify(R, "Synology/SRM/192.168.1.1", "http://192.168.1.1:8000/ssdp/desc-SRM-br0.xml", ["upnp:rootdevice", "urn:schemas-upnp-org:device:InternetGatewayDevice:1"], "73796e6f-6473-6d00-0000-001132aa1001")
H.dhcp(bridge, hostname="SonosZP", prl=PRL["udhcp"], client_id=False)
H.dhcp(ecam, prl=PRL["udhcp"], vendor="udhcp 1.30.1")
H.dhcp(sync, hostname="HueSyncBox", prl=PRL["udhcp"], client_id=False)
H.dhcp(wplug, prl=PRL["lwip"], client_id=False)
H.dhcp(mac, hostname="Janes-MacBook", prl=PRL["macos"], maxsize=1500)
for n in ["checkip.synology.com", "update.synology.com"]:
    H.dns(R, n, server="1.1.1.1")

H.ssdp_notify(bridge, "Linux UPnP/1.0 Sonos/70.3-35220 (ZB100)", "http://192.168.1.20:1400/xml/device_description.xml",
              ["upnp:rootdevice", "urn:schemas-upnp-org:device:ZonePlayer:1"], "RINCON_000E583C4D5E01400",
              extra="X-RINCON-HOUSEHOLD: Sonos_ZzYyXx\r\nX-RINCON-BOOTSEQ: 4\r\n")
desc = ('<?xml version="1.0" encoding="utf-8" ?><root xmlns="urn:schemas-upnp-org:device-1-0"><device><deviceType>urn:schemas-upnp-org:device:ZonePlayer:1</deviceType>'
        '<friendlyName>192.168.1.20 - Sonos Bridge</friendlyName><manufacturer>Sonos, Inc.</manufacturer><modelNumber>ZB100</modelNumber>'
        '<modelDescription>Sonos BRIDGE</modelDescription><modelName>Sonos Bridge</modelName><displayName>BRIDGE</displayName><zoneType>4</zoneType></device></root>')
H.http(mac, "192.168.1.20", "/xml/device_description.xml", resolve=False, ip=bridge.ip, port=1400, dst_mac=bridge.mac,
       ua="Sonos/1.0 CFNetwork/1474 Darwin/23.0.0",
       resp="HTTP/1.1 200 OK\r\nCONTENT-TYPE: text/xml\r\nServer: Linux UPnP/1.0 Sonos/70.3-35220 (ZB100)\r\n\r\n" + desc)
H.tls(bridge, "msmetrics.ws.sonos.com")

H.mdns_announce(ecam, "ecobee-SmartCamera-7081", [("_hap._tcp", "Living Room Camera", 1201, ["c#=4", "ff=0", "id=3D:4E:5F:60:71:82", "md=ecobee SmartCamera", "pv=1.1", "s#=1", "sf=0", "ci=17", "sh=Yl8bLw=="])])
for n in ["home.ecobee.com", "api.ecobee.com"]:
    H.tls(ecam, n)

H.mdns_announce(sync, "HueSyncBox", [("_huesync._tcp", "Sync Box", 443, ["uniqueid=ECB5FA92A3B4", "devicetype=HSB1", "name=TV Sync Box", "path=/api/v1"])])
H.tls(sync, "firmware.meethue.com")

H.tls(wplug, "api.wyzecam.com")
H.http(mac, "captive.apple.com", "/hotspot-detect.html", ua="CaptiveNetworkSupport-481.0.1 wispr", resp="HTTP/1.0 200 OK\r\n\r\nSuccess")
for n in ["gateway.icloud.com", "swscan.apple.com"]:
    H.tls(mac, n)
for r in range(2):
    H.tick(60)
    for d, n in [(bridge, "msmetrics.ws.sonos.com"), (ecam, "home.ecobee.com"), (wplug, "api.wyzecam.com"), (sync, "firmware.meethue.com")]:
        H.tls(d, n, resolve=False, n_data=1)
H.write(os.path.join(os.path.dirname(os.path.abspath(__file__)), "home8_lines.pcap"))
print(len(H.pkts), "packets")
