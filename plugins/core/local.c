/* local.c: the local networks preference.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <wsutil/report_message.h>

#include "core/local.h"

static wsc_netlist_t *added;        /* NULL when the preference is empty */
static char *rejected;              /* last bad text, reported once */

const wsc_netlist_t *wsc_local_networks(void)
{
    return added;
}

void wsc_local_networks_apply(const char *pref, const char *text)
{
    char *why = NULL;
    wsc_netlist_t *parsed = wsc_netlist_parse(text, &why);

    if (parsed == NULL) {
        if (g_strcmp0(rejected, text) != 0)
            report_failure("%s: %s; keeping the previous list.", pref, why);
        g_free(rejected);
        rejected = g_strdup(text);
        g_free(why);
        return;
    }
    wsc_netlist_free(added);
    added = wsc_netlist_is_empty(parsed) ? (wsc_netlist_free(parsed), NULL) : parsed;
}
