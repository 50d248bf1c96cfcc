"""The GUI path, headless: Statistics > IoT Cloud > Devices and Clouds in Debian's
Wireshark under Xvfb shows what tshark -z iotcloud,tree shows."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "gui_check.py"
TOOLS = ("wireshark", "Xvfb", "xdotool", "xclip", "import")


@pytest.mark.skipif(any(shutil.which(t) is None for t in TOOLS), reason="wireshark-qt/Xvfb tools missing")
def test_statistics_menu_dialog_shows_the_same_numbers_as_tshark():
    proc = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "shows the same" in proc.stdout
