/* test_sadp_wire.c: the model a Hikvision SADP message names: a camera's
 * and a recorder's answers, the tool's inquiry, other XML, blanks, models
 * too long or unprintable, every truncation and single-byte mutation.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "check.h"
#include "pkt.h"

#include "core/sadp_wire.h"

/* A camera's answer to the SADP tool, as it is sent (fields shortened). */
static const char CAMERA[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ProbeMatch><Uuid>3FA1FE68-B915-4053-A3E1-BCAD28917F3A</Uuid>"
    "<Types>inquiry</Types><DeviceType>139141</DeviceType><DeviceDescription>DS-2CD2143G2-I</DeviceDescription>"
    "<DeviceSN>DS-2CD2143G2-I20220315AAWRJ12345678</DeviceSN><CommandPort>8000</CommandPort>"
    "<MAC>bc-ad-28-91-7f-3a</MAC><IPv4Address>192.168.50.44</IPv4Address></ProbeMatch>";

static bool parse(const char *text, size_t len, char model[WSC_SADP_TEXT])
{
    uint8_t *msg = check_copy(text, len);
    bool ok = wsc_sadp_model(msg, len, model);

    check_free(msg);
    return ok;
}

static bool parse_text(const char *text, char model[WSC_SADP_TEXT])
{
    return parse(text, strlen(text), model);
}

static void test_camera_answer_names_its_model(void)
{
    char model[WSC_SADP_TEXT];

    CHECK(parse_text(CAMERA, model));
    CHECK_STR(model, "DS-2CD2143G2-I");
}

static void test_recorder_answer_names_its_model_around_blanks(void)
{
    char model[WSC_SADP_TEXT];

    CHECK(parse_text("<?xml version=\"1.0\"?>\r\n<ProbeMatch>\r\n  <DeviceDescription> DS-7608NI-K2/8P\r\n"
                     "</DeviceDescription>\r\n</ProbeMatch>", model));
    CHECK_STR(model, "DS-7608NI-K2/8P");
}

static void test_inquiry_and_other_xml_name_nothing(void)
{
    char model[WSC_SADP_TEXT];

    CHECK(!parse_text("<?xml version=\"1.0\" encoding=\"utf-8\"?><Probe><Uuid>13A888A9-F1B1-4020-AE9F-05607682D23B"
                      "</Uuid><Types>inquiry</Types></Probe>", model));
    CHECK_STR(model, "");
    /* a UPnP-style document with the same element: not SADP */
    CHECK(!parse_text("<root><DeviceDescription>Router</DeviceDescription></root>", model));
    CHECK_STR(model, "");
    CHECK(!parse("", 0, model));
}

static void test_empty_long_and_unprintable_models_name_nothing(void)
{
    char model[WSC_SADP_TEXT], text[512];
    char long_model[WSC_SADP_TEXT + 1];

    CHECK(!parse_text("<ProbeMatch><DeviceDescription>  </DeviceDescription></ProbeMatch>", model));
    memset(long_model, 'A', WSC_SADP_TEXT);
    long_model[WSC_SADP_TEXT] = '\0';
    g_snprintf(text, sizeof(text), "<ProbeMatch><DeviceDescription>%s</DeviceDescription></ProbeMatch>", long_model);
    CHECK(!parse_text(text, model));
    long_model[WSC_SADP_TEXT - 1] = '\0';       /* the longest that fits */
    g_snprintf(text, sizeof(text), "<ProbeMatch><DeviceDescription>%s</DeviceDescription></ProbeMatch>", long_model);
    CHECK(parse_text(text, model));
    CHECK_UINT(strlen(model), WSC_SADP_TEXT - 1);
    CHECK(!parse_text("<ProbeMatch><DeviceDescription>DS\x01" "2CD</DeviceDescription></ProbeMatch>", model));
    CHECK_STR(model, "");
}

static void test_message_cut_inside_the_model_names_nothing(void)
{
    char model[WSC_SADP_TEXT];
    const char *end = strstr(CAMERA, "</DeviceDescription>");

    CHECK(!parse(CAMERA, (size_t)(end - CAMERA), model));
    CHECK(parse(CAMERA, (size_t)(end - CAMERA) + strlen("</DeviceDescription>"), model));
    CHECK_STR(model, "DS-2CD2143G2-I");
}

static void test_truncated_and_mutated_messages_stay_in_bounds(void)
{
    static const uint8_t steering[] = { 0x00, '<', '>', '/', ' ', 0x7F, 0x80, 0xFF };
    char model[WSC_SADP_TEXT];
    pkt_variants_t it;
    pkt_t full = { .n = 0 }, p;

    pkt_text(&full, CAMERA);
    for (pkt_variants_init(&it, &full, steering, sizeof(steering)); pkt_variants_next(&it, &p);) {
        bool ok = parse((const char *)p.b, p.n, model);

        if (it.cut)
            CHECK(strlen(model) < WSC_SADP_TEXT);
        else if (ok)
            CHECK(strlen(model) > 0 && strlen(model) < WSC_SADP_TEXT);
        else
            CHECK_STR(model, "");
    }
}

int main(void)
{
    RUN(test_camera_answer_names_its_model);
    RUN(test_recorder_answer_names_its_model_around_blanks);
    RUN(test_inquiry_and_other_xml_name_nothing);
    RUN(test_empty_long_and_unprintable_models_name_nothing);
    RUN(test_message_cut_inside_the_model_names_nothing);
    RUN(test_truncated_and_mutated_messages_stay_in_bounds);
    return check_report();
}
