"""Run stock tshark with the plugins built in this tree, hermetically.

Used by the tests (conftest.py) and the benchmarks (bench/bench.py).

Every run gets its own HOME and configuration directory and TZ=UTC. Plugins
are offered through WIRESHARK_PLUGIN_DIR, pointing at a folder that holds links
to the stock plugins plus the ones chosen from the build: an older copy
installed in the global plugin directory can never shadow the build under
test. Wireshark ignores that variable for root, so as root tshark runs in a
user namespace (`unshare -U`), where it is an ordinary user.
"""
import csv
import io
import os
import re
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CAPTURES = REPO / "captures"
BUILD = Path(os.environ.get("WSC_BUILD_DIR", REPO / "build")).resolve()
API = "4.0"
SUITE_PLUGINS = ["iotcloud_suite"]
# Names of the libraries before the suite became one (never linked from a stock folder).
OLD_PLUGINS = ["cloud", "delta_distance", "iotcloud"]
DATA_SUBDIR = "iotcloud"


def stock_plugin_dir():
    out = subprocess.run(["tshark", "-G", "folders"], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^Global Plugins:\s+(\S+)", out, re.M)
    assert match, "tshark -G folders names no global plugin folder"
    return Path(match.group(1))


def stock_data_dir():
    out = subprocess.run(["tshark", "-G", "folders"], capture_output=True, text=True, check=True).stdout
    return Path(re.search(r"^Global configuration:\s+(\S+)", out, re.M).group(1))


def make_data_root(root):
    """A WIRESHARK_DATA_DIR: links to stock Wireshark's data files (manuf,
    dtds, ...) without the suite's installed folder, so a test sees only the
    data it is given (the build's, through the personal configuration folder)."""
    root.mkdir(parents=True, exist_ok=True)
    for item in stock_data_dir().iterdir():
        if item.name != DATA_SUBDIR:
            (root / item.name).symlink_to(item)
    return root


def make_plugin_root(root, plugins=()):
    """A WIRESHARK_PLUGIN_DIR: <root>/4.0/{epan,wiretap,codecs} with the stock
    plugins and the named plugins of the suite's build."""
    stock = stock_plugin_dir()
    for kind in ("epan", "wiretap", "codecs"):
        (root / API / kind).mkdir(parents=True, exist_ok=True)
        if (stock / kind).is_dir():
            for plugin in (stock / kind).iterdir():
                if plugin.stem not in SUITE_PLUGINS + OLD_PLUGINS:
                    (root / API / kind / plugin.name).symlink_to(plugin)
    built = BUILD / "plugins" / API / "epan"
    for name in plugins:
        so = built / (name + ".so")
        assert so.exists(), f"{so} is missing: build first (cmake -S . -B build && cmake --build build)"
        (root / API / "epan" / so.name).symlink_to(so)
    return root


def tshark_command(args):
    command = ["tshark", *map(str, args)]
    if os.geteuid() == 0:
        command = ["unshare", "-U", *command]
    return command


class TShark:
    """tshark with a plugin folder, a fresh HOME and configuration folder.
    with_data links the build's data files (databases, rules) where the
    plugins look for a user's copy: <config>/iotcloud/."""

    def __init__(self, plugin_root, home, with_data=True, data_root=None):
        self.plugin_root = plugin_root
        self.data_root = data_root
        self.home = Path(home)
        self.config = self.home / "config"
        self.config.mkdir(parents=True, exist_ok=True)
        if with_data and not (self.config / DATA_SUBDIR).exists():
            (self.config / DATA_SUBDIR).mkdir()
            for item in (BUILD / "data" / DATA_SUBDIR).iterdir():
                (self.config / DATA_SUBDIR / item.name).symlink_to(item)

    def env(self):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("WIRESHARK_", "XDG_"))}
        env.update(HOME=str(self.home), WIRESHARK_CONFIG_DIR=str(self.config),
                   WIRESHARK_PLUGIN_DIR=str(self.plugin_root), TZ="UTC", LC_ALL="C.UTF-8")
        if self.data_root is not None:
            env["WIRESHARK_DATA_DIR"] = str(self.data_root)
        return env

    def run(self, *args, check=True):
        command = tshark_command(args)
        proc = subprocess.run(command, capture_output=True, text=True, env=self.env())
        if check and proc.returncode != 0:
            raise AssertionError(f"{' '.join(command)} exited {proc.returncode}:\n{proc.stderr}")
        return proc

    def fields(self, capture, fields, *args, occurrence="f"):
        """Rows of -T fields output as dicts keyed by field name ('' when absent):
        each field's first value, or with occurrence="a" all of them."""
        argv = ["-r", capture, "-T", "fields", "-E", "separator=\t", "-E", f"occurrence={occurrence}"]
        for field in fields:
            argv += ["-e", field]
        out = self.run(*argv, *args).stdout
        rows = csv.reader(io.StringIO(out), delimiter="\t", quoting=csv.QUOTE_NONE)
        return [dict(zip(fields, row + [""] * (len(fields) - len(row)))) for row in rows]
