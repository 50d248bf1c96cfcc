# SPDX-License-Identifier: GPL-2.0-or-later
"""The C unit tests of the byte readers (tests/unit), run from pytest so that
`pytest-3 -v tests` runs them too. Each test_NAME.c is built by CMake into
BUILD/tests/unit/unit_NAME (ctest -R unit runs the same programs)."""
import subprocess
from pathlib import Path

import pytest

from wsenv import BUILD

UNIT_SOURCES = sorted((Path(__file__).parent / "unit").glob("test_*.c"))


def test_every_reader_has_its_unit_tests():
    names = {source.stem for source in UNIT_SOURCES}
    for reader in ("ip_peek_links", "ip_peek_lengths", "ip_peek_tunnels", "dns_wire", "dhcp_wire",
                   "http_wire", "tls_wire", "addr_netlist"):
        assert "test_" + reader in names


@pytest.mark.parametrize("source", UNIT_SOURCES, ids=[s.stem for s in UNIT_SOURCES])
def test_unit_program_passes(source):
    program = BUILD / "tests" / "unit" / source.stem.replace("test_", "unit_", 1)
    assert program.exists(), f"{program} is missing: build first (cmake -S . -B build && cmake --build build)"
    proc = subprocess.run([str(program)], capture_output=True, text=True, timeout=120)
    summary = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
    assert proc.returncode == 0 and summary.endswith(" 0 failed"), proc.stdout + proc.stderr
