/* server_name.c: TLS/QUIC server names, from bytes or from a shown tree.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>

#include "core/fields.h"
#include "core/server_name.h"
#include "core/tls_wire.h"

#define HTTPS_PORT      443
#define IPPROTO_TCP_NUM 6
#define IPPROTO_UDP_NUM 17
#define TLS_APPLICATION_DATA 0x17

static wsc_field_t sni_field = { "tls.handshake.extensions_server_name", -1 };

void wsc_server_name_resolve(const char *who)
{
    wsc_fields_resolve(&sni_field, 1, who);
}

bool wsc_client_server_name(packet_info *pinfo, proto_tree *tree, const wsc_frame_t *f, char *out, size_t size)
{
    const char *sni;
    bool quic_initial, tls_continuation;

    if (f->payload == NULL)
        return false;
    if (f->ip.ipproto == IPPROTO_TCP_NUM && wsc_tls_client_hello_sni(f->payload, f->payload_len, out, size))
        return true;
    /* Walking the tree costs: only on the client's packets that may hold a hello. */
    quic_initial = f->ip.ipproto == IPPROTO_UDP_NUM && (f->payload[0] & 0xF0) == 0xC0;
    tls_continuation = f->ip.ipproto == IPPROTO_TCP_NUM && f->payload[0] != TLS_APPLICATION_DATA &&
                       wsc_has_layer(pinfo, "tls");
    if (!wsc_tree_visible(tree) || f->dport != HTTPS_PORT || !(quic_initial || tls_continuation))
        return false;
    sni = wsc_tree_find_string(tree, &sni_field);
    if (sni == NULL || sni[0] == '\0' || strlen(sni) >= size)
        return false;
    g_strlcpy(out, sni, size);
    return true;
}
