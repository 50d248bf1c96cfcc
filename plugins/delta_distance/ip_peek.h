/* ip_peek.h: where the IP and transport headers sit in a frame's bytes.
 *
 * The RTT tracker needs a few transport-header bytes (TCP flags and sequence
 * numbers, the DNS id, the ICMP echo id and sequence) that no dissector leaves
 * in packet_info. Asking tshark for fields such as tcp.flags would make it
 * build a protocol tree for every packet (about a third more CPU), so the
 * headers are located here, in the raw frame, for the link types people
 * capture on. The caller accepts the result only when the addresses agree with
 * what Wireshark's own IP dissector found (this also skips tunnels).
 *
 * Pure C on a byte array: every offset is checked against the captured length.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef DELTA_DISTANCE_IP_PEEK_H
#define DELTA_DISTANCE_IP_PEEK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint8_t family;         /* 4 or 6 */
    uint8_t ipproto;        /* transport protocol, after IPv6 extension headers */
    size_t  src_offset;     /* source address (4 or 16 bytes) */
    size_t  dst_offset;
    size_t  l4_offset;      /* first byte of the transport header */
} ip_peek_t;

/* Finds the first IP header of a frame whose link type is the Wiretap
 * encapsulation `encap`. False for non-IP frames, link types not handled,
 * truncated headers and non-first fragments. */
bool ip_peek(const uint8_t *frame, size_t len, int encap, ip_peek_t *out);

static inline size_t ip_addr_len(const ip_peek_t *ip)
{
    return ip->family == 4 ? 4 : 16;
}

#endif /* DELTA_DISTANCE_IP_PEEK_H */
