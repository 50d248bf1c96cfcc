#!/bin/sh
# scripts/test_in_root.sh SUITE: build the suite and run its whole test suite
# against the Wireshark of a Debian root (trixie: 4.4, sid: 4.6), then build
# its Debian package there and check that it installs, works and removes
# cleanly (scripts/check_deb.sh). The root comes from scripts/debian_root.sh
# (created on first use, reused after).
#
# The working tree (without .git and build trees) is copied to
# /home/wsctest/wireshark-iotcloud in the root and built in build-SUITE
# there. Build and tests run as the root's unprivileged user: Wireshark
# ignores personal plugin folders and WIRESHARK_PLUGIN_DIR for root, and
# `unshare -U` (what the harness uses as root) is refused inside a chroot.
# Needs root. Exit status: non-zero when the build, a test or the package
# check failed.
#
# SPDX-License-Identifier: GPL-2.0-or-later
set -eu
cd "$(dirname "$0")/.."
. scripts/root_lib.sh

[ $# -eq 1 ] || wsc_die "usage: $0 trixie|sid"
suite=$1
wsc_check_suite "$suite"
[ "$(id -u)" -eq 0 ] || wsc_die "needs root (chroot)"
root=$(scripts/debian_root.sh "$suite" | tail -n 1)
work=/home/$WSC_ROOT_USER/wireshark-iotcloud
build=build-$suite

# The accuracy tests read real captures from ../shared/captures beside the
# repository; when they are there, they go to the same place in the root.
copy_shared_captures() {
    shared=$root$(dirname "$work")/shared
    rm -rf --one-file-system "$shared"
    mkdir -p "$shared"
    [ -d ../shared/captures ] && cp -R ../shared/captures "$shared/" || :
    wsc_in_root "$root" chown -R "$WSC_ROOT_USER:" "$(dirname "$work")/shared"
}

# As the unprivileged user: the whole pytest suite against the build (no
# cache written into the copy).
run_tests() {
    wsc_as_user "$root" WSC_BUILD_DIR="$build" sh -euc 'cd "$1" && pytest-3 -q -rs -p no:cacheprovider tests' \
        sh "$work"
}

# As root in the root: cpack, dpkg -i, plain tshark, dpkg -r.
check_package() {
    wsc_in_root "$root" env WSC_BUILD_DIR="$build" sh -euc 'cd "$1" && scripts/check_deb.sh' sh "$work"
}

echo "test_in_root: $suite ($root)"
wsc_copy_tree "$root" "$work"
copy_shared_captures
status=0
{ wsc_build_in_root "$root" "$work" "$build" && run_tests; } || status=$?
check_package || status=$?
[ "$status" -eq 0 ] && echo "test_in_root: $suite passed" || echo "test_in_root: $suite FAILED" >&2
exit "$status"
