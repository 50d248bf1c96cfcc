/* dhcp_wire.c: BOOTP header and the client-describing DHCP options.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include "core/dhcp_wire.h"

#define BOOTP_FIXED     236             /* header up to the options' magic cookie */
#define OPTIONS_START   240

static inline uint16_t be16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }

/* Copies an option's text, replacing anything unprintable. */
static void copy_text(char *out, size_t size, const uint8_t *value, size_t len)
{
    size_t n = len < size - 1 ? len : size - 1;

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

bool wsc_dhcp_parse(const uint8_t *msg, size_t len, wsc_dhcp_t *out)
{
    static const uint8_t cookie[4] = { 0x63, 0x82, 0x53, 0x63 };
    size_t offset = OPTIONS_START;

    memset(out, 0, sizeof(*out));
    if (msg == NULL || len < OPTIONS_START || memcmp(msg + BOOTP_FIXED, cookie, 4) != 0)
        return false;
    out->op = msg[0];
    if (msg[1] == 1 && msg[2] == 6) {   /* Ethernet, 6-byte hardware address */
        memcpy(out->chaddr, msg + 28, 6);
        out->has_chaddr = true;
    }
    wsc_addr_from_bytes(4, msg + 16, &out->yiaddr);
    while (offset < len) {
        uint8_t code = msg[offset], optlen;
        if (code == 0) {                /* pad */
            offset++;
            continue;
        }
        if (code == 255 || offset + 1 >= len)
            break;
        optlen = msg[offset + 1];
        if (offset + 2 + optlen > len)
            break;                      /* a truncated option: stop, as Wireshark's pre-scan does */
        take_option(out, code, msg + offset + 2, optlen);
        offset += 2 + (size_t)optlen;
    }
    return true;
}

bool wsc_dhcpv6_vendor_class(const uint8_t *msg, size_t len, char *out, size_t size)
{
    size_t offset = 4;                  /* message type, transaction id */

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
