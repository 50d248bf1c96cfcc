"""The suite's fields and preferences are registered with stock tshark, and
an install lands where stock tshark looks."""
import os
import subprocess

import pytest

from conftest import capture
from wsenv import BUILD, SUITE_PLUGINS, TShark, make_data_root, stock_data_dir, stock_plugin_dir

DELTA_DISTANCE_FIELDS = [
    "delta_distance.delta", "delta_distance.prev_frame",
    "delta_distance.cat6.km", "delta_distance.cat6.mi",
    "delta_distance.fiber.km", "delta_distance.fiber.mi",
    "delta_distance.custom.km", "delta_distance.custom.mi",
    "delta_distance.rtt", "delta_distance.rtt.method", "delta_distance.rtt.frame",
    "delta_distance.rtt.max_km", "delta_distance.rtt.max_mi",
]


CLOUD_FIELDS = [f"cloud{side}.{key}" for side in ("", ".src", ".dst")
                for key in ("provider", "service", "region", "hostname", "asn", "as_org", "source")]


def registered_fields(tshark):
    rows = [line.split("\t") for line in tshark.run("-G", "fields").stdout.splitlines()]
    return {row[2]: row for row in rows if row[0] == "F"}


def test_every_field_is_registered_with_a_description(tshark):
    fields = registered_fields(tshark)
    for name in DELTA_DISTANCE_FIELDS + CLOUD_FIELDS:
        assert name in fields, name
        assert len(fields[name]) > 7 and fields[name][7].strip(), f"{name} has no description"


def test_stock_tshark_without_the_suite_has_none_of_its_fields(stock_tshark):
    assert not any(name.startswith(("delta_distance.", "cloud.")) for name in registered_fields(stock_tshark))


def test_preferences_are_registered(tshark):
    out = tshark.run("-G", "defaultprefs").stdout
    assert "delta_distance.use_captured_delta: FALSE" in out
    assert 'delta_distance.custom_vf: 0.64' in out
    assert "cloud.use_names: TRUE" in out and "iotcloud.local_networks: " in out


@pytest.mark.skipif(not (BUILD / "cmake_install.cmake").exists(), reason="no build tree")
def test_install_removes_the_three_libraries_of_older_releases(tmp_path):
    """Left beside the one library they would register the same protocols twice."""
    staged = tmp_path / str(stock_plugin_dir()).lstrip("/") / "epan"
    staged.mkdir(parents=True)
    for old in ("cloud.so", "delta_distance.so", "iotcloud.so", "mate.so"):
        (staged / old).write_bytes(b"old")
    subprocess.run(["cmake", "--install", str(BUILD)], check=True, capture_output=True,
                   env={**os.environ, "DESTDIR": str(tmp_path)})
    assert sorted(p.name for p in staged.iterdir()) == ["iotcloud_suite.so", "mate.so"]


@pytest.mark.skipif(not (BUILD / "cmake_install.cmake").exists(), reason="no build tree")
def test_install_puts_plugins_where_stock_tshark_looks(tmp_path):
    subprocess.run(["cmake", "--install", str(BUILD)], check=True, capture_output=True,
                   env={**os.environ, "DESTDIR": str(tmp_path)})
    global_dir = stock_plugin_dir()
    staged = tmp_path / str(global_dir).lstrip("/")
    assert sorted(p.name for p in (staged / "epan").glob("*.so")) == ["iotcloud_suite.so"]
    installed = TShark(staged.parent, tmp_path / "home", with_data=False)
    assert "delta_distance.cat6.km" in registered_fields(installed)
    staged_data = tmp_path / str(stock_data_dir()).lstrip("/") / "iotcloud"
    for name in ("cloud-ranges.mmdb", "hostname_patterns.csv", "asn_providers.csv", "device_rules.tsv"):
        assert (staged_data / name).exists(), name
    # With the data where the install put it (and no personal copy), the plugins find it themselves.
    data_root = make_data_root(tmp_path / "data")
    (data_root / "iotcloud").symlink_to(staged_data)
    proc = TShark(staged.parent, tmp_path / "home2", with_data=False, data_root=data_root).run(
        "-r", capture("cloud_talk_examples.pcap"), "-T", "fields", "-e", "cloud.dst.provider",
        "-Y", "ip.dst == 54.194.162.98")
    assert "not installed" not in proc.stderr
    assert set(proc.stdout.split()) == {"AWS"}


def test_tshark_lists_each_plugin_as_a_dissector(tshark):
    """From 4.4 the type comes from plugin_describe(); without it tshark says "unknown"."""
    rows = [line.split("\t") for line in tshark.run("-G", "plugins").stdout.splitlines()]
    suite = {f"{name}.so" for name in SUITE_PLUGINS}
    types = {row[0].strip(): row[2] for row in rows if len(row) > 2 and row[0].strip() in suite}
    assert types == {name: "dissector" for name in suite}
