"""delta_distance: time deltas as cable distances, RTTs as a distance bound.

Expected values come from the talk's table and from physics applied to
stock tshark's own frame.time_delta* fields, never from the plugin.
"""
import math
import re

import pytest

from conftest import capture

C_KM_S = 299792.458
KM_PER_MILE = 1.609344
VF_CAT6, VF_FIBER, VF_CUSTOM_DEFAULT = 0.65, 0.67, 0.64

# "Cloud and CDN [8/19]": Gerald Combs' delta_distance.lua on this capture.
TALK_CAT6_KM = [0, 2.14351, 5013.29, 2.14351, 9980.58, 2.14351,
                5058.89, 1.36405, 4937.68, 6.6254, 5035.89, 1.36405]

PASSES = pytest.mark.parametrize("passes", [[], ["-2"]], ids=["one_pass", "two_pass"])
TALK = capture("talk_delta_distance.pcap")
RTT = capture("rtt_exchanges.pcap")


def agree_to_5_significant_digits(value, reference):
    if reference == 0:
        return value == 0
    return abs(value - reference) <= 0.5 * 10 ** (math.floor(math.log10(abs(reference))) - 4)


def close(value, expected, rel=1e-9):
    return math.isclose(float(value), expected, rel_tol=rel, abs_tol=1e-12)


def close_km(value, expected):
    """Distances are printed with 6 significant digits (single precision), as in the talk."""
    return math.isclose(float(value), expected, rel_tol=1e-5, abs_tol=1e-9)


@PASSES
def test_talk_table_cat6_km_is_reproduced_to_5_significant_digits(tshark, passes):
    rows = tshark.fields(TALK, ["frame.number", "delta_distance.cat6.km"], *passes)
    assert [int(r["frame.number"]) for r in rows] == list(range(1, 13))
    for row, talk in zip(rows, TALK_CAT6_KM):
        assert agree_to_5_significant_digits(float(row["delta_distance.cat6.km"]), talk), (row, talk)


def test_fields_print_like_the_talks_table(tshark):
    """Six significant digits, as the Lua original's float fields."""
    rows = tshark.fields(TALK, ["delta_distance.cat6.km"], "-c", "5")
    assert [r["delta_distance.cat6.km"] for r in rows] == ["0", "2.14352", "5013.29", "2.14352", "9980.6"]


@PASSES
@pytest.mark.parametrize("display_filter", ["", "ip.src == 200.121.1.13", "frame.number in {1, 4, 5, 9}"])
def test_every_medium_is_the_stock_displayed_delta_times_its_speed(tshark, passes, display_filter):
    fields = ["frame.time_delta_displayed", "delta_distance.delta",
              "delta_distance.cat6.km", "delta_distance.cat6.mi",
              "delta_distance.fiber.km", "delta_distance.fiber.mi",
              "delta_distance.custom.km", "delta_distance.custom.mi"]
    args = list(passes) + (["-Y", display_filter] if display_filter else [])
    rows = tshark.fields(TALK, fields, *args)
    assert rows
    for row in rows:
        delta = float(row["frame.time_delta_displayed"])
        assert close(row["delta_distance.delta"], delta)
        for medium, vf in [("cat6", VF_CAT6), ("fiber", VF_FIBER), ("custom", VF_CUSTOM_DEFAULT)]:
            km = delta * C_KM_S * vf
            assert close_km(row[f"delta_distance.{medium}.km"], km), (medium, row)
            assert close_km(row[f"delta_distance.{medium}.mi"], km / KM_PER_MILE), (medium, row)


@PASSES
def test_filtered_view_measures_from_the_previous_displayed_frame(tshark, passes):
    rows = tshark.fields(TALK, ["frame.number", "delta_distance.prev_frame", "delta_distance.delta"],
                         *passes, "-Y", "ip.src == 200.121.1.13")
    assert [r["frame.number"] for r in rows] == ["1", "3", "5", "7", "9", "11"]
    assert [r["delta_distance.prev_frame"] for r in rows] == ["", "1", "3", "5", "7", "9"]
    assert close(rows[1]["delta_distance.delta"], 0.025738)      # frame 3 - frame 1


def test_tree_shows_distances_with_their_unit(tshark):
    out = tshark.run("-r", TALK, "-V", "-c", "3").stdout
    assert "[Cat 6: 5013.29 km]" in out                       # the talk's value, as a label
    assert re.search(r"\[Cat 6 \(miles\): 3115\.1\d mi\]", out)
    assert "[Delta: 0.025727000 seconds]" in out


def test_display_filter_on_displayed_delta_never_matches_as_with_stock_field(tshark):
    """Documented limitation: the previous displayed frame of a frame being
    filtered is only known once something is displayed."""
    assert tshark.run("-r", TALK, "-Y", "delta_distance.cat6.km > 1000").stdout == ""
    assert tshark.run("-r", TALK, "-Y", "frame.time_delta_displayed > 0.001").stdout == ""


@PASSES
def test_captured_delta_preference_makes_distance_filters_match(tshark, passes):
    rows = tshark.fields(TALK, ["frame.number"], *passes, "-o", "delta_distance.use_captured_delta:TRUE",
                         "-Y", "delta_distance.cat6.km > 1000")
    assert [r["frame.number"] for r in rows] == ["3", "5", "7", "9", "11"]


def test_captured_delta_ignores_the_display_filter(tshark):
    rows = tshark.fields(TALK, ["frame.time_delta", "delta_distance.delta", "delta_distance.prev_frame"],
                         "-o", "delta_distance.use_captured_delta:TRUE", "-Y", "ip.src == 200.121.1.13")
    assert [r["delta_distance.prev_frame"] for r in rows] == [""] * 6      # always the frame just before
    for row in rows:
        assert close(row["delta_distance.delta"], float(row["frame.time_delta"]))


def test_custom_velocity_factor_comes_from_the_preference(tshark):
    rows = tshark.fields(TALK, ["frame.time_delta_displayed", "delta_distance.custom.km"],
                         "-o", "delta_distance.custom_vf:0.585")
    for row in rows:
        assert close_km(row["delta_distance.custom.km"], float(row["frame.time_delta_displayed"]) * C_KM_S * 0.585)


@pytest.mark.parametrize("bad_value", ["abc", "1.5", "0", "-0.3", "0.6x"])
def test_invalid_velocity_factor_is_reported_once_and_the_default_kept(tshark, bad_value):
    proc = tshark.run("-r", TALK, "-T", "fields", "-e", "frame.time_delta_displayed",
                      "-e", "delta_distance.custom.km", "-o", f"delta_distance.custom_vf:{bad_value}")
    messages = [line for line in proc.stderr.splitlines() if "delta_distance.custom_vf" in line]
    assert len(messages) == 1 and f'"{bad_value}"' in messages[0] and "keeping 0.64" in messages[0]
    for line in proc.stdout.splitlines():
        delta, km = map(float, line.split("\t"))
        assert math.isclose(km, delta * C_KM_S * VF_CUSTOM_DEFAULT, rel_tol=1e-5)


def test_out_of_order_time_stamp_gives_an_expert_note_and_no_distance(tshark):
    rows = tshark.fields(RTT, ["frame.number", "delta_distance.delta", "delta_distance.cat6.km", "_ws.expert.message"],
                         "-o", "delta_distance.use_captured_delta:TRUE", "-Y", "frame.number == 41")
    assert len(rows) == 1
    assert close(rows[0]["delta_distance.delta"], -0.5)
    assert rows[0]["delta_distance.cat6.km"] == ""
    assert "earlier than frame 40" in rows[0]["_ws.expert.message"]


def test_non_ip_frame_gets_a_delta_but_no_rtt(tshark):
    rows = tshark.fields(RTT, ["frame.number", "arp.opcode", "delta_distance.delta", "delta_distance.rtt"],
                         "-Y", "arp")
    assert rows == [{"frame.number": "1", "arp.opcode": "1", "delta_distance.delta": "0", "delta_distance.rtt": ""}]


# --- round trips -------------------------------------------------------------

RTT_FIELDS = ["frame.number", "delta_distance.rtt", "delta_distance.rtt.method",
              "delta_distance.rtt.frame", "delta_distance.rtt.max_km", "delta_distance.rtt.max_mi"]
TCP_HANDSHAKE, DNS, ICMP_ECHO = "1", "2", "3"


def rtt_by_frame(tshark, path, *args):
    return tshark.fields_by_frame(path, RTT_FIELDS, *args)


def assert_rtt(row, seconds, method, frame):
    assert close(row["delta_distance.rtt"], seconds), row
    assert row["delta_distance.rtt.method"] == method
    assert row["delta_distance.rtt.frame"] == str(frame)
    max_km = seconds / 2 * C_KM_S * VF_FIBER
    assert close_km(row["delta_distance.rtt.max_km"], max_km), row
    assert close_km(row["delta_distance.rtt.max_mi"], max_km / KM_PER_MILE), row


def test_facebook_answering_in_0_9_ms_is_at_most_90_km_away(tshark):
    """The talk's "< 1 msec: how is this possible?": 0.9 ms bounds the server to ~90 km."""
    rows = rtt_by_frame(tshark, RTT, "-2")
    assert_rtt(rows[3], 0.0009, TCP_HANDSHAKE, 3)
    assert 90.3 < float(rows[3]["delta_distance.rtt.max_km"]) < 90.5


def test_tcp_handshake_rtt_shows_from_the_syn_ack_in_one_pass(tshark):
    rows = rtt_by_frame(tshark, RTT)
    assert rows[2]["delta_distance.rtt"] == ""                   # the SYN: not measured yet
    for frame in (3, 4, 5, 6):
        assert_rtt(rows[frame], 0.0009, TCP_HANDSHAKE, 3)


def test_two_passes_show_the_round_trip_known_at_each_frame_as_one_pass(tshark):
    """Later passes do not show the end of the capture: the SYN was not measured yet."""
    one_pass, two_pass = rtt_by_frame(tshark, RTT), rtt_by_frame(tshark, RTT, "-2")
    assert one_pass == two_pass
    assert two_pass[2]["delta_distance.rtt"] == ""
    for frame in (3, 4, 5, 6):
        assert_rtt(two_pass[frame], 0.0009, TCP_HANDSHAKE, 3)


@PASSES
def test_icmp_echo_keeps_the_smallest_round_trip_known_so_far(tshark, passes):
    rows = rtt_by_frame(tshark, RTT, *passes)
    assert rows[7]["delta_distance.rtt"] == ""                   # the first request
    assert_rtt(rows[8], 0.078956, ICMP_ECHO, 8)                  # talk: 78.956 ms over 3G
    assert_rtt(rows[9], 0.078956, ICMP_ECHO, 8)
    assert_rtt(rows[10], 0.066536, ICMP_ECHO, 10)                # then 66.536 ms


@PASSES
def test_dns_query_and_response_give_an_rtt(tshark, passes):
    rows = rtt_by_frame(tshark, RTT, *passes)
    assert_rtt(rows[12], 0.0125, DNS, 12)


@pytest.mark.parametrize("frames", [range(13, 16), range(16, 22)], ids=["dns", "tcp_syn"])
def test_retransmitted_request_gives_no_rtt(tshark, frames):
    """Karn's rule: the answer may belong to either copy of the request."""
    rows = rtt_by_frame(tshark, RTT, "-2")
    assert all(rows[f]["delta_distance.rtt"] == "" for f in frames)


def test_vlan_tagged_handshake_is_measured(tshark):
    rows = rtt_by_frame(tshark, RTT, "-2", "-Y", "vlan")
    assert sorted(rows) == [22, 23, 24, 25, 26]
    for frame in (23, 24, 25, 26):
        assert_rtt(rows[frame], 0.025, TCP_HANDSHAKE, 23)


def test_tcp_joined_mid_stream_has_no_rtt(tshark):
    rows = rtt_by_frame(tshark, RTT, "-2")
    assert rows[27]["delta_distance.rtt"] == rows[28]["delta_distance.rtt"] == ""


def test_ipv6_echo_and_handshake_are_measured(tshark):
    rows = rtt_by_frame(tshark, RTT, "-2")
    assert [rows[f]["delta_distance.rtt.frame"] for f in range(29, 35)] == ["", "30", "30", "32", "32", "34"]
    assert_rtt(rows[30], 0.00123, ICMP_ECHO, 30)                 # talk: 1.23, 0.939, 0.635 ms
    assert_rtt(rows[32], 0.000939, ICMP_ECHO, 32)
    assert_rtt(rows[34], 0.000635, ICMP_ECHO, 34)
    for frame in range(36, 40):
        assert_rtt(rows[frame], 0.000879, TCP_HANDSHAKE, 36)


def test_raw_ip_link_handshake_is_measured(tshark):
    rows = rtt_by_frame(tshark, capture("rtt_raw_ip.pcap"), "-2")
    for frame in (2, 3):
        assert_rtt(rows[frame], 0.010, TCP_HANDSHAKE, 2)


def test_linux_cooked_capture_dns_is_measured(tshark):
    rows = rtt_by_frame(tshark, capture("rtt_linux_sll.pcap"), "-2")
    assert_rtt(rows[2], 0.005, DNS, 2)


def test_rtt_method_filters_by_name(tshark):
    rows = tshark.fields(RTT, ["frame.number"], "-2", "-Y", 'delta_distance.rtt.method == "ICMP echo"')
    assert [int(r["frame.number"]) for r in rows] == list(range(8, 11)) + list(range(30, 35))
