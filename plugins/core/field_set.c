/* field_set.c: register a set of fields under one prefix.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/proto.h>

#include "core/field_set.h"

void wsc_register_field_set(int proto, void *ids, const wsc_field_spec_t *spec, size_t n,
                            const char *prefix, const char *label, const char *who,
                            wsc_field_group_t *group)
{
    hf_register_info *info = g_new0(hf_register_info, n);   /* Wireshark keeps it */

    for (size_t i = 0; i < n; i++) {
        int *id = (int *)((char *)ids + spec[i].id_offset);
        *id = -1;
        info[i].p_id = id;
        /* "Destination " + "Provider" -> "Destination provider"; acronyms ("AS number") stay */
        bool acronym = spec[i].name[0] != '\0' && g_ascii_isupper(spec[i].name[1]);
        info[i].hfinfo.name = *label ? g_strdup_printf("%s%c%s", label,
                                                       acronym ? spec[i].name[0] : g_ascii_tolower(spec[i].name[0]),
                                                       spec[i].name + 1)
                                     : spec[i].name;
        info[i].hfinfo.abbrev = g_strdup_printf("%s.%s", prefix, spec[i].key);
        info[i].hfinfo.type = spec[i].type;
        info[i].hfinfo.display = spec[i].display;
        info[i].hfinfo.blurb = g_strdup_printf("%s (%s)", spec[i].blurb, who);
        HFILL_INIT(info[i]);
    }
    proto_register_field_array(proto, info, (int)n);
    memset(group, 0, sizeof(*group));
    for (size_t i = 0; i < n; i++) {
        size_t bit = spec[i].id_offset / sizeof(int);
        int id = *(int *)((char *)ids + spec[i].id_offset);
        if (bit < WSC_FIELD_GROUP_MAX && id >= 0) {
            group->hfinfo[bit] = proto_registrar_get_nth((guint)id);
            group->n = MAX(group->n, (unsigned)bit + 1);
        }
    }
}

proto_item *wsc_field_out_mark(const wsc_field_out_t *out, proto_item *item)
{
    proto_item_set_generated(item);
    if (out->hidden)
        proto_item_set_hidden(item);
    return item;
}

proto_item *wsc_field_out_string(const wsc_field_out_t *out, int hf, wsc_field_mask_t bit, const char *value)
{
    if (value == NULL || !(out->wanted & bit))
        return NULL;
    return wsc_field_out_mark(out, proto_tree_add_string(out->tree, hf, out->tvb, 0, 0, value));
}

proto_item *wsc_field_out_uint(const wsc_field_out_t *out, int hf, wsc_field_mask_t bit, uint32_t value)
{
    if (!(out->wanted & bit))
        return NULL;
    return wsc_field_out_mark(out, proto_tree_add_uint(out->tree, hf, out->tvb, 0, 0, value));
}
