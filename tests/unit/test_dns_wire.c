/* test_dns_wire.c: DNS messages read from their bytes: every record type
 * the plugins keep, compression, names bounded by their record's data,
 * loops, limits, hostile bytes; TXT strings; DNS over TCP framing.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "check.h"
#include "pkt.h"

#include "core/dns_wire.h"

#define MAX_SEEN 16

typedef struct {
    wsc_dns_record_t rr[MAX_SEEN];
    unsigned n;
    unsigned stop_after;                /* 0: never stop */
} seen_t;

static bool collect(void *ctx, const wsc_dns_record_t *rr)
{
    seen_t *seen = ctx;

    if (seen->n < MAX_SEEN)
        seen->rr[seen->n++] = *rr;
    return seen->stop_after == 0 || seen->n < seen->stop_after;
}

/* "www.example.com" as labels. */
static void name(pkt_t *p, const char *dotted)
{
    while (*dotted) {
        size_t len = strcspn(dotted, ".");
        pkt_u8(p, (unsigned)len);
        pkt_bytes(p, dotted, len);
        dotted += len + (dotted[len] == '.');
    }
    pkt_u8(p, 0);
}

static void header(pkt_t *p, unsigned id, unsigned flags, unsigned qd, unsigned an, unsigned ns, unsigned ar)
{
    pkt_u16(p, id);
    pkt_u16(p, flags);
    pkt_u16(p, qd);
    pkt_u16(p, an);
    pkt_u16(p, ns);
    pkt_u16(p, ar);
}

/* Type, class IN, TTL 300; returns where the data length goes. */
static size_t record_head(pkt_t *p, unsigned type)
{
    pkt_u16(p, type);
    pkt_u16(p, 1);
    pkt_u32(p, 300);
    pkt_u16(p, 0);
    return p->n - 2;
}

static void record_end(pkt_t *p, size_t rdlen_at)
{
    pkt_put16(p, rdlen_at, (unsigned)(p->n - rdlen_at - 2));
}

/* A response to "www.example.com A" at offset 12 with one record of each
 * type kept; owner names are pointers to the question (0xC00C). */
static void full_response(pkt_t *p)
{
    static const uint8_t v4[4] = { 192, 0, 2, 1 }, v6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
    size_t at;

    header(p, 0xBEEF, 0x8180, 1, 7, 0, 0);
    name(p, "www.example.com");
    pkt_u16(p, 1);
    pkt_u16(p, 1);
    pkt_u16(p, 0xC00C);
    at = record_head(p, WSC_DNS_CNAME);
    pkt_u8(p, 4);
    pkt_text(p, "edge");
    pkt_u16(p, 0xC010);                 /* "example.com" inside the question */
    record_end(p, at);
    pkt_u16(p, 0xC00C);
    at = record_head(p, WSC_DNS_A);
    pkt_bytes(p, v4, 4);
    record_end(p, at);
    pkt_u16(p, 0xC00C);
    at = record_head(p, WSC_DNS_AAAA);
    pkt_bytes(p, v6, 16);
    record_end(p, at);
    pkt_u16(p, 0xC00C);
    at = record_head(p, WSC_DNS_PTR);
    name(p, "ptr.example.org");
    record_end(p, at);
    pkt_u16(p, 0xC00C);
    at = record_head(p, WSC_DNS_NS);
    pkt_u8(p, 3);
    pkt_text(p, "ns1");
    pkt_u16(p, 0xC010);
    record_end(p, at);
    pkt_u16(p, 0xC00C);
    at = record_head(p, WSC_DNS_SRV);
    pkt_u16(p, 10);
    pkt_u16(p, 5);
    pkt_u16(p, 8009);
    name(p, "cast.local");
    record_end(p, at);
    pkt_u16(p, 0xC00C);
    at = record_head(p, WSC_DNS_TXT);
    pkt_u8(p, 7);
    pkt_text(p, "md=Home");
    record_end(p, at);
}

static bool parse(const pkt_t *p, unsigned max_records, wsc_dns_header_t *hdr, seen_t *seen)
{
    uint8_t *msg = check_copy(p->b, p->n);
    bool ok;

    memset(seen, 0, sizeof(*seen));
    ok = wsc_dns_parse(msg, p->n, max_records, hdr, collect, seen);
    /* TXT data points into the copy: point it at the builder's bytes */
    for (unsigned i = 0; i < seen->n; i++)
        if (seen->rr[i].rdata != NULL)
            seen->rr[i].rdata = p->b + (seen->rr[i].rdata - msg);
    check_free(msg);
    return ok;
}

static void test_every_kept_record_type_is_read(void)
{
    pkt_t p = { .n = 0 };
    wsc_dns_header_t hdr;
    seen_t seen;
    char text[WSC_ADDR_STRLEN];

    full_response(&p);
    if (!CHECK(parse(&p, 64, &hdr, &seen)))
        return;
    CHECK_UINT(hdr.id, 0xBEEF);
    CHECK(hdr.response);
    if (!CHECK_UINT(seen.n, 8))
        return;
    CHECK_UINT(seen.rr[0].section, WSC_DNS_QUESTION);
    CHECK_STR(seen.rr[0].name, "www.example.com");
    CHECK_UINT(seen.rr[1].section, WSC_DNS_ANSWER);
    CHECK_STR(seen.rr[1].name, "www.example.com");
    CHECK_STR(seen.rr[1].target, "edge.example.com");
    wsc_addr_to_str(&seen.rr[2].addr, text);
    CHECK_STR(text, "192.0.2.1");
    wsc_addr_to_str(&seen.rr[3].addr, text);
    CHECK_STR(text, "2001:db8::1");
    CHECK_STR(seen.rr[4].target, "ptr.example.org");
    CHECK_STR(seen.rr[5].target, "ns1.example.com");
    CHECK_STR(seen.rr[6].target, "cast.local");
    CHECK_UINT(seen.rr[7].rdata_len, 8);
    CHECK(seen.rr[7].rdata != NULL && memcmp(seen.rr[7].rdata, "\x07md=Home", 8) == 0);
}

static void test_sections_and_the_record_cap(void)
{
    pkt_t p = { .n = 0 };
    wsc_dns_header_t hdr;
    seen_t seen;

    full_response(&p);
    pkt_put16(&p, 6, 2);                /* 2 answers, 1 authority, 4 additional */
    pkt_put16(&p, 8, 1);
    pkt_put16(&p, 10, 4);
    CHECK(parse(&p, 64, &hdr, &seen));
    CHECK_UINT(seen.rr[3].section, WSC_DNS_AUTHORITY);
    CHECK_UINT(seen.rr[4].section, WSC_DNS_ADDITIONAL);
    CHECK(parse(&p, 3, &hdr, &seen));
    CHECK_UINT(seen.n, 3);
    memset(&seen, 0, sizeof(seen));
    seen.stop_after = 2;                /* the callback says stop */
    CHECK(wsc_dns_parse(p.b, p.n, 64, &hdr, collect, &seen));
    CHECK_UINT(seen.n, 2);
}

static void test_address_records_of_the_wrong_size_give_no_address(void)
{
    pkt_t p = { .n = 0 };
    wsc_dns_header_t hdr;
    seen_t seen;
    size_t at;

    header(&p, 1, 0x8180, 0, 2, 0, 0);
    name(&p, "a.example");
    at = record_head(&p, WSC_DNS_A);
    pkt_u16(&p, 0x0102);                /* 2 bytes */
    record_end(&p, at);
    pkt_u16(&p, 0xC00C);
    at = record_head(&p, WSC_DNS_AAAA);
    pkt_fill(&p, 0x20, 4);
    record_end(&p, at);
    CHECK(parse(&p, 64, &hdr, &seen));
    CHECK_UINT(seen.n, 2);
    CHECK_UINT(seen.rr[0].addr.family, 0);
    CHECK_UINT(seen.rr[1].addr.family, 0);
}

/* A CNAME whose data length (rdlen) ends before its name does. */
static void test_names_in_record_data_must_end_within_it(void)
{
    static const unsigned types[] = { WSC_DNS_CNAME, WSC_DNS_PTR, WSC_DNS_NS, WSC_DNS_SRV };

    for (size_t i = 0; i < G_N_ELEMENTS(types); i++) {
        pkt_t p = { .n = 0 };
        wsc_dns_header_t hdr;
        seen_t seen;
        size_t at;
        header(&p, 1, 0x8180, 0, 1, 0, 0);
        name(&p, "x.example");
        at = record_head(&p, types[i]);
        if (types[i] == WSC_DNS_SRV)
            pkt_fill(&p, 0, 6);
        name(&p, "junk.beyond.the.record");
        pkt_put16(&p, at, (unsigned)(p.n - at - 2 - 10));    /* the data stops 10 bytes early */
        CHECK(parse(&p, 64, &hdr, &seen));
        if (CHECK_UINT(seen.n, 1))
            CHECK_STR(seen.rr[0].target, "");
    }
}

static void test_srv_data_too_short_for_a_target_gives_none(void)
{
    pkt_t p = { .n = 0 };
    wsc_dns_header_t hdr;
    seen_t seen;
    size_t at;

    header(&p, 1, 0x8180, 0, 1, 0, 0);
    name(&p, "_x._tcp.local");
    at = record_head(&p, WSC_DNS_SRV);
    pkt_fill(&p, 0, 6);
    record_end(&p, at);
    name(&p, "after");                  /* bytes a sloppy reader would take */
    CHECK(parse(&p, 64, &hdr, &seen));
    if (CHECK_UINT(seen.n, 1))
        CHECK_STR(seen.rr[0].target, "");
}

/* A message whose only question has this name (raw bytes at offset 12). */
static bool question_name(const uint8_t *raw, size_t len, char *out)
{
    pkt_t p = { .n = 0 };
    wsc_dns_header_t hdr;
    seen_t seen;

    header(&p, 1, 0x0100, 1, 0, 0, 0);
    pkt_bytes(&p, raw, len);
    pkt_u16(&p, 1);
    pkt_u16(&p, 1);
    parse(&p, 64, &hdr, &seen);
    if (seen.n == 1)
        strcpy(out, seen.rr[0].name);
    return seen.n == 1;
}

static void test_compression_loops_and_forward_pointers_are_refused(void)
{
    static const uint8_t loop_to_self[2] = { 0xC0, 12 };
    static const uint8_t label_then_back[4] = { 1, 'a', 0xC0, 12 };             /* a.a.a.a... */
    static const uint8_t into_own_label[6] = { 3, 1, 'b', 0, 0xC0, 13 };         /* lands inside itself */
    static const uint8_t forward[4] = { 0xC0, 14, 1, 'a' };
    static const uint8_t reserved_40[3] = { 0x41, 'a', 0 };
    static const uint8_t reserved_80[3] = { 0x81, 'a', 0 };
    char out[WSC_DNS_NAME_MAX];

    CHECK(!question_name(loop_to_self, sizeof(loop_to_self), out));
    CHECK(!question_name(label_then_back, sizeof(label_then_back), out));
    CHECK(!question_name(into_own_label, sizeof(into_own_label), out));
    CHECK(!question_name(forward, sizeof(forward), out));
    CHECK(!question_name(reserved_40, sizeof(reserved_40), out));
    CHECK(!question_name(reserved_80, sizeof(reserved_80), out));
}

static void test_a_chain_of_earlier_names_is_followed(void)
{
    pkt_t p = { .n = 0 };
    wsc_dns_header_t hdr;
    seen_t seen;

    header(&p, 1, 0x8180, 3, 0, 0, 0);
    name(&p, "com");                    /* 12 */
    pkt_u32(&p, 0x00010001);
    pkt_u8(&p, 7);                      /* 21: example + -> com */
    pkt_text(&p, "example");
    pkt_u16(&p, 0xC00C);
    pkt_u32(&p, 0x00010001);
    pkt_u8(&p, 3);                      /* www + -> example.com */
    pkt_text(&p, "www");
    pkt_u16(&p, 0xC015);
    pkt_u32(&p, 0x00010001);
    CHECK(parse(&p, 64, &hdr, &seen));
    if (CHECK_UINT(seen.n, 3))
        CHECK_STR(seen.rr[2].name, "www.example.com");
}

static void test_name_length_and_label_count_limits(void)
{
    pkt_t raw = { .n = 0 };
    char out[WSC_DNS_NAME_MAX];

    for (int i = 0; i < 127; i++) {     /* 127 one-letter labels: 253 characters */
        pkt_u8(&raw, 1);
        pkt_u8(&raw, 'a');
    }
    pkt_u8(&raw, 0);
    if (CHECK(question_name(raw.b, raw.n, out)))
        CHECK_UINT(strlen(out), 253);
    raw.n--;
    pkt_u16(&raw, 0x0162);              /* a 128th label */
    pkt_u8(&raw, 0);
    CHECK(!question_name(raw.b, raw.n, out));
    raw.n = 0;
    for (int i = 0; i < 4; i++) {       /* 4 x 63 + 3 dots: 255 characters, the most */
        pkt_u8(&raw, 63);
        pkt_fill(&raw, 'x', 63);
    }
    pkt_u8(&raw, 0);
    if (CHECK(question_name(raw.b, raw.n, out)))
        CHECK_UINT(strlen(out), 255);
    raw.n--;
    pkt_u16(&raw, 0x0178);              /* one more label: 257 */
    pkt_u8(&raw, 0);
    CHECK(!question_name(raw.b, raw.n, out));
}

static void test_unprintable_bytes_and_bad_utf8_are_replaced(void)
{
    static const uint8_t control[6] = { 4, 'a', 0x01, 0x7F, 'b', 0 };
    static const uint8_t utf8[7] = { 5, 'c', 'a', 'f', 0xC3, 0xA9, 0 };         /* "café" */
    static const uint8_t latin1[6] = { 4, 'c', 'a', 'f', 0xE9, 0 };
    char out[WSC_DNS_NAME_MAX];

    if (CHECK(question_name(control, sizeof(control), out)))
        CHECK_STR(out, "a??b");
    if (CHECK(question_name(utf8, sizeof(utf8), out)))
        CHECK_STR(out, "caf\xC3\xA9");
    if (CHECK(question_name(latin1, sizeof(latin1), out)))
        CHECK_STR(out, "caf?");
}

static void test_headers_that_cannot_be_read(void)
{
    wsc_dns_header_t hdr;
    seen_t seen = { .n = 0 };
    uint8_t *eleven = check_copy("\x12\x34\x81\x80\0\0\0\0\0\0\0", 11);

    CHECK(!wsc_dns_parse(eleven, 11, 64, &hdr, collect, &seen));
    CHECK(!wsc_dns_parse(NULL, 12, 64, &hdr, collect, &seen));
    check_free(eleven);
}

/* Every truncation and single-byte mutation of a full response, on
 * exact-size copies: records stay within their bounds. */
static void test_truncated_and_mutated_messages_stay_in_bounds(void)
{
    static const uint8_t steering[] = { 0x00, 0x01, 0x0C, 0x3F, 0x40, 0x80, 0xC0, 0xFF };
    pkt_variants_t it;
    pkt_t full = { .n = 0 }, p;
    wsc_dns_header_t hdr;
    seen_t seen;

    full_response(&full);
    for (pkt_variants_init(&it, &full, steering, sizeof(steering)); pkt_variants_next(&it, &p);) {
        if (it.cut) {
            CHECK(parse(&p, 64, &hdr, &seen) == (p.n >= 12));
            CHECK(seen.n <= 8);
            continue;
        }
        parse(&p, 64, &hdr, &seen);
        for (unsigned i = 0; i < seen.n; i++) {
            CHECK(strlen(seen.rr[i].name) < WSC_DNS_NAME_MAX && strlen(seen.rr[i].target) < WSC_DNS_NAME_MAX);
            CHECK(seen.rr[i].rdata == NULL || seen.rr[i].rdata + seen.rr[i].rdata_len <= p.b + p.n);
        }
    }
}

static void test_txt_strings_one_by_one(void)
{
    static const uint8_t txt[] = { 5, 'h', 'e', 'l', 'l', 'o', 0, 4, 'a', 0x01, 'b', 'c', 9, 'x' };
    uint8_t *copy = check_copy(txt, sizeof(txt));
    const uint8_t *cursor = copy;
    size_t left = sizeof(txt);
    char out[4];
    char big[32];

    CHECK(wsc_dns_txt_next(&cursor, &left, big, sizeof(big)));
    CHECK_STR(big, "hello");
    CHECK(wsc_dns_txt_next(&cursor, &left, big, sizeof(big)));
    CHECK_STR(big, "");
    CHECK(wsc_dns_txt_next(&cursor, &left, out, sizeof(out)));   /* cut to the buffer */
    CHECK_STR(out, "a?b");
    CHECK_UINT(left, 2);
    CHECK(!wsc_dns_txt_next(&cursor, &left, big, sizeof(big)));  /* says 9, 1 is there */
    CHECK(!wsc_dns_txt_next(&cursor, &left, big, 0));
    left = 0;
    CHECK(!wsc_dns_txt_next(&cursor, &left, big, sizeof(big)));
    check_free(copy);
}

/* DNS over TCP: a 2-byte length, then the message. */
static void tcp_segment(pkt_t *seg, const pkt_t *msg)
{
    seg->n = 0;
    pkt_u16(seg, (unsigned)msg->n);
    pkt_bytes(seg, msg->b, msg->n);
}

static bool tcp_message(const pkt_t *seg, const uint8_t **msg, size_t *len)
{
    uint8_t *copy = check_copy(seg->b, seg->n);
    bool ok = wsc_dns_tcp_message(copy, seg->n, msg, len);

    if (ok)
        *msg = seg->b + (*msg - copy);
    check_free(copy);
    return ok;
}

static void test_dns_over_tcp_whole_messages_are_found(void)
{
    pkt_t msg = { .n = 0 }, seg;
    const uint8_t *found;
    size_t len;

    full_response(&msg);
    tcp_segment(&seg, &msg);
    if (CHECK(tcp_message(&seg, &found, &len))) {
        CHECK(found == seg.b + 2);
        CHECK_UINT(len, msg.n);
    }
    pkt_u16(&seg, 40);                  /* a second message starts: the first is still whole */
    pkt_fill(&seg, 0, 10);
    if (CHECK(tcp_message(&seg, &found, &len)))
        CHECK_UINT(len, msg.n);
}

static void test_dns_over_tcp_partial_and_continuation_segments_are_skipped(void)
{
    pkt_t msg = { .n = 0 }, seg, part;
    const uint8_t *found;
    size_t len;

    full_response(&msg);
    tcp_segment(&seg, &msg);
    part = seg;
    part.n = 60;                        /* the message goes on in the next segment */
    CHECK(!tcp_message(&part, &found, &len));
    for (size_t cut = 2; cut + 14 <= seg.n; cut++) {     /* no later segment of it passes */
        part.n = 0;
        pkt_bytes(&part, seg.b + cut, seg.n - cut);
        CHECK(!tcp_message(&part, &found, &len));
    }
    CHECK(!wsc_dns_tcp_message(NULL, 100, &found, &len));
    part.n = 13;
    CHECK(!tcp_message(&part, &found, &len));
}

static void test_dns_over_tcp_implausible_headers_are_skipped(void)
{
    pkt_t msg = { .n = 0 }, seg;
    const uint8_t *found;
    size_t len;

    header(&msg, 7, 0x0100, 1, 0, 0, 0);
    name(&msg, "example.org");
    pkt_u32(&msg, 0x00010001);
    tcp_segment(&seg, &msg);
    CHECK(tcp_message(&seg, &found, &len));
    seg.b[4] = 0x28;                    /* opcode 5, UPDATE */
    CHECK(tcp_message(&seg, &found, &len));
    seg.b[4] = 0x18;                    /* opcode 3: unassigned */
    CHECK(!tcp_message(&seg, &found, &len));
    seg.b[4] = 0x08;                    /* opcode 1: IQUERY, obsolete */
    CHECK(!tcp_message(&seg, &found, &len));
    seg.b[4] = 0x01;
    seg.b[5] = 0x40;                    /* the Z bit */
    CHECK(!tcp_message(&seg, &found, &len));
    seg.b[5] = 0x00;
    pkt_put16(&seg, 6, 2);              /* two questions */
    CHECK(!tcp_message(&seg, &found, &len));
    pkt_put16(&seg, 6, 1);
    pkt_put16(&seg, 8, 2);              /* two answers cannot fit in 17 bytes */
    CHECK(!tcp_message(&seg, &found, &len));
    pkt_put16(&seg, 8, 0);
    pkt_put16(&seg, 6, 0);              /* nothing in it */
    CHECK(!tcp_message(&seg, &found, &len));
    seg.b[4] = 0x30;                    /* but a DSO message may be so */
    CHECK(tcp_message(&seg, &found, &len));
    pkt_put16(&seg, 0, 11);             /* shorter than a header */
    CHECK(!tcp_message(&seg, &found, &len));
}

int main(void)
{
    RUN(test_every_kept_record_type_is_read);
    RUN(test_sections_and_the_record_cap);
    RUN(test_address_records_of_the_wrong_size_give_no_address);
    RUN(test_names_in_record_data_must_end_within_it);
    RUN(test_srv_data_too_short_for_a_target_gives_none);
    RUN(test_compression_loops_and_forward_pointers_are_refused);
    RUN(test_a_chain_of_earlier_names_is_followed);
    RUN(test_name_length_and_label_count_limits);
    RUN(test_unprintable_bytes_and_bad_utf8_are_replaced);
    RUN(test_headers_that_cannot_be_read);
    RUN(test_truncated_and_mutated_messages_stay_in_bounds);
    RUN(test_txt_strings_one_by_one);
    RUN(test_dns_over_tcp_whole_messages_are_found);
    RUN(test_dns_over_tcp_partial_and_continuation_segments_are_skipped);
    RUN(test_dns_over_tcp_implausible_headers_are_skipped);
    return check_report();
}
