/* test_ndp_wire.c: the on-link prefixes of a Router Advertisement: the
 * on-link flag, prefix lengths, other options, messages that are no
 * advertisement, options past the message, every truncation and mutation.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "check.h"
#include "pkt.h"

#include "core/ndp_wire.h"

typedef struct {
    uint8_t  prefix[4][16];
    unsigned length[4];
    unsigned n;
} seen_t;

static void found(void *ctx, const uint8_t prefix[16], unsigned length)
{
    seen_t *seen = ctx;

    if (seen->n < 4) {
        memcpy(seen->prefix[seen->n], prefix, 16);
        seen->length[seen->n] = length;
    }
    seen->n++;
}

static void ra_header(pkt_t *p)
{
    p->n = 0;
    pkt_u8(p, 134);
    pkt_u8(p, 0);
    pkt_u16(p, 0);                      /* checksum */
    pkt_u8(p, 64);
    pkt_u8(p, 0);
    pkt_u16(p, 1800);                   /* router lifetime */
    pkt_fill(p, 0, 8);                  /* reachable time, retransmission timer */
}

static void prefix_option(pkt_t *p, unsigned length, unsigned flags, const char *prefix)
{
    uint8_t addr[16];

    pkt_u8(p, 3);
    pkt_u8(p, 4);
    pkt_u8(p, length);
    pkt_u8(p, flags);
    pkt_u32(p, 86400);
    pkt_u32(p, 14400);
    pkt_u32(p, 0);
    pkt_addr(prefix, addr);
    pkt_bytes(p, addr, 16);
}

static void mac_option(pkt_t *p)
{
    static const uint8_t mac[6] = { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55 };

    pkt_u8(p, 1);                       /* source link-layer address */
    pkt_u8(p, 1);
    pkt_bytes(p, mac, 6);
}

static bool parse(const pkt_t *p, seen_t *seen)
{
    uint8_t *msg = check_copy(p->b, p->n);
    bool ok;

    memset(seen, 0, sizeof(*seen));
    ok = wsc_ra_prefixes(msg, p->n, found, seen);
    check_free(msg);
    return ok;
}

static bool is_prefix(const uint8_t *got, const char *want)
{
    uint8_t addr[16];

    pkt_addr(want, addr);
    return memcmp(got, addr, 16) == 0;
}

static void test_on_link_prefixes_are_reported_among_other_options(void)
{
    pkt_t p;
    seen_t seen;

    ra_header(&p);
    mac_option(&p);
    prefix_option(&p, 64, 0xC0, "2001:db8:5:6::");
    prefix_option(&p, 56, 0x80, "2001:db8:700::");
    CHECK(parse(&p, &seen));
    CHECK_UINT(seen.n, 2);
    CHECK(is_prefix(seen.prefix[0], "2001:db8:5:6::") && seen.length[0] == 64);
    CHECK(is_prefix(seen.prefix[1], "2001:db8:700::") && seen.length[1] == 56);
}

static void test_prefix_without_on_link_flag_or_length_is_not_reported(void)
{
    pkt_t p;
    seen_t seen;

    ra_header(&p);
    prefix_option(&p, 64, 0x40, "2001:db8:5:6::");      /* autonomous only */
    prefix_option(&p, 0, 0xC0, "2001:db8:5:6::");
    prefix_option(&p, 129, 0xC0, "2001:db8:5:6::");
    CHECK(parse(&p, &seen));
    CHECK_UINT(seen.n, 0);
}

static void test_bits_past_the_length_are_cleared(void)
{
    pkt_t p;
    seen_t seen;

    ra_header(&p);
    prefix_option(&p, 60, 0x80, "2001:db8:5:6:ffff::1");
    CHECK(parse(&p, &seen));
    CHECK_UINT(seen.n, 1);
    CHECK(is_prefix(seen.prefix[0], "2001:db8:5::"));
}

static void test_other_icmpv6_messages_are_no_advertisement(void)
{
    pkt_t p;
    seen_t seen;

    ra_header(&p);
    prefix_option(&p, 64, 0xC0, "2001:db8:5:6::");
    p.b[0] = 133;                       /* router solicitation */
    CHECK(!parse(&p, &seen) && seen.n == 0);
    p.b[0] = 134;
    p.b[1] = 1;                         /* code must be 0 */
    CHECK(!parse(&p, &seen) && seen.n == 0);
    p.n = 15;
    CHECK(!parse(&p, &seen));
}

static void test_zero_or_overlong_option_length_stops_the_walk(void)
{
    pkt_t p;
    seen_t seen;

    ra_header(&p);
    prefix_option(&p, 64, 0xC0, "2001:db8:5:6::");
    pkt_u8(&p, 1);
    pkt_u8(&p, 0);                      /* length 0: invalid */
    pkt_fill(&p, 0, 6);
    CHECK(!parse(&p, &seen));
    CHECK_UINT(seen.n, 1);
    ra_header(&p);
    pkt_u8(&p, 3);
    pkt_u8(&p, 5);                      /* 40 bytes claimed, 32 there */
    pkt_fill(&p, 0, 30);
    CHECK(!parse(&p, &seen) && seen.n == 0);
}

static void test_truncated_and_mutated_messages_stay_in_bounds(void)
{
    static const uint8_t steering[] = { 0x00, 0x01, 0x03, 0x04, 0x40, 0x80, 0x86, 0xFF };
    pkt_variants_t it;
    pkt_t full, p;
    seen_t seen;

    ra_header(&full);
    mac_option(&full);
    prefix_option(&full, 64, 0xC0, "2001:db8:5:6::");
    for (pkt_variants_init(&it, &full, steering, sizeof(steering)); pkt_variants_next(&it, &p);) {
        parse(&p, &seen);
        if (it.cut) {
            CHECK(seen.n <= 1);
            continue;
        }
        for (unsigned i = 0; i < MIN(seen.n, 4u); i++)
            CHECK(seen.length[i] >= 1 && seen.length[i] <= 128);
    }
}

int main(void)
{
    RUN(test_on_link_prefixes_are_reported_among_other_options);
    RUN(test_prefix_without_on_link_flag_or_length_is_not_reported);
    RUN(test_bits_past_the_length_are_cleared);
    RUN(test_other_icmpv6_messages_are_no_advertisement);
    RUN(test_zero_or_overlong_option_length_stops_the_walk);
    RUN(test_truncated_and_mutated_messages_stay_in_bounds);
    return check_report();
}
