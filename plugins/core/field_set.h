/* field_set.h: the same fields registered under several prefixes.
 *
 * Annotations of an address exist per end and for either end, as Wireshark's
 * own ip.geoip.src_country / ip.geoip.country: cloud.src.provider,
 * cloud.dst.provider and cloud.provider share one description here.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_FIELD_SET_H
#define WSC_FIELD_SET_H

#include <stddef.h>

#include <epan/proto.h>

typedef struct {
    size_t      id_offset;      /* offsetof() the hf id in the caller's struct of ids */
    const char *key;            /* "provider": registered as PREFIX.provider */
    const char *name;           /* "Provider" */
    enum ftenum type;
    int         display;
    const char *blurb;          /* the description; " (WHO)" is appended */
} wsc_field_spec_t;

/* Registers one field per spec entry under `prefix`, storing each id in
 * `ids` at its offset; `label` starts each name ("Destination " gives
 * "Destination provider"). Names and descriptions live for the process. */
void wsc_register_field_set(int proto, void *ids, const wsc_field_spec_t *spec, size_t n,
                            const char *prefix, const char *label, const char *who);

#endif /* WSC_FIELD_SET_H */
