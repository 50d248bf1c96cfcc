/* server_name.h: the server name a client's packet carries.
 *
 * From the packet's own bytes when a TLS ClientHello starts its TCP payload;
 * otherwise, for what only a reassembling or decrypting dissector knows (TLS
 * over QUIC, a ClientHello over several segments), from the packet's tree,
 * when one is shown. No field is requested for every packet.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_SERVER_NAME_H
#define WSC_SERVER_NAME_H

#include <stdbool.h>
#include <stddef.h>

#include <epan/packet.h>

#include "core/ip_peek.h"

/* Handoff: find the TLS server name field. */
void wsc_server_name_resolve(const char *who);

bool wsc_client_server_name(packet_info *pinfo, proto_tree *tree, const wsc_frame_t *f, char *out, size_t size);

#endif /* WSC_SERVER_NAME_H */
