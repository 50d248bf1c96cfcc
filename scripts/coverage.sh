#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Line coverage of plugins/core: a --coverage build in build-coverage/, the
# C unit tests (ctest -R unit), optionally the whole pytest suite too (stock
# tshark loading the instrumented plugins), then a gcovr report of the byte
# readers and of all of plugins/core. Needs gcovr (scripts/debian-packages.txt).
#
#   scripts/coverage.sh              # the unit tests alone
#   scripts/coverage.sh --pytest     # the unit tests and pytest-3 tests
#   scripts/coverage.sh --fail-under 90   # exit 2 when the byte readers' lines are below 90%
set -eu
cd "$(dirname "$0")/.."

BUILD=build-coverage
READERS='plugins/core/((ip_peek|dns_wire|dhcp_wire|http_wire|tls_wire|ubnt_wire|sadp_wire|dhip_wire|ndp_wire)\.c|text\.h)'
with_pytest=false
fail_under=0
while [ $# -gt 0 ]; do
    case "$1" in
    --pytest) with_pytest=true ;;
    --fail-under) fail_under="$2"; shift ;;
    *) echo "usage: $0 [--pytest] [--fail-under PERCENT]" >&2; exit 1 ;;
    esac
    shift
done
command -v gcovr >/dev/null || { echo "coverage.sh: gcovr is missing (apt-get install gcovr)" >&2; exit 1; }

cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS="--coverage" \
      -DCMAKE_EXE_LINKER_FLAGS="--coverage" -DCMAKE_MODULE_LINKER_FLAGS="--coverage" >/dev/null
cmake --build "$BUILD" -j2 >/dev/null
find "$BUILD" -name '*.gcda' -delete            # counts of this run only
ctest --test-dir "$BUILD" -R unit --output-on-failure
if $with_pytest; then
    WSC_BUILD_DIR="$PWD/$BUILD" pytest-3 -q tests
fi

echo "== the byte readers"
gcovr --root . --filter "$READERS" --fail-under-line "$fail_under" "$BUILD"
echo "== all of plugins/core"
gcovr --root . --filter 'plugins/core/' "$BUILD"
