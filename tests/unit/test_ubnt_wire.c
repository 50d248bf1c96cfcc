/* test_ubnt_wire.c: the models a Ubiquiti discovery message names: version
 * 1 and 2 messages, entries that are no model, a controller's bare request,
 * hostile lengths, every truncation and single-byte mutation.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "check.h"
#include "pkt.h"

#include "core/ubnt_wire.h"

typedef struct {
    char models[4][WSC_UBNT_TEXT];
    unsigned n;
} seen_t;

static void found(void *ctx, const char *model)
{
    seen_t *seen = ctx;

    if (seen->n < 4)
        g_strlcpy(seen->models[seen->n], model, WSC_UBNT_TEXT);
    seen->n++;
}

static void entry(pkt_t *p, unsigned type, const void *value, size_t len)
{
    pkt_u8(p, type);
    pkt_u16(p, (uint16_t)len);
    pkt_bytes(p, value, len);
}

static void text_entry(pkt_t *p, unsigned type, const char *text)
{
    entry(p, type, text, strlen(text));
}

/* Header (version, command, length of the rest) then the entries. */
static void message(pkt_t *p, unsigned version, const pkt_t *entries)
{
    p->n = 0;
    pkt_u8(p, version);
    pkt_u8(p, version == 2 ? 6 : 0);
    pkt_u16(p, (uint16_t)entries->n);
    pkt_bytes(p, entries->b, entries->n);
}

static bool parse(const pkt_t *p, seen_t *seen)
{
    uint8_t *msg = check_copy(p->b, p->n);
    bool ok;

    memset(seen, 0, sizeof(*seen));
    ok = wsc_ubnt_models(msg, p->n, found, seen);
    check_free(msg);
    return ok;
}

/* A UniFi gateway's announcement as sent: MAC and address, host name, short
 * model, firmware, model again (version 2). */
static void gateway(pkt_t *p)
{
    static const uint8_t mac_ip[] = { 0x80, 0x2a, 0xa8, 0x8d, 0x69, 0x2c, 192, 168, 1, 1 };
    pkt_t entries = { .n = 0 };

    entry(&entries, 0x02, mac_ip, sizeof(mac_ip));
    text_entry(&entries, 0x0b, "ubnt");
    text_entry(&entries, 0x0c, "UGW3");
    text_entry(&entries, 0x03, "UniFiSecurityGateway.ER-e120.v4.3.33");
    text_entry(&entries, 0x15, "UGW3");
    message(p, 2, &entries);
}

static void test_version_2_announcement_names_its_model_in_both_entries(void)
{
    pkt_t p;
    seen_t seen;

    gateway(&p);
    CHECK(parse(&p, &seen));
    CHECK_UINT(seen.n, 2);
    CHECK_STR(seen.models[0], "UGW3");
    CHECK_STR(seen.models[1], "UGW3");
}

static void test_version_1_reply_names_its_model(void)
{
    pkt_t entries = { .n = 0 }, p;
    seen_t seen;

    text_entry(&entries, 0x0b, "camera");
    text_entry(&entries, 0x0c, "UVC-G4-Bullet");
    message(&p, 1, &entries);
    CHECK(parse(&p, &seen));
    CHECK_UINT(seen.n, 1);
    CHECK_STR(seen.models[0], "UVC-G4-Bullet");
}

static void test_request_and_other_protocols_name_nothing(void)
{
    static const uint8_t request_v1[] = { 1, 0, 0, 0 }, request_v2[] = { 2, 8, 0, 0 };
    static const uint8_t dns_like[] = { 0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00 };
    pkt_t p = { .n = 0 };
    seen_t seen;

    pkt_bytes(&p, request_v1, sizeof(request_v1));
    CHECK(!parse(&p, &seen) && seen.n == 0);
    p.n = 0;
    pkt_bytes(&p, request_v2, sizeof(request_v2));
    CHECK(!parse(&p, &seen) && seen.n == 0);
    p.n = 0;
    pkt_bytes(&p, dns_like, sizeof(dns_like));
    CHECK(!parse(&p, &seen) && seen.n == 0);
}

static void test_unprintable_empty_and_oversized_models_are_skipped(void)
{
    static const uint8_t binary[] = { 'U', 0x00, 'G' };
    char big[300];
    pkt_t entries = { .n = 0 }, p;
    seen_t seen;

    memset(big, 'A', sizeof(big));
    entry(&entries, 0x0c, binary, sizeof(binary));
    entry(&entries, 0x0c, "", 0);
    entry(&entries, 0x15, big, sizeof(big));
    text_entry(&entries, 0x15, "UAP-AC-Pro");
    message(&p, 2, &entries);
    CHECK(parse(&p, &seen));
    CHECK_UINT(seen.n, 1);
    CHECK_STR(seen.models[0], "UAP-AC-Pro");
}

static void test_entry_longer_than_the_message_stops_the_walk(void)
{
    pkt_t entries = { .n = 0 }, p;
    seen_t seen;

    text_entry(&entries, 0x0c, "U6-Lite");
    pkt_u8(&entries, 0x15);
    pkt_u16(&entries, 0xFFFF);                  /* claims 65535 bytes */
    pkt_bytes(&entries, "UDM", 3);
    message(&p, 2, &entries);
    CHECK(!parse(&p, &seen));
    CHECK_UINT(seen.n, 1);                      /* what came before it */
    CHECK_STR(seen.models[0], "U6-Lite");
}

static void test_length_field_must_match_the_message(void)
{
    pkt_t p;
    seen_t seen;

    gateway(&p);
    p.b[3]++;
    CHECK(!parse(&p, &seen) && seen.n == 0);
    gateway(&p);
    p.n--;
    CHECK(!parse(&p, &seen) && seen.n == 0);
}

static void test_truncated_and_mutated_messages_stay_in_bounds(void)
{
    static const uint8_t steering[] = { 0x00, 0x01, 0x02, 0x0C, 0x15, 0x7F, 0x80, 0xFF };
    pkt_variants_t it;
    pkt_t full, p;
    seen_t seen;

    gateway(&full);
    for (pkt_variants_init(&it, &full, steering, sizeof(steering)); pkt_variants_next(&it, &p);) {
        if (it.cut) {
            CHECK(parse(&p, &seen) == (p.n == full.n));
            continue;
        }
        parse(&p, &seen);
        for (unsigned i = 0; i < MIN(seen.n, 4u); i++)
            CHECK(strlen(seen.models[i]) > 0 && strlen(seen.models[i]) < WSC_UBNT_TEXT);
    }
}

int main(void)
{
    RUN(test_version_2_announcement_names_its_model_in_both_entries);
    RUN(test_version_1_reply_names_its_model);
    RUN(test_request_and_other_protocols_name_nothing);
    RUN(test_unprintable_empty_and_oversized_models_are_skipped);
    RUN(test_entry_longer_than_the_message_stops_the_walk);
    RUN(test_length_field_must_match_the_message);
    RUN(test_truncated_and_mutated_messages_stay_in_bounds);
    return check_report();
}
