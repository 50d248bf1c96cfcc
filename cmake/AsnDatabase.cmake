# SPDX-License-Identifier: GPL-2.0-or-later
# The suite's AS database: asn.mmdb, compiled at build time from the CSV
# files of the npm package @ip-location-db/asn (RouteViews, NRO, DB-IP ASN
# Lite; CC-BY-4.0) when scripts/fetch_asn_db.sh has fetched them, and
# installed beside cloud-ranges.mmdb. Without them the build goes on and the
# cloud plugin simply has no AS database (or uses one from Wireshark's GeoIP
# folders).
#
# The conversion takes about 7 s and 180 MB of memory for the ~515,000 ranges
# of 2.3.2026061719 and writes an 11.5 MB database (docs/cloud.md).

set(WSC_ASN_SOURCE_DIR "${PROJECT_SOURCE_DIR}/downloads/asn/package" CACHE PATH
    "Folder holding asn-ipv4.csv and asn-ipv6.csv of @ip-location-db/asn (scripts/fetch_asn_db.sh)")

# The pinned version, for the copyright file.
file(STRINGS "${PROJECT_SOURCE_DIR}/plugins/cloud/data/asn_package.csv" asn_pin REGEX "^@ip-location-db/asn,")
string(REPLACE "," ";" asn_pin "${asn_pin}")
list(GET asn_pin 1 WSC_ASN_VERSION)

find_program(PERL perl REQUIRED)

# CONFIGURE_DEPENDS: a later fetch is noticed by the next `cmake --build`.
file(GLOB asn_csv CONFIGURE_DEPENDS
     "${WSC_ASN_SOURCE_DIR}/asn-ipv4.csv" "${WSC_ASN_SOURCE_DIR}/asn-ipv6.csv")
list(LENGTH asn_csv asn_csv_count)
if(asn_csv_count EQUAL 2)
    set(asn_mmdb "${WSC_BUILD_DATA_DIR}/asn.mmdb")
    set(asn_converter "${PROJECT_SOURCE_DIR}/plugins/cloud/data/build_asn_mmdb.pl")
    add_custom_command(OUTPUT "${asn_mmdb}"
        COMMAND ${PERL} "${asn_converter}" ${asn_csv} "${asn_mmdb}"
        DEPENDS "${asn_converter}" ${asn_csv}
        COMMENT "Compiling the AS database (@ip-location-db/asn) into asn.mmdb"
        VERBATIM)
    wsc_add_data(asn_data "${asn_mmdb}")
    message(STATUS "AS database: asn.mmdb from ${WSC_ASN_SOURCE_DIR}")
else()
    message(STATUS "AS database: none (no asn-ipv4.csv/asn-ipv6.csv in ${WSC_ASN_SOURCE_DIR}; "
                   "scripts/fetch_asn_db.sh fetches them)")
endif()
