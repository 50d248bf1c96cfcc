/* test_tls_wire.c: the server name of a TLS ClientHello at the start of a
 * TCP payload: found wherever it sits among the extensions, refused when it
 * is not a plain host name or not all there.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "check.h"
#include "pkt.h"

#include "core/tls_wire.h"

#define NAME "www.example.com"

static void extension(pkt_t *p, unsigned type, const void *data, size_t len)
{
    pkt_u16(p, type);
    pkt_u16(p, (unsigned)len);
    pkt_bytes(p, data, len);
}

static void sni_extension(pkt_t *p, unsigned name_type, const char *name)
{
    size_t len = strlen(name);

    pkt_u16(p, 0);
    pkt_u16(p, (unsigned)(len + 5));
    pkt_u16(p, (unsigned)(len + 3));    /* server_name_list */
    pkt_u8(p, name_type);
    pkt_u16(p, (unsigned)len);
    pkt_text(p, name);
}

/* A TLS record holding a ClientHello; the server name extension comes
 * after `before` other extensions, and `after` more follow it. */
static void client_hello(pkt_t *p, unsigned before, unsigned after, const char *name)
{
    static const uint8_t groups[8] = { 0, 6, 0, 0x1d, 0, 0x17, 0, 0x18 };
    size_t record, hello, exts;

    p->n = 0;
    pkt_u8(p, 22);
    pkt_u16(p, 0x0301);
    record = p->n;
    pkt_u16(p, 0);
    pkt_u8(p, 1);
    hello = p->n;
    pkt_u8(p, 0);
    pkt_u16(p, 0);
    pkt_u16(p, 0x0303);
    pkt_fill(p, 0x5A, 32);              /* random */
    pkt_u8(p, 32);                      /* session id */
    pkt_fill(p, 0x33, 32);
    pkt_u16(p, 4);                      /* cipher suites */
    pkt_u32(p, 0x13011302);
    pkt_u16(p, 0x0100);                 /* compression: null */
    exts = p->n;
    pkt_u16(p, 0);
    for (unsigned i = 0; i < before; i++)
        extension(p, 10, groups, sizeof(groups));
    if (name != NULL)
        sni_extension(p, 0, name);
    for (unsigned i = 0; i < after; i++)
        extension(p, 16, "\x00\x03\x02h2", 5);
    pkt_put16(p, exts, (unsigned)(p->n - exts - 2));
    pkt_put16(p, hello + 1, (unsigned)(p->n - hello - 3));
    pkt_put16(p, record, (unsigned)(p->n - record - 2));
}

static bool sni(const pkt_t *p, char *out, size_t size)
{
    uint8_t *copy = check_copy(p->b, p->n);
    bool ok = wsc_tls_client_hello_sni(copy, p->n, out, size);

    check_free(copy);
    return ok;
}

static void test_server_name_is_found_among_the_extensions(void)
{
    pkt_t p;
    char out[256];

    for (unsigned before = 0; before < 3; before++) {
        client_hello(&p, before, 2, NAME);
        if (CHECK(sni(&p, out, sizeof(out))))
            CHECK_STR(out, NAME);
    }
}

static void test_a_hello_without_server_name_gives_none(void)
{
    pkt_t p;
    char out[256];

    client_hello(&p, 2, 2, NULL);
    CHECK(!sni(&p, out, sizeof(out)));
}

static void test_only_plain_host_names_that_fit_are_taken(void)
{
    pkt_t p;
    char out[256];

    client_hello(&p, 0, 0, "bad name.example");
    CHECK(!sni(&p, out, sizeof(out)));
    client_hello(&p, 0, 0, "ctl\x01.example");
    CHECK(!sni(&p, out, sizeof(out)));
    client_hello(&p, 0, 0, "");
    CHECK(!sni(&p, out, sizeof(out)));
    client_hello(&p, 0, 0, NAME);
    CHECK(!sni(&p, out, strlen(NAME)));                 /* no room for the NUL */
    CHECK(sni(&p, out, strlen(NAME) + 1));
    p.b[p.n - strlen(NAME) - 3] = 1;                   /* a name type other than host_name */
    CHECK(!sni(&p, out, sizeof(out)));
}

static void test_other_records_and_handshakes_are_not_hellos(void)
{
    pkt_t p;
    char out[256];

    client_hello(&p, 0, 0, NAME);
    p.b[0] = 23;                        /* application data */
    CHECK(!sni(&p, out, sizeof(out)));
    p.b[0] = 22;
    p.b[1] = 2;                         /* SSL 2 */
    CHECK(!sni(&p, out, sizeof(out)));
    p.b[1] = 3;
    p.b[5] = 2;                         /* ServerHello */
    CHECK(!sni(&p, out, sizeof(out)));
    CHECK(!wsc_tls_client_hello_sni(NULL, 100, out, sizeof(out)));
}

static void test_a_hello_cut_after_its_server_name_still_gives_it(void)
{
    pkt_t p;
    char out[256];

    client_hello(&p, 1, 3, NAME);
    p.n -= 12;                          /* the rest is in the next segment */
    if (CHECK(sni(&p, out, sizeof(out))))
        CHECK_STR(out, NAME);
}

static void test_extension_lengths_that_overrun_give_none(void)
{
    pkt_t p;
    char out[256];

    client_hello(&p, 1, 0, NAME);
    pkt_put16(&p, p.n - strlen(NAME) - 7, 200);         /* the server_name extension's length */
    CHECK(!sni(&p, out, sizeof(out)));
    client_hello(&p, 0, 0, NAME);
    pkt_put16(&p, p.n - strlen(NAME) - 2, 100);         /* the name's length */
    CHECK(!sni(&p, out, sizeof(out)));
}

/* Every truncation gives the whole name or none; every single-byte mutation
 * gives none or a printable name within the buffer. */
static void test_truncated_and_mutated_hellos_stay_in_bounds(void)
{
    static const uint8_t steering[] = { 0x00, 0x01, 0x02, 0x16, 0x20, 0x7F, 0x80, 0xFF };
    pkt_variants_t it;
    pkt_t full, p;
    char out[64];

    client_hello(&full, 2, 1, NAME);
    for (pkt_variants_init(&it, &full, steering, sizeof(steering)); pkt_variants_next(&it, &p);) {
        if (!sni(&p, out, sizeof(out)))
            continue;
        if (it.cut)
            CHECK_STR(out, NAME);
        else
            CHECK(strlen(out) < sizeof(out) && strchr(out, ' ') == NULL);
    }
}

int main(void)
{
    RUN(test_server_name_is_found_among_the_extensions);
    RUN(test_a_hello_without_server_name_gives_none);
    RUN(test_only_plain_host_names_that_fit_are_taken);
    RUN(test_other_records_and_handshakes_are_not_hellos);
    RUN(test_a_hello_cut_after_its_server_name_still_gives_it);
    RUN(test_extension_lengths_that_overrun_give_none);
    RUN(test_truncated_and_mutated_hellos_stay_in_bounds);
    return check_report();
}
