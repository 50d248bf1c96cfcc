#!/bin/sh
# Set up and run the suite: install the Debian packages it needs, fetch the
# source of the AS database (when online), build every plugin and database,
# install them into stock Wireshark's own plugin and data directories, and
# show the new columns on a shipped capture. Run from anywhere; uses sudo
# unless root.
set -eu
cd "$(dirname "$0")/.."

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

as_root apt-get update -q
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    $(grep -v '^#' scripts/debian-packages.txt)

# The AS database's source comes from the npm registry: an npm already on
# PATH (e.g. Node.js's own) is used as it is, since Debian's npm conflicts
# with it. When npm cannot be installed or the registry cannot be reached,
# fetch_asn_db.sh says so in one line and the rest works without AS numbers.
command -v npm >/dev/null 2>&1 ||
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm \
        >/dev/null 2>&1 || true
scripts/fetch_asn_db.sh || true

cmake -S . -B build
cmake --build build -j "$(nproc)"
as_root cmake --install build

# The talk's delta-distance table, as columns, from plain tshark and the installed plugins.
tshark -r captures/talk_delta_distance.pcap -o 'gui.column.format:"No.","%m","Time","%t","Prev Δ","%Cus:delta_distance.delta","Cat 6 km","%Cus:delta_distance.cat6.km","Fiber km","%Cus:delta_distance.fiber.km","Length","%L","Source","%s"'

# Which cloud each server of the talk's examples belongs to (first packet of each connection),
# and its AS when the AS database could be fetched.
tshark -2 -r captures/cloud_talk_examples.pcap -Y 'tcp.flags.syn == 1 && tcp.flags.ack == 0' -o 'gui.column.format:"No.","%m","Destination","%d","Provider","%Cus:cloud.dst.provider","Service","%Cus:cloud.dst.service","Region","%Cus:cloud.dst.region","Host name","%Cus:cloud.dst.hostname","By","%Cus:cloud.dst.source","AS","%Cus:cloud.dst.asn","AS organisation","%Cus:cloud.dst.as_org"'

# The talk's smart home: which device is which, from what each one says.
tshark -2 -r captures/iot_smart_home.pcap -Y 'dhcp.option.dhcp == 1' -o 'gui.column.format:"No.","%m","MAC","%uhs","Vendor","%Cus:iotcloud.src.vendor","Type","%Cus:iotcloud.src.type","Model","%Cus:iotcloud.src.model","Name","%Cus:iotcloud.src.name","Confidence","%Cus:iotcloud.src.confidence"'

# The Echo and the Sonos never exchange a packet, yet one drives the other through AWS.
tshark -2 -r captures/iot_alexa_sonos.pcap -q -z iotcloud,tree
