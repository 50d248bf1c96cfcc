"""One plugin library for the three protocols: each can be switched off on
its own, every pass shows what was known at each frame, the statistic keeps
its state per instance, and recycled device slots carry nothing over."""
import json
import os
import re
import shutil
import subprocess

import pytest

from conftest import capture
from test_mediated import stats

PASSES = pytest.mark.parametrize("passes", [[], ["-2"]], ids=["one_pass", "two_pass"])
ALEXA_SONOS = capture("iot_alexa_sonos.pcap")
SMART_HOME = capture("iot_smart_home.pcap")
ECHO, SONOS = "192.168.179.172", "192.168.177.122"


def statistics(tshark, path, *filters):
    """The text of each -z iotcloud,tree[,FILTER] of one tshark run, in order."""
    argv = ["-r", path, "-q"]
    for f in filters:
        argv += ["-z", "iotcloud,tree" + (f",{f}" if f else "")]
    return statistic_blocks(tshark.run(*argv).stdout)


def statistic_blocks(out):
    blocks = re.split(r"\n=+\n(?=IoT Cloud/Devices and Clouds)", "\n" + out)
    return [b for b in blocks if b.startswith("IoT Cloud/Devices and Clouds")]


def test_the_library_registers_the_three_protocols(tshark):
    protocols = {line.split("\t")[2] for line in tshark.run("-G", "protocols").stdout.splitlines()}
    assert {"delta_distance", "cloud", "iotcloud"} <= protocols


def test_two_statistics_with_different_filters_each_give_their_own_answer(tshark):
    echo, sonos = f"ip.addr == {ECHO}", f"ip.addr == {SONOS}"
    together = statistics(tshark, ALEXA_SONOS, echo, sonos)
    alone = [statistics(tshark, ALEXA_SONOS, f)[0] for f in (echo, sonos)]
    assert len(together) == 2
    assert sorted(together) == sorted(alone)                    # tshark prints them in either order
    echo_only = alone[0].split("Bytes")[0]
    assert f" {ECHO} " in echo_only and f" {SONOS} " not in echo_only
    assert f"correlated: {ECHO} -> {SONOS} via AWS" in alone[0]    # the pair concerns the Echo too


def test_a_statistic_does_not_change_the_analysis(tshark):
    fields = ["frame.number", "iotcloud.mediated.kind", "iotcloud.mediated.peer", "iotcloud.src.vendor"]
    plain = tshark.fields(ALEXA_SONOS, fields, "-2")
    with_stat = tshark.fields(ALEXA_SONOS, fields, "-2", "-z", "iotcloud,tree")
    assert with_stat[:len(plain)] == plain


@PASSES
def test_a_recycled_device_slot_gives_no_mediated_field_to_a_host_that_took_no_part(tshark, passes):
    """20 hosts after the relay push the camera and viewer out of a 16-device
    table; 192.168.2.99 then downloads from the same relay address and port."""
    path = capture("iot_recycled_devices.pcap")
    small = ["-o", "iotcloud.max_devices:16"]
    rows = tshark.fields(path, ["ip.src", "ip.dst", "iotcloud.mediated.kind"], *passes, *small)
    newcomer = [r for r in rows if "192.168.2.99" in (r["ip.src"], r["ip.dst"])]
    assert len(newcomer) == 3 + 24
    assert all(r["iotcloud.mediated.kind"] == "" for r in newcomer)
    mediated = stats(tshark, path, *passes, *small)["Cloud-mediated conversations"]
    assert list(mediated) == ["relay: 192.168.2.136 -> 192.168.2.20 via 54.194.162.98:2048"]


@PASSES
def test_a_cdn_address_that_changes_name_shows_each_name_on_its_own_frames(tshark, passes):
    rows = tshark.fields(capture("cloud_cdn_name_change.pcap"),
                         ["frame.number", "tls.handshake.extensions_server_name", "cloud.dst.hostname",
                          "cloud.dst.provider"], *passes, "-Y", "ip.dst == 151.99.125.20")
    names = [r["cloud.dst.hostname"] for r in rows]
    assert names == ["shop.example.com"] * 4 + ["news.example.net"] * 4
    assert all(r["cloud.dst.provider"] == "Akamai" for r in rows)
    for r in rows:                                  # each ClientHello agrees with the label of its frame
        assert r["tls.handshake.extensions_server_name"] in ("", r["cloud.dst.hostname"])


def test_disabling_cloud_removes_its_fields_and_iotcloud_still_works(tshark):
    fields = ["iotcloud.src.vendor", "cloud.dst.provider", "cloud.src.provider", "delta_distance.rtt"]
    rows = tshark.fields(SMART_HOME, fields, "-2", "--disable-protocol", "cloud")
    assert not any(r["cloud.dst.provider"] or r["cloud.src.provider"] for r in rows)
    assert {"Sonos", "Amazon", "iRobot"} <= {r["iotcloud.src.vendor"] for r in rows}
    assert any(r["delta_distance.rtt"] for r in rows)
    devices = stats(tshark, ALEXA_SONOS, "-2", "--disable-protocol", "cloud")["Devices"]
    assert any(line.startswith(f"{SONOS} Sonos speaker") for line in devices)
    assert not tshark.fields(SMART_HOME, ["frame.number"], "--disable-protocol", "cloud", "-Y", "cloud")


def test_with_all_three_disabled_the_suite_adds_nothing(tshark):
    off = ["--disable-protocol", "delta_distance", "--disable-protocol", "cloud", "--disable-protocol", "iotcloud"]
    assert not tshark.fields(SMART_HOME, ["frame.number"], *off, "-Y", "delta_distance || cloud || iotcloud")
    assert tshark.fields(SMART_HOME, ["frame.number"], "-Y", "delta_distance && cloud && iotcloud")


def test_the_old_local_networks_preference_is_refused_with_a_message(tshark):
    proc = tshark.run("-r", SMART_HOME, "-c", "1", "-o", "cloud.local_networks:10.0.0.0/8", check=False)
    assert proc.returncode != 0 and "obsolete" in proc.stderr


SUITE_PROTOCOLS = ("delta_distance", "cloud", "iotcloud")
# Fields of different sets and ends, the hidden either-end copies among them:
# each run asks for a few, so what is added is decided by a partial mask.
FEW_AT_A_TIME = [
    ["cloud.dst.service"],
    ["cloud.src.as_org", "iotcloud.dst.confidence"],
    ["cloud.provider", "delta_distance.rtt.frame"],
    ["iotcloud.type", "delta_distance.custom.mi"],
    ["cloud.ipv4", "cloud.dst.ipv4", "iotcloud.mediated.via"],
    ["iotcloud.src.evidence", "delta_distance.rtt.max_mi", "cloud.dst.hostname"],
]


# (The either-end copies, cloud.provider, are not among the fields each capture
# must show: tshark 4.0 -T fields does not ask for its -e fields, so they are
# empty there in both runs.)
@pytest.mark.parametrize("name, args, shown", [
    ("iot_alexa_sonos.pcap", ["-2"], ["iotcloud.mediated.via", "iotcloud.dst.confidence",
                                      "delta_distance.custom.mi", "iotcloud.src.evidence"]),
    ("cloud_embedded_ipv4.pcap", [], ["cloud.dst.ipv4", "cloud.dst.service"]),
    ("rtt_exchanges.pcap", [], ["delta_distance.rtt.frame", "delta_distance.rtt.max_mi"]),
])
def test_a_field_asked_with_few_others_has_the_values_it_has_among_all(tshark, name, args, shown):
    """Which of the suite's items a packet gets depends on which fields are
    asked for (tshark -T fields, a filter): a field's values must not."""
    every = [line.split("\t")[2] for line in tshark.run("-G", "fields").stdout.splitlines()
             if line.startswith("F\t") and line.split("\t")[2].split(".")[0] in SUITE_PROTOCOLS]
    path = capture(name)
    all_rows = tshark.fields(path, ["frame.number"] + every, *args, occurrence="a")
    assert all(any(r[f] for r in all_rows) for f in shown), "the capture shows these fields"
    for few in FEW_AT_A_TIME:
        rows = tshark.fields(path, ["frame.number"] + few, *args, occurrence="a")
        assert [{f: r[f] for f in few} for r in rows] == [{f: r[f] for f in few} for r in all_rows], few


# A single pass that prints packet lines reads nothing of the suite unless a
# field of it is asked for, a statistic listens or an expert info is shown:
# the suite then does no work on it (plugin.c, unread_pass). Each way of
# reading must still find what the suite learned.
COLUMNS = "gui.column.format:" + '"No.","%m","Vendor","%Cus:iotcloud.src.vendor"'


@PASSES
def test_a_plain_run_prints_the_same_packet_lines_as_stock_tshark(tshark, stock_tshark, passes):
    assert tshark.run("-r", SMART_HOME, *passes).stdout == stock_tshark.run("-r", SMART_HOME, *passes).stdout


@PASSES
def test_a_display_filter_on_a_suite_field_selects_its_frames_in_packet_lines(tshark, passes):
    sonos = 'iotcloud.src.vendor == "Sonos"'
    wanted = [r["frame.number"] for r in tshark.fields(SMART_HOME, ["frame.number"], *passes, "-Y", sonos)]
    lines = tshark.run("-r", SMART_HOME, *passes, "-Y", sonos, "-o", 'gui.column.format:"No.","%m"').stdout.split()
    assert len(wanted) > 5 and lines == wanted


@PASSES
def test_a_custom_column_of_a_suite_field_shows_the_field(tshark, passes):
    out = tshark.run("-r", SMART_HOME, *passes, "-o", COLUMNS).stdout
    rows = [line.split(maxsplit=1) for line in out.splitlines()]
    by_frame = {r["frame.number"]: r["iotcloud.src.vendor"]
                for r in tshark.fields(SMART_HOME, ["frame.number", "iotcloud.src.vendor"], *passes)}
    assert {"Sonos", "Amazon", "iRobot"} <= {r[1] for r in rows if len(r) == 2}
    assert all(by_frame[r[0]] == (r[1] if len(r) == 2 else "") for r in rows)


@PASSES
def test_a_statistic_beside_packet_lines_equals_the_quiet_one(tshark, passes):
    quiet = statistic_blocks(tshark.run("-r", ALEXA_SONOS, *passes, "-q", "-z", "iotcloud,tree").stdout)
    loud = statistic_blocks(tshark.run("-r", ALEXA_SONOS, *passes, "-z", "iotcloud,tree").stdout)
    assert len(quiet) == 1 and "correlated: " in quiet[0] and loud == quiet


def test_sharkd_filters_and_shows_a_suite_field_as_tshark_does_in_two_passes(tshark):
    """sharkd loads the file in a first pass without columns, then answers from later passes."""
    if shutil.which("sharkd") is None:
        pytest.skip("no sharkd")
    sonos = 'iotcloud.src.vendor == "Sonos"'
    requests = [{"jsonrpc": "2.0", "id": 1, "method": "load", "params": {"file": str(SMART_HOME)}},
                {"jsonrpc": "2.0", "id": 2, "method": "frames",
                 "params": {"column0": "iotcloud.src.vendor:0", "filter": sonos}}]
    command = ["sharkd", "-"]
    if os.geteuid() == 0:
        command = ["unshare", "-U", *command]
    proc = subprocess.run(command, input="".join(json.dumps(r) + "\n" for r in requests),
                          capture_output=True, text=True, env=tshark.env(), check=True)
    frames = json.loads(proc.stdout.splitlines()[-1])["result"]
    wanted = tshark.fields(SMART_HOME, ["frame.number", "iotcloud.src.vendor"], "-2", "-Y", sonos)
    assert len(wanted) > 5
    assert [(str(f["num"]), f["c"][0]) for f in frames] == [(r["frame.number"], "Sonos") for r in wanted]
