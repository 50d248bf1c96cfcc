/* pkt.c: frame builders and Wireshark's view of a frame for the unit tests.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <arpa/inet.h>
#include <stdlib.h>

#include "check.h"
#include "pkt.h"

static uint8_t *room(pkt_t *p, size_t n)
{
    uint8_t *at;

    if (p->n + n > PKT_MAX)
        abort();                        /* a test that builds too much is a broken test */
    at = p->b + p->n;
    p->n += n;
    return at;
}

void pkt_u8(pkt_t *p, unsigned v)
{
    *room(p, 1) = (uint8_t)v;
}

void pkt_u16(pkt_t *p, unsigned v)
{
    uint8_t *at = room(p, 2);

    at[0] = (uint8_t)(v >> 8);
    at[1] = (uint8_t)v;
}

void pkt_u32(pkt_t *p, uint32_t v)
{
    pkt_u16(p, v >> 16);
    pkt_u16(p, v & 0xFFFF);
}

void pkt_bytes(pkt_t *p, const void *bytes, size_t n)
{
    if (n)
        memcpy(room(p, n), bytes, n);
}

void pkt_text(pkt_t *p, const char *text)
{
    pkt_bytes(p, text, strlen(text));
}

void pkt_fill(pkt_t *p, uint8_t value, size_t n)
{
    if (n)
        memset(room(p, n), value, n);
}

void pkt_put16(pkt_t *p, size_t at, unsigned v)
{
    if (at + 2 > p->n)
        abort();
    p->b[at] = (uint8_t)(v >> 8);
    p->b[at + 1] = (uint8_t)v;
}

int pkt_addr(const char *text, uint8_t *out)
{
    if (inet_pton(AF_INET, text, out) == 1)
        return 4;
    if (inet_pton(AF_INET6, text, out) == 1)
        return 6;
    abort();
}

void pkt_ether(pkt_t *p, uint16_t type)
{
    static const uint8_t macs[12] = { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x3c, 0x22, 0xfb, 0x00, 0x00, 0x01 };

    pkt_bytes(p, macs, sizeof(macs));
    pkt_u16(p, type);
}

size_t pkt_ipv4(pkt_t *p, uint8_t proto, const char *src, const char *dst)
{
    size_t at = p->n;
    uint8_t addr[16];

    pkt_u8(p, 0x45);
    pkt_u8(p, 0);
    pkt_u16(p, 0);                      /* total length: pkt_ipv4_end */
    pkt_u16(p, 0x1234);
    pkt_u16(p, 0x4000);                 /* don't fragment */
    pkt_u8(p, PKT_IPV4_TTL);
    pkt_u8(p, proto);
    pkt_u16(p, 0);                      /* checksum: not read */
    pkt_addr(src, addr);
    pkt_bytes(p, addr, 4);
    pkt_addr(dst, addr);
    pkt_bytes(p, addr, 4);
    return at;
}

void pkt_ipv4_end(pkt_t *p, size_t at)
{
    pkt_put16(p, at + 2, (unsigned)(p->n - at));
}

size_t pkt_ipv6(pkt_t *p, uint8_t next_header, const char *src, const char *dst)
{
    size_t at = p->n;
    uint8_t addr[16];

    pkt_u32(p, 0x60000000);
    pkt_u16(p, 0);                      /* payload length: pkt_ipv6_end */
    pkt_u8(p, next_header);
    pkt_u8(p, PKT_IPV6_HOP_LIMIT);
    pkt_addr(src, addr);
    pkt_bytes(p, addr, 16);
    pkt_addr(dst, addr);
    pkt_bytes(p, addr, 16);
    return at;
}

void pkt_ipv6_end(pkt_t *p, size_t at)
{
    pkt_put16(p, at + 4, (unsigned)(p->n - at - 40));
}

size_t pkt_udp(pkt_t *p, uint16_t sport, uint16_t dport)
{
    size_t at = p->n;

    pkt_u16(p, sport);
    pkt_u16(p, dport);
    pkt_u16(p, 0);                      /* length: pkt_udp_end */
    pkt_u16(p, 0);
    return at;
}

void pkt_udp_end(pkt_t *p, size_t at)
{
    pkt_put16(p, at + 4, (unsigned)(p->n - at));
}

void pkt_tcp(pkt_t *p, uint16_t sport, uint16_t dport, unsigned data_offset)
{
    pkt_u16(p, sport);
    pkt_u16(p, dport);
    pkt_u32(p, 1000);                   /* sequence */
    pkt_u32(p, 0);                      /* acknowledgement */
    pkt_u8(p, (data_offset & 0xF) << 4);
    pkt_u8(p, 0x02);                    /* SYN */
    pkt_u16(p, 65535);
    pkt_u16(p, 0);
    pkt_u16(p, 0);
    if (data_offset > 5)
        pkt_fill(p, 0x01, (data_offset - 5) * 4);  /* NOP options */
}

void pkt_pinfo(packet_info *pinfo, wtap_rec *rec, int encap, const char *src, const char *dst)
{
    static uint8_t src_bytes[16], dst_bytes[16];
    int family;

    memset(pinfo, 0, sizeof(*pinfo));
    memset(rec, 0, sizeof(*rec));
    rec->rec_type = REC_TYPE_PACKET;
    rec->rec_header.packet_header.pkt_encap = encap;
    pinfo->rec = rec;
    family = pkt_addr(src, src_bytes);
    pkt_addr(dst, dst_bytes);
    set_address(&pinfo->net_src, family == 4 ? AT_IPv4 : AT_IPv6, family == 4 ? 4 : 16, src_bytes);
    set_address(&pinfo->net_dst, family == 4 ? AT_IPv4 : AT_IPv6, family == 4 ? 4 : 16, dst_bytes);
}

bool pkt_locate(const uint8_t *frame, size_t len, int encap, const char *src, const char *dst, wsc_frame_t *f)
{
    packet_info pinfo;
    wtap_rec rec;
    tvbuff_t *tvb;
    bool found;

    pkt_pinfo(&pinfo, &rec, encap, src, dst);
    tvb = tvb_new_real_data(frame, (guint)len, (gint)len);
    found = wsc_frame_locate(tvb, &pinfo, f);
    tvb_free(tvb);
    return found;
}

/* What a located frame must satisfy, whatever the bytes. */
static void check_within(const uint8_t *frame, size_t len, const wsc_frame_t *f)
{
    const ip_peek_t *ip = &f->ip;

    CHECK(ip->family == 4 || ip->family == 6);
    CHECK(ip->src_offset + ip_addr_len(ip) <= ip->l4_offset && ip->dst_offset + ip_addr_len(ip) <= ip->l4_offset);
    CHECK(ip->l4_offset <= ip->end && ip->end <= len);
    CHECK(f->tunnel_depth <= WSC_MAX_TUNNEL_DEPTH);
    if (f->payload != NULL)
        CHECK(f->payload > frame + ip->l4_offset && f->payload_len > 0 &&
              f->payload + f->payload_len <= frame + ip->end);
    else
        CHECK_UINT(f->payload_len, 0);
}

static void locate_copy(const uint8_t *bytes, size_t len, int encap, const char *src, const char *dst)
{
    uint8_t *copy = check_copy(bytes, len);
    wsc_frame_t f;

    if (pkt_locate(copy, len, encap, src, dst, &f))
        check_within(copy, len, &f);
    check_free(copy);
}

void pkt_variants_init(pkt_variants_t *it, const pkt_t *full, const uint8_t *steering, size_t n_steering)
{
    *it = (pkt_variants_t){ .full = full, .steering = steering, .n_steering = n_steering };
}

bool pkt_variants_next(pkt_variants_t *it, pkt_t *variant)
{
    if (it->cut_len <= it->full->n) {
        *variant = *it->full;
        variant->n = it->cut_len++;
        it->cut = true;
        return true;
    }
    if (it->at >= it->full->n || it->n_steering == 0)
        return false;
    *variant = *it->full;
    variant->b[it->at] = it->steering[it->value];
    it->cut = false;
    if (++it->value == it->n_steering) {
        it->value = 0;
        it->at++;
    }
    return true;
}

void pkt_sweep(const pkt_t *p, int encap, const char *src, const char *dst)
{
    static const uint8_t steering[] = { 0x00, 0x01, 0x04, 0x06, 0x11, 0x29, 0x2F, 0x45, 0x60, 0x80, 0x86,
                                        0xC0, 0xFF };
    pkt_variants_t it;
    pkt_t variant;

    for (pkt_variants_init(&it, p, steering, sizeof(steering)); pkt_variants_next(&it, &variant);)
        locate_copy(variant.b, variant.n, encap, src, dst);
}
