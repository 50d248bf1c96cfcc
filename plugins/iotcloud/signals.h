/* signals.h: what a packet tells about the local device that sent it.
 *
 * Read from other dissectors' fields (which the plugin asks tshark to keep):
 * DHCP (host name, vendor class, parameter request list, FQDN; the client's
 * MAC and the address it is given), mDNS/DNS-SD announcements (service types,
 * instance and host names, TXT model keys), SSDP (SERVER, NT/ST, USN,
 * LOCATION), the names a device looks up or connects to (DNS queries,
 * TLS/QUIC server names, HTTP Host) and the HTTP User-Agent it sends.
 * Queries and searches say what a host looks for, not what it is, so mDNS
 * questions and SSDP M-SEARCH targets are not taken as evidence.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef IOTCLOUD_SIGNALS_H
#define IOTCLOUD_SIGNALS_H

#include <epan/packet.h>

#include "devices.h"

void signals_resolve_fields(void);
void signals_want_fields(dissector_handle_t handle, bool want);

/* First pass: record the packet's signals on `sender` (the local device that
 * sent it, or NULL), and DHCP ones on the client the DHCP message is about. */
void signals_collect(proto_tree *tree, packet_info *pinfo, device_t *sender);

#endif /* IOTCLOUD_SIGNALS_H */
