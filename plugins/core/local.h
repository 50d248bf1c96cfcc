/* local.h: which addresses are the local site's own hosts.
 *
 * One fact shared by the three protocols: cloud never labels a local
 * address, iotcloud fingerprints only local hosts, delta_distance does not
 * geolocate them. Private, shared (CGNAT), link-local, loopback and
 * unique-local space is local; the iotcloud.local_networks preference adds
 * networks (a lab's public /24, say).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_LOCAL_H
#define WSC_LOCAL_H

#include <stdbool.h>

#include "core/addr.h"

/* Takes the preference's text; a bad list is reported once (naming `pref`)
 * and the previous list stays in force. */
void wsc_local_networks_apply(const char *pref, const char *text);

/* The added networks, NULL when none. */
const wsc_netlist_t *wsc_local_networks(void);

/* IPv6 prefixes the capture's routers advertise as on-link (Router
 * Advertisements from a link-local address with hop limit 255, RFC 4861):
 * a home's global IPv6 addresses. At most WSC_LEARNED_PREFIXES, of 48 to
 * 128 bits (a shorter "on-link" prefix would take a provider's whole space
 * for the LAN); forgotten when a capture is opened. */
#define WSC_LEARNED_PREFIXES 16
void wsc_local_learn_prefix(const uint8_t prefix[16], unsigned length);
void wsc_local_forget_learned(void);
bool wsc_local_in_learned(const wsc_addr_t *addr);
extern unsigned wsc_local_learned_count;

static inline bool wsc_is_local(const wsc_addr_t *addr)
{
    const wsc_netlist_t *added = wsc_local_networks();

    return wsc_addr_is_private(addr) || (added != NULL && wsc_netlist_contains(added, addr)) ||
           (addr->family == 6 && wsc_local_learned_count > 0 && wsc_local_in_learned(addr));
}

/* A host that can be annotated: neither local nor a group address. */
static inline bool wsc_is_remote_host(const wsc_addr_t *addr)
{
    return !wsc_addr_is_group(addr) && !wsc_is_local(addr);
}

#endif /* WSC_LOCAL_H */
