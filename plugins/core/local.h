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

static inline bool wsc_is_local(const wsc_addr_t *addr)
{
    const wsc_netlist_t *added = wsc_local_networks();

    return wsc_addr_is_private(addr) || (added != NULL && wsc_netlist_contains(added, addr));
}

/* A host that can be annotated: neither local nor a group address. */
static inline bool wsc_is_remote_host(const wsc_addr_t *addr)
{
    return !wsc_addr_is_group(addr) && !wsc_is_local(addr);
}

#endif /* WSC_LOCAL_H */
