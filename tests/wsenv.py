"""Run stock tshark with the plugins built in this tree, hermetically.

Used by the tests (conftest.py) and the benchmarks (bench/bench.py).

Every run gets its own HOME and configuration directory and TZ=UTC. Plugins
are offered through WIRESHARK_PLUGIN_DIR, pointing at a folder that holds links
to the stock plugins plus the ones chosen from the build: an older copy
installed in the global plugin directory can never shadow the build under
test. Wireshark ignores that variable for root, so as root tshark runs in a
user namespace (`unshare -U`), where it is an ordinary user. Inside a chroot,
where user namespaces are refused, run the whole suite as an ordinary user
instead (scripts/test_in_root.sh does).

The same tests run on Wireshark 4.0, 4.4 and 4.6: the plugin folder is named
after the tshark that runs, and the few values later releases print in
another form are put back into 4.0's form in one place (FieldsNormaliser),
so assertions stay exact.
"""
import contextlib
import csv
import io
import os
import re
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CAPTURES = REPO / "captures"
BUILD = Path(os.environ.get("WSC_BUILD_DIR", REPO / "build")).resolve()
# The suite's plugin library, as built (<name>.so in the build's plugin folder).
SUITE_PLUGINS = ["iotcloud_suite"]
# Every name a library of the suite has had or will have (three plugins, then
# one): an installed copy of any of them is never linked among the stock
# plugins, where it would register the suite's protocols a second time.
SUITE_LIBRARY_NAMES = {"cloud", "delta_distance", "iotcloud", "iotcloud_suite"}
DATA_SUBDIR = "iotcloud"


def tshark_version():
    """(major, minor, micro) of the tshark on PATH: the Wireshark under test."""
    out = subprocess.run(["tshark", "--version"], capture_output=True, text=True, check=True).stdout
    match = re.search(r"\(Wireshark\) (\d+)\.(\d+)\.(\d+)", out)
    assert match, f"tshark --version names no version: {out[:200]!r}"
    return tuple(int(part) for part in match.groups())


WS_VERSION = tshark_version()
# The plugin API folder name (plugins/4.4/epan): a plugin loads only under the
# major.minor it was built for, and the build names its folder the same way.
API = "%d.%d" % WS_VERSION[:2]


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
                if plugin.stem not in SUITE_LIBRARY_NAMES | set(SUITE_PLUGINS):
                    (root / API / kind / plugin.name).symlink_to(plugin)
    built = BUILD / "plugins" / API / "epan"
    for name in plugins:
        so = built / (name + ".so")
        assert so.exists(), f"{so} is missing: build first (cmake -S . -B build && cmake --build build)"
        (root / API / "epan" / so.name).symlink_to(so)
    return root


# --- Version differences in tshark's output ---------------------------------
# The tests assert Wireshark 4.0's output. Later releases print a few values
# of `-T fields` in another form; the same value, never another one:
#   FT_BOOLEAN  True/False from 4.4 (4.0: 1/0)
#   FT_FLOAT    9 significant digits from 4.6 (4.0: 6, "%.6g")
#   frame.time_delta(_displayed) without a previous (displayed) frame:
#               empty from 4.6 (4.0: 0.000000000)
DELTA_FIELDS = {"frame.time_delta", "frame.time_delta_displayed"}
_field_types = {}                           # plugin root -> {field name: FT_ type}


class FieldsNormaliser:
    """Puts the values of one `-T fields` output of Wireshark `version` back
    into 4.0's form, from each field's type as that tshark registers it."""

    def __init__(self, types, fields, separator="\t", aggregator=",", header=False, version=WS_VERSION):
        self.types = types
        self.fields = fields
        self.separator = separator
        self.aggregator = aggregator
        self.header = header
        self.booleans_as_words = version >= (4, 4)
        self.floats_nine_digits = version >= (4, 6)
        self.no_first_delta = version >= (4, 6)

    @staticmethod
    def needed(version=WS_VERSION):
        return version >= (4, 4)

    @staticmethod
    def from_args(args, types_of):
        """For tshark arguments asking for -T fields, or None. types_of() is
        called only then: it costs a tshark run (once per plugin folder)."""
        args = [str(a) for a in args]
        if not FieldsNormaliser.needed() or "fields" not in [v for k, v in zip(args, args[1:]) if k == "-T"]:
            return None
        fields = [v for k, v in zip(args, args[1:]) if k == "-e"]
        options = dict(v.split("=", 1) for k, v in zip(args, args[1:]) if k == "-E" and "=" in v)
        assert options.get("quote", "n") == "n", "quoted -T fields output is not normalised"
        escapes = {"/t": "\t", "/s": " "}
        return FieldsNormaliser(types_of(), fields,
                                escapes.get(options.get("separator"), options.get("separator", "\t")),
                                escapes.get(options.get("aggregator"), options.get("aggregator", ",")),
                                options.get("header", "n") == "y")

    def output(self, text):
        lines = text.split("\n")
        first = 1 if self.header else 0
        for i in range(first, len(lines)):
            if lines[i]:
                values = lines[i].split(self.separator)
                lines[i] = self.separator.join(self.value(f, v) for f, v in zip(self.fields, values))
        return "\n".join(lines)

    def value(self, field, text):
        if field in DELTA_FIELDS and self.no_first_delta and text == "":
            return "0.000000000"
        kind = self.types.get(field)
        if text == "" or kind not in ("FT_BOOLEAN", "FT_FLOAT"):
            return text
        return self.aggregator.join(self.one(kind, v) for v in text.split(self.aggregator))

    def one(self, kind, text):
        if kind == "FT_BOOLEAN" and self.booleans_as_words:
            return {"True": "1", "False": "0"}.get(text, text)
        if kind == "FT_FLOAT" and self.floats_nine_digits:
            # Nine digits name one single-precision value exactly; 4.0 printed
            # that value with "%.6g".
            return "%.6g" % struct.unpack("f", struct.pack("f", float(text)))[0]
        return text


def tshark_command(args):
    command = ["tshark", *map(str, args)]
    if os.geteuid() == 0:
        command = ["unshare", "-U", *command]
    return command


@contextlib.contextmanager
def suite_tshark():
    """For scripts: a TShark with the suite's build, in a folder removed afterwards."""
    with tempfile.TemporaryDirectory() as tmp:
        yield TShark(make_plugin_root(Path(tmp) / "plugins", SUITE_PLUGINS), Path(tmp) / "home")


def statistic_lines(text):
    """{(branch, line, child, ...): count}: the lines of a stats_tree statistic
    (tshark's -z output or the GUI dialog's copy) by their path, whatever order
    siblings come in."""
    lines, stack = {}, []
    for line in text.splitlines():
        match = re.match(r"^( *)(\S.*?)\s{2,}(\d+)\s", line)
        if not match or line.startswith("Topic"):
            continue
        depth = len(match.group(1))
        stack[depth:] = [match.group(2)]
        lines[tuple(stack)] = int(match.group(3))
    return lines


# Linux keeps a process's peak RSS across exec: a child forked from pytest
# starts its peak at pytest's own size, which can hide tshark's. This small
# launcher (a fresh, small interpreter) forks tshark itself and reports the
# exit code and the peak of that child only.
_PEAK_RSS_LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 1)
    os.dup2(null, 2)
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
"""


def peak_rss_mib(shark, *args):
    """Peak resident memory of one tshark run (which must succeed), MiB."""
    report = subprocess.run([sys.executable, "-c", _PEAK_RSS_LAUNCHER, *tshark_command(args)],
                            env=shark.env(), stdin=subprocess.DEVNULL, capture_output=True, text=True,
                            check=True).stdout.split()
    assert report[0] == "0", report
    return int(report[1]) / 1024


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
        """tshark's CompletedProcess; -T fields output is in 4.0's form."""
        command = tshark_command(args)
        proc = subprocess.run(command, capture_output=True, text=True, env=self.env())
        if check and proc.returncode != 0:
            raise AssertionError(f"{' '.join(command)} exited {proc.returncode}:\n{proc.stderr}")
        normaliser = FieldsNormaliser.from_args(args, self.field_types)
        if normaliser is not None:
            proc.stdout = normaliser.output(proc.stdout)
        return proc

    def field_types(self):
        """{field name: FT_ type} of every field this tshark registers."""
        key = str(self.plugin_root)
        if key not in _field_types:
            out = subprocess.run(tshark_command(["-G", "fields"]), capture_output=True, text=True,
                                 env=self.env(), check=True).stdout
            rows = (line.split("\t") for line in out.splitlines())
            _field_types[key] = {row[2]: row[3] for row in rows if row[0] == "F" and len(row) > 3}
        return _field_types[key]

    def fields(self, capture, fields, *args, occurrence="f"):
        """Rows of -T fields output as dicts keyed by field name ('' when absent):
        each field's first value, or with occurrence="a" all of them."""
        argv = ["-r", capture, "-T", "fields", "-E", "separator=\t", "-E", f"occurrence={occurrence}"]
        for field in fields:
            argv += ["-e", field]
        out = self.run(*argv, *args).stdout
        rows = csv.reader(io.StringIO(out), delimiter="\t", quoting=csv.QUOTE_NONE)
        return [dict(zip(fields, row + [""] * (len(fields) - len(row)))) for row in rows]

    def fields_by_frame(self, capture, fields, *args, occurrence="f"):
        """fields() keyed by frame number (fields must include frame.number)."""
        return {int(r["frame.number"]): r for r in self.fields(capture, fields, *args, occurrence=occurrence)}
