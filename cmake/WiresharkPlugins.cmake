# How every plugin of the suite is built and installed.
#
# By default `cmake --install` puts plugins where stock Wireshark looks for
# them (the global plugin directory of the system Wireshark), so plain
# `tshark` and `wireshark` load them with no flag. With -DWSC_USER_INSTALL=ON
# they go to the per-user directory instead (no root needed).

option(WSC_USER_INSTALL "Install into ~/.local/lib/wireshark/plugins (no root needed)" OFF)
option(WSC_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

if(CMAKE_INSTALL_PREFIX_INITIALIZED_TO_DEFAULT)
    # /usr/local is never scanned by Debian's Wireshark.
    set(CMAKE_INSTALL_PREFIX "${Wireshark_INSTALL_PREFIX}" CACHE PATH "Installation prefix" FORCE)
endif()

# Data files (databases, rules) go where the plugins look for them: the
# user's Wireshark configuration folder, or Wireshark's global data folder.
set(WSC_DATA_SUBDIR iotcloud)
if(WSC_USER_INSTALL)
    set(WSC_PLUGIN_DIR "$ENV{HOME}/.local/lib/wireshark/plugins/${WSC_WS_API}/epan")
    set(WSC_DATA_DIR "$ENV{HOME}/.config/wireshark/${WSC_DATA_SUBDIR}")
else()
    set(WSC_PLUGIN_DIR "${Wireshark_PLUGIN_LIBDIR}/epan")
    set(WSC_DATA_DIR "share/wireshark/${WSC_DATA_SUBDIR}")
endif()

# Plugins are built into one folder of the build tree, laid out as an
# epan/ plugin directory, and data files into another, so tests can point
# stock tshark at them.
set(WSC_BUILD_PLUGIN_DIR "${CMAKE_BINARY_DIR}/plugins/${WSC_WS_API}/epan")
set(WSC_BUILD_DATA_DIR "${CMAKE_BINARY_DIR}/data/${WSC_DATA_SUBDIR}")
file(MAKE_DIRECTORY "${WSC_BUILD_DATA_DIR}")

set(CMAKE_C_STANDARD 11)
set(CMAKE_C_STANDARD_REQUIRED ON)
set(CMAKE_C_VISIBILITY_PRESET hidden)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)
if(NOT CMAKE_BUILD_TYPE)
    set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()
add_compile_options(-Wall -Wextra -Wshadow -Wpointer-arith -Wformat=2)
if(WSC_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

# External plugins must define HAVE_SSIZE_T as Wireshark's own build does.
include(CheckTypeSize)
check_type_size("ssize_t" SSIZE_T)
add_compile_definitions(
    VERSION=\"${PROJECT_VERSION}\"
    $<$<BOOL:${HAVE_SSIZE_T}>:HAVE_SSIZE_T>
)

# wsc_add_plugin(NAME SOURCES src...): one Wireshark epan plugin (.so).
function(wsc_add_plugin name)
    cmake_parse_arguments(P "" "" "SOURCES" ${ARGN})
    add_library(${name} MODULE ${P_SOURCES})
    set_target_properties(${name} PROPERTIES
        PREFIX ""
        DEFINE_SYMBOL ""
        LIBRARY_OUTPUT_DIRECTORY "${WSC_BUILD_PLUGIN_DIR}")
    target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}/plugins")
    target_link_libraries(${name} PRIVATE wsc_core epan)
    install(TARGETS ${name} LIBRARY DESTINATION "${WSC_PLUGIN_DIR}" NAMELINK_SKIP)
endfunction()

# Releases before 0.2 installed three libraries; left beside the one library
# they would register the same protocols twice, and Wireshark would abort.
set(WSC_OLD_PLUGINS cloud delta_distance iotcloud)
function(wsc_remove_old_plugins)
    if(IS_ABSOLUTE "${WSC_PLUGIN_DIR}")
        set(dir "${WSC_PLUGIN_DIR}")
    else()
        set(dir "\${CMAKE_INSTALL_PREFIX}/${WSC_PLUGIN_DIR}")
    endif()
    foreach(old ${WSC_OLD_PLUGINS})
        install(CODE "file(REMOVE \"\$ENV{DESTDIR}${dir}/${old}.so\")")
    endforeach()
endfunction()

# wsc_add_data(TARGET file...): data files copied into the build tree's data
# folder and installed with the plugins. Files already in the build data
# folder (generated ones) are installed as they are.
function(wsc_add_data target)
    set(outputs)
    foreach(file ${ARGN})
        get_filename_component(name "${file}" NAME)
        set(out "${WSC_BUILD_DATA_DIR}/${name}")
        if(NOT file STREQUAL out)
            add_custom_command(OUTPUT "${out}"
                COMMAND ${CMAKE_COMMAND} -E copy "${file}" "${out}"
                DEPENDS "${file}" VERBATIM)
        endif()
        list(APPEND outputs "${out}")
    endforeach()
    add_custom_target(${target} ALL DEPENDS ${outputs})
    install(FILES ${outputs} DESTINATION "${WSC_DATA_DIR}")
endfunction()
