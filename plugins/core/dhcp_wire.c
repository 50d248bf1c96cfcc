/* dhcp_wire.c: BOOTP header and the client-describing DHCP options.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "core/dhcp_wire.h"

#define BOOTP_SNAME     44              /* server host name, 64 bytes */
#define BOOTP_SNAME_LEN 64
#define BOOTP_FILE      108             /* boot file name, 128 bytes */
#define BOOTP_FILE_LEN  128
#define BOOTP_FIXED     236             /* header up to the options' magic cookie */
#define OPTIONS_START   240
#define OPT_PAD         0
#define OPT_OVERLOAD    52
#define OPT_END         255
#define OVERLOAD_FILE   0x1             /* option 52's values: 1 file, 2 sname, 3 both */
#define OVERLOAD_SNAME  0x2
#define VALUE_MAX       1024            /* an option's value once its instances are joined */

/* The options this reader keeps, by code; each value is the concatenation
 * of the option's instances (RFC 3396) in the aggregate buffer's order. */
static const uint8_t wanted_codes[] = { 12, 53, 55, 60, 81 };

typedef struct {
    uint8_t bytes[VALUE_MAX];
    size_t  len;
    bool    seen;
} option_value_t;

typedef struct {
    option_value_t value[sizeof(wanted_codes)];
    uint8_t overload;                   /* option 52, honoured in the options field only */
} dhcp_options_t;

static inline uint16_t be16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }

/* Copies an option's text, replacing anything unprintable. */
static void copy_text(char *out, size_t size, const uint8_t *value, size_t len)
{
    size_t n;

    if (size == 0)
        return;
    n = len < size - 1 ? len : size - 1;
    for (size_t i = 0; i < n; i++)
        out[i] = (value[i] >= 0x20 && value[i] < 0x7F) ? (char)value[i] : '?';
    out[n] = '\0';
    while (n > 0 && (out[n - 1] == '?' || out[n - 1] == ' '))     /* trailing NULs, padding */
        out[--n] = '\0';
}

static void request_list(char *out, size_t size, const uint8_t *value, size_t len)
{
    size_t used = 0;

    out[0] = '\0';
    for (size_t i = 0; i < len && used + 5 < size; i++)
        used += (size_t)snprintf(out + used, size - used, "%s%u", i ? "," : "", value[i]);
}

static void take_option(wsc_dhcp_t *out, uint8_t code, const uint8_t *value, size_t len)
{
    switch (code) {
    case 12: copy_text(out->hostname, sizeof(out->hostname), value, len); break;
    case 53: if (len == 1) out->message_type = value[0]; break;
    case 55: request_list(out->request_list, sizeof(out->request_list), value, len); break;
    case 60: copy_text(out->vendor_class, sizeof(out->vendor_class), value, len); break;
    case 81:                            /* flags, two RCODEs, then the name (ASCII when E is clear) */
        if (len > 3 && (value[0] & 0x04) == 0)
            copy_text(out->fqdn, sizeof(out->fqdn), value + 3, len - 3);
        break;
    default: break;
    }
}

static void keep_option(dhcp_options_t *opts, uint8_t code, const uint8_t *value, size_t len)
{
    for (size_t i = 0; i < sizeof(wanted_codes); i++) {
        option_value_t *v = &opts->value[i];
        size_t take;
        if (wanted_codes[i] != code)
            continue;
        take = MIN(len, VALUE_MAX - v->len);        /* a longer value is cut, never overrun */
        memcpy(v->bytes + v->len, value, take);
        v->len += take;
        v->seen = true;
    }
}

/* Walks one area of options (the options field; file and sname when option
 * 52 says they hold options) up to its end option. Stops at an option that
 * does not fit, as Wireshark's pre-scan does. Option 52 counts only in the
 * options field (RFC 2131 4.1): `overload` is NULL for the others. */
static void walk_options(const uint8_t *area, size_t len, dhcp_options_t *opts, uint8_t *overload)
{
    size_t offset = 0;

    while (offset < len) {
        uint8_t code = area[offset], optlen;
        if (code == OPT_PAD) {
            offset++;
            continue;
        }
        if (code == OPT_END || offset + 1 >= len)
            break;
        optlen = area[offset + 1];
        if (offset + 2 + optlen > len)
            break;
        if (code == OPT_OVERLOAD && optlen == 1 && overload != NULL)
            *overload = area[offset + 2];
        keep_option(opts, code, area + offset + 2, optlen);
        offset += 2 + (size_t)optlen;
    }
}

bool wsc_dhcp_parse(const uint8_t *msg, size_t len, wsc_dhcp_t *out)
{
    static const uint8_t cookie[4] = { 0x63, 0x82, 0x53, 0x63 };
    dhcp_options_t *opts;

    memset(out, 0, sizeof(*out));
    if (msg == NULL || len < OPTIONS_START || memcmp(msg + BOOTP_FIXED, cookie, 4) != 0)
        return false;
    out->op = msg[0];
    if (msg[1] == 1 && msg[2] == 6) {   /* Ethernet, 6-byte hardware address */
        memcpy(out->chaddr, msg + 28, 6);
        out->has_chaddr = true;
    }
    wsc_addr_from_bytes(4, msg + 16, &out->yiaddr);
    /* RFC 3396 5: the aggregate option buffer is the options field, then
     * file, then sname, each ending at its own end option. */
    opts = g_new0(dhcp_options_t, 1);
    walk_options(msg + OPTIONS_START, len - OPTIONS_START, opts, &opts->overload);
    if (opts->overload & OVERLOAD_FILE)
        walk_options(msg + BOOTP_FILE, BOOTP_FILE_LEN, opts, NULL);
    if (opts->overload & OVERLOAD_SNAME)
        walk_options(msg + BOOTP_SNAME, BOOTP_SNAME_LEN, opts, NULL);
    for (size_t i = 0; i < sizeof(wanted_codes); i++)
        if (opts->value[i].seen)
            take_option(out, wanted_codes[i], opts->value[i].bytes, opts->value[i].len);
    g_free(opts);
    return true;
}

bool wsc_dhcpv6_vendor_class(const uint8_t *msg, size_t len, char *out, size_t size)
{
    size_t offset = 4;                  /* message type, transaction id */

    if (msg == NULL || out == NULL || size == 0)
        return false;
    while (offset + 4 <= len) {
        uint16_t code = be16(msg + offset), optlen = be16(msg + offset + 2);
        if (offset + 4 + optlen > len)
            return false;
        if (code == 16 && optlen >= 6) {                /* enterprise number, then opaque strings */
            size_t datalen = be16(msg + offset + 8);
            if (10 + datalen <= (size_t)optlen + 4 && datalen > 0) {
                copy_text(out, size, msg + offset + 10, datalen);
                return true;
            }
            return false;
        }
        offset += 4 + (size_t)optlen;
    }
    return false;
}
