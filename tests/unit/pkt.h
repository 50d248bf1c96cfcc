/* pkt.h: frames built byte by byte for the unit tests, and the view of a
 * frame Wireshark gives a postdissector (packet_info, the frame tvb).
 *
 * Builders append to a pkt_t; header builders return the header's offset,
 * and the matching *_end fills its length field with what was appended
 * after it, so frames are built from the outside in.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_UNIT_PKT_H
#define WSC_UNIT_PKT_H

#include <wireshark.h>
#include <epan/packet.h>
#include <wiretap/wtap.h>   /* wtap_rec, WTAP_ENCAP_*: epan/packet.h no longer brings them from 4.4 */

#include "core/ip_peek.h"

#define PKT_MAX 4096
#define PKT_IPV4_TTL 63         /* the builders' TTL and hop limit: not 64, so reading another byte shows */
#define PKT_IPV6_HOP_LIMIT 62   /* (and not equal to each other) */

typedef struct {
    uint8_t b[PKT_MAX];
    size_t  n;
} pkt_t;

void pkt_u8(pkt_t *p, unsigned v);
void pkt_u16(pkt_t *p, unsigned v);
void pkt_u32(pkt_t *p, uint32_t v);
void pkt_bytes(pkt_t *p, const void *bytes, size_t n);
void pkt_text(pkt_t *p, const char *text);
void pkt_fill(pkt_t *p, uint8_t value, size_t n);
void pkt_put16(pkt_t *p, size_t at, unsigned v);

/* The edge cases of a message, one at a time: every cut (its first 0, 1,
 * ... n bytes: `cut` is true), then the whole message with each byte in
 * turn set to each steering value (`cut` is false):
 *
 *     for (pkt_variants_init(&it, &full, steering, sizeof(steering)); pkt_variants_next(&it, &p);)
 *         ...parse p, check it...
 */
typedef struct {
    const pkt_t   *full;
    const uint8_t *steering;
    size_t         n_steering;
    size_t         cut_len;     /* the next cut's length, past full->n when the cuts are done */
    size_t         at, value;   /* the next mutation: the byte and the steering value's index */
    bool           cut;         /* the variant last given is a cut, not a mutation */
} pkt_variants_t;

void pkt_variants_init(pkt_variants_t *it, const pkt_t *full, const uint8_t *steering, size_t n_steering);
bool pkt_variants_next(pkt_variants_t *it, pkt_t *variant);

/* Ethernet II with fixed MACs and this type. */
void pkt_ether(pkt_t *p, uint16_t type);
size_t pkt_ipv4(pkt_t *p, uint8_t proto, const char *src, const char *dst);
void pkt_ipv4_end(pkt_t *p, size_t at);
size_t pkt_ipv6(pkt_t *p, uint8_t next_header, const char *src, const char *dst);
void pkt_ipv6_end(pkt_t *p, size_t at);
size_t pkt_udp(pkt_t *p, uint16_t sport, uint16_t dport);
void pkt_udp_end(pkt_t *p, size_t at);
/* A TCP header of data_offset 4-byte words (options zero-filled past 5). */
void pkt_tcp(pkt_t *p, uint16_t sport, uint16_t dport, unsigned data_offset);

/* 4 or 6, the address's bytes into out (16 bytes); aborts on a typo. */
int pkt_addr(const char *text, uint8_t *out);

/* packet_info of a captured packet of this encapsulation whose innermost IP
 * addresses (as Wireshark's IP dissector sets them) are src and dst. */
void pkt_pinfo(packet_info *pinfo, wtap_rec *rec, int encap, const char *src, const char *dst);

/* wsc_frame_locate() on these bytes, as the postdissector calls it. */
bool pkt_locate(const uint8_t *frame, size_t len, int encap, const char *src, const char *dst, wsc_frame_t *f);

/* Every truncation of the frame, and the frame with each byte in turn set to
 * values that steer parsers (0, 0xFF, IP versions, protocol numbers, VLAN
 * and compression-pointer bits), through wsc_frame_locate() on exact-size
 * copies: whatever is found must lie inside the frame. The edge-case corpus
 * each ip_peek test runs under AddressSanitizer. */
void pkt_sweep(const pkt_t *p, int encap, const char *src, const char *dst);

#endif /* WSC_UNIT_PKT_H */
