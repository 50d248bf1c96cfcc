/* fields.h: reading other dissectors' fields from the protocol tree.
 *
 * A postdissector declares the fields it reads (set_postdissector_wanted_hfids),
 * so tshark keeps them in the tree even when it is not shown, and finds them
 * with proto_get_finfo_ptr_array(), a hash lookup. Nothing here walks the tree.
 * Reading a field_info's value changed shape across Wireshark releases, so it
 * happens only here.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_FIELDS_H
#define WSC_FIELDS_H

#include <stdbool.h>
#include <stdint.h>

#include <epan/packet.h>
#include <epan/proto.h>

#include "core/addr.h"

typedef struct {
    const char *name;           /* display filter name, "dns.qry.name" */
    int         hf;             /* resolved in handoff; -1 when this Wireshark lacks it */
} wsc_field_t;

/* Handoff: resolve ids by name; a missing field is logged once, under `who`. */
void wsc_fields_resolve(wsc_field_t *fields, size_t n, const char *who);

/* Init: tell tshark to keep these fields (n == 0 clears the wish). */
void wsc_fields_want(dissector_handle_t handle, const wsc_field_t *fields, size_t n);

/* Every occurrence of the field in this packet's tree (NULL when none).
 * The array belongs to the tree: never free it. */
static inline GPtrArray *wsc_field_all(proto_tree *tree, const wsc_field_t *f)
{
    GPtrArray *all;

    if (tree == NULL || f->hf < 0)
        return NULL;
    all = proto_get_finfo_ptr_array(tree, f->hf);
    return (all != NULL && all->len > 0) ? all : NULL;
}

static inline field_info *wsc_field_first(proto_tree *tree, const wsc_field_t *f)
{
    GPtrArray *all = wsc_field_all(tree, f);
    return all ? (field_info *)g_ptr_array_index(all, 0) : NULL;
}

/* Will anyone read this field of ours: a shown tree, a filter, a column, -e?
 * Adding items nobody reads still costs; formatting them costs more. */
static inline bool wsc_wanted(proto_tree *tree, int hf)
{
    return hf >= 0 && proto_field_is_referenced(tree, hf);
}

/* Is the tree shown (details pane, tshark -V)? Summary texts are formatted only then. */
static inline bool wsc_tree_visible(proto_tree *tree)
{
    return tree != NULL && PTREE_DATA(tree)->visible;
}

/* Values. Each checks the field type and returns NULL/false on a mismatch. */
const char *wsc_finfo_string(field_info *fi);           /* FT_STRING, FT_STRINGZ, ... */
bool wsc_finfo_uint(field_info *fi, uint32_t *value);   /* FT_UINT8..32, FT_FRAMENUM */
bool wsc_finfo_bool(field_info *fi, bool *value);       /* FT_BOOLEAN */
bool wsc_finfo_addr(field_info *fi, wsc_addr_t *addr);  /* FT_IPv4, FT_IPv6 */
const uint8_t *wsc_finfo_ether(field_info *fi);         /* FT_ETHER: 6 bytes */

#endif /* WSC_FIELDS_H */
