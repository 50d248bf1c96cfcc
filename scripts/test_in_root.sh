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

# A fresh copy each run: files deleted here must not linger there.
copy_tree() {
    wsc_has_mounts "$root$work" && wsc_die "$root$work has mounts"
    rm -rf --one-file-system "$root$work"
    mkdir -p "$root$work"
    tar -C . --exclude=./.git --exclude='./build*' --exclude=__pycache__ --exclude=.pytest_cache -cf - . \
        | tar -C "$root$work" -xf -
    copy_shared_captures
    wsc_in_root "$root" chown -R "$WSC_ROOT_USER:" "$work" "$(dirname "$work")/shared"
}

# The accuracy tests read real captures from ../shared/captures beside the
# repository; when they are there, they go to the same place in the root.
copy_shared_captures() {
    shared=$root$(dirname "$work")/shared
    rm -rf --one-file-system "$shared"
    mkdir -p "$shared"
    [ -d ../shared/captures ] && cp -R ../shared/captures "$shared/" || :
}

# As the unprivileged user: configure, build, and the whole pytest suite
# (no cache or bytecode written into the copy).
build_and_test() {
    wsc_in_root "$root" setpriv --reuid="$WSC_ROOT_USER" --regid="$WSC_ROOT_USER" --init-groups \
        env HOME="/home/$WSC_ROOT_USER" PYTHONDONTWRITEBYTECODE=1 WSC_BUILD_DIR="$build" sh -euc '
            cd "$1"
            cmake -S . -B "$WSC_BUILD_DIR" >"$WSC_BUILD_DIR.configure.log" 2>&1 \
                || { cat "$WSC_BUILD_DIR.configure.log"; exit 1; }
            cmake --build "$WSC_BUILD_DIR" -j 2 >"$WSC_BUILD_DIR.build.log" 2>&1 \
                || { cat "$WSC_BUILD_DIR.build.log"; exit 1; }
            grep -i "warning" "$WSC_BUILD_DIR.build.log" || :
            pytest-3 -q -rs -p no:cacheprovider tests
        ' sh "$work"
}

# As root in the root: cpack, dpkg -i, plain tshark, dpkg -r.
check_package() {
    wsc_in_root "$root" env WSC_BUILD_DIR="$build" sh -euc 'cd "$1" && scripts/check_deb.sh' sh "$work"
}

echo "test_in_root: $suite ($root)"
copy_tree
status=0
build_and_test || status=$?
check_package || status=$?
[ "$status" -eq 0 ] && echo "test_in_root: $suite passed" || echo "test_in_root: $suite FAILED" >&2
exit "$status"
