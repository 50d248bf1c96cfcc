#!/usr/bin/env python3
"""Score the iotcloud device fingerprinter against labelled real captures.

    /usr/bin/python3 scripts/score_iot.py [--sentinel DIR] [--ndpi DIR] [--json] [--jobs N]

Two data sets, both outside the repository and only read:

1. IoT Sentinel (default ../shared/captures/iot_sentinel, relative to the
   repository root): <Device>/*.pcap and labels.tsv (dir, device_mac,
   oui_vendor, brand_vendor, model, device_type, dhcp host name, notes).
   Every pcap of every labelled device is scored once.
2. nDPI regression captures (default ../shared/captures/ndpi): no labels file
   ships with them, so the ground truth is the table NDPI_TRUTH below, one row
   per local device, each justified by third-party evidence only (nDPI's own
   verdicts in <capture>.ndpi.out, the capture's purpose in nDPI's suite, the
   MAC's IEEE OUI in Wireshark's manuf, host names and User-Agents).

A data set whose directory is missing is skipped.

How a device is scored: stock tshark with the suite's build (tests/wsenv.py),
two passes (-2), display filter on the device's own frames (eth.src == MAC, or
ip.src == address where the capture has no usable Ethernet source). The
device's identity is the MOST COMMON non-empty (iotcloud.src.vendor,
iotcloud.src.type) pair over those frames (ties: the pair seen first); its
confidence and evidence are those of the last frame that shows that pair.

Vendor: the expected company and the plugin's vendor are compared through
VENDOR_ALIASES (company -> accepted spellings, case-insensitive); a label
that names no company of the table must equal the plugin's vendor, ignoring
case. Type: labels are mapped to the plugin's vocabulary by TYPE_ALIASES
("smart plug" -> plug, "hub/gateway" and "hub/bridge" -> hub, "scale/health"
-> scale; camera, sensor, appliance... unchanged), then compared exactly.
A truth row may leave the type open (None) when no third-party evidence
establishes it: such a device counts for vendor accuracy only.

Phones: a phone is "typed as IoT" when the plugin gives it any type other than
phone, computer, tablet, unknown, router (or none); a phone typed "unknown"
is not IoT, but it is still a type miss.

IoT Sentinel caveat (labels.tsv notes, WeMoInsightSwitch): during setup a
Belkin WeMo acts as an access point (10.22.22.1, network 10.22.22.0/24) and a
phone's packets, joined to that setup network, leave with the WeMo's MAC as
Ethernet source. They are not the device's own frames: frames whose IPv4
source is in 10.22.22.0/24 are left out of the device's frames (the count is
printed per capture). The rule applies to every device; in these captures it
only matters for the WeMo Insight switch and the WeMo Link, which shows the
same pattern (10.22.22.138) although its notes do not say so. The device is
still scored on its remaining frames, never dropped. (The plugin itself still
sees those frames in its first pass; only which frames we read changes.)
"""
import argparse
import collections
import concurrent.futures
import json
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
from wsenv import SUITE_PLUGINS, TShark, make_plugin_root  # noqa: E402

DEFAULT_SENTINEL = REPO / ".." / "shared" / "captures" / "iot_sentinel"
DEFAULT_NDPI = REPO / ".." / "shared" / "captures" / "ndpi"

FIELDS = ["frame.number", "eth.src", "ip.src",
          "iotcloud.src.vendor", "iotcloud.src.type", "iotcloud.src.model",
          "iotcloud.src.confidence", "iotcloud.src.evidence"]

# Belkin WeMo setup access point network (see the module docstring).
SETUP_AP_EXCLUSION = "!(ip.src == 10.22.22.0/24)"

# Company -> accepted spellings of the vendor (lower case). The key is the
# company a label or truth row names; any spelling in the set is a hit.
VENDOR_ALIASES = {
    "Philips Hue": {"philips hue", "signify", "philips lighting", "philips"},  # Signify = Philips Lighting since 2018
    "Belkin": {"belkin", "belkin wemo", "wemo", "belkin international"},
    "Osram": {"osram", "osram lightify", "lightify", "ledvance"},  # Lightify passed to LEDVANCE (Osram spin-off)
    "Ednet": {"ednet", "assmann", "assmann electronic", "ednet (assmann brand)"},  # Ednet is an ASSMANN brand
    "TP-Link": {"tp-link", "tplink", "tp link", "kasa", "tapo"},
    "D-Link": {"d-link", "dlink", "d-link international", "mydlink"},
    "Edimax": {"edimax", "edimax technology"},
    "Smarter": {"smarter", "smarter applications"},
    "Withings": {"withings", "nokia health"},  # Withings was Nokia Health 2016-2018
    "Google": {"google", "nest", "google nest", "nest labs"},
    "Sonos": {"sonos"},
    "Tuya": {"tuya", "tuya smart"},
    "Xiaomi": {"xiaomi", "redmi", "poco", "mi"},
    "Apple": {"apple"},
    "HMD Global": {"hmd global", "hmd", "nokia"},  # HMD Global makes Nokia-branded phones
    "LG": {"lg", "lg electronics"},
}
# Label spellings (labels.tsv brand_vendor) -> company of VENDOR_ALIASES.
VENDOR_LABELS = {spelling: company for company, spellings in VENDOR_ALIASES.items() for spelling in spellings}

# labels.tsv device_type -> the plugin's type vocabulary; unlisted types are kept.
TYPE_ALIASES = {
    "smart plug": "plug",
    "hub/gateway": "hub",
    "hub/bridge": "hub",
    "scale/health": "scale",
}

NOT_IOT = {"", "phone", "computer", "tablet", "unknown", "router"}

# nDPI captures: (capture, "eth" or "ip", MAC or address, vendor, type or None, justification).
# Only devices whose identity third-party evidence establishes; see NDPI_LEFT_OUT for the others.
TUYA_JUSTIFICATION = ("nDPI: TuyaLP broadcast from this host to 255.255.255.255:6667 (Tuya LAN discovery, "
                      "55AA frame; decrypted with Tuya's public UDP key it announces gwId/productKey, v3.3); "
                      "OUI {oui} (Wi-Fi module). Type open: the productKey names the product only in Tuya's cloud")
TPLINK_JUSTIFICATION = ("OUI Google, Inc.; nDPI TPLINK_SHP: this host SENDS the TP-Link discovery query "
                        "{\"system\":{\"get_sysinfo\":{}}} to broadcast :9999 every ~60 s and nobody answers, i.e. "
                        "a Google Home/Nest device scanning for Kasa devices (Google Local Home platform), not a "
                        "TP-Link device. Type open: speaker, display and Chromecast are not told apart")
NDPI_TRUTH = [
    ("sonos.pcapng", "eth", "34:7e:5c:ff:a2:6e", "Sonos", "speaker",
     "nDPI TLS.Sonos; its TLS cert O=Sonos, Inc, OU=Sonos Devices, CN=347E5CFFA26E (= its MAC), SNI "
     "sonos-347e5cffa26e.local; OUI Sonos, Inc. (Sonos makes speakers)"),
    ("sonos.pcapng", "eth", "5c:aa:fd:02:92:1a", "Sonos", "speaker",
     "nDPI Sonos (UDP to :7080, Sonos audio); OUI Sonos, Inc."),
    ("sonos.pcapng", "eth", "9c:58:3c:a7:ee:cc", "Apple", "computer",
     "OUI Apple, Inc.; TLS client of the Sonos device (the Sonos controller app); nDPI TCP fingerprint "
     "2_64_65535_dd5737e4fedb/macOS"),
    ("nest_log_sink.pcap", "eth", "18:b4:30:26:34:40", "Google", "sensor",
     "OUI Nest Labs Inc.; nDPI NestLogSink to weave-logsink.nest.com:11095, a protocol the nDPI dissector's "
     "author (ntop/nDPI PR #610) names as the Nest Protect's (smoke/CO alarm); IP TTL 255, window 4608: an "
     "embedded stack, not a Linux Nest thermostat or camera"),
    ("tuya_lp.pcap", "eth", "cc:50:e3:7d:bd:3f", "Tuya", None, TUYA_JUSTIFICATION.format(oui="Espressif Inc.")),
    ("tuya_lp.pcap", "eth", "2c:f4:32:14:2b:ea", "Tuya", None, TUYA_JUSTIFICATION.format(oui="Espressif Inc.")),
    ("tuya_lp.pcap", "eth", "cc:50:e3:7d:88:34", "Tuya", None, TUYA_JUSTIFICATION.format(oui="Espressif Inc.")),
    ("tuya_lp.pcap", "eth", "cc:50:e3:7d:8b:f0", "Tuya", None, TUYA_JUSTIFICATION.format(oui="Espressif Inc.")),
    ("tuya_lp.pcap", "eth", "cc:50:e3:7c:6f:79", "Tuya", None, TUYA_JUSTIFICATION.format(oui="Espressif Inc.")),
    ("tuya_lp.pcap", "eth", "2c:f4:32:67:d7:a7", "Tuya", None, TUYA_JUSTIFICATION.format(oui="Espressif Inc.")),
    ("tuya_lp.pcap", "eth", "ec:fa:bc:af:83:41", "Tuya", None, TUYA_JUSTIFICATION.format(oui="Espressif Inc.")),
    ("tuya_lp.pcap", "eth", "68:57:2d:6a:87:5f", "Tuya", None, TUYA_JUSTIFICATION.format(oui="Tuya Smart Inc.")),
    ("tuya_lp.pcap", "eth", "68:57:2d:6a:57:e7", "Tuya", None, TUYA_JUSTIFICATION.format(oui="Tuya Smart Inc.")),
    ("tuya_lp.pcap", "eth", "dc:4f:22:bd:40:a1", "Tuya", None, TUYA_JUSTIFICATION.format(oui="Espressif Inc.")),
    ("tuya_lp.pcap", "eth", "38:1f:8d:45:1e:b5", "Tuya", None, TUYA_JUSTIFICATION.format(oui="Tuya Smart Inc.")),
    ("tuya_lp.pcap", "eth", "38:1f:8d:44:aa:d0", "Tuya", None, TUYA_JUSTIFICATION.format(oui="Tuya Smart Inc.")),
    ("tuya_lp.pcap", "eth", "38:1f:8d:2f:50:4f", "Tuya", None, TUYA_JUSTIFICATION.format(oui="Tuya Smart Inc.")),
    ("tplink_shp.pcap", "eth", "e4:f0:42:5d:dd:3a", "Google", None, TPLINK_JUSTIFICATION),
    ("tplink_shp.pcap", "eth", "20:df:b9:b4:ba:b1", "Google", None, TPLINK_JUSTIFICATION),
    ("tplink_shp.pcap", "eth", "d8:8c:79:1e:cf:7c", "Google", None, TPLINK_JUSTIFICATION),
    ("tplink_shp.pcap", "eth", "7c:2e:bd:2f:7a:b4", "Google", None, TPLINK_JUSTIFICATION),
    ("tplink_shp.pcap", "eth", "38:8b:59:23:16:54", "Google", None, TPLINK_JUSTIFICATION),
    ("tplink_shp.pcap", "eth", "a4:77:33:cf:eb:c1", "Google", None, TPLINK_JUSTIFICATION),
    ("tplink_shp.pcap", "eth", "20:df:b9:4e:90:97", "Google", None, TPLINK_JUSTIFICATION),
    ("tplink_shp.pcap", "eth", "14:c1:4e:8a:dc:ca", "Google", None, TPLINK_JUSTIFICATION),
    # xiaomi.pcap merges several captures whose Ethernet addresses are placeholders (destination
    # 00:00:00:00:00:00, one MAC for both ends of a flow): these hosts are selected by ip.src.
    ("xiaomi.pcap", "ip", "192.168.244.219", "Xiaomi", "phone",
     "nDPI Xiaomi (push service :5222, plain-text xiaomi.com), User-Agent \"Redmi Note 9S\" (a Xiaomi phone)"),
    ("xiaomi.pcap", "ip", "192.168.247.13", "Xiaomi", "phone",
     "nDPI Xiaomi (push service :5222), User-Agent \"M2010J19SG\": Xiaomi's model number of the Redmi 9T phone"),
    ("xiaomi.pcap", "ip", "192.168.93.59", "Xiaomi", "phone",
     "nDPI Xiaomi (push service :5222), User-Agent \"M2101K7BG\": Xiaomi's model number of the Redmi Note 10S phone"),
    ("iphone.pcap", "eth", "c4:61:8b:35:82:a9", "Apple", "phone",
     "the nDPI suite's iPhone capture; DHCP host name Lucas-iPhone; OUI Apple, Inc.; nDPI TCP fingerprint "
     "iOS/iPad, iphone-ld.apple.com, CaptiveNetworkSupport wispr"),
    ("iphone.pcap", "eth", "d8:30:62:56:00:1c", "Apple", "computer",
     "DHCP host name Lucas-iMac; OUI Apple, Inc.; nDPI sees lucas-imac and \"luca's imac._odisk._tcp.local\""),
    ("android.pcap", "eth", "4c:6a:f6:9f:f6:27", "HMD Global", "phone",
     "the nDPI suite's Android capture; nDPI User-Agent \"Android 9; Nokia 2.2 ... Mobile Safari\"; DHCP vendor "
     "class android-dhcp-9; OUI HMD Global Oy (maker of Nokia phones)"),
    ("android.pcap", "eth", "d8:30:62:56:00:1c", "Apple", "computer",
     "DHCP host name Lucas-iMac; OUI Apple, Inc. (the same iMac as in iphone.pcap)"),
    ("alexa-app.pcapng", "eth", "78:f8:82:d3:fb:c2", "LG", "phone",
     "the nDPI suite's Alexa-app capture (a phone running the Alexa app); nDPI User-Agent \"Android 5.1.1; "
     "LGLS751 ... Mobile Safari ... PitanguiBridge [MANUFACTURER=LGE\"; DHCP host android-1c1335ec95a27318; "
     "OUI LG Electronics (Mobile Communications)"),
]

# Local hosts seen in those captures and left out of the truth table, with the reason.
NDPI_LEFT_OUT = [
    ("nest_log_sink.pcap", "eth", "00:90:fb:26:27:6b",
     "the capture's gateway (192.168.242.1, OUI Portwell): forwards the Internet's frames; nothing names the box"),
    ("xiaomi.pcap", "eth", "60:38:e0:c5:35:a0",
     "192.168.2.100 is a NAT: OUI Belkin (Linksys routers), IP TTL 63, and two different phones behind it "
     "(nDPI User-Agents Redmi Note 9 Pro and Redmi Note 8T); neither a router nor one phone is established"),
    ("xiaomi.pcap", "ip", "10.52.151.160", "only receives one packet: no frame of its own"),
    ("iphone.pcap", "eth", "c6:2c:03:60:6a:64",
     "the capture's gateway 192.168.2.1 (locally administered MAC, macOS Internet Sharing network): forwards "
     "the Internet's frames"),
    ("android.pcap", "eth", "c6:2c:03:60:6a:64", "the same gateway as in iphone.pcap"),
    ("alexa-app.pcapng", "eth", "00:c0:ca:91:a3:ef",
     "the capture's access point 172.16.42.1 (OUI Alfa, a Wi-Fi adapter): infrastructure"),
    ("alexa-app.pcapng", "eth", "00:c0:ca:91:5a:01",
     "upstream side of that access point (192.168.11.1): forwards the Internet's frames"),
]
NINTENDO_NOTE = "no capture of the nDPI set mentions Nintendo (grep -il nintendo *.ndpi.out finds none)"


def company_of(name):
    return VENDOR_LABELS.get(name.strip().lower(), name.strip())


def vendor_ok(expected, got):
    accepted = VENDOR_ALIASES.get(company_of(expected), {expected.strip().lower()})
    return got.strip().lower() in accepted


def normal_type(label):
    label = label.strip().lower()
    return TYPE_ALIASES.get(label, label)


def identity(tshark, capture, display_filter):
    """Most common non-empty (vendor, type) over the frames the filter selects."""
    rows = tshark.fields(capture, FIELDS, "-2", "-Y", display_filter)
    counts = collections.Counter()
    last = {}
    for row in rows:
        pair = (row["iotcloud.src.vendor"], row["iotcloud.src.type"])
        if pair != ("", ""):
            counts[pair] += 1
            last[pair] = row
    result = {"frames": len(rows), "vendor": "", "type": "", "model": "", "confidence": "", "evidence": ""}
    if counts:
        pair = counts.most_common(1)[0][0]
        row = last[pair]
        result.update(vendor=pair[0], type=pair[1], model=row["iotcloud.src.model"],
                      confidence=row["iotcloud.src.confidence"], evidence=row["iotcloud.src.evidence"])
    return result


def count_frames(tshark, capture, display_filter):
    return len(tshark.fields(capture, ["frame.number"], "-Y", display_filter))


def score(item, got):
    item.update(got=got, vendor_ok=vendor_ok(item["expected_vendor"], got["vendor"]))
    item["type_ok"] = None if item["expected_type"] is None else got["type"] == item["expected_type"]
    item["phone_as_iot"] = item["expected_type"] == "phone" and got["type"] not in NOT_IOT
    return item


def read_labels(directory):
    lines = (directory / "labels.tsv").read_text().splitlines()
    header = lines[0].lstrip("#").split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:] if line.strip() and not line.startswith("#")]


def sentinel_jobs(directory):
    jobs = []
    for label in read_labels(directory):
        device, mac = label["dir"], label["device_mac"].lower()
        pcaps = sorted((directory / device).glob("*.pcap"))
        if not pcaps:
            print(f"warning: {device}: no pcap in {directory / device}", file=sys.stderr)
        for pcap in pcaps:
            jobs.append({"set": "iot_sentinel", "device": device, "capture": f"{device}/{pcap.name}",
                         "path": pcap, "key": mac,
                         "filter": f"eth.src == {mac} && {SETUP_AP_EXCLUSION}",
                         "excluded_filter": f"eth.src == {mac} && ip.src == 10.22.22.0/24",
                         "expected_vendor": label["brand_vendor"],
                         "expected_type": normal_type(label["device_type"]),
                         "label_type": label["device_type"]})
    return jobs


def ndpi_jobs(directory):
    jobs = []
    for capture, kind, key, vendor, kind_of_device, why in NDPI_TRUTH:
        path = directory / capture
        if not path.exists():
            print(f"warning: {path} missing: its devices are not scored", file=sys.stderr)
            continue
        flt = f"eth.src == {key}" if kind == "eth" else f"ip.src == {key}"
        jobs.append({"set": "ndpi", "device": f"{capture} {key}", "capture": capture, "path": path, "key": key,
                     "filter": flt, "expected_vendor": vendor, "expected_type": kind_of_device, "why": why})
    return jobs


def run_jobs(tshark, jobs, workers):
    def work(job):
        got = identity(tshark, job["path"], job["filter"])
        if job.get("excluded_filter"):
            job["excluded_frames"] = count_frames(tshark, job["path"], job["excluded_filter"])
        return score(job, got)
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(work, jobs))


def left_out_identities(tshark, directory, workers):
    jobs = []
    for capture, kind, key, why in NDPI_LEFT_OUT:
        if (directory / capture).exists():
            jobs.append({"capture": capture, "key": key, "why": why, "path": directory / capture,
                         "filter": f"eth.src == {key}" if kind == "eth" else f"ip.src == {key}"})
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        for job, got in zip(jobs, pool.map(lambda j: identity(tshark, j["path"], j["filter"]), jobs)):
            job["got"] = got
    return jobs


def totals(items):
    typed = [i for i in items if i["type_ok"] is not None]
    phones = [i for i in items if i["expected_type"] == "phone"]
    return {
        "devices": len(items),
        "vendor_ok": sum(i["vendor_ok"] for i in items), "vendor_total": len(items),
        "type_ok": sum(i["type_ok"] for i in typed), "type_total": len(typed),
        "phones": len(phones), "phones_typed_as_iot": sum(i["phone_as_iot"] for i in phones),
    }


def pct(ok, total):
    return 100.0 * ok / total if total else 0.0


def add_percentages(numbers):
    numbers["vendor_accuracy"] = pct(numbers["vendor_ok"], numbers["vendor_total"])
    numbers["type_accuracy"] = pct(numbers["type_ok"], numbers["type_total"])
    return numbers


def mark(ok):
    return "-" if ok is None else ("OK" if ok else "MISS")


def print_item(item):
    got = item["got"]
    expected_type = item["expected_type"] if item["expected_type"] is not None else "(open)"
    extra = f"  [{item['excluded_frames']} frames from 10.22.22.0/24 left out]" if item.get("excluded_frames") else ""
    print(f"  {item['capture']:<38} {item.get('key', ''):<18} expected {item['expected_vendor']} / {expected_type}"
          f"  got {got['vendor'] or '-'} / {got['type'] or '-'} ({got['confidence'] or '-'})"
          f"  vendor {mark(item['vendor_ok'])}  type {mark(item['type_ok'])}"
          f"{'  PHONE TYPED AS IOT' if item['phone_as_iot'] else ''}{extra}")
    if not item["vendor_ok"] or item["type_ok"] is False:
        print(f"      evidence: {got['evidence'] or '(none)'}  frames: {got['frames']}")


def print_totals(title, numbers):
    print(f"{title}vendor accuracy: {numbers['vendor_ok']}/{numbers['vendor_total']} ({numbers['vendor_accuracy']:.1f}%)")
    print(f"{title}type accuracy: {numbers['type_ok']}/{numbers['type_total']} ({numbers['type_accuracy']:.1f}%)")
    print(f"{title}phones typed as IoT: {numbers['phones_typed_as_iot']} (of {numbers['phones']} phones)")


SET_TITLES = (("iot_sentinel", "IoT Sentinel"), ("ndpi", "nDPI IoT and phone captures"))


def summarize(results):
    """Totals per data set present and over both."""
    sets = {name: add_percentages(totals([r for r in results if r["set"] == name]))
            for name, _ in SET_TITLES if any(r["set"] == name for r in results)}
    return sets, add_percentages(totals(results))


def report(results, left_out):
    sets, overall = summarize(results)
    for name, title in SET_TITLES:
        if name not in sets:
            continue
        items = [r for r in results if r["set"] == name]
        print(f"== {title}")
        for item in items:
            print_item(item)
        if name == "iot_sentinel":
            print("  per device:")
            by_device = collections.defaultdict(list)
            for item in items:
                by_device[item["device"]].append(item)
            for device, group in by_device.items():
                n = totals(group)
                print(f"    {device:<20} vendor {n['vendor_ok']}/{n['vendor_total']}  type {n['type_ok']}/{n['type_total']}")
        else:
            print("  left out (not scored):")
            for job in left_out:
                got = job["got"]
                print(f"    {job['capture']} {job['key']}: {job['why']}  [plugin: {got['vendor'] or '-'} / "
                      f"{got['type'] or '-'}]")
            print(f"    Nintendo: {NINTENDO_NOTE}")
        print_totals("  ", sets[name])
        print()
    print("== Overall (both sets)" if len(sets) > 1 else "== Overall (one set only)")
    print_totals("  ", overall)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentinel", type=Path, default=DEFAULT_SENTINEL, help="IoT Sentinel directory")
    parser.add_argument("--ndpi", type=Path, default=DEFAULT_NDPI, help="nDPI captures directory")
    parser.add_argument("--json", action="store_true", help="write the numbers (and each device) as JSON to stdout")
    parser.add_argument("--jobs", type=int, default=max(2, os.cpu_count() or 2), help="tshark runs in parallel")
    args = parser.parse_args()

    jobs = []
    if (args.sentinel / "labels.tsv").is_file():
        jobs += sentinel_jobs(args.sentinel)
    else:
        print(f"skipping IoT Sentinel: {args.sentinel} (or its labels.tsv) is missing", file=sys.stderr)
    have_ndpi = args.ndpi.is_dir()
    if have_ndpi:
        jobs += ndpi_jobs(args.ndpi)
    else:
        print(f"skipping nDPI: {args.ndpi} is missing", file=sys.stderr)
    if not jobs:
        print("no data set found", file=sys.stderr)
        return 1

    with tempfile.TemporaryDirectory() as tmp:
        tshark = TShark(make_plugin_root(Path(tmp) / "plugins", SUITE_PLUGINS), Path(tmp) / "home")
        results = run_jobs(tshark, jobs, args.jobs)
        left_out = left_out_identities(tshark, args.ndpi, args.jobs) if have_ndpi else []

    if args.json:
        sets, overall = summarize(results)
        devices = [{k: (str(v) if isinstance(v, Path) else v) for k, v in r.items()} for r in results]
        left = [{k: v for k, v in j.items() if k != "path"} for j in left_out]
        json.dump({"sets": sets, "overall": overall, "devices": devices, "left_out": left,
                   "nintendo": NINTENDO_NOTE}, sys.stdout, indent=1)
        print()
    else:
        report(results, left_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
