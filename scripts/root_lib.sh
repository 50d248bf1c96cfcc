# Sourced by scripts/debian_root.sh, scripts/test_in_root.sh and
# scripts/bench_in_root.sh: where the Debian roots live, how a command runs
# inside one, and how the working tree is copied in and built there.
#
# SPDX-License-Identifier: GPL-2.0-or-later

# Roots are cached outside the repository, one folder per Debian suite.
WSC_ROOTS_DIR=${WSC_ROOTS_DIR:-/var/cache/wireshark-iotcloud/roots}
# The unprivileged user the tests run as inside a root: Wireshark ignores
# personal plugin folders and WIRESHARK_PLUGIN_DIR for root, and `unshare -U`
# is refused inside a chroot.
WSC_ROOT_USER=wsctest
# Written last by debian_root.sh: a root without it is incomplete.
WSC_ROOT_STAMP=.wireshark-iotcloud-root

wsc_die() { echo "$(basename "$0"): $*" >&2; exit 1; }

# Wireshark's minor releases per Debian suite (PLATFORM.md): trixie 4.4, sid 4.6.
wsc_check_suite() {
    case "$1" in
        trixie|sid) ;;
        *) wsc_die "unknown suite '$1' (trixie or sid)" ;;
    esac
}

wsc_root_dir() { echo "$WSC_ROOTS_DIR/$1"; }

# wsc_in_root ROOT CMD...: run CMD (as root) inside ROOT with /proc, /dev and
# a fresh /tmp mounted. The mounts live in a private mount namespace that dies
# with the command, so they are gone however it ends (error, ^C, kill -9);
# the trap only matters for the rare kernel that refuses the namespace.
wsc_in_root() {
    root=$1
    shift
    if unshare --mount --propagation private true 2>/dev/null; then
        unshare --mount --propagation private sh -euc '
            root=$1; shift
            mount -t proc proc "$root/proc"
            mount --rbind /dev "$root/dev"
            mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
            exec chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"
        ' sh "$root" "$@"
    else
        wsc_in_root_with_trap "$root" "$@"
    fi
}

wsc_in_root_with_trap() {
    root=$1
    shift
    (
        trap 'umount -R "$root/tmp" 2>/dev/null || :; umount -R "$root/dev" 2>/dev/null || :; umount "$root/proc" 2>/dev/null || :' EXIT
        trap 'exit 130' INT TERM
        mount -t proc proc "$root/proc"
        mount --rbind /dev "$root/dev"
        mount --make-rslave "$root/dev"
        mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
        chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"
    )
}

# Is anything mounted at or below DIR? (never delete a root that is in use)
wsc_has_mounts() {
    awk -v dir="$1" '$2 == dir || index($2, dir "/") == 1 { found = 1 } END { exit !found }' /proc/mounts
}

# wsc_as_user ROOT CMD...: run CMD inside ROOT as the unprivileged user, in
# its HOME, writing no Python bytecode into the copy.
wsc_as_user() {
    root=$1
    shift
    wsc_in_root "$root" setpriv --reuid="$WSC_ROOT_USER" --regid="$WSC_ROOT_USER" --init-groups \
        env HOME="/home/$WSC_ROOT_USER" PYTHONDONTWRITEBYTECODE=1 "$@"
}

# wsc_copy_tree ROOT WORK: a fresh copy of the working tree (the current
# folder) at WORK in ROOT, owned by the unprivileged user; files deleted here
# must not linger there. Left out: .git, build trees and generated benchmark
# captures (bench.py makes its own in the root and prints their hash).
wsc_copy_tree() {
    root=$1
    work=$2
    wsc_has_mounts "$root$work" && wsc_die "$root$work has mounts"
    rm -rf --one-file-system "$root$work"
    mkdir -p "$root$work"
    tar -C . --exclude=./.git --exclude='./build*' --exclude=./bench/out --exclude=__pycache__ \
        --exclude=.pytest_cache -cf - . | tar -C "$root$work" -xf -
    wsc_in_root "$root" chown -R "$WSC_ROOT_USER:" "$work"
}

# wsc_build_in_root ROOT WORK BUILD: configure and build the copy at WORK in
# its folder BUILD, as the unprivileged user; prints the logs only on
# failure, and the compiler's warnings.
wsc_build_in_root() {
    wsc_as_user "$1" WSC_BUILD_DIR="$3" sh -euc '
        cd "$1"
        cmake -S . -B "$WSC_BUILD_DIR" >"$WSC_BUILD_DIR.configure.log" 2>&1 \
            || { cat "$WSC_BUILD_DIR.configure.log"; exit 1; }
        cmake --build "$WSC_BUILD_DIR" -j 2 >"$WSC_BUILD_DIR.build.log" 2>&1 \
            || { cat "$WSC_BUILD_DIR.build.log"; exit 1; }
        grep -i "warning" "$WSC_BUILD_DIR.build.log" || :
    ' sh "$2"
}
