"""The views of the iotcloud tap: tshark -z iotcloud,devices (aligned columns),
-z iotcloud,json (validated against docs/views-schema.json) and -z iotcloud,dot
(rendered by Debian's graphviz), checked against the statistic
(-z iotcloud,tree) and against each other on every shipped capture; the
profile's I/O Graph presets and the stock Flow Graph of a mediated pair."""
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CAPTURES, SUITE_PLUGINS, TShark, capture, make_data_root, make_plugin_root
from wsenv import statistic_lines, tshark_command
from test_geo import KOLKATA, PISA, city_db, geo_args, great_circle_km  # noqa: F401 (fixture)

try:
    import jsonschema
except ImportError:                     # python3-jsonschema (scripts/debian-packages.txt)
    jsonschema = None

REPO = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((REPO / "docs" / "views-schema.json").read_text())
ALL_CAPTURES = sorted(p.name for p in CAPTURES.glob("*.pcap"))
ECHO, SONOS, PHONE = "192.168.179.172", "192.168.177.122", "192.168.180.44"
MEDIATED_RED = "#dc2626"
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="graphviz is not installed")


# --- running the four views at once ------------------------------------------------

def split_views(stdout):
    """{view: text} of one tshark run with -z iotcloud,json,tree,devices,dot."""
    views = {}
    start = stdout.index('{\n  "format"')
    document, end = json.JSONDecoder().raw_decode(stdout[start:])
    views["json"] = document
    rest = stdout[:start] + stdout[start + end:]
    views["dot"] = rest[rest.index("digraph iotcloud {"):rest.index("\n}\n", rest.index("digraph iotcloud {")) + 3]
    for view, title in (("tree", "IoT Cloud/Devices and Clouds:"), ("devices", "IoT Cloud Device Inventory")):
        block = rest[rest.index(title):]
        views[view] = re.split(r"^=+$", block, maxsplit=1, flags=re.M)[0]
    return views


@pytest.fixture(scope="module")
def module_tshark(tmp_path_factory):
    root = tmp_path_factory.mktemp("views")
    return TShark(make_plugin_root(root / "plugins", SUITE_PLUGINS), root / "home",
                  data_root=make_data_root(root / "data"))


@pytest.fixture(scope="module")
def views_of(module_tshark):
    """The four views of a capture (two passes), each capture run once."""
    cache = {}

    def run(name):
        if name not in cache:
            out = module_tshark.run("-r", capture(name), "-2", "-q", "-z", "iotcloud,json", "-z", "iotcloud,tree",
                                    "-z", "iotcloud,devices", "-z", "iotcloud,dot").stdout
            cache[name] = split_views(out)
        return cache[name]
    return run


def validate(document):
    if jsonschema is None:
        pytest.skip("python3-jsonschema is not installed")
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER) \
        .validate(document)


# --- the statistic as numbers -------------------------------------------------------

def components(devices):
    """Groups of JSON devices that share an address (a recycled address is shared
    by two devices, and the statistic names a line by address)."""
    groups = []
    for dev in devices:
        addrs = {a["address"] for a in dev["addresses"]}
        joined = [g for g in groups if g[0] & addrs]
        for g in joined:
            groups.remove(g)
            addrs |= g[0]
        groups.append((addrs, [dev] + [d for g in joined for d in g[1]]))
    return groups


def service_text(s):
    return " ".join(v for v in (s["service"], s["region"], s["hostname"]) if v)


def numbers_from_json(devs):
    numbers = {"packets": 0, "providers": {}, "services": {}}
    for d in devs:
        numbers["packets"] += d["sent"]["packets"] + d["received"]["packets"]
        providers = [(p["provider"], p["packets"]) for p in d["providers"]]
        providers += [("local network", d["local"]["packets"]), ("unknown provider", d["unlabelled"]["packets"])]
        for name, packets in providers:
            if packets:
                numbers["providers"][name] = numbers["providers"].get(name, 0) + packets
        for p in d["providers"]:
            for s in p["services"]:
                key = (p["provider"], service_text(s))
                numbers["services"][key] = numbers["services"].get(key, 0) + s["packets"]
    return numbers


def numbers_from_tree(lines, addrs):
    numbers = {"packets": 0, "providers": {}, "services": {}}
    for path, count in lines.items():
        if len(path) < 2 or path[1].split()[0] not in addrs:
            continue
        if path[0] == "Devices" and len(path) == 2:
            numbers["packets"] += count
        elif path[0] == "Devices" and len(path) == 3:
            numbers["providers"][path[2]] = numbers["providers"].get(path[2], 0) + count
        elif path[0] == "Devices" and len(path) == 4 and path[3] != "(no service or name)":
            numbers["services"][path[2:]] = numbers["services"].get(path[2:], 0) + count
    return numbers


def relations_from_tree(lines):
    mediated, direct = {}, {}
    for path, count in lines.items():
        if path[0] == "Cloud-mediated conversations" and len(path) == 2:
            kind, a, b, via = re.match(r"(\w+): (\S+) -> (\S+) via (\S+)$", path[1]).groups()
            mediated[(kind, a, b, via)] = count
        elif path[0] == "Direct (not only through the cloud)" and len(path) == 2:
            a, b, kind, via = re.match(r"(\S+) <-> (\S+) \(also (\w+) via (\S+)\)$", path[1]).groups()
            direct[("relay" if kind == "relayed" else kind, a, b, via)] = count
    return mediated, direct


def relations_from_json(relations, count):
    return {(r["kind"], r["from"]["address"], r["to"]["address"], r["via"]): r[count] for r in relations}


# --- JSON ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ALL_CAPTURES)
def test_json_validates_against_its_schema(views_of, name):
    document = views_of(name)["json"]
    validate(document)
    assert document["final"] is True                      # -2: identities and relations are final


@pytest.mark.parametrize("name", ALL_CAPTURES)
def test_json_device_numbers_equal_the_statistics(views_of, name):
    views = views_of(name)
    lines = statistic_lines(views["tree"])
    devices = views["json"]["devices"]
    for addrs, devs in components(devices):
        assert numbers_from_json(devs) == numbers_from_tree(lines, addrs), sorted(addrs)
    # Every device line of the statistic is a device of the JSON, and the totals agree.
    tree_addrs = {path[1].split()[0] for path in lines if path[0] == "Devices" and len(path) == 2}
    assert tree_addrs == {a["address"] for d in devices for a in d["addresses"]}
    assert views["json"]["total"]["packets"] == lines.get(("Devices",), 0)
    assert views["json"]["total"]["bytes"] == lines.get(("Bytes",), 0)
    for way in ("sent", "received"):
        assert sum(d[way]["bytes"] for d in devices) == lines.get(("Bytes", way), 0), way


@pytest.mark.parametrize("name", ALL_CAPTURES)
def test_json_relations_equal_the_statistics(views_of, name):
    views = views_of(name)
    mediated, direct = relations_from_tree(statistic_lines(views["tree"]))
    assert relations_from_json(views["json"]["mediated"], "events") == mediated
    assert relations_from_json(views["json"]["direct"], "direct_packets") == direct


def test_json_has_the_talks_mediated_pair_and_the_phone_that_drives_the_sonos_directly(views_of):
    document = views_of("iot_alexa_sonos.pcap")["json"]
    (pair,) = document["mediated"]
    assert (pair["kind"], pair["from"]["address"], pair["to"]["address"], pair["via"], pair["events"]) == \
        ("correlated", ECHO, SONOS, "AWS", 3)
    assert pair["score"] > 2 and 0 < pair["expected"] < 1     # 3 events where chance gives well under 1
    (direct,) = document["direct"]
    assert (direct["from"]["address"], direct["to"]["address"], direct["direct_packets"]) == (PHONE, SONOS, 4)
    by_id = {d["id"]: d for d in document["devices"]}
    assert by_id[pair["to"]["device"]]["vendor"] == "Sonos"


def test_json_names_each_device_with_its_identity_mac_and_providers(views_of):
    devices = {d["addresses"][0]["address"]: d for d in views_of("iot_smart_home.pcap")["json"]["devices"]}
    sonos = devices[SONOS]
    assert (sonos["mac"], sonos["vendor"], sonos["type"], sonos["name"]) == \
        ("00:0e:58:c6:83:a4", "Sonos", "speaker", "SonosZP")
    assert [p["provider"] for p in sonos["providers"]] == ["AWS"]
    assert devices["192.168.180.61"]["providers"][0]["provider"] == "Apple"
    # The router, keyed by address: no MAC of its own on the link.
    assert devices["192.168.176.1"]["mac"] is None


def test_json_lists_round_trips_that_contradict_geolocation(tshark, city_db):  # noqa: F811
    out = tshark.run("-r", capture("rtt_exchanges.pcap"), "-2", "-q", "-z", "iotcloud,json", "-z", "iotcloud,tree",
                     *geo_args(city_db)).stdout
    document = json.JSONDecoder().raw_decode(out[out.index('{\n  "format"'):])[0]
    validate(document)
    (meta,) = document["rtt_contradictions"]
    assert (meta["address"], meta["provider"], meta["place"]) == ("31.13.64.35", "Meta", "Kolkata, IN")
    assert round(meta["geo_km"]) == round(great_circle_km(PISA, KOLKATA))
    assert meta["rtt_ms"] == pytest.approx(0.9) and meta["max_km"] < 100
    # The statistic counts the same packets on its line for the address.
    assert re.search(rf"^ 31\.13\.64\.35 \(Meta\) geolocated in Kolkata, IN, \d+ km away\s+{meta['packets']}\s",
                     out, re.M)


def test_json_in_one_pass_says_it_is_not_final(tshark):
    out = tshark.run("-r", capture("iot_alexa_sonos.pcap"), "-q", "-z", "iotcloud,json").stdout
    document = json.loads(out)
    validate(document)
    assert document["final"] is False


def test_a_filter_limits_the_json_to_the_devices_it_lets_through(tshark):
    out = tshark.run("-r", capture("iot_alexa_sonos.pcap"), "-2", "-q", "-z", f"iotcloud,json,ip.addr == {SONOS}").stdout
    document = json.loads(out)
    validate(document)
    assert document["filter"] == f"ip.addr == {SONOS}"
    # The Sonos, and the phone for the packets it sent the Sonos on the LAN.
    assert {d["addresses"][0]["address"] for d in document["devices"]} == {SONOS, PHONE}
    phone = next(d for d in document["devices"] if d["addresses"][0]["address"] == PHONE)
    assert phone["providers"] == [] and phone["local"]["packets"] == 2
    assert [r["to"]["address"] for r in document["mediated"]] == [SONOS]


def test_two_json_views_with_different_filters_count_apart(tshark):
    out = tshark.run("-r", capture("iot_alexa_sonos.pcap"), "-2", "-q", "-z", f"iotcloud,json,ip.src == {ECHO}",
                     "-z", "iotcloud,json").stdout
    decoder, documents, at = json.JSONDecoder(), [], 0
    while "{" in out[at:]:
        document, end = decoder.raw_decode(out[out.index("{", at):])
        documents.append(document)
        at = out.index("{", at) + end
    by_filter = {d["filter"]: d for d in documents}
    assert by_filter[f"ip.src == {ECHO}"]["total"]["packets"] == 23
    assert by_filter[None]["total"]["packets"] == 80


def test_a_view_with_a_bad_filter_is_refused(tshark):
    proc = tshark.run("-r", capture("iot_alexa_sonos.pcap"), "-q", "-z", "iotcloud,json,ip.addr ==", check=False)
    assert proc.returncode != 0 and "iotcloud,json" in proc.stderr


# --- the table ---------------------------------------------------------------------------

def table_rows(text):
    """Rows of tshark's device table, split at the header's column offsets."""
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("Addresses"))
    starts = [m.start() for m in re.finditer(r"-+", lines[header + 1])]
    rows = []
    for line in lines[header + 2:]:
        if not line.strip() or line.startswith("("):
            continue
        cells = [line[a:b].strip() for a, b in zip(starts, starts[1:] + [len(line)])]
        rows.append(tuple(cells))
    return rows


def row_of(device):
    dash = lambda v: "-" if v in (None, "") else str(v)  # noqa: E731
    return (", ".join(a["address"] for a in device["addresses"]), dash(device["mac"]), dash(device["vendor"]),
            dash(device["type"]), dash(device["model"]), dash(device["name"]), str(device["confidence"]),
            dash(", ".join(sorted(p["provider"] for p in device["providers"]))),
            str(device["sent"]["packets"]), str(device["received"]["packets"]), str(device["sent"]["bytes"]),
            str(device["received"]["bytes"]), device["first_seen"], device["last_seen"])


@pytest.mark.parametrize("name", ALL_CAPTURES)
def test_table_rows_equal_the_json_devices(views_of, name):
    views = views_of(name)
    assert table_rows(views["devices"]) == [row_of(d) for d in views["json"]["devices"]]


def test_table_columns_are_aligned_under_their_headers(views_of):
    text = views_of("iot_smart_home.pcap")["devices"]
    lines = text.splitlines()
    header = next(line for line in lines if line.startswith("Addresses"))
    rows = table_rows(text)
    assert len(rows) == 8
    weather = next(r for r in rows if r[5] == "Netatmo-Personal-Weather-Station")
    assert (weather[2], weather[4]) == ("Netatmo", "Weather Station")   # a cell with a space stays one cell
    # Counters are right-aligned: each ends where its header ends.
    end = header.index("Bytes sent") + len("Bytes sent")
    assert all(line[end - 1].isdigit() for line in lines[lines.index(header) + 2:] if line.strip())


# --- DOT ----------------------------------------------------------------------------------

def plain_edges(dot_text):
    """(tail, head, color) of every edge, as graphviz lays them out (dot -Tplain)."""
    plain = subprocess.run(["dot", "-Tplain"], input=dot_text, capture_output=True, text=True, check=True).stdout
    edges = []
    for line in plain.splitlines():
        if line.startswith("edge "):
            fields = re.findall(r'"[^"]*"|\S+', line)
            edges.append((fields[1].strip('"'), fields[2].strip('"'), fields[-1].strip('"')))
    return edges


@needs_dot
@pytest.mark.parametrize("name", ALL_CAPTURES)
def test_dot_renders_with_graphviz(views_of, name):
    proc = subprocess.run(["dot", "-Tsvg"], input=views_of(name)["dot"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.lstrip().startswith("<?xml") and "</svg>" in proc.stdout


@needs_dot
def test_dot_draws_the_echo_driving_the_sonos_as_a_path_through_aws(views_of):
    edges = plain_edges(views_of("iot_alexa_sonos.pcap")["dot"])
    red = {(tail, head) for tail, head, color in edges if color == MEDIATED_RED}
    assert red == {(f"dev:{ECHO}", "cloud:AWS"), ("cloud:AWS", f"dev:{SONOS}")}
    # Traffic edges, weighted by bytes, from every device to AWS; the phone's direct control is its own edge.
    assert (f"dev:{PHONE}", f"dev:{SONOS}", "#16a34a") in edges


@needs_dot
def test_dot_draws_the_camera_and_viewer_through_the_relay(views_of):
    edges = plain_edges(views_of("iot_camera_relay.pcap")["dot"])
    red = {(tail, head) for tail, head, color in edges if color == MEDIATED_RED}
    assert red == {("dev:192.168.2.136", "relay:54.194.162.98:2048"), ("relay:54.194.162.98:2048", "dev:192.168.2.20")}


def test_dot_edges_are_wider_for_more_bytes(views_of):
    """25.5 kB for the Echo, 5.2 kB for the Sonos (drawn right of AWS: the cloud pushes it), 1.8 kB for the hub."""
    dot = views_of("iot_alexa_sonos.pcap")["dot"]
    widths = {(m.group(1) + m.group(2)).replace("cloud:AWS", ""): float(m.group(3)) for m in
              re.finditer(r'^  "([^"]+)" -> "([^"]+)" \[label="[^"]+", penwidth=([\d.]+)', dot, re.M)
              if "cloud:AWS" in (m.group(1), m.group(2))}
    assert widths[f"dev:{ECHO}"] > widths[f"dev:{SONOS}"] > widths["dev:192.168.182.11"]


# --- the profile's I/O Graph presets and the Flow Graph --------------------------------------

def presets():
    rows = [line for line in (REPO / "profile" / "io_graphs").read_text().splitlines() if line.startswith('"')]
    fields = [re.findall(r'"((?:[^"\\]|\\.)*)"', row) for row in rows]
    return {f[1]: re.sub(r"\\x([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), f[2]) for f in fields}


def test_io_graph_presets_are_valid_filters_matching_their_traffic(tshark, city_db):  # noqa: F811
    graphs = presets()
    assert {"AWS bytes", "Cloud-mediated packets", "RTT contradicts geolocation"} <= set(graphs)

    def count(name, dfilter, *extra):
        out = tshark.run("-r", capture(name), "-2", "-Y", dfilter, "-T", "fields", "-e", "frame.number", *extra)
        return len(out.stdout.split())
    for name, dfilter in graphs.items():
        if dfilter:
            count("cloud_talk_examples.pcap", dfilter)          # every filter compiles
    assert count("cloud_talk_examples.pcap", graphs["AWS bytes"]) > 0
    assert count("cloud_talk_examples.pcap", graphs["Akamai bytes"]) > 0
    assert count("cloud_talk_examples.pcap", graphs["Apple bytes"]) > 0
    assert count("iot_alexa_sonos.pcap", graphs["Cloud-mediated packets"]) == 47
    assert count("rtt_exchanges.pcap", graphs["RTT contradicts geolocation"], *geo_args(city_db)) > 0


def test_the_flow_graph_of_the_mediated_filter_shows_device_cloud_and_peer(tshark):
    """Statistics > Flow Graph with the display filter iotcloud.mediated (tshark: -z flow)."""
    out = tshark.run("-r", capture("iot_alexa_sonos.pcap"), "-2", "-q",
                     "-z", "flow,tcp,network,iotcloud.mediated").stdout
    nodes = " ".join(out.splitlines()[:2]).split()
    assert {ECHO, "52.94.219.213", SONOS, "34.243.113.114"} <= set(nodes)
    assert PHONE not in nodes


# The allow-list check of docs/views.md and the README, as CI would run it.
ALLOW_LIST_JQ = '''
  .devices[] | . as $d | .providers[] | select(.provider | IN($allow[]) | not)
  | "\\($d.addresses[0].address) \\($d.vendor // "unknown vendor") talks to \\(.provider)"'''


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed")
def test_the_allow_list_example_names_the_device_that_talks_to_another_provider(tshark):
    """Providers from published ranges and names only: with the AS database (when
    the set-up could fetch it) the Netatmo station's server is OVHcloud too."""
    document = tshark.run("-r", capture("iot_smart_home.pcap"), "-2", "-q", "-z", "iotcloud,json",
                          "-o", "cloud.use_asn:FALSE").stdout

    def violations(allow):
        return subprocess.run(["jq", "-r", "--argjson", "allow", json.dumps(allow), ALLOW_LIST_JQ],
                              input=document, capture_output=True, text=True, check=True).stdout.splitlines()
    assert violations(["AWS", "Google"]) == ["192.168.180.61 Apple talks to Apple"]
    assert violations(["AWS", "Apple"]) == []


def test_names_from_packets_stay_valid_json_and_dot(tshark, tmp_path):
    """A DHCP host name with a quote, a backslash and bytes that are not UTF-8."""
    sys.path.insert(0, str(REPO / "captures"))
    from pcapgen import ETH_IPV4, TCP_SYN, Pcap, dhcp_message, ether, ip, tcp, udp
    host_mac, cloud_mac = "00:0e:58:00:00:01", "00:11:22:33:44:55"
    name = b'cam"\\\xff\xfe'
    pcap = Pcap()
    discover = dhcp_message(1, 0x42, host_mac, [(53, [1]), (12, name)])
    pcap.add(1.0, ether(host_mac, "ff:ff:ff:ff:ff:ff", ETH_IPV4,
                        ip("0.0.0.0", "255.255.255.255", 17, udp(68, 67, discover))[1]))
    pcap.add(2.0, ether(host_mac, cloud_mac, ETH_IPV4,
                        ip("192.168.1.20", "54.194.162.98", 6, tcp(40000, 443, 1, 0, TCP_SYN))[1]))
    path = tmp_path / "odd_name.pcap"
    pcap.write(path)
    command = ["-r", path, "-2", "-q", "-z", "iotcloud,json", "-z", "iotcloud,dot"]
    raw = subprocess.run(tshark_command(command), env=tshark.env(), capture_output=True).stdout
    text = raw.decode("utf-8")                          # strict: every byte is UTF-8
    start = text.index('{\n  "format"')
    document, _ = json.JSONDecoder().raw_decode(text[start:])
    validate(document)
    (device,) = document["devices"]
    assert device["name"] is not None and device["name"].startswith('cam"\\')
    if shutil.which("dot"):
        dot = text[text.index("digraph iotcloud {"):start]
        assert subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, text=True).returncode == 0
