#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Home 3: Synology router, many same-brand devices of different types (Amazon, Google, Apple, Samsung, LG, Garmin, HP, Epson, Canon),
NVRs (Lorex, Uniview), Hikvision intercom, baby monitor, lock bridge, sprinkler, garage, weather station."""
import os, sys, random, json
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from gen_t3_lib import *

H = Home('home3', '192.168.50', '00:11:32:c7:10:01', seed=33)
R = H.router
check_oui(R.mac, 'Synology')
truth = []
def T(d, vendor, typ, desc):
    truth.append(('home3', d.mac, d.ip, vendor, typ, desc))
T(R, 'Synology', 'router', 'Synology RT6600ax router (SRM), DNS server')
H.mdns_announce(R, 'SynologyRouter', [('SynologyRouter', '_http._tcp', 8000, ['vendor=Synology', 'model=RT6600ax', 'version_major=1', 'version_minor=3', 'version_build=9346', 'admin_port=8000', 'secure_admin_port=8001'])], t=H.t0 + 2)
for n in ['checkip.synology.com', 'global.quickconnect.to', 'update.synology.com']:
    H.tls(R, n)
ANDR_UA = 'Dalvik/2.1.0 (Linux; U; Android %s; %s Build/%s)'

# ---------- printers / imaging ----------
hpp = H.dev('fc:15:b4:a1:b2:c3', 20, 'Hewlett')
T(hpp, 'HP', 'printer', 'HP OfficeJet Pro 9015e MFP')
H.dhcp(hpp, hostname='HPA1B2C3', prl=(1, 3, 6, 15, 44, 46, 47, 12, 81))
htxt = ['txtvers=1', 'qtotal=1', 'rp=ipp/print', 'ty=HP OfficeJet Pro 9010 series', 'product=(HP OfficeJet Pro 9010 series)', 'usb_MFG=HP',
        'usb_MDL=OfficeJet Pro 9010 series', 'pdl=application/vnd.hp-PCL,image/jpeg,image/urf,image/pwg-raster', 'Color=T', 'Duplex=T',
        'UUID=1c852a4d-b800-1f08-abcd-fc15b4a1b2c3', 'mopria-certified=2.0']
H.mdns_announce(hpp, 'HPA1B2C3', [('HP OfficeJet Pro 9010 series [A1B2C3]', '_ipp._tcp', 631, htxt),
                                 ('HP OfficeJet Pro 9010 series [A1B2C3]', '_uscan._tcp', 8080, ['txtvers=1', 'ty=HP OfficeJet Pro 9010 series', 'rs=eSCL']),
                                 ('HP OfficeJet Pro 9010 series [A1B2C3]', '_http._tcp', 80, [''])])
H.tls(hpp, 'xmpp007.hpeprint.com', port=5223, alpn=())
H.tls(hpp, 'ccc.hpeprint.com', alpn=())

hpd = H.dev('fc:3f:db:62:08:4e', 21, 'Hewlett')
T(hpd, 'HP', 'computer', 'HP EliteDesk 800 G6 desktop, Windows 11 (HP-assigned wired MAC), HP Smart app, prints to OfficeJet')
H.dhcp(hpd, hostname='DESKTOP-HPJ3K9L', vendor='MSFT 5.0', prl=PRL_WIN, extra=[(81, b'\x00\x00\x00DESKTOP-HPJ3K9L')])
H.http(hpd, 'www.msftconnecttest.com', '/connecttest.txt', ua='Microsoft NCSI')
for n in ['oss.hpsmart.com', 'hpsmart.com', 'ccc.hpeprint.com', 'settings-win.data.microsoft.com', 'login.microsoftonline.com', 'en.ezcloud.uniview.com']:
    H.tls(hpd, n)
H.serve(hpp, hpd, 631, req=b'POST /ipp/print HTTP/1.1\r\nHost: HPA1B2C3.local:631\r\nContent-Type: application/ipp\r\nUser-Agent: Microsoft-Windows/10.0 IPP/2.0\r\n\r\n',
        resp=b'HTTP/1.1 100 Continue\r\n\r\n')
H.udp(hpd, '239.255.255.250', 50311, 3702, b'<?xml version="1.0" encoding="utf-8"?><soap:Envelope><soap:Body><wsd:Probe><wsd:Types>wsdp:Device wprt:PrintDeviceType</wsd:Types></wsd:Probe></soap:Body></soap:Envelope>')

epj = H.dev('38:1a:52:90:c4:17', 22, 'Epson')
T(epj, 'Epson', '-', 'Epson EpiqVision EF-12 projector (network control: PJLink, ESC/VP.net)')
H.dhcp(epj, hostname='EPSON_PJ_90C417', prl=PRL_UDHCPC)
H.serve(epj, hpd, 4352, resp=b'PJLINK 0\r')
H.serve(epj, hpd, 3629, req=b'ESC/VP.net\x10\x03\x00\x00\x00\x00', resp=b'ESC/VP.net\x10\x03\x00\x00\x20\x00')

eos = H.dev('18:0c:ac:15:d2:6b', 23, 'Canon')
T(eos, 'Canon', 'camera', 'Canon EOS R6 photo camera auto-uploading to image.canon')
H.dhcp(eos, prl=(1, 3, 6, 15), clientid=False)
H.tls(eos, 'api.image.canon', alpn=())
H.tls(eos, 'upload.image.canon', alpn=(), bulk_up=250)

# ---------- surveillance ----------
def sadp_hello(d, desc, sn, sw):
    x = ('<?xml version="1.0" encoding="UTF-8"?><ProbeMatch><Uuid>%s</Uuid><Types>hello</Types><DeviceType>%d</DeviceType>'
         '<DeviceDescription>%s</DeviceDescription><DeviceSN>%s</DeviceSN><CommandPort>8000</CommandPort><HttpPort>80</HttpPort>'
         '<MAC>%s</MAC><IPv4Address>%s</IPv4Address><IPv4SubnetMask>255.255.255.0</IPv4SubnetMask><IPv4Gateway>192.168.50.1</IPv4Gateway>'
         '<DHCP>true</DHCP><AnalogChannelNum>0</AnalogChannelNum><DigitalChannelNum>0</DigitalChannelNum><SoftwareVersion>%s</SoftwareVersion>'
         '<Activated>true</Activated></ProbeMatch>') % ('5D2A1C3E-6A4B-4C1D-8E2F-%s' % d.mac.replace(':', '').upper(), 602, desc, sn, d.mac.replace(':', '-'), d.ip, sw)
    return x.encode()
hdb = H.dev('08:a1:89:77:3d:02', 30, 'Hikvision')
T(hdb, 'Hikvision', 'camera', 'Hikvision DS-KV6113-WPE1(C) video doorbell')
H.dhcp(hdb, hostname='DS-KV6113-WPE1', vendor='udhcp 1.19.4', prl=PRL_UDHCPC)
hin = H.dev('08:a1:89:77:3d:55', 31, 'Hikvision')
T(hin, 'Hikvision', '-', 'Hikvision DS-KH6320-WTE1 indoor station (7" touch panel, no camera), receives doorbell video')
H.dhcp(hin, hostname='DS-KH6320-WTE1', vendor='udhcp 1.19.4', prl=PRL_UDHCPC)
for k in range(2):
    H.udp(hdb, '239.255.255.250', 37020, 37020, sadp_hello(hdb, 'DS-KV6113-WPE1(C)', 'DS-KV6113-WPE1(C)20220815CCWRJ11223344', 'V2.2.53 build 220318'), t=H.t0 + 25 + 90 * k)
    H.udp(hin, '239.255.255.250', 37020, 37020, sadp_hello(hin, 'DS-KH6320-WTE1', 'DS-KH6320-WTE120220810CCWRJ99887766', 'V2.2.8 build 220526'), t=H.t0 + 27 + 90 * k)
H.tcp(hin, hdb.ip, 554, H.rt(40), srv_mac=hdb.mac, bulk_down=200)
H.tls(hdb, 'litedev.hik-connect.com', alpn=())
H.tcp(hdb, pubip('litedev.hik-connect.com'), 6800, H.rt(60), bulk_up=150)
H.tls(hin, 'litedev.hik-connect.com', alpn=())

lor = H.dev('14:a7:8b:3c:50:ad', 32, 'Dahua')
T(lor, 'Lorex', 'nvr', 'Lorex N841A6 NVR (Dahua OEM hardware, Dahua OUI)')
H.dhcp(lor, hostname='N841A6', vendor='udhcp 1.20.2', prl=PRL_UDHCPC)
dh = json.dumps({"mac": lor.mac, "method": "client.notifyDevInfo", "params": {"deviceInfo": {
    "DeviceType": "N841A6", "DeviceClass": "NVR", "SerialNo": "ND0123456789ABC", "Vendor": "Lorex",
    "Version": "4.001.0000000.3.R", "IPv4Address": {"IPAddress": lor.ip, "DhcpEnable": True}, "HttpPort": 80, "Port": 35000}}})
pl = b'\x20\x00\x00\x00DHIP' + bytes(8) + struct.pack('<I', len(dh)) + bytes(4) + struct.pack('<I', len(dh)) + bytes(4) + dh.encode()
for k in range(2):
    H.udp(lor, '239.255.255.251', 37810, 37810, pl, t=H.t0 + 50 + 100 * k)
H.tls(lor, 'p2p.lorexddns.net', alpn=())
H.tls(lor, 'lorexcloud.com', alpn=(), bulk_up=120)

uni = H.dev('48:ea:63:19:a0:7c', 33, 'Uniview')
T(uni, 'Uniview', 'nvr', 'Uniview NVR301-08S3-P8 NVR, EZCloud')
H.tls(uni, 'en.ezcloud.uniview.com', alpn=())
H.ntp(uni, 'pool.ntp.org')
H.serve(uni, hpd, 80, req=b'GET /LAPI/V1.0/System/DeviceInfo HTTP/1.1\r\nHost: 192.168.50.33\r\n\r\n', resp=b'HTTP/1.1 200 OK\r\nServer: HTTP Server\r\nContent-Type: application/json\r\n\r\n{"Response":{"Data":{"DeviceModel":"NVR301-08S3-P8","Manufacturer":"Uniview"}}}')
H.serve(uni, hpd, 554)

nan = H.dev('f0:03:8c:5e:71:a9', 34, 'AzureWave')
T(nan, 'Nanit', 'camera', 'Nanit Pro baby monitor camera (AzureWave Wi-Fi module)')
H.dhcp(nan, hostname='nanit', prl=PRL_UDHCPC)
H.tls(nan, 'api.nanit.com', alpn=())
H.tls(nan, 'media-us-1.nanit.com', alpn=(), bulk_up=300)

# ---------- access / outdoor ----------
aug = H.dev('78:9c:85:2a:e4:11', 40, 'August')
T(aug, 'August', 'hub', 'August Connect Wi-Fi bridge for August smart lock')
H.dhcp(aug, prl=PRL_LWIP)
H.tls(aug, 'api-production.august.com', alpn=())

rb = H.dev('4c:a1:61:07:2f:93', 41, 'Rain Bird')
T(rb, 'Rain Bird', '-', 'Rain Bird LNK2 Wi-Fi sprinkler controller module')
H.dhcp(rb, prl=PRL_LWIP)
H.tls(rb, 'rdz-rbcloud.rainbird.com', alpn=())

mer = H.dev('48:e1:e9:6b:0d:3f', 42, 'Meross')
T(mer, 'Meross', '-', 'Meross MSG100 smart garage door opener')
H.dhcp(mer, hostname='Meross_Smart_Garage', prl=PRL_LWIP)
H.tls(mer, 'mqtt-us-3.meross.com', alpn=())

amb = H.dev('c4:4f:33:2e:88:c1', 43, 'Espressif')
T(amb, 'Ambient Weather', 'sensor', 'Ambient Weather WS-2902 console (ESP Wi-Fi), pushes to ambientweather.net')
H.dhcp(amb, hostname='AMBWeather-WiFi88C1', prl=PRL_LWIP)
H.http(amb, 'rt.ambientweather.net', '/endpoint?PASSKEY=C44F332E88C1&stationtype=AMBWeatherV4.3.4&dateutc=now&tempinf=71.8&humidityin=41&baromrelin=29.902&tempf=63.1&windspeedmph=2.1&model=WS-2902', ua=None)

gsc = H.dev('10:c6:fc:4a:91:2e', 44, 'Garmin')
T(gsc, 'Garmin', 'scale', 'Garmin Index S2 smart scale')
H.dhcp(gsc, prl=PRL_LWIP, clientid=False)
H.tls(gsc, 'services.garmin.com', alpn=())
gw = H.dev('0c:7e:24:d3:5a:60', 45, 'Garmin')
T(gw, 'Garmin', 'wearable', 'Garmin Venu 3 smartwatch syncing over Wi-Fi')
H.dhcp(gw, prl=PRL_LWIP, clientid=False)
H.tls(gw, 'connectapi.garmin.com', alpn=())
H.tls(gw, 'omt.garmin.com', alpn=())

# ---------- appliances / TVs ----------
sie = H.dev('38:b4:d3:5f:21:e0', 50, 'BSH')
T(sie, 'Siemens', 'appliance', 'Siemens iQ700 oven HB676G5S6, Home Connect')
sid = 'SIEMENS-HB676G5S6-38B4D35F21E0'
H.dhcp(sie, hostname=sid, prl=PRL_ESPIDF)
H.mdns_announce(sie, sid, [(sid, '_homeconnect._tcp', 443, ['brand=SIEMENS', 'type=Oven', 'vib=HB676G5S6', 'haId=' + sid])])
H.tls(sie, 'prod.reu.rest.homeconnectegw.com', alpn=())

lgtv = H.dev('20:17:42:8c:0e:31', 51, 'LG Electronics')
T(lgtv, 'LG', 'tv', 'LG OLED55C1PUB webOS TV')
H.dhcp(lgtv, hostname='LGwebOSTV', prl=PRL_UDHCPC)
H.ssdp_notify(lgtv, 'WebOS/6.0.0 UPnP/1.0', 'http://192.168.50.51:1892/', ['urn:lge-com:service:webos-second-screen:1', 'urn:dial-multiscreen-org:service:dial:1'],
              '3c9f2e10-7a11-4b1e-9a0c-2017428c0e31')
H.mdns_announce(lgtv, 'LGwebOSTV', [('[LG] webOS TV OLED55C1PUB', '_airplay._tcp', 7000, ['acl=0', 'deviceid=20:17:42:8C:0E:31', 'features=0x7F8AD0,0x38BCB46', 'manufacturer=LG Electronics', 'model=OLED55C1PUB', 'srcvers=377.20.1'])])
for n in ['snu.lge.com', 'us.lgtvsdp.com', 'us.ibs.lgappstv.com']:
    H.tls(lgtv, n)

lgw = H.dev('14:c9:13:e2:77:05', 52, 'LG Electronics')
T(lgw, 'LG', 'appliance', 'LG WM4000HWA ThinQ washer')
H.dhcp(lgw, prl=(1, 3, 6, 15, 28, 42), clientid=False)
H.tls(lgw, 'route.lgthinq.com', port=46030, alpn=())
H.tls(lgw, 'a3phael99lf879-ats.iot.us-west-2.amazonaws.com', port=8883, alpn=())

sfh = H.dev('fc:c7:34:18:6d:42', 53, 'Samsung')
T(sfh, 'Samsung', 'appliance', 'Samsung Family Hub refrigerator RF28R7551SR (Tizen screen)')
H.dhcp(sfh, hostname='Family-Hub', prl=PRL_UDHCPC)
for n in ['ocfconnect-shard-na04-useast2.samsungiotcloud.com', 'time.samsungcloudsolution.com', 'api.samsungiotcloud.com']:
    H.tls(sfh, n, alpn=())

stv = H.dev('fc:aa:b6:40:93:7d', 54, 'Samsung')
T(stv, 'Samsung', 'tv', 'Samsung QN65Q80B Tizen TV')
H.dhcp(stv, prl=PRL_UDHCPC)
H.ssdp_notify(stv, 'SHP, UPnP/1.0, Samsung UPnP SDK/1.0', 'http://192.168.50.54:7676/smp_15_',
              ['urn:samsung.com:device:RemoteControlReceiver:1', 'urn:dial-multiscreen-org:service:dial:1', 'urn:schemas-upnp-org:device:MediaRenderer:1'],
              '0ee5e8c3-0000-1000-8000-fcaab640937d')
H.mdns_announce(stv, 'Samsung-Q80B', [('Samsung Q80B 65', '_airplay._tcp', 7000, ['deviceid=FC:AA:B6:40:93:7D', 'manufacturer=Samsung', 'model=QN65Q80BAFXZA', 'srcvers=377.17.24.6'])])
for n in ['time.samsungcloudsolution.com', 'log-ingestion.samsungacr.com', 'otnprd10.samsungcloudsolution.net']:
    H.tls(stv, n)

tab = H.dev('fc:f1:36:7b:2a:90', 55, 'Samsung')
T(tab, 'Samsung', 'tablet', 'Samsung Galaxy Tab S9 with SmartThings and ThinQ apps')
H.dhcp(tab, hostname='Galaxy-Tab-S9', vendor='android-dhcp-14', prl=PRL_ANDROID)
H.http(tab, 'connectivitycheck.gstatic.com', '/generate_204', ua=ANDR_UA % ('14', 'SM-X710', 'UP1A.231005.007'))
for n in ['api.smartthings.com', 'aic-service.lgthinq.com', 'time.samsungcloudsolution.com', 'play.googleapis.com']:
    H.tls(tab, n)

bra = H.dev('fc:f1:52:3a:6c:08', 56, 'Sony')
T(bra, 'Sony', 'tv', 'Sony BRAVIA XR-55A80J Google TV')
H.dhcp(bra, hostname='BRAVIA-XR-55A80J', vendor='android-dhcp-12', prl=PRL_ANDROID)
H.mdns_announce(bra, 'BRAVIA-XR-55A80J', [('BRAVIA-XR-55A80J-3a6c08', '_googlecast._tcp', 8009, ['id=3a6c08aa11bb22cc', 've=05', 'md=BRAVIA XR-55A80J', 'fn=Bedroom TV', 'ca=465413', 'st=0', 'rs='])])
H.ssdp_notify(bra, 'Linux/4.9 UPnP/1.0 Sony-BRAVIA/1.0', 'http://192.168.50.56:52323/dmr.xml', ['urn:schemas-sony-com:service:ScalarWebAPI:1', 'urn:dial-multiscreen-org:service:dial:1'],
              '00000000-0000-1010-8000-fcf1523a6c08')
for n in ['sonybivstatic-a.akamaihd.net', 'android.clients.google.com']:
    H.tls(bra, n)

phi = H.dev('0c:ca:fb:44:b1:2d', 57, 'TPVision')
T(phi, 'Philips (TP Vision)', 'tv', 'Philips 55OLED806 Android TV (TP Vision), JointSpace API')
H.dhcp(phi, hostname='Philips-TV', vendor='android-dhcp-11', prl=PRL_ANDROID)
H.mdns_announce(phi, 'Philips-TV', [('Philips 55OLED806', '_googlecast._tcp', 8009, ['id=b12d0ccafb44aa', 've=05', 'md=Philips 4K UHD OLED Android TV', 'fn=Philips 55OLED806', 'st=0', 'rs='])])
H.serve(phi, hpd, 1926, resp=b'\x16\x03\x03\x00\x10' + bytes(16))
for n in ['www.home.tpvision.com', 'android.clients.google.com']:
    H.tls(phi, n)

# ---------- Amazon family ----------
echo = H.dev('fc:65:de:0a:33:71', 60, 'Amazon')
T(echo, 'Amazon', 'voice-assistant', 'Echo Show 8 (2nd gen)')
H.dhcp(echo, hostname='amazon-0a3371', vendor='android-dhcp-9', prl=PRL_ANDROID)
for n in ['avs-alexa-4-na.amazon.com', 'api.amazonalexa.com', 'unagi-na.amazon.com', 'device-metrics-us.amazon.com', 'det-ta-g7g.amazon.com']:
    H.tls(echo, n)
ftv = H.dev('fc:d7:49:51:9e:c2', 61, 'Amazon')
T(ftv, 'Amazon', 'media-player', 'Fire TV Stick 4K Max')
H.dhcp(ftv, hostname='amazon-519ec2', vendor='android-dhcp-11', prl=PRL_ANDROID)
for n in ['api.amazonvideo.com', 'atv-ps.amazon.com', 'softwareupdates.amazon.com', 'det-ta-g7g.amazon.com']:
    H.tls(ftv, n)
H.ssdp_notify(ftv, 'Linux/4.9.113 UPnP/1.0 Cling/2.0', 'http://192.168.50.61:60000/upnp/dev/0d7b/desc', ['urn:dial-multiscreen-org:service:dial:1'], '0d7b1a2c-aaaa-bbbb-cccc-fcd749519ec2')
fhd = H.dev('fc:e9:d8:77:20:1b', 62, 'Amazon')
T(fhd, 'Amazon', 'tablet', 'Fire HD 10 tablet (kids), Fire OS')
H.dhcp(fhd, hostname='amazon-77201b', vendor='android-dhcp-11', prl=PRL_ANDROID)
H.http(fhd, 'connectivitycheck.gstatic.com', '/generate_204', ua=ANDR_UA % ('11', 'KFTRWI', 'RS8332.3115N'))
for n in ['det-ta-g7g.amazon.com', 'kindle-time.amazon.com', 'todo-ta-g7g.amazon.com', 'api.nanit.com']:
    H.tls(fhd, n)
blk = H.dev('50:dc:e7:2b:0f:a4', 63, 'Amazon')
T(blk, 'Amazon', 'hub', 'Blink Sync Module 2 (hub for Blink cameras)')
H.dhcp(blk, prl=PRL_UDHCPC)
H.tls(blk, 'rest-prod.immedia-semi.com', alpn=())
H.tls(blk, 'rest-u011.immedia-semi.com', alpn=(), bulk_up=100)

# ---------- Google / Apple ----------
nh = H.dev('f8:0f:f9:1e:3b:2c', 64, 'Google')
T(nh, 'Google', 'voice-assistant', 'Google Nest Hub (2nd gen) smart display')
H.dhcp(nh, hostname='Kitchen-display', prl=PRL_DHCPCD)
H.mdns_announce(nh, '1e3b2c-nesthub', [('Google-Nest-Hub-1e3b2c', '_googlecast._tcp', 8009, ['id=1e3b2caa', 've=05', 'md=Google Nest Hub', 'fn=Kitchen display', 'ca=199172', 'st=0', 'rs='])])
H.tls(nh, 'clients3.google.com'); H.tls(nh, 'home-devices.googleapis.com')
ccg = H.dev('58:24:29:66:08:d3', 65, 'Google')
T(ccg, 'Google', 'media-player', 'Chromecast with Google TV (HD)')
H.dhcp(ccg, hostname='Chromecast', vendor='android-dhcp-12', prl=PRL_ANDROID)
H.mdns_announce(ccg, '6608d3-ccgtv', [('Chromecast-HD-6608d3', '_googlecast._tcp', 8009, ['id=6608d3bb', 've=05', 'md=Chromecast HD', 'fn=Den TV', 'ca=465413', 'st=0', 'rs='])])
H.tls(ccg, 'android.clients.google.com')
atv = H.dev('f0:18:98:2c:61:e5', 66, 'Apple')
T(atv, 'Apple', 'media-player', 'Apple TV 4K (3rd gen)')
H.dhcp(atv, hostname='Living-Room', prl=PRL_IOS)
H.mdns_announce(atv, 'Living-Room', [('Living Room', '_airplay._tcp', 7000, ['deviceid=F0:18:98:2C:61:E5', 'features=0x4A7FDFD5,0xBC177FDE', 'model=AppleTV14,1', 'srcvers=750.14.1']),
                                     ('Living Room', '_companion-link._tcp', 49153, ['rpMd=AppleTV14,1', 'rpVr=510.81.1'])])
hpm = H.dev('fc:b6:d8:91:0a:44', 67, 'Apple')
T(hpm, 'Apple', 'speaker', 'HomePod mini')
H.dhcp(hpm, hostname='Kitchen', prl=PRL_IOS)
H.mdns_announce(hpm, 'Kitchen', [('Kitchen', '_airplay._tcp', 7000, ['deviceid=FC:B6:D8:91:0A:44', 'model=AudioAccessory5,1', 'srcvers=750.14.1']),
                                 ('Kitchen', '_raop._tcp', 7000, ['am=AudioAccessory5,1', 'cn=0,1', 'et=0,4'])])
ipd = H.dev('fc:e2:6c:3d:9b:70', 68, 'Apple')
T(ipd, 'Apple', 'tablet', 'iPad Air (real MAC) with Nanit, August, Hik-Connect, Blink, Rain Bird apps')
H.dhcp(ipd, hostname='iPad', prl=PRL_IOS)
H.mdns_query(ipd, ['_airplay._tcp.local', '_companion-link._tcp.local', '_homekit._tcp.local'])
for n in ['api.nanit.com', 'api-production.august.com', 'apiius.hik-connect.com', 'rest-prod.immedia-semi.com', 'rdz-rbcloud.rainbird.com', 'gateway.icloud.com']:
    H.tls(ipd, n)

# ---------- phone ----------
op = H.dev('ac:c0:48:9d:31:57', 70, 'OnePlus')
T(op, 'OnePlus', 'phone', 'OnePlus 11 with Lorex Home, Meross, Garmin Connect, Ambient, Uniview EZView apps')
H.dhcp(op, hostname='OnePlus-11', vendor='android-dhcp-13', prl=PRL_ANDROID)
H.http(op, 'connectivitycheck.gstatic.com', '/generate_204', ua=ANDR_UA % ('13', 'CPH2449', 'TP1A.220905.001'))
for n in ['lorexcloud.com', 'iotx-us.meross.com', 'connectapi.garmin.com', 'api.ambientweather.net', 'en.ezcloud.uniview.com', 'services.garmin.com', 'mtalk.google.com']:
    H.tls(op, n)

H.write(os.path.join(HERE, 't3_home3.pcap'))
