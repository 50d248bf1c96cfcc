"""The GUI paths, headless: Debian's Wireshark under Xvfb with the "IoT Cloud"
profile shows what tshark shows, through the menus (scripts/gui_check.py):
Statistics > IoT Cloud > Devices and Clouds, Statistics > IoT Cloud Device
Inventory, and the profile's I/O Graph presets."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "gui_check.py"
TOOLS = ("wireshark", "Xvfb", "xdotool", "xclip", "import")


@pytest.fixture(scope="module")
def gui_check():
    if any(shutil.which(t) is None for t in TOOLS):
        pytest.skip("wireshark-qt/Xvfb tools missing")
    proc = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True, timeout=300)
    return proc


def test_the_gui_shows_what_tshark_shows(gui_check):
    assert gui_check.returncode == 0, gui_check.stdout + gui_check.stderr


def test_statistics_menu_dialog_shows_the_same_numbers_as_tshark(gui_check):
    assert "Devices and Clouds shows the same" in gui_check.stdout, gui_check.stdout


def test_device_inventory_dialog_opens_from_the_menu_with_the_rows_of_tshark(gui_check):
    assert "Device Inventory shows the same 5 rows as tshark" in gui_check.stdout, gui_check.stdout


def test_the_profile_lists_its_io_graph_presets_with_tshark_counts(gui_check):
    assert "I/O Graphs draws the profile's 9 presets" in gui_check.stdout, gui_check.stdout
