/* test_ip_peek_lengths.c: the payload is what the IP and transport headers
 * say it is: never Ethernet padding or an FCS, never inside the TCP header;
 * IPv4 and IPv6 header lengths, fragments and extension headers.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "check.h"
#include "pkt.h"

#define SRC4 "192.0.2.10"
#define DST4 "198.51.100.20"
#define SRC6 "2001:db8::10"
#define DST6 "2001:db8::20"

static bool locate(const pkt_t *p, int encap, const char *src, const char *dst, wsc_frame_t *f)
{
    uint8_t *frame = check_copy(p->b, p->n);
    bool found = pkt_locate(frame, p->n, encap, src, dst, f);

    /* f points into the copy: keep only what the checks compare */
    if (found && f->payload != NULL)
        f->payload = p->b + (f->payload - frame);
    f->frame = p->b;
    check_free(frame);
    pkt_sweep(p, encap, src, dst);
    return found;
}

static void test_ethernet_padding_is_not_udp_payload(void)
{
    pkt_t p = { .n = 0 };
    wsc_frame_t f;
    size_t ip, udp;

    pkt_ether(&p, 0x0800);
    ip = pkt_ipv4(&p, 17, SRC4, DST4);
    udp = pkt_udp(&p, 546, 547);
    pkt_text(&p, "ab");
    pkt_udp_end(&p, udp);
    pkt_ipv4_end(&p, ip);
    pkt_fill(&p, 0x10, 60 - p.n);       /* padding to Ethernet's 60 bytes, not zeros */
    pkt_u32(&p, 0x12345678);            /* and an FCS */
    if (CHECK(locate(&p, WTAP_ENCAP_ETHERNET, SRC4, DST4, &f))) {
        CHECK_UINT(f.payload_len, 2);
        CHECK_UINT(f.ip.end, 14 + 20 + 8 + 2);
    }
}

static void test_trailing_fcs_is_not_tcp_payload(void)
{
    pkt_t p = { .n = 0 };
    wsc_frame_t f;
    size_t ip;

    pkt_ether(&p, 0x86DD);
    ip = pkt_ipv6(&p, 6, SRC6, DST6);
    pkt_tcp(&p, 443, 50000, 5);
    pkt_text(&p, "hello");
    pkt_ipv6_end(&p, ip);
    pkt_u32(&p, 0xCAFEF00D);
    if (CHECK(locate(&p, WTAP_ENCAP_ETHERNET, SRC6, DST6, &f))) {
        CHECK_UINT(f.payload_len, 5);
        CHECK(memcmp(f.payload, "hello", 5) == 0);
    }
}

static void test_tcp_data_offset_below_5_gives_no_payload(void)
{
    for (unsigned words = 0; words <= 6; words++) {
        pkt_t p = { .n = 0 };
        wsc_frame_t f;
        size_t ip = pkt_ipv4(&p, 6, SRC4, DST4);
        pkt_tcp(&p, 50000, 80, 5);
        if (words == 6)
            pkt_u32(&p, 0x01010101);    /* one word of options */
        pkt_text(&p, "GET / HTTP/1.1\r\n");
        pkt_ipv4_end(&p, ip);
        p.b[20 + 12] = (uint8_t)(words << 4);
        if (!CHECK(locate(&p, WTAP_ENCAP_RAW_IP, SRC4, DST4, &f)))
            continue;
        if (words < 5) {
            CHECK(f.payload == NULL);
            CHECK_UINT(f.sport, 0);
        } else {
            CHECK_UINT(f.sport, 50000);
            CHECK_UINT(f.payload_len, 16);
        }
    }
}

static void test_tcp_header_longer_than_the_datagram_gives_no_payload(void)
{
    pkt_t p = { .n = 0 };
    wsc_frame_t f;
    size_t ip = pkt_ipv4(&p, 6, SRC4, DST4);

    pkt_tcp(&p, 50000, 80, 15);         /* 60 bytes of header claimed */
    p.n -= 20;                          /* 40 there */
    pkt_ipv4_end(&p, ip);
    if (CHECK(locate(&p, WTAP_ENCAP_RAW_IP, SRC4, DST4, &f)))
        CHECK(f.payload == NULL);
}

static size_t udp_datagram(pkt_t *p, const char *payload)
{
    size_t ip = pkt_ipv4(p, 17, SRC4, DST4), udp = pkt_udp(p, 53, 33000);

    pkt_text(p, payload);
    pkt_udp_end(p, udp);
    pkt_ipv4_end(p, ip);
    return udp;
}

static void test_udp_length_bounds_the_payload(void)
{
    pkt_t p = { .n = 0 };
    wsc_frame_t f;
    size_t udp = udp_datagram(&p, "0123456789");

    pkt_put16(&p, udp + 4, 8 + 4);      /* the datagram ends before the IP payload does */
    if (CHECK(locate(&p, WTAP_ENCAP_RAW_IP, SRC4, DST4, &f)))
        CHECK_UINT(f.payload_len, 4);
    pkt_put16(&p, udp + 4, 8 + 400);    /* longer than the IP payload: the IP length wins */
    if (CHECK(locate(&p, WTAP_ENCAP_RAW_IP, SRC4, DST4, &f)))
        CHECK_UINT(f.payload_len, 10);
    pkt_put16(&p, udp + 4, 8);          /* empty */
    if (CHECK(locate(&p, WTAP_ENCAP_RAW_IP, SRC4, DST4, &f))) {
        CHECK(f.payload == NULL);
        CHECK_UINT(f.dport, 33000);
    }
}

static void test_udp_length_below_8_gives_no_payload(void)
{
    pkt_t p = { .n = 0 };
    wsc_frame_t f;
    size_t udp = udp_datagram(&p, "0123456789");

    for (unsigned bad = 0; bad < 8; bad++) {
        pkt_put16(&p, udp + 4, bad);
        if (CHECK(locate(&p, WTAP_ENCAP_RAW_IP, SRC4, DST4, &f))) {
            CHECK(f.payload == NULL);
            CHECK_UINT(f.sport, 0);
        }
    }
}

static void test_ipv4_lengths(void)
{
    pkt_t p = { .n = 0 };
    wsc_frame_t f;

    udp_datagram(&p, "0123456789");
    pkt_put16(&p, 2, 0);                /* segmentation offload: the capture has the length */
    if (CHECK(locate(&p, WTAP_ENCAP_RAW_IP, SRC4, DST4, &f)))
        CHECK_UINT(f.payload_len, 10);
    pkt_put16(&p, 2, 1000);             /* cut by the snap length: what was captured */
    if (CHECK(locate(&p, WTAP_ENCAP_RAW_IP, SRC4, DST4, &f)))
        CHECK_UINT(f.payload_len, 10);
    pkt_put16(&p, 2, 19);               /* shorter than its own header */
    CHECK(!locate(&p, WTAP_ENCAP_RAW_IP, SRC4, DST4, &f));
    pkt_put16(&p, 2, p.n);
    p.b[0] = 0x44;                      /* a 16-byte header */
    CHECK(!locate(&p, WTAP_ENCAP_RAW_IP, SRC4, DST4, &f));
}

static void test_ipv4_options_are_skipped(void)
{
    pkt_t p = { .n = 0 };
    wsc_frame_t f;
    size_t ip = pkt_ipv4(&p, 17, SRC4, DST4), udp;

    p.b[ip] = 0x46;
    pkt_u32(&p, 0x94040000);            /* router alert */
    udp = pkt_udp(&p, 5353, 5353);
    pkt_text(&p, "mdns");
    pkt_udp_end(&p, udp);
    pkt_ipv4_end(&p, ip);
    if (CHECK(locate(&p, WTAP_ENCAP_RAW_IP, SRC4, DST4, &f))) {
        CHECK_UINT(f.ip.l4_offset, 24);
        CHECK_UINT(f.payload_len, 4);
    }
}

static void test_only_first_ipv4_fragments_have_a_transport_header(void)
{
    pkt_t p = { .n = 0 };
    wsc_frame_t f;

    udp_datagram(&p, "0123456789");
    pkt_put16(&p, 6, 0x2000);           /* more fragments, offset 0 */
    if (CHECK(locate(&p, WTAP_ENCAP_RAW_IP, SRC4, DST4, &f)))
        CHECK_UINT(f.payload_len, 10);
    pkt_put16(&p, 6, 0x0002);           /* the last fragment, at 16 bytes */
    CHECK(!locate(&p, WTAP_ENCAP_RAW_IP, SRC4, DST4, &f));
}

static void test_ipv6_payload_length_bounds_the_datagram(void)
{
    pkt_t p = { .n = 0 };
    wsc_frame_t f;
    size_t ip = pkt_ipv6(&p, 17, SRC6, DST6), udp = pkt_udp(&p, 547, 546);

    pkt_text(&p, "abcd");
    pkt_udp_end(&p, udp);
    pkt_ipv6_end(&p, ip);
    pkt_fill(&p, 0xEE, 12);             /* a switch's trailer */
    if (CHECK(locate(&p, WTAP_ENCAP_RAW_IP, SRC6, DST6, &f))) {
        CHECK_UINT(f.ip.end, 40 + 8 + 4);
        CHECK_UINT(f.payload_len, 4);
    }
}

static void test_ipv6_jumbogram_udp_length_0_runs_to_the_end(void)
{
    pkt_t p = { .n = 0 };
    wsc_frame_t f;

    pkt_ipv6(&p, 17, SRC6, DST6);
    pkt_udp(&p, 547, 546);              /* lengths stay 0, as in RFC 2675 */
    pkt_text(&p, "jumbo");
    if (CHECK(locate(&p, WTAP_ENCAP_RAW_IP, SRC6, DST6, &f)))
        CHECK_UINT(f.payload_len, 5);
}

/* An IPv6 datagram with `count` extension headers before UDP. */
static void ipv6_with_extensions(pkt_t *p, const uint8_t *types, size_t count)
{
    size_t ip = pkt_ipv6(p, count ? types[0] : 17, SRC6, DST6), udp;

    for (size_t i = 0; i < count; i++) {
        pkt_u8(p, i + 1 < count ? types[i + 1] : 17);
        if (types[i] == 51) {           /* AH: 4-byte words minus 2; 12 bytes of ICV */
            pkt_u8(p, 4);
            pkt_fill(p, 0, 22);
        } else if (types[i] == 44) {    /* fragment: offset 0, more to come */
            pkt_u8(p, 0);
            pkt_u16(p, 0x0001);
            pkt_u32(p, 0x01020304);
        } else {                        /* 8-byte words minus 1: PadN */
            pkt_u8(p, 0);
            pkt_fill(p, 0, 6);
        }
    }
    udp = pkt_udp(p, 53, 40000);
    pkt_text(p, "x");
    pkt_udp_end(p, udp);
    pkt_ipv6_end(p, ip);
}

static void test_eight_ipv6_extension_headers_are_read_nine_are_not(void)
{
    static const uint8_t eight[9] = { 0, 60, 43, 44, 51, 60, 135, 60, 60 };
    pkt_t p = { .n = 0 };
    wsc_frame_t f;

    ipv6_with_extensions(&p, eight, 8);
    if (CHECK(locate(&p, WTAP_ENCAP_RAW_IP, SRC6, DST6, &f))) {
        CHECK_UINT(f.ip.ipproto, 17);
        CHECK_UINT(f.ip.l4_offset, 40 + 7 * 8 + 24);
        CHECK_UINT(f.payload_len, 1);
    }
    p.n = 0;
    ipv6_with_extensions(&p, eight, 9);
    CHECK(!locate(&p, WTAP_ENCAP_RAW_IP, SRC6, DST6, &f));
}

static void test_later_ipv6_fragments_and_cut_extensions_are_refused(void)
{
    static const uint8_t fragment[1] = { 44 };
    static const uint8_t hop_by_hop[1] = { 0 };
    pkt_t p = { .n = 0 };
    wsc_frame_t f;

    ipv6_with_extensions(&p, fragment, 1);
    pkt_put16(&p, 40 + 2, 0x0010);     /* offset 2 (16 bytes) */
    CHECK(!locate(&p, WTAP_ENCAP_RAW_IP, SRC6, DST6, &f));
    p.n = 0;
    ipv6_with_extensions(&p, hop_by_hop, 1);
    p.b[41] = 200;                      /* 1608 bytes claimed */
    CHECK(!locate(&p, WTAP_ENCAP_RAW_IP, SRC6, DST6, &f));
    p.b[41] = 0;
    pkt_put16(&p, 4, 4);                /* the datagram ends inside the header */
    CHECK(!locate(&p, WTAP_ENCAP_RAW_IP, SRC6, DST6, &f));
}

static void test_other_transports_give_no_ports(void)
{
    pkt_t p = { .n = 0 };
    wsc_frame_t f;
    size_t ip = pkt_ipv4(&p, 1, SRC4, DST4);

    pkt_u32(&p, 0x08000000);            /* ICMP echo request */
    pkt_u32(&p, 0x00010001);
    pkt_ipv4_end(&p, ip);
    if (CHECK(locate(&p, WTAP_ENCAP_RAW_IP, SRC4, DST4, &f))) {
        CHECK_UINT(f.ip.ipproto, 1);
        CHECK(f.payload == NULL && f.sport == 0);
    }
}

static void test_records_and_addresses_wireshark_did_not_take_are_refused(void)
{
    pkt_t p = { .n = 0 };
    packet_info pinfo;
    wtap_rec rec;
    wsc_frame_t f;
    tvbuff_t *tvb;

    udp_datagram(&p, "0123456789");
    CHECK(!locate(&p, WTAP_ENCAP_RAW_IP, SRC4, "203.0.113.1", &f));
    CHECK(!locate(&p, WTAP_ENCAP_RAW_IP, SRC6, DST6, &f));
    CHECK(!locate(&(pkt_t){ .n = 0 }, WTAP_ENCAP_RAW_IP, SRC4, DST4, &f));
    tvb = tvb_new_real_data(p.b, (guint)p.n, (gint)p.n);
    pkt_pinfo(&pinfo, &rec, WTAP_ENCAP_RAW_IP, SRC4, DST4);
    CHECK(wsc_frame_locate(tvb, &pinfo, &f));
    rec.rec_type = REC_TYPE_FT_SPECIFIC_EVENT;
    CHECK(!wsc_frame_locate(tvb, &pinfo, &f));
    pinfo.rec = NULL;
    CHECK(!wsc_frame_locate(tvb, &pinfo, &f));
    tvb_free(tvb);
}

int main(void)
{
    RUN(test_ethernet_padding_is_not_udp_payload);
    RUN(test_trailing_fcs_is_not_tcp_payload);
    RUN(test_tcp_data_offset_below_5_gives_no_payload);
    RUN(test_tcp_header_longer_than_the_datagram_gives_no_payload);
    RUN(test_udp_length_bounds_the_payload);
    RUN(test_udp_length_below_8_gives_no_payload);
    RUN(test_ipv4_lengths);
    RUN(test_ipv4_options_are_skipped);
    RUN(test_only_first_ipv4_fragments_have_a_transport_header);
    RUN(test_ipv6_payload_length_bounds_the_datagram);
    RUN(test_ipv6_jumbogram_udp_length_0_runs_to_the_end);
    RUN(test_eight_ipv6_extension_headers_are_read_nine_are_not);
    RUN(test_later_ipv6_fragments_and_cut_extensions_are_refused);
    RUN(test_other_transports_give_no_ports);
    RUN(test_records_and_addresses_wireshark_did_not_take_are_refused);
    return check_report();
}
