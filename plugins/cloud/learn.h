/* learn.h: names seen in the capture, bound to the addresses they lead to.
 *
 * DNS answers bind every name of a CNAME chain to the A/AAAA addresses at
 * its end; PTR answers bind the name to the address they reverse; a TLS (or
 * QUIC) ClientHello's server name and an HTTP request's Host bind to the
 * server address. Each name of a chain is matched against
 * the host name patterns: the match nearest the address wins, since that is
 * the CDN actually serving (www.example.com -> e1.a.akamaiedge.net: Akamai).
 * Hostile answers are bounded: at most MAX_RECORDS records a packet, chains
 * of at most MAX_CHAIN names (CNAME loops end there), names up to 255 bytes.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef CLOUD_LEARN_H
#define CLOUD_LEARN_H

#include <stdbool.h>

#include <epan/packet.h>

#include "core/addr.h"
#include "patterns.h"

/* Handoff: find the DNS, TLS and HTTP fields. */
void cloud_learn_resolve_fields(void);

/* Init: ask tshark to keep those fields in the tree (or stop asking). */
void cloud_learn_want_fields(dissector_handle_t handle, bool want);

/* First pass over a packet: record the names it carries. is_local() tells
 * which addresses are never annotated. */
void cloud_learn(proto_tree *tree, const wsc_addr_t *dst, const cloud_patterns_t *patterns,
                 bool (*is_local)(const wsc_addr_t *addr));

#endif /* CLOUD_LEARN_H */
