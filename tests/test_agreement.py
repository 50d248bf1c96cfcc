"""Accuracy against third-party verdicts on real captures (../shared)."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NDPI = REPO.parent / "shared" / "captures" / "ndpi"


@pytest.mark.skipif(not NDPI.is_dir(), reason="nDPI captures not available")
def test_cloud_providers_agree_with_ndpi_ip_verdicts_on_95_percent_of_flows():
    out = subprocess.run([sys.executable, str(REPO / "scripts" / "compare_ndpi.py"), str(NDPI)],
                         capture_output=True, text=True, check=True).stdout
    agreed, total = map(int, re.search(r"Agreement: (\d+)/(\d+)", out).groups())
    assert total >= 250, out
    assert agreed / total >= 0.95, out
