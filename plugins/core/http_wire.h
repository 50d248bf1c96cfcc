/* http_wire.h: the start line and a few headers of an HTTP message or SSDP
 * datagram, from the first bytes of a payload.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_HTTP_WIRE_H
#define WSC_HTTP_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WSC_HTTP_VALUE 256

typedef enum { WSC_HTTP_REQUEST = 1, WSC_HTTP_RESPONSE } wsc_http_kind_t;

typedef struct {
    wsc_http_kind_t kind;
    char method[16];                    /* GET, NOTIFY, M-SEARCH ... */
    char host[WSC_HTTP_VALUE];
    char user_agent[WSC_HTTP_VALUE];
    char server[WSC_HTTP_VALUE];
    char location[WSC_HTTP_VALUE];
    char nt[WSC_HTTP_VALUE];            /* SSDP */
    char st[WSC_HTTP_VALUE];
    char usn[WSC_HTTP_VALUE];
} wsc_http_t;

/* False unless the bytes start like an HTTP request or response. */
bool wsc_http_parse(const uint8_t *data, size_t len, wsc_http_t *out);

#endif /* WSC_HTTP_WIRE_H */
