# SPDX-License-Identifier: GPL-2.0-or-later
"""The AS database and addresses that embed IPv4.

AS numbers and organisations come from an AS database: the suite's asn.mmdb
(built from @ip-location-db/asn when scripts/fetch_asn_db.sh could fetch it),
or fixtures built here, with MaxMind's writer (tests/fixtures/make_mmdb.pl)
or with the suite's own converter (plugins/cloud/data/build_asn_mmdb.pl).

Addresses that embed IPv4 are checked against the RFCs' own examples: RFC 6052
(NAT64), RFC 8215 (its local-use prefix), RFC 4291 (IPv4-mapped), RFC 3056
(6to4) and RFC 4380 (Teredo)."""
import ipaddress
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BUILD, CAPTURES, capture
from test_cloud import make_mmdb
from wsenv import DATA_SUBDIR, TShark

sys.path.insert(0, str(CAPTURES))
import pcapgen  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
CONVERTER = REPO / "plugins" / "cloud" / "data" / "build_asn_mmdb.pl"
PROBE = BUILD / "tests" / "addr_embed_probe"
BUILT_ASN_DB = BUILD / "data" / DATA_SUBDIR / "asn.mmdb"
TALK = capture("cloud_talk_examples.pcap")
FIELDS = ["frame.number", "ip.dst", "ipv6.dst"] + [f"cloud.dst.{name}" for name in
                                                   ("provider", "service", "region", "asn", "as_org", "source")]

LAN_V4, LAN_V6 = "192.168.1.10", "fd00:1::10"


def teredo(server, port, client):
    """RFC 4380 4: 2001:0000, the server, flags, then port and client inverted."""
    packed = (b"\x20\x01\x00\x00" + ipaddress.IPv4Address(server).packed + b"\x80\x00"
              + bytes(b ^ 0xFF for b in port.to_bytes(2, "big") + ipaddress.IPv4Address(client).packed))
    return str(ipaddress.IPv6Address(packed))


# In the published ranges 54.194.162.98 and 34.243.113.114 are AWS EC2
# eu-west-1, 31.13.64.35 is Meta, and 65.54.227.120 (a Teredo server) is Microsoft.
NAT64_AWS = "64:ff9b::36c2:a262"                            # 54.194.162.98
NAT64_LOCAL_AWS = "64:ff9b:1:ab::36c2:a262"                 # 54.194.162.98, RFC 8215 block
MAPPED_AWS = "::ffff:54.194.162.98"
SIX_TO_FOUR_META = "2002:1f0d:4023::1"                      # 31.13.64.35
TEREDO_AWS_CLIENT = teredo("65.54.227.120", 40000, "34.243.113.114")
ALIBABA_HTTPDNS = "203.107.1.65"                            # in no published range (docs/cloud.md)
TELECOM_ITALIA = "151.99.125.10"


def build_capture(path, servers):
    """A TCP SYN from the LAN to each server, frame N+1 to servers[N]."""
    pcap = pcapgen.Pcap()
    for i, server in enumerate(servers):
        client = LAN_V6 if ":" in server else LAN_V4
        ethertype, packet = pcapgen.ip(client, server, 6, pcapgen.tcp(40000 + i, 443, 1000, 0, pcapgen.TCP_SYN))
        pcap.add(1528538400 + i, pcapgen.ether("3c:22:fb:00:00:01", "00:11:22:33:44:55", ethertype, packet))
    pcap.write(path)
    return path


def convert(tmp_path, csv_text, name="asn"):
    """asn.mmdb from ip-location-db style CSV text, with the suite's converter."""
    source = tmp_path / f"{name}.csv"
    source.write_text(csv_text)
    out = tmp_path / f"{name}.mmdb"
    proc = subprocess.run(["perl", str(CONVERTER), str(source), str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return out, proc


def dst_rows(tshark, path, *args):
    return tshark.fields_by_frame(path, FIELDS, "-2", *args)


def label(row, *names):
    return tuple(row[f"cloud.dst.{name}"] for name in names)


# ------------------------------------------------------------ addr_embed.c

@pytest.mark.parametrize("address, kind, ipv4", [
    ("64:ff9b::151.101.2.133", "NAT64", "151.101.2.133"),
    ("64:ff9b::c000:221", "NAT64", "192.0.2.33"),                  # RFC 6052 2.4, /96 row
    ("64:ff9b:1:fffe::c000:221", "NAT64", "192.0.2.33"),           # RFC 8215 local use, /96 prefix
    ("::ffff:129.144.52.38", "IPv4-mapped", "129.144.52.38"),       # RFC 4291 2.5.5.2
    ("2002:c000:0221::1", "6to4", "192.0.2.33"),                    # RFC 3056 2: 2002:V4ADDR::/48
    ("2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo", "192.0.2.45"),  # client of server 65.54.227.120
], ids=["nat64", "nat64_rfc6052", "nat64_local_use", "ipv4_mapped", "6to4", "teredo_client"])
def test_embedded_ipv4_is_found_where_its_rfc_puts_it(address, kind, ipv4):
    out = subprocess.run([str(PROBE), address], capture_output=True, text=True, check=True).stdout
    assert out == f"{address}\t{kind}\t{ipv4}\n"


@pytest.mark.parametrize("address", [
    "64:ff9c::c000:221",         # next to the NAT64 well-known prefix
    "64:ff9b:2::c000:221",       # past the local-use /48
    "::c000:221",                # IPv4-compatible, deprecated (RFC 4291 2.5.5.1)
    "::ffff:0:c000:221",         # SIIT's IPv4-translated form, not IPv4-mapped
    "2001:1::1",                 # 2001:1::/32 is not Teredo's 2001::/32
    "2003::c000:221",
    "2001:db8::1",
    "192.0.2.33",                # an IPv4 address embeds nothing
])
def test_addresses_that_embed_no_ipv4_are_left_alone(address):
    out = subprocess.run([str(PROBE), address], capture_output=True, text=True, check=True).stdout
    assert out == f"{address}\t\t\n"


# ------------------------------------------------------------ in tshark, after the lead's integration

AWS_AS = "54.194.0.0,54.194.255.255,16509,\"Amazon.com, Inc.\"\n"


@pytest.mark.parametrize("server", [NAT64_AWS, NAT64_LOCAL_AWS, MAPPED_AWS], ids=["nat64", "nat64_local", "mapped"])
def test_nat64_or_mapped_packet_to_an_aws_address_carries_aws_its_region_and_its_as(tshark, tmp_path, server):
    """(The ranges DB aliases ::ffff:0:0/96 to IPv4 by itself; the AS database
    does not, so the AS shows whether the plugin looked up the IPv4 address.)"""
    asn_db, _ = convert(tmp_path, AWS_AS)
    path = build_capture(tmp_path / "nat64.pcap", [server])
    (row,) = dst_rows(tshark, path, "-o", f"cloud.asn_db:{asn_db}").values()
    assert label(row, "provider", "service", "region", "asn", "source") == \
        ("AWS", "EC2", "eu-west-1", "16509", "range")


def test_6to4_address_is_labelled_as_its_ipv4_address_including_its_as(tshark, tmp_path):
    """The ranges DB already aliases 2002::/16 to IPv4, but the AS must be the
    embedded address's (Meta), not the 6to4 relay's (Hurricane Electric)."""
    asn_db, _ = convert(tmp_path, "31.13.64.0,31.13.127.255,32934,\"Facebook, Inc.\"\n"
                                  "2002::,2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff,6939,Hurricane Electric LLC\n")
    path = build_capture(tmp_path / "6to4.pcap", [SIX_TO_FOUR_META])
    (row,) = dst_rows(tshark, path, "-o", f"cloud.asn_db:{asn_db}").values()
    assert label(row, "provider", "asn", "as_org", "source") == ("Meta", "32934", "Facebook, Inc.", "range")


def test_teredo_address_is_labelled_as_its_client_not_its_server(tshark, tmp_path):
    """Teredo server 65.54.227.120 is Microsoft; the client behind the address,
    34.243.113.114, is AWS EC2 eu-west-1."""
    path = build_capture(tmp_path / "teredo.pcap", [TEREDO_AWS_CLIENT])
    (row,) = dst_rows(tshark, path).values()
    assert label(row, "provider", "region", "source") == ("AWS", "eu-west-1", "range")


def test_tree_says_which_ipv4_address_a_nat64_address_was_read_as(tshark, tmp_path):
    path = build_capture(tmp_path / "nat64.pcap", [NAT64_AWS])
    out = tshark.run("-r", path, "-2", "-V", "-O", "cloud").stdout
    assert "NAT64 of 54.194.162.98" in out


# ------------------------------------------------------------ providers from AS numbers

def test_address_of_an_asn_only_provider_is_labelled_from_the_as_database(tshark, tmp_path):
    """Alibaba Cloud publishes no range list; AS37963 is Alibaba's in asn_providers.csv."""
    asn_db = make_mmdb(tmp_path, "GeoLite2-ASN", [
        {"network": "203.107.0.0/18", "data": {"autonomous_system_number": 37963,
                                               "autonomous_system_organization": "Hangzhou Alibaba Advertising Co.,Ltd."}}])
    path = build_capture(tmp_path / "alibaba.pcap", [ALIBABA_HTTPDNS])
    (row,) = dst_rows(tshark, path, "-o", f"cloud.asn_db:{asn_db}").values()
    assert label(row, "provider", "service", "region", "asn", "as_org", "source") == \
        ("Alibaba Cloud", "", "", "37963", "Hangzhou Alibaba Advertising Co.,Ltd.", "asn")


def test_published_range_keeps_priority_over_the_as_database(tshark, tmp_path):
    asn_db = make_mmdb(tmp_path, "GeoLite2-ASN", [
        {"network": "54.194.0.0/16", "data": {"autonomous_system_number": 37963,
                                              "autonomous_system_organization": "not AWS"}}])
    path = build_capture(tmp_path / "aws.pcap", ["54.194.162.98"])
    (row,) = dst_rows(tshark, path, "-o", f"cloud.asn_db:{asn_db}").values()
    assert label(row, "provider", "region", "asn", "as_org", "source") == \
        ("AWS", "eu-west-1", "37963", "not AWS", "range")


def test_converted_ranges_cover_exactly_their_addresses(tshark, tmp_path):
    """151.99.125.0-151.99.125.130 is no CIDR block: the converter must store
    .0/25 and .128/31 and .130/32, nothing past .130."""
    asn_db, _ = convert(tmp_path, '151.99.125.0,151.99.125.130,3269,"Telecom Italia, S.p.A."\n')
    path = build_capture(tmp_path / "ti.pcap", ["151.99.125.10", "151.99.125.130", "151.99.125.131"])
    rows = dst_rows(tshark, path, "-o", f"cloud.asn_db:{asn_db}")
    assert [label(rows[n], "asn", "as_org") for n in (1, 2, 3)] == \
        [("3269", "Telecom Italia, S.p.A."), ("3269", "Telecom Italia, S.p.A."), ("", "")]


def test_converter_reports_bad_rows_by_line_and_keeps_the_good_ones(tmp_path):
    _, proc = convert(tmp_path, "1.0.0.0,1.0.0.255,13335,Cloudflare\n"
                                "1.0.4.0,1.0.3.255,38803,ends before it starts\n"
                                "1.0.16.0,::1,2519,mixed families\n"
                                "1.0.64.0,1.0.127.255,0,no such AS\n"
                                '1.0.128.0,1.0.196.255,23969,"unbalanced\n'
                                "1.0.0.128,1.0.1.255,38803,overlapping\n")
    assert proc.stderr.splitlines() == [
        f"{tmp_path}/asn.csv:2: range 1.0.4.0-1.0.3.255 ends before it starts, skipped",
        f"{tmp_path}/asn.csv:3: \"::1\" is not an address of the same family as \"1.0.16.0\", skipped",
        f"{tmp_path}/asn.csv:4: \"0\" is not an AS number, skipped",
        f"{tmp_path}/asn.csv:5: unbalanced double quotes in the organisation, skipped",
        f"{tmp_path}/asn.csv:6: 1.0.0.128-1.0.1.255 overlaps an earlier range (up to 1.0.0.255); this row wins there"]
    assert "6 rows read (4 bad), 2 ranges inserted (IPv4 2, IPv6 0, 1 overlapping)" in proc.stdout


def test_later_of_two_overlapping_ranges_wins_where_they_overlap(tshark, tmp_path):
    """@ip-location-db/asn 2.3.2026061719 has one such pair (214.95.0.0-215.0.255.255
    AS749, then 215.0.0.0-215.1.3.255 AS721)."""
    asn_db, _ = convert(tmp_path, "151.99.0.0,151.99.125.255,3269,first\n151.99.125.0,151.99.127.255,64500,second\n")
    path = build_capture(tmp_path / "overlap.pcap", ["151.99.124.1", "151.99.125.10", "151.99.127.1"])
    rows = dst_rows(tshark, path, "-o", f"cloud.asn_db:{asn_db}")
    assert [label(rows[n], "asn", "as_org") for n in (1, 2, 3)] == \
        [("3269", "first"), ("64500", "second"), ("64500", "second")]


def test_converted_database_is_accepted_as_an_as_database(tshark, tmp_path):
    """database_type must contain "ASN" for the plugin (and for Wireshark's own mmdbresolve)."""
    asn_db, _ = convert(tmp_path, "31.13.64.0,31.13.127.255,32934,Facebook\n")
    proc = tshark.run("-r", TALK, "-2", "-T", "fields", "-e", "cloud.dst.asn", "-o", f"cloud.asn_db:{asn_db}",
                      "-Y", "ip.dst == 31.13.64.35")
    assert "Cloud:" not in proc.stderr
    assert set(proc.stdout.split()) == {"32934"}


# ------------------------------------------------------------ with and without the suite's AS database

def tshark_without_asn_db(plugin_root, data_root, home):
    """tshark with every data file of the build except asn.mmdb."""
    tshark = TShark(plugin_root, home, with_data=False, data_root=data_root)
    (tshark.config / DATA_SUBDIR).mkdir()
    for item in (BUILD / "data" / DATA_SUBDIR).iterdir():
        if item.name != "asn.mmdb":
            (tshark.config / DATA_SUBDIR / item.name).symlink_to(item)
    return tshark


def test_without_an_as_database_the_fields_are_absent_and_nothing_is_reported(suite_plugin_root, data_root,
                                                                               tmp_path):
    if any(any(Path(d).glob("*[Aa][Ss][Nn]*.mmdb")) for d in ("/usr/share/GeoIP", "/var/lib/GeoIP")):
        pytest.skip("an ASN database in Wireshark's GeoIP folders would be found")
    tshark = tshark_without_asn_db(suite_plugin_root, data_root, tmp_path / "home")
    proc = tshark.run("-r", TALK, "-2", "-T", "fields", "-e", "cloud.dst.provider", "-e", "cloud.dst.asn",
                      "-e", "cloud.dst.as_org")
    rows = {tuple(line.split("\t")) for line in proc.stdout.splitlines()}
    assert ("AWS", "", "") in rows and ("Meta", "", "") in rows
    assert all(row[1:] == ("", "") for row in rows)
    assert not [line for line in proc.stderr.splitlines() if "Cloud" in line or "AS " in line or "asn" in line]


@pytest.mark.skipif(not BUILT_ASN_DB.exists(), reason="no asn.mmdb in the build: scripts/fetch_asn_db.sh was offline")
def test_built_as_database_names_the_as_of_an_address_outside_every_provider_list(tshark):
    """151.99.125.10 is in no published range (Akamai only by a CNAME); the
    pinned @ip-location-db/asn 2.3.2026061719 puts it in Telecom Italia's AS3269."""
    rows = dst_rows(tshark, TALK, "-Y", f"ip.dst == {TELECOM_ITALIA}")
    assert rows
    for row in rows.values():
        assert label(row, "asn", "as_org") == ("3269", "Telecom Italia S.p.A.")
