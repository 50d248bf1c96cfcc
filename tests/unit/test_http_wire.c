/* test_http_wire.c: the start line and the headers the plugins keep of an
 * HTTP message or SSDP datagram, from the first bytes of a payload.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include "check.h"

#include "core/http_wire.h"

static bool parse(const char *text, size_t len, wsc_http_t *out)
{
    uint8_t *copy = check_copy(text, len);
    bool ok = wsc_http_parse(copy, len, out);

    check_free(copy);
    return ok;
}

static bool parse_text(const char *text, wsc_http_t *out)
{
    return parse(text, strlen(text), out);
}

static void test_a_request_gives_its_method_host_and_user_agent(void)
{
    wsc_http_t h;

    if (!CHECK(parse_text("GET /index.html HTTP/1.1\r\nHost: api.example.com:8080\r\n"
                          "User-Agent: Roku/DVP-9.10 (519.10E04111A)\r\nAccept: */*\r\n\r\nbody", &h)))
        return;
    CHECK_UINT(h.kind, WSC_HTTP_REQUEST);
    CHECK_STR(h.method, "GET");
    CHECK_STR(h.host, "api.example.com:8080");
    CHECK_STR(h.user_agent, "Roku/DVP-9.10 (519.10E04111A)");
    CHECK_STR(h.server, "");
}

static void test_every_method_is_recognised(void)
{
    static const char *const methods[] = { "GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH", "CONNECT",
                                           "NOTIFY", "M-SEARCH", "SUBSCRIBE" };
    wsc_http_t h;
    char line[64];

    for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
        snprintf(line, sizeof(line), "%s * HTTP/1.1\r\n\r\n", methods[i]);
        if (CHECK(parse_text(line, &h)))
            CHECK_STR(h.method, methods[i]);
    }
}

static void test_ssdp_headers_are_kept(void)
{
    wsc_http_t h;

    if (!CHECK(parse_text("NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nNT: urn:schemas-upnp-org:device:ZonePlayer:1\r\n"
                          "NTS: ssdp:alive\r\nLOCATION: http://192.168.1.20:1400/xml/device_description.xml\r\n"
                          "SERVER: Linux UPnP/1.0 Sonos/70.3-35220 (ZPS9)\r\nUSN: uuid:RINCON_000E58C683A401400::"
                          "urn:schemas-upnp-org:device:ZonePlayer:1\r\n\r\n", &h)))
        return;
    CHECK_STR(h.nt, "urn:schemas-upnp-org:device:ZonePlayer:1");
    CHECK_STR(h.location, "http://192.168.1.20:1400/xml/device_description.xml");
    CHECK_STR(h.server, "Linux UPnP/1.0 Sonos/70.3-35220 (ZPS9)");
    CHECK_STR(h.usn, "uuid:RINCON_000E58C683A401400::urn:schemas-upnp-org:device:ZonePlayer:1");
}

static void test_a_response_with_lf_only_lines_and_any_case_names(void)
{
    wsc_http_t h;

    if (!CHECK(parse_text("HTTP/1.1 200 OK\nst: upnp:rootdevice\nserver:\t Hue/1.0 \t\n\nX", &h)))
        return;
    CHECK_UINT(h.kind, WSC_HTTP_RESPONSE);
    CHECK_STR(h.method, "");
    CHECK_STR(h.st, "upnp:rootdevice");
    CHECK_STR(h.server, "Hue/1.0");
}

static void test_headers_end_at_the_empty_line(void)
{
    wsc_http_t h;

    CHECK(parse_text("GET / HTTP/1.1\r\nHost: a.example\r\n\r\nUser-Agent: in-the-body\r\n", &h));
    CHECK_STR(h.user_agent, "");
    CHECK(parse_text("GET / HTTP/1.1\r\nNot a header line\r\nHost: b.example", &h));   /* cut short */
    CHECK_STR(h.host, "b.example");
}

static void test_values_are_printable_and_bounded(void)
{
    char text[1024];
    wsc_http_t h;
    int n = snprintf(text, sizeof(text), "GET / HTTP/1.1\r\nUser-Agent: a\x01\x7f" "b\r\nHost: ");

    memset(text + n, 'h', 600);
    memcpy(text + n + 600, "\r\n\r\n", 4);
    CHECK(parse(text, (size_t)n + 604, &h));
    CHECK_STR(h.user_agent, "a??b");
    CHECK_UINT(strlen(h.host), WSC_HTTP_VALUE - 1);
}

static void test_only_64_lines_are_read(void)
{
    char text[4096];
    size_t n = (size_t)snprintf(text, sizeof(text), "NOTIFY * HTTP/1.1\r\n");
    wsc_http_t h;

    for (int i = 0; i < 62; i++)
        n += (size_t)snprintf(text + n, sizeof(text) - n, "X-Filler-%d: y\r\n", i);
    n += (size_t)snprintf(text + n, sizeof(text) - n, "NT: line-64\r\nUSN: line-65\r\n\r\n");
    CHECK(parse(text, n, &h));
    CHECK_STR(h.nt, "line-64");
    CHECK_STR(h.usn, "");
}

static void test_other_payloads_are_not_http(void)
{
    wsc_http_t h;

    CHECK(!parse_text("\x16\x03\x01\x02\x00\x01", &h));
    CHECK(!parse_text("get / HTTP/1.1\r\n", &h));          /* methods are case-sensitive */
    CHECK(!parse_text("GET", &h));
    CHECK(!parse_text("HTTP/2", &h));
    CHECK(!parse("", 0, &h));
    CHECK(!wsc_http_parse(NULL, 10, &h));
}

/* Every truncation of an SSDP response, on exact-size copies. */
static void test_every_truncation_stays_in_bounds(void)
{
    static const char ssdp[] = "HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\nLOCATION: http://10.0.0.5:80/d.xml\r\n"
                               "SERVER: FreeRTOS/6.0.5, UPnP/1.0, IpBridge/1.17.0\r\nST: upnp:rootdevice\r\n"
                               "USN: uuid:2f402f80-da50-11e1-9b23::upnp:rootdevice\r\n\r\n";
    wsc_http_t h;

    for (size_t len = 0; len < sizeof(ssdp); len++) {
        CHECK(parse(ssdp, len, &h) == (len >= 7));
        CHECK(strlen(h.server) < WSC_HTTP_VALUE && strlen(h.usn) < WSC_HTTP_VALUE);
    }
}

int main(void)
{
    RUN(test_a_request_gives_its_method_host_and_user_agent);
    RUN(test_every_method_is_recognised);
    RUN(test_ssdp_headers_are_kept);
    RUN(test_a_response_with_lf_only_lines_and_any_case_names);
    RUN(test_headers_end_at_the_empty_line);
    RUN(test_values_are_printable_and_bounded);
    RUN(test_only_64_lines_are_read);
    RUN(test_other_payloads_are_not_http);
    RUN(test_every_truncation_stays_in_bounds);
    return check_report();
}
