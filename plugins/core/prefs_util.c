/* prefs_util.c: decimal string preferences.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <math.h>

#include <wireshark.h>
#include <wsutil/report_message.h>

#include "core/prefs_util.h"

bool wsc_parse_double(const char *text, double min, double max, double *value)
{
    char *end = NULL;
    double parsed;

    if (text == NULL)
        return false;
    while (g_ascii_isspace(*text))
        text++;
    if (*text == '\0')
        return false;
    parsed = g_ascii_strtod(text, &end);    /* "0.65" whatever LC_NUMERIC says */
    while (end && g_ascii_isspace(*end))
        end++;
    if (end == NULL || *end != '\0' || !isfinite(parsed) || parsed < min || parsed > max)
        return false;
    *value = parsed;
    return true;
}

bool wsc_double_pref_apply(wsc_double_pref_t *pref, const char *text)
{
    double parsed;

    if (wsc_parse_double(text, pref->min, pref->max, &parsed)) {
        bool changed = parsed != pref->value;
        pref->value = parsed;
        g_free(pref->rejected);
        pref->rejected = NULL;
        return changed;
    }
    /* Apply runs whenever any preference of the module changes: say it once. */
    if (g_strcmp0(text, pref->rejected) != 0) {
        report_failure("%s: \"%s\" is not a number from %g to %g; keeping %g.",
                       pref->name, text ? text : "", pref->min, pref->max, pref->value);
        g_free(pref->rejected);
        pref->rejected = g_strdup(text ? text : "");
    }
    return false;
}

bool wsc_uint_pref_apply(wsc_uint_pref_t *pref, unsigned raw)
{
    bool changed;

    if (raw >= pref->min && raw <= pref->max) {
        changed = raw != pref->value;
        pref->value = raw;
        pref->has_rejected = false;
        return changed;
    }
    if (!pref->has_rejected || pref->rejected != raw) {
        report_failure("%s: %u is not a number from %u to %u; keeping %u.",
                       pref->name, raw, pref->min, pref->max, pref->value);
        pref->rejected = raw;
        pref->has_rejected = true;
    }
    return false;
}
