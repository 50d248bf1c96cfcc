/* tls_wire.c: walk a ClientHello to its server_name extension.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>

#include "core/tls_wire.h"

static inline uint16_t be16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }

/* Skips a vector whose length takes `width` bytes; false past the end. */
static bool skip_vector(const uint8_t *data, size_t end, size_t *offset, int width)
{
    size_t n;

    if (*offset + (size_t)width > end)
        return false;
    n = width == 1 ? data[*offset] : be16(data + *offset);
    *offset += (size_t)width + n;
    return *offset <= end;
}

static bool server_name(const uint8_t *ext, size_t len, char *sni, size_t size)
{
    size_t name_len;

    /* server_name_list length, name_type (0 = host_name), name length, name */
    if (len < 5 || ext[2] != 0)
        return false;
    name_len = be16(ext + 3);
    if (name_len == 0 || 5 + name_len > len || name_len >= size)
        return false;
    for (size_t i = 0; i < name_len; i++) {
        if (ext[5 + i] <= 0x20 || ext[5 + i] >= 0x7F)
            return false;
        sni[i] = (char)ext[5 + i];
    }
    sni[name_len] = '\0';
    return true;
}

bool wsc_tls_client_hello_sni(const uint8_t *data, size_t len, char *sni, size_t size)
{
    size_t offset, end, ext_end;

    /* record: handshake (22), version 3.x, length; handshake: ClientHello (1), length */
    if (data == NULL || len < 9 || data[0] != 22 || data[1] != 3 || data[5] != 1)
        return false;
    end = len;                              /* what this segment holds of the hello */
    offset = 9 + 2 + 32;                    /* client version, random */
    if (!skip_vector(data, end, &offset, 1) ||      /* session id */
        !skip_vector(data, end, &offset, 2) ||      /* cipher suites */
        !skip_vector(data, end, &offset, 1) ||      /* compression methods */
        offset + 2 > end)
        return false;
    ext_end = offset + 2 + be16(data + offset);
    offset += 2;
    if (ext_end > end)
        ext_end = end;                      /* the rest may be in the next segment */
    while (offset + 4 <= ext_end) {
        uint16_t type = be16(data + offset), ext_len = be16(data + offset + 2);
        if (offset + 4 + ext_len > ext_end)
            return false;
        if (type == 0)
            return server_name(data + offset + 4, ext_len, sni, size);
        offset += 4 + (size_t)ext_len;
    }
    return false;
}
