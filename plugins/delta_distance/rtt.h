/* rtt.h: round-trip times measured at the capture point.
 *
 * A request and its answer seen by the capture point bound how far the
 * responder can be: the answer cannot travel faster than light in fiber.
 * Three exchanges give a clean sample: the TCP handshake (SYN -> SYN/ACK),
 * DNS over UDP (query -> response with the same id) and ICMP/ICMPv6 echo.
 * As in Karn's algorithm, a request that was retransmitted gives no sample,
 * since the answer could belong to either copy. Each conversation keeps its
 * smallest sample: every sample overstates the propagation time, never
 * understates it, so the smallest is the tightest true bound.
 *
 * Later passes (tshark -2, the GUI) must show what was known at each frame,
 * not the end of the capture: each conversation and each address keeps the
 * short history of its improving samples, tagged with the answer's frame, and
 * a frame reads the last one at or before it. Samples only ever improve, so
 * the history is a few entries; it costs nothing per frame.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef DELTA_DISTANCE_RTT_H
#define DELTA_DISTANCE_RTT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/addr.h"
#include "core/facts.h"

typedef enum {
    RTT_TCP_HANDSHAKE = 1,
    RTT_DNS = 2,
    RTT_ICMP_ECHO = 3,
} rtt_method_t;

typedef struct {
    int64_t    ns;          /* round trip, capture point -> responder -> capture point */
    uint32_t   frame;       /* the answer that gave this sample */
    uint8_t    method;      /* rtt_method_t */
    wsc_addr_t responder;   /* who answered */
} rtt_sample_t;

/* First pass over a frame: take it into account as a request or an answer.
 * True when it is an answer that lowered its conversation's smallest round trip
 * (*improved holds that sample). */
bool rtt_learn(const wsc_facts_t *facts, rtt_sample_t *improved);

/* The smallest round trip of this packet's conversation as known at this
 * frame (answers up to and including it): the same in one pass, two passes
 * and the GUI. False when none was measured by then. */
bool rtt_of_conversation(const wsc_facts_t *facts, rtt_sample_t *out);

/* The smallest round trip to this address over all its conversations, as
 * known at `frame`; false when none. */
bool rtt_of_address(const wsc_addr_t *addr, uint32_t frame, rtt_sample_t *out);

/* Per capture: forget every conversation. */
void rtt_reset(void);

#endif /* DELTA_DISTANCE_RTT_H */
