#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Home 2: US house, Netgear Orbi, solar/EV/heat pump, 3D printers, game consoles, TVs, NAS, MikroTik AP."""
import os, sys, random, json
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from gen_t3_lib import *

H = Home('home2', '10.0.0', '9c:c9:eb:20:41:70', seed=22)
R = H.router
truth = []
def T(d, vendor, typ, desc):
    truth.append(('home2', d.mac, d.ip, vendor, typ, desc))
T(R, 'Netgear', 'router', 'Netgear Orbi RBR750 router, DNS server')
H.ssdp_notify(R, 'Linux/4.4.60, UPnP/1.0, Portable SDK for UPnP devices/1.6.22', 'http://10.0.0.1:5555/rootDesc.xml',
              ['upnp:rootdevice', 'urn:schemas-upnp-org:device:InternetGatewayDevice:1'], '824ff22b-8c7d-41c5-a131-9cc9eb204170', t=H.t0 + 3)

sat = H.dev('9c:c9:eb:20:41:9a', 2, 'Netgear')
T(sat, 'Netgear', 'router', 'Orbi RBS750 satellite')
H.dhcp(sat, hostname='RBS750', prl=PRL_UDHCPC, vendor='udhcp 1.14.4', t=H.t0 + 1)
H.ssdp_notify(sat, 'Linux/4.4.60, UPnP/1.0, Portable SDK for UPnP devices/1.6.22', 'http://10.0.0.2:5555/rootDesc.xml',
              ['upnp:rootdevice'], '824ff22b-8c7d-41c5-a131-9cc9eb20419a')

# --- Enphase IQ Gateway
env = H.dev('00:1d:c0:6a:33:12', 10, 'Enphase')
T(env, 'Enphase', '-', 'Enphase IQ Gateway (Envoy) solar monitor')
H.dhcp(env, hostname='envoy', prl=PRL_UDHCPC, vendor='udhcp 1.30.1')
H.mdns_announce(env, 'envoy', [('Envoy-122233445566', '_enphase-envoy._tcp', 80, ['txtvers=1', 'serialnum=122233445566', 'protovers=7.6.175', 'fwbuild=1678950000'])])
H.tls(env, 'envoy.enphaseenergy.com', alpn=())
H.tls(env, 'entrez.enphaseenergy.com', alpn=())

# --- SolarEdge inverter (reveals little)
se = H.dev('84:d6:c5:01:7e:4b', 11, 'SolarEdge')
T(se, 'SolarEdge', '-', 'SolarEdge SE7600H inverter')
H.dhcp(se, prl=PRL_LWIP, clientid=False)
ip, t = H.dns(se, 'prod.solaredge.com')
H.tcp(se, ip, 22222, t, cpay=[bytes(300)], spay=[bytes(64)])

# --- Fronius inverter
fro = H.dev('00:03:ac:3f:91:24', 12, 'Fronius')
T(fro, 'Fronius', '-', 'Fronius Primo GEN24 inverter, Solar.web')
H.dhcp(fro, hostname='Fronius-GEN24', prl=PRL_UDHCPC)
H.tls(fro, 'www.solarweb.com', alpn=())
H.tls(fro, 'fdmweb.fronius.com', alpn=())
H.serve(fro, sat, 80)

# --- Tesla Wall Connector + car
twc = H.dev('0c:29:8f:8b:11:40', 13, 'Tesla')
T(twc, 'Tesla', '-', 'Tesla Wall Connector Gen 3 (EV charger)')
H.dhcp(twc, hostname='TeslaWallConnector_8B1140', prl=PRL_ESPIDF)
H.tls(twc, 'hermes-prd.vn.tesla.services', alpn=())
car = H.dev('4c:fc:aa:0d:52:7e', 14, 'Tesla')
T(car, 'Tesla', 'vehicle', 'Tesla Model Y in garage, downloading firmware')
H.dhcp(car, hostname='tesla', prl=PRL_DHCLIENT)
H.tls(car, 'hermes-stream-prd.vn.tesla.services', alpn=())
H.tls(car, 'firmware.vn.teslamotors.com', alpn=(), bulk_down=400)
H.tls(car, 'maps-prd.vn.tesla.services', alpn=())

# --- Daikin heat pump Wi-Fi adapter
dai = H.dev('00:80:4f:2c:7b:19', 15, 'Daikin')
T(dai, 'Daikin', 'appliance', 'Daikin Altherma heat pump / split AC with BRP069B45 Wi-Fi adapter')
H.dhcp(dai, hostname='DaikinAP47119', prl=PRL_LWIP)
H.tls(dai, 'dsiot.daikineurope.com', alpn=())
H.serve(dai, sat, 80)

# --- Worx Landroid mower (Espressif)
wx = H.dev('24:0a:c4:9e:5a:01', 16, 'Espressif')
T(wx, 'Worx', '-', 'Worx Landroid robot lawn mower')
H.dhcp(wx, hostname='Landroid-9E5A01', prl=PRL_ESPIDF)
H.tls(wx, 'api.worxlandroid.com', alpn=())
H.tls(wx, 'iot.eu-west-1.worxlandroid.com', port=8883, alpn=())

# --- Prusa MK4
pru = H.dev('10:9c:70:42:6a:3d', 17, 'Prusa')
T(pru, 'Prusa', '-', 'Original Prusa MK4 3D printer, PrusaLink/Prusa Connect')
H.dhcp(pru, hostname='prusa-mk4', prl=PRL_LWIP)
H.tls(pru, 'connect.prusa3d.com', alpn=())
H.serve(pru, None or sat, 80)

# --- Bambu Lab P1S
bam = H.dev('08:3a:f2:61:b4:c8', 18, 'Espressif')
T(bam, 'Bambu Lab', '-', 'Bambu Lab P1S 3D printer')
H.dhcp(bam, hostname='P1S-01P00C431200345', prl=PRL_ESPIDF)
for k in range(4):
    msg = ('NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nServer: UPnP/1.0\r\nLocation: 10.0.0.18\r\nNT: urn:bambulab-com:device:3dprinter:1\r\n'
           'USN: 01P00C431200345\r\nCache-Control: max-age=1800\r\nDevModel.bambu.com: C12\r\nDevName.bambu.com: P1S Garage\r\nDevSignal.bambu.com: -51\r\n'
           'DevConnect.bambu.com: cloud\r\nDevBind.bambu.com: occupied\r\nDevseclink.bambu.com: secure\r\nDevVersion.bambu.com: 01.06.00.00\r\n\r\n')
    H.udp(bam, '10.0.0.255', 1900, 2021, msg.encode(), t=H.t0 + 20 + 55 * k)
H.tls(bam, 'us.mqtt.bambulab.com', port=8883, alpn=())
H.tls(bam, 'api.bambulab.com', alpn=())

# --- Raspberry Pi with OctoPrint
opi = H.dev('dc:a6:32:5b:0e:77', 19, 'Raspberry')
T(opi, 'Raspberry Pi', '-', 'Raspberry Pi 4 running OctoPi (OctoPrint) driving an Ender 3')
H.dhcp(opi, hostname='octopi', vendor='dhcpcd-9.4.1:Linux-6.1.21-v8+:aarch64:BCM2835', prl=PRL_DHCPCD)
H.mdns_announce(opi, 'octopi', [('OctoPrint instance on octopi', '_octoprint._tcp', 80, ['path=/', 'version=1.9.3', 'api=0.1', 'model=Ender-3 V2', 'vendor=Creality']),
                                ('OctoPrint instance on octopi', '_http._tcp', 80, ['path=/']),
                                ('octopi', '_ssh._tcp', 22, [''])])
H.http(opi, 'plugins.octoprint.org', '/plugins.json', ua='OctoPrint/1.9.3 (python-requests/2.31.0)')
H.tls(opi, 'api.github.com')
H.tls(opi, 'pypi.org')

# --- PS5
ps5 = H.dev('f8:46:1c:3e:0a:56', 20, 'Sony Interactive')
T(ps5, 'Sony', 'game-console', 'PlayStation 5')
H.dhcp(ps5, prl=(1, 3, 6, 15, 28, 33))
for n in ['ps5.np.playstation.net', 'auth.api.playstation.com', 'gs2.ww.prod.dl.playstation.net', 'psnprofile.playstation.net']:
    H.tls(ps5, n)
H.tls(ps5, 'gs2.ww.prod.dl.playstation.net', bulk_down=300)

# --- Xbox Series X
xbx = H.dev('7c:1e:52:4f:90:e2', 21, 'Microsoft')
T(xbx, 'Microsoft', 'game-console', 'Xbox Series X')
H.dhcp(xbx, hostname='XboxOne', vendor='MSFT 5.0', prl=(1, 3, 6, 15, 31, 33, 43, 44, 46, 47, 119, 121, 249, 252))
for n in ['xsts.auth.xboxlive.com', 'title.mgt.xboxlive.com', 'userpresence.xboxlive.com', 'assets1.xboxlive.com']:
    H.tls(xbx, n)
H.ssdp_msearch(xbx, 'urn:schemas-upnp-org:device:InternetGatewayDevice:1')

# --- Nintendo Switch
nsw = H.dev('98:41:5c:a3:27:1d', 22, 'Nintendo')
T(nsw, 'Nintendo', 'game-console', 'Nintendo Switch OLED')
H.dhcp(nsw, prl=(1, 3, 6, 15, 28, 33))
H.http(nsw, 'conntest.nintendowifi.net', '/', ua=None)
H.http(nsw, 'ctest.cdn.nintendo.net', '/', ua=None)
H.tls(nsw, 'dauth-lp1.ndas.srv.nintendo.net', alpn=())
H.tls(nsw, 'atum.hac.lp1.d4c.nintendo.net', alpn=())

# --- Steam Deck
deck = H.dev('e0:31:9e:11:2c:88', 23, 'Valve')
T(deck, 'Valve', 'game-console', 'Steam Deck OLED (handheld gaming PC, SteamOS)')
H.dhcp(deck, hostname='steamdeck', prl=PRL_NM)
H.http(deck, 'test.steampowered.com', '/', ua=None)
for n in ['api.steampowered.com', 'steamdeck-images.steamos.cloud', 'client-update.akamai.steamstatic.com', 'cm1-iad1.cm.steampowered.com']:
    H.tls(deck, n)

# --- Windows gaming laptop with Xbox app, Steam, slicers, Enphase web
lap = H.dev('f0:d5:bf:7a:61:0c', 24, 'Intel')
T(lap, 'Lenovo', 'computer', 'Lenovo Legion laptop Windows 11 (Intel Wi-Fi) with Xbox app, Steam, Bambu Studio, PrusaSlicer')
H.dhcp(lap, hostname='LEGION-5I', vendor='MSFT 5.0', prl=PRL_WIN, extra=[(81, b'\x00\x00\x00LEGION-5I')])
H.http(lap, 'www.msftconnecttest.com', '/connecttest.txt', ua='Microsoft NCSI')
for n in ['xsts.auth.xboxlive.com', 'title.mgt.xboxlive.com', 'api.steampowered.com', 'api.bambulab.com', 'us.mqtt.bambulab.com',
          'connect.prusa3d.com', 'enlighten.enphaseenergy.com', 'login.live.com', 'playstation.com']:
    H.tls(lap, n)
H.serve(opi, lap, 80, req=b'GET /api/printer HTTP/1.1\r\nHost: octopi.local\r\nUser-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0\r\n\r\n',
        resp=b'HTTP/1.1 200 OK\r\nServer: TornadoServer/6.2\r\n\r\n')
H.tcp(lap, bam.ip, 990, H.rt(60), srv_mac=bam.mac, bulk_up=80)  # FTPS upload of a print
H.ssdp_msearch(lap, 'urn:bambulab-com:device:3dprinter:1')
H.udp(lap, '239.255.255.250', 50200, 3702, b'<?xml version="1.0" encoding="utf-8"?><soap:Envelope><soap:Body><wsd:Probe><wsd:Types>wsdp:Device</wsd:Types></wsd:Probe></soap:Body></soap:Envelope>')

# --- Hisense VIDAA TV
his = H.dev('08:ba:5f:63:c1:0e', 25, 'Hisense')
T(his, 'Hisense', 'tv', 'Hisense 55A6 VIDAA U6 TV')
H.dhcp(his, hostname='HisenseTV', prl=PRL_UDHCPC, vendor='udhcp 1.31.1')
H.ssdp_notify(his, 'Linux/4.9.118 UPnP/1.0 Hisense-DLNA/1.0', 'http://10.0.0.25:56790/dd.xml',
              ['upnp:rootdevice', 'urn:dial-multiscreen-org:service:dial:1', 'urn:schemas-upnp-org:device:MediaRenderer:1'], '1cfe9d8a-0000-1000-8000-08ba5f63c10e')
for n in ['api.vidaahub.com', 'auth.vidaahub.com', 'www.netflix.com', 'api-global.netflix.com']:
    H.tls(his, n)

# --- TCL Google TV
tcl = H.dev('00:1c:50:8e:33:f1', 26, 'TCL')
T(tcl, 'TCL', 'tv', 'TCL 55C745 Google TV')
H.dhcp(tcl, hostname='TCL-55C745', vendor='android-dhcp-11', prl=PRL_ANDROID)
H.mdns_announce(tcl, '8e33f1a2-tcl', [('Google-TV-8e33f1a2c4', '_googlecast._tcp', 8009,
                                       ['id=8e33f1a2c4d5e6f708192a3b4c5d6e7f', 'cd=12AB34CD56EF', 'rm=', 've=05', 'md=Smart TV Pro', 'ic=/setup/icon.png', 'fn=Living Room TV', 'ca=465413', 'st=0', 'bs=FA8FCA4A5B6C', 'nf=1', 'rs='])])
for n in ['android.clients.google.com', 'www.googleapis.com', 'tcl-channel.com', 'api.tcl-channel.com']:
    H.tls(tcl, n)

# --- Vizio TV
viz = H.dev('00:bd:3e:29:aa:07', 27, 'Vizio')
T(viz, 'Vizio', 'tv', 'Vizio M55Q7-J01 SmartCast TV')
H.dhcp(viz, hostname='Vizio-SmartCast', prl=PRL_UDHCPC)
H.mdns_announce(viz, 'Vizio-SmartCast', [('Living Room Vizio', '_googlecast._tcp', 8009, ['id=5d0a2b1c3e4f', 've=05', 'md=M55Q7-J01', 'fn=Living Room Vizio', 'ca=2052', 'st=0', 'rs=']),
                                         ('Living Room Vizio', '_viziocast._tcp', 7345, ['mdl=M55Q7-J01', 'path=/'])])
H.ssdp_notify(viz, 'Linux/4.9 UPnP/1.0 Vizio/1.0', 'http://10.0.0.27:8008/ssdp/device-desc.xml',
              ['urn:dial-multiscreen-org:service:dial:1'], '5d0a2b1c-3e4f-0000-0000-00bd3e29aa07')
for n in ['tvapi.vizio.com', 'scfs.vizio.com', 'ads.inscape.tv']:
    H.tls(viz, n)

# --- Chamberlain myQ
myq = H.dev('64:52:99:c0:7d:35', 28, 'Chamberlain')
T(myq, 'Chamberlain', '-', 'Chamberlain myQ smart garage door opener')
H.dhcp(myq, hostname='MyQ-D35', prl=PRL_LWIP)
H.tls(myq, 'devices.myq-cloud.com', alpn=())

# --- Pixel 8 phone with many IoT apps (randomized MAC)
pix = H.dev('ae:3b:77:d0:12:9f', 30)
T(pix, 'Google', 'phone', 'Pixel 8 (randomized MAC) with Enphase, Tesla, myQ, Worx, Bambu Handy, Daikin, PlayStation apps')
H.dhcp(pix, hostname='Pixel-8', vendor='android-dhcp-14', prl=PRL_ANDROID)
H.http(pix, 'connectivitycheck.gstatic.com', '/generate_204', ua='Dalvik/2.1.0 (Linux; U; Android 14; Pixel 8 Build/AP1A.240305.019.A1)')
for n in ['enlighten.enphaseenergy.com', 'owner-api.teslamotors.com', 'auth.tesla.com', 'partner-identity.myq-cloud.com', 'api.worxlandroid.com',
          'api.bambulab.com', 'api.onecta.daikineurope.com', 'ca.account.sony.com', 'web.np.playstation.com', 'mtalk.google.com']:
    H.tls(pix, n)

# --- QNAP NAS
qn = H.dev('24:5e:be:4a:2b:1c', 31, 'QNAP')
T(qn, 'QNAP', 'nas', 'QNAP TS-453D NAS')
H.dhcp(qn, hostname='NAS4A2B1C', prl=PRL_DHCLIENT)
H.mdns_announce(qn, 'NAS4A2B1C', [('NAS4A2B1C', '_qdiscover._tcp', 8080, ['accessType=https', 'accessPort=443', 'model=TS-X53D', 'displayModel=TS-453D', 'fwVer=5.1.4', 'fwBuildNum=20231128']),
                                  ('NAS4A2B1C', '_http._tcp', 8080, ['path=/']), ('NAS4A2B1C', '_smb._tcp', 445, ['']),
                                  ('NAS4A2B1C', '_device-info._tcp', 0, ['model=Xserve'])])
for n in ['update.qnap.com', 'api.myqnapcloud.com', 'download.qnap.com']:
    H.tls(qn, n)
H.serve(qn, lap, 445)

# --- MikroTik hAP ac2 as access point
mt = H.dev('dc:2c:6e:4f:0a:81', 3, 'Routerboard')
T(mt, 'MikroTik', 'router', 'MikroTik hAP ac2 used as extra access point (MNDP)')
def tlv(t, v):
    return struct.pack('!HH', t, len(v)) + v
mndp = (b'\x00\x00\x00\x01' + tlv(1, bytes.fromhex('dc2c6e4f0a81')) + tlv(5, b'MikroTik-Garage') + tlv(7, b'6.49.10 (long-term)') +
        tlv(8, b'MikroTik') + tlv(10, struct.pack('<I', 864000)) + tlv(11, b'ABCD-1234') + tlv(12, b'RBD52G-5HacD2HnD') + tlv(14, b'\x00') +
        tlv(16, b'bridge') + tlv(17, bytes([10, 0, 0, 3])))
H.dhcp(mt, hostname='MikroTik-Garage', prl=(1, 3, 6, 15, 42, 28))
for k in range(4):
    H.udp(mt, '255.255.255.255', 5678, 5678, mndp, t=H.t0 + 15 + 60 * k, dst_mac='ff:ff:ff:ff:ff:ff')
H.tls(mt, 'upgrade.mikrotik.com', alpn=())
H.ntp(mt, 'time.cloudflare.com')

# --- Ecowitt GW1100 weather station gateway (Espressif)
eco = H.dev('c8:2b:96:0f:3a:7e', 32, 'Espressif')
T(eco, 'Ecowitt', 'sensor', 'Ecowitt GW1100 weather station gateway, uploads to Wunderground/ecowitt.net')
H.dhcp(eco, hostname='GW1100A-WIFI3A7E', prl=PRL_LWIP)
H.http(eco, 'rtupdate.wunderground.com', '/weatherstation/updateweatherstation.php?ID=KTXAUSTI123&PASSWORD=xxx&tempf=71.2&humidity=48&baromin=29.92&dateutc=now&softwaretype=GW1100A_V2.3.1&action=updateraw', ua=None)
H.http(eco, 'api.ecowitt.net', '/data/report/', method='POST', body=b'PASSKEY=AB12&stationtype=GW1100A_V2.3.1&model=GW1100A&tempinf=71.2', extra_hdr='Content-Type: application/x-www-form-urlencoded\r\n')

# ===== extra traps =====
# Dahua XVR (DVR) serving 37777/554
xvr = H.dev('08:ed:ed:52:a0:19', 40, 'Dahua')
T(xvr, 'Dahua', 'nvr', 'Dahua XVR5108HS-I3 8-ch DVR (analog HD cameras), DMSS/easy4ip')
H.dhcp(xvr, hostname='XVR5108HS-I3', vendor='udhcp 1.20.2', prl=PRL_UDHCPC)
dh = json.dumps({"mac": xvr.mac, "method": "client.notifyDevInfo", "params": {"deviceInfo": {
    "DeviceType": "XVR5108HS-I3", "DeviceClass": "XVR", "SerialNo": "7J0A1B2CDE3F4G5", "Vendor": "General",
    "Version": "4.001.0000000.2.R", "IPv4Address": {"IPAddress": xvr.ip, "DhcpEnable": True}, "HttpPort": 80, "Port": 37777}}})
pl = b'\x20\x00\x00\x00DHIP' + bytes(8) + struct.pack('<I', len(dh)) + bytes(4) + struct.pack('<I', len(dh)) + bytes(4) + dh.encode()
for k in range(2):
    H.udp(xvr, '239.255.255.251', 37810, 37810, pl, t=H.t0 + 45 + 100 * k)
H.tls(xvr, 'www.easy4ipcloud.com', alpn=())
H.serve(xvr, lap, 37777)
H.tcp(lap, xvr.ip, 554, H.rt(70), srv_mac=xvr.mac, bulk_down=150)

# Amcrest NVR
anvr = H.dev('a0:60:32:0b:5d:e4', 41, 'Amcrest')
T(anvr, 'Amcrest', 'nvr', 'Amcrest NV4108E-HS 8-ch NVR')
H.dhcp(anvr, hostname='NV4108E-HS', vendor='udhcp 1.20.2', prl=PRL_UDHCPC)
H.tls(anvr, 'p2p.amcrestcloud.com', alpn=())
H.serve(anvr, pix, 37777)
H.serve(anvr, lap, 554)

# Raspberry Pi CUPS print server sharing a USB laser printer
cps = H.dev('e4:5f:01:3a:91:c2', 42, 'Raspberry')
T(cps, 'Raspberry Pi', 'computer', 'Raspberry Pi 3 running CUPS, shares a USB HP LaserJet 1020 via AirPrint')
H.dhcp(cps, hostname='printserver', vendor='dhcpcd-9.4.1:Linux-6.1.21-v7+:armv7l:BCM2835', prl=PRL_DHCPCD)
ctx = ['txtvers=1', 'qtotal=1', 'rp=printers/HP_LaserJet_1020', 'ty=HP LaserJet 1020, hpcups 3.22.10', 'adminurl=https://printserver.local:631/printers/HP_LaserJet_1020',
       'note=Office', 'priority=0', 'product=(HP LaserJet 1020)', 'pdl=application/octet-stream,application/pdf,application/postscript,image/jpeg,image/png,image/pwg-raster,image/urf',
       'UUID=8c1f0a2b-3c4d-3e5f-7a8b-9c0d1e2f3a4b', 'TLS=1.2', 'URF=DM3', 'Color=F', 'Duplex=F', 'printer-state=3', 'printer-type=0x801046']
H.mdns_announce(cps, 'printserver', [('HP LaserJet 1020 @ printserver', '_ipp._tcp', 631, ctx),
                                     ('HP LaserJet 1020 @ printserver', '_ipps._tcp', 631, ctx),
                                     ('printserver', '_ssh._tcp', 22, [''])])
H.serve(cps, lap, 631, req=b'POST /printers/HP_LaserJet_1020 HTTP/1.1\r\nHost: printserver.local:631\r\nContent-Type: application/ipp\r\nUser-Agent: Microsoft-Windows/10.0 IPP/2.0\r\n\r\n',
        resp=b'HTTP/1.1 100 Continue\r\nServer: CUPS/2.4 IPP/2.1\r\n\r\n')
H.http(cps, 'raspbian.raspberrypi.org', '/raspbian/dists/bookworm/InRelease', ua='Debian APT-HTTP/1.3 (2.6.1)')

# Mac mini sharing a USB printer
mm = H.dev('fc:e9:98:21:7c:30', 43, 'Apple')
T(mm, 'Apple', 'computer', 'Mac mini M2 sharing a USB Brother printer (macOS Printer Sharing)')
H.dhcp(mm, hostname='Office-Mac-mini', prl=PRL_MACOS, maxsize=1500)
mtx = ['txtvers=1', 'qtotal=1', 'rp=printers/Brother_HL_L2300D_series', 'ty=Brother HL-L2300D series', 'product=(Brother HL-L2300D series)',
       'usb_MFG=Brother', 'usb_MDL=HL-L2300D series', 'pdl=application/octet-stream,application/pdf,application/postscript,image/jpeg,image/png,image/pwg-raster,image/urf',
       'UUID=6a3e8c2d-1b4f-3a9e-6b2c-8d7e1f0a2c4b', 'TLS=1.2', 'printer-type=0x480900E', 'air=username,password']
H.mdns_announce(mm, 'Office-Mac-mini', [('Brother HL-L2300D series @ Office-Mac-mini', '_ipp._tcp', 631, mtx),
                                        ('Office Mac mini', '_companion-link._tcp', 49152, ['rpMac=1', 'rpVr=510.81.1', 'rpFl=0x20000']),
                                        ('Office Mac mini', '_device-info._tcp', 0, ['model=Mac14,3', 'osxvers=23']),
                                        ('Office Mac mini', '_smb._tcp', 445, [''])])
for n in ['gateway.icloud.com', 'api.bambulab.com', 'connect.prusa3d.com']:
    H.tls(mm, n)

# Sony Xperia phone with PlayStation app (Sony Corporation OUI)
xp = H.dev('40:40:a7:5e:21:9b', 44, 'Sony')
T(xp, 'Sony', 'phone', 'Sony Xperia 1 V (Android 14) with PlayStation App and PS Remote Play')
H.dhcp(xp, hostname='Xperia-1-V', vendor='android-dhcp-14', prl=PRL_ANDROID)
H.http(xp, 'connectivitycheck.gstatic.com', '/generate_204', ua='Dalvik/2.1.0 (Linux; U; Android 14; XQ-DQ72 Build/68.1.A.2.53)')
for n in ['web.np.playstation.com', 'ca.account.sony.com', 'ps5.np.playstation.net', 'mtalk.google.com']:
    H.tls(xp, n)
H.udp(xp, '10.0.0.255', 50400, 9302, b'SRCH * HTTP/1.1\ndevice-discovery-protocol-version:00030010\n')
H.tcp(xp, ps5.ip, 9295, H.rt(80), srv_mac=ps5.mac, bulk_down=150)

# Samsung Galaxy Watch 6 (Wear OS) on Wi-Fi
gwt = H.dev('10:30:47:9c:0e:6a', 45, 'Samsung')
T(gwt, 'Samsung', 'wearable', 'Samsung Galaxy Watch6 (Wear OS 4) on Wi-Fi')
H.dhcp(gwt, hostname='Galaxy-Watch6-0E6A', vendor='android-dhcp-13', prl=PRL_ANDROID)
H.http(gwt, 'connectivitycheck.gstatic.com', '/generate_204', ua='Dalvik/2.1.0 (Linux; U; Android 13; SM-R930 Build/TP1A.220624.014)')
for n in ['android.clients.google.com', 'api.samsunghealth.com']:
    H.tls(gwt, n)

# Meta Quest 3 VR headset
mq = H.dev('c0:dd:8a:47:13:f5', 46, 'Meta')
T(mq, 'Meta', 'game-console', 'Meta Quest 3 VR headset (Android-based)')
H.dhcp(mq, hostname='Quest-3', vendor='android-dhcp-12', prl=PRL_ANDROID)
H.http(mq, 'connectivitycheck.gstatic.com', '/generate_204', ua='Dalvik/2.1.0 (Linux; U; Android 12; Quest 3 Build/SQ3A.220605.009.A1)')
for n in ['graph.oculus.com', 'securecdn.oculus.com', 'graph.meta.com']:
    H.tls(mq, n)

H.write(os.path.join(HERE, 't3_home2.pcap'))
