#!/bin/sh
# scripts/bench_in_root.sh SUITE [BENCH.PY ARGUMENTS...]: bench/bench.py
# against the Wireshark of a Debian root (trixie: 4.4, sid: 4.6), so the
# suite's cost can be compared between releases on one machine. Without
# arguments it counts the instructions per packet of the three comparisons
# of issue 13 on the 10,000-packet capture:
#
#   bench.py --callgrind-only --callgrind-packets 10000 \
#            --groups "installed, unused" "-T fields, 3 more fields" statistic
#
# The root comes from scripts/debian_root.sh (created on first use, reused
# after). The working tree is copied to /home/wsctest/wireshark-iotcloud-bench
# in the root (apart from test_in_root.sh's copy, so both can run at once)
# and built there in build-SUITE with the same steps (scripts/root_lib.sh);
# bench.py runs as the root's unprivileged user (tshark loads the build's
# plugins only for an ordinary user, and `unshare -U` is refused inside a
# chroot). valgrind and python3-cryptography (gen_bench.py needs it to make
# the same QUIC packets as on the host; bench.py prints the capture's SHA-256
# to show it did) are installed into the root here, on first use: they are
# not among the build and test packages of scripts/debian-packages.txt.
# Needs root.
#
# SPDX-License-Identifier: GPL-2.0-or-later
set -eu
cd "$(dirname "$0")/.."
. scripts/root_lib.sh

[ $# -ge 1 ] || wsc_die "usage: $0 trixie|sid [bench.py arguments]"
suite=$1
shift
wsc_check_suite "$suite"
[ "$(id -u)" -eq 0 ] || wsc_die "needs root (chroot)"
[ $# -gt 0 ] || set -- --callgrind-only --callgrind-packets 10000 \
    --groups "installed, unused" "-T fields, 3 more fields" statistic
root=$(scripts/debian_root.sh "$suite" | tail -n 1)
work=/home/$WSC_ROOT_USER/wireshark-iotcloud-bench
build=build-$suite
BENCH_PACKAGES="valgrind python3-cryptography"

# Installs only what is missing, so a second run needs no network.
ensure_bench_packages() {
    log=$root.bench-packages.log
    # shellcheck disable=SC2086  # one word per package
    wsc_in_root "$root" env DEBIAN_FRONTEND=noninteractive sh -euc '
        missing=
        for package; do
            dpkg-query -W -f="\${Status}" "$package" 2>/dev/null | grep -q "ok installed" \
                || missing="$missing $package"
        done
        [ -z "$missing" ] && exit 0
        echo "bench_in_root: installing$missing"
        apt-get update -q
        apt-get install -y -q $missing
        apt-get clean
    ' sh $BENCH_PACKAGES >"$log" 2>&1 \
        || { tail -20 "$log" >&2; wsc_die "installing $BENCH_PACKAGES into $suite failed (log: $log)"; }
    grep "^bench_in_root:" "$log" >&2 || :
}

# As the unprivileged user: bench.py with this script's arguments.
run_bench() {
    wsc_as_user "$root" WSC_BUILD_DIR="$build" sh -euc 'cd "$1" && shift && /usr/bin/python3 bench/bench.py "$@"' \
        sh "$work" "$@"
}

echo "bench_in_root: $suite ($root)" >&2
ensure_bench_packages
wsc_copy_tree "$root" "$work"
wsc_build_in_root "$root" "$work" "$build"
run_bench "$@"
