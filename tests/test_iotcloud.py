"""iotcloud: vendor, type, model, name, confidence and evidence of local devices.

Expected identities are the talk's devices (their MAC vendors, names and
clouds are public); the captures are generated from the talk's tables."""
import sys

import pytest

from conftest import CAPTURES, capture

sys.path.insert(0, str(CAPTURES))
import pcapgen  # noqa: E402

PASSES = pytest.mark.parametrize("passes", [[], ["-2"]], ids=["one_pass", "two_pass"])
SMART_HOME = capture("iot_smart_home.pcap")
SIDE = ["vendor", "type", "model", "name", "confidence", "evidence"]


def identities(tshark, path, *args):
    """The last identity shown for each local source address."""
    fields = ["ip.src", "ipv6.src"] + [f"iotcloud.src.{key}" for key in SIDE]
    seen = {}
    for row in tshark.fields(path, fields, *args):
        address = row["ip.src"] or row["ipv6.src"]
        if address not in ("0.0.0.0", "::") and (row["iotcloud.src.vendor"] or row["iotcloud.src.type"]):
            seen[address] = {key: row[f"iotcloud.src.{key}"] for key in SIDE}
    return seen


SMART_HOME_DEVICES = {
    "192.168.179.172": ("Amazon", "voice-assistant"),      # Echo Dot
    "192.168.177.122": ("Sonos", "speaker"),
    "192.168.179.169": ("Netatmo", "sensor"),              # weather station
    "192.168.182.11": ("Logitech", "hub"),                 # Harmony hub (Slim Devices OUI)
    "192.168.183.129": ("iRobot", "vacuum"),               # Roomba (AzureWave Wi-Fi module OUI)
}


@PASSES
@pytest.mark.parametrize("address", sorted(SMART_HOME_DEVICES))
def test_talk_smart_home_devices_are_identified(tshark, passes, address):
    found = identities(tshark, SMART_HOME, *passes)
    vendor, kind = SMART_HOME_DEVICES[address]
    assert (found[address]["vendor"], found[address]["type"]) == (vendor, kind), found[address]
    assert int(found[address]["confidence"]) >= 50


def test_roomba_is_not_named_after_its_wifi_module(tshark):
    found = identities(tshark, SMART_HOME, "-2")
    assert found["192.168.183.129"]["vendor"] != "AzureWave"
    assert "dhcp_hostname=Roomba" in found["192.168.183.129"]["evidence"]


@pytest.mark.parametrize("address", ["192.168.180.44", "192.168.180.61"], ids=["android", "iphone"])
def test_phones_are_phones_not_iot(tshark, address):
    found = identities(tshark, SMART_HOME, "-2")
    assert found[address]["type"] == "phone", found[address]


def test_names_come_from_dhcp(tshark):
    found = identities(tshark, SMART_HOME, "-2")
    assert found["192.168.182.11"]["name"] == "HarmonyHub"
    assert found["192.168.179.169"]["name"] == "Netatmo-Personal-Weather-Station"


def test_identity_is_on_every_packet_with_two_passes_even_before_dhcp(tshark):
    """The Echo's DHCP DISCOVER (frame 1, from 0.0.0.0) carries its MAC: with -2 it is labelled."""
    rows = tshark.fields(SMART_HOME, ["frame.number", "iotcloud.src.vendor"], "-2", "-Y", "frame.number == 1")
    assert rows == [{"frame.number": "1", "iotcloud.src.vendor": "Amazon"}]


def test_vendor_filter_matches_either_end(tshark):
    sonos = "192.168.177.122"
    rows = tshark.fields(SMART_HOME, ["ip.src", "ip.dst"], "-2", "-Y", 'iotcloud.vendor == "Sonos"')
    assert rows and all(sonos in (r["ip.src"], r["ip.dst"]) or r["ip.src"] == "0.0.0.0" for r in rows)
    assert {r["ip.src"] == sonos for r in rows} == {True, False}


def test_tesla_powerwall_is_a_tesla_appliance(tshark):
    found = identities(tshark, capture("iot_tesla_powerwall.pcap"), "-2")
    assert (found["192.168.2.36"]["vendor"], found["192.168.2.36"]["type"]) == ("Tesla", "appliance")


def test_dlink_camera_talking_to_mydlink(tshark):
    found = identities(tshark, capture("iot_camera_mydlink.pcap"), "-2")
    camera = found["192.168.2.136"]
    assert (camera["vendor"], camera["type"]) == ("D-Link", "camera")
    assert "mydlink.com" in camera["evidence"]


def test_user_rule_from_the_preferences_adds_evidence(tshark):
    """A rule on what the host says of itself (its DHCP host name) outweighs
    the shipped ones; a rule on a name it looks up could not (test_identity)."""
    rule = ('uat:iotcloud_device_rules:"dhcp_hostname","prefix","Netatmo-Personal","Netatmo","thermostat","-",'
            '"100"')
    found = identities(tshark, SMART_HOME, "-2", "-o", rule)
    assert found["192.168.179.169"]["type"] == "thermostat"


def test_malformed_user_rule_is_refused_with_a_clear_message(tshark):
    rule = 'uat:iotcloud_device_rules:"dns_name","regex","x","V","-","-","10"'
    proc = tshark.run("-r", SMART_HOME, "-c", "1", "-o", rule, check=False)
    assert "unknown match" in proc.stderr


def test_missing_rules_file_is_reported_once_and_oui_still_names_vendors(bare_tshark):
    proc = bare_tshark.run("-r", SMART_HOME, "-2", "-T", "fields", "-e", "ip.src", "-e", "iotcloud.src.vendor",
                    "-Y", "ip.src == 192.168.177.122")
    assert proc.stderr.count("device_rules.tsv is not installed") == 1
    assert set(proc.stdout.splitlines()) == {"192.168.177.122\tSonos"}


def test_device_table_is_bounded(tshark):
    """With room for 16 devices, the smart home's 7 all fit; the preference is honoured."""
    found = identities(tshark, SMART_HOME, "-2", "-o", "iotcloud.max_devices:16")
    assert len(found) >= 7


LOCAL_EDGES = {"172.15.255.5": False, "172.16.0.5": True, "172.31.255.5": True, "172.32.0.5": False,
               "100.63.255.5": False, "100.64.0.5": True, "100.127.255.5": True, "100.128.0.5": False,
               "169.254.3.4": True, "10.9.9.9": True, "11.0.0.1": False, "127.0.0.2": True,
               "fc00::5": True, "fdff::5": True, "fe80::5": True, "febf::5": True, "fec0::5": False,
               "2001:db8::5": False}


def test_only_hosts_of_private_and_local_networks_are_devices(tshark, tmp_path):
    """The edges of RFC 1918, CGNAT, link-local, loopback and ULA space: a
    Sonos MAC makes a device only where the address is local."""
    path = tmp_path / "edges.pcap"
    with pcapgen.PcapWriter(path) as out:
        for i, address in enumerate(LOCAL_EDGES):
            server = "2001:4860::8888" if ":" in address else "8.8.8.8"
            ethertype, packet = pcapgen.ip(address, server, 17, pcapgen.udp(40000 + i, 53, b"x" * 8))
            out.add(1528538400 + i, pcapgen.ether(f"00:0e:58:11:22:{i:02x}", "00:11:22:33:44:55", ethertype,
                                                  packet))
    rows = tshark.fields(path, ["ip.src", "ipv6.src", "iotcloud.src.vendor"], "-2")
    found = {r["ip.src"] or r["ipv6.src"]: r["iotcloud.src.vendor"] == "Sonos" for r in rows}
    assert found == LOCAL_EDGES
