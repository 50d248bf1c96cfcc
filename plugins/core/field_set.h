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

#include "core/fields.h"

typedef struct {
    size_t      id_offset;      /* offsetof() the hf id in the caller's struct of ids */
    const char *key;            /* "provider": registered as PREFIX.provider */
    const char *name;           /* "Provider" */
    enum ftenum type;
    int         display;
    const char *blurb;          /* the description; " (WHO)" is appended */
} wsc_field_spec_t;

/* Registers one field per spec entry under `prefix`, storing each id in
 * `ids` (a struct of ints) at its offset; `label` starts each name
 * ("Destination " gives "Destination provider"). Names and descriptions live
 * for the process. `group` asks which of them are wanted: the field whose id
 * is the struct's member M is bit WSC_FIELD_BIT(struct type, M). */
void wsc_register_field_set(int proto, void *ids, const wsc_field_spec_t *spec, size_t n,
                            const char *prefix, const char *label, const char *who,
                            wsc_field_group_t *group);

#define WSC_FIELD_BIT(type, member) ((wsc_field_mask_t)1 << (offsetof(type, member) / sizeof(int)))

/* Where one set's items go on a packet: the tree, which of the set's fields
 * are wanted, and whether they are the hidden either-end copies. */
typedef struct {
    proto_tree      *tree;
    tvbuff_t        *tvb;
    wsc_field_mask_t wanted;
    bool             hidden;
} wsc_field_out_t;

/* Marks an item of the set generated (and hidden for either-end copies). */
proto_item *wsc_field_out_mark(const wsc_field_out_t *out, proto_item *item);

/* A string or unsigned field of the set, when it is wanted and (for a
 * string) known: the item, or NULL. */
proto_item *wsc_field_out_string(const wsc_field_out_t *out, int hf, wsc_field_mask_t bit, const char *value);
proto_item *wsc_field_out_uint(const wsc_field_out_t *out, int hf, wsc_field_mask_t bit, uint32_t value);

#endif /* WSC_FIELD_SET_H */
