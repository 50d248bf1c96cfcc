# Our coloring rules first (the first match colors a packet), then Wireshark's defaults.
file(READ "${SUITE}" suite)
set(defaults "")
if(EXISTS "${DEFAULTS}")
    file(READ "${DEFAULTS}" defaults)
endif()
file(WRITE "${OUT}" "${suite}${defaults}")
