#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Home 1: a busy, varied home (~36 devices) on 192.168.50.0/24, ASUS router at .1."""
import json, os, random, struct, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_lib import *

H = Home(router_mac="04:d9:f5:3a:11:20", router_ip="192.168.50.1", domain="lan")
R = Dev(H.router_mac, H.router_ip)
TRUTH = []


def dev(mac, ip, vendor, typ, desc):
    d = Dev(mac, "192.168.50.%d" % ip, desc)
    TRUTH.append(("home1.pcap", d.mac, d.ip, vendor, typ, desc))
    return d


def macnoc(d):
    return d.mac.replace(":", "").upper()


# ---------------- devices ----------------
iphone = dev("f0:18:98:4e:72:a1", 21, "Apple", "phone", "iPhone 14 (iOS 17), Ring/Hue/iRobot apps")
galaxy = dev("64:1c:ae:52:9b:3c", 22, "Samsung", "phone", "Galaxy S23 (Android 13), Kasa/SmartThings/Smart Life apps")
pixel = dev("3c:28:6d:19:c4:07", 23, "Google", "phone", "Pixel 7 (Android 14), Sonos/ecobee/Google Home apps, VLC RTSP")
winlap = dev("a4:c3:f0:8d:25:6e", 24, "Dell", "computer", "Dell XPS laptop w/ Intel Wi-Fi, Windows 11, prints to HP")
macbook = dev("3c:06:30:2b:9e:44", 25, "Apple", "computer", "MacBook Pro 14 (macOS 14)")
linux = dev("e0:d5:5e:63:0a:d2", 26, "Gigabyte", "computer", "Ubuntu 22.04 desktop on Gigabyte board")
echo = dev("68:54:fd:b2:4c:19", 30, "Amazon", "smart speaker", "Echo Dot 4th gen")
firetv = dev("fc:65:de:71:3e:8a", 31, "Amazon", "streaming device", "Fire TV Stick 4K (AFTMM)")
ccgtv = dev("48:d6:d5:a3:5f:10", 32, "Google", "streaming device", "Chromecast with Google TV")
nestmini = dev("20:df:b9:44:8c:e3", 33, "Google", "smart speaker", "Google Nest Mini")
bravia = dev("04:5d:4b:9e:21:77", 34, "Sony", "TV", "Sony BRAVIA Android TV (Chromecast built-in)")
roku = dev("d8:31:34:5c:0e:91", 35, "Roku", "streaming device", "Roku Express 4K")
samtv = dev("8c:79:f5:2d:b8:60", 36, "Samsung", "TV", "Samsung Q80T Tizen TV (AirPlay 2)")
lgtv = dev("a8:23:fe:6e:93:0b", 37, "LG", "TV", "LG OLED C1 webOS TV (AirPlay 2, HomeKit)")
wyze = dev("2c:aa:8e:7d:13:f2", 40, "Wyze", "camera", "Wyze Cam v3")
ring = dev("90:48:6c:3b:e5:07", 41, "Ring", "camera/doorbell", "Ring Video Doorbell 3")
arlo = dev("a4:11:62:08:4d:c9", 42, "Arlo", "camera", "Arlo Essential camera")
reolink = dev("ec:71:db:5a:20:e8", 43, "Reolink", "camera", "Reolink RLC-510WA (ONVIF)")
hik = dev("bc:ad:28:91:7f:3a", 44, "Hikvision", "camera", "Hikvision DS-2CD2143G2-I (static IP, SADP, ONVIF, RTSP)")
kasa = dev("50:c7:bf:0e:6a:d4", 50, "TP-Link", "smart plug", "TP-Link Kasa HS110")
tuya = dev("10:d5:61:a7:38:5b", 51, "Tuya", "smart plug", "Tuya (WB2S) smart plug")
wemo = dev("94:10:3e:c2:5d:81", 52, "Belkin", "smart plug", "Belkin WeMo Insight")
hue = dev("00:17:88:6b:1a:2c", 53, "Philips/Signify", "hub/bridge", "Philips Hue Bridge v2 (BSB002)")
ecobee = dev("44:61:32:f3:0d:5e", 54, "ecobee", "thermostat", "ecobee3 lite")
nest = dev("18:b4:30:5f:a2:91", 55, "Google/Nest", "thermostat", "Nest Learning Thermostat")
sonos = dev("48:a6:b8:c1:d2:e3", 56, "Sonos", "smart speaker", "Sonos One (S2)")
hp = dev("a0:d3:c1:a1:b2:c3", 60, "HP", "printer", "HP OfficeJet Pro 9015")
roomba = dev("50:14:79:3c:81:5d", 61, "iRobot", "robot vacuum", "Roomba i7")
roborock = dev("b0:4a:39:6e:15:c2", 62, "Roborock", "robot vacuum", "Roborock S7")
esp = dev("5c:cf:7f:a1:b2:c3", 63, "Espressif", "DIY/unknown", "ESP8266 DIY weather sensor (Arduino, MQTT to the Pi)")
ps5 = dev("70:9e:29:1d:6b:84", 70, "Sony", "game console", "PlayStation 5")
xbox = dev("7c:ed:8d:40:9a:13", 71, "Microsoft", "game console", "Xbox Series X")
switch = dev("98:b6:e9:2f:5c:70", 72, "Nintendo", "game console", "Nintendo Switch")
nas = dev("00:11:32:8a:6c:1f", 80, "Synology", "NAS", "Synology DS920+ (DSM 7.2)")
rpi = dev("dc:a6:32:07:e9:4b", 81, "Raspberry Pi", "computer", "Raspberry Pi 4 (Raspberry Pi OS, Mosquitto broker)")
TRUTH.append(("home1.pcap", R.mac, R.ip, "ASUS", "router", "ASUS RT-AX58U router (gateway/DNS)"))

# ---------------- boot: DHCP ----------------
H.dhcp(iphone, hostname="Janes-iPhone", prl=PRL["ios"], maxsize=1500)
H.dhcp(galaxy, hostname="Galaxy-S23", vendor="android-dhcp-13", prl=PRL["android"], maxsize=1500)
H.dhcp(pixel, hostname="Pixel-7", vendor="android-dhcp-14", prl=PRL["android"], maxsize=1500)
H.dhcp(winlap, hostname="LAPTOP-7Q2M3K9D", vendor="MSFT 5.0", prl=PRL["windows"], maxsize=1500,
       fqdn="LAPTOP-7Q2M3K9D")
H.dhcp(macbook, hostname="Janes-MacBook-Pro", prl=PRL["macos"], maxsize=1500)
H.dhcp(linux, hostname="marc-desktop", prl=PRL["dhclient"], client_id=False)
H.dhcp(echo, hostname="amazon-3c0b1ad9e", vendor="android-dhcp-9", prl=PRL["android"], maxsize=1500)
H.dhcp(firetv, hostname="amazon-9f4e7a2b1", vendor="android-dhcp-9", prl=PRL["android"], maxsize=1500)
H.dhcp(ccgtv, hostname="Chromecast", vendor="android-dhcp-12", prl=PRL["android"], maxsize=1500)
H.dhcp(nestmini, hostname="Google-Nest-Mini", prl=PRL["cast"], maxsize=1500)
H.dhcp(bravia, hostname="BRAVIA-4K-VH2", vendor="android-dhcp-10", prl=PRL["android"], maxsize=1500)
H.dhcp(roku, prl=PRL["roku"], client_id=False)
H.dhcp(samtv, prl=PRL["tizen"], client_id=False)
H.dhcp(lgtv, hostname="LGwebOSTV", prl=PRL["webos"], client_id=False)
H.dhcp(wyze, hostname="WYZE_CAKP2JFUS", vendor="udhcp 1.31.1", prl=PRL["udhcp"], client_id=True)
H.dhcp(ring, prl=PRL["udhcp"], vendor="udhcp 1.24.2")
H.dhcp(arlo, prl=PRL["udhcp"], vendor="udhcp 1.27.2")
H.dhcp(reolink, hostname="Reolink", prl=PRL["udhcp"], vendor="udhcp 1.22.1")
H.dhcp(kasa, hostname="HS110", prl=PRL["udhcp"], client_id=False)
H.dhcp(tuya, prl=PRL["lwip"], client_id=False)
H.dhcp(wemo, hostname="wemo", prl=PRL["udhcp"], vendor="udhcp 1.19.4")
H.dhcp(hue, hostname="Philips-hue", prl=PRL["udhcp"], client_id=False)
H.dhcp(ecobee, prl=PRL["lwip"], client_id=False)
H.dhcp(nest, prl=PRL["udhcp"], vendor="udhcp 1.20.2")
H.dhcp(sonos, hostname="SonosZP", prl=PRL["udhcp"], client_id=False)
H.dhcp(hp, hostname="HPA1B2C3", prl=PRL["hp_printer"], client_id=True)
H.dhcp(roomba, hostname="iRobot-3175C10821312700", prl=PRL["udhcp"], vendor="udhcp 1.28.4")
H.dhcp(roborock, hostname="roborock-vacuum-a15_miio387215321", prl=PRL["udhcp"], client_id=False)
H.dhcp(esp, hostname="ESP_A1B2C3", prl=PRL["lwip"], client_id=False)
H.dhcp(ps5, prl=PRL["playstation"], client_id=True)
H.dhcp(xbox, hostname="XboxSeriesX", vendor="MSFT 5.0 XBOX", prl=PRL["xbox"], maxsize=1500)
H.dhcp(switch, prl=PRL["switch"], client_id=True)
H.dhcp(nas, hostname="SynologyNAS", prl=PRL["synology"], client_id=True)
H.dhcp(rpi, hostname="raspberrypi", vendor="dhcpcd-9.4.1:Linux-6.1.21-v8+:aarch64:BCM2835", prl=PRL["dhcpcd"],
       maxsize=1472)
# Hikvision: static address, gratuitous ARP only
H.add(H.eth(hik.mac, BCAST) / ARP(op=1, hwsrc=hik.mac, psrc=hik.ip, pdst=hik.ip))

H.tick(5)

# ---------------- router announcements ----------------
H.ssdp_notify(R, "AsusWRT/386 UPnP/1.1 MiniUPnPd/2.2.0", "http://192.168.50.1:39763/rootDesc.xml",
              ["upnp:rootdevice", "urn:schemas-upnp-org:device:InternetGatewayDevice:1",
               "urn:schemas-upnp-org:service:WANIPConnection:1"], "3ddcd1d3-2380-45f5-b069-04d9f53a1120")
H.mdns_announce(R, "RT-AX58U-1120", [("_http._tcp", "RT-AX58U-1120", 80, [""])])

# ---------------- phones ----------------
def ios_common(d, host, inst):
    H.http(d, "captive.apple.com", "/hotspot-detect.html", ua="CaptiveNetworkSupport-481.0.1 wispr",
           resp="HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<HTML><HEAD><TITLE>Success</TITLE></HEAD><BODY>Success</BODY></HTML>")
    H.mdns_announce(d, host, [("_companion-link._tcp", inst, 49153,
                               ["rpBA=7E:1A:2C:3D:4F:50", "rpHI=2b6a8f0e1d3c", "rpAD=8f7e1c2a9b3d", "rpFl=0x20000",
                                "rpHN=9a8b7c6d5e4f", "rpVr=510.19.2", "rpHA=1f2e3d4c5b6a"])])
    H.mdns_query(d, ["_airplay._tcp.local", "_raop._tcp.local", "_companion-link._tcp.local", "_hap._tcp.local",
                     "_sleep-proxy._udp.local"])
    for n in ["gateway.icloud.com", "gsp-ssl.ls.apple.com", "mesu.apple.com", "init.itunes.apple.com"]:
        H.tls(d, n, alpn=["h2", "http/1.1"])

ios_common(iphone, "Janes-iPhone", "Jane\u2019s iPhone")
# Ring app, Hue app, iRobot app
for n in ["api.ring.com", "app-snaps.ring.com", "prd-api-us.prd.rings.solutions", "api.meethue.com",
          "account.meethue.com", "unauth1.prod.iot.irobotapi.com"]:
    H.tls(iphone, n, alpn=["h2", "http/1.1"])

# Android phones
def android_common(d, ua):
    H.http(d, "connectivitycheck.gstatic.com", "/generate_204", ua=ua,
           resp="HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n")
    for n in ["www.google.com", "play.googleapis.com", "android.googleapis.com"]:
        H.tls(d, n, alpn=["h2", "http/1.1"])
    H.tls(d, "mtalk.google.com", port=5228)

android_common(galaxy, "Dalvik/2.1.0 (Linux; U; Android 13; SM-S911B Build/TP1A.220624.014)")
for n in ["api.smartthings.com", "wap.tplinkcloud.com", "n-wap.tplinkcloud.com", "a1.tuyaus.com",
          "dc.samsungosp.com", "us-auth2.samsungosp.com"]:
    H.tls(galaxy, n, alpn=["h2", "http/1.1"])
H.ssdp_msearch(galaxy, "ssdp:all", ua="SmartThings/1.7 UPnP/1.0 Android/13")

android_common(pixel, "Dalvik/2.1.0 (Linux; U; Android 14; Pixel 7 Build/UQ1A.240205.004)")
for n in ["api.ws.sonos.com", "api.ecobee.com", "googlehomefoyer-pa.googleapis.com", "api.hik-connect.com"]:
    H.tls(pixel, n, alpn=["h2", "http/1.1"])
H.mdns_query(pixel, ["_googlecast._tcp.local", "_sonos._tcp.local", "_spotify-connect._tcp.local"])
H.ssdp_msearch(pixel, "urn:schemas-upnp-org:device:ZonePlayer:1", ua="Linux UPnP/1.0 Sonos/74.0 (ACR_Android)")

# ---------------- computers ----------------
H.http(winlap, "www.msftconnecttest.com", "/connecttest.txt", ua="Microsoft NCSI",
       resp="HTTP/1.1 200 OK\r\nContent-Length: 22\r\n\r\nMicrosoft Connect Test")
H.dns(winlap, "dns.msftncsi.com", "131.107.255.255")
for n in ["settings-win.data.microsoft.com", "login.live.com", "v10.events.data.microsoft.com",
          "www.bing.com", "downloads.dell.com", "outlook.office365.com"]:
    H.tls(winlap, n, alpn=["h2", "http/1.1"])
H.ssdp_msearch(winlap, "urn:dial-multiscreen-org:service:dial:1",
               ua="Google Chrome/120.0.6099.110 Windows")
H.ssdp_msearch(winlap, "urn:schemas-upnp-org:device:InternetGatewayDevice:1", ua="Microsoft-Windows/10.0 UPnP/1.0")
H.mdns_query(winlap, ["_googlecast._tcp.local"])
H.http(winlap, "www.example.org", "/", ua="Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0")

ios_like_txt = None
H.http(macbook, "captive.apple.com", "/hotspot-detect.html", ua="CaptiveNetworkSupport-481.0.1 wispr",
       resp="HTTP/1.0 200 OK\r\n\r\n<HTML><HEAD><TITLE>Success</TITLE></HEAD><BODY>Success</BODY></HTML>")
H.mdns_announce(macbook, "Janes-MacBook-Pro", [
    ("_companion-link._tcp", "Jane\u2019s MacBook Pro", 7000,
     ["rpMac=1", "rpHN=4d5e6f7a8b9c", "rpFl=0x20000", "rpHA=9c8b7a6f5e4d", "rpVr=510.19.2", "rpAD=1a2b3c4d5e6f", "rpHI=7c6b5a4d3e2f", "rpBA=2A:3B:4C:5D:6E:7F"]),
    ("_airplay._tcp", "Jane\u2019s MacBook Pro", 7000,
     ["acl=0", "deviceid=3C:06:30:2B:9E:44", "features=0x4A7FCFD5,0x38BCF46", "fex=1d9/St5fFTg", "flags=0x20404",
      "model=MacBookPro18,3", "osvers=14.1.1", "protovers=1.1", "srcvers=710.78.2", "vv=2"]),
    ("_raop._tcp", "3C06302B9E44@Jane\u2019s MacBook Pro", 7000,
     ["cn=0,1,2,3", "da=true", "et=0,3,5", "am=MacBookPro18,3", "md=0,1,2", "sf=0x20404", "tp=UDP", "vn=65537", "vs=710.78.2"]),
    ("_device-info._tcp", "Jane\u2019s MacBook Pro", 0, ["model=MacBookPro18,3", "osxvers=23", "ecolor=157,157,160"]),
])
for n in ["gateway.icloud.com", "swscan.apple.com", "configuration.apple.com", "www.apple.com", "github.com"]:
    H.tls(macbook, n, alpn=["h2", "http/1.1"])

H.http(linux, "connectivity-check.ubuntu.com", "/", ua=None, resp="HTTP/1.1 204 No Content\r\nX-NetworkManager-Status: online\r\n\r\n")
H.http(linux, "security.ubuntu.com", "/ubuntu/dists/jammy-security/InRelease", ua="Debian APT-HTTP/1.3 (2.4.11) non-interactive")
for n in ["api.snapcraft.io", "www.google.com", "github.com", "motd.ubuntu.com"]:
    H.tls(linux, n, alpn=["h2", "http/1.1"])
H.mdns_announce(linux, "marc-desktop", [("_workstation._tcp", "marc-desktop [e0:d5:5e:63:0a:d2]", 9, [""]),
                                        ("_ssh._tcp", "marc-desktop", 22, [""])])

# ---------------- Amazon ----------------
H.http(echo, "spectrum.s3.amazonaws.com", "/kindle-wifi/wifistub.html", ua=None)
for n in ["bob-dispatch-prod-na.amazon.com", "avs-alexa-14-na.amazon.com", "device-metrics-us-2.amazon.com",
          "api.amazonalexa.com", "arcus-uswest.amazon.com", "softwareupdates.amazon.com", "dcape-na.amazon.com"]:
    H.tls(echo, n, alpn=["h2"])
H.dns(echo, "ntp-g7g.amazon.com")
# Alexa local discovery of WeMo/Hue
sp_echo = H.ssdp_msearch(echo, "urn:Belkin:device:**", mx=15)
H.ssdp_msearch(echo, "ssdp:all", mx=3)

H.http(firetv, "www.firetvcaptiveportal.com", "/generate_204",
       ua="Dalvik/2.1.0 (Linux; U; Android 9; AFTMM Build/PS7646.3630N)",
       resp="HTTP/1.1 204 No Content\r\n\r\n")
H.mdns_announce(firetv, "amazon-9f4e7a2b1", [
    ("_amzn-wplay._tcp", "amzn.dmgr:4E7A0F6C2B8D1A3E59C7F0B1D2E3A4F5:bkYK8HVe8G:19216850", 42121,
     ["s=", "at=Sx1yMn4dRZ", "n=Fire TV Stick 4K", "mv=2", "a=5", "c=10", "ad=A2GFL5ZMWNE0PX", "dpv=1", "t=18", "u=4E7A0F6C2B8D1A3E59C7F0B1D2E3A4F5", "v=1"])])
H.ssdp_notify(firetv, "Linux/4.9.113 UPnP/1.0 Cling/2.0", "http://192.168.50.31:60000/upnp/dev/7a1e3f0c-4d2b-4e8f-9a6c-5b0d1e2f3a4c/desc",
              ["urn:dial-multiscreen-org:service:dial:1", "upnp:rootdevice"], "7a1e3f0c-4d2b-4e8f-9a6c-5b0d1e2f3a4c")
for n in ["atv-ext.amazon.com", "api.amazonvideo.com", "softwareupdates.amazon.com", "det-ta-g7g.amazon.com",
          "api-global.netflix.com", "nrdp.prod.ftl.netflix.com", "mads.amazon.com"]:
    H.tls(firetv, n, alpn=["h2", "http/1.1"])

# ---------------- Google cast family ----------------
def cast_announce(d, host, inst, txt):
    H.mdns_announce(d, host, [("_googlecast._tcp", inst, 8009, txt)])

cast_announce(ccgtv, "2c0e1a7d-3f9b-8c4e-6a1d-5b7f0e2c9a31", "Chromecast-2c0e1a7d3f9b8c4e6a1d5b7f0e2c9a31",
              ["id=2c0e1a7d3f9b8c4e6a1d5b7f0e2c9a31", "cd=4A1F8C0E3D7B2A69E5C1D0F8B7A63E21", "rm=", "ve=05",
               "md=Chromecast", "ic=/setup/icon.png", "fn=Living Room TV", "ca=465413", "st=0", "bs=FA8FCA8A1C2B", "nf=1", "rs="])
H.mdns_announce(ccgtv, "2c0e1a7d-3f9b-8c4e-6a1d-5b7f0e2c9a31", [
    ("_androidtvremote2._tcp", "Chromecast", 6466, ["bt=48:D6:D5:A3:5F:11"])])
H.http(ccgtv, "connectivitycheck.gstatic.com", "/generate_204",
       ua="Dalvik/2.1.0 (Linux; U; Android 12; Chromecast Build/STTE.230319.008)",
       resp="HTTP/1.1 204 No Content\r\n\r\n")
for n in ["www.youtube.com", "android.googleapis.com", "clients3.google.com", "tvmeta.googleapis.com",
          "api-global.netflix.com", "play.googleapis.com"]:
    H.tls(ccgtv, n, alpn=["h2", "http/1.1"])

cast_announce(nestmini, "8e1f4c2a-7b3d-9e0f-1a2b-3c4d5e6f7a8b", "Google-Nest-Mini-8e1f4c2a7b3d9e0f1a2b3c4d5e6f7a8b",
              ["id=8e1f4c2a7b3d9e0f1a2b3c4d5e6f7a8b", "cd=9B3E1F7A2C8D4E605F1A2B3C4D5E6F70", "rm=", "ve=05",
               "md=Google Nest Mini", "ic=/setup/icon.png", "fn=Kitchen speaker", "ca=199172", "st=0", "bs=FA8FCA7E3D11", "nf=1", "rs="])
for n in ["clients3.google.com", "www.google.com", "embeddedassistant.googleapis.com", "www.gstatic.com",
          "tools.l.google.com"]:
    H.tls(nestmini, n, alpn=["h2"])

cast_announce(bravia, "f1e2d3c4-b5a6-9788-1a2b-3c4d5e6f7081", "BRAVIA-4K-VH2-f1e2d3c4b5a697881a2b3c4d5e6f7081",
              ["id=f1e2d3c4b5a697881a2b3c4d5e6f7081", "cd=1C2D3E4F5A6B7C8D9E0F1A2B3C4D5E6F", "rm=", "ve=05",
               "md=BRAVIA 4K VH2", "ic=/setup/icon.png", "fn=Bedroom TV", "ca=264709", "st=0", "bs=FA8FCA5B2E40", "nf=1", "rs="])
H.mdns_announce(bravia, "f1e2d3c4-b5a6-9788-1a2b-3c4d5e6f7081", [
    ("_androidtvremote2._tcp", "BRAVIA 4K VH2", 6466, ["bt=04:5D:4B:9E:21:78"])])
H.ssdp_notify(bravia, "Linux/4.9.125 UPnP/1.0 Sony-BRAVIA/1.0", "http://192.168.50.34:52323/dmr.xml",
              ["upnp:rootdevice", "urn:schemas-upnp-org:device:MediaRenderer:1", "urn:schemas-sony-com:service:IRCC:1",
               "urn:schemas-sony-com:service:ScalarWebAPI:1"], "00000000-0000-1010-8000-045d4b9e2177")
H.http(bravia, "connectivitycheck.gstatic.com", "/generate_204",
       ua="Dalvik/2.1.0 (Linux; U; Android 10; BRAVIA 4K VH2 Build/QTG3.200305.006.S292)",
       resp="HTTP/1.1 204 No Content\r\n\r\n")
for n in ["www.youtube.com", "android.googleapis.com", "play.googleapis.com"]:
    H.tls(bravia, n, alpn=["h2", "http/1.1"])

# ---------------- Roku ----------------
H.ssdp_notify(roku, "Roku/12.0.0 UPnP/1.0 Roku/12.0.0", "http://192.168.50.35:8060/", ["roku:ecp"],
              "roku:ecp:X00400ABCDEF")
H.ssdp_notify(roku, "Roku/12.0.0 UPnP/1.0 Roku/12.0.0", "http://192.168.50.35:8060/dial/dd.xml",
              ["urn:dial-multiscreen-org:service:dial:1"], "29780041-3c00-1045-80f5-d831345c0e91")
H.http(roku, "captive.roku.com", "/ok", ua="Roku/DVP-12.0 (12.0.0.4182-88)", resp="HTTP/1.1 200 OK\r\n\r\nok")
for n in ["scribe.logs.roku.com", "api.roku.com", "cooper.logs.roku.com", "image.roku.com", "api-global.netflix.com"]:
    H.tls(roku, n, alpn=["http/1.1"])

# ---------------- Samsung TV ----------------
H.ssdp_notify(samtv, "SHP, UPnP/1.0, Samsung UPnP SDK/1.0", "http://192.168.50.36:7676/smp_2_",
              ["urn:samsung.com:device:RemoteControlReceiver:1"], "08f0d180-0096-1000-8b5c-8c79f52db860")
H.ssdp_notify(samtv, "SHP, UPnP/1.0, Samsung UPnP SDK/1.0", "http://192.168.50.36:9197/dmr",
              ["urn:schemas-upnp-org:device:MediaRenderer:1"], "0c5d8e00-00b2-1000-8b5c-8c79f52db860")
H.ssdp_notify(samtv, "Samsung-Linux/4.1, UPnP/1.0, Samsung_UPnP_SDK/1.0", "http://192.168.50.36:8080/ws/app/dial/dial.xml",
              ["urn:dial-multiscreen-org:service:dial:1"], "10ff2e80-0000-1000-8b5c-8c79f52db860")
H.mdns_announce(samtv, "Samsung-Q80-Series-65", [
    ("_airplay._tcp", "Samsung Q80 Series (65)", 7000,
     ["acl=0", "deviceid=8C:79:F5:2D:B8:60", "features=0x7F8AD0,0x38BCB46", "rsf=0x3", "fv=p20.T-KSU2EAKUC-1401.3",
      "flags=0x244", "model=QN65Q80TAFXZA", "manufacturer=Samsung", "serialNumber=0B2X3CAN300123A",
      "protovers=1.1", "srcvers=377.17.24.6", "pi=a1b2c3d4-0000-1111-2222-8c79f52db860"]),
    ("_raop._tcp", "8C79F52DB860@Samsung Q80 Series (65)", 7000,
     ["cn=0,1,3", "da=true", "et=0,4", "ft=0x7F8AD0,0x38BCB46", "md=0,1,2", "am=QN65Q80TAFXZA", "tp=UDP", "vn=65537", "vs=377.17.24.6"])])
H.http(samtv, "time.samsungcloudsolution.com", "/openapi/timesync", ua="Mozilla/5.0 (SMART-TV; LINUX; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) 76.0.3809.146/6.0 TV Safari/537.36")
for n in ["log-config.samsungacr.com", "osb.samsungqbe.com", "lcprd1.samsungcloudsolution.net", "gpm.samsungqbe.com",
          "api-global.netflix.com"]:
    H.tls(samtv, n, alpn=["http/1.1"])

# ---------------- LG TV ----------------
H.ssdp_notify(lgtv, "WebOS/6.0.0 UPnP/1.0 webOSTV/1.0", "http://192.168.50.37:3000/",
              ["urn:lge-com:service:webos-second-screen:1"], "f3c2a1b0-6e93-0bfe-a823-a823fe6e930b")
H.ssdp_notify(lgtv, "Linux/4.4.84 UPnP/1.0 LGE WebOS TV/Version 0.9", "http://192.168.50.37:1781/",
              ["urn:schemas-upnp-org:device:MediaRenderer:1"], "a1b2c3d4-6e93-0bfe-a823-a823fe6e930b")
H.mdns_announce(lgtv, "LGwebOSTV", [
    ("_airplay._tcp", "[LG] webOS TV OLED55C1PUB", 7000,
     ["acl=0", "deviceid=A8:23:FE:6E:93:0B", "features=0x7F8AD0,0x38BCB46", "flags=0x244", "model=OLED55C1PUB",
      "manufacturer=LG Electronics", "protovers=1.1", "srcvers=377.25.06", "fv=p20.03.20.70"]),
    ("_hap._tcp", "LG webOS TV 930B", 57316, ["c#=2", "ff=2", "id=5A:3F:2C:81:9B:0E", "md=OLED55C1PUB", "pv=1.1", "s#=1", "sf=0", "ci=31", "sh=qE0a4g=="])])
H.http(lgtv, "us.lgtvsdp.com", "/rest/sdp/v8.0/initservices", ua="Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/79.0.3945.79 Safari/537.36 WebAppManager")
for n in ["us.ad.lgsmartad.com", "snu.lge.com", "ngfts.lge.com", "us.info.lgsmartad.com", "api-global.netflix.com"]:
    H.tls(lgtv, n, alpn=["http/1.1"])

# ---------------- cameras ----------------
for n in ["api.wyzecam.com", "wyze-mars-service.wyzecam.com", "wyze-device-alarm-file-upload.s3.amazonaws.com"]:
    H.tls(wyze, n)
for n in ["m1.iotcplatform.com", "m2.iotcplatform.com"]:
    ip = H.dns(wyze, n)
    H.udp(wyze.mac, wyze.ip, H.router_mac, ip, 41235, 10240, os.urandom(48))

for n in ["fw.ring.com", "es.ring.com", "api.prod.signalling.ring.devices.a2z.com", "ring-dc.ring.com"]:
    H.tls(ring, n)

for n in ["arlo.netgear.com", "updates.arlo.com", "arloxcld.netgear.com"]:
    H.tls(arlo, n)

def wsd_hello(d, scopes, xaddr, uuid):
    msg = ('<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope" '
           'xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:wsd="http://schemas.xmlsoap.org/ws/2005/04/discovery" '
           'xmlns:dn="http://www.onvif.org/ver10/network/wsdl"><SOAP-ENV:Header><wsa:MessageID>uuid:%s</wsa:MessageID>'
           '<wsa:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</wsa:To><wsa:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/Hello</wsa:Action>'
           '</SOAP-ENV:Header><SOAP-ENV:Body><wsd:Hello><wsa:EndpointReference><wsa:Address>urn:uuid:%s</wsa:Address></wsa:EndpointReference>'
           '<wsd:Types>dn:NetworkVideoTransmitter</wsd:Types><wsd:Scopes>%s</wsd:Scopes><wsd:XAddrs>%s</wsd:XAddrs>'
           '<wsd:MetadataVersion>1</wsd:MetadataVersion></wsd:Hello></SOAP-ENV:Body></SOAP-ENV:Envelope>') % (uuid, uuid, scopes, xaddr)
    H.udp(d.mac, d.ip, SSDP_MAC, "239.255.255.250", 3702, 3702, msg.encode())

wsd_hello(reolink, "onvif://www.onvif.org/Profile/Streaming onvif://www.onvif.org/type/video_encoder "
          "onvif://www.onvif.org/name/Reolink onvif://www.onvif.org/hardware/RLC-510WA onvif://www.onvif.org/location/country/china",
          "http://192.168.50.43:8000/onvif/device_service", "2419d68a-2dd2-21b2-a205-ec71db5a20e8")
for n in ["apis.reolink.com", "pushx.reolink.com", "p2p.reolink.com"]:
    H.tls(reolink, n)

wsd_hello(hik, "onvif://www.onvif.org/type/video_encoder onvif://www.onvif.org/Profile/Streaming "
          "onvif://www.onvif.org/MAC/bc:ad:28:91:7f:3a onvif://www.onvif.org/hardware/DS-2CD2143G2-I onvif://www.onvif.org/name/HIKVISION",
          "http://192.168.50.44/onvif/device_service", "3fa1fe68-b915-4053-a3e1-bcad28917f3a")
sadp = ('<?xml version="1.0" encoding="UTF-8"?><ProbeMatch><Uuid>3FA1FE68-B915-4053-A3E1-BCAD28917F3A</Uuid><Types>inquiry</Types>'
        '<DeviceType>139141</DeviceType><DeviceDescription>DS-2CD2143G2-I</DeviceDescription>'
        '<DeviceSN>DS-2CD2143G2-I20220315AAWRJ12345678</DeviceSN><CommandPort>8000</CommandPort><HttpPort>80</HttpPort>'
        '<MAC>bc-ad-28-91-7f-3a</MAC><IPv4Address>192.168.50.44</IPv4Address><IPv4SubnetMask>255.255.255.0</IPv4SubnetMask>'
        '<IPv4Gateway>192.168.50.1</IPv4Gateway><DHCP>false</DHCP><AnalogChannelNum>0</AnalogChannelNum><DigitalChannelNum>1</DigitalChannelNum>'
        '<SoftwareVersion>V5.7.3build 220112</SoftwareVersion><DSPVersion>V7.3 build 211227</DSPVersion><BootTime>2024-01-02 10:11:12</BootTime>'
        '<Activated>true</Activated><PasswordResetAbility>true</PasswordResetAbility></ProbeMatch>')
H.udp(hik.mac, hik.ip, SSDP_MAC, "239.255.255.250", 37020, 37020, sadp.encode())
H.dns(hik, "time.windows.com")
H.udp(hik.mac, hik.ip, H.router_mac, H.dns_cache["time.windows.com"], 123, 123, b"\x23" + b"\x00" * 47)
H.tls(hik, "litedev.hik-connect.com", port=443)
# Pixel pulls RTSP from the camera (VLC)
rtsp_req = ("DESCRIBE rtsp://192.168.50.44:554/Streaming/Channels/101 RTSP/1.0\r\nCSeq: 3\r\n"
            "User-Agent: LibVLC/3.5.4 (LIVE555 Streaming Media v2016.11.28)\r\nAccept: application/sdp\r\n\r\n")
rtsp_resp = ("RTSP/1.0 401 Unauthorized\r\nCSeq: 3\r\nWWW-Authenticate: Digest realm=\"IP Camera(12345)\", nonce=\"a1b2c3d4e5f6\", stale=\"FALSE\"\r\n"
             "Date:  Tue, Jan 02 2024 10:11:12 GMT\r\n\r\n")
rtsp_resp2 = ("RTSP/1.0 200 OK\r\nCSeq: 4\r\nContent-Type: application/sdp\r\nContent-Base: rtsp://192.168.50.44:554/Streaming/Channels/101/\r\n"
              "Content-Length: 120\r\n\r\nv=0\r\no=- 1109162014219182 1109162014219192 IN IP4 192.168.50.44\r\ns=Media Presentation\r\ne=NONE\r\nb=AS:5100\r\nt=0 0\r\n")
H.tcp(pixel, hik.ip, 554, [("c", rtsp_req.encode()), ("s", rtsp_resp.encode()),
                           ("c", rtsp_req.replace("CSeq: 3", "CSeq: 4").replace("Accept", "Authorization: Digest username=\"admin\"\r\nAccept").encode()),
                           ("s", rtsp_resp2.encode())], dst_mac=hik.mac, fin=False)
for i in range(20):
    H.udp(hik.mac, hik.ip, pixel.mac, pixel.ip, 8296, 50102, b"\x80\x60" + struct.pack("!H", i) + os.urandom(400))
# laptop views camera web UI
H.http(winlap, "192.168.50.44", "/doc/page/login.asp", resolve=False, ip=hik.ip, dst_mac=hik.mac,
       ua="Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
       resp="HTTP/1.1 200 OK\r\nServer: webserver\r\nContent-Type: text/html\r\n\r\n<html></html>")

# ---------------- plugs ----------------
H.tls(kasa, "n-devs.tplinkcloud.com")
H.tls(kasa, "devs.tplinkcloud.com")
sysinfo = {"system": {"get_sysinfo": {"sw_ver": "1.2.6 Build 200727 Rel.121701", "hw_ver": "4.0", "model": "HS110(US)",
           "deviceId": "8006A1B2C3D4E5F60718293A4B5C6D7E8F901234", "oemId": "FFF22CFF774A0B89F7624BFC6F50D5DE",
           "hwId": "A28C8BB92AFCB6CAFB83A8C00145F7E2", "rssi": -55, "latitude_i": 0, "longitude_i": 0, "alias": "Space heater",
           "status": "new", "mic_type": "IOT.SMARTPLUGSWITCH", "feature": "TIM:ENE", "mac": "50:C7:BF:0E:6A:D4",
           "updating": 0, "led_off": 0, "relay_state": 1, "on_time": 4112, "active_mode": "none", "icon_hash": "",
           "dev_name": "Smart Wi-Fi Plug With Energy Monitoring", "next_action": {"type": -1}, "err_code": 0}}}
q = kasa_encrypt('{"system":{"get_sysinfo":{}}}')
H.udp(galaxy.mac, galaxy.ip, BCAST, "255.255.255.255", 52011, 9999, q)
H.udp(kasa.mac, kasa.ip, galaxy.mac, galaxy.ip, 9999, 52011, kasa_encrypt(json.dumps(sysinfo)))
H.tcp(galaxy, kasa.ip, 9999, [("c", kasa_encrypt('{"emeter":{"get_realtime":{}}}', tcp=True)),
                              ("s", kasa_encrypt('{"emeter":{"get_realtime":{"voltage_mv":121345,"current_ma":8123,"power_mw":980123,"total_wh":15321,"err_code":0}}}', tcp=True))],
      dst_mac=kasa.mac)

# Tuya: UDP 6667 broadcasts (encrypted 55AA frames) + MQTT/TLS to tuyaus
def tuya_frame(cmd, payload):
    body = struct.pack("!I", 0) + payload + struct.pack("!I", random.getrandbits(32)) + b"\x00\x00\xaa\x55"
    return b"\x00\x00\x55\xaa" + struct.pack("!II", 0, cmd) + struct.pack("!I", len(body)) + body

for i in range(3):
    H.udp(tuya.mac, tuya.ip, BCAST, "255.255.255.255", 63145, 6667, tuya_frame(0x13, os.urandom(176)))
    H.tick(5)
H.tls(tuya, "a3.tuyaus.com")
H.tls(tuya, "m2.tuyaus.com", port=8883)
H.tcp(galaxy, tuya.ip, 6668, [("c", tuya_frame(0x0a, os.urandom(64))), ("s", tuya_frame(0x0a, os.urandom(112)))], dst_mac=tuya.mac)

# WeMo
wemo_uuid = "Insight-1_0-231508K1100C1A"
H.ssdp_notify(wemo, "Unspecified, UPnP/1.0, Unspecified", "http://192.168.50.52:49153/setup.xml",
              ["upnp:rootdevice", "urn:Belkin:device:insight:1", "urn:Belkin:service:basicevent:1"], wemo_uuid,
              extra="X-User-Agent: redsonic\r\nOPT: \"http://schemas.upnp.org/upnp/1/0/\"; ns=01\r\n01-NLS: 1d8ac1b2-1dd2-11b2-8a9f-c1b25d81a32e\r\n")
H.ssdp_response(wemo, echo, sp_echo, "urn:Belkin:device:insight:1", "Unspecified, UPnP/1.0, Unspecified",
                "http://192.168.50.52:49153/setup.xml", wemo_uuid, extra="X-User-Agent: redsonic\r\n")
setup = ('<?xml version="1.0"?><root xmlns="urn:Belkin:device-1-0"><specVersion><major>1</major><minor>0</minor></specVersion>'
         '<device><deviceType>urn:Belkin:device:insight:1</deviceType><friendlyName>Dehumidifier</friendlyName>'
         '<manufacturer>Belkin International Inc.</manufacturer><manufacturerURL>http://www.belkin.com</manufacturerURL>'
         '<modelDescription>Belkin Insight 1.0</modelDescription><modelName>Insight</modelName><modelNumber>1.0</modelNumber>'
         '<serialNumber>231508K1100C1A</serialNumber><UDN>uuid:Insight-1_0-231508K1100C1A</UDN>'
         '<macAddress>94103EC25D81</macAddress><firmwareVersion>WeMo_WW_2.00.11408.PVT-OWRT-Insight</firmwareVersion></device></root>')
H.tcp(echo, wemo.ip, 49153, [("c", b"GET /setup.xml HTTP/1.1\r\nHost: 192.168.50.52:49153\r\nAccept: */*\r\n\r\n"),
                             ("s", ("HTTP/1.1 200 OK\r\nCONTENT-LENGTH: %d\r\nCONTENT-TYPE: text/xml\r\nX-User-Agent: redsonic\r\n\r\n" % len(setup) + setup).encode())],
      dst_mac=wemo.mac)
H.tls(wemo, "api.xbcs.net", port=8443)

# ---------------- Hue bridge ----------------
H.mdns_announce(hue, "Philips-hue", [
    ("_hue._tcp", "Hue Bridge - 6B1A2C", 443, ["bridgeid=001788fffe6b1a2c", "modelid=BSB002"]),
    ("_hap._tcp", "Hue Bridge - 6B1A2C", 8080, ["c#=45", "ff=1", "id=7E:2F:1A:3B:9C:0D", "md=BSB002", "pv=1.1", "s#=1", "sf=0", "ci=2", "sh=+5tWbA=="])])
H.ssdp_notify(hue, "Hue/1.0 UPnP/1.0 IpBridge/1.61.0", "http://192.168.50.53:80/description.xml",
              ["upnp:rootdevice", "urn:schemas-upnp-org:device:basic:1"], "2f402f80-da50-11e1-9b23-001788" + "6b1a2c",
              extra="hue-bridgeid: 001788FFFE6B1A2C\r\n")
for n in ["ws.meethue.com", "diag.meethue.com", "firmware.meethue.com"]:
    H.tls(hue, n)
H.http(iphone, "192.168.50.53", "/api/config", resolve=False, ip=hue.ip, dst_mac=hue.mac,
       ua="Hue/5.12.0 CFNetwork/1474 Darwin/23.0.0",
       resp='HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{"name":"Hue Bridge","datastoreversion":"163","swversion":"1961135030","apiversion":"1.61.0","mac":"00:17:88:6b:1a:2c","bridgeid":"001788FFFE6B1A2C","factorynew":false,"replacesbridgeid":null,"modelid":"BSB002"}')
H.http(echo, "192.168.50.53", "/description.xml", resolve=False, ip=hue.ip, dst_mac=hue.mac, ua=None,
       resp='HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n\r\n<root xmlns="urn:schemas-upnp-org:device-1-0"><device><deviceType>urn:schemas-upnp-org:device:Basic:1</deviceType><friendlyName>Hue Bridge (192.168.50.53)</friendlyName><manufacturer>Signify</manufacturer><modelName>Philips hue bridge 2015</modelName><modelNumber>BSB002</modelNumber></device></root>')

# ---------------- thermostats ----------------
H.mdns_announce(ecobee, "ecobee3-lite-F30D", [
    ("_hap._tcp", "My ecobee", 1201, ["c#=7", "ff=0", "id=C1:9E:55:3A:0B:F7", "md=ecobee3 lite", "pv=1.1", "s#=1", "sf=0", "ci=9", "sh=V1e2Pw=="])])
for n in ["home.ecobee.com", "api.ecobee.com"]:
    H.tls(ecobee, n, port=443 if n != "home.ecobee.com" else 8089)

for n in ["frontdoor.nest.com", "transport01-rts04-iad01.transport.home.nest.com", "log-rts01-iad01.devices.nest.com"]:
    H.tls(nest, n)
H.dns(nest, "time.nest.com")

# ---------------- Sonos ----------------
rincon = "RINCON_48A6B8C1D2E301400"
H.mdns_announce(sonos, "Sonos-48A6B8C1D2E3", [
    ("_sonos._tcp", "Sonos-48A6B8C1D2E3", 1443, ["info=/api/v1/players/%s/info" % rincon, "vers=3", "protovers=1.38.0", "bootseq=12",
                                                "hhid=Sonos_aBcDeFgHiJkLmNoPqRsTuVwXyZ", "mhhid=Sonos_aBcDeFgHiJkLmNoPqRsTuVwXyZ.XyZ12", "locationid=lc_0123456789abcdef", "sslport=1443", "hhsslport=1843", "variant=2", "mdnssequence=0", "minApiVersion=1.1.0"]),
    ("_spotify-connect._tcp", "Sonos-48A6B8C1D2E3", 1400, ["CPath=/spotifyzc", "VERSION=1.0"]),
    ("_airplay._tcp", "Living Room", 7000, ["acl=0", "deviceid=48:A6:B8:C1:D2:E3", "features=0x445F8A00,0x1C340", "flags=0x18644",
                                            "gid=5A1B2C3D-4E5F-6A7B-8C9D-0E1F2A3B4C5D", "manufacturer=Sonos", "model=One", "protovers=1.1", "srcvers=366.0", "fv=p20.74.0-49180"]),
    ("_raop._tcp", "48A6B8C1D2E3@Living Room", 7000, ["cn=0,1", "da=true", "et=0,4", "ft=0x445F8A00,0x1C340", "md=0,1,2", "am=One", "tp=UDP", "vn=65537", "vs=366.0"])])
H.ssdp_notify(sonos, "Linux UPnP/1.0 Sonos/74.0-49180 (ZPS18)", "http://192.168.50.56:1400/xml/device_description.xml",
              ["upnp:rootdevice", "urn:schemas-upnp-org:device:ZonePlayer:1"], rincon,
              extra="X-RINCON-HOUSEHOLD: Sonos_aBcDeFgHiJkLmNoPqRsTuVwXyZ\r\nX-RINCON-BOOTSEQ: 12\r\nBOOTID.UPNP.ORG: 12\r\nX-RINCON-WIFIMODE: 0\r\nX-RINCON-VARIANT: 2\r\nHOUSEHOLD.SMARTSPEAKER.AUDIO: Sonos_aBcDeFgHiJkLmNoPqRsTuVwXyZ.XyZ12\r\n")
for n in ["msmetrics.ws.sonos.com", "api.ws.sonos.com", "update.sonos.com", "apresolve.spotify.com", "spclient.wg.spotify.com"]:
    H.tls(sonos, n)
# Pixel Sonos app controls the speaker over 1400
soap = ('POST /MediaRenderer/AVTransport/Control HTTP/1.1\r\nHost: 192.168.50.56:1400\r\nContent-Type: text/xml; charset="utf-8"\r\n'
        'SOAPACTION: "urn:schemas-upnp-org:service:AVTransport:1#GetTransportInfo"\r\nUser-Agent: Linux UPnP/1.0 Sonos/74.0 (ACR_Android)\r\nContent-Length: 10\r\n\r\n<s:Envelope/>')
H.tcp(pixel, sonos.ip, 1400, [("c", soap.encode()), ("s", b"HTTP/1.1 200 OK\r\nServer: Linux UPnP/1.0 Sonos/74.0-49180 (ZPS18)\r\nContent-Length: 0\r\n\r\n")],
      dst_mac=sonos.mac)

# ---------------- printer ----------------
hp_txt = ["txtvers=1", "qtotal=1", "rp=ipp/print", "ty=HP OfficeJet Pro 9010 series", "product=(HP OfficeJet Pro 9010 series)",
          "usb_MFG=HP", "usb_MDL=OfficeJet Pro 9010 series", "pdl=application/vnd.hp-PCL,image/jpeg,application/PCLm,image/urf,image/pwg-raster,application/pdf",
          "adminurl=http://HPA1B2C3.local./#hId-pgAirPrint", "priority=10", "note=", "Color=T", "Duplex=T", "Fax=T", "Scan=T",
          "URF=CP1,MT1-2-8-9-10-11,OB10,PQ3-4-5,RS300-600,SRGB24,OFU0,W8-16,DEVW8-16,DEVRGB24-48,ADOBERGB24-48,DM3,FN3-9,IS1-4,V1.4",
          "mopria-certified=1.3", "kind=document,envelope,photo", "PaperMax=legal-A4", "UUID=1c852a4d-b800-1f08-abcd-a0d3c1a1b2c3", "TLS=1.2"]
H.mdns_announce(hp, "HPA1B2C3", [
    ("_ipp._tcp", "HP OfficeJet Pro 9010 series [A1B2C3]", 631, hp_txt),
    ("_ipps._tcp", "HP OfficeJet Pro 9010 series [A1B2C3]", 443, hp_txt),
    ("_printer._tcp", "HP OfficeJet Pro 9010 series [A1B2C3]", 515, ["txtvers=1", "qtotal=1", "rp=BINPS", "ty=HP OfficeJet Pro 9010 series", "product=(HP OfficeJet Pro 9010 series)"]),
    ("_pdl-datastream._tcp", "HP OfficeJet Pro 9010 series [A1B2C3]", 9100, ["txtvers=1", "qtotal=1", "ty=HP OfficeJet Pro 9010 series", "product=(HP OfficeJet Pro 9010 series)"]),
    ("_uscan._tcp", "HP OfficeJet Pro 9010 series [A1B2C3]", 8080, ["txtvers=1", "vers=2.63", "ty=HP OfficeJet Pro 9010 series", "mfg=HP", "mdl=OfficeJet Pro 9010 series", "rs=eSCL"]),
    ("_http._tcp", "HP OfficeJet Pro 9010 series [A1B2C3]", 80, [""])])
for n in ["xmpp023.hpeprint.com", "h10141.www1.hp.com"]:
    H.tls(hp, n)
pjl = b"\x1b%-12345X@PJL JOB NAME=\"Document1\"\r\n@PJL SET RESOLUTION=600\r\n@PJL ENTER LANGUAGE=PCLXL\r\n" + os.urandom(600)
H.tcp(winlap, hp.ip, 9100, [("c", pjl)], dst_mac=hp.mac)
ipp = struct.pack("!BBHI", 2, 0, 0x000b, 1) + b"\x01\x47\x00\x12attributes-charset\x00\x05utf-8\x03"
H.tcp(macbook, hp.ip, 631, [("c", ("POST /ipp/print HTTP/1.1\r\nHost: HPA1B2C3.local:631\r\nContent-Type: application/ipp\r\nUser-Agent: CUPS/2.3.4 (macOS 14.1.1; arm64) IPP/2.0\r\nContent-Length: %d\r\n\r\n" % len(ipp)).encode() + ipp),
                            ("s", b"HTTP/1.1 200 OK\r\nServer: HP HTTP Server; HP OfficeJet Pro 9010 series - 1MR69A; Serial Number: TH0AB1C2D3; Built: Wed Oct 18, 2023 12:00:00PM {GUPCDN2342AR}\r\nContent-Type: application/ipp\r\nContent-Length: 9\r\n\r\n\x02\x00\x00\x00\x00\x00\x00\x01\x03")],
      dst_mac=hp.mac)

# ---------------- vacuums ----------------
H.udp(iphone.mac, iphone.ip, BCAST, "255.255.255.255", 61234, 5678, b"irobotmcs")
rj = {"ver": "3", "hostname": "iRobot-3175C10821312700", "robotname": "Rosie", "robotid": "3175C10821312700", "ip": roomba.ip,
      "mac": "50:14:79:3C:81:5D", "sw": "lewis+22.29.6+2022-09-14-5ac8af6d5c7+Firmware-Build+2022-09-14", "sku": "i755020",
      "nc": 0, "proto": "mqtt", "cap": {"binFullDetect": 1, "dockComm": 1, "wDevLoc": 2, "maps": 3, "edge": 0, "pmaps": 4, "tLine": 2, "area": 1, "eco": 1, "multiPass": 2, "team": 1, "pp": 0, "5ghz": 1, "prov": 3, "sched": 2, "svcConf": 1, "ota": 2, "log": 2, "langOta": 0, "tileScan": 1}}
H.udp(roomba.mac, roomba.ip, iphone.mac, iphone.ip, 5678, 61234, json.dumps(rj).encode())
H.tls(roomba, "disc-prod.iot.irobotapi.com")
H.tls(roomba, "a2uowfjvhio0fa-ats.iot.us-east-1.amazonaws.com", port=8883)
H.tcp(iphone, roomba.ip, 8883, [("c", client_hello("3175C10821312700")), ("s", server_hello())], dst_mac=roomba.mac)

for n in ["api-us.roborock.com", "usiot.roborock.com"]:
    H.tls(roborock, n)
H.tls(roborock, "mqtt-us-2.roborock.com", port=8883)

# ---------------- ESP8266 DIY ----------------
H.dns(esp, "pool.ntp.org")
H.udp(esp.mac, esp.ip, H.router_mac, H.dns_cache["pool.ntp.org"], 2390, 123, b"\xe3\x00\x06\xec" + b"\x00" * 44)
H.http(esp, "api.openweathermap.org", "/data/2.5/weather?q=Boston&appid=0123456789abcdef", ua="ESP8266HTTPClient",
       resp='HTTP/1.1 200 OK\r\nServer: openresty\r\nContent-Type: application/json\r\n\r\n{"weather":[]}')
mqtt_connect = b"\x10\x1c\x00\x04MQTT\x04\x02\x00\x3c\x00\x10ESP8266Client-3c"
H.tcp(esp, rpi.ip, 1883, [("c", mqtt_connect), ("s", b"\x20\x02\x00\x00"),
                          ("c", b"\x30\x1a\x00\x0chome/weather{\"t\":21.4,\"h\":48}")], dst_mac=rpi.mac, fin=False)

# ---------------- consoles ----------------
for n in ["web.np.playstation.com", "accounts.api.playstation.com", "telemetry-console.api.playstation.com",
          "gst.prod.dl.playstation.net", "uef.np.dl.playstation.net"]:
    H.tls(ps5, n)
H.http(ps5, "fus01.ps5.update.playstation.net", "/update/ps5/official/tJMRE8/list/us/updatelist.xml",
       ua="Mozilla/5.0 (PlayStation; PlayStation 5/7.40) AppleWebKit/605.1.15 (KHTML, like Gecko)")

H.http(xbox, "www.msftconnecttest.com", "/connecttest.txt", ua="Microsoft NCSI",
       resp="HTTP/1.1 200 OK\r\nContent-Length: 22\r\n\r\nMicrosoft Connect Test")
for n in ["title.mgt.xboxlive.com", "xsts.auth.xboxlive.com", "settings-ssl.xboxlive.com", "assets1.xboxlive.com",
          "user.auth.xboxlive.com"]:
    H.tls(xbox, n)
H.udp(xbox.mac, xbox.ip, H.router_mac, "20.59.1.3", 3074, 3074, os.urandom(60))

H.http(switch, "ctest.cdn.nintendo.net", "/", ua=None,
       resp="HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Organization: Nintendo\r\nContent-Length: 2\r\n\r\nok")
for n in ["atum.hac.lp1.d4c.nintendo.net", "receive-lp1.dg.srv.nintendo.net", "aqua.hac.lp1.d4c.nintendo.net",
          "accounts.nintendo.com"]:
    H.tls(switch, n)

# ---------------- NAS ----------------
H.mdns_announce(nas, "SynologyNAS", [
    ("_http._tcp", "SynologyNAS", 5000, ["vendor=Synology", "model=DS920+", "serial=21A0PDN123456", "version_major=7",
                                         "version_minor=2", "version_build=64570", "admin_port=5000", "secure_admin_port=5001",
                                         "mac_address=00:11:32:8a:6c:1f"]),
    ("_smb._tcp", "SynologyNAS", 445, [""]),
    ("_afpovertcp._tcp", "SynologyNAS", 548, [""]),
    ("_device-info._tcp", "SynologyNAS", 0, ["model=Xserve"]),
    ("_adisk._tcp", "SynologyNAS", 9, ["sys=waMa=0,adVF=0x100", "dk0=adVN=TimeMachine,adVF=0x82"])])
H.ssdp_notify(nas, "Synology/DSM/192.168.50.80", "http://192.168.50.80:5000/ssdp/desc-DSM-eth0.xml",
              ["upnp:rootdevice", "urn:schemas-upnp-org:device:Basic:1"], "73796E6F-6473-6D00-0000-0011328a6c1f")
for n in ["checkip.synology.com", "update7.synology.com", "global.quickconnect.to", "account.synology.com"]:
    H.tls(nas, n)

# ---------------- Raspberry Pi ----------------
H.mdns_announce(rpi, "raspberrypi", [("_workstation._tcp", "raspberrypi [dc:a6:32:07:e9:4b]", 9, [""]),
                                     ("_ssh._tcp", "raspberrypi", 22, [""])])
H.http(rpi, "archive.raspberrypi.org", "/debian/dists/bookworm/InRelease", ua="Debian APT-HTTP/1.3 (2.6.1)")
H.http(rpi, "deb.debian.org", "/debian/dists/bookworm/InRelease", ua="Debian APT-HTTP/1.3 (2.6.1)")
H.tls(rpi, "github.com")

# ---------------- some ongoing traffic: repeat cloud keepalives ----------------
periodic = [(kasa, "n-devs.tplinkcloud.com"), (tuya, "m2.tuyaus.com"), (wyze, "api.wyzecam.com"), (ring, "es.ring.com"),
            (hue, "ws.meethue.com"), (sonos, "msmetrics.ws.sonos.com"), (echo, "bob-dispatch-prod-na.amazon.com"),
            (ecobee, "api.ecobee.com"), (nest, "frontdoor.nest.com"), (roomba, "disc-prod.iot.irobotapi.com"),
            (arlo, "arlo.netgear.com"), (roborock, "api-us.roborock.com"), (iphone, "api.ring.com"), (galaxy, "wap.tplinkcloud.com"),
            (pixel, "api.ws.sonos.com")]
for rnd in range(3):
    H.tick(60)
    for d, n in periodic:
        H.tls(d, n, resolve=(rnd == 0), n_data=2)

H.write(os.path.join(os.path.dirname(os.path.abspath(__file__)), "home1.pcap"))
print(len(H.pkts), "packets")
