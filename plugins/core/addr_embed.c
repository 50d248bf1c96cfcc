/* addr_embed.c: IPv6 addresses that carry an IPv4 address.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>

#include "core/addr_embed.h"

/* A prefix that says where the IPv4 address sits and how it is encoded. */
typedef struct {
    wsc_embed_kind_t kind;
    uint8_t          prefix[12];
    unsigned         prefix_len;    /* whole bytes of `prefix` that must match */
    unsigned         v4_offset;     /* first byte of the IPv4 address */
    bool             inverted;      /* stored XOR 0xffffffff (Teredo) */
} embedding_t;

/* No two prefixes overlap, so their order does not matter. */
static const embedding_t embeddings[] = {
    /* 64:ff9b::/96. RFC 6052 3.1: the well-known prefix is only ever /96. */
    { WSC_EMBED_NAT64, { 0x00, 0x64, 0xff, 0x9b }, 12, 12, false },
    /* 64:ff9b:1::/48. RFC 8215 lets each network carve its own translation
     * prefixes from the block; /96 ones (IPv4 in the last 32 bits) are the
     * norm, as for the well-known prefix. Shorter ones would scatter the
     * IPv4 bytes around the u-octet and cannot be told apart from the
     * address alone. */
    { WSC_EMBED_NAT64, { 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01 }, 6, 12, false },
    /* ::ffff:0:0/96 */
    { WSC_EMBED_V4_MAPPED, { [10] = 0xff, [11] = 0xff }, 12, 12, false },
    /* 2002:AABB:CCDD::/48 carries AA.BB.CC.DD. */
    { WSC_EMBED_6TO4, { 0x20, 0x02 }, 2, 2, false },
    /* 2001:0000:server:flags:port:client, client and port obfuscated by
     * inverting every bit. */
    { WSC_EMBED_TEREDO, { 0x20, 0x01, 0x00, 0x00 }, 4, 12, true },
};

static const char *const kind_names[] = {
    [WSC_EMBED_NAT64] = "NAT64",
    [WSC_EMBED_V4_MAPPED] = "IPv4-mapped",
    [WSC_EMBED_6TO4] = "6to4",
    [WSC_EMBED_TEREDO] = "Teredo",
};

bool wsc_addr_embedded_ipv4(const wsc_addr_t *a, wsc_addr_t *v4, wsc_embed_kind_t *kind)
{
    if (kind != NULL)
        *kind = WSC_EMBED_NONE;
    if (a->family != 6)
        return false;
    for (size_t i = 0; i < sizeof(embeddings) / sizeof(embeddings[0]); i++) {
        const embedding_t *e = &embeddings[i];

        if (memcmp(a->bytes, e->prefix, e->prefix_len) != 0)
            continue;
        memset(v4, 0, sizeof(*v4));         /* the rest zero: keys hash as bytes */
        v4->family = 4;
        memcpy(v4->bytes, a->bytes + e->v4_offset, 4);
        if (e->inverted)
            for (size_t b = 0; b < 4; b++)
                v4->bytes[b] ^= 0xff;
        if (kind != NULL)
            *kind = e->kind;
        return true;
    }
    return false;
}

const char *wsc_embed_kind_name(wsc_embed_kind_t kind)
{
    if ((unsigned)kind >= sizeof(kind_names) / sizeof(kind_names[0]))
        return NULL;
    return kind_names[kind];      /* NULL for WSC_EMBED_NONE */
}
