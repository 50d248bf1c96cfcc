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
 * chains of at most MAX_CHAIN names that stop at the first repeated name
 * (CNAME loops), names up to 255 bytes; each owner's chain is walked and
 * matched once per message, however many addresses it has.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef CLOUD_LEARN_H
#define CLOUD_LEARN_H

#include <epan/packet.h>

#include "core/facts.h"
#include "patterns.h"

/* First pass over a frame: record the names it carries, from this frame on. */
void cloud_learn(wsc_facts_t *facts, proto_tree *tree, const cloud_patterns_t *patterns);

#endif /* CLOUD_LEARN_H */
