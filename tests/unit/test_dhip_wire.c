/* test_dhip_wire.c: the model a Dahua discovery message names: a
 * recorder's and a camera's announcements, blanks around the colon, other
 * messages, hostile lengths, escapes and unprintable values, every
 * truncation and single-byte mutation.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "check.h"
#include "pkt.h"

#include "core/dhip_wire.h"

static const char RECORDER[] =
    "{\"method\":\"client.notifyDevInfo\",\"params\":{\"deviceInfo\":{\"AlarmInputChannels\":8,"
    "\"DeviceClass\":\"XVR\",\"DeviceType\":\"XVR5108HS-I3\",\"MachineName\":\"XVR\",\"SerialNo\":\"7A01234PAZ1234\","
    "\"Vendor\":\"Dahua\",\"Port\":37777}}}";

static void le32(pkt_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        pkt_u8(p, (v >> (8 * i)) & 0xff);
}

/* The 32-byte header (its length, "DHIP", the body's length twice), then
 * the body; body_len may lie. */
static void message(pkt_t *p, const char *body, uint32_t body_len)
{
    p->n = 0;
    le32(p, 0x20);
    pkt_bytes(p, "DHIP", 4);
    le32(p, 0);
    le32(p, 0);
    le32(p, body_len);
    le32(p, 0);
    le32(p, body_len);
    le32(p, 0);
    pkt_bytes(p, body, strlen(body));
}

static bool parse(const pkt_t *p, char model[WSC_DHIP_TEXT])
{
    uint8_t *msg = check_copy(p->b, p->n);
    bool ok = wsc_dhip_model(msg, p->n, model);

    check_free(msg);
    return ok;
}

static bool parse_body(const char *body, char model[WSC_DHIP_TEXT])
{
    pkt_t p;

    message(&p, body, (uint32_t)strlen(body));
    return parse(&p, model);
}

static void test_recorder_announcement_names_its_model(void)
{
    char model[WSC_DHIP_TEXT];

    CHECK(parse_body(RECORDER, model));
    CHECK_STR(model, "XVR5108HS-I3");
}

static void test_camera_announcement_with_blanks_names_its_model(void)
{
    char model[WSC_DHIP_TEXT];

    CHECK(parse_body("{ \"params\" : { \"deviceInfo\" : { \"DeviceType\" :\r\n \"IPC-HDW2431T-AS-S2\" } } }", model));
    CHECK_STR(model, "IPC-HDW2431T-AS-S2");
}

static void test_other_messages_name_nothing(void)
{
    char model[WSC_DHIP_TEXT];
    pkt_t p;

    CHECK(!parse_body("{\"method\":\"DHDiscover.search\",\"params\":{\"mac\":\"\",\"uni\":1}}", model));
    CHECK_STR(model, "");
    message(&p, RECORDER, (uint32_t)strlen(RECORDER));
    memcpy(p.b + 4, "DHIQ", 4);                 /* not the magic */
    CHECK(!parse(&p, model));
    message(&p, RECORDER, (uint32_t)strlen(RECORDER));
    p.b[0] = 0x21;                              /* another header length */
    CHECK(!parse(&p, model));
    p.n = 0;
    CHECK(!parse(&p, model));
}

static void test_body_length_beyond_the_message_names_nothing(void)
{
    char model[WSC_DHIP_TEXT];
    pkt_t p;

    message(&p, RECORDER, (uint32_t)strlen(RECORDER) + 1);
    CHECK(!parse(&p, model));
    message(&p, RECORDER, 0xFFFFFFFFu);
    CHECK(!parse(&p, model));
    /* a body length that stops before the value: the value is not read past it */
    message(&p, RECORDER, (uint32_t)(strstr(RECORDER, "XVR5108") - RECORDER) + 3);
    CHECK(!parse(&p, model));
    CHECK_STR(model, "");
}

static void test_escaped_empty_long_and_unprintable_values_name_nothing(void)
{
    char model[WSC_DHIP_TEXT], body[256], long_value[WSC_DHIP_TEXT + 1];

    CHECK(!parse_body("{\"DeviceType\":\"NVR\\u0041\"}", model));
    CHECK(!parse_body("{\"DeviceType\":\"\"}", model));
    CHECK(!parse_body("{\"DeviceType\":42}", model));
    CHECK(!parse_body("{\"DeviceType\":\"NVR\x01\"}", model));
    memset(long_value, 'N', WSC_DHIP_TEXT);
    long_value[WSC_DHIP_TEXT] = '\0';
    g_snprintf(body, sizeof(body), "{\"DeviceType\":\"%s\"}", long_value);
    CHECK(!parse_body(body, model));
    long_value[WSC_DHIP_TEXT - 1] = '\0';       /* the longest that fits */
    g_snprintf(body, sizeof(body), "{\"DeviceType\":\"%s\"}", long_value);
    CHECK(parse_body(body, model));
    CHECK_UINT(strlen(model), WSC_DHIP_TEXT - 1);
}

static void test_truncated_and_mutated_messages_stay_in_bounds(void)
{
    static const uint8_t steering[] = { 0x00, 0x20, '"', ':', '\\', 0x7F, 0x80, 0xFF };
    char model[WSC_DHIP_TEXT];
    pkt_variants_t it;
    pkt_t full, p;

    message(&full, RECORDER, (uint32_t)strlen(RECORDER));
    for (pkt_variants_init(&it, &full, steering, sizeof(steering)); pkt_variants_next(&it, &p);) {
        if (it.cut)
            CHECK(parse(&p, model) == (p.n == full.n));
        else if (parse(&p, model))
            CHECK(strlen(model) > 0 && strlen(model) < WSC_DHIP_TEXT);
        else
            CHECK_STR(model, "");
    }
}

int main(void)
{
    RUN(test_recorder_announcement_names_its_model);
    RUN(test_camera_announcement_with_blanks_names_its_model);
    RUN(test_other_messages_name_nothing);
    RUN(test_body_length_beyond_the_message_names_nothing);
    RUN(test_escaped_empty_long_and_unprintable_values_name_nothing);
    RUN(test_truncated_and_mutated_messages_stay_in_bounds);
    return check_report();
}
