/* fields.c: field ids by name, and string values found in shown trees.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/ftypes/ftypes.h>

#include "core/fields.h"
#include "core/ws_compat.h"

void wsc_fields_resolve(wsc_field_t *fields, size_t n, const char *who)
{
    for (size_t i = 0; i < n; i++) {
        fields[i].hf = proto_registrar_get_id_byname(fields[i].name);
        if (fields[i].hf < 0)
            ws_warning("%s: this Wireshark has no field %s; the feature that reads it is off",
                       who, fields[i].name);
    }
}

void wsc_field_group_init(wsc_field_group_t *group, int *const *ids, unsigned n)
{
    memset(group, 0, sizeof(*group));
    group->n = MIN(n, WSC_FIELD_GROUP_MAX);
    for (unsigned i = 0; i < group->n; i++)
        group->hfinfo[i] = *ids[i] >= 0 ? proto_registrar_get_nth((guint)*ids[i]) : NULL;
}

wsc_field_mask_t wsc_field_group_referenced(const wsc_field_group_t *group)
{
    wsc_field_mask_t mask = 0;

    for (unsigned i = 0; i < group->n; i++)
        if (group->hfinfo[i] != NULL && group->hfinfo[i]->ref_type != HF_REF_TYPE_NONE)
            mask |= (wsc_field_mask_t)1 << i;
    return mask;
}

static const char *finfo_string(field_info *fi)
{
    switch (fi->hfinfo->type) {
    case FT_STRING:
    case FT_STRINGZ:
    case FT_UINT_STRING:
    case FT_STRINGZPAD:
    case FT_STRINGZTRUNC:
        return fvalue_get_string(wsc_finfo_value(fi));
    default:
        return NULL;
    }
}

const char *wsc_tree_find_string(proto_tree *tree, const wsc_field_t *f)
{
    GPtrArray *found;
    const char *value = NULL;

    if (tree == NULL || f->hf < 0)
        return NULL;
    found = proto_find_first_finfo(tree, f->hf);
    if (found != NULL && found->len > 0)
        value = finfo_string(g_ptr_array_index(found, 0));   /* the field_info lives with the tree */
    if (found != NULL)
        g_ptr_array_free(found, TRUE);
    return value;
}
