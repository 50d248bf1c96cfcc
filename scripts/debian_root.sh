#!/bin/sh
# scripts/debian_root.sh SUITE: a minimal Debian root (trixie: Wireshark 4.4,
# sid: 4.6) with what building and testing the suite needs, for
# scripts/test_in_root.sh. Created once with debootstrap from Debian's mirror
# and reused while complete, so a second run takes seconds. Prints the root's
# path on its last line.
#
# Where: $WSC_ROOTS_DIR/SUITE (default /var/cache/wireshark-iotcloud/roots),
# outside the repository; each root takes ~1.5 GB. Needs root.
# Rebuild one from scratch: WSC_ROOT_REFRESH=1 scripts/debian_root.sh SUITE.
#
# SPDX-License-Identifier: GPL-2.0-or-later
set -eu
cd "$(dirname "$0")/.."
. scripts/root_lib.sh

[ $# -eq 1 ] || wsc_die "usage: $0 trixie|sid"
suite=$1
wsc_check_suite "$suite"
[ "$(id -u)" -eq 0 ] || wsc_die "needs root (debootstrap, chroot)"
root=$(wsc_root_dir "$suite")

# The build and test packages of scripts/debian-packages.txt: the lines before
# its GUI section (the headless GUI test is skipped in the roots).
packages() {
    awk '/^# the GUI/ { exit } /^[^#]/ { print }' scripts/debian-packages.txt
}

# The root is complete when its stamp names the same package list: adding a
# package to debian-packages.txt brings old roots up to date.
wanted_stamp() {
    { echo "$suite"; packages; } | sha256sum | cut -d' ' -f1
}

is_complete() {
    [ -f "$root/$WSC_ROOT_STAMP" ] && [ "$(cat "$root/$WSC_ROOT_STAMP")" = "$(wanted_stamp)" ]
}

ensure_debootstrap() {
    command -v debootstrap >/dev/null && return
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap
}

# A root that is half made (an interrupted debootstrap) is removed, never one
# in use.
discard_partial_root() {
    [ -e "$root" ] || return 0
    wsc_has_mounts "$root" && wsc_die "$root has mounts: is a test still running in it?"
    echo "debian_root: removing the incomplete root $root" >&2
    rm -rf --one-file-system "$root"
}

bootstrap() {
    [ -x "$root/usr/bin/apt-get" ] && [ -f "$root/etc/wsc-debootstrap-done" ] && return
    discard_partial_root
    mkdir -p "$(dirname "$root")"
    echo "debian_root: debootstrap --variant=minbase $suite $root" >&2
    debootstrap --variant=minbase "$suite" "$root" >"$root.debootstrap.log" 2>&1 \
        || { tail -20 "$root.debootstrap.log" >&2; wsc_die "debootstrap $suite failed (log: $root.debootstrap.log)"; }
    touch "$root/etc/wsc-debootstrap-done"
}

# sid's Release files on the mirror can be past their Valid-Until date;
# apt then refuses them unless told not to check.
configure_apt() {
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    printf 'APT::Install-Recommends "false";\n' >"$root/etc/apt/apt.conf.d/90wsc-no-recommends"
    if [ "$suite" = sid ]; then
        printf 'Acquire::Check-Valid-Until "false";\n' >"$root/etc/apt/apt.conf.d/90wsc-valid-until"
    fi
}

install_packages() {
    log=$root.packages.log
    echo "debian_root: installing the build and test packages into $suite (log: $log)" >&2
    # shellcheck disable=SC2046  # one word per package
    wsc_in_root "$root" env DEBIAN_FRONTEND=noninteractive sh -euc '
        apt-get update -q
        apt-get install -y -q "$@"
        apt-get clean
    ' sh $(packages) >"$log" 2>&1 \
        || { tail -20 "$log" >&2; wsc_die "installing packages into $suite failed (log: $log)"; }
}

add_test_user() {
    grep -q "^$WSC_ROOT_USER:" "$root/etc/passwd" && return
    wsc_in_root "$root" useradd --create-home --shell /bin/sh "$WSC_ROOT_USER"
}

ensure_debootstrap
if [ -n "${WSC_ROOT_REFRESH:-}" ]; then
    rm -f "$root/$WSC_ROOT_STAMP" "$root/etc/wsc-debootstrap-done"
fi
if ! is_complete; then
    rm -f "$root/$WSC_ROOT_STAMP"
    bootstrap
    configure_apt
    install_packages
    add_test_user
    wanted_stamp >"$root/$WSC_ROOT_STAMP"
fi
wsc_in_root "$root" tshark --version 2>/dev/null | head -n 1 >&2
echo "$root"
