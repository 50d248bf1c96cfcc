/* local.c: the local networks preference.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <wsutil/report_message.h>

#include "core/local.h"

static wsc_netlist_t *added;        /* NULL when the preference is empty */
static char *rejected;              /* last bad text, reported once */

#define MIN_LEARNED_LENGTH 48

typedef struct {
    uint8_t  prefix[16];            /* bits past length are zero */
    unsigned length;
} learned_t;

static learned_t learned[WSC_LEARNED_PREFIXES];
unsigned wsc_local_learned_count;

static bool in_prefix(const uint8_t *addr, const learned_t *p)
{
    unsigned whole = p->length / 8, rest = p->length % 8;

    return memcmp(addr, p->prefix, whole) == 0 &&
           (rest == 0 || (addr[whole] & (uint8_t)(0xFF00u >> rest)) == p->prefix[whole]);
}

bool wsc_local_in_learned(const wsc_addr_t *addr)
{
    for (unsigned i = 0; i < wsc_local_learned_count; i++)
        if (in_prefix(addr->bytes, &learned[i]))
            return true;
    return false;
}

void wsc_local_learn_prefix(const uint8_t prefix[16], unsigned length)
{
    if (length < MIN_LEARNED_LENGTH || length > 128 || wsc_local_learned_count == WSC_LEARNED_PREFIXES)
        return;
    for (unsigned i = 0; i < wsc_local_learned_count; i++)
        if (learned[i].length == length && memcmp(learned[i].prefix, prefix, 16) == 0)
            return;
    memcpy(learned[wsc_local_learned_count].prefix, prefix, 16);
    learned[wsc_local_learned_count].length = length;
    wsc_local_learned_count++;
}

void wsc_local_forget_learned(void)
{
    wsc_local_learned_count = 0;
}

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
