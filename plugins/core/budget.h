/* budget.h: the memory the suite may keep for one capture, and each table's
 * share of it.
 *
 * Every table the suite fills from packets is bounded: its cap is its share
 * of one budget, the iotcloud.memory_budget preference, divided by what one
 * entry costs. At its cap a table makes room by evicting (and freeing) its
 * oldest entries, or refuses new ones where other tables point into it; each
 * table's comment says which, and docs/reliability.md lists them all with
 * their keys, caps and costs per entry. A hostile capture can then cost at
 * most the budget, whatever it holds.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_BUDGET_H
#define WSC_BUDGET_H

#include <stddef.h>

#define WSC_BUDGET_MIN_MIB      16
#define WSC_BUDGET_MAX_MIB      4096
#define WSC_BUDGET_DEFAULT_MIB  128

/* What a hash map entry costs beyond its key and value: wmem_map's item
 * (key, value, next), its share of the bucket array, the allocator's header. */
#define WSC_MAP_ENTRY_BYTES     48

typedef enum {
    WSC_SHARE_DEVICES,          /* iotcloud: devices and their identities */
    WSC_SHARE_HOSTS,            /* cloud: the per-address cache and its name bindings */
    WSC_SHARE_NAMES,            /* cloud: host names, by their bytes */
    WSC_SHARE_RTT,              /* delta_distance: conversations and responders */
    WSC_SHARE_FLOWS,            /* iotcloud: conversations with remote hosts, their endpoints */
    WSC_SHARE_RELATIONS,        /* iotcloud: activities, burst rings, candidate and LAN pairs */
    WSC_SHARE_LINES,            /* one statistic's lines (each instance has this much) */
    WSC_SHARE_COUNT
} wsc_share_t;

/* From the preference (MiB, already checked against its range); takes
 * effect when the next capture is opened. */
void wsc_budget_set_mib(unsigned mib);
unsigned wsc_budget_mib(void);

/* The bytes of the budget a table may hold. */
size_t wsc_budget_bytes(wsc_share_t share);

/* How many entries of entry_bytes each fit in the share, at least `floor`. */
unsigned wsc_budget_entries(wsc_share_t share, size_t entry_bytes, unsigned floor);

#endif /* WSC_BUDGET_H */
