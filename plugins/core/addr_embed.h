/* addr_embed.h: IPv6 addresses that carry an IPv4 address.
 *
 * A host reached through NAT64, a 6to4 or Teredo tunnel, or written as an
 * IPv4-mapped address is an IPv4 host: its provider, region and AS are those
 * of the IPv4 address inside. These helpers find that address; the caller
 * looks it up instead of the IPv6 one and says which it did.
 *
 *   kind         prefix             where the IPv4 address is
 *   NAT64        64:ff9b::/96       last 32 bits (RFC 6052 well-known prefix)
 *   NAT64        64:ff9b:1::/48     last 32 bits (RFC 8215 local-use block,
 *                                   taken as holding /96 translation prefixes)
 *   IPv4-mapped  ::ffff:0:0/96      last 32 bits (RFC 4291 2.5.5.2)
 *   6to4         2002::/16          bits 16-47 (RFC 3056)
 *   Teredo       2001::/32          last 32 bits XOR 0xffffffff: the client's
 *                                   public address (RFC 4380 4)
 *
 * Teredo addresses hold two IPv4 addresses: the Teredo server's (bits 32-63)
 * and the client's public one as its NAT maps it (obfuscated in the last 32
 * bits). The client's is returned: that is where the host behind the
 * address is, and the only address of it the Internet sees; the server is
 * infrastructure the host merely registered with. (MaxMind's database
 * writer aliases Teredo to the server's address instead.)
 *
 * The IPv4 address found is returned as it is, even when it is private or
 * otherwise not global (a misconfigured 6to4 router announces 2002:c0a8::/32):
 * callers apply their own tests to it.
 *
 * Pure C: no epan calls.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_ADDR_EMBED_H
#define WSC_ADDR_EMBED_H

#include <stdbool.h>

#include "core/addr.h"

typedef enum {
    WSC_EMBED_NONE = 0,
    WSC_EMBED_NAT64,            /* 64:ff9b::/96 and 64:ff9b:1::/48 */
    WSC_EMBED_V4_MAPPED,        /* ::ffff:0:0/96 */
    WSC_EMBED_6TO4,             /* 2002::/16 */
    WSC_EMBED_TEREDO,           /* 2001::/32, the client's address */
} wsc_embed_kind_t;

/* True when `a` is an IPv6 address of one of the kinds above: *v4 is then
 * the IPv4 address inside and *kind (when not NULL) the kind. False for IPv4
 * addresses and every other IPv6 address: *v4 is not touched and *kind is
 * WSC_EMBED_NONE. */
bool wsc_addr_embedded_ipv4(const wsc_addr_t *a, wsc_addr_t *v4, wsc_embed_kind_t *kind);

/* "NAT64", "IPv4-mapped", "6to4", "Teredo"; NULL for WSC_EMBED_NONE and
 * values out of range. A static string. */
const char *wsc_embed_kind_name(wsc_embed_kind_t kind);

#endif /* WSC_ADDR_EMBED_H */
