"""cloud: provider, service and region of both ends of every IP packet.

Expected providers come from the providers' own published ranges (the talk's
addresses), the CDN name lists, and test fixtures built here."""
import json
import subprocess
from pathlib import Path

import pytest

from conftest import capture
from wsenv import BUILD, DATA_SUBDIR

PASSES = pytest.mark.parametrize("passes", [[], ["-2"]], ids=["one_pass", "two_pass"])
TALK = capture("cloud_talk_examples.pcap")
FIXTURE_WRITER = Path(__file__).parent / "fixtures" / "make_mmdb.pl"
SIDE = ["provider", "service", "region", "hostname", "asn", "as_org", "source"]
DST_FIELDS = ["frame.number", "ip.dst"] + [f"cloud.dst.{name}" for name in SIDE]


def by_frame(tshark, path, fields, *args):
    return tshark.fields_by_frame(path, fields, *args)


def dst(row, name):
    return row[f"cloud.dst.{name}"]


def make_mmdb(tmp_path, database_type, records):
    spec = tmp_path / f"{database_type}.json"
    spec.write_text(json.dumps({"database_type": database_type, "records": records}))
    out = tmp_path / f"{database_type}.mmdb"
    subprocess.run(["perl", str(FIXTURE_WRITER), str(spec), str(out)], check=True)
    return out


@PASSES
def test_mydlink_camera_relay_is_aws_ec2_eu_west_1(tshark, passes):
    rows = by_frame(tshark, TALK, DST_FIELDS, *passes, "-Y", "ip.dst == 54.194.162.98")
    assert rows
    for row in rows.values():
        assert (dst(row, "provider"), dst(row, "service"), dst(row, "region"), dst(row, "source")) == \
            ("AWS", "EC2", "eu-west-1", "range")


@PASSES
def test_alexa_and_sonos_cloud_hosts_are_aws(tshark, passes):
    rows = tshark.fields(TALK, ["ip.dst", "cloud.dst.provider", "cloud.dst.region", "cloud.dst.hostname"],
                         *passes, "-Y", "ip.dst in {52.94.219.213, 34.243.113.114}")
    seen = {(r["ip.dst"], r["cloud.dst.provider"], r["cloud.dst.region"]) for r in rows}
    assert seen == {("52.94.219.213", "AWS", "eu-west-1"), ("34.243.113.114", "AWS", "eu-west-1")}
    # The Sonos cloud host is named by the PTR answer, before its connection starts.
    assert {r["cloud.dst.hostname"] for r in rows if r["ip.dst"] == "34.243.113.114"} == \
        {"ec2-34-243-113-114.eu-west-1.compute.amazonaws.com"}


@PASSES
def test_facebook_cname_chain_names_meta_addresses(tshark, passes):
    fields = ["frame.number", "ip.src", "ipv6.src", "cloud.src.provider", "cloud.src.hostname"]
    rows = tshark.fields(TALK, fields, *passes, "-Y", "ip.src == 31.13.64.35")
    assert rows and all(r["cloud.src.provider"] == "Meta" for r in rows)
    assert all(r["cloud.src.hostname"] == "www.facebook.com" for r in rows if int(r["frame.number"]) > 4)


def test_a_name_labels_frames_from_the_one_that_bound_it_in_every_pass(tshark):
    """Frame 1 (the SYN) precedes the ClientHello (frame 4) that names the server:
    one pass and two passes show what was known at each frame."""
    one, two = (by_frame(tshark, TALK, DST_FIELDS, *p) for p in ([], ["-2"]))
    for rows in (one, two):
        assert dst(rows[1], "hostname") == "" and dst(rows[4], "hostname") == "www.facebook.com"
    assert one == two


def test_cloud_provider_matches_either_end(tshark):
    rows = tshark.fields(TALK, ["ip.src", "ip.dst"], "-Y", 'cloud.provider == "AWS"')
    addresses = {"54.194.162.98", "52.94.219.213", "34.243.113.114", "205.251.193.53"}
    assert rows and all(r["ip.src"] in addresses or r["ip.dst"] in addresses for r in rows)
    directions = {r["ip.src"] in addresses for r in rows}
    assert directions == {True, False}


def test_tesla_name_servers_are_aws_route53(tshark):
    rows = by_frame(tshark, TALK, DST_FIELDS, "-Y", "dns.qry.name == synergy.sn.teslaenergy.services && dns.flags.response == 0")
    (row,) = rows.values()
    assert (dst(row, "provider"), dst(row, "service")) == ("AWS", "ROUTE53")


@PASSES
def test_cname_to_a_cdn_labels_an_address_in_no_published_range(tshark, passes):
    rows = by_frame(tshark, TALK, DST_FIELDS, *passes, "-Y", "ip.dst == 151.99.125.10")
    assert rows
    for row in rows.values():
        assert (dst(row, "provider"), dst(row, "service"), dst(row, "source"), dst(row, "hostname")) == \
            ("Akamai", "akamaiedge.net", "name", "www.example.com")


def test_private_relay_egress_is_apple_not_the_network_operator(tshark, tmp_path):
    asn_db = make_mmdb(tmp_path, "GeoLite2-ASN", [
        {"network": "104.28.0.0/16", "data": {"autonomous_system_number": 13335,
                                              "autonomous_system_organization": "CLOUDFLARENET"}}])
    rows = by_frame(tshark, TALK, DST_FIELDS, "-o", f"cloud.asn_db:{asn_db}", "-Y", "ip.dst == 104.28.28.1")
    for row in rows.values():
        assert (dst(row, "provider"), dst(row, "service"), dst(row, "source")) == \
            ("Apple", "iCloud Private Relay egress", "range")
        assert (dst(row, "asn"), dst(row, "as_org")) == ("13335", "CLOUDFLARENET")


def test_asn_database_names_the_provider_of_an_unlisted_address(tshark, tmp_path):
    asn_db = make_mmdb(tmp_path, "GeoLite2-ASN", [
        {"network": "198.51.100.0/24", "data": {"autonomous_system_number": 16509,
                                                "autonomous_system_organization": "AMAZON-02"}}])
    rows = by_frame(tshark, TALK, DST_FIELDS, "-o", f"cloud.asn_db:{asn_db}", "-Y", "ip.dst == 198.51.100.7")
    for row in rows.values():
        assert (dst(row, "provider"), dst(row, "asn"), dst(row, "as_org"), dst(row, "source")) == \
            ("AWS", "16509", "AMAZON-02", "asn")


def test_http_host_names_the_server(tshark):
    rows = by_frame(tshark, TALK, DST_FIELDS + ["http.host"], "-2", "-Y", "ip.dst == 198.51.100.7")
    request = min(n for n, r in rows.items() if r["http.host"])
    named = [r for n, r in rows.items() if n >= request]
    assert named and all(dst(r, "hostname") == "api.example.org" and dst(r, "provider") == "" for r in named)
    assert all(dst(r, "hostname") == "" for n, r in rows.items() if n < request)


def test_local_addresses_are_never_labelled(tshark):
    rows = tshark.fields(TALK, ["ip.src", "ip.dst", "cloud.src.provider", "cloud.src.hostname"],
                         "-Y", "ip.src == 192.168.0.0/16")
    assert rows and all(r["cloud.src.provider"] == r["cloud.src.hostname"] == "" for r in rows)


def test_local_networks_preference_excludes_more_networks(tshark):
    rows = tshark.fields(TALK, ["cloud.dst.provider"], "-o", "iotcloud.local_networks:54.194.0.0/16, 2001:db8::/32",
                         "-Y", "ip.dst == 54.194.162.98")
    assert rows and all(r["cloud.dst.provider"] == "" for r in rows)


def test_bad_local_networks_preference_is_reported_once(tshark):
    proc = tshark.run("-r", TALK, "-o", "iotcloud.local_networks:10.0.0.0/99", "-c", "1")
    assert proc.stderr.count("iotcloud.local_networks") == 1 and '"10.0.0.0/99"' in proc.stderr


def test_sources_can_be_switched_off(tshark):
    rows = by_frame(tshark, TALK, DST_FIELDS, "-o", "cloud.use_ranges:FALSE", "-o", "cloud.use_asn:FALSE", "-2",
                    "-Y", "ip.dst in {54.194.162.98, 31.13.64.35}")
    camera = [r for r in rows.values() if r["ip.dst"] == "54.194.162.98"]
    facebook = [r for r in rows.values() if r["ip.dst"] == "31.13.64.35"]
    assert all(dst(r, "provider") == "" for r in camera)
    # facebook.com is also a Meta name pattern
    assert all((dst(r, "provider"), dst(r, "source")) == ("Meta", "name")
               for r in facebook if int(r["frame.number"]) >= 4)     # from the ClientHello on
    rows = tshark.fields(TALK, ["cloud.dst.hostname"], "-o", "cloud.use_names:FALSE", "-Y", "ip.dst == 151.99.125.10")
    assert rows and all(r["cloud.dst.hostname"] == "" for r in rows)


def test_missing_ranges_database_is_reported_once_and_names_still_work(tshark, tmp_path):
    missing = tmp_path / "nowhere.mmdb"
    proc = tshark.run("-r", TALK, "-T", "fields", "-e", "cloud.dst.provider", "-e", "cloud.dst.source",
                      "-o", f"cloud.ranges_db:{missing}", "-Y", "ip.dst == 151.99.125.10")
    messages = [line for line in proc.stderr.splitlines() if "nowhere.mmdb" in line]
    assert len(messages) == 1 and "provider ranges are off" in messages[0]
    assert set(proc.stdout.split("\n")) - {""} == {"Akamai\tname"}


def test_corrupt_ranges_database_is_reported_once(tshark, tmp_path):
    corrupt = tmp_path / "corrupt.mmdb"
    corrupt.write_bytes(b"\x00" * 4096 + b"not a maxmind db" * 100)
    proc = tshark.run("-r", TALK, "-o", f"cloud.ranges_db:{corrupt}", "-c", "3")
    messages = [line for line in proc.stderr.splitlines() if "corrupt.mmdb" in line]
    assert len(messages) == 1 and "provider ranges are off" in messages[0]
    assert len(proc.stdout.splitlines()) == 3


def test_database_of_the_wrong_kind_is_refused(tshark, tmp_path):
    city = make_mmdb(tmp_path, "GeoLite2-City", [{"network": "54.194.0.0/16", "data": {"provider": "Nope"}}])
    proc = tshark.run("-r", TALK, "-T", "fields", "-e", "cloud.dst.provider", "-o", "cloud.use_asn:FALSE",
                      "-o", f"cloud.ranges_db:{city}", "-Y", "ip.dst == 54.194.162.98")
    assert "GeoLite2-City" in proc.stderr and "IoTCloud-Cloud-Ranges" in proc.stderr
    assert set(proc.stdout.split("\n")) - {""} == set()


def test_missing_data_files_are_reported_and_ranges_still_work(bare_tshark):
    proc = bare_tshark.run("-r", TALK, "-T", "fields", "-e", "cloud.dst.provider", "-Y", "ip.dst == 54.194.162.98",
                    "-o", f"cloud.ranges_db:{BUILD / 'data' / DATA_SUBDIR / 'cloud-ranges.mmdb'}")
    assert "hostname_patterns.csv is not installed" in proc.stderr
    assert "asn_providers.csv is not installed" in proc.stderr
    assert set(proc.stdout.split("\n")) - {""} == {"AWS"}


def test_bad_rows_in_a_data_file_are_counted_and_skipped(tshark):
    patterns = tshark.config / "iotcloud" / "hostname_patterns.csv"
    original = patterns.resolve().read_text()
    patterns.unlink()
    patterns.write_text(original + "onlyonecolumn\nx.example,Someone,cdn,regex,test\n")
    proc = tshark.run("-r", TALK, "-c", "1")
    (message,) = [line for line in proc.stderr.splitlines() if "hostname_patterns.csv" in line]
    assert "skipped 2 bad lines" in message and "fewer than 4 columns" in message


def test_data_file_of_another_version_is_refused(tshark):
    patterns = tshark.config / "iotcloud" / "hostname_patterns.csv"
    patterns.unlink()
    patterns.write_text("# iotcloud-data hostname_patterns v9\nsuffix,provider,kind,match,sources\n")
    proc = tshark.run("-r", TALK, "-c", "1")
    assert "first line should start with \"# iotcloud-data hostname_patterns v1\"" in proc.stderr


def test_hostile_dns_is_bounded(tshark):
    """A CNAME loop, a 40-name chain, 2,000 answers and a 250-byte name."""
    rows = by_frame(tshark, capture("cloud_hostile_dns.pcap"), DST_FIELDS, "-2", "-Y", "tcp.flags.syn == 1 && tcp.flags.ack == 0")
    hostnames = {r["ip.dst"]: dst(r, "hostname") for r in rows.values()}
    assert hostnames["151.99.125.11"] == "a.loop.example"          # the loop ends at its first repeat
    assert hostnames["151.99.125.12"] == "c33.chain.example"       # 8 names back from the address
    assert hostnames["80.19.0.1"] == "many.example"                # within the first 64 answers
    assert hostnames["80.19.7.250"] == ""                          # answer 2,000: beyond the bound
    assert hostnames["151.99.125.13"].startswith("xxxx") and len(hostnames["151.99.125.13"]) == 250
