/* fields.h: our own items, and other dissectors' fields when a tree is shown.
 *
 * The plugins read what they need from packet bytes (ip_peek.h and the
 * *_wire.h readers), so tshark never has to build a protocol tree just for
 * them. These helpers decide which of our items are worth adding, and find
 * the rare field only a reassembling or decrypting dissector knows, in a
 * tree that is being shown anyway. Reading a field_info's value changed
 * shape across Wireshark releases, so it happens only here.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_FIELDS_H
#define WSC_FIELDS_H

#include <stdbool.h>

#include <epan/packet.h>
#include <epan/proto.h>

typedef struct {
    const char *name;           /* display filter name, "tls.handshake.extensions_server_name" */
    int         hf;             /* resolved in handoff; -1 when this Wireshark lacks it */
} wsc_field_t;

/* Handoff: resolve ids by name; a missing field is logged once, under `who`. */
void wsc_fields_resolve(wsc_field_t *fields, size_t n, const char *who);

/* Will anyone read this field of ours: a shown tree, a filter, a column, -e?
 * Adding items nobody reads still costs; formatting them costs more. */
static inline bool wsc_wanted(proto_tree *tree, int hf)
{
    return hf >= 0 && proto_field_is_referenced(tree, hf);
}

/* Is the tree shown (details pane, tshark -V, -T fields)? */
static inline bool wsc_tree_visible(proto_tree *tree)
{
    return tree != NULL && PTREE_DATA(tree)->visible;
}

/* Which of a group of our fields are wanted, asked once a packet rather than
 * field by field: a packet shows up to some 40 of our fields, and a call to
 * proto_field_is_referenced() each cost more than the items themselves when
 * tshark -T fields asks for three. Bit i of a mask is the group's field i. */
#define WSC_FIELD_GROUP_MAX 32

typedef uint32_t wsc_field_mask_t;

typedef struct {
    const header_field_info *hfinfo[WSC_FIELD_GROUP_MAX];  /* NULL: no field at that bit */
    unsigned n;
} wsc_field_group_t;

/* After registration: field i of the group is *ids[i]. */
void wsc_field_group_init(wsc_field_group_t *group, int *const *ids, unsigned n);

/* The fields a display filter, a column, a coloring rule or -e asks for
 * (Wireshark marks them on every packet it primes). */
wsc_field_mask_t wsc_field_group_referenced(const wsc_field_group_t *group);

/* The fields worth adding to this tree: all of them when it is shown, as
 * proto_field_is_referenced() says for each. */
static inline wsc_field_mask_t wsc_field_group_wanted(const wsc_field_group_t *group, proto_tree *tree)
{
    if (tree == NULL)
        return 0;
    if (PTREE_DATA(tree)->visible)
        return group->n >= WSC_FIELD_GROUP_MAX ? ~(wsc_field_mask_t)0 : ((wsc_field_mask_t)1 << group->n) - 1;
    return wsc_field_group_referenced(group);
}

/* The first value of a string field, found by walking a shown tree. Only
 * call it on a visible tree, on the few packets that may hold the field;
 * NULL when absent. The string lives as long as the tree. */
const char *wsc_tree_find_string(proto_tree *tree, const wsc_field_t *f);

/* Does the packet carry this protocol (by filter name, "tls")? */
static inline bool wsc_has_layer(packet_info *pinfo, const char *proto)
{
    return proto_is_frame_protocol(pinfo->layers, proto);
}

#endif /* WSC_FIELDS_H */
