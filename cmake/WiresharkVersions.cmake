# Which Wireshark releases the suite builds for, after
# find_package(Wireshark 4.0...<4.7 CONFIG).
#
# Supported, and tested by .ci/run: 4.0 (Debian 12 bookworm), 4.4 (Debian 13
# trixie) and 4.6 (Debian testing/unstable). Odd minor versions (4.1, 4.3,
# 4.5) are Wireshark's development releases, whose API moves between
# snapshots: refused. 4.2 is a stable release the suite has never been built
# or tested against (no current Debian release ships it): refused rather than
# half-supported.
#
# Sets WSC_WS_API ("4.4": the plugin folder and ABI name), WSC_WS_NEXT_MINOR
# ("4.5": the first release whose ABI differs) and the Debian names of the
# libraries the plugins link to (WSC_DEB_LIBWIRESHARK, WSC_DEB_LIBWSUTIL).
#
# SPDX-License-Identifier: GPL-2.0-or-later

set(WSC_WS_SUPPORTED 4.0 4.4 4.6)
# Debian's library package names per release (their sonames).
set(WSC_DEB_LIBS_4.0 libwireshark16 libwsutil14)
set(WSC_DEB_LIBS_4.4 libwireshark18 libwsutil16)
set(WSC_DEB_LIBS_4.6 libwireshark19 libwsutil17)

list(JOIN WSC_WS_SUPPORTED ", " wsc_supported)
# A Wireshark_DIR outside the range makes find_package() look elsewhere and
# maybe find another Wireshark: say so rather than build for the wrong one.
if(WSC_WIRESHARK_DIR_ASKED AND Wireshark_FOUND)
    file(REAL_PATH "${WSC_WIRESHARK_DIR_ASKED}" wsc_asked)
    file(REAL_PATH "${Wireshark_DIR}" wsc_found)
    if(NOT wsc_asked STREQUAL wsc_found)
        set(Wireshark_FOUND FALSE)
    endif()
endif()
if(NOT Wireshark_FOUND)
    set(wsc_seen "")
    foreach(config version IN ZIP_LISTS Wireshark_CONSIDERED_CONFIGS Wireshark_CONSIDERED_VERSIONS)
        string(APPEND wsc_seen "\n  ${version} in ${config}")
    endforeach()
    if(WSC_WIRESHARK_DIR_ASKED)
        set(wsc_seen "Wireshark_DIR is ${WSC_WIRESHARK_DIR_ASKED}; considered:${wsc_seen}")
    elseif(wsc_seen)
        set(wsc_seen "considered:${wsc_seen}")
    else()
        set(wsc_seen "None found: install wireshark-dev (Debian), or point Wireshark_DIR at the folder holding WiresharkConfig.cmake.")
    endif()
    message(FATAL_ERROR "The suite builds for Wireshark ${wsc_supported}. ${wsc_seen}")
endif()

set(WSC_WS_API "${Wireshark_MAJOR_VERSION}.${Wireshark_MINOR_VERSION}")
if(NOT WSC_WS_API IN_LIST WSC_WS_SUPPORTED)
    if(Wireshark_MINOR_VERSION MATCHES "[13579]$")
        set(wsc_why "${WSC_WS_API} is a development release, whose plugin API changes between snapshots")
    else()
        set(wsc_why "the suite has never been built or tested against ${WSC_WS_API}")
    endif()
    message(FATAL_ERROR "Wireshark ${Wireshark_VERSION} (${Wireshark_DIR}): ${wsc_why}. "
                        "Supported: ${wsc_supported}.")
endif()

math(EXPR wsc_next_minor "${Wireshark_MINOR_VERSION} + 1")
set(WSC_WS_NEXT_MINOR "${Wireshark_MAJOR_VERSION}.${wsc_next_minor}")
list(GET WSC_DEB_LIBS_${WSC_WS_API} 0 WSC_DEB_LIBWIRESHARK)
list(GET WSC_DEB_LIBS_${WSC_WS_API} 1 WSC_DEB_LIBWSUTIL)
message(STATUS "Building for Wireshark ${Wireshark_VERSION} (plugin API ${WSC_WS_API}, ${Wireshark_DIR})")
