# SPDX-License-Identifier: GPL-2.0-or-later
"""Through stock tshark: the suite reads the right bytes behind every link
layer and tunnel it follows (the inner hosts of GRE, VXLAN, IP-in-IP and 6in4
get their names and round trips), and misreads none of the odd packets.

Captures: captures/encap_*.pcap and captures/odd_*.pcap, from
captures/generate_encap.py. Expected values are the names and addresses the
captures were built with, checked against stock tshark's own DNS and IP
fields, and round trips computed from stock tshark's time stamps of the SYN
and SYN-ACK.
"""
import math

import pytest

from conftest import capture

# capture: (the name its client resolves, the address it gets and connects to)
ENCAPSULATIONS = {
    "encap_vlan.pcap": ("vlan.example-iot.net", "203.0.113.11"),
    "encap_qinq.pcap": ("qinq.example-iot.net", "203.0.113.12"),
    "encap_pppoe.pcap": ("pppoe.example-iot.net", "203.0.113.13"),
    "encap_sll.pcap": ("sll.example-iot.net", "203.0.113.14"),
    "encap_sll2.pcap": ("sll2.example-iot.net", "203.0.113.15"),
    "encap_null.pcap": ("null.example-iot.net", "203.0.113.16"),
    "encap_loop.pcap": ("loop.example-iot.net", "2001:db8:443::17"),
    "encap_raw_ipv6.pcap": ("raw6.example-iot.net", "2001:db8:443::18"),
    "encap_wifi_data.pcap": ("wifi.example-iot.net", "203.0.113.19"),
    "encap_wifi_qos.pcap": ("wifi-qos.example-iot.net", "203.0.113.20"),
    "encap_gre.pcap": ("gre.example-iot.net", "203.0.113.21"),
    "encap_vxlan.pcap": ("vxlan.example-iot.net", "203.0.113.22"),
    "encap_ipip.pcap": ("ipip.example-iot.net", "203.0.113.23"),
    "encap_6in4.pcap": ("6in4.example-iot.net", "2001:db8:443::24"),
}

FIELDS = ["frame.number", "frame.protocols", "frame.time_epoch", "tcp.flags.syn", "tcp.flags.ack", "ip.dst", "ipv6.dst",
          "dns.flags.response", "dns.qry.name", "dns.a", "dns.aaaa", "cloud.dst.hostname", "delta_distance.rtt",
          "delta_distance.rtt.method"]
TRUE = ("1", "True")


def rows_of(tshark, name, *args):
    """-T fields rows; with occurrence=l a tunnelled packet's addresses are
    its innermost ones."""
    return tshark.fields(capture(name), FIELDS, *args, occurrence="l")


def destination(row):
    """The innermost IP destination (the protocols list ends with the innermost layer)."""
    layers = [layer for layer in row["frame.protocols"].split(":") if layer in ("ip", "ipv6")]
    return row["ipv6.dst"] if layers and layers[-1] == "ipv6" else row["ip.dst"]


def is_syn(row):
    return row["tcp.flags.syn"] in TRUE and row["tcp.flags.ack"] not in TRUE


def is_syn_ack(row):
    return row["tcp.flags.syn"] in TRUE and row["tcp.flags.ack"] in TRUE


def only(rows, what):
    assert len(rows) == 1, f"expected one {what}, found {len(rows)}"
    return rows[0]


def stock_rtt(syn, syn_ack):
    return float(syn_ack["frame.time_epoch"]) - float(syn["frame.time_epoch"])


def hostnames_towards(rows, address):
    return {row["cloud.dst.hostname"] for row in rows if destination(row) == address}


@pytest.mark.parametrize("name", sorted(ENCAPSULATIONS))
def test_inner_hosts_get_their_name_and_round_trip(tshark, name):
    host, address = ENCAPSULATIONS[name]
    rows = rows_of(tshark, name)
    answer = only([r for r in rows if r["dns.flags.response"] in TRUE], "DNS response")
    assert answer["dns.qry.name"] == host and address in (answer["dns.a"], answer["dns.aaaa"])   # stock's reading
    syn = only([r for r in rows if is_syn(r)], "SYN")
    syn_ack = only([r for r in rows if is_syn_ack(r)], "SYN-ACK")
    assert destination(syn) == address
    assert syn["cloud.dst.hostname"] == host
    assert syn_ack["delta_distance.rtt.method"] == "1"
    assert math.isclose(float(syn_ack["delta_distance.rtt"]), stock_rtt(syn, syn_ack), abs_tol=1e-6)


def test_vxlan_inner_hosts_are_labelled_in_two_passes_as_in_one(tshark):
    host, address = ENCAPSULATIONS["encap_vxlan.pcap"]
    rows = rows_of(tshark, "encap_vxlan.pcap", "-2")
    assert rows == rows_of(tshark, "encap_vxlan.pcap")
    syn = only([r for r in rows if is_syn(r)], "SYN")
    syn_ack = only([r for r in rows if is_syn_ack(r)], "SYN-ACK")
    assert hostnames_towards(rows, address) == {host}   # the DNS answer came first
    for row in rows:
        if row["tcp.flags.syn"] and int(row["frame.number"]) >= int(syn_ack["frame.number"]):
            assert math.isclose(float(row["delta_distance.rtt"]), stock_rtt(syn, syn_ack), abs_tol=1e-6)
    assert syn["delta_distance.rtt"] == ""             # not answered yet


def test_a_tcp_header_shorter_than_20_bytes_gives_no_http_name(tshark):
    """odd_tcp_data_offset.pcap: frame 4 claims a 16-byte TCP header, whose
    last 4 bytes read "GET "; a reader trusting it sees Host: offset.example."""
    rows = rows_of(tshark, "odd_tcp_data_offset.pcap", "-2")
    hdr_len = tshark.fields(capture("odd_tcp_data_offset.pcap"), ["tcp.hdr_len"], "-Y", "frame.number == 4")
    assert hdr_len == [{"tcp.hdr_len": "16"}]
    assert hostnames_towards(rows, "203.0.113.31") == {""}
    assert hostnames_towards(rows, "203.0.113.32") == {"", "control.example"}   # the SYN precedes the Host


def test_bytes_after_the_ipv6_payload_are_not_dhcpv6_options(tshark):
    """odd_dhcpv6_trailer.pcap: the first Solicit's Ethernet trailer looks like
    a vendor class option ("PS4"); the second has a real one, then padding."""
    rows = tshark.fields(capture("odd_dhcpv6_trailer.pcap"),
                         ["ipv6.src", "eth.trailer", "iotcloud.src.type", "iotcloud.src.evidence"], "-2")
    seen = {row["ipv6.src"]: row for row in rows}
    assert all(row["eth.trailer"] for row in rows)      # stock tshark: the bytes are outside IPv6's payload
    first, second = seen["fe80::3e22:fbff:fe10:41"], seen["fe80::3e22:fbff:fe10:42"]
    assert "dhcp_vendor_class" not in first["iotcloud.src.evidence"]
    assert first["iotcloud.src.type"] != "game-console"
    assert "dhcp_vendor_class=MSFT 5.0" in second["iotcloud.src.evidence"].split("; ")


def test_eight_ipv6_extension_headers_still_give_a_round_trip(tshark):
    """odd_ipv6_extension_headers.pcap: SYN and SYN-ACK with 8 destination
    options headers each, then a handshake with 9 (past the readers' bound)."""
    path = capture("odd_ipv6_extension_headers.pcap")
    protocols = [r["frame.protocols"].split(":").count("ipv6.dstopts")
                 for r in tshark.fields(path, ["frame.protocols"])]
    assert protocols == [8, 8, 9, 9]                    # stock tshark's reading
    syn8, syn_ack8, syn9, syn_ack9 = rows_of(tshark, "odd_ipv6_extension_headers.pcap")
    assert is_syn(syn8) and is_syn_ack(syn_ack8) and destination(syn8) == "2001:db8:443::41"
    assert math.isclose(float(syn_ack8["delta_distance.rtt"]), stock_rtt(syn8, syn_ack8), abs_tol=1e-6)
    assert (destination(syn9), syn_ack9["delta_distance.rtt"]) == ("2001:db8:443::42", "")


def test_a_dns_over_tcp_continuation_segment_binds_no_name(tshark):
    """odd_dns_tcp_continuation.pcap: the second segment of a response starts
    inside a TXT record whose text, read as a message, binds evil.example to
    203.0.113.66; a whole response in one segment binds tcp-dns.example."""
    rows = rows_of(tshark, "odd_dns_tcp_continuation.pcap", "-2")
    reassembled = [r for r in rows if r["dns.flags.response"] in TRUE]
    assert [r["dns.qry.name"] for r in reassembled] == ["big.example", "tcp-dns.example"]      # stock's reading
    assert hostnames_towards(rows, "203.0.113.66") == {""}
    assert hostnames_towards(rows, "203.0.113.67") == {"tcp-dns.example"}


def test_a_name_running_past_its_record_data_is_not_read(tshark):
    """odd_dns_rdata_overrun.pcap: a PTR record for 203.0.113.7 whose data
    ends after the label "vpn01", before its name does; the next record (A,
    mail.example.com, 203.0.113.8) is well formed."""
    rows = rows_of(tshark, "odd_dns_rdata_overrun.pcap", "-2")
    assert hostnames_towards(rows, "203.0.113.7") == {""}
    assert hostnames_towards(rows, "203.0.113.8") == {"mail.example.com"}


@pytest.mark.parametrize("passes", [[], ["-2"]], ids=["one_pass", "two_pass"])
def test_dhcp_host_names_from_overloaded_fields_and_split_options(tshark, passes):
    """odd_dhcp_overload.pcap: one host name in the boot file field (option
    52 = 1), one split over two option 12 instances (RFC 3396)."""
    rows = tshark.fields(capture("odd_dhcp_overload.pcap"), ["ip.src", "iotcloud.src.name"], "-Y", "dns", *passes)
    assert {row["ip.src"]: row["iotcloud.src.name"] for row in rows} == {
        "192.168.10.31": "Kitchen-Speaker", "192.168.10.32": "Living-Room-TV"}
