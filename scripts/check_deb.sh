#!/bin/sh
# Build the Debian package of the suite from the build tree, install it with
# dpkg, check that plain tshark loads the plugins, finds their data and the
# "IoT Cloud" profile, remove the package and check that nothing is left.
# Then reinstall from the build tree (cmake --install), as scripts/quickstart.sh
# left it. Needs root (or sudo) and a configured build/ (scripts/quickstart.sh).
set -eu
cd "$(dirname "$0")/.."

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
fail() { echo "check_deb: $*" >&2; exit 1; }

cmake --build build
(cd build && cpack -G DEB >/dev/null)
deb=$(ls build/wireshark-iotcloud_*_"$(dpkg --print-architecture)".deb)
plugins=$(pkg-config --variable=plugindir wireshark)/epan
share=$(tshark -G folders 2>/dev/null | sed -n 's/^Global configuration:[[:space:]]*//p')
loaded() { tshark -G protocols 2>/dev/null | cut -f3 | grep -qx iotcloud; }

echo "check_deb: $deb"
dpkg-deb -f "$deb" Package Version Depends
as_root dpkg -i "$deb"
trap 'as_root cmake --install build >/dev/null' EXIT

dpkg -L wireshark-iotcloud | grep -q "$plugins/iotcloud_suite.so" || fail "the package does not own $plugins/iotcloud_suite.so"
[ "$(dpkg -L wireshark-iotcloud | grep -c '\.so$')" = 1 ] || fail "the package holds more than the one library"
loaded || fail "tshark does not load the installed suite"
tshark -r captures/cloud_talk_examples.pcap -2 -T fields -e cloud.dst.provider -Y 'tcp.flags.syn == 1' -c 1 \
    | grep -q . || fail "the installed cloud plugin labels nothing (data not found?)"
tshark -C "IoT Cloud" -r captures/iot_alexa_sonos.pcap -2 | grep -q " AWS " \
    || fail "tshark -C \"IoT Cloud\" shows no provider column"

as_root dpkg -r wireshark-iotcloud
for path in "$plugins/iotcloud_suite.so" "$plugins/cloud.so" "$plugins/delta_distance.so" "$plugins/iotcloud.so"; do
    [ ! -e "$path" ] || fail "$path is left after dpkg -r"
done
[ ! -e "$share/iotcloud" ] || fail "$share/iotcloud is left after dpkg -r"
[ ! -e "$share/profiles/IoT Cloud" ] || fail "the IoT Cloud profile is left after dpkg -r"
! loaded || fail "tshark still loads iotcloud after dpkg -r"
echo "check_deb: installed, used and removed cleanly"
