#!/bin/sh
# Build the Debian package of the suite from the build tree, install it with
# dpkg, check that plain tshark loads the plugins (with their real type in
# `tshark -G plugins`), finds their data and the "IoT Cloud" profile, remove
# the package and check that nothing is left. If the suite was installed from
# the build tree before (scripts/quickstart.sh), reinstall it (cmake --install)
# so the machine is left as it was found.
# Needs root (or sudo) and a configured build tree: build/, or $WSC_BUILD_DIR
# (scripts/test_in_root.sh uses build-SUITE).
#
# SPDX-License-Identifier: GPL-2.0-or-later
set -eu
cd "$(dirname "$0")/.."
build=${WSC_BUILD_DIR:-build}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
fail() { echo "check_deb: $*" >&2; exit 1; }
folder() { tshark -G folders 2>/dev/null | sed -n "s/^$1:[[:space:]]*//p"; }

cmake --build "$build"
(cd "$build" && cpack -G DEB >/dev/null)
# The file this build's package was written to (its name carries the Wireshark release).
deb=$build/$(sed -n 's/^set(CPACK_PACKAGE_FILE_NAME "\(.*\)")$/\1/p' "$build/CPackConfig.cmake").deb
[ -f "$deb" ] || deb=$(ls -t "$build"/wireshark-iotcloud_*_"$(dpkg --print-architecture)".deb | head -n 1)
plugins=$(folder "Global Plugins")/epan
share=$(folder "Global configuration")
loaded() { tshark -G protocols 2>/dev/null | cut -f3 | grep -qx iotcloud; }

echo "check_deb: $deb"
dpkg-deb -f "$deb" Package Version Depends
loaded && reinstall=yes || reinstall=
as_root dpkg -i "$deb"
if [ -n "$reinstall" ]; then trap 'as_root cmake --install "$build" >/dev/null' EXIT; fi

owned=$(dpkg -L wireshark-iotcloud | grep "^$plugins/.*\.so$") || fail "the package holds no plugin in $plugins"
[ "$(echo "$owned" | wc -l)" = 1 ] || fail "the package holds more than the one library: $owned"
loaded || fail "tshark does not load the installed suite"
for so in $owned; do
    type=$(tshark -G plugins 2>/dev/null | awk -F '\t' -v so="$so" '$4 == so { print $3 }')
    [ -n "$type" ] || fail "tshark -G plugins does not list $so"
    [ "$type" != unknown ] || fail "tshark -G plugins shows $so as type unknown (plugin_describe missing?)"
    echo "check_deb: $(basename "$so"): $type"
done
tshark -r captures/cloud_talk_examples.pcap -2 -T fields -e cloud.dst.provider -Y 'tcp.flags.syn == 1' -c 1 \
    | grep -q . || fail "the installed cloud plugin labels nothing (data not found?)"
tshark -C "IoT Cloud" -r captures/iot_alexa_sonos.pcap -2 | grep -q " AWS " \
    || fail "tshark -C \"IoT Cloud\" shows no provider column"

as_root dpkg -r wireshark-iotcloud
for path in $owned; do
    [ ! -e "$path" ] || fail "$path is left after dpkg -r"
done
[ ! -e "$share/iotcloud" ] || fail "$share/iotcloud is left after dpkg -r"
[ ! -e "$share/profiles/IoT Cloud" ] || fail "the IoT Cloud profile is left after dpkg -r"
! loaded || fail "tshark still loads iotcloud after dpkg -r"
echo "check_deb: installed, used and removed cleanly"
