#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Home 5: brand/OUI collisions and third-party platforms. 192.168.70.0/24, Google Nest Wifi-less: a Netgear Nighthawk at .1.
Cast-enabled devices that are not Google, vendors whose OUI spans phones+TVs (Sony, LG, Samsung, HP, Xiaomi),
Espressif-based branded/DIY devices, Netgear-OUI Arlo hub, Amazon non-speaker devices, Philips (TP Vision) TV, etc."""
import json, os, random, struct, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_lib import *

random.seed(5050)
H = Home(router_mac="9c:3d:cf:22:33:01", router_ip="192.168.70.1", domain="home")
R = Dev(H.router_mac, H.router_ip)
TRUTH = []


def dev(mac, ip, vendor, typ, desc):
    d = Dev(mac, "192.168.70.%d" % ip, desc)
    TRUTH.append(("home5_mixed.pcap", d.mac, d.ip, vendor, typ, desc))
    return d


hplap = dev("f4:39:09:5a:6b:7c", 10, "HP", "computer", "HP Envy laptop, Windows 11 (HP OUI)")
xperia = dev("ac:9b:0a:1b:2c:3d", 11, "Sony", "phone", "Sony Xperia 1 V (Sony Corp OUI)")
lgwash = dev("64:95:6c:4e:5f:60", 12, "LG", "appliance (washer)", "LG ThinQ washer")
redmi = dev("00:9e:c8:7a:8b:9c", 13, "Xiaomi", "phone", "Redmi Note 12, Mi Home app")
mibox = dev("00:c3:0a:ad:be:cf", 14, "Xiaomi", "streaming device", "Xiaomi Mi Box S (Android TV)")
azplug = dev("08:57:fb:d1:e2:f3", 15, "Amazon", "smart plug", "Amazon Smart Plug")
ptab = dev("a4:77:33:04:15:26", 16, "Google", "tablet", "Google Pixel Tablet (hub mode, Cast)")
tesla = dev("4c:fc:aa:37:48:59", 17, "Tesla", "car", "Tesla Model 3 parked in the garage")
tasmota = dev("dc:4f:22:6a:7b:8c", 18, "Sonoff/ITEAD (Tasmota)", "smart switch", "Sonoff Basic R2 flashed with Tasmota")
esphome = dev("c8:c9:a3:9d:ae:bf", 19, "Espressif (ESPHome DIY)", "sensor", "ESPHome ESP32 sensor")
wled = dev("b8:f0:09:c0:d1:e2", 20, "Espressif (WLED DIY)", "light controller", "WLED LED-strip controller (ESP32)")
sonoff = dev("8c:aa:b5:f3:04:15", 21, "Sonoff/ITEAD", "smart switch", "Sonoff MINIR3, stock eWeLink firmware")
phtv = dev("68:07:0a:26:37:48", 22, "Philips (TP Vision)", "TV", "Philips Google TV (TP Vision)")
denon = dev("00:05:cd:59:6a:7b", 23, "Denon", "AV receiver", "Denon AVR-X3700H (HEOS, AirPlay 2)")
sthub = dev("24:fd:5b:8c:9d:ae", 24, "Samsung SmartThings", "hub", "SmartThings Hub v3")
myq = dev("64:52:99:bf:c0:d1", 25, "Chamberlain", "garage door opener", "Chamberlain myQ garage opener")
vizio = dev("00:bd:3e:e2:f3:04", 26, "Vizio", "TV", "Vizio P-Series SmartCast TV (Chromecast built-in)")
jbl = dev("54:27:1e:15:26:37", 27, "JBL (Harman)", "smart speaker", "JBL Link 10 (Google Assistant/Cast) with AzureWave Wi-Fi module")
gtab = dev("10:1d:c0:48:59:6a", 28, "Samsung", "tablet", "Galaxy Tab S8 (SM-X700)")
oneplus = dev("2c:a7:ef:7b:8c:9d", 29, "OnePlus", "phone", "OnePlus 9 Pro")
arlohub = dev("a0:04:60:ae:bf:c0", 30, "Arlo", "camera hub", "Arlo Pro base station VMB4000 (Netgear OUI)")
bose = dev("04:52:c7:d1:e2:f3", 31, "Bose", "smart speaker", "Bose Home Speaker 500")
blink = dev("08:12:a5:04:15:26", 32, "Amazon (Blink)", "camera hub", "Blink Sync Module 2")
TRUTH.append(("home5_mixed.pcap", R.mac, R.ip, "Netgear", "router", "Netgear Nighthawk router"))

H.dhcp(hplap, hostname="LAPTOP-5H1GQ8VT", vendor="MSFT 5.0", prl=PRL["windows"], maxsize=1500, fqdn="LAPTOP-5H1GQ8VT")
H.dhcp(xperia, hostname="Xperia-1-V", vendor="android-dhcp-13", prl=PRL["android"], maxsize=1500)
H.dhcp(lgwash, prl=PRL["lwip"], client_id=False)
H.dhcp(redmi, hostname="Redmi-Note-12", vendor="android-dhcp-13", prl=PRL["android"], maxsize=1500)
H.dhcp(mibox, hostname="MIBOX4", vendor="android-dhcp-9", prl=PRL["android"], maxsize=1500)
H.dhcp(azplug, prl=PRL["lwip"], client_id=False)
H.dhcp(ptab, hostname="Pixel-Tablet", vendor="android-dhcp-14", prl=PRL["android"], maxsize=1500)
H.dhcp(tesla, prl=PRL["udhcp"], vendor="udhcp 1.27.2")
H.dhcp(tasmota, hostname="tasmota-6A7B8C-2956", prl=PRL["lwip"], client_id=False)
H.dhcp(esphome, hostname="living-room-sensor", prl=PRL["esp_idf"], client_id=True)
H.dhcp(wled, hostname="wled-desk", prl=PRL["esp_idf"], client_id=True)
H.dhcp(sonoff, hostname="ESP_F30415", prl=PRL["lwip"], client_id=False)
H.dhcp(phtv, hostname="Philips-Google-TV", vendor="android-dhcp-12", prl=PRL["android"], maxsize=1500)
H.dhcp(denon, hostname="Denon-AVR-X3700H", prl=PRL["udhcp"], client_id=False)
H.dhcp(sthub, prl=PRL["udhcp"], vendor="udhcp 1.30.1")
H.dhcp(myq, prl=PRL["lwip"], client_id=False)
H.dhcp(vizio, prl=PRL["udhcp"], client_id=False)
H.dhcp(jbl, hostname="JBL-LINK-10", prl=PRL["cast"], maxsize=1500)
H.dhcp(gtab, hostname="Galaxy-Tab-S8", vendor="android-dhcp-13", prl=PRL["android"], maxsize=1500)
H.dhcp(oneplus, hostname="OnePlus-9-Pro", vendor="android-dhcp-13", prl=PRL["android"], maxsize=1500)
H.dhcp(arlohub, hostname="VMB4000-2ABC", prl=PRL["udhcp"], vendor="udhcp 1.19.4")
H.dhcp(bose, prl=PRL["udhcp"], client_id=False)
H.dhcp(blink, prl=PRL["lwip"], client_id=False)
H.tick(3)

def android(d, ua, extra):
    H.http(d, "connectivitycheck.gstatic.com", "/generate_204", ua=ua, resp="HTTP/1.1 204 No Content\r\n\r\n")
    for n in ["www.google.com", "play.googleapis.com"] + extra:
        H.tls(d, n, alpn=["h2", "http/1.1"])

# HP laptop
H.http(hplap, "www.msftconnecttest.com", "/connecttest.txt", ua="Microsoft NCSI", resp="HTTP/1.1 200 OK\r\n\r\nMicrosoft Connect Test")
for n in ["settings-win.data.microsoft.com", "login.live.com", "h30318.www3.hp.com", "hpcloud.hp.com", "www.bing.com"]:
    H.tls(hplap, n, alpn=["h2", "http/1.1"])
H.ssdp_msearch(hplap, "urn:schemas-upnp-org:device:InternetGatewayDevice:1", ua="Microsoft-Windows/10.0 UPnP/1.0")

android(xperia, "Dalvik/2.1.0 (Linux; U; Android 13; XQ-DQ72 Build/67.1.A.2.118)", ["www.sonymobile.com"])
android(redmi, "Dalvik/2.1.0 (Linux; U; Android 13; 23021RAAEG Build/TKQ1.221114.001)", ["api.io.mi.com", "account.xiaomi.com", "de.api.io.mi.com"])
H.http(redmi, "connect.rom.miui.com", "/generate_204", ua="Dalvik/2.1.0 (Linux; U; Android 13; 23021RAAEG Build/TKQ1.221114.001)",
       resp="HTTP/1.1 204 No Content\r\n\r\n")
android(gtab, "Dalvik/2.1.0 (Linux; U; Android 13; SM-X700 Build/TP1A.220624.014)", ["api.smartthings.com"])
android(oneplus, "Dalvik/2.1.0 (Linux; U; Android 13; LE2123 Build/TP1A.220905.001)", ["api.ring.com", "wap.tplinkcloud.com"])

# LG washer
for n in ["common.lgthinq.com", "aic-service.lgthinq.com", "route.lgthinq.com"]:
    H.tls(lgwash, n)

# Mi Box S
H.mdns_announce(mibox, "MIBOX4", [("_googlecast._tcp", "MIBOX4-1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f", 8009,
                                   ["id=1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f", "cd=AB12CD34EF56AB12CD34EF56AB12CD34", "rm=", "ve=05", "md=MIBOX4",
                                    "ic=/setup/icon.png", "fn=Bedroom Mi Box", "ca=264709", "st=0", "bs=FA8FCA0F1E2D", "nf=1", "rs="])])
android(mibox, "Dalvik/2.1.0 (Linux; U; Android 9; MIBOX4 Build/PI)", ["www.youtube.com", "api-global.netflix.com"])

# Amazon Smart Plug
for n in ["dp-gw-na-js.amazon.com", "device-metrics-us.amazon.com", "api.amazon.com"]:
    H.tls(azplug, n)

# Pixel Tablet (hub mode = cast target)
H.mdns_announce(ptab, "Pixel-Tablet", [("_googlecast._tcp", "Google-Pixel-Tablet-3a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9", 8009,
                                        ["id=3a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9", "cd=0F1E2D3C4B5A69788796A5B4C3D2E1F0", "rm=", "ve=05",
                                         "md=Google Pixel Tablet", "ic=/setup/icon.png", "fn=Kitchen tablet", "ca=233477", "st=0", "bs=FA8FCA6A7B8C", "nf=1", "rs="])])
android(ptab, "Dalvik/2.1.0 (Linux; U; Android 14; Pixel Tablet Build/UQ1A.240205.002)", ["www.youtube.com"])

# Tesla
for n in ["hermes-prd.vn.tesla.services", "telemetry-prd.vn.tesla.services", "firmware.vn.teslamotors.com"]:
    H.tls(tesla, n)

# Tasmota: HA polls it; MQTT to HA broker (the router has no broker; use a public-ish none -> local .40 absent). Use HTTP from redmi browser.
H.http(redmi, "192.168.70.18", "/cm?cmnd=Status%200", resolve=False, ip=tasmota.ip, dst_mac=tasmota.mac,
       ua="Mozilla/5.0 (Linux; Android 13; 23021RAAEG) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
       resp='HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nServer: Tasmota/13.3.0 (ESP8266EX)\r\n\r\n{"Status":{"Module":1,"DeviceName":"Tasmota","FriendlyName":["Lamp"],"Topic":"tasmota_6A7B8C"}}')
H.dns(tasmota, "pool.ntp.org")
H.mdns_announce(tasmota, "tasmota-6A7B8C-2956", [("_http._tcp", "tasmota-6A7B8C-2956", 80, [""])])

# ESPHome
H.mdns_announce(esphome, "living-room-sensor", [("_esphomelib._tcp", "living-room-sensor", 6053,
                                                 ["friendly_name=Living Room Sensor", "version=2024.1.0", "mac=c8c9a39daebf", "platform=ESP32",
                                                  "board=esp32dev", "network=wifi"])])
H.dns(esphome, "0.pool.ntp.org")

# WLED
H.mdns_announce(wled, "wled-desk", [("_wled._tcp", "wled-desk", 80, ["mac=b8f009c0d1e2"]), ("_http._tcp", "wled-desk", 80, [""])])
H.http(redmi, "192.168.70.20", "/json/info", resolve=False, ip=wled.ip, dst_mac=wled.mac, ua="WLED-App/0.6 Android",
       resp='HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{"ver":"0.14.1","vid":2312080,"leds":{"count":60},"name":"WLED","brand":"WLED","product":"FOSS","arch":"esp32","mac":"b8f009c0d1e2"}')

# Sonoff eWeLink
H.mdns_announce(sonoff, "eWeLink_1001a2b3c4", [("_ewelink._tcp", "eWeLink_1001a2b3c4", 8081,
                                               ["txtvers=1", "id=1001a2b3c4", "type=plug", "apivers=1", "seq=12", "encrypt=true", "iv=MTIzNDU2Nzg5MDEyMzQ1Ng==", "data1=aGVsbG8="])])
for n in ["us-dispa.coolkit.cc", "us-pconnect3.coolkit.cc"]:
    H.tls(sonoff, n, port=443 if "dispa" in n else 8080)

# Philips TV (TP Vision)
H.mdns_announce(phtv, "Philips-Google-TV", [("_googlecast._tcp", "Philips-Google-TV-9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b", 8009,
                                             ["id=9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b", "cd=1F2E3D4C5B6A79880796A5B4C3D2E1F0", "rm=", "ve=05", "md=Philips Google TV",
                                              "ic=/setup/icon.png", "fn=Living Room TV", "ca=264709", "st=0", "bs=FA8FCA4B5C6D", "nf=1", "rs="]),
                                            ("_androidtvremote2._tcp", "Philips Google TV", 6466, ["bt=68:07:0A:26:37:49"])])
android(phtv, "Dalvik/2.1.0 (Linux; U; Android 12; 55PUS8808/12 Build/STT2.230207.001)", ["www.youtube.com", "tvsrv.philips.com"])

# Denon AVR
H.ssdp_notify(denon, "KnOS/3.2 UPnP/1.0 DMP/3.5", "http://192.168.70.23:60006/upnp/desc/aios_device/aios_device.xml",
              ["upnp:rootdevice", "urn:schemas-denon-com:device:AiosDevice:1", "urn:schemas-upnp-org:device:MediaRenderer:1"],
              "f0c1b2a3-d4e5-f607-1829-0005cd596a7b")
H.mdns_announce(denon, "Denon-AVR-X3700H", [
    ("_airplay._tcp", "Denon AVR-X3700H", 7000, ["acl=0", "deviceid=00:05:CD:59:6A:7B", "features=0x445F8A00,0x1C340", "flags=0x3", "manufacturer=Denon",
                                                 "model=AVR-X3700H", "protovers=1.1", "srcvers=366.0"]),
    ("_raop._tcp", "0005CD596A7B@Denon AVR-X3700H", 7000, ["am=AVR-X3700H", "cn=0,1", "et=0,4", "md=0,1,2", "tp=UDP", "vs=366.0"]),
    ("_spotify-connect._tcp", "Denon AVR-X3700H", 80, ["CPath=/goform/spotifyzc", "VERSION=1.0"])])
H.tls(denon, "update.heos.com")

# SmartThings hub
for n in ["dc-na04-useast2.connect.smartthings.com", "api.smartthings.com", "fw-update2.smartthings.com"]:
    H.tls(sthub, n)

# myQ
for n in ["api.myqdevice.com", "devices.myq-cloud.com"]:
    H.tls(myq, n)

# Vizio TV (Chromecast built-in)
H.mdns_announce(vizio, "Vizio-P65Q9-H1", [("_googlecast._tcp", "P65Q9-H1-0a1b2c3d4e5f60718293a4b5c6d7e8f9", 8009,
                                           ["id=0a1b2c3d4e5f60718293a4b5c6d7e8f9", "cd=55AA55AA55AA55AA55AA55AA55AA55AA", "rm=", "ve=05", "md=P65Q9-H1",
                                            "ic=/setup/icon.png", "fn=Family Room TV", "ca=2052", "st=0", "bs=FA8FCA5D6E7F", "nf=1", "rs="]),
                                          ("_viziocast._tcp", "Family Room TV", 7345, ["mdl=P65Q9-H1", "vers=4.7"])])
for n in ["tvinteractive.tvsmartcast.com", "scfs.vizio.com", "www.youtube.com"]:
    H.tls(vizio, n)

# JBL Link 10
H.mdns_announce(jbl, "JBL-LINK-10", [("_googlecast._tcp", "JBL-LINK-10-7f6e5d4c3b2a19080f1e2d3c4b5a6978", 8009,
                                      ["id=7f6e5d4c3b2a19080f1e2d3c4b5a6978", "cd=8E7D6C5B4A39281706F5E4D3C2B1A09F", "rm=", "ve=05", "md=JBL LINK 10",
                                       "ic=/setup/icon.png", "fn=Patio speaker", "ca=199172", "st=0", "bs=FA8FCA7F8091", "nf=1", "rs="])])
for n in ["clients3.google.com", "embeddedassistant.googleapis.com", "www.google.com"]:
    H.tls(jbl, n)

# Arlo base station with Netgear OUI
for n in ["arlo.netgear.com", "vzweb01-prod.vz.netgear.com", "updates.arlo.com"]:
    H.tls(arlohub, n)

# Bose
H.mdns_announce(bose, "Bose-Home-Speaker-500", [
    ("_airplay._tcp", "Bose Home Speaker 500", 7000, ["acl=0", "deviceid=04:52:C7:D1:E2:F3", "features=0x445F8A00,0x1C340", "manufacturer=Bose",
                                                      "model=Bose Home Speaker 500", "protovers=1.1", "srcvers=366.0"]),
    ("_spotify-connect._tcp", "Bose Home Speaker 500", 8200, ["CPath=/zc", "VERSION=1.0"])])
for n in ["streaming.bose.com", "worldwide.bose.com"]:
    H.tls(bose, n)

# Blink Sync Module 2
for n in ["rest-prod.immedia-semi.com", "u011.immedia-semi.com"]:
    H.tls(blink, n)

for rnd in range(3):
    H.tick(60)
    for d, n, p in [(lgwash, "aic-service.lgthinq.com", 443), (azplug, "dp-gw-na-js.amazon.com", 443), (tesla, "hermes-prd.vn.tesla.services", 443),
                    (sonoff, "us-pconnect3.coolkit.cc", 8080), (sthub, "dc-na04-useast2.connect.smartthings.com", 443),
                    (myq, "devices.myq-cloud.com", 443), (arlohub, "arlo.netgear.com", 443), (blink, "u011.immedia-semi.com", 443)]:
        H.tls(d, n, port=p, resolve=False, n_data=1)

H.write(os.path.join(os.path.dirname(os.path.abspath(__file__)), "home5_mixed.pcap"))
print(len(H.pkts), "packets")
