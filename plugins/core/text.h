/* text.h: text in bytes that are not a C string (packet payloads: no
 * terminator, NULs allowed), for the readers of discovery messages.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_TEXT_H
#define WSC_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The offset of needle in p[0..len), or len when it is not there. */
static inline size_t wsc_text_find(const uint8_t *p, size_t len, const char *needle)
{
    size_t n = strlen(needle);

    for (size_t at = 0; n <= len && at <= len - n; at++)
        if (p[at] == (uint8_t)needle[0] && memcmp(p + at, needle, n) == 0)
            return at;
    return len;
}

/* Are p[0..len) all printable ASCII? */
static inline bool wsc_text_printable(const uint8_t *p, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (p[i] < 0x20 || p[i] > 0x7e)
            return false;
    return true;
}

#endif /* WSC_TEXT_H */
