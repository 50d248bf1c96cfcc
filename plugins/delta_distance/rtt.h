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
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef DELTA_DISTANCE_RTT_H
#define DELTA_DISTANCE_RTT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/addr.h"
#include "core/ip_peek.h"

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

/* The conversation of this packet and its best sample so far (NULL when it
 * has none). With learn set (the first pass over the frame), the packet is
 * first taken into account as a request or an answer. Conversations are
 * forgotten with each capture. */
const rtt_sample_t *rtt_observe(const uint8_t *frame, size_t len, const ip_peek_t *ip,
                                uint32_t frame_num, int64_t ts_ns, bool learn);

/* The smallest round trip to this address over all its conversations, or NULL. */
const rtt_sample_t *rtt_of_address(const wsc_addr_t *addr);

#endif /* DELTA_DISTANCE_RTT_H */
