/* http_wire.c: a bounded reader of HTTP-style header lines.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>

#include <glib.h>

#include "core/http_wire.h"

#define MAX_LINES 64

static const char *const methods[] = {
    "GET ", "POST ", "HEAD ", "PUT ", "DELETE ", "OPTIONS ", "PATCH ", "CONNECT ", "NOTIFY ", "M-SEARCH ",
    "SUBSCRIBE ",
};

static bool starts_with(const uint8_t *data, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);

    return len >= n && memcmp(data, prefix, n) == 0;
}

/* The header's value into out (trimmed, printable ASCII only). */
static void take_value(char *out, const uint8_t *value, size_t len)
{
    size_t n = 0;

    while (len > 0 && (*value == ' ' || *value == '\t')) {
        value++;
        len--;
    }
    while (len > 0 && (value[len - 1] == ' ' || value[len - 1] == '\t'))
        len--;
    for (size_t i = 0; i < len && n + 1 < WSC_HTTP_VALUE; i++)
        out[n++] = (value[i] >= 0x20 && value[i] < 0x7F) ? (char)value[i] : '?';
    out[n] = '\0';
}

static void take_header(wsc_http_t *out, const uint8_t *line, size_t len)
{
    static const struct { const char *name; size_t offset; } wanted[] = {
        { "host", offsetof(wsc_http_t, host) }, { "user-agent", offsetof(wsc_http_t, user_agent) },
        { "server", offsetof(wsc_http_t, server) }, { "location", offsetof(wsc_http_t, location) },
        { "nt", offsetof(wsc_http_t, nt) }, { "st", offsetof(wsc_http_t, st) }, { "usn", offsetof(wsc_http_t, usn) },
    };
    const uint8_t *colon = memchr(line, ':', len);
    size_t name_len;

    if (colon == NULL)
        return;
    name_len = (size_t)(colon - line);
    for (size_t i = 0; i < G_N_ELEMENTS(wanted); i++)
        if (strlen(wanted[i].name) == name_len &&
            g_ascii_strncasecmp((const char *)line, wanted[i].name, name_len) == 0)
            take_value((char *)out + wanted[i].offset, colon + 1, len - name_len - 1);
}

bool wsc_http_parse(const uint8_t *data, size_t len, wsc_http_t *out)
{
    size_t offset = 0;

    memset(out, 0, sizeof(*out));
    if (data == NULL)
        return false;
    if (starts_with(data, len, "HTTP/1.")) {
        out->kind = WSC_HTTP_RESPONSE;
    } else {
        for (size_t i = 0; i < G_N_ELEMENTS(methods) && out->kind == 0; i++)
            if (starts_with(data, len, methods[i])) {
                out->kind = WSC_HTTP_REQUEST;
                g_strlcpy(out->method, methods[i], strlen(methods[i]));    /* without the space */
            }
        if (out->kind == 0)
            return false;
    }
    for (int lines = 0; lines < MAX_LINES && offset < len; lines++) {
        const uint8_t *eol = memchr(data + offset, '\n', len - offset);
        size_t line_len = eol ? (size_t)(eol - (data + offset)) : len - offset;
        if (line_len > 0 && data[offset + line_len - 1] == '\r')
            line_len--;
        if (line_len == 0 && lines > 0)
            break;                      /* end of the headers */
        if (lines > 0)
            take_header(out, data + offset, line_len);
        if (eol == NULL)
            break;
        offset = (size_t)(eol - data) + 1;
    }
    return true;
}
