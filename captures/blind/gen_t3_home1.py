#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Home 1: German house, FRITZ!Box, video surveillance, printers, Home Connect/Miele/LG/Samsung appliances, solar."""
import os, sys, random, json
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from gen_t3_lib import *

H = Home('home1', '192.168.178', '2c:3a:fd:41:9e:02', seed=11)
R = H.router
truth = []
def T(d, vendor, typ, desc):
    truth.append(('home1', d.mac, d.ip, vendor, typ, desc))
T(R, 'AVM', 'router', 'FRITZ!Box 7590 router, DNS server')

# --- router announcements
H.ssdp_notify(R, 'FRITZ!Box 7590 UPnP/1.0 AVM FRITZ!Box 7590 154.07.57', 'http://192.168.178.1:49000/tr64desc.xml',
              ['upnp:rootdevice', 'urn:dslforum-org:device:InternetGatewayDevice:1', 'urn:schemas-upnp-org:device:InternetGatewayDevice:1'],
              '75802409-bccb-40e7-8e6c-2c3afd419e02', t=H.t0 + 5)
H.ssdp_notify(R, 'FRITZ!Box 7590 UPnP/1.0 AVM FRITZ!Box 7590 154.07.57', 'http://192.168.178.1:49000/tr64desc.xml',
              ['upnp:rootdevice'], '75802409-bccb-40e7-8e6c-2c3afd419e02', t=H.t0 + 185)

# --- FRITZ!Repeater
rep = H.dev('04:b4:fe:7a:10:33', 2, 'AVM')
T(rep, 'AVM', 'router', 'FRITZ!Repeater 2400 mesh repeater')
H.dhcp(rep, hostname='fritz.repeater', prl=(1, 3, 6, 12, 15, 28, 42, 33, 121), t=H.t0 + 1)
H.ssdp_notify(rep, 'FRITZ!Repeater 2400 UPnP/1.0 AVM FRITZ!Repeater 2400 154.07.57', 'http://192.168.178.2:49000/tr64desc.xml',
              ['upnp:rootdevice', 'urn:dslforum-org:device:InternetGatewayDevice:1'], 'e5c3a1d0-1f2a-4b3c-9d8e-04b4fe7a1033')

# --- Hikvision NVR + 2 cameras (static IPs, SADP)
def sadp_hello(d, desc, sn, chans=0, sw='V4.30.085 build 220606'):
    x = ('<?xml version="1.0" encoding="UTF-8"?><ProbeMatch><Uuid>%s</Uuid><Types>hello</Types><DeviceType>%d</DeviceType>'
         '<DeviceDescription>%s</DeviceDescription><DeviceSN>%s</DeviceSN><CommandPort>8000</CommandPort><HttpPort>80</HttpPort>'
         '<MAC>%s</MAC><IPv4Address>%s</IPv4Address><IPv4SubnetMask>255.255.255.0</IPv4SubnetMask><IPv4Gateway>192.168.178.1</IPv4Gateway>'
         '<IPv6Address>::</IPv6Address><IPv6Gateway>::</IPv6Gateway><IPv6MaskLen>64</IPv6MaskLen><DHCP>false</DHCP>'
         '<AnalogChannelNum>0</AnalogChannelNum><DigitalChannelNum>%d</DigitalChannelNum><SoftwareVersion>%s</SoftwareVersion>'
         '<DSPVersion>V5.0.0 build 220530</DSPVersion><BootTime>2024-05-20 08:11:02</BootTime><Encrypt>true</Encrypt>'
         '<ResetAbility>false</ResetAbility><DiskNumber>1</DiskNumber><Activated>true</Activated><PasswordResetAbility>true</PasswordResetAbility>'
         '<SupportHCPlatform>true</SupportHCPlatform><HCPlatformEnable>true</HCPlatformEnable></ProbeMatch>') % (
        '%08X-%04X-%04X-%04X-%012X' % (random.getrandbits(32), random.getrandbits(16), random.getrandbits(16), random.getrandbits(16), random.getrandbits(48)),
        random.choice([336724, 303]), desc, sn, d.mac.replace(':', '-'), d.ip, chans, sw)
    return x.encode()

nvr = H.dev('08:a1:89:5c:22:e1', 10, 'Hikvision')
T(nvr, 'Hikvision', 'nvr', 'Hikvision DS-7608NI-K2/8P NVR, Hik-Connect')
cam1 = H.dev('08:a1:89:6d:01:7a', 11, 'Hikvision')
T(cam1, 'Hikvision', 'camera', 'Hikvision DS-2CD2143G2-I camera recorded by NVR')
cam2 = H.dev('08:a1:89:6d:01:9c', 12, 'Hikvision')
T(cam2, 'Hikvision', 'camera', 'Hikvision DS-2CD2387G2-LU camera (NVR + Synology)')
for k in range(3):
    H.udp(nvr, '239.255.255.250', 37020, 37020, sadp_hello(nvr, 'DS-7608NI-K2/8P', 'DS-7608NI-K2/8P0820220101CCRRJ12345678WCVU', 8), t=H.t0 + 10 + 80 * k)
    H.udp(cam1, '239.255.255.250', 37020, 37020, sadp_hello(cam1, 'DS-2CD2143G2-I', 'DS-2CD2143G2-I20230311AAWRK12345601', 0, 'V5.7.3 build 220112'), t=H.t0 + 12 + 80 * k)
    H.udp(cam2, '239.255.255.250', 37020, 37020, sadp_hello(cam2, 'DS-2CD2387G2-LU', 'DS-2CD2387G2-LU20230602AAWRL23456789', 0, 'V5.7.10 build 220819'), t=H.t0 + 14 + 80 * k)
for c in (cam1, cam2):
    H.tcp(nvr, c.ip, 554, H.t0 + 30 + random.random() * 5,
          cpay=[('DESCRIBE rtsp://%s:554/Streaming/Channels/101 RTSP/1.0\r\nCSeq: 3\r\nUser-Agent: HikvisionRtspClient\r\nAccept: application/sdp\r\n\r\n' % c.ip).encode()],
          spay=[b'RTSP/1.0 200 OK\r\nCSeq: 3\r\nContent-Type: application/sdp\r\nServer: Hikvision/V5\r\n\r\n'], srv_mac=c.mac, bulk_down=300)
    H.ntp(c, 'pool.ntp.org')
H.tls(nvr, 'dev.hik-connect.com', port=443)
H.tls(nvr, 'litedev.hik-connect.com', port=443)
H.ntp(nvr, 'time.windows.com')
H.tcp(nvr, pubip('dev.hik-connect.com'), 6800, H.rt(60), bulk_up=120)  # stream relay
H.ssdp_notify(nvr, 'Linux/3.0.8, UPnP/1.0, Hikvision-Webs', 'http://192.168.178.10:80/upnpdevicedesc.xml',
              ['upnp:rootdevice', 'urn:schemas-upnp-org:device:Basic:1'], '49f1d0a3-4b5c-11ee-8000-08a1895c22e1')

# --- Reolink NVR
rnvr = H.dev('ec:71:db:3a:4f:10', 13, 'Reolink')
T(rnvr, 'Reolink', 'nvr', 'Reolink RLN8-410 NVR (cameras on its own PoE ports)')
H.dhcp(rnvr, hostname='RLN8-410', vendor='udhcp 1.24.2', prl=PRL_UDHCPC)
H.tls(rnvr, 'p2p.reolink.com', port=443)
H.tls(rnvr, 'pushx.reolink.com')
H.ntp(rnvr, 'pool.ntp.org')
H.udp(rnvr, '192.168.178.255', 2000, 2000, bytes.fromhex('aaaa0000') + b'RLN8-410' + bytes(20))
H.stream(rnvr, pubip('p2p.reolink.com'), 9000, n=150)

# --- Amcrest camera (Dahua OEM)
amc = H.dev('9c:8e:cd:1f:77:21', 14, 'Amcrest')
T(amc, 'Amcrest', 'camera', 'Amcrest IP4M-1051 PTZ camera, Amcrest Cloud')
H.dhcp(amc, hostname='IP4M-1051W', vendor='udhcp 1.20.2', prl=PRL_UDHCPC)
dh = json.dumps({"mac": amc.mac, "method": "client.notifyDevInfo", "params": {"deviceInfo": {
    "DeviceType": "IP4M-1051W", "DeviceClass": "IPC", "SerialNo": "AMC0123456789ABCDE", "Vendor": "Amcrest",
    "Version": "2.800.0000000.26.R", "IPv4Address": {"IPAddress": amc.ip, "DhcpEnable": True}, "HttpPort": 80, "Port": 37777}}})
pl = b'\x20\x00\x00\x00DHIP' + bytes(8) + struct.pack('<I', len(dh)) + bytes(4) + struct.pack('<I', len(dh)) + bytes(4) + dh.encode()
for k in range(2):
    H.udp(amc, '239.255.255.251', 37810, 37810, pl, t=H.t0 + 40 + 100 * k)
H.tls(amc, 'p2p.amcrestcloud.com')
H.tls(amc, 'upload.amcrestcloud.com', bulk_up=250)
H.ntp(amc, 'time.nist.gov')

# --- Brother laser printer
bro = H.dev('30:05:5c:8a:1b:2c', 20, 'Brother')
T(bro, 'Brother', 'printer', 'Brother HL-L2350DW laser printer')
H.dhcp(bro, hostname='BRW30055C8A1B2C', prl=(1, 3, 6, 15, 44, 46, 47, 12, 28))
btxt = ['txtvers=1', 'qtotal=1', 'pdl=application/octet-stream,image/urf,image/pwg-raster', 'rp=ipp/print',
        'ty=Brother HL-L2350DW series', 'product=(Brother HL-L2350DW series)', 'adminurl=http://BRW30055C8A1B2C.local./',
        'priority=25', 'usb_MFG=Brother', 'usb_MDL=HL-L2350DW series', 'Color=F', 'Duplex=T', 'URF=W8,CP1,IS4-1,MT1-3-4-5-8,OB10,PQ4,RS300-600,V1.4,DM1',
        'UUID=e3248000-80ce-11db-8000-30055c8a1b2c']
H.mdns_announce(bro, 'BRW30055C8A1B2C', [('Brother HL-L2350DW series', '_ipp._tcp', 631, btxt),
                                         ('Brother HL-L2350DW series', '_printer._tcp', 515, btxt[:8]),
                                         ('Brother HL-L2350DW series', '_pdl-datastream._tcp', 9100, btxt[:8]),
                                         ('Brother HL-L2350DW series', '_http._tcp', 80, [''])])

# --- Epson inkjet / scanner
eps = H.dev('38:1a:52:4e:90:5d', 21, 'Epson')
T(eps, 'Epson', 'printer', 'Epson EcoTank ET-2850 MFP (printer/scanner)')
H.dhcp(eps, hostname='EPSON4E905D', prl=(1, 3, 6, 12, 15, 44, 46, 47))
etxt = ['txtvers=1', 'ty=EPSON ET-2850 Series', 'usb_MFG=EPSON', 'usb_MDL=ET-2850 Series', 'product=(EPSON ET-2850 Series)',
        'pdl=application/octet-stream,image/pwg-raster,image/urf,image/jpeg', 'rp=ipp/print', 'Color=T', 'Duplex=T', 'note=',
        'adminurl=http://EPSON4E905D.local.:80/PRESENTATION/BONJOUR', 'UUID=cfe92100-67c4-11d4-a45f-381a524e905d']
H.mdns_announce(eps, 'EPSON4E905D', [('EPSON ET-2850 Series', '_ipp._tcp', 631, etxt),
                                     ('EPSON ET-2850 Series', '_uscan._tcp', 443, ['txtvers=1', 'ty=EPSON ET-2850 Series', 'vers=2.63', 'rs=eSCL', 'is=platen', 'cs=color,grayscale']),
                                     ('EPSON ET-2850 Series', '_scanner._tcp', 1865, ['txtvers=1', 'ty=EPSON ET-2850 Series', 'mfg=EPSON', 'mdl=ET-2850 Series'])])
H.tls(eps, 'www.epsonconnect.com')
H.tls(eps, 'epsonconnect-a.ws.epsonconnect.com')

# --- Canon inkjet
can = H.dev('18:0c:ac:73:2e:48', 22, 'Canon')
T(can, 'Canon', 'printer', 'Canon PIXMA TS8350 inkjet MFP')
H.dhcp(can, hostname='Canon732E48', prl=(1, 3, 6, 15, 12, 44))
ctxt = ['txtvers=1', 'ty=Canon TS8300 series', 'usb_MFG=Canon', 'usb_MDL=TS8300 series', 'product=(Canon TS8300 series)',
        'rp=ipp/print', 'pdl=application/octet-stream,image/urf,image/pwg-raster,image/jpeg', 'Color=T', 'Duplex=T', 'UUID=00000000-0000-1000-8000-180cac732e48']
H.mdns_announce(can, 'Canon732E48', [('Canon TS8300 series', '_ipp._tcp', 631, ctxt),
                                     ('Canon TS8300 series', '_uscan._tcp', 80, ['txtvers=1', 'ty=Canon TS8300 series', 'rs=eSCL']),
                                     ('Canon TS8300 series', '_canon-bjnp1._tcp', 8611, ['txtvers=1', 'mfg=Canon', 'mdl=TS8300 series'])])
H.tls(can, 'ij.start.canon')

# --- Ubuntu laptop printing/scanning via CUPS / sane-airscan
ubu = H.dev('f8:b1:56:c2:09:4d', 30, 'Dell')
T(ubu, 'Dell', 'computer', 'Dell XPS 13 Ubuntu 22.04, CUPS client prints to Brother, scans on Epson')
H.dhcp(ubu, hostname='mark-XPS-13-9310', prl=PRL_NM)
H.mdns_announce(ubu, 'mark-XPS-13-9310', [('mark-XPS-13-9310 [f8:b1:56:c2:09:4d]', '_workstation._tcp', 9, [''])])
H.mdns_query(ubu, ['_ipp._tcp.local', '_ipps._tcp.local', '_printer._tcp.local', '_pdl-datastream._tcp.local'])
H.mdns_query(ubu, ['_uscan._tcp.local', '_uscans._tcp.local', '_scanner._tcp.local'])
ipp = b'\x02\x00\x00\x02\x00\x00\x00\x01\x01G\x00\x12attributes-charset\x00\x05utf-8'
H.serve(bro, ubu, 631, req=b'POST /ipp/print HTTP/1.1\r\nContent-Length: 2048\r\nContent-Type: application/ipp\r\nHost: BRW30055C8A1B2C.local:631\r\nUser-Agent: CUPS/2.4.1 (Linux 6.5.0-14-generic; x86_64) IPP/2.0\r\nExpect: 100-continue\r\n\r\n' + ipp,
        resp=b'HTTP/1.1 100 Continue\r\n\r\n')
H.serve(eps, ubu, 80, req=b'GET /eSCL/ScannerCapabilities HTTP/1.1\r\nHost: EPSON4E905D.local\r\nUser-Agent: sane-airscan/0.99.27\r\n\r\n',
        resp=b'HTTP/1.1 200 OK\r\nServer: EPSON_Linux UPnP/1.0 Epson UPnP SDK/1.0\r\nContent-Type: text/xml\r\n\r\n<scan:ScannerCapabilities/>')
H.http(ubu, 'connectivity-check.ubuntu.com', '/', ua=None)
H.http(ubu, 'de.archive.ubuntu.com', '/ubuntu/dists/jammy-updates/InRelease', ua='Debian APT-HTTP/1.3 (2.4.11)')
H.tls(ubu, 'api.snapcraft.io')
H.tls(ubu, 'www.google.com')
H.tls(ubu, 'home.sma.de')

# --- MacBook printing via AirPrint
mac = H.dev('a4:83:e7:31:c8:0f', 31, 'Apple')
T(mac, 'Apple', 'computer', 'MacBook Pro 14 (macOS 14), AirPrint to Epson, Miele/Home Connect web')
H.dhcp(mac, hostname='Annas-MacBook-Pro', prl=PRL_MACOS, maxsize=1500)
H.mdns_query(mac, ['_ipp._tcp.local', '_ipps._tcp.local', '_airplay._tcp.local', '_raop._tcp.local', '_companion-link._tcp.local'])
H.mdns_announce(mac, 'Annas-MacBook-Pro', [('Annas MacBook Pro', '_companion-link._tcp', 49152, ['rpMac=1', 'rpHN=3c2d1f0a9b8e', 'rpFl=0x20000', 'rpHA=9e2b3d4a5f60', 'rpVr=510.81.1', 'rpAD=1a2b3c4d5e6f', 'rpHI=aa11bb22cc33', 'rpBA=3E:51:7B:2C:90:AF']),
                                             ('Annas MacBook Pro', '_device-info._tcp', 0, ['model=MacBookPro18,3', 'osxvers=23'])])
H.serve(eps, mac, 631, req=b'POST /ipp/print HTTP/1.1\r\nContent-Length: 1200\r\nContent-Type: application/ipp\r\nHost: EPSON4E905D.local:631\r\nUser-Agent: CUPS/2.3.4 (macOS 14.2.1; arm64) IPP/2.0\r\n\r\n' + ipp,
        resp=b'HTTP/1.1 100 Continue\r\n\r\n')
for n in ['gateway.icloud.com', 'api.smoot.apple.com', 'www.home-connect.com', 'www.miele.de', 'api.hik-connect.com', 'configuration.apple.com']:
    H.tls(mac, n)

# --- Windows PC running iVMS-4200 / SmartPSS
win = H.dev('fc:44:82:5e:13:a7', 40, 'Intel')
T(win, '-', 'computer', 'Windows 11 desktop (Intel NIC) running Hikvision iVMS-4200 and Dahua SmartPSS, prints to Canon')
H.dhcp(win, hostname='DESKTOP-4K7Q2BN', vendor='MSFT 5.0', prl=PRL_WIN, extra=[(81, b'\x00\x00\x00DESKTOP-4K7Q2BN')])
H.http(win, 'www.msftconnecttest.com', '/connecttest.txt', ua='Microsoft NCSI')
for n in ['settings-win.data.microsoft.com', 'login.live.com', 'api.hik-connect.com', 'apiieu.hik-connect.com', 'www.easy4ipcloud.com', 'ij.start.canon']:
    H.tls(win, n)
for k in range(2):
    H.udp(win, '239.255.255.250', 37020, 37020, ('<?xml version="1.0" encoding="utf-8"?><Probe><Uuid>%s</Uuid><Types>inquiry</Types></Probe>' % '9D2F1C3E-6A4B-4C1D-8E2F-00AA11BB22C%d' % k).encode(), t=H.t0 + 60 + 60 * k)
H.ssdp_msearch(win, 'urn:schemas-upnp-org:device:InternetGatewayDevice:1', ua=None)
H.udp(win, '239.255.255.250', 50123, 3702, b'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns:wsd="http://schemas.xmlsoap.org/ws/2005/04/discovery"><soap:Body><wsd:Probe><wsd:Types>wsdp:Device</wsd:Types></wsd:Probe></soap:Body></soap:Envelope>')
H.tcp(win, nvr.ip, 8000, H.rt(80), srv_mac=nvr.mac, bulk_down=120)  # live view from NVR
H.serve(can, win, 8611)

# --- iPhone (private MAC) with apps
iph = H.dev('6a:1f:c3:88:42:d0', 41)
T(iph, 'Apple', 'phone', 'iPhone 14 (private Wi-Fi address) with Hik-Connect, Ring, Nuki, ThinQ, Home Connect, Miele, SMA apps')
H.dhcp(iph, hostname='iPhone', prl=PRL_IOS, maxsize=1500)
H.mdns_query(iph, ['_homekit._tcp.local', '_airplay._tcp.local', '_companion-link._tcp.local', '_hap._tcp.local'])
for n in ['apiieu.hik-connect.com', 'api.ring.com', 'app-snaps.ring.com', 'api.nuki.io', 'aic-service.lgthinq.com', 'api.home-connect.com',
          'api.mcs3.miele.com', 'ennexos.sunnyportal.com', 'gateway.icloud.com', 'mask.icloud.com', 'api.wall-box.com', 'api.netatmo.com']:
    H.tls(iph, n)

# --- Samsung Galaxy S23 with SmartThings, Reolink, DMSS
gal = H.dev('fc:de:90:4b:6e:11', 42, 'Samsung')
T(gal, 'Samsung', 'phone', 'Samsung Galaxy S23 (Android 14) with SmartThings, Reolink, Amcrest, DMSS apps')
H.dhcp(gal, hostname='Galaxy-S23', vendor='android-dhcp-14', prl=PRL_ANDROID)
H.http(gal, 'connectivitycheck.gstatic.com', '/generate_204', ua='Dalvik/2.1.0 (Linux; U; Android 14; SM-S911B Build/UP1A.231005.007)')
for n in ['api.smartthings.com', 'client.smartthings.com', 'apis.reolink.com', 'p2p.reolink.com', 'app.amcrestcloud.com', 'www.easy4ipcloud.com',
          'ocfconnect-shard-eu01-euwest1.samsungiotcloud.com', 'play.googleapis.com', 'mtalk.google.com']:
    H.tls(gal, n)
H.tcp(gal, rnvr.ip, 9000, H.rt(90), srv_mac=rnvr.mac, bulk_down=100)

# --- Samsung washer (SmartThings)
was = H.dev('fc:de:90:a1:3c:5e', 50, 'Samsung')
T(was, 'Samsung', 'appliance', 'Samsung WW90T washing machine (SmartThings / OCF)')
H.dhcp(was, prl=(1, 3, 6, 15, 28), clientid=False)
H.tls(was, 'ocfconnect-shard-eu01-euwest1.samsungiotcloud.com', port=443, alpn=())
H.ntp(was, 'time.samsungcloudsolution.com')

# --- LG ThinQ fridge (LG Innotek module)
lgf = H.dev('f8:b9:5a:0e:42:91', 51, 'LG Innotek')
T(lgf, 'LG', 'appliance', 'LG InstaView fridge GSXV91BSAE, ThinQ')
H.dhcp(lgf, prl=(1, 3, 6, 15, 28, 42), clientid=False)
H.tls(lgf, 'route.lgthinq.com', port=46030, alpn=())
H.tls(lgf, 'common.lgthinq.com', alpn=())
H.tls(lgf, 'a3phael99lf879-ats.iot.eu-west-1.amazonaws.com', port=8883, alpn=())

# --- Bosch dishwasher (Home Connect)
bos = H.dev('68:a4:0e:1a:2b:3c', 52, 'BSH')
T(bos, 'Bosch', 'appliance', 'Bosch Serie 6 dishwasher SMV6ZCX49E, Home Connect')
hcid = 'BOSCH-SMV6ZCX49E-68A40E1A2B3C'
H.dhcp(bos, hostname=hcid, prl=PRL_ESPIDF)
H.mdns_announce(bos, hcid, [(hcid, '_homeconnect._tcp', 443, ['brand=BOSCH', 'type=Dishwasher', 'vib=SMV6ZCX49E', 'haId=' + hcid])])
H.tls(bos, 'prod.reu.rest.homeconnectegw.com', alpn=())

# --- Miele oven
mie = H.dev('00:1d:63:9a:44:10', 53, 'Miele')
T(mie, 'Miele', 'appliance', 'Miele H 7460 BP oven, Miele@home XKM3100W')
H.dhcp(mie, hostname='Miele-001D639A4410', prl=PRL_LWIP)
H.mdns_announce(mie, 'Miele-001D639A4410', [('Miele H 7460 BP', '_mieleathome._tcp', 80, ['txtvers=1', 'group=', 'path=/', 'security=1', 'pairing=false', 'devicetype=12', 'con=1', 'subtype=0', 's=0'])])
H.tls(mie, 'mcs3.miele.com', alpn=())

# --- Ring doorbell
ring = H.dev('9c:76:13:55:e0:2f', 60, 'Ring')
T(ring, 'Ring', 'camera', 'Ring Video Doorbell 4')
H.dhcp(ring, hostname='RingDoorbell-2f', prl=PRL_UDHCPC, vendor='udhcp 1.29.3')
H.tls(ring, 'fw.ring.com', alpn=())
H.tls(ring, 'es.ring.com', alpn=())
H.tls(ring, 'rs-eu-west-1.ring.com', alpn=(), bulk_up=220)

# --- Nuki Bridge
nuki = H.dev('54:d2:72:4c:9a:0b', 61, 'Nuki')
T(nuki, 'Nuki', 'hub', 'Nuki Bridge (BLE-Wi-Fi bridge for Nuki Smart Lock)')
H.dhcp(nuki, hostname='Nuki_Bridge_1A4C9A0B', prl=PRL_LWIP)
H.tls(nuki, 'bridge.nuki.io', alpn=())
H.serve(nuki, iph, 8080, req=b'GET /info?token=x HTTP/1.1\r\nHost: 192.168.178.61:8080\r\n\r\n', resp=b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{"bridgeType":1}')

# --- SMA Sunny Boy inverter
sma = H.dev('00:15:bb:2d:71:08', 62, 'SMA')
T(sma, 'SMA', '-', 'SMA Sunny Boy 5.0 PV inverter (Speedwire, Sunny Portal)')
H.dhcp(sma, hostname='SMA3012345678', prl=(1, 3, 6, 15, 28, 42))
spw = bytes.fromhex('534d4100000402a000000001000200000001')
for k in range(3):
    H.udp(sma, '239.12.255.254', 9522, 9522, bytes.fromhex('534d4100000402a00000000100260010606509a0ffffffffffff0000') + bytes.fromhex('7d00b6b97a3a0000'), t=H.t0 + 30 + 70 * k)
H.tls(sma, 'ennexos.sunnyportal.com', alpn=())
H.tls(sma, 'update.sunnyportal.de', alpn=())

# --- Wallbox EV charger
wb = H.dev('70:50:e7:5a:03:91', 63)
T(wb, 'Wallbox', '-', 'Wallbox Pulsar Plus EV charger')
H.dhcp(wb, hostname='WB123456', prl=PRL_UDHCPC)
H.tls(wb, 'wallbox-prod.wall-box.com', alpn=())
H.tls(wb, 'api.wall-box.com', alpn=())

# --- Kindle
kin = H.dev('fc:a1:83:7e:20:c4', 64, 'Amazon')
T(kin, 'Amazon', 'tablet', 'Kindle Paperwhite 11th gen e-reader')
H.dhcp(kin, hostname='kindle-7e20c4', prl=PRL_UDHCPC, vendor='udhcp 1.21.1')
H.http(kin, 'kindle-time.amazon.com', '/', ua='Mozilla/5.0 (X11; U; Linux armv7l like Android; en-us) AppleWebKit/531.2+ (KHTML, like Gecko) Version/5.0 Safari/533.2+ Kindle/3.0+')
for n in ['det-ta-g7g.amazon.com', 'todo-ta-g7g.amazon.com', 'device-messaging-na.amazon.com', 'kindle-wifi.amazon.com']:
    H.tls(kin, n)

# --- Synology NAS with Surveillance Station recording cam2
syn = H.dev('00:11:32:b4:5e:70', 65, 'Synology')
T(syn, 'Synology', 'nas', 'Synology DS920+ with Surveillance Station recording one Hikvision camera')
H.dhcp(syn, hostname='Schmidt-NAS', prl=PRL_DHCLIENT)
stxt = ['vendor=Synology', 'model=DS920+', 'serial=2150SBRXXXXX', 'version_major=7', 'version_minor=2', 'version_build=64570',
        'admin_port=5000', 'secure_admin_port=5001', 'mac_address=00:11:32:b4:5e:70']
H.mdns_announce(syn, 'Schmidt-NAS', [('Schmidt-NAS', '_http._tcp', 5000, stxt), ('Schmidt-NAS', '_smb._tcp', 445, ['']),
                                     ('Schmidt-NAS', '_device-info._tcp', 0, ['model=Xserve']), ('Schmidt-NAS', '_afpovertcp._tcp', 548, [''])])
H.tcp(syn, cam2.ip, 554, H.rt(40), cpay=[b'DESCRIBE rtsp://192.168.178.12/Streaming/Channels/101 RTSP/1.0\r\nCSeq: 2\r\nUser-Agent: Synology Surveillance Station\r\n\r\n'],
      spay=[b'RTSP/1.0 200 OK\r\nCSeq: 2\r\n\r\n'], srv_mac=cam2.mac, bulk_down=250)
for n in ['global.quickconnect.to', 'checkip.synology.com', 'update7.synology.com']:
    H.tls(syn, n)
H.serve(syn, mac, 445)
H.serve(syn, ubu, 5001)

# --- Netatmo weather station (reveals little)
net = H.dev('70:ee:50:3b:19:a6', 66, 'Netatmo')
T(net, 'Netatmo', 'sensor', 'Netatmo Smart Weather Station indoor module')
H.dhcp(net, prl=PRL_LWIP, clientid=False)
H.dns(net, 'netcom.netatmo.net')
H.tcp(net, pubip('netcom.netatmo.net'), 25050, H.rt(60), cpay=[bytes(120)], spay=[bytes(40)])

# ===== extra traps =====
hn2 = H.dev('04:03:12:8e:4a:61', 15, 'Hikvision')
T(hn2, 'Hikvision', 'nvr', 'Hikvision DS-7604NI-Q1/4P NVR in garage, no SADP seen (DHCP, Hik-Connect, serves RTSP/8000)')
H.dhcp(hn2, vendor='udhcp 1.19.4', prl=PRL_UDHCPC)
H.tls(hn2, 'litedev.hik-connect.com', alpn=())
H.serve(hn2, win, 8000)
H.tcp(win, hn2.ip, 554, H.rt(90), srv_mac=hn2.mac, bulk_down=120)

lgp = H.dev('f8:0c:f3:29:d4:7b', 43, 'LG Electronics')
T(lgp, 'LG', 'phone', 'LG V60 ThinQ phone (Android 13) with LG ThinQ app')
H.dhcp(lgp, hostname='LG-V60-ThinQ', vendor='android-dhcp-13', prl=PRL_ANDROID)
H.http(lgp, 'connectivitycheck.gstatic.com', '/generate_204', ua='Dalvik/2.1.0 (Linux; U; Android 13; LM-V600 Build/TKQ1.220829.002)')
for n in ['aic-service.lgthinq.com', 'common.lgthinq.com', 'play.googleapis.com']:
    H.tls(lgp, n)

msc = H.dev('40:b0:2f:61:0a:3e', 54, 'Miele')
T(msc, 'Miele', 'vacuum', 'Miele Scout RX2 robot vacuum')
H.dhcp(msc, hostname='Miele-Scout-RX2', prl=PRL_LWIP)
H.tls(msc, 'mcs3.miele.com', alpn=())

jet = H.dev('8c:79:f5:33:c1:08', 55, 'Samsung')
T(jet, 'Samsung', 'vacuum', 'Samsung Jet Bot AI+ robot vacuum (SmartThings)')
H.dhcp(jet, prl=(1, 3, 6, 15, 28), clientid=False)
H.tls(jet, 'ocfconnect-shard-eu01-euwest1.samsungiotcloud.com', alpn=())
H.tls(jet, 'vacuum-media-eu.samsungiotcloud.com', alpn=(), bulk_up=60)

H.write(os.path.join(HERE, 't3_home1.pcap'))
