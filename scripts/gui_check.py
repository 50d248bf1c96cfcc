#!/usr/bin/env python3
"""Drive the real Wireshark GUI headless and check the suite's dialogs.

    /usr/bin/python3 scripts/gui_check.py [--screenshots docs/images]

Starts Xvfb, opens captures/iot_alexa_sonos.pcap in Debian's Wireshark with
the plugins and the "IoT Cloud" profile built in build/ (as tests/wsenv.py
arranges), and through the menus:

- Statistics > IoT Cloud > Devices and Clouds: copies the dialog with its
  Copy button and compares every line (name and count) with
  `tshark -2 -q -z iotcloud,tree`;
- Statistics > IoT Cloud Device Inventory: copies the table and compares
  every row with `tshark -2 -q -z iotcloud,devices`;
- Statistics > I/O Graphs (the profile's presets): copies the graphs as CSV
  and checks that every preset with packets in the capture is there, and
  that each adds up to what tshark counts with the preset's filter.

With --screenshots it saves the packet list with the suite's columns and
the three dialogs. Needs wireshark-qt, xvfb, xdotool, xclip and imagemagick.
Exit status 0 when the GUI shows what tshark shows.

The clicks go to fixed places of a 1600x1000 screen (no window manager):
the menu entry positions of Debian 12's Wireshark 4.0.17 with the suite.
"""
import argparse
import csv
import io
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
from wsenv import (BUILD, DATA_SUBDIR, SUITE_PLUGINS, TShark, make_plugin_root, statistic_lines,  # noqa: E402
                   stock_data_dir, tshark_command)

CAPTURE = REPO / "captures" / "iot_alexa_sonos.pcap"
PROFILE = "IoT Cloud"
PRESETS = REPO / "profile" / "io_graphs"
STATISTICS_MENU = (325, 10)
IO_GRAPHS_ENTRY = (354, 184)
DEVICE_INVENTORY_ENTRY = (406, 260)
IOT_CLOUD_ENTRY = (350, 788)
DEVICES_AND_CLOUDS = (789, 788)
DIALOG_AT, DIALOG_SIZE = (100, 80), (1400, 850)
# Copy buttons, from the dialog's bottom right corner.
TAP_DIALOG_COPY = (235, 25)
IO_GRAPH_COPY = (326, 25)
COLUMNS = ('gui.column.format:"No.","%m","Source","%s","Destination","%d","Protocol","%p",'
           '"Vendor","%Cus:iotcloud.src.vendor","Type","%Cus:iotcloud.src.type",'
           '"Provider","%Cus:cloud.dst.provider","Fiber km","%Cus:delta_distance.fiber.km",'
           '"Mediated peer","%Cus:iotcloud.mediated.peer","Info","%i"')


def xdo(*args, env):
    return subprocess.run(["xdotool", *map(str, args)], env=env, capture_output=True, text=True).stdout.strip()


def wait_for_window(name, env, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        found = [w for w in xdo("search", "--name", name, env=env).split() if w]
        if found:
            return found[-1]
        time.sleep(0.5)
    return None


def click(point, env, pause=1.5):
    xdo("mousemove", *point, "click", "1", env=env)
    time.sleep(pause)


def screenshot(folder, name, env):
    if folder is not None:
        subprocess.run(["import", "-window", "root", str(folder / name)], env=env)


def stats_lines(text):
    """{path: count} of the statistic's lines ("Devices/192.168.177.122 Sonos.../AWS")."""
    return {"/".join(path): count for path, count in statistic_lines(text).items()}


def table_rows(text):
    """The rows of a device table, tshark's or the dialog's copy: the lines
    after the header's rule, cells two or more spaces apart (empty cells
    read "-" in both)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Addresses")) + 2
    rows = set()
    for line in lines[start:]:
        if not line.strip() or line.startswith(("---", "===", "(")):
            continue
        rows.add(tuple(re.split(r"\s{2,}", line.strip())))
    return rows


def preset_graphs():
    """(name, filter, Y axis) of the profile's I/O Graph presets."""
    graphs = []
    for row in csv.reader(line for line in PRESETS.read_text().splitlines() if not line.startswith("#")):
        unescape = [re.sub(r"\\x([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), f) for f in row]
        graphs.append((unescape[1], unescape[2], unescape[5]))
    return graphs


def expected_io_sums(shark):
    """{graph name: packets or bytes} that tshark counts with each preset's filter."""
    sums = {}
    for name, dfilter, yaxis in preset_graphs():
        args = ["-r", CAPTURE, "-2", "-T", "fields", "-e", "frame.len"] + (["-Y", dfilter] if dfilter else [])
        lengths = [int(v) for v in shark.run(*args).stdout.split()]
        sums[name] = sum(lengths) if yaxis == "Bytes" else len(lengths)
    return sums


def csv_sums(text):
    rows = list(csv.reader(io.StringIO(text)))
    header, data = rows[0][1:], rows[1:]
    return {name: sum(float(row[i + 1] or 0) for row in data) for i, name in enumerate(header)}


def make_profile_data_root(root):
    """Stock data files with the build's "IoT Cloud" profile as a global profile (as
    after cmake --install) and without an installed copy of the suite's data."""
    root.mkdir(parents=True)
    for item in stock_data_dir().iterdir():
        if item.name not in (DATA_SUBDIR, "profiles"):
            (root / item.name).symlink_to(item)
    (root / "profiles").mkdir()
    (root / "profiles" / PROFILE).symlink_to(BUILD / "profiles" / PROFILE)
    return root


class Gui:
    """Wireshark on an Xvfb display, clicked through xdotool."""

    def __init__(self, env):
        self.env = env

    def windows(self):
        return set(xdo("search", "--onlyvisible", "--class", "wireshark", env=self.env).split())

    def open_dialog(self, clicks, title):
        """The window that the clicks open, moved over the ones before (a
        dialog closed with Escape leaves later ones unmapped without a window
        manager, so each stays open)."""
        before = self.windows()
        for point in clicks:
            click(point, self.env)
        dialog, deadline = None, time.time() + 15
        while dialog is None and time.time() < deadline:
            new = self.windows() - before
            titled = [w for w in new if title in xdo("getwindowname", w, env=self.env)]
            dialog = (titled or sorted(new) or [None])[0]
            time.sleep(0.5)
        if dialog is not None:
            xdo("windowmove", dialog, *DIALOG_AT, env=self.env)
            xdo("windowsize", dialog, *DIALOG_SIZE, env=self.env)
            time.sleep(3)
        return dialog

    def copy(self, from_corner):
        corner = (DIALOG_AT[0] + DIALOG_SIZE[0], DIALOG_AT[1] + DIALOG_SIZE[1])
        click((corner[0] - from_corner[0], corner[1] - from_corner[1]), self.env)
        return subprocess.run(["xclip", "-o", "-selection", "clipboard"], env=self.env,
                              capture_output=True, text=True).stdout


def check_tree(gui, shark, shots):
    expected = stats_lines(shark.run("-r", CAPTURE, "-2", "-q", "-z", "iotcloud,tree").stdout)
    dialog = gui.open_dialog((STATISTICS_MENU, IOT_CLOUD_ENTRY, DEVICES_AND_CLOUDS), "Devices and Clouds")
    if dialog is None:
        return ["Statistics > IoT Cloud > Devices and Clouds opened no dialog"]
    screenshot(shots, "statistics-iot-cloud.png", gui.env)
    got = stats_lines(gui.copy(TAP_DIALOG_COPY))
    if got != expected:
        return ["Devices and Clouds differs from tshark -z iotcloud,tree"] + [
            f"  {name!r}: GUI {got.get(name)}, tshark {expected.get(name)}"
            for name in sorted(set(got) | set(expected)) if got.get(name) != expected.get(name)]
    print(f"gui_check: Statistics > IoT Cloud > Devices and Clouds shows the same {len(got)} lines as "
          "tshark -2 -q -z iotcloud,tree")
    return []


def check_inventory(gui, shark, shots):
    expected = table_rows(shark.run("-r", CAPTURE, "-2", "-q", "-z", "iotcloud,devices").stdout)
    dialog = gui.open_dialog((STATISTICS_MENU, DEVICE_INVENTORY_ENTRY), "IoT Cloud Device Inventory")
    if dialog is None:
        return ["Statistics > IoT Cloud Device Inventory opened no dialog"]
    screenshot(shots, "device-inventory.png", gui.env)
    got = table_rows(gui.copy(TAP_DIALOG_COPY))
    if got != expected:
        return ["the Device Inventory differs from tshark -z iotcloud,devices"] + \
            [f"  GUI only:    {row}" for row in sorted(got - expected)] + \
            [f"  tshark only: {row}" for row in sorted(expected - got)]
    print(f"gui_check: Statistics > IoT Cloud Device Inventory shows the same {len(got)} rows as "
          "tshark -2 -q -z iotcloud,devices")
    return []


def check_io_graphs(gui, shark, shots):
    expected = expected_io_sums(shark)
    dialog = gui.open_dialog((STATISTICS_MENU, IO_GRAPHS_ENTRY), "I/O Graphs")
    if dialog is None:
        return ["Statistics > I/O Graphs opened no dialog"]
    screenshot(shots, "io-graphs.png", gui.env)
    got = csv_sums(gui.copy(IO_GRAPH_COPY))
    if got != expected:
        return [f"the I/O Graph presets differ from tshark: GUI {got}, tshark {expected}"]
    print(f"gui_check: Statistics > I/O Graphs draws the profile's {len(got)} presets, each adding up to what "
          "tshark -2 counts with its filter")
    return []


def start_xvfb():
    """An Xvfb on a display no one else uses (other checks may run on this
    machine at the same time): Xvfb picks it and writes its number."""
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1600x1000x24"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    display = xvfb.stdout.readline().strip()
    if not display.isdigit():
        xvfb.terminate()
        raise RuntimeError("Xvfb did not start")
    return xvfb, f":{display}"


def run_checks(args, shark, env):
    gui = Gui(env)
    command = tshark_command(["-C", PROFILE, "-r", CAPTURE, "-o", COLUMNS, "-o", "gui.ask_unsaved:FALSE"])
    command[command.index("tshark")] = "wireshark"
    wireshark = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        main_window = wait_for_window(CAPTURE.name, env)
        if main_window is None:
            return ["Wireshark's window did not appear"]
        xdo("windowsize", main_window, 1600, 1000, env=env)
        xdo("windowmove", main_window, 0, 0, env=env)
        time.sleep(3)
        screenshot(args.screenshots, "packet-list.png", env)
        return (check_tree(gui, shark, args.screenshots) + check_inventory(gui, shark, args.screenshots)
                + check_io_graphs(gui, shark, args.screenshots))
    finally:
        wireshark.terminate()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--screenshots", type=Path, help="folder for the PNG screenshots")
    args = parser.parse_args()
    for tool in ("wireshark", "Xvfb", "xdotool", "xclip", "import"):
        if shutil.which(tool) is None:
            print(f"gui_check: {tool} is missing (apt-get install wireshark-qt xvfb xdotool xclip imagemagick)")
            return 2
    if args.screenshots:
        args.screenshots.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        shark = TShark(make_plugin_root(tmp / "plugins", SUITE_PLUGINS), tmp / "home",
                       data_root=make_profile_data_root(tmp / "data"))
        xvfb, display = start_xvfb()
        env = {**shark.env(), "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "XDG_RUNTIME_DIR": str(tmp)}
        try:
            time.sleep(1)
            failures = run_checks(args, shark, env)
        finally:
            xvfb.terminate()
    for failure in failures:
        print(f"gui_check: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
