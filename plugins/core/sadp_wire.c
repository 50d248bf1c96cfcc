/* sadp_wire.c: the model a Hikvision SADP message names.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>

#include "core/sadp_wire.h"
#include "core/text.h"

#define MAX_SCAN 4096                   /* a ProbeMatch is under 1 KB */

static const char DOCUMENT[] = "<ProbeMatch>";
static const char OPEN[] = "<DeviceDescription>";
static const char CLOSE[] = "</DeviceDescription>";

static bool blank(uint8_t c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool wsc_sadp_model(const uint8_t *msg, size_t len, char model[WSC_SADP_TEXT])
{
    size_t start, value_len;

    model[0] = '\0';
    len = len < MAX_SCAN ? len : MAX_SCAN;
    if (wsc_text_find(msg, len, DOCUMENT) == len || (start = wsc_text_find(msg, len, OPEN)) == len)
        return false;
    start += sizeof(OPEN) - 1;
    value_len = wsc_text_find(msg + start, len - start, CLOSE);
    if (value_len == len - start)
        return false;                   /* cut off before its end tag */
    while (value_len > 0 && blank(msg[start]))
        start++, value_len--;
    while (value_len > 0 && blank(msg[start + value_len - 1]))
        value_len--;
    if (value_len == 0 || value_len >= WSC_SADP_TEXT || !wsc_text_printable(msg + start, value_len))
        return false;
    memcpy(model, msg + start, value_len);
    model[value_len] = '\0';
    return true;
}
