# SPDX-License-Identifier: GPL-2.0-or-later
"""Hostile captures and configuration (issue 20).

Forged identities, bytes outside the IP datagram, preferences out of range,
damaged databases, data files that are no regular files; and each attack of
scripts/hostile_corpus.py at a small size, asserting the cap that bounds it
(docs/reliability.md lists every table, its cap and its cost per entry;
bench/hostile.py measures the attacks at full size)."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BUILD, CAPTURES, capture
from wsenv import peak_rss_mib, tshark_command

sys.path.insert(0, str(CAPTURES))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import hostile_corpus as corpus  # noqa: E402
import pcapgen  # noqa: E402

RANGES_DB = BUILD / "data" / "iotcloud" / "cloud-ranges.mmdb"
FIXTURE_WRITER = Path(__file__).parent / "fixtures" / "make_mmdb.pl"
CLIENT, CLIENT_MAC = "192.168.1.50", "3c:22:fb:00:00:50"
ROUTER_MAC = corpus.ROUTER_MAC
MIB = 1024 * 1024


def messages_about(proc, word):
    """The lines of tshark's stderr that name `word`."""
    return [line for line in proc.stderr.splitlines() if word in line]


def v4(n):
    return corpus.v4(n)


# --- forged identities ----------------------------------------------------------

@pytest.mark.parametrize("passes", [[], ["-2"]], ids=["one_pass", "two_pass"])
def test_a_dhcp_request_from_an_internet_address_leaves_the_local_device_name(tshark, tmp_path, passes):
    path = tmp_path / "spoofed.pcap"
    corpus.write_spoofed_dhcp(path)
    rows = tshark.fields(path, ["frame.number", "ip.src", "iotcloud.src.name", "iotcloud.dst.name"], *passes)
    assert [r["ip.src"] for r in rows][2:4] == [corpus.ATTACKER] * 2      # the forged requests are there
    victim = rows[4]
    assert (victim["ip.src"], victim["iotcloud.src.name"]) == (corpus.VICTIM, "SonosZP")
    assert not any("attacker-named" in value for row in rows for value in row.values())


def test_names_in_an_ethernet_trailer_bind_nothing(tshark, tmp_path):
    path = tmp_path / "trailer.pcap"
    corpus.write_trailer_names(path)
    fields = ["frame.number", "eth.trailer", "cloud.dst.hostname", "cloud.src.hostname", "iotcloud.src.evidence"]
    for passes in ([], ["-2"]):
        rows = tshark.fields(path, fields, *passes)
        assert rows[0]["eth.trailer"] and rows[1]["eth.trailer"]          # a DNS answer, a ClientHello
        assert [r["cloud.dst.hostname"] for r in rows] == ["", "", ""]
        assert [r["cloud.src.hostname"] for r in rows] == ["", "", ""]
        assert not any("trailer" in r["iotcloud.src.evidence"] for r in rows)


# --- preferences -----------------------------------------------------------------

@pytest.mark.parametrize("pref, value, bounds", [
    ("iotcloud.max_devices", "4294967295", "from 16 to 1000000"),
    ("iotcloud.max_devices", "15", "from 16 to 1000000"),
    ("iotcloud.memory_budget", "8", "from 16 to 4096"),
    ("iotcloud.memory_budget", "1000000", "from 16 to 4096"),
    ("iotcloud.correlation_min_events", "0", "from 1 to 1000"),
])
def test_an_out_of_range_number_is_refused_with_one_message(tshark, pref, value, bounds):
    proc = tshark.run("-r", capture("iot_smart_home.pcap"), "-o", f"{pref}:{value}", "-T", "fields",
                      "-e", "iotcloud.src.vendor")
    (message,) = messages_about(proc, pref)
    assert f"{value} is not a number {bounds}; keeping" in message
    assert "Sonos" in proc.stdout                                   # the suite works with the value kept


# --- databases and data files ------------------------------------------------------

AWS_FRAME = ["-Y", "ip.dst == 54.194.162.98", "-T", "fields", "-e", "cloud.dst.provider", "-e", "cloud.dst.source"]


@pytest.mark.parametrize("where", [0.2, 0.5, 0.9, 0.999])
def test_a_ranges_database_with_a_flipped_byte_is_refused_with_one_message(tshark, tmp_path, where):
    data = bytearray(RANGES_DB.read_bytes())
    data[int(len(data) * where) - 400] ^= 0x04          # in the tree, the data, or just before the metadata
    damaged = tmp_path / "damaged.mmdb"
    damaged.write_bytes(data)
    proc = tshark.run("-r", capture("cloud_talk_examples.pcap"), "-o", f"cloud.ranges_db:{damaged}", *AWS_FRAME)
    (message,) = messages_about(proc, "damaged.mmdb")
    assert "a damaged MaxMind DB" in message and "provider ranges are off" in message
    assert "range" not in proc.stdout                   # no label from it; tshark went on


def test_the_intact_ranges_database_labels_as_before(tshark):
    proc = tshark.run("-r", capture("cloud_talk_examples.pcap"), "-o", f"cloud.ranges_db:{RANGES_DB}", *AWS_FRAME)
    assert not messages_about(proc, "mmdb")
    assert set(proc.stdout.split("\n")[:-1]) == {"AWS\trange"}


def test_a_database_whose_tree_points_outside_it_is_refused(tshark, tmp_path):
    spec = tmp_path / "asn.json"
    spec.write_text('{"database_type": "GeoLite2-ASN", "records": [{"network": "54.194.0.0/16", "data": '
                    '{"autonomous_system_number": 16509, "autonomous_system_organization": "AMAZON-02"}}]}')
    db = tmp_path / "asn.mmdb"
    subprocess.run(["perl", str(FIXTURE_WRITER), str(spec), str(db)], check=True)
    data = bytearray(db.read_bytes())
    data[0:3] = b"\xff\xff\xff"                         # the root's left record, far past the file
    db.write_bytes(data)
    proc = tshark.run("-r", capture("cloud_talk_examples.pcap"), "-o", f"cloud.asn_db:{db}", "-c", "3")
    (message,) = messages_about(proc, "asn.mmdb")
    assert "a damaged MaxMind DB: search tree node 0 points outside" in message


def run_bounded(shark, *args, seconds=60):
    """tshark that must finish: a data file that blocks would hang it."""
    proc = subprocess.run(tshark_command(args), capture_output=True, text=True, env=shark.env(), timeout=seconds)
    assert proc.returncode == 0, proc.stderr
    return proc


def test_a_named_pipe_as_the_ranges_database_is_refused_and_tshark_completes(tshark, tmp_path):
    fifo = tmp_path / "ranges.mmdb"
    os.mkfifo(fifo)
    proc = run_bounded(tshark, "-r", capture("cloud_talk_examples.pcap"), "-o", f"cloud.ranges_db:{fifo}",
                       *AWS_FRAME)
    (message,) = messages_about(proc, "ranges.mmdb")
    assert "a named pipe, not a regular file" in message
    assert "range" not in proc.stdout           # (the AS database, when installed, may still say AWS)


def test_a_named_pipe_as_the_personal_rules_file_is_refused_and_tshark_completes(tshark):
    rules = tshark.config / "iotcloud" / "device_rules.tsv"
    rules.unlink()
    os.mkfifo(rules)
    proc = run_bounded(tshark, "-r", capture("iot_smart_home.pcap"), "-c", "1")
    (message,) = messages_about(proc, "device_rules.tsv")
    assert "a named pipe, not a regular file" in message


def test_a_folder_as_the_asn_database_is_refused(tshark, tmp_path):
    proc = run_bounded(tshark, "-r", capture("cloud_talk_examples.pcap"), "-o", f"cloud.asn_db:{tmp_path}", "-c", "1")
    (message,) = messages_about(proc, str(tmp_path))
    assert "a folder, not a regular file" in message


def test_a_data_file_over_64_mib_is_refused_before_it_is_read(tshark):
    patterns = tshark.config / "iotcloud" / "hostname_patterns.csv"
    patterns.unlink()
    with open(patterns, "wb") as out:
        out.truncate(65 * MIB)                          # sparse: nothing is written, nothing need be read
    proc = run_bounded(tshark, "-r", capture("cloud_talk_examples.pcap"), "-c", "1", seconds=20)
    (message,) = messages_about(proc, "hostname_patterns.csv")
    assert f"{65 * MIB} bytes, more than the {64 * MIB} a data file may have" in message


# --- the attacks, small ------------------------------------------------------------

def statistic(shark, path, *args):
    """-z iotcloud,tree as {path of names: count}, e.g. ("Devices", "10.0.0.3 ...", "AWS")."""
    out = shark.run("-r", path, "-q", "-z", "iotcloud,tree", *args).stdout
    lines, stack = {}, []
    for line in out.splitlines():
        match = re.match(r"^( *)(\S.*?)\s{2,}(\d+)(\s|$)", line)
        if not match or line.startswith(("Topic", "IoT Cloud")):
            continue
        depth = len(match.group(1))
        stack[depth:] = [match.group(2)]
        lines[tuple(stack)] = int(match.group(3))
    return lines


def children(lines, parent):
    return {path[-1]: count for path, count in lines.items() if path[:-1] == parent}


def test_a_flood_of_server_names_keeps_the_top_ten_lines_and_one_other(tshark, tmp_path):
    """3,000 ClientHellos each name a new AWS host; then one host gets 40 hellos:
    it takes a line over, and the lines of the provider add up to it."""
    path = tmp_path / "names.pcap"
    corpus.write_tls_names(path, 3000)
    heavy = tmp_path / "heavy.pcap"
    hello = pcapgen.tls_record(22, pcapgen.tls_client_hello("heavy.example.com", bytes(32), key_share=bytes(32)))
    with pcapgen.PcapWriter(heavy) as out:
        for i in range(40):
            out.add(corpus.EPOCH + 10 + i * 0.01, corpus.frame(corpus.device_mac(1), ROUTER_MAC, corpus.local_addr(1),
                                                               "3.209.0.1", 6, pcapgen.tcp(39000, 443, i, 1, 0x18, hello)))
    both = tmp_path / "both.pcap"
    subprocess.run(["mergecap", "-a", "-w", str(both), str(path), str(heavy)], check=True)
    lines = statistic(tshark, both, "-2")
    (device,) = children(lines, ("Devices",))
    aws = ("Devices", device, "AWS")
    services = children(lines, aws)
    assert lines[aws] == 3040
    assert len(services) == 11 and services["(other)"] == 3040 - 40 - 9
    assert services["EC2 us-east-1 heavy.example.com"] == 40
    assert sum(services.values()) == lines[aws]


def test_relay_relations_have_one_line_each_in_one_pass(tshark, tmp_path):
    path = tmp_path / "relays.pcap"
    corpus.write_relays(path, 4000, relations=100)      # 20 rounds: 20 packets a flow
    relations = children(statistic(tshark, path), ("Cloud-mediated conversations",))
    assert len(relations) == 100
    # Both flows' packets: 20 sent, 20 received, but for the first one a
    # device receives before it has sent anything (no device yet), except
    # device 0, which sends first.
    assert sorted(relations.values()) == [39] * 99 + [40]
    assert relations["relay: 10.0.0.101 -> 10.0.0.2 via 3.216.0.99:3478"] == 40


def test_names_are_learned_until_their_share_of_the_budget_is_spent(tshark, tmp_path):
    """Each answer binds a new 249-byte name to a new address, then the client
    connects to it. With a 16 MiB budget, names hold 15% of it: 2,516,580
    bytes at 249 + 1 + 64 a name is 8,014 names; later ones are not learned."""
    path = tmp_path / "names.pcap"
    client, resolver = corpus.local_addr(3), "10.0.0.1"
    with pcapgen.PcapWriter(path) as out:
        for i in range(10000):
            name, address, t = corpus.long_name(i), v4(corpus.PUBLIC_BASE + i), corpus.EPOCH + i * 0.002
            answer = pcapgen.dns_message(i & 0xFFFF, name, response=True, answers=[(name, 1, 60, address)])
            out.add(t, corpus.frame(ROUTER_MAC, corpus.device_mac(3), resolver, client, 17,
                                    pcapgen.udp(53, 1024 + i % 60000, answer)))
            out.add(t + 0.001, corpus.frame(corpus.device_mac(3), ROUTER_MAC, client, address, 6,
                                             pcapgen.tcp(40000 + i % 20000, 443, 1, 0, pcapgen.TCP_SYN)))
    rows = tshark.fields(path, ["cloud.dst.hostname"], "-2", "-o", "iotcloud.memory_budget:16", "-Y", "tcp")
    named = [bool(r["cloud.dst.hostname"]) for r in rows]
    learned = named.index(False)
    assert learned == 8014 and not any(named[learned:])
    assert rows[0]["cloud.dst.hostname"] == corpus.long_name(0)


def test_round_trips_are_kept_for_the_conversations_the_budget_holds(tshark, tmp_path):
    """10,000 TCP handshakes with new servers: with a 16 MiB budget, the first
    several thousand conversations are measured, the others are not, and none
    forgets its round trip."""
    path = tmp_path / "handshakes.pcap"
    client = corpus.local_addr(5)
    with pcapgen.PcapWriter(path) as out:
        for i in range(10000):
            server, t = v4(corpus.PUBLIC_BASE + i), corpus.EPOCH + i * 0.001
            out.add(t, corpus.frame(corpus.device_mac(5), ROUTER_MAC, client, server, 6,
                                    pcapgen.tcp(40000 + i % 20000, 443, 7, 0, pcapgen.TCP_SYN)))
            out.add(t + 0.0005, corpus.frame(ROUTER_MAC, corpus.device_mac(5), server, client, 6,
                                             pcapgen.tcp(443, 40000 + i % 20000, 9, 8, pcapgen.TCP_SYN | pcapgen.TCP_ACK)))
    answers = tshark.fields(path, ["delta_distance.rtt"], "-2", "-o", "iotcloud.memory_budget:16",
                            "-Y", "tcp.flags.ack == 1")
    measured = [bool(r["delta_distance.rtt"]) for r in answers]
    kept = measured.index(False)
    assert 5000 < kept < 10000 and not any(measured[kept:])
    default = tshark.fields(path, ["delta_distance.rtt"], "-2", "-Y", "tcp.flags.ack == 1")
    assert all(r["delta_distance.rtt"] for r in default)         # 128 MiB holds them all


def test_a_flood_of_candidate_pairs_does_not_hide_a_later_correlation(tshark, tmp_path):
    """40,000 frames of 160 devices bursting to AWS, each push crediting 16
    candidate pairs, exhaust the pairs' share of a 16 MiB budget and fill the
    1,000 relations; then the Echo drives the Sonos through AWS: still found
    (pairs without a relation are swept, the relation changed longest ago
    makes room)."""
    flood = tmp_path / "bursts.pcap"
    corpus.write_bursts(flood, 40000)
    later = tmp_path / "later.pcap"
    subprocess.run(["editcap", "-t", "3600", str(capture("iot_alexa_sonos.pcap")), str(later)], check=True)
    both = tmp_path / "both.pcap"
    subprocess.run(["mergecap", "-a", "-w", str(both), str(flood), str(later)], check=True)
    rows = tshark.fields(both, ["iotcloud.mediated.kind", "iotcloud.mediated.via"], "-2",
                         "-o", "iotcloud.memory_budget:16", "-Y", "ip.addr == 192.168.179.172")
    assert ("correlated", "AWS") in {(r["iotcloud.mediated.kind"], r["iotcloud.mediated.via"]) for r in rows}


def test_a_device_renaming_itself_costs_no_more_memory_per_rename_than_stock(tshark, stock_tshark, tmp_path):
    """One pass with the name shown: every rename re-judges the device. 300,000
    more renames cost the suite about what they cost stock tshark (its frame
    records) and the suite's 8 bytes a frame of time stamps, not a name and an
    evidence text each (that would be over 18 MiB). Sizes from 300,000: stock
    tshark's own growth (its frame records, about 23 MiB) then stands well
    clear of its start-up peak and of noise. (Without the AS database: its verified, memory-mapped pages count in the
    peak as the page cache has them.)"""
    sizes = {}
    for renames in (300000, 600000):
        path = tmp_path / f"renames-{renames}.pcap"
        corpus.write_renames(path, renames)
        sizes[renames] = (peak_rss_mib(stock_tshark, "-r", path, "-T", "fields", "-e", "dhcp.option.hostname"),
                          peak_rss_mib(tshark, "-r", path, "-T", "fields", "-e", "iotcloud.src.name",
                                       "-e", "iotcloud.src.evidence", "-o", "cloud.use_asn:FALSE"))
    stock_growth = sizes[600000][0] - sizes[300000][0]
    suite_growth = sizes[600000][1] - sizes[300000][1]
    assert stock_growth > 10, sizes                     # the measure sees growth at all
    assert suite_growth <= stock_growth + 6, sizes     # 8 B a frame of time stamps is 2.3 MiB
    last = tshark.fields(path, ["iotcloud.src.name"], "-Y", f"frame.number == {600000}")
    assert last[0]["iotcloud.src.name"] == f"renamed-{599999:07d}-{'x' * 40}"[:63]


def test_answers_of_64_long_names_bind_each_chain_to_its_addresses(tshark, tmp_path):
    path = tmp_path / "answers.pcap"
    client = corpus.local_addr(4)
    with pcapgen.PcapWriter(path) as out:
        for i in range(20):
            t = corpus.EPOCH + i
            out.add(t, corpus.frame(ROUTER_MAC, corpus.device_mac(4), "10.0.0.1", client, 17,
                                    pcapgen.udp(53, 1024 + i, corpus.dns_answers_message(i))))
            for c in range(8):
                address = v4(corpus.PUBLIC_BASE + 0x100000 + i * 8 + c)
                out.add(t + 0.1 + c * 0.01, corpus.frame(corpus.device_mac(4), ROUTER_MAC, client, address, 6,
                                                         pcapgen.tcp(40000 + c, 443, 1, 0, pcapgen.TCP_SYN)))
    rows = tshark.fields(path, ["cloud.dst.hostname"], "-2", "-Y", "tcp")
    expected = [corpus.long_name(i * 64 + c * 8, prefix=f"c{c}n0x") for i in range(20) for c in range(8)]
    assert [r["cloud.dst.hostname"] for r in rows] == expected


@pytest.mark.parametrize("attack", sorted(corpus.FULL))
def test_each_attack_at_a_small_size_dissects_fully_with_the_statistic(tshark, tmp_path, attack):
    path = tmp_path / f"{attack}.pcap"
    corpus.ATTACKS[attack](path, 2000)
    proc = tshark.run("-r", path, "-2", "-V", "-z", "iotcloud,tree", "-o", "iotcloud.memory_budget:16")
    assert "IoT Cloud/Devices and Clouds" in proc.stdout
