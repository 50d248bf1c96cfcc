"""Generated homes (captures/homegen.py) for the tests of cloud-mediated pairs.

A home is generated once per test session, into a temporary folder removed at
exit: its capture, its ground truth and its event list (what the iotcloud
plugin feeds the correlator).
"""
import atexit
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from wsenv import BUILD, CAPTURES, REPO, statistic_lines

sys.path.insert(0, str(CAPTURES))
sys.path.insert(0, str(REPO / "scripts"))
import homegen  # noqa: E402

SEEDS = range(50)                       # the 50 homes the acceptance asks for
MIN_RECALL = 0.95
MAX_FALSE_PAIRS = 1

_folder = None


def _home_folder():
    global _folder
    if _folder is None:
        _folder = Path(tempfile.mkdtemp(prefix="homes-"))
        atexit.register(shutil.rmtree, _folder, True)
    return _folder


class Home:
    def __init__(self, seed):
        self.seed = seed
        self.pcap = _home_folder() / f"home{seed}.pcap"
        self.truth = homegen.write_home(str(self.pcap), seed)
        self.events = self.pcap.with_suffix(".events.tsv")

    def injected(self):
        """{(a, b, provider)} of the injected mediated pairs."""
        return {(p["a"], p["b"], p["provider"]) for p in self.truth["pairs"]}

    def direct(self):
        """The injected pairs that also talk on the LAN."""
        return {(p["a"], p["b"], p["provider"]) for p in self.truth["pairs"] if p["direct"]}


@functools.lru_cache(maxsize=None)
def home(seed):
    return Home(seed)


def tally(homes_found):
    """(injected, found right, [false pairs]) over [(home, {(a, b, provider)})]."""
    injected = right = 0
    false_pairs = []
    for h, found in homes_found:
        expected = h.injected()
        injected += len(expected)
        right += len(expected & found)
        false_pairs += [(h.seed,) + pair for pair in sorted(found - expected)]
    return injected, right, false_pairs


def correlate_events_binary(tmp_folder):
    """The built driver of plugins/iotcloud/correlate.c, or one compiled now
    with the system's C compiler when the build tree has none."""
    built = BUILD / "tests" / "unit_correlate" / "correlate_events"
    if built.exists():
        return built
    out = Path(tmp_folder) / "correlate_events"
    source = REPO / "plugins" / "iotcloud"
    subprocess.run(["cc", "-std=c11", "-O2", "-Wall", "-Wextra", "-I", str(source), "-o", str(out),
                    str(REPO / "tests" / "unit_correlate" / "correlate_events.c"), str(source / "correlate.c"), "-lm"],
                   check=True)
    return out


def run_correlator(binary, events, *args):
    """[(a, b, provider, events, expected, p_value)] the C correlator finds, and its stderr."""
    proc = subprocess.run([str(binary), *map(str, args), str(events)], capture_output=True, text=True, check=True)
    pairs = []
    for line in proc.stdout.splitlines():
        a, b, provider, n, expected, p_value = line.split("\t")[:6]
        pairs.append((a, b, provider, int(n), float(expected), float(p_value)))
    return pairs, proc.stderr


CORRELATED = re.compile(r"^correlated: (\S+) -> (\S+) via (\S+)")
DIRECT = re.compile(r"^(\S+) <-> (\S+) \(also correlated via ([^)\s]+)")


def statistic_pairs(text):
    """({(a, b, provider)} under Cloud-mediated conversations, {(a, b, provider)}
    under Direct) of `tshark -q -z iotcloud,tree` output."""
    mediated, direct = set(), set()
    for path in statistic_lines(text):
        if len(path) != 2:
            continue
        branch, name = path
        if branch == "Cloud-mediated conversations" and CORRELATED.match(name):
            mediated.add(CORRELATED.match(name).groups())
        elif branch == "Direct (not only through the cloud)" and DIRECT.match(name):
            direct.add(DIRECT.match(name).groups())
    return mediated, direct


def home_statistic(tshark, h):
    """statistic_pairs() of the home's `tshark -2 -q -z iotcloud,tree`."""
    return statistic_pairs(tshark.run("-r", h.pcap, "-2", "-q", "-z", "iotcloud,tree").stdout)


def env_cpus():
    return max(1, min(2, os.cpu_count() or 1))
