"""Which frames belong to which device (docs/iotcloud.md): addresses are
bound to a MAC only from frames their host sends, a MAC that routes is
found out and its earlier bindings undone, and discovery between two
devices does not make them a direct pair."""
import pytest

from conftest import capture
from test_mediated import stats

PASSES = pytest.mark.parametrize("passes", [[], ["-2"]], ids=["one_pass", "two_pass"])
FIELDS = ["frame.number", "ip.src", "iotcloud.src.vendor", "iotcloud.src.evidence"]


@PASSES
def test_a_router_carrying_a_routed_camera_gets_no_camera_identity(tshark, passes):
    """The camera's lookup of signal.mydlink.com reaches the capture point with
    the router's MAC (frame 1) before anything shows the MAC routes (frame 3)."""
    rows = tshark.fields_by_frame(capture("iot_routed_vlan.pcap"), FIELDS, *passes)
    router_ping = rows[5]
    assert router_ping["ip.src"] == "192.168.176.1"
    assert router_ping["iotcloud.src.vendor"] == "" and "mydlink" not in router_ping["iotcloud.src.evidence"]
    camera_later = rows[7]
    assert camera_later["ip.src"] == "10.20.0.7"
    assert "dns_name=signal.mydlink.com" in camera_later["iotcloud.src.evidence"]


def test_a_forwarded_packet_speaks_for_its_source_not_for_the_mac_that_carried_it(tshark):
    """One pass, frame 1: the camera's lookup arrives with the router's MAC and
    TTL 63 (one router on the way): the camera's address gets the lookup, and
    nothing of the router's MAC (its maker, CIMSYS, from the OUI)."""
    first = tshark.fields(capture("iot_routed_vlan.pcap"), FIELDS, "-c", "1")[0]
    assert first["ip.src"] == "10.20.0.7"
    assert "dns_name=signal.mydlink.com" in first["iotcloud.src.evidence"]
    assert "oui=" not in first["iotcloud.src.evidence"] and first["iotcloud.src.vendor"] != "CIMSYS", first


def test_the_routed_camera_keeps_what_it_said_on_every_frame_with_two_passes(tshark):
    rows = tshark.fields(capture("iot_routed_vlan.pcap"), FIELDS, "-2", "-Y", "ip.src == 10.20.0.7")
    assert len(rows) == 2
    assert all("dns_name=signal.mydlink.com" in r["iotcloud.src.evidence"] for r in rows)


@PASSES
def test_a_device_serving_its_own_setup_network_keeps_its_identity_on_both_addresses(tshark, passes):
    """The Edimax plug sends from two /24s (its home address and the access
    point of its setup network), all with its own TTL: it is not a router,
    and its MAC's maker and its cloud name hold on both addresses."""
    rows = tshark.fields_by_frame(capture("iot_setup_access_point.pcap"), FIELDS, *passes)
    for number in (1, 2, 3, 4):
        assert rows[number]["iotcloud.src.vendor"] == "Edimax", rows[number]
        assert "oui=Edimax" in rows[number]["iotcloud.src.evidence"], rows[number]
    assert rows[2]["ip.src"] == "192.168.20.3" and "dns_name=www.myedimax.com" in rows[2]["iotcloud.src.evidence"]


@PASSES
def test_a_device_forwarding_its_setup_network_is_a_router_for_that_traffic(tshark, passes):
    """The WeMo forwards the phone on its setup network (TTL 63): the phone's
    frames get nothing of the WeMo (its MAC's maker, its cloud name)."""
    rows = tshark.fields_by_frame(capture("iot_setup_access_point.pcap"), FIELDS, *passes)
    for number in (6, 7):
        assert rows[number]["ip.src"] == "10.22.22.2"
        assert rows[number]["iotcloud.src.vendor"] == "", rows[number]
        assert "xbcs" not in rows[number]["iotcloud.src.evidence"] and "oui=" not in rows[number]["iotcloud.src.evidence"]
    assert rows[8]["iotcloud.src.vendor"] == "Belkin"         # its own address keeps what it said


@PASSES
def test_a_device_with_an_odd_initial_ttl_keeps_its_macs_identity(tshark, passes):
    """The scale's stack starts at TTL 60: not one to three below 64, 128 or
    255, so its packets are its own and bound to its MAC (Withings' OUI)."""
    rows = tshark.fields_by_frame(capture("iot_setup_access_point.pcap"), FIELDS, *passes)
    for number in (9, 10):
        assert rows[number]["ip.src"] == "10.10.10.60"
        assert rows[number]["iotcloud.src.vendor"] == "Withings", rows[number]
        assert "oui=Withings" in rows[number]["iotcloud.src.evidence"], rows[number]


@PASSES
def test_an_ssdp_reply_between_a_mediated_pair_leaves_it_mediated(tshark, passes):
    """The Echo searches (M-SEARCH), the Sonos answers it by unicast (200 OK):
    they found each other, they did not control each other."""
    branches = stats(tshark, capture("iot_alexa_sonos_discovery.pcap"), *passes)
    assert list(branches["Cloud-mediated conversations"]) == [
        "correlated: 192.168.179.172 -> 192.168.177.122 via AWS"]
    assert list(branches["Direct (not only through the cloud)"]) == [
        "192.168.180.44 <-> 192.168.177.122 (also correlated via AWS)"]
