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

/* Is the field itself asked for: by a display filter, a column, a coloring
 * rule? Hidden items (the "either end" copies, cloud.provider) are only
 * worth adding then: a shown tree does not show them. */
static inline bool wsc_referenced(int hf)
{
    return hf >= 0 && proto_registrar_get_nth((guint)hf)->ref_type != HF_REF_TYPE_NONE;
}

/* Is the tree shown (details pane, tshark -V, -T fields)? */
static inline bool wsc_tree_visible(proto_tree *tree)
{
    return tree != NULL && PTREE_DATA(tree)->visible;
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
