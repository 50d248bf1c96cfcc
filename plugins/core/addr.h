/* addr.h: IP addresses as plain, hashable values, and lists of networks.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_ADDR_H
#define WSC_ADDR_H

#include <stdbool.h>
#include <stdint.h>

#include <glib.h>
#include <epan/address.h>
#include <wsutil/wmem/wmem.h>

/* An IPv4 or IPv6 address; IPv4 uses the first 4 bytes, the rest are zero,
 * so keys can be hashed and compared as bytes. */
typedef struct {
    uint8_t family;             /* 4 or 6 */
    uint8_t bytes[16];
} wsc_addr_t;

#define WSC_ADDR_STRLEN 46      /* INET6_ADDRSTRLEN */

/* From a Wireshark address of type AT_IPv4 or AT_IPv6; false otherwise. */
bool wsc_addr_from_address(const address *in, wsc_addr_t *out);
bool wsc_addr_from_bytes(int family, const uint8_t *bytes, wsc_addr_t *out);

static inline unsigned wsc_addr_len(const wsc_addr_t *a) { return a->family == 4 ? 4 : 16; }

/* Addresses that name hosts of the local site: RFC 1918, shared CGNAT space,
 * link-local, IPv6 unique-local; loopback too. Not multicast or broadcast. */
bool wsc_addr_is_private(const wsc_addr_t *a);
/* Multicast, broadcast, unspecified: no host behind them. */
bool wsc_addr_is_group(const wsc_addr_t *a);

void wsc_addr_to_str(const wsc_addr_t *a, char buf[WSC_ADDR_STRLEN]);

/* GHashFunc / GEqualFunc for wsc_addr_t keys (wmem_map). */
guint wsc_addr_hash(gconstpointer key);
gboolean wsc_addr_equal(gconstpointer a, gconstpointer b);

/* A list of networks ("10.0.0.0/8, 2001:db8::/32, 192.168.5.7"). */
typedef struct wsc_netlist wsc_netlist_t;

/* Parses a comma- or space-separated list; NULL and a reason (g_free) on error.
 * An empty text gives an empty list. */
wsc_netlist_t *wsc_netlist_parse(const char *text, char **why);
bool wsc_netlist_contains(const wsc_netlist_t *list, const wsc_addr_t *a);
bool wsc_netlist_is_empty(const wsc_netlist_t *list);
void wsc_netlist_free(wsc_netlist_t *list);

#endif /* WSC_ADDR_H */
