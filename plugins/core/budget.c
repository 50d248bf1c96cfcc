/* budget.c: the budget and its shares.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <glib.h>

#include "core/budget.h"

/* Percent of the budget per table. The tables a single flood fills together
 * (hosts and names; flows and the relations they feed) get their shares
 * side by side, so no flood reaches more than about half of the budget. */
static const unsigned share_percent[WSC_SHARE_COUNT] = {
    [WSC_SHARE_DEVICES]   = 15,
    [WSC_SHARE_HOSTS]     = 15,
    [WSC_SHARE_NAMES]     = 15,
    [WSC_SHARE_RTT]       = 20,
    [WSC_SHARE_FLOWS]     = 20,
    [WSC_SHARE_RELATIONS] = 10,
    [WSC_SHARE_LINES]     = 5,
};

static unsigned budget_mib = WSC_BUDGET_DEFAULT_MIB;

void wsc_budget_set_mib(unsigned mib)
{
    budget_mib = CLAMP(mib, WSC_BUDGET_MIN_MIB, WSC_BUDGET_MAX_MIB);
}

unsigned wsc_budget_mib(void)
{
    return budget_mib;
}

size_t wsc_budget_bytes(wsc_share_t share)
{
    return (size_t)budget_mib * 1024 * 1024 / 100 * share_percent[share];
}

unsigned wsc_budget_entries(wsc_share_t share, size_t entry_bytes, unsigned floor)
{
    size_t entries = wsc_budget_bytes(share) / MAX(entry_bytes, 1);

    return (unsigned)CLAMP(entries, floor, G_MAXUINT);
}
