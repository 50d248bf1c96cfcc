"""The iotcloud tap and statistic: -z iotcloud,tree, and cloud-mediated
conversations between local devices (relay, correlated), with their fields."""
import re

import pytest

from conftest import capture

PASSES = pytest.mark.parametrize("passes", [[], ["-2"]], ids=["one_pass", "two_pass"])
ALEXA_SONOS = capture("iot_alexa_sonos.pcap")
RELAY = capture("iot_camera_relay.pcap")
ECHO, SONOS, PHONE, HARMONY, ROOMBA = ("192.168.179.172", "192.168.177.122", "192.168.180.44",
                                       "192.168.182.11", "192.168.183.129")


def stats(tshark, path, *args, tree="iotcloud,tree"):
    """{branch: {line: count}} of the statistic's top-level branches' direct children."""
    out = tshark.run("-r", path, "-q", "-z", tree, *args).stdout
    branches, current = {}, None
    for line in out.splitlines():
        match = re.match(r"^( ?)(\S.*?)\s{2,}(\d+)\s", line)
        if not match:
            continue
        indent, name, count = match.groups()
        if indent == "":
            current = branches.setdefault(name, {})
        elif current is not None:
            current[name] = int(count)
    return branches


@PASSES
def test_echo_and_sonos_are_correlated_through_aws(tshark, passes):
    mediated = stats(tshark, ALEXA_SONOS, *passes)["Cloud-mediated conversations"]
    assert mediated == {f"correlated: {ECHO} -> {SONOS} via AWS": 3}


@PASSES
def test_camera_and_viewer_meet_at_the_same_relay(tshark, passes):
    mediated = stats(tshark, RELAY, *passes)["Cloud-mediated conversations"]
    (line,) = mediated
    assert line == "relay: 192.168.2.136 -> 192.168.2.20 via 54.194.162.98:2048"
    assert mediated[line] > 400


def test_phone_that_also_drives_the_sonos_on_the_lan_is_direct_not_mediated(tshark):
    branches = stats(tshark, ALEXA_SONOS, "-2")
    # Count: the 4 TCP packets the two exchange on the LAN (port 1400).
    assert branches["Direct (not only through the cloud)"] == {f"{PHONE} <-> {SONOS} (also correlated via AWS)": 4}
    assert not any(PHONE in line for line in branches["Cloud-mediated conversations"])


def test_devices_that_merely_share_aws_are_not_a_pair(tshark):
    branches = stats(tshark, ALEXA_SONOS, "-2")
    lines = list(branches["Cloud-mediated conversations"]) + list(branches["Direct (not only through the cloud)"])
    assert not any(HARMONY in line or ROOMBA in line for line in lines)
    assert any(line.startswith(HARMONY) for line in branches["Devices"])   # yet both are there, on AWS
    assert any(line.startswith(ROOMBA) for line in branches["Devices"])


def test_mediated_fields_mark_the_packets_of_both_conversations(tshark):
    rows = tshark.fields(ALEXA_SONOS, ["ip.src", "ip.dst", "iotcloud.mediated.peer", "iotcloud.mediated.kind",
                                       "iotcloud.mediated.via"], "-2", "-Y", "iotcloud.mediated")
    ends = {frozenset((r["ip.src"], r["ip.dst"])) for r in rows}
    assert ends == {frozenset((ECHO, "52.94.219.213")), frozenset((SONOS, "34.243.113.114"))}
    for row in rows:
        assert row["iotcloud.mediated.peer"] == (SONOS if ECHO in (row["ip.src"], row["ip.dst"]) else ECHO)
        assert (row["iotcloud.mediated.kind"], row["iotcloud.mediated.via"]) == ("correlated", "AWS")


def test_relay_fields_filter_both_ends_of_the_relay(tshark):
    rows = tshark.fields(RELAY, ["ip.src", "ip.dst", "iotcloud.mediated.via"], "-2",
                         "-Y", 'iotcloud.mediated.kind == "relay"')
    local = {r["ip.src"] for r in rows} | {r["ip.dst"] for r in rows}
    assert {"192.168.2.136", "192.168.2.20"} <= local
    assert {r["iotcloud.mediated.via"] for r in rows} == {"54.194.162.98:2048"}


def test_a_shorter_correlation_window_finds_no_pair(tshark):
    """AWS pushes the Sonos 0.9 s after the Echo starts speaking."""
    branches = stats(tshark, ALEXA_SONOS, "-2", "-o", "iotcloud.correlation_window:0.5")
    assert branches["Cloud-mediated conversations"] == {}


def test_bad_correlation_window_is_reported_once_and_the_default_kept(tshark):
    proc = tshark.run("-r", ALEXA_SONOS, "-2", "-q", "-z", "iotcloud,tree", "-o", "iotcloud.correlation_window:soon")
    assert proc.stderr.count("iotcloud.correlation_window") == 1 and "keeping 2" in proc.stderr
    assert f"correlated: {ECHO} -> {SONOS} via AWS" in proc.stdout


def test_tree_lists_devices_then_providers_then_services(tshark):
    out = tshark.run("-r", capture("iot_smart_home.pcap"), "-2", "-q", "-z", "iotcloud,tree").stdout
    lines = out.splitlines()
    sonos = next(i for i, line in enumerate(lines) if line.startswith(f" {SONOS} Sonos speaker (SonosZP)"))
    assert lines[sonos + 1].startswith("  AWS ")
    assert lines[sonos + 2].startswith("   EC2 eu-west-1 msmetrics.ws.sonos.com ")


def test_tree_honours_its_filter(tshark):
    devices = stats(tshark, capture("iot_smart_home.pcap"), "-2",
                    tree=f"iotcloud,tree,ip.addr=={SONOS}")["Devices"]
    assert list(devices) == [f"{SONOS} Sonos speaker (SonosZP)"]


def test_statistic_is_listed_by_tshark(tshark):
    proc = tshark.run("-z", "help")
    assert "iotcloud,tree" in proc.stdout + proc.stderr          # tshark lists them on stderr


def test_the_correlated_pair_says_how_many_events_chance_would_explain(tshark):
    """Two passes: the pair's line has one line under it, and its packets carry the score."""
    out = tshark.run("-r", ALEXA_SONOS, "-2", "-q", "-z", "iotcloud,tree").stdout
    match = re.search(r"^  3 events, (\d+\.\d\d) expected by chance, score (\d+\.\d)\s+3\s", out, re.M)
    assert match, out
    expected, score = float(match.group(1)), float(match.group(2))
    assert 0 < expected < 1 and score >= 2
    rows = tshark.fields(ALEXA_SONOS, ["iotcloud.mediated.kind", "iotcloud.mediated.score"], "-2",
                         "-Y", 'iotcloud.mediated.kind == "correlated"')
    assert rows and {round(float(r["iotcloud.mediated.score"]), 1) for r in rows} == {score}


def test_a_stricter_significance_level_drops_the_weak_pair(tshark):
    """The Echo's three commands give p around 0.005: not enough at alpha 0.0001."""
    mediated = stats(tshark, ALEXA_SONOS, "-2", "-o", "iotcloud.correlation_alpha:0.0001")
    assert mediated["Cloud-mediated conversations"] == {}
