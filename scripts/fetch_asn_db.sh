#!/bin/sh
# fetch_asn_db.sh: fetches the source of the suite's AS database, the npm
# package @ip-location-db/asn (RouteViews, NRO and DB-IP ASN Lite; CC-BY-4.0),
# at the version pinned in plugins/cloud/data/asn_package.csv, checks it
# against the pinned sha512 integrity and extracts its CSV files and licences.
# The build then compiles them into asn.mmdb (cmake/AsnDatabase.cmake).
#
#   scripts/fetch_asn_db.sh [--force] [DEST]     (DEST: downloads/asn of the repository)
#
# Needs npm (Debian: apt-get install npm, or the npm that comes with Node.js),
# tar, base64, od and sha512sum. Writes DEST/package/ (asn-ipv4.csv,
# asn-ipv6.csv, package.json, the licence files) and DEST/FETCHED (package,
# version and integrity of what is there); nothing is installed and no root
# is needed. When it cannot fetch (no npm, offline, registry error) it says so
# in one line and exits 1; a tarball that does not match the pinned
# integrity is deleted, said in one line, exit 3. Already fetched: exit 0.
#
# SPDX-License-Identifier: GPL-2.0-or-later
set -eu

REPO=$(cd "$(dirname "$0")/.." && pwd)
PIN="$REPO/plugins/cloud/data/asn_package.csv"
FORCE=0
DEST=
for arg in "$@"; do
    case "$arg" in
        --force) FORCE=1 ;;
        -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "fetch_asn_db: unknown option $arg" >&2; exit 2 ;;
        *) DEST=$arg ;;
    esac
done
DEST=${DEST:-$REPO/downloads/asn}

# The pin: the one row after the column header (lines starting with # are comments).
row=$(grep -v '^#' "$PIN" | sed -n '2p')
PACKAGE=$(echo "$row" | cut -d, -f1)
VERSION=$(echo "$row" | cut -d, -f2)
INTEGRITY=$(echo "$row" | cut -d, -f3)
case "$INTEGRITY" in
    sha512-?*) ;;
    *) echo "fetch_asn_db: $PIN: no sha512 integrity pinned for $PACKAGE" >&2; exit 2 ;;
esac
WANT="$PACKAGE $VERSION $INTEGRITY"

if [ "$FORCE" -eq 0 ] && [ -f "$DEST/FETCHED" ] && [ "$(cat "$DEST/FETCHED")" = "$WANT" ] \
        && [ -s "$DEST/package/asn-ipv4.csv" ] && [ -s "$DEST/package/asn-ipv6.csv" ]; then
    echo "AS database: $PACKAGE@$VERSION already fetched into $DEST"
    exit 0
fi

not_fetched() {
    echo "AS database: $PACKAGE@$VERSION not fetched ($1); AS numbers stay off until scripts/fetch_asn_db.sh succeeds." >&2
    exit 1
}

command -v npm >/dev/null 2>&1 || not_fetched "npm is not installed: apt-get install npm"
mkdir -p "$(dirname "$DEST")"
WORK=$(mktemp -d "$DEST.tmp.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM

# npm pack writes PACKAGE's tarball into the current folder: no install, no
# scripts run. The timeout bounds a registry that accepts connections and
# never answers; --fetch-retries keeps an offline machine from waiting long.
if ! (cd "$WORK" && timeout 300 npm pack --loglevel=error --fetch-retries=1 --fetch-timeout=60000 \
        "$PACKAGE@$VERSION" >npm.out 2>npm.err); then
    reason=$(grep -m1 -Eo '(code|errno) [A-Z0-9_]+' "$WORK/npm.err" || true)
    not_fetched "npm pack failed${reason:+: $reason}"
fi
TARBALL=$(find "$WORK" -maxdepth 1 -name '*.tgz' | head -n 1)
[ -n "$TARBALL" ] || not_fetched "npm pack wrote no tarball"

# npm's integrity string is "sha512-" and the base64 of the binary digest.
want_hex=$(printf '%s' "${INTEGRITY#sha512-}" | base64 -d | od -An -v -tx1 | tr -d ' \n')
have_hex=$(sha512sum "$TARBALL" | cut -d' ' -f1)
if [ "$want_hex" != "$have_hex" ]; then
    echo "AS database: $PACKAGE@$VERSION from npm does not match the integrity pinned in $PIN; not used." >&2
    exit 3
fi

# --touch: npm tarballs date every file 1985, which would hide a new version from make.
mkdir "$WORK/out"
tar -xzf "$TARBALL" -C "$WORK/out" --touch --no-same-owner --wildcards \
    'package/asn-ipv4.csv' 'package/asn-ipv6.csv' 'package/package.json' \
    'package/*LICENSE*' 'package/MODIFICATIONS' 'package/README.md'
echo "$WANT" >"$WORK/out/FETCHED"
rm -rf "$DEST"
mv "$WORK/out" "$DEST"
echo "AS database: $PACKAGE@$VERSION fetched into $DEST (sha512 checked)"
