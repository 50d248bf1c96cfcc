/* test_ip_peek_tunnels.c: the packet's own header is the innermost one
 * Wireshark decoded: through GRE (with checksum, key and sequence; bridged
 * Ethernet; PPTP's PPP), VXLAN, 6in4 and IP-in-IP, nested, up to the depth
 * bound, and within the outer datagram.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "check.h"
#include "pkt.h"

#define OUTER_SRC "10.0.0.1"
#define OUTER_DST "10.0.0.2"
#define OUTER6_SRC "2001:db8:ffff::1"
#define OUTER6_DST "2001:db8:ffff::2"
#define SRC4 "192.168.1.10"
#define DST4 "54.194.162.98"
#define SRC6 "2001:db8::10"
#define DST6 "2a03:2880:f11b:83:face:b00c:0:25de"

/* An inner IPv4 (or, with v6, IPv6) UDP 40000 -> 53 datagram holding "query". */
static void inner_udp(pkt_t *p, bool v6)
{
    size_t ip = v6 ? pkt_ipv6(p, 17, SRC6, DST6) : pkt_ipv4(p, 17, SRC4, DST4), udp = pkt_udp(p, 40000, 53);

    pkt_text(p, "query");
    pkt_udp_end(p, udp);
    if (v6)
        pkt_ipv6_end(p, ip);
    else
        pkt_ipv4_end(p, ip);
}

/* Found as the inner datagram, `depth` tunnels down; the sweep checks that
 * no mutation or truncation of the frame leads outside it. */
static void expect_inner(const pkt_t *p, int encap, bool v6, unsigned depth)
{
    const char *src = v6 ? SRC6 : SRC4, *dst = v6 ? DST6 : DST4;
    uint8_t *frame = check_copy(p->b, p->n);
    wsc_frame_t f;

    if (CHECK(pkt_locate(frame, p->n, encap, src, dst, &f))) {
        CHECK_UINT(f.tunnel_depth, depth);
        CHECK_UINT(f.ip.family, v6 ? 6 : 4);
        CHECK_UINT(f.dport, 53);
        CHECK_UINT(f.payload_len, 5);
        CHECK(f.payload != NULL && memcmp(f.payload, "query", 5) == 0);
    }
    check_free(frame);
    pkt_sweep(p, encap, src, dst);
}

static void expect_not_inner(const pkt_t *p, int encap)
{
    uint8_t *frame = check_copy(p->b, p->n);
    wsc_frame_t f;

    CHECK(!pkt_locate(frame, p->n, encap, SRC4, DST4, &f));
    check_free(frame);
}

/* Ethernet, IPv4 10.0.0.1 -> 10.0.0.2 carrying GRE with these flags and
 * type, `extra` optional words, then what inner() appends. */
static void gre_frame(pkt_t *p, unsigned flags, unsigned type, unsigned extra_words, void (*inner)(pkt_t *))
{
    size_t ip;

    p->n = 0;
    pkt_ether(p, 0x0800);
    ip = pkt_ipv4(p, 47, OUTER_SRC, OUTER_DST);
    pkt_u16(p, flags);
    pkt_u16(p, type);
    for (unsigned i = 0; i < extra_words; i++)
        pkt_u32(p, 0xA0A0A0A0 + i);
    inner(p);
    pkt_ipv4_end(p, ip);
}

static void inner_v4(pkt_t *p) { inner_udp(p, false); }
static void inner_v6(pkt_t *p) { inner_udp(p, true); }

static void inner_bridged_ethernet(pkt_t *p)
{
    pkt_ether(p, 0x8100);
    pkt_u16(p, 42);
    pkt_u16(p, 0x0800);
    inner_udp(p, false);
}

static void inner_ppp(pkt_t *p)
{
    pkt_u16(p, 0xFF03);                 /* HDLC address and control */
    pkt_u16(p, 0x0021);
    inner_udp(p, false);
}

static void inner_ppp_compressed(pkt_t *p)
{
    pkt_u8(p, 0x21);                    /* protocol field compression */
    inner_udp(p, false);
}

static void test_gre_carries_ipv4_and_ipv6(void)
{
    pkt_t p;

    gre_frame(&p, 0x0000, 0x0800, 0, inner_v4);
    expect_inner(&p, WTAP_ENCAP_ETHERNET, false, 1);
    gre_frame(&p, 0x0000, 0x86DD, 0, inner_v6);
    expect_inner(&p, WTAP_ENCAP_ETHERNET, true, 1);
}

static void test_gre_checksum_key_and_sequence_are_skipped(void)
{
    pkt_t p;

    gre_frame(&p, 0xB000, 0x0800, 3, inner_v4);
    expect_inner(&p, WTAP_ENCAP_ETHERNET, false, 1);
    gre_frame(&p, 0x2000, 0x0800, 1, inner_v4);    /* key only */
    expect_inner(&p, WTAP_ENCAP_ETHERNET, false, 1);
}

static void test_gre_bridged_ethernet_is_followed(void)
{
    pkt_t p;

    gre_frame(&p, 0x0000, 0x6558, 0, inner_bridged_ethernet);
    expect_inner(&p, WTAP_ENCAP_ETHERNET, false, 1);
}

static void test_pptp_gre_ppp_is_followed(void)
{
    pkt_t p;

    gre_frame(&p, 0x3081, 0x880B, 3, inner_ppp);            /* key, sequence, acknowledgement */
    expect_inner(&p, WTAP_ENCAP_ETHERNET, false, 1);
    gre_frame(&p, 0x2001, 0x880B, 1, inner_ppp_compressed);
    expect_inner(&p, WTAP_ENCAP_ETHERNET, false, 1);
}

static void test_gre_that_cannot_be_followed_is_refused(void)
{
    pkt_t p;

    gre_frame(&p, 0x4000, 0x0800, 1, inner_v4);    /* source routing (RFC 1701) */
    expect_not_inner(&p, WTAP_ENCAP_ETHERNET);
    gre_frame(&p, 0x0002, 0x0800, 0, inner_v4);    /* version 2 */
    expect_not_inner(&p, WTAP_ENCAP_ETHERNET);
    gre_frame(&p, 0x0001, 0x880B, 0, inner_ppp);   /* version 1 without its key */
    expect_not_inner(&p, WTAP_ENCAP_ETHERNET);
    gre_frame(&p, 0x2001, 0x0800, 1, inner_v4);    /* version 1 is PPP only */
    expect_not_inner(&p, WTAP_ENCAP_ETHERNET);
    gre_frame(&p, 0x0000, 0x88BE, 0, inner_v4);    /* ERSPAN */
    expect_not_inner(&p, WTAP_ENCAP_ETHERNET);
}

/* Ethernet, IPv4, UDP sport -> dport, a VXLAN header (VNI 4242), then an
 * inner Ethernet frame with the inner datagram. */
static size_t vxlan_frame(pkt_t *p, uint16_t sport, uint16_t dport, bool inner_vlan)
{
    size_t ip, udp;

    p->n = 0;
    pkt_ether(p, 0x0800);
    ip = pkt_ipv4(p, 17, OUTER_SRC, OUTER_DST);
    udp = pkt_udp(p, sport, dport);
    pkt_u32(p, 0x08000000);             /* the I flag: a valid VNI */
    pkt_u32(p, 4242 << 8);
    if (inner_vlan) {
        pkt_ether(p, 0x8100);
        pkt_u16(p, 7);
        pkt_u16(p, 0x0800);
    } else {
        pkt_ether(p, 0x0800);
    }
    inner_udp(p, false);
    pkt_udp_end(p, udp);
    pkt_ipv4_end(p, ip);
    return udp;
}

static void test_vxlan_inner_ethernet_is_followed(void)
{
    pkt_t p;

    vxlan_frame(&p, 51234, 4789, false);
    expect_inner(&p, WTAP_ENCAP_ETHERNET, false, 1);
    vxlan_frame(&p, 4789, 51234, true);  /* a reply, and a tagged inner frame */
    expect_inner(&p, WTAP_ENCAP_ETHERNET, false, 1);
}

static void test_udp_to_other_ports_is_not_vxlan(void)
{
    pkt_t p;

    vxlan_frame(&p, 51234, 4790, false);
    expect_not_inner(&p, WTAP_ENCAP_ETHERNET);
}

static void test_vxlan_inner_frame_ends_with_the_outer_udp_datagram(void)
{
    pkt_t p;
    wsc_frame_t f;
    size_t udp = vxlan_frame(&p, 51234, 4789, false);

    pkt_put16(&p, udp + 4, (unsigned)(p.n - udp - 2));      /* the outer UDP length 2 bytes short */
    if (CHECK(pkt_locate(p.b, p.n, WTAP_ENCAP_ETHERNET, SRC4, DST4, &f)))
        CHECK_UINT(f.payload_len, 3);
}

static void test_6in4_and_ip_in_ip(void)
{
    static const struct { bool outer_v6; uint8_t proto; bool inner_v6; } cases[] = {
        { false, 41, true },            /* 6in4 */
        { false, 4, false },            /* IP-in-IP */
        { true, 4, false },             /* IPv4 in IPv6 (DS-Lite) */
        { true, 41, true },             /* IPv6 in IPv6 */
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        pkt_t p = { .n = 0 };
        size_t ip;
        pkt_ether(&p, cases[i].outer_v6 ? 0x86DD : 0x0800);
        ip = cases[i].outer_v6 ? pkt_ipv6(&p, cases[i].proto, OUTER6_SRC, OUTER6_DST)
                               : pkt_ipv4(&p, cases[i].proto, OUTER_SRC, OUTER_DST);
        inner_udp(&p, cases[i].inner_v6);
        if (cases[i].outer_v6)
            pkt_ipv6_end(&p, ip);
        else
            pkt_ipv4_end(&p, ip);
        expect_inner(&p, WTAP_ENCAP_ETHERNET, cases[i].inner_v6, 1);
    }
}

static void test_an_inner_header_of_the_wrong_version_is_refused(void)
{
    pkt_t p = { .n = 0 };
    size_t ip = pkt_ipv4(&p, 4, OUTER_SRC, OUTER_DST);     /* says IPv4 inside */

    inner_udp(&p, true);
    pkt_ipv4_end(&p, ip);
    CHECK(!pkt_locate(p.b, p.n, WTAP_ENCAP_RAW_IP, SRC6, DST6, &(wsc_frame_t){ 0 }));
}

static void test_the_outer_header_is_kept_when_its_addresses_agree(void)
{
    pkt_t p;
    wsc_frame_t f;

    gre_frame(&p, 0x0000, 0x0800, 0, inner_v4);
    if (CHECK(pkt_locate(p.b, p.n, WTAP_ENCAP_ETHERNET, OUTER_SRC, OUTER_DST, &f))) {
        CHECK_UINT(f.tunnel_depth, 0);
        CHECK_UINT(f.ip.ipproto, 47);
        CHECK(f.payload == NULL);
    }
}

/* VXLAN inside GRE: IPv4 GRE, IPv4 UDP to 4789, Ethernet, then the datagram. */
static void test_nested_tunnels_are_followed(void)
{
    pkt_t p = { .n = 0 };
    size_t outer, middle, udp;

    pkt_ether(&p, 0x0800);
    outer = pkt_ipv4(&p, 47, OUTER_SRC, OUTER_DST);
    pkt_u16(&p, 0);
    pkt_u16(&p, 0x0800);
    middle = pkt_ipv4(&p, 17, "172.16.0.1", "172.16.0.2");
    udp = pkt_udp(&p, 50000, 4789);
    pkt_u32(&p, 0x08000000);
    pkt_u32(&p, 1 << 8);
    pkt_ether(&p, 0x86DD);
    inner_udp(&p, true);
    pkt_udp_end(&p, udp);
    pkt_ipv4_end(&p, middle);
    pkt_ipv4_end(&p, outer);
    expect_inner(&p, WTAP_ENCAP_ETHERNET, true, 2);
}

/* IP-in-IP `levels` deep around the datagram. */
static void ipip_nest(pkt_t *p, unsigned levels)
{
    size_t starts[8];

    p->n = 0;
    for (unsigned i = 0; i < levels; i++)
        starts[i] = pkt_ipv4(p, 4, OUTER_SRC, OUTER_DST);
    inner_udp(p, false);
    while (levels-- > 0)
        pkt_ipv4_end(p, starts[levels]);
}

static void test_tunnel_depth_is_bounded(void)
{
    pkt_t p;

    ipip_nest(&p, WSC_MAX_TUNNEL_DEPTH);
    expect_inner(&p, WTAP_ENCAP_RAW_IP, false, WSC_MAX_TUNNEL_DEPTH);
    ipip_nest(&p, WSC_MAX_TUNNEL_DEPTH + 1);
    expect_not_inner(&p, WTAP_ENCAP_RAW_IP);
}

static void test_ip_peek_inner_refuses_what_is_no_tunnel(void)
{
    pkt_t p = { .n = 0 };
    ip_peek_t outer, inner;

    inner_udp(&p, false);
    CHECK(ip_peek(p.b, p.n, WTAP_ENCAP_RAW_IP, &outer));
    CHECK(!ip_peek_inner(p.b, &outer, &inner));             /* UDP to port 53 */
    outer.ipproto = 6;
    CHECK(!ip_peek_inner(p.b, &outer, &inner));
    outer.ipproto = 4;
    outer.l4_offset = outer.end + 1;                        /* not a header ip_peek gives */
    CHECK(!ip_peek_inner(p.b, &outer, &inner));
    CHECK(!ip_peek_inner(NULL, &outer, &inner));
}

int main(void)
{
    RUN(test_gre_carries_ipv4_and_ipv6);
    RUN(test_gre_checksum_key_and_sequence_are_skipped);
    RUN(test_gre_bridged_ethernet_is_followed);
    RUN(test_pptp_gre_ppp_is_followed);
    RUN(test_gre_that_cannot_be_followed_is_refused);
    RUN(test_vxlan_inner_ethernet_is_followed);
    RUN(test_udp_to_other_ports_is_not_vxlan);
    RUN(test_vxlan_inner_frame_ends_with_the_outer_udp_datagram);
    RUN(test_6in4_and_ip_in_ip);
    RUN(test_an_inner_header_of_the_wrong_version_is_refused);
    RUN(test_the_outer_header_is_kept_when_its_addresses_agree);
    RUN(test_nested_tunnels_are_followed);
    RUN(test_tunnel_depth_is_bounded);
    RUN(test_ip_peek_inner_refuses_what_is_no_tunnel);
    return check_report();
}
