/* ip_peek.h: where the IP and transport headers and the payload sit in a
 * frame's bytes.
 *
 * The plugins need a few header and payload bytes (TCP flags, the DNS id, a
 * DHCP option, a TLS server name) on packets that are rare. Asking tshark
 * for other dissectors' fields makes it build, and prime, a protocol tree for
 * every packet; so the headers are located here, in the raw frame, for the
 * link types people capture on (Ethernet with VLAN/QinQ tags and PPPoE, Linux
 * cooked SLL/SLL2, BSD NULL/loop, raw IP, 802.11 data with or without QoS),
 * and through the tunnels Wireshark itself decodes (GRE, VXLAN on UDP 4789,
 * 6in4, IP-in-IP). A header is accepted only when its addresses agree with
 * what Wireshark's own IP dissector took as the packet's.
 *
 * ip_peek() and ip_peek_inner() are pure C on a byte array: every offset is
 * checked against the captured length, and lengths are taken from the IP and
 * UDP headers, so Ethernet padding and a trailing FCS are never payload.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_IP_PEEK_H
#define WSC_IP_PEEK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Tunnels a frame may be descended through before its addresses must agree. */
#define WSC_MAX_TUNNEL_DEPTH 4

typedef struct {
    uint8_t family;         /* 4 or 6 */
    uint8_t ipproto;        /* transport protocol, after IPv6 extension headers */
    uint8_t hop_limit;      /* IPv4 TTL, IPv6 hop limit */
    size_t  src_offset;     /* source address (4 or 16 bytes) */
    size_t  dst_offset;
    size_t  l4_offset;      /* first byte of the transport header */
    size_t  end;            /* one past the datagram's last byte: the IP length,
                             * bounded by what was captured (l4_offset <= end) */
} ip_peek_t;

/* Finds the first IP header of a frame whose link type is the Wiretap
 * encapsulation `encap`. False for non-IP frames, link types not handled,
 * truncated or malformed headers and non-first fragments. */
bool ip_peek(const uint8_t *frame, size_t len, int encap, ip_peek_t *out);

/* The IP header that `outer`'s datagram carries through a tunnel: IP-in-IP
 * (protocol 4), IPv6 in IP (41, 6in4), GRE (47: IPv4, IPv6, transparent
 * Ethernet bridging, PPTP's PPP) or VXLAN (UDP port 4789, inner Ethernet).
 * False when `outer` is no such tunnel or the inner header does not fit in
 * the outer datagram. `inner` may be the same object as `outer`. */
bool ip_peek_inner(const uint8_t *frame, const ip_peek_t *outer, ip_peek_t *inner);

static inline size_t ip_addr_len(const ip_peek_t *ip)
{
    return ip->family == 4 ? 4 : 16;
}

/* A packet's own IP header and transport payload, as located in the frame. */
typedef struct {
    const uint8_t *frame;       /* the whole captured frame */
    size_t   len;
    ip_peek_t ip;               /* the header whose addresses agree with Wireshark's */
    unsigned tunnel_depth;      /* tunnels descended to reach it (0: the outermost) */
    uint16_t sport;             /* TCP and UDP with a valid header; 0 otherwise */
    uint16_t dport;
    const uint8_t *payload;     /* TCP/UDP payload, NULL when none */
    size_t   payload_len;       /* bounded by the IP and UDP lengths */
} wsc_frame_t;

struct _packet_info;
struct tvbuff;

/* Locates this packet's IP header (the one Wireshark took as the packet's:
 * net_src/net_dst agree), descending through at most WSC_MAX_TUNNEL_DEPTH
 * tunnels, and its TCP/UDP payload in the frame tvb. False for other
 * records, link types and non-first fragments. A TCP header whose data
 * offset is below 5 words, or a UDP length below 8, gives no ports and no
 * payload. */
bool wsc_frame_locate(struct tvbuff *tvb, const struct _packet_info *pinfo, wsc_frame_t *out);

#endif /* WSC_IP_PEEK_H */
