/* prefs_util.h: preference values Wireshark has no type for.
 *
 * Wireshark 4.0 has no floating-point preference, so decimals (velocity
 * factors, coordinates, time windows) are string preferences parsed here.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_PREFS_UTIL_H
#define WSC_PREFS_UTIL_H

#include <stdbool.h>

/* A decimal preference: the value in force and what may replace it. */
typedef struct {
    const char *name;       /* "delta_distance.custom_vf": used in messages */
    double      min;        /* accepted range, inclusive */
    double      max;
    double      value;      /* in force; keeps its default until a valid text arrives */
    char       *rejected;   /* last text reported as invalid, so it is reported once */
} wsc_double_pref_t;

/* A whole-number preference: Wireshark's uint preference takes any 32-bit
 * value, so the range is checked here. */
typedef struct {
    const char *name;       /* "iotcloud.max_devices": used in messages */
    unsigned    min;        /* accepted range, inclusive */
    unsigned    max;
    unsigned    value;      /* in force; keeps its default until a valid value arrives */
    unsigned    rejected;   /* last value reported as out of range ... */
    bool        has_rejected;   /* ... when there is one */
} wsc_uint_pref_t;

/* Parses text as a finite decimal in [min, max], in any locale. */
bool wsc_parse_double(const char *text, double min, double max, double *value);

/* Takes text as the new value if it is valid; otherwise reports it once
 * (naming the preference and the value kept) and keeps the current value.
 * Returns true when the value in force changed. */
bool wsc_double_pref_apply(wsc_double_pref_t *pref, const char *text);

/* The same for a whole number: out of range, it is reported once and the
 * value in force stays. */
bool wsc_uint_pref_apply(wsc_uint_pref_t *pref, unsigned raw);

#endif /* WSC_PREFS_UTIL_H */
