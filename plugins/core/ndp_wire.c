/* ndp_wire.c: the on-link prefixes of an IPv6 Router Advertisement.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>

#include "core/ndp_wire.h"

#define ICMPV6_ROUTER_ADVERTISEMENT 134
#define RA_HEADER                   16
#define OPTION_PREFIX_INFORMATION   3
#define PREFIX_OPTION_BYTES         32
#define FLAG_ON_LINK                0x80

/* The prefix with the bits past `length` cleared. */
static void masked(const uint8_t *from, unsigned length, uint8_t prefix[16])
{
    memcpy(prefix, from, 16);
    for (unsigned bit = length; bit < 128; bit++)
        prefix[bit / 8] &= (uint8_t)~(0x80u >> (bit % 8));
}

bool wsc_ra_prefixes(const uint8_t *icmp, size_t len,
                     void (*found)(void *ctx, const uint8_t prefix[16], unsigned length), void *ctx)
{
    size_t at = RA_HEADER;

    if (len < RA_HEADER || icmp[0] != ICMPV6_ROUTER_ADVERTISEMENT || icmp[1] != 0)
        return false;
    while (at < len) {
        size_t option_len;

        if (len - at < 2)
            return false;
        option_len = (size_t)icmp[at + 1] * 8;
        if (option_len == 0 || option_len > len - at)
            return false;                   /* a zero length is invalid (RFC 4861, 4.6) */
        if (icmp[at] == OPTION_PREFIX_INFORMATION && option_len == PREFIX_OPTION_BYTES) {
            unsigned length = icmp[at + 2];
            if ((icmp[at + 3] & FLAG_ON_LINK) && length >= 1 && length <= 128) {
                uint8_t prefix[16];
                masked(icmp + at + 16, length, prefix);
                found(ctx, prefix, length);
            }
        }
        at += option_len;
    }
    return true;
}
