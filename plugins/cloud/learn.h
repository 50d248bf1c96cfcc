/* learn.h: names seen in the capture, bound to the addresses they lead to.
 *
 * DNS answers bind every name of a CNAME chain to the A/AAAA addresses at
 * its end; PTR answers bind the name to the address they reverse; a TLS
 * ClientHello's server name and an HTTP request's Host bind to the server
 * address. Each name of a chain is matched against the host name patterns:
 * the match nearest the address wins, since that is the CDN actually serving
 * (www.example.com -> e1.a.akamaiedge.net: Akamai).
 *
 * Names are read from the packet's own bytes (DNS over UDP and TCP, the
 * first segment of a ClientHello or an HTTP request), so tshark need not
 * build a protocol tree for every packet. What only a reassembling or
 * decrypting dissector knows (TLS over QUIC, a ClientHello spread over
 * segments) is read from the tree when one is shown.
 *
 * Hostile answers are bounded: at most MAX_RECORDS records a message,
 * chains of at most MAX_CHAIN names (CNAME loops end there), names up to
 * 255 bytes.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef CLOUD_LEARN_H
#define CLOUD_LEARN_H

#include <stdbool.h>

#include <epan/packet.h>

#include "core/addr.h"
#include "patterns.h"

/* Handoff: find the TLS server name field (read from shown trees only). */
void cloud_learn_resolve_fields(void);

/* First pass over a packet: record the names it carries. is_local() tells
 * which addresses are never annotated. */
void cloud_learn(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, const cloud_patterns_t *patterns,
                 bool (*is_local)(const wsc_addr_t *addr));

#endif /* CLOUD_LEARN_H */
