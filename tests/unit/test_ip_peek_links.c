/* test_ip_peek_links.c: the IP header is found behind every link layer the
 * suite reads (Ethernet with VLAN/QinQ, PPPoE, LLC/SNAP; Linux SLL/SLL2;
 * BSD NULL/loop; raw IP; 802.11 data with and without QoS, radiotap), and
 * refused behind the ones it must not read.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "check.h"
#include "pkt.h"

#define SRC4 "192.0.2.10"
#define DST4 "198.51.100.20"
#define SRC6 "2001:db8::10"
#define DST6 "2001:db8::20"
#define PAYLOAD "DNSX"

/* IPv4, UDP 5353 -> 53, the 4 payload bytes. */
static void udp4(pkt_t *p)
{
    size_t ip = pkt_ipv4(p, 17, SRC4, DST4), udp = pkt_udp(p, 5353, 53);

    pkt_text(p, PAYLOAD);
    pkt_udp_end(p, udp);
    pkt_ipv4_end(p, ip);
}

static void udp6(pkt_t *p)
{
    size_t ip = pkt_ipv6(p, 17, SRC6, DST6), udp = pkt_udp(p, 5353, 53);

    pkt_text(p, PAYLOAD);
    pkt_udp_end(p, udp);
    pkt_ipv6_end(p, ip);
}

/* The frame's UDP payload is found with its ports, at ip_offset, and the
 * frame survives its truncation and mutation sweep. */
static void expect_found(const pkt_t *p, int encap, int family, size_t ip_offset)
{
    const char *src = family == 4 ? SRC4 : SRC6, *dst = family == 4 ? DST4 : DST6;
    uint8_t *frame = check_copy(p->b, p->n);
    wsc_frame_t f;

    if (CHECK(pkt_locate(frame, p->n, encap, src, dst, &f))) {
        CHECK_UINT(f.ip.family, family);
        CHECK_UINT(f.ip.src_offset, ip_offset + (family == 4 ? 12 : 8));
        CHECK_UINT(f.ip.ipproto, 17);
        CHECK_UINT(f.ip.hop_limit, family == 4 ? PKT_IPV4_TTL : PKT_IPV6_HOP_LIMIT);
        CHECK_UINT(f.tunnel_depth, 0);
        CHECK_UINT(f.sport, 5353);
        CHECK_UINT(f.dport, 53);
        CHECK_UINT(f.payload_len, 4);
        CHECK(f.payload != NULL && memcmp(f.payload, PAYLOAD, 4) == 0);
    }
    check_free(frame);
    pkt_sweep(p, encap, src, dst);
}

static void expect_refused(const pkt_t *p, int encap)
{
    uint8_t *frame = check_copy(p->b, p->n);
    ip_peek_t ip;

    CHECK(!ip_peek(frame, p->n, encap, &ip));
    check_free(frame);
}

static void test_ethernet_ipv4_and_ipv6(void)
{
    pkt_t p = { .n = 0 };

    pkt_ether(&p, 0x0800);
    udp4(&p);
    expect_found(&p, WTAP_ENCAP_ETHERNET, 4, 14);
    p.n = 0;
    pkt_ether(&p, 0x86DD);
    udp6(&p);
    expect_found(&p, WTAP_ENCAP_ETHERNET, 6, 14);
}

static void test_vlan_and_qinq_tags_are_skipped(void)
{
    static const unsigned outer_types[] = { 0x8100, 0x88A8, 0x9100 };

    for (size_t i = 0; i < G_N_ELEMENTS(outer_types); i++) {
        pkt_t p = { .n = 0 };
        pkt_ether(&p, outer_types[i]);
        pkt_u16(&p, 0x0064);            /* tag control: VLAN 100 */
        pkt_u16(&p, 0x8100);
        pkt_u16(&p, 0x0007);
        pkt_u16(&p, 0x0800);
        udp4(&p);
        expect_found(&p, WTAP_ENCAP_ETHERNET, 4, 22);
    }
}

static void test_five_vlan_tags_are_refused(void)
{
    pkt_t p = { .n = 0 };

    pkt_ether(&p, 0x8100);
    for (int i = 0; i < 5; i++) {
        pkt_u16(&p, 1 + i);
        pkt_u16(&p, i < 4 ? 0x8100 : 0x0800);
    }
    udp4(&p);
    expect_refused(&p, WTAP_ENCAP_ETHERNET);
}

static void pppoe_session(pkt_t *p, unsigned code, unsigned ppp_protocol)
{
    pkt_u8(p, 0x11);                    /* version 1, type 1 */
    pkt_u8(p, code);
    pkt_u16(p, 0x2A2A);                 /* session id */
    pkt_u16(p, 0);                      /* length: not read */
    pkt_u16(p, ppp_protocol);
}

static void test_pppoe_sessions_carry_ipv4_and_ipv6(void)
{
    pkt_t p = { .n = 0 };

    pkt_ether(&p, 0x8864);
    pppoe_session(&p, 0, 0x0021);
    udp4(&p);
    expect_found(&p, WTAP_ENCAP_ETHERNET, 4, 22);
    p.n = 0;
    pkt_ether(&p, 0x8100);              /* PPPoE on a VLAN, as ISPs do */
    pkt_u16(&p, 7);
    pkt_u16(&p, 0x8864);
    pppoe_session(&p, 0, 0x0057);
    udp6(&p);
    expect_found(&p, WTAP_ENCAP_ETHERNET, 6, 26);
}

static void test_pppoe_other_than_ip_sessions_is_refused(void)
{
    pkt_t p = { .n = 0 };

    pkt_ether(&p, 0x8864);
    pppoe_session(&p, 0x09, 0x0021);    /* PADI code: discovery, not a session */
    udp4(&p);
    expect_refused(&p, WTAP_ENCAP_ETHERNET);
    p.n = 0;
    pkt_ether(&p, 0x8864);
    pppoe_session(&p, 0, 0xC021);       /* LCP */
    udp4(&p);
    expect_refused(&p, WTAP_ENCAP_ETHERNET);
}

static void test_8023_with_llc_snap(void)
{
    static const uint8_t snap[6] = { 0xAA, 0xAA, 0x03, 0x00, 0x00, 0x00 };
    pkt_t p = { .n = 0 };

    pkt_ether(&p, 0x0036);              /* an 802.3 length */
    pkt_bytes(&p, snap, sizeof(snap));
    pkt_u16(&p, 0x0800);
    udp4(&p);
    expect_found(&p, WTAP_ENCAP_ETHERNET, 4, 22);
    p.b[14] = 0x42;                     /* LLC without SNAP: spanning tree, say */
    expect_refused(&p, WTAP_ENCAP_ETHERNET);
}

static void sll_header(pkt_t *p, unsigned protocol)
{
    static const uint8_t address[8] = { 0x3c, 0x22, 0xfb, 0x00, 0x00, 0x01, 0, 0 };

    pkt_u16(p, 0);                      /* to us */
    pkt_u16(p, 1);                      /* ARPHRD_ETHER */
    pkt_u16(p, 6);
    pkt_bytes(p, address, sizeof(address));
    pkt_u16(p, protocol);
}

static void test_linux_cooked_sll(void)
{
    pkt_t p = { .n = 0 };

    sll_header(&p, 0x0800);
    udp4(&p);
    expect_found(&p, WTAP_ENCAP_SLL, 4, 16);
    p.n = 0;
    sll_header(&p, 0x8100);             /* a tag the kernel left in place */
    pkt_u16(&p, 5);
    pkt_u16(&p, 0x86DD);
    udp6(&p);
    expect_found(&p, WTAP_ENCAP_SLL, 6, 20);
}

static void test_linux_cooked_sll2(void)
{
    static const uint8_t rest[18] = { 0, 0, 0, 0, 0, 3, 0, 1, 0, 0, 6, 0x3c, 0x22, 0xfb, 0, 0, 1, 0 };
    pkt_t p = { .n = 0 };

    pkt_u16(&p, 0x86DD);                /* protocol first, then ifindex, hatype, ... */
    pkt_bytes(&p, rest, sizeof(rest));
    udp6(&p);
    expect_found(&p, WTAP_ENCAP_SLL2, 6, 20);
    p.n = 19;                           /* the cooked header alone, one byte short */
    expect_refused(&p, WTAP_ENCAP_SLL2);
}

static void test_null_loopback_in_either_byte_order(void)
{
    static const struct { uint8_t family[4]; int family_ip; } cases[] = {
        { { 2, 0, 0, 0 }, 4 },          /* AF_INET, little-endian host */
        { { 0, 0, 0, 2 }, 4 },          /* AF_INET, big-endian host */
        { { 10, 0, 0, 0 }, 6 },         /* Linux AF_INET6 */
        { { 24, 0, 0, 0 }, 6 },         /* NetBSD, OpenBSD */
        { { 0, 0, 0, 28 }, 6 },         /* FreeBSD, big-endian */
        { { 30, 0, 0, 0 }, 6 },         /* macOS */
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        pkt_t p = { .n = 0 };
        pkt_bytes(&p, cases[i].family, 4);
        if (cases[i].family_ip == 4)
            udp4(&p);
        else
            udp6(&p);
        expect_found(&p, WTAP_ENCAP_NULL, cases[i].family_ip, 4);
    }
}

static void test_null_with_an_unknown_family_is_refused(void)
{
    pkt_t p = { .n = 0 };

    pkt_u32(&p, 7);
    udp4(&p);
    expect_refused(&p, WTAP_ENCAP_NULL);
    p.n = 3;
    expect_refused(&p, WTAP_ENCAP_NULL);
}

static void test_openbsd_loop_is_network_byte_order_only(void)
{
    pkt_t p = { .n = 0 };

    pkt_u32(&p, 2);
    udp4(&p);
    expect_found(&p, WTAP_ENCAP_LOOP, 4, 4);
    p.b[0] = 2;                         /* little-endian AF_INET: not LOOP's */
    p.b[3] = 0;
    expect_refused(&p, WTAP_ENCAP_LOOP);
}

static void test_raw_ip_by_version(void)
{
    static const int encaps[] = { WTAP_ENCAP_RAW_IP, WTAP_ENCAP_RAW_IP4, WTAP_ENCAP_RAW_IP6 };
    pkt_t p4 = { .n = 0 }, p6 = { .n = 0 };

    udp4(&p4);
    udp6(&p6);
    for (size_t i = 0; i < G_N_ELEMENTS(encaps); i++) {
        expect_found(&p4, encaps[i], 4, 0);
        expect_found(&p6, encaps[i], 6, 0);
    }
    p4.b[0] = 0x55;                     /* version 5 */
    expect_refused(&p4, WTAP_ENCAP_RAW_IP);
    p4.n = 0;
    expect_refused(&p4, WTAP_ENCAP_RAW_IP);
}

/* An 802.11 header: frame control (little-endian), duration, addresses,
 * sequence control; then QoS control when asked, HT control, LLC/SNAP. */
static size_t wifi_header(pkt_t *p, unsigned fc, bool four_addresses, int qos_control, bool ht_control)
{
    static const uint8_t snap[8] = { 0xAA, 0xAA, 0x03, 0x00, 0x00, 0x00, 0x08, 0x00 };
    size_t start = p->n;

    pkt_u8(p, fc & 0xFF);
    pkt_u8(p, fc >> 8);
    pkt_u16(p, 0);
    pkt_fill(p, 0x02, 18);              /* three addresses */
    pkt_u16(p, 0);                      /* sequence control */
    if (four_addresses)
        pkt_fill(p, 0x04, 6);
    if (qos_control >= 0) {
        pkt_u8(p, (unsigned)qos_control);
        pkt_u8(p, 0);
    }
    if (ht_control)
        pkt_u32(p, 0);
    pkt_bytes(p, snap, sizeof(snap));
    return p->n - start;
}

static void test_wifi_data_with_and_without_qos(void)
{
    static const struct { unsigned fc; bool wds; int qos; bool htc; size_t ip_offset; } cases[] = {
        { 0x0108, false, -1, false, 32 },       /* data, to the AP */
        { 0x0208, false, -1, false, 32 },       /* data, from the AP */
        { 0x0188, false, 5, false, 34 },        /* QoS data */
        { 0x8188, false, 0, true, 38 },         /* QoS data with HT control (+HTC/order) */
        { 0x0388, true, 0, false, 40 },         /* QoS data between APs (WDS, 4 addresses) */
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        pkt_t p = { .n = 0 };
        wifi_header(&p, cases[i].fc, cases[i].wds, cases[i].qos, cases[i].htc);
        udp4(&p);
        expect_found(&p, WTAP_ENCAP_IEEE_802_11, 4, cases[i].ip_offset);
        expect_found(&p, WTAP_ENCAP_IEEE_802_11_WITH_RADIO, 4, cases[i].ip_offset);
    }
}

static void test_wifi_frames_without_readable_ip_are_refused(void)
{
    static const struct { unsigned fc; int qos; } cases[] = {
        { 0x0148, -1 },                 /* null function: no payload */
        { 0x01C8, 0 },                  /* QoS null */
        { 0x4188, 0 },                  /* protected: ciphertext */
        { 0x0188, 0x80 },               /* an A-MSDU: subframes with their own headers */
        { 0x0080, -1 },                 /* a beacon */
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        pkt_t p = { .n = 0 };
        wifi_header(&p, cases[i].fc, false, cases[i].qos, false);
        udp4(&p);
        expect_refused(&p, WTAP_ENCAP_IEEE_802_11);
    }
}

static void test_radiotap_header_length_is_followed_and_fcs_is_not_payload(void)
{
    static const uint8_t radiotap[12] = { 0, 0, 12, 0, 0x02, 0, 0, 0, 0x10, 0, 0, 0 };  /* flags: FCS at end */
    pkt_t p = { .n = 0 };

    pkt_bytes(&p, radiotap, sizeof(radiotap));
    wifi_header(&p, 0x0188, false, 0, false);
    udp4(&p);
    pkt_u32(&p, 0xDEADBEEF);            /* the FCS */
    expect_found(&p, WTAP_ENCAP_IEEE_802_11_RADIOTAP, 4, 12 + 34);
    p.b[2] = 4;                         /* shorter than radiotap's own 8 bytes */
    expect_refused(&p, WTAP_ENCAP_IEEE_802_11_RADIOTAP);
    p.n = 7;
    expect_refused(&p, WTAP_ENCAP_IEEE_802_11_RADIOTAP);
}

static void test_other_link_types_and_non_ip_are_refused(void)
{
    pkt_t p = { .n = 0 };

    pkt_ether(&p, 0x0806);              /* ARP */
    pkt_fill(&p, 0, 28);
    expect_refused(&p, WTAP_ENCAP_ETHERNET);
    p.n = 0;
    udp4(&p);
    expect_refused(&p, WTAP_ENCAP_PPP);
    CHECK(!ip_peek(NULL, 100, WTAP_ENCAP_ETHERNET, &(ip_peek_t){ 0 }));
}

int main(void)
{
    RUN(test_ethernet_ipv4_and_ipv6);
    RUN(test_vlan_and_qinq_tags_are_skipped);
    RUN(test_five_vlan_tags_are_refused);
    RUN(test_pppoe_sessions_carry_ipv4_and_ipv6);
    RUN(test_pppoe_other_than_ip_sessions_is_refused);
    RUN(test_8023_with_llc_snap);
    RUN(test_linux_cooked_sll);
    RUN(test_linux_cooked_sll2);
    RUN(test_null_loopback_in_either_byte_order);
    RUN(test_null_with_an_unknown_family_is_refused);
    RUN(test_openbsd_loop_is_network_byte_order_only);
    RUN(test_raw_ip_by_version);
    RUN(test_wifi_data_with_and_without_qos);
    RUN(test_wifi_frames_without_readable_ip_are_refused);
    RUN(test_radiotap_header_length_is_followed_and_fcs_is_not_payload);
    RUN(test_other_link_types_and_non_ip_are_refused);
    return check_report();
}
