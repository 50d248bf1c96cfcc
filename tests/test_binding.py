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
    rows = {int(r["frame.number"]): r for r in tshark.fields(capture("iot_routed_vlan.pcap"), FIELDS, *passes)}
    router_ping = rows[5]
    assert router_ping["ip.src"] == "192.168.176.1"
    assert router_ping["iotcloud.src.vendor"] == "" and "mydlink" not in router_ping["iotcloud.src.evidence"]
    camera_later = rows[7]
    assert camera_later["ip.src"] == "10.20.0.7"
    assert "dns_name=signal.mydlink.com" in camera_later["iotcloud.src.evidence"]


def test_the_routed_camera_keeps_what_it_said_on_every_frame_with_two_passes(tshark):
    rows = tshark.fields(capture("iot_routed_vlan.pcap"), FIELDS, "-2", "-Y", "ip.src == 10.20.0.7")
    assert len(rows) == 2
    assert all("dns_name=signal.mydlink.com" in r["iotcloud.src.evidence"] for r in rows)


@PASSES
def test_an_ssdp_reply_between_a_mediated_pair_leaves_it_mediated(tshark, passes):
    """The Echo searches (M-SEARCH), the Sonos answers it by unicast (200 OK):
    they found each other, they did not control each other."""
    branches = stats(tshark, capture("iot_alexa_sonos_discovery.pcap"), *passes)
    assert list(branches["Cloud-mediated conversations"]) == [
        "correlated: 192.168.179.172 -> 192.168.177.122 via AWS"]
    assert list(branches["Direct (not only through the cloud)"]) == [
        "192.168.180.44 <-> 192.168.177.122 (also correlated via AWS)"]
