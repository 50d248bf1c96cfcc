#!/bin/sh
# Set up and run the suite: install the Debian packages it needs, build every
# plugin, install them into stock Wireshark's own plugin directory, and show
# the new columns on a shipped capture. Run from anywhere; uses sudo unless root.
set -eu
cd "$(dirname "$0")/.."

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

as_root apt-get update -q
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    $(grep -v '^#' scripts/debian-packages.txt)

cmake -S . -B build
cmake --build build -j "$(nproc)"
as_root cmake --install build

# The talk's delta-distance table, from the installed plugins and plain tshark.
tshark -r captures/talk_delta_distance.pcap -T fields -E header=y \
    -e frame.number -e frame.time_relative -e frame.len -e ip.src \
    -e delta_distance.cat6.km -e delta_distance.fiber.km
