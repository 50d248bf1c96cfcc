/* signals.h: what a packet tells about the local device that sent it.
 *
 * DHCP (host name, vendor class, parameter request list, FQDN; the client's
 * MAC and the address it is given), DHCPv6 vendor class, mDNS/DNS-SD
 * announcements (service types, instance and host names, TXT model keys),
 * SSDP (SERVER, NT/ST, USN, LOCATION), the names a device looks up or
 * connects to (DNS queries, TLS server names, HTTP Host), the HTTP
 * User-Agent it sends, and the ports of the broadcasts it sends. Queries and
 * searches say what a host looks for, not what it is, so mDNS questions and
 * SSDP M-SEARCH targets are not taken as evidence. Besides what packets
 * say: the ports a device serves (TCP SYN/ACK, UDP reply) and uses (TCP
 * SYN, UDP request), the hello of Xiaomi's push channel, and its traffic
 * with remote hosts (counted for its behaviour).
 *
 * Signals are read from the packet's own bytes (see core/facts.h), so no
 * protocol tree is needed; server names only a decrypting dissector knows
 * (TLS over QUIC) come from the tree when one is shown.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef IOTCLOUD_SIGNALS_H
#define IOTCLOUD_SIGNALS_H

#include <epan/packet.h>

#include "core/facts.h"
#include "devices.h"

/* First pass: record the frame's signals on `sender` (the local device that
 * sent it, by the binding rules of devices.h, or NULL), and DHCP ones on the
 * client the DHCP message is about when it comes from the link; count the
 * frame for `sender` or `receiver` when the other end is remote. Signals
 * are read from the frame's IP datagram only, never from bytes after it. */
void signals_collect(wsc_facts_t *facts, proto_tree *tree, device_t *sender, device_t *receiver);

#endif /* IOTCLOUD_SIGNALS_H */
