/* ndp_wire.h: the on-link prefixes an IPv6 Router Advertisement announces.
 *
 * A home's IPv6 hosts have global addresses; what makes them local is the
 * prefix their router advertises as on-link (RFC 4861: a Router
 * Advertisement, ICMPv6 type 134, code 0, 16 bytes of header, then options
 * of a type byte and a length in units of 8 bytes; a Prefix Information
 * option, type 3, is 32 bytes: prefix length, flags (L = on-link, 0x80),
 * lifetimes, reserved, the 16-byte prefix).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_NDP_WIRE_H
#define WSC_NDP_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Calls found(ctx, prefix, length) for each Prefix Information option of
 * the ICMPv6 message `icmp` that has the on-link flag and a prefix length
 * of 1 to 128 (bits past it zeroed in `prefix`); false when it is no Router
 * Advertisement or an option runs past the message (the options before it
 * were reported). */
bool wsc_ra_prefixes(const uint8_t *icmp, size_t len,
                     void (*found)(void *ctx, const uint8_t prefix[16], unsigned length), void *ctx);

#endif /* WSC_NDP_WIRE_H */
