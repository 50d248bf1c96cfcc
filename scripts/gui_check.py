#!/usr/bin/env python3
"""Drive the real Wireshark GUI headless and check the IoT Cloud statistic.

    /usr/bin/python3 scripts/gui_check.py [--screenshots docs/images]

Starts Xvfb, opens captures/iot_alexa_sonos.pcap in Debian's Wireshark with
the plugins built in build/ (as tests/wsenv.py arranges), clicks
Statistics > IoT Cloud > Devices and Clouds, copies the dialog's contents
with its Copy button, and compares every line (name and count) with
`tshark -2 -q -z iotcloud,tree` on the same capture. With --screenshots it
saves the packet list with the suite's columns and the statistic dialog.
Needs wireshark-qt, xvfb, xdotool, xclip and imagemagick. Exit status 0
when the GUI shows the same numbers as tshark.

The clicks go to fixed places of a 1600x1000 screen (no window manager):
the menu entry positions of Debian 12's Wireshark 4.0.17.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
from wsenv import SUITE_PLUGINS, TShark, make_data_root, make_plugin_root, tshark_command  # noqa: E402

CAPTURE = REPO / "captures" / "iot_alexa_sonos.pcap"
DISPLAY = ":97"
STATISTICS_MENU = (325, 10)
IOT_CLOUD_ENTRY = (352, 764)
DEVICES_AND_CLOUDS = (789, 763)
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


def stats_lines(text):
    """{path: count} of the statistic's lines ("Devices/192.168.177.122 Sonos.../AWS"),
    whatever order siblings come in."""
    lines, stack = {}, []
    for line in text.splitlines():
        match = re.match(r"^( *)(\S.*?)\s{2,}(\d+)\s", line)
        if not match or line.startswith("Topic"):
            continue
        depth = len(match.group(1))
        stack[depth:] = [match.group(2)]
        lines["/".join(stack)] = int(match.group(3))
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--screenshots", type=Path, help="folder for the PNG screenshots")
    args = parser.parse_args()
    for tool in ("wireshark", "Xvfb", "xdotool", "xclip", "import"):
        if shutil.which(tool) is None:
            print(f"gui_check: {tool} is missing (apt-get install wireshark-qt xvfb xdotool xclip imagemagick)")
            return 2

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        shark = TShark(make_plugin_root(tmp / "plugins", SUITE_PLUGINS), tmp / "home",
                       data_root=make_data_root(tmp / "data"))
        expected = stats_lines(shark.run("-r", CAPTURE, "-2", "-q", "-z", "iotcloud,tree").stdout)
        env = {**shark.env(), "DISPLAY": DISPLAY, "QT_QPA_PLATFORM": "xcb", "XDG_RUNTIME_DIR": str(tmp)}
        xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1600x1000x24"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        gui = None
        try:
            time.sleep(2)
            command = tshark_command(["-r", CAPTURE, "-o", COLUMNS, "-o", "gui.ask_unsaved:FALSE"])
            command[command.index("tshark")] = "wireshark"
            gui = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            main_window = wait_for_window(CAPTURE.name, env)
            if main_window is None:
                print("gui_check: Wireshark's window did not appear")
                return 1
            xdo("windowsize", main_window, 1600, 1000, env=env)
            xdo("windowmove", main_window, 0, 0, env=env)
            time.sleep(3)
            if args.screenshots:
                args.screenshots.mkdir(parents=True, exist_ok=True)
                subprocess.run(["import", "-window", "root", str(args.screenshots / "packet-list.png")], env=env)
            for point in (STATISTICS_MENU, IOT_CLOUD_ENTRY, DEVICES_AND_CLOUDS):
                click(point, env)
            dialog = wait_for_window("Devices and Clouds", env, seconds=15)
            if dialog is None:
                print("gui_check: Statistics > IoT Cloud > Devices and Clouds opened no dialog")
                return 1
            xdo("windowmove", dialog, 100, 80, env=env)
            xdo("windowsize", dialog, 1400, 850, env=env)
            time.sleep(2)
            if args.screenshots:
                subprocess.run(["import", "-window", "root", str(args.screenshots / "statistics-iot-cloud.png")],
                               env=env)
            # The Copy button sits left of Save as... and Close, at the dialog's bottom right.
            click((100 + 1400 - 235, 80 + 850 - 25), env)
            shown = subprocess.run(["xclip", "-o", "-selection", "clipboard"], env=env,
                                   capture_output=True, text=True).stdout
        finally:
            if gui is not None:
                gui.terminate()
            xvfb.terminate()
    got = stats_lines(shown)
    if got != expected:
        print("gui_check: the dialog differs from tshark -z iotcloud,tree")
        for name in sorted(set(got) | set(expected)):
            if got.get(name) != expected.get(name):
                print(f"  {name!r}: GUI {got.get(name)}, tshark {expected.get(name)}")
        return 1
    print(f"gui_check: Statistics > IoT Cloud > Devices and Clouds shows the same {len(got)} lines as "
          "tshark -2 -q -z iotcloud,tree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
