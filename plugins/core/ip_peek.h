/* ip_peek.h: where the IP and transport headers and the payload sit in a
 * frame's bytes.
 *
 * The plugins need a few header and payload bytes (TCP flags, the DNS id, a
 * DHCP option, a TLS server name) on packets that are rare. Asking tshark
 * for other dissectors' fields makes it build, and prime, a protocol tree for
 * every packet; so the headers are located here, in the raw frame, for the
 * link types people capture on, and accepted only when the addresses agree
 * with what Wireshark's own IP dissector found (this also skips tunnels).
 *
 * ip_peek() is pure C on a byte array: every offset is checked against the
 * captured length.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_IP_PEEK_H
#define WSC_IP_PEEK_H

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

/* A packet's own IP header and transport payload, as located in the frame. */
typedef struct {
    const uint8_t *frame;       /* the whole captured frame */
    size_t   len;
    ip_peek_t ip;
    uint16_t sport;             /* TCP and UDP; 0 otherwise */
    uint16_t dport;
    const uint8_t *payload;     /* TCP/UDP payload, NULL when none */
    size_t   payload_len;
} wsc_frame_t;

struct _packet_info;
struct tvbuff;

/* Locates this packet's IP header (the one Wireshark took as the packet's:
 * net_src/net_dst agree) and its TCP/UDP payload in the frame tvb. False for
 * other records, link types, tunnels and non-first fragments. */
bool wsc_frame_locate(struct tvbuff *tvb, const struct _packet_info *pinfo, wsc_frame_t *out);

#endif /* WSC_IP_PEEK_H */
