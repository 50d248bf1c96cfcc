#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Home 2: IoT VLAN (802.1Q tag 20) behind a UniFi gateway, 192.168.20.0/24. Every frame is tagged."""
import json, os, random, struct, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_lib import *

random.seed(2020)
H = Home(router_mac="80:2a:a8:5d:10:01", router_ip="192.168.20.1", vlan=20, domain="iot.home.arpa")
R = Dev(H.router_mac, H.router_ip)
TRUTH = []


def dev(mac, ip, vendor, typ, desc):
    d = Dev(mac, "192.168.20.%d" % ip, desc)
    TRUTH.append(("home2_vlan.pcap", d.mac, d.ip, vendor, typ, desc))
    return d


epson = dev("38:1a:52:3a:1b:2c", 10, "Epson", "printer", "Epson EcoTank ET-2850")
brother = dev("3c:2a:f4:a1:b2:c3", 11, "Brother", "printer", "Brother HL-L2350DW laser printer")
nesthub = dev("f0:ef:86:2b:7c:40", 12, "Google", "smart display", "Google Nest Hub (2nd gen)")
era = dev("5c:aa:fd:7e:81:92", 13, "Sonos", "smart speaker", "Sonos Era 100")
show = dev("0c:47:c9:5e:23:a7", 14, "Amazon", "smart display", "Echo Show 8")
lifx = dev("d0:73:d5:41:9c:0e", 15, "LIFX", "light bulb", "LIFX A19 bulb")
shelly = dev("e8:db:84:a1:b2:c3", 16, "Shelly", "smart plug", "Shelly Plug S (Gen1, ESP8266)")
ringcam = dev("34:3e:a4:6f:02:d8", 17, "Ring", "camera", "Ring Stick Up Cam")
appletv = dev("90:dd:5d:1c:4e:7f", 18, "Apple", "streaming device", "Apple TV 4K (tvOS 17)")
homepod = dev("d4:61:9d:3a:c2:15", 19, "Apple", "smart speaker", "HomePod mini")
ipad = dev("a8:5b:78:9e:0d:31", 20, "Apple", "tablet", "iPad Air (iPadOS 17)")
tapo = dev("78:8c:b5:c4:15:e6", 21, "TP-Link", "smart plug", "TP-Link Tapo P100")
nestcam = dev("64:16:66:8f:3d:21", 22, "Google/Nest", "camera", "Nest Cam IQ indoor")
TRUTH.append(("home2_vlan.pcap", R.mac, R.ip, "Ubiquiti", "router", "UniFi gateway (VLAN 20 interface)"))

H.dhcp(epson, hostname="EPSON3A1B2C", prl=[1, 3, 6, 12, 15, 44, 46, 47, 81, 119], client_id=True)
H.dhcp(brother, hostname="BRW3C2AF4A1B2C3", prl=[1, 3, 6, 12, 15, 44, 46, 47], client_id=True)
H.dhcp(nesthub, hostname="Bedroom-display", prl=PRL["cast"], maxsize=1500)
H.dhcp(era, hostname="SonosZP", prl=PRL["udhcp"], client_id=False)
H.dhcp(show, hostname="amazon-5e23a7c91", vendor="android-dhcp-9", prl=PRL["android"], maxsize=1500)
H.dhcp(lifx, prl=PRL["lwip"], client_id=False)
H.dhcp(shelly, hostname="shellyplug-s-E8DB84A1B2C3", prl=PRL["lwip"], client_id=False)
H.dhcp(ringcam, prl=PRL["udhcp"], vendor="udhcp 1.24.2")
H.dhcp(appletv, hostname="Living-Room", prl=PRL["ios"], maxsize=1500)
H.dhcp(homepod, hostname="Kitchen", prl=PRL["ios"], maxsize=1500)
H.dhcp(ipad, hostname="Toms-iPad", prl=PRL["ios"], maxsize=1500)
H.dhcp(tapo, hostname="P100", prl=PRL["udhcp"], client_id=False)
H.dhcp(nestcam, prl=PRL["udhcp"], vendor="udhcp 1.25.1")
H.tick(3)

# printers
ep_txt = ["txtvers=1", "priority=30", "ty=EPSON ET-2850 Series", "product=(EPSON ET-2850 Series)", "usb_MFG=EPSON",
          "usb_MDL=ET-2850 Series", "note=", "adminurl=http://EPSON3A1B2C.local.:80/PRESENTATION/BONJOUR", "rp=ipp/print",
          "pdl=application/octet-stream,image/pwg-raster,image/urf,image/jpeg,application/PCLm,application/pdf",
          "Color=T", "Duplex=F", "Scan=T", "TLS=1.2", "UUID=cfe92100-67c4-11d4-a45f-381a523a1b2c", "mopria-certified=2.0", "kind=document,envelope,photo,postcard"]
H.mdns_announce(epson, "EPSON3A1B2C", [
    ("_ipp._tcp", "EPSON ET-2850 Series", 631, ep_txt),
    ("_ipps._tcp", "EPSON ET-2850 Series", 443, ep_txt),
    ("_pdl-datastream._tcp", "EPSON ET-2850 Series", 9100, ["txtvers=1", "ty=EPSON ET-2850 Series", "usb_MFG=EPSON", "usb_MDL=ET-2850 Series"]),
    ("_scanner._tcp", "EPSON ET-2850 Series", 1865, ["txtvers=1", "ty=EPSON ET-2850 Series", "mfg=EPSON", "mdl=ET-2850 Series"]),
    ("_uscan._tcp", "EPSON ET-2850 Series", 443, ["txtvers=1", "vers=2.63", "ty=EPSON ET-2850 Series", "rs=eSCL"]),
    ("_http._tcp", "EPSON ET-2850 Series", 80, [""])])
for n in ["www.epsonconnect.com", "epsonconnect.com"]:
    H.tls(epson, n)

br_txt = ["txtvers=1", "qtotal=1", "pdl=application/octet-stream,image/urf,image/pwg-raster", "rp=ipp/print",
          "ty=Brother HL-L2350DW series", "product=(Brother HL-L2350DW series)", "adminurl=http://BRW3C2AF4A1B2C3.local./",
          "priority=25", "usb_MFG=Brother", "usb_MDL=HL-L2350DW series", "usb_CMD=PJL,PCL,PCLXL,URF", "Color=F", "Copies=T",
          "Duplex=T", "PaperCustom=T", "Binary=T", "Transparent=T", "TBCP=F", "URF=SRGB24,W8,CP1,IS4-1,MT1-3-4-5-8,OB10,PQ4,RS300-600,V1.3,DM1",
          "UUID=e3248000-80ce-11db-8000-3c2af4a1b2c3"]
H.mdns_announce(brother, "BRW3C2AF4A1B2C3", [
    ("_ipp._tcp", "Brother HL-L2350DW series", 631, br_txt),
    ("_printer._tcp", "Brother HL-L2350DW series", 515, ["txtvers=1", "qtotal=1", "rp=duerqxesz5090", "ty=Brother HL-L2350DW series", "product=(Brother HL-L2350DW series)", "usb_MFG=Brother", "usb_MDL=HL-L2350DW series"]),
    ("_pdl-datastream._tcp", "Brother HL-L2350DW series", 9100, ["txtvers=1", "ty=Brother HL-L2350DW series", "usb_MFG=Brother", "usb_MDL=HL-L2350DW series"]),
    ("_http._tcp", "Brother HL-L2350DW series", 80, [""])])
H.udp(brother.mac, brother.ip, H.router_mac, "216.239.35.0", 123, 123, b"\x23" + b"\x00" * 47)

# Nest Hub
H.mdns_announce(nesthub, "0b7e4c2f-1d9a-3b8c-5e6f-7a8b9c0d1e2f", [
    ("_googlecast._tcp", "Google-Nest-Hub-0b7e4c2f1d9a3b8c5e6f7a8b9c0d1e2f", 8009,
     ["id=0b7e4c2f1d9a3b8c5e6f7a8b9c0d1e2f", "cd=5E6F7A8B9C0D1E2F3A4B5C6D7E8F9A0B", "rm=", "ve=05", "md=Google Nest Hub",
      "ic=/setup/icon.png", "fn=Bedroom display", "ca=231941", "st=0", "bs=FA8FCA3C7D22", "nf=1", "rs="])])
for n in ["clients3.google.com", "www.google.com", "embeddedassistant.googleapis.com", "home.nest.com", "photos.googleapis.com"]:
    H.tls(nesthub, n, alpn=["h2"])

# Sonos Era 100
rinc = "RINCON_5CAAFD7E819201400"
H.mdns_announce(era, "Sonos-5CAAFD7E8192", [
    ("_sonos._tcp", "Sonos-5CAAFD7E8192", 1443, ["info=/api/v1/players/%s/info" % rinc, "vers=3", "protovers=1.40.0", "bootseq=33", "hhid=Sonos_Qw3rTy", "variant=2"]),
    ("_airplay._tcp", "Office", 7000, ["acl=0", "deviceid=5C:AA:FD:7E:81:92", "features=0x445F8A00,0x1C340", "flags=0x18644", "manufacturer=Sonos", "model=Era 100", "protovers=1.1", "srcvers=366.0"]),
    ("_spotify-connect._tcp", "Sonos-5CAAFD7E8192", 1400, ["CPath=/spotifyzc", "VERSION=1.0"])])
H.ssdp_notify(era, "Linux UPnP/1.0 Sonos/77.4-52120 (S39)", "http://192.168.20.13:1400/xml/device_description.xml",
              ["upnp:rootdevice", "urn:schemas-upnp-org:device:ZonePlayer:1"], rinc,
              extra="X-RINCON-HOUSEHOLD: Sonos_Qw3rTy\r\nX-RINCON-BOOTSEQ: 33\r\n")
for n in ["msmetrics.ws.sonos.com", "api.ws.sonos.com"]:
    H.tls(era, n)

# Echo Show 8
for n in ["avs-alexa-16-na.amazon.com", "bob-dispatch-prod-na.amazon.com", "device-metrics-us-2.amazon.com", "api.amazonalexa.com",
          "m.media-amazon.com", "images-na.ssl-images-amazon.com"]:
    H.tls(show, n, alpn=["h2"])
H.http(show, "spectrum.s3.amazonaws.com", "/kindle-wifi/wifistub.html")

# LIFX: LAN protocol on UDP 56700 (StateService/StatePower) + cloud broker
def lifx_pkt(typ, payload, target=b"\x00" * 8, tagged=False):
    size = 36 + len(payload)
    proto = 1024 | (1 << 12) | ((1 << 13) if tagged else 0)
    hdr = struct.pack("<HHI", size, proto, random.getrandbits(32)) + target + b"\x00" * 6 + b"\x00" + bytes([1])
    hdr += b"\x00" * 8 + struct.pack("<HH", typ, 0)
    return hdr + payload

H.udp(lifx.mac, lifx.ip, BCAST, "192.168.20.255", 56700, 56700, lifx_pkt(3, b"\x01" + struct.pack("<I", 56700),
      target=bytes.fromhex("d073d5419c0e0000")))
H.udp(lifx.mac, lifx.ip, BCAST, "192.168.20.255", 56700, 56700, lifx_pkt(22, struct.pack("<H", 65535),
      target=bytes.fromhex("d073d5419c0e0000")))
H.tls(lifx, "v2.broker.lifx.co", port=56700)

# Shelly Plug S
H.mdns_announce(shelly, "shellyplug-s-E8DB84A1B2C3", [
    ("_http._tcp", "shellyplug-s-E8DB84A1B2C3", 80, ["id=shellyplug-s-E8DB84A1B2C3", "fw_id=20230913-112003/v1.14.0-gcb84623", "arch=esp8266"])])
H.tls(shelly, "shelly-12-eu.shelly.cloud", port=6022)
H.tls(ipad, "shelly-12-eu.shelly.cloud", n_data=1)
H.http(ipad, "192.168.20.16", "/shelly", resolve=False, ip=shelly.ip, dst_mac=shelly.mac, ua="Shelly/2.10 CFNetwork/1490.0.4 Darwin/23.2.0",
       resp='HTTP/1.1 200 OK\r\nServer: Mongoose/6.18\r\nContent-Type: application/json\r\n\r\n{"type":"SHPLG-S","mac":"E8DB84A1B2C3","auth":false,"fw":"20230913-112003/v1.14.0-gcb84623","longid":1,"num_outputs":1,"num_meters":1}')

# Ring Stick Up Cam
for n in ["fw.ring.com", "es.ring.com", "api.prod.signalling.ring.devices.a2z.com"]:
    H.tls(ringcam, n)

# Apple TV, HomePod mini, iPad
H.mdns_announce(appletv, "Living-Room", [
    ("_airplay._tcp", "Living Room", 7000, ["acl=0", "btaddr=00:00:00:00:00:00", "deviceid=90:DD:5D:1C:4E:7F", "features=0x4A7FDFD5,0xBC177FDE",
                                            "flags=0x18644", "gid=2C1A0B9E-7F6D-4C3B-A291-8E7D6C5B4A39", "igl=1", "gcgl=1", "model=AppleTV11,1",
                                            "protovers=1.1", "pi=9b0e1d2c-3a4f-4b5c-8d7e-6f5a4b3c2d1e", "psi=1A2B3C4D-5E6F-7A8B-9C0D-1E2F3A4B5C6D",
                                            "srcvers=720.5.1", "osvers=17.2", "vv=2"]),
    ("_raop._tcp", "90DD5D1C4E7F@Living Room", 7000, ["cn=0,1,2,3", "da=true", "et=0,3,5", "ft=0x4A7FDFD5,0xBC177FDE", "am=AppleTV11,1", "md=0,1,2", "sf=0x18644", "tp=UDP", "vn=65537", "vs=720.5.1", "ov=17.2"]),
    ("_companion-link._tcp", "Living Room", 49152, ["rpMac=0", "rpHN=5c4d3e2f1a0b", "rpFl=0x36782", "rpHA=0a1b2c3d4e5f", "rpMd=AppleTV11,1", "rpVr=510.19.2", "rpAD=6f5e4d3c2b1a", "rpHI=1b2c3d4e5f6a", "rpBA=1C:2D:3E:4F:5A:6B"]),
    ("_sleep-proxy._udp", "70-35-60-63.1 Living Room", 62703, [""])])
for n in ["captive.apple.com", "gateway.icloud.com", "play.itunes.apple.com", "tv.apple.com", "api-global.netflix.com"]:
    H.tls(appletv, n, alpn=["h2", "http/1.1"])

H.mdns_announce(homepod, "Kitchen", [
    ("_airplay._tcp", "Kitchen", 7000, ["acl=0", "deviceid=D4:61:9D:3A:C2:15", "features=0x4A7FCA00,0xBC354BD0", "flags=0x18644",
                                        "gid=2C1A0B9E-7F6D-4C3B-A291-8E7D6C5B4A39", "model=AudioAccessory5,1", "protovers=1.1",
                                        "srcvers=720.5.1", "osvers=17.2", "vv=2"]),
    ("_raop._tcp", "D4619D3AC215@Kitchen", 7000, ["cn=0,1,2,3", "da=true", "et=0,3,5", "am=AudioAccessory5,1", "md=0,1,2", "tp=UDP", "vn=65537", "vs=720.5.1", "ov=17.2"]),
    ("_companion-link._tcp", "Kitchen", 49153, ["rpMac=0", "rpHN=7e6d5c4b3a29", "rpFl=0x627B6", "rpHA=2b3c4d5e6f70", "rpMd=AudioAccessory5,1", "rpVr=510.19.2", "rpAD=8a9b0c1d2e3f", "rpHI=4f5e6d7c8b9a", "rpBA=5A:6B:7C:8D:9E:0F"]),
    ("_sleep-proxy._udp", "70-35-60-63.1 Kitchen", 61411, [""])])
for n in ["gateway.icloud.com", "api-glb-usw2c.smoot.apple.com", "guzzoni.apple.com", "mesu.apple.com"]:
    H.tls(homepod, n, alpn=["h2"])

H.http(ipad, "captive.apple.com", "/hotspot-detect.html", ua="CaptiveNetworkSupport-481.0.1 wispr",
       resp="HTTP/1.0 200 OK\r\n\r\n<HTML><HEAD><TITLE>Success</TITLE></HEAD><BODY>Success</BODY></HTML>")
H.mdns_announce(ipad, "Toms-iPad", [("_companion-link._tcp", "Tom\u2019s iPad", 49154,
                                     ["rpMac=0", "rpHN=3d4e5f6a7b8c", "rpFl=0x20000", "rpHA=6c7d8e9f0a1b", "rpVr=510.19.2", "rpAD=0b1c2d3e4f5a", "rpHI=9a8b7c6d5e4f", "rpBA=6E:5D:4C:3B:2A:19"])])
for n in ["gateway.icloud.com", "api.ring.com", "app-snaps.ring.com", "nexusapi-us1.camera.home.nest.com", "api.lifx.com", "api.ws.sonos.com"]:
    H.tls(ipad, n, alpn=["h2", "http/1.1"])

# Tapo P100 (KLAP over HTTP port 80 from the iPad's Tapo app) + cloud
for n in ["n-devs.tplinkcloud.com", "security.iot.i.tplinknbu.com"]:
    H.tls(tapo, n)
H.tcp(ipad, tapo.ip, 80, [("c", b"POST /app/handshake1 HTTP/1.1\r\nHost: 192.168.20.21\r\nContent-Type: application/octet-stream\r\nContent-Length: 16\r\n\r\n" + os.urandom(16)),
                          ("s", b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 48\r\nSet-Cookie: TP_SESSIONID=0A1B2C3D4E5F;TIMEOUT=86400\r\n\r\n" + os.urandom(48))],
      dst_mac=tapo.mac)

# Nest Cam IQ
for n in ["nexus.dropcam.com", "oculus519-vir.dropcam.com", "frontdoor.nest.com", "log-rts01-iad01.devices.nest.com"]:
    H.tls(nestcam, n)

for rnd in range(3):
    H.tick(60)
    for d, n in [(ringcam, "es.ring.com"), (nestcam, "nexus.dropcam.com"), (lifx, "v2.broker.lifx.co"), (shelly, "shelly-12-eu.shelly.cloud"),
                 (tapo, "n-devs.tplinkcloud.com"), (era, "msmetrics.ws.sonos.com"), (show, "bob-dispatch-prod-na.amazon.com")]:
        H.tls(d, n, resolve=False, n_data=2, port={"v2.broker.lifx.co": 56700, "shelly-12-eu.shelly.cloud": 6022}.get(n, 443))

H.write(os.path.join(os.path.dirname(os.path.abspath(__file__)), "home2_vlan.pcap"))
print(len(H.pkts), "packets")
