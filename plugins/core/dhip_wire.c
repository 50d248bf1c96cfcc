/* dhip_wire.c: the model a Dahua discovery message names.
 *
 * The body is read as text, not parsed as JSON: the one string value after
 * the key is all that is needed, and a value with an escape is refused.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>

#include "core/dhip_wire.h"
#include "core/text.h"

#define HEADER      32
#define BODY_LEN_AT 16
#define MAX_BODY    4096

static const char KEY[] = "\"DeviceType\"";

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static size_t skip_blanks(const uint8_t *p, size_t at, size_t len)
{
    while (at < len && (p[at] == ' ' || p[at] == '\t' || p[at] == '\r' || p[at] == '\n'))
        at++;
    return at;
}

bool wsc_dhip_model(const uint8_t *msg, size_t len, char model[WSC_DHIP_TEXT])
{
    const uint8_t *body;
    size_t body_len, at, start;

    model[0] = '\0';
    if (len < HEADER || le32(msg) != HEADER || memcmp(msg + 4, "DHIP", 4) != 0)
        return false;
    body = msg + HEADER;
    body_len = le32(msg + BODY_LEN_AT);
    if (body_len > len - HEADER || body_len > MAX_BODY)
        return false;
    at = wsc_text_find(body, body_len, KEY);
    if (at == body_len)
        return false;
    at = skip_blanks(body, at + sizeof(KEY) - 1, body_len);
    if (at >= body_len || body[at] != ':')
        return false;
    at = skip_blanks(body, at + 1, body_len);
    if (at >= body_len || body[at] != '"')
        return false;
    start = ++at;
    while (at < body_len && body[at] != '"') {
        if (body[at] < 0x20 || body[at] > 0x7e || body[at] == '\\')
            return false;
        at++;
    }
    if (at == body_len || at == start || at - start >= WSC_DHIP_TEXT)
        return false;
    memcpy(model, body + start, at - start);
    model[at - start] = '\0';
    return true;
}
