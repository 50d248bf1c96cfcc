/* ubnt_wire.c: the model a Ubiquiti discovery message names.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>

#include "core/ubnt_wire.h"
#include "core/text.h"

#define HEADER          4
#define ENTRY_HEADER    3
#define MODEL_SHORT     0x0c
#define MODEL_V2        0x15

static size_t be16(const uint8_t *p)
{
    return (size_t)p[0] << 8 | p[1];
}

bool wsc_ubnt_models(const uint8_t *msg, size_t len, void (*found)(void *ctx, const char *model), void *ctx)
{
    char model[WSC_UBNT_TEXT];
    size_t at = HEADER;

    if (len <= HEADER || (msg[0] != 1 && msg[0] != 2) || be16(msg + 2) != len - HEADER)
        return false;
    while (at < len) {
        uint8_t type;
        size_t value_len;

        if (len - at < ENTRY_HEADER)
            return false;
        type = msg[at];
        value_len = be16(msg + at + 1);
        at += ENTRY_HEADER;
        if (value_len > len - at)
            return false;
        if ((type == MODEL_SHORT || type == MODEL_V2) && value_len > 0 && value_len < sizeof(model) &&
            wsc_text_printable(msg + at, value_len)) {
            memcpy(model, msg + at, value_len);
            model[value_len] = '\0';
            found(ctx, model);
        }
        at += value_len;
    }
    return true;
}
