"""The "IoT Cloud" configuration profile the build installs: tshark -C finds
it among the global profiles, shows its columns and applies its coloring."""
import pytest

from conftest import capture
from wsenv import BUILD, DATA_SUBDIR, TShark, stock_data_dir

PROFILE = "IoT Cloud"


@pytest.fixture
def profile_tshark(suite_plugin_root, tmp_path):
    """The suite with a data folder whose profiles/ holds the build's profile,
    as after cmake --install (global profiles live in <data folder>/profiles)."""
    data = tmp_path / "data"
    data.mkdir()
    for item in stock_data_dir().iterdir():
        if item.name not in (DATA_SUBDIR, "profiles"):
            (data / item.name).symlink_to(item)
    (data / "profiles").mkdir()
    (data / "profiles" / PROFILE).symlink_to(BUILD / "profiles" / PROFILE)
    return TShark(suite_plugin_root, tmp_path / "home", data_root=data)


def test_the_profile_shows_device_provider_distance_and_mediated_peer_columns(profile_tshark):
    lines = profile_tshark.run("-C", PROFILE, "-r", capture("iot_camera_relay.pcap"), "-2").stdout.splitlines()
    syn_ack = lines[1].split()
    # No., Time, Source, Src device, Src type (absent), Src provider, Destination, Dst device, ...
    assert syn_ack[:5] == ["2", "0.030000", "54.194.162.98", "AWS", "192.168.2.136"]
    assert "D-Link" in syn_ack and "6025.83" in syn_ack and "192.168.2.20" in syn_ack


def test_the_profile_colors_relayed_conversations(profile_tshark):
    rows = profile_tshark.fields(capture("iot_camera_relay.pcap"),
                                 ["frame.coloring_rule.name", "iotcloud.mediated.kind"], "-C", PROFILE, "--color",
                                 "-2")
    relayed = [r for r in rows if r["iotcloud.mediated.kind"] == "relay"]
    assert relayed and all(r["frame.coloring_rule.name"] == "Cloud-mediated relay" for r in relayed)


def test_without_the_profile_no_suite_columns_appear(profile_tshark):
    first = profile_tshark.run("-r", capture("iot_camera_relay.pcap"), "-2", "-c", "2").stdout.splitlines()[1]
    assert "AWS" not in first and "km" not in first


def test_an_unknown_profile_name_is_refused(profile_tshark):
    proc = profile_tshark.run("-C", "No Such Profile", "-r", capture("iot_camera_relay.pcap"), check=False)
    assert proc.returncode != 0 and "No Such Profile" in proc.stderr
