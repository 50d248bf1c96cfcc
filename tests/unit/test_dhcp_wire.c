/* test_dhcp_wire.c: what a DHCP message says of its client: the BOOTP
 * header, the options kept, options continued in file and sname (option 52)
 * and split over several instances (RFC 3396), hostile lengths; the DHCPv6
 * vendor class.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "check.h"
#include "pkt.h"

#include "core/dhcp_wire.h"

#define SNAME_AT 44
#define FILE_AT  108

static const uint8_t client_mac[6] = { 0x00, 0x0e, 0x58, 0xc6, 0x83, 0xa4 };

/* The 236-byte BOOTP header and the magic cookie. */
static void bootp(pkt_t *p, unsigned op, const char *yiaddr)
{
    uint8_t addr[16];

    p->n = 0;
    pkt_u8(p, op);
    pkt_u8(p, 1);                       /* Ethernet */
    pkt_u8(p, 6);
    pkt_u8(p, 0);
    pkt_u32(p, 0x3903F326);
    pkt_fill(p, 0, 8);                  /* secs, flags, ciaddr */
    pkt_addr(yiaddr, addr);
    pkt_bytes(p, addr, 4);
    pkt_fill(p, 0, 8);                  /* siaddr, giaddr */
    pkt_bytes(p, client_mac, 6);
    pkt_fill(p, 0, 10 + 64 + 128);      /* chaddr padding, sname, file */
    pkt_u32(p, 0x63825363);
}

static void option(pkt_t *p, unsigned code, const void *value, size_t len)
{
    pkt_u8(p, code);
    pkt_u8(p, (unsigned)len);
    pkt_bytes(p, value, len);
}

static void text_option(pkt_t *p, unsigned code, const char *text)
{
    option(p, code, text, strlen(text));
}

/* Options written into the file or sname field of a built message. */
static void options_at(pkt_t *p, size_t at, const pkt_t *options)
{
    memcpy(p->b + at, options->b, options->n);
}

static bool parse(const pkt_t *p, wsc_dhcp_t *out)
{
    uint8_t *msg = check_copy(p->b, p->n);
    bool ok = wsc_dhcp_parse(msg, p->n, out);

    check_free(msg);
    return ok;
}

static void discover(pkt_t *p)
{
    static const uint8_t prl[6] = { 1, 3, 6, 15, 119, 252 };
    static const uint8_t fqdn[] = { 0x00, 0, 0, 's', 'p', 'e', 'a', 'k', 'e', 'r', '.', 'l', 'a', 'n' };

    bootp(p, 1, "0.0.0.0");
    option(p, 53, "\x01", 1);
    text_option(p, 12, "SonosZP");
    text_option(p, 60, "android-dhcp-13");
    option(p, 55, prl, sizeof(prl));
    option(p, 81, fqdn, sizeof(fqdn));
    pkt_u8(p, 255);
}

static void test_client_options_are_read(void)
{
    pkt_t p;
    wsc_dhcp_t d;

    discover(&p);
    if (!CHECK(parse(&p, &d)))
        return;
    CHECK_UINT(d.op, 1);
    CHECK(d.has_chaddr && memcmp(d.chaddr, client_mac, 6) == 0);
    CHECK_UINT(d.message_type, 1);
    CHECK_STR(d.hostname, "SonosZP");
    CHECK_STR(d.vendor_class, "android-dhcp-13");
    CHECK_STR(d.request_list, "1,3,6,15,119,252");
    CHECK_STR(d.fqdn, "speaker.lan");
}

static void test_a_reply_gives_the_offered_address(void)
{
    pkt_t p;
    wsc_dhcp_t d;
    char text[WSC_ADDR_STRLEN];

    bootp(&p, 2, "192.168.1.23");
    option(&p, 53, "\x02", 1);
    pkt_u8(&p, 255);
    CHECK(parse(&p, &d));
    CHECK_UINT(d.op, 2);
    wsc_addr_to_str(&d.yiaddr, text);
    CHECK_STR(text, "192.168.1.23");
    CHECK_UINT(d.message_type, 2);
}

static void test_other_hardware_has_no_client_mac(void)
{
    pkt_t p;
    wsc_dhcp_t d;

    discover(&p);
    p.b[1] = 6;                         /* IEEE 802 */
    CHECK(parse(&p, &d));
    CHECK(!d.has_chaddr);
    p.b[1] = 1;
    p.b[2] = 8;
    CHECK(parse(&p, &d));
    CHECK(!d.has_chaddr);
}

static void test_bootp_without_the_magic_cookie_is_not_read(void)
{
    pkt_t p;
    wsc_dhcp_t d;

    discover(&p);
    p.b[236] = 0;
    CHECK(!parse(&p, &d));
    discover(&p);
    p.n = 239;
    CHECK(!parse(&p, &d));
    CHECK(!wsc_dhcp_parse(NULL, 300, &d));
}

static void test_pad_end_and_cut_options(void)
{
    pkt_t p;
    wsc_dhcp_t d;

    bootp(&p, 1, "0.0.0.0");
    pkt_fill(&p, 0, 3);                 /* pads */
    text_option(&p, 12, "first");
    pkt_u8(&p, 255);
    text_option(&p, 60, "after-the-end");
    CHECK(parse(&p, &d));
    CHECK_STR(d.hostname, "first");
    CHECK_STR(d.vendor_class, "");
    bootp(&p, 1, "0.0.0.0");
    text_option(&p, 12, "kept");
    pkt_u8(&p, 60);
    pkt_u8(&p, 50);                     /* says 50 bytes, has 10 */
    pkt_text(&p, "cut-short!");
    CHECK(parse(&p, &d));
    CHECK_STR(d.hostname, "kept");
    CHECK_STR(d.vendor_class, "");
    p.n -= 11;                          /* a code without its length byte */
    CHECK(parse(&p, &d));
    CHECK_STR(d.hostname, "kept");
}

static void test_option_values_are_made_printable(void)
{
    static const uint8_t host[] = { 'c', 'a', 'm', 0x07, '1', 0, 0, ' ' };
    static const uint8_t binary_fqdn[] = { 0x04, 0, 0, 3, 'c', 'a', 'm', 0 };   /* E: wire format */
    pkt_t p;
    wsc_dhcp_t d;

    bootp(&p, 1, "0.0.0.0");
    option(&p, 12, host, sizeof(host));
    option(&p, 81, binary_fqdn, sizeof(binary_fqdn));
    option(&p, 53, "\x01\x02", 2);      /* a message type must be one byte */
    pkt_u8(&p, 255);
    CHECK(parse(&p, &d));
    CHECK_STR(d.hostname, "cam?1");
    CHECK_STR(d.fqdn, "");
    CHECK_UINT(d.message_type, 0);
}

/* DHCP's own example of RFC 3396: an option split into instances. */
static void test_an_option_split_over_instances_is_joined(void)
{
    pkt_t p;
    wsc_dhcp_t d;

    bootp(&p, 1, "0.0.0.0");
    text_option(&p, 12, "Living");
    option(&p, 55, "\x01\x03", 2);
    text_option(&p, 12, "-Room");
    option(&p, 55, "\x06\x0f", 2);
    pkt_u8(&p, 255);
    CHECK(parse(&p, &d));
    CHECK_STR(d.hostname, "Living-Room");
    CHECK_STR(d.request_list, "1,3,6,15");
}

static void test_options_continue_in_file_and_sname_when_overloaded(void)
{
    static const struct { uint8_t overload; const char *hostname; const char *vendor; } cases[] = {
        { 1, "Liv-file", "" },          /* file only */
        { 2, "Liv-sname", "" },         /* sname only */
        { 3, "Liv-file-sname", "vc" },  /* both: options, then file, then sname */
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        pkt_t p, file = { .n = 0 }, sname = { .n = 0 };
        wsc_dhcp_t d;
        bootp(&p, 1, "0.0.0.0");
        text_option(&p, 12, "Liv");
        option(&p, 52, &cases[i].overload, 1);
        pkt_u8(&p, 255);
        text_option(&file, 12, "-file");
        pkt_u8(&file, 255);
        text_option(&sname, 12, "-sname");
        if (cases[i].overload == 3)
            text_option(&sname, 60, "vc");
        pkt_u8(&sname, 255);
        options_at(&p, FILE_AT, &file);
        options_at(&p, SNAME_AT, &sname);
        CHECK(parse(&p, &d));
        CHECK_STR(d.hostname, cases[i].hostname);
        CHECK_STR(d.vendor_class, cases[i].vendor);
    }
}

static void test_file_and_sname_are_names_unless_overloaded(void)
{
    pkt_t p, fake = { .n = 0 };
    wsc_dhcp_t d;

    bootp(&p, 1, "0.0.0.0");
    text_option(&p, 12, "real");
    pkt_u8(&p, 255);
    text_option(&fake, 12, "boot-file-bytes");
    option(&fake, 52, "\x02", 1);       /* option 52 counts in the options field only */
    pkt_u8(&fake, 255);
    options_at(&p, FILE_AT, &fake);
    options_at(&p, SNAME_AT, &fake);
    CHECK(parse(&p, &d));
    CHECK_STR(d.hostname, "real");
}

static void test_joined_values_are_bounded(void)
{
    pkt_t p;
    wsc_dhcp_t d;
    uint8_t chunk[255];

    memset(chunk, 'h', sizeof(chunk));
    bootp(&p, 1, "0.0.0.0");
    for (int i = 0; i < 6; i++)         /* 1,530 bytes of host name */
        option(&p, 12, chunk, sizeof(chunk));
    memset(chunk, 200, sizeof(chunk));
    for (int i = 0; i < 5; i++)
        option(&p, 55, chunk, sizeof(chunk));
    pkt_u8(&p, 255);
    CHECK(parse(&p, &d));
    CHECK_UINT(strlen(d.hostname), WSC_DHCP_TEXT - 1);
    CHECK(strlen(d.request_list) < WSC_DHCP_TEXT);
    CHECK(strncmp(d.request_list, "200,200,", 8) == 0);
}

/* Every truncation and single-byte mutation of an overloaded message. */
static void test_truncated_and_mutated_messages_stay_in_bounds(void)
{
    static const uint8_t steering[] = { 0x00, 0x01, 0x03, 0x0C, 0x34, 0x37, 0x3C, 0x51, 0xFF };
    pkt_variants_t it;
    pkt_t full, p, file = { .n = 0 };
    wsc_dhcp_t d;

    discover(&full);
    full.n--;                           /* drop the end option, add an overload */
    option(&full, 52, "\x03", 1);
    pkt_u8(&full, 255);
    text_option(&file, 12, "-more");
    pkt_u8(&file, 255);
    options_at(&full, FILE_AT, &file);
    options_at(&full, SNAME_AT, &file);
    for (pkt_variants_init(&it, &full, steering, sizeof(steering)); pkt_variants_next(&it, &p);) {
        if (it.cut)
            CHECK(parse(&p, &d) == (p.n >= 240));
        else if (parse(&p, &d))
            CHECK(strlen(d.hostname) < WSC_DHCP_TEXT && strlen(d.vendor_class) < WSC_DHCP_TEXT &&
                  strlen(d.fqdn) < WSC_DHCP_TEXT && strlen(d.request_list) < WSC_DHCP_TEXT);
    }
}

/* A DHCPv6 Solicit: message type, transaction id, a client id, then the
 * vendor class (enterprise number, then length-prefixed data). */
static void solicit(pkt_t *p, const char *vendor)
{
    p->n = 0;
    pkt_u32(p, 0x01ABCDEF);
    pkt_u16(p, 1);                      /* client identifier */
    pkt_u16(p, 10);
    pkt_fill(p, 0x11, 10);
    pkt_u16(p, 16);
    pkt_u16(p, (unsigned)(4 + 2 + strlen(vendor)));
    pkt_u32(p, 311);
    pkt_u16(p, (unsigned)strlen(vendor));
    pkt_text(p, vendor);
}

static bool vendor_class(const pkt_t *p, char *out, size_t size)
{
    uint8_t *msg = check_copy(p->b, p->n);
    bool ok = wsc_dhcpv6_vendor_class(msg, p->n, out, size);

    check_free(msg);
    return ok;
}

static void test_dhcpv6_vendor_class_is_read(void)
{
    pkt_t p;
    char out[64];

    solicit(&p, "MSFT 5.0");
    if (CHECK(vendor_class(&p, out, sizeof(out))))
        CHECK_STR(out, "MSFT 5.0");
    if (CHECK(vendor_class(&p, out, 5)))
        CHECK_STR(out, "MSFT");
    if (CHECK(vendor_class(&p, out, 1)))
        CHECK_STR(out, "");
}

static void test_dhcpv6_vendor_class_into_no_room_writes_nothing(void)
{
    pkt_t p;
    char out[8];

    solicit(&p, "MSFT 5.0");
    memset(out, 'Z', sizeof(out));
    CHECK(!vendor_class(&p, out, 0));
    CHECK(out[0] == 'Z' && out[7] == 'Z');
    CHECK(!wsc_dhcpv6_vendor_class(p.b, p.n, NULL, 8));
    CHECK(!wsc_dhcpv6_vendor_class(NULL, 40, out, sizeof(out)));
}

static void test_dhcpv6_options_that_do_not_fit_give_nothing(void)
{
    pkt_t p;
    char out[64];

    solicit(&p, "MSFT 5.0");
    pkt_put16(&p, 26, 40);              /* the data says 40 bytes: past its option */
    CHECK(!vendor_class(&p, out, sizeof(out)));
    pkt_put16(&p, 26, 0);               /* no data */
    CHECK(!vendor_class(&p, out, sizeof(out)));
    solicit(&p, "MSFT 5.0");
    pkt_put16(&p, 20, 100);             /* the option runs past the message */
    CHECK(!vendor_class(&p, out, sizeof(out)));
    solicit(&p, "MSFT 5.0");
    p.n = 18;                           /* no vendor class at all */
    CHECK(!vendor_class(&p, out, sizeof(out)));
    solicit(&p, "");
    pkt_put16(&p, 20, 4);               /* a vendor class too short to hold data: skipped */
    p.n = 26;
    CHECK(!vendor_class(&p, out, sizeof(out)));
}

int main(void)
{
    RUN(test_client_options_are_read);
    RUN(test_a_reply_gives_the_offered_address);
    RUN(test_other_hardware_has_no_client_mac);
    RUN(test_bootp_without_the_magic_cookie_is_not_read);
    RUN(test_pad_end_and_cut_options);
    RUN(test_option_values_are_made_printable);
    RUN(test_an_option_split_over_instances_is_joined);
    RUN(test_options_continue_in_file_and_sname_when_overloaded);
    RUN(test_file_and_sname_are_names_unless_overloaded);
    RUN(test_joined_values_are_bounded);
    RUN(test_truncated_and_mutated_messages_stay_in_bounds);
    RUN(test_dhcpv6_vendor_class_is_read);
    RUN(test_dhcpv6_vendor_class_into_no_room_writes_nothing);
    RUN(test_dhcpv6_options_that_do_not_fit_give_nothing);
    return check_report();
}
