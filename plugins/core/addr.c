/* addr.c: address classification and network lists.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <wsutil/inet_addr.h>

#include "core/addr.h"
#include "core/hash.h"

typedef struct {
    wsc_addr_t net;             /* host bits cleared */
    unsigned   prefix_len;
} network_t;

struct wsc_netlist {
    GArray *networks;           /* network_t */
};

bool wsc_addr_from_bytes(int family, const uint8_t *bytes, wsc_addr_t *out)
{
    memset(out, 0, sizeof(*out));
    if (family != 4 && family != 6)
        return false;
    out->family = (uint8_t)family;
    memcpy(out->bytes, bytes, family == 4 ? 4 : 16);
    return true;
}

bool wsc_addr_from_address(const address *in, wsc_addr_t *out)
{
    if (in->type == AT_IPv4 && in->len == 4)
        return wsc_addr_from_bytes(4, (const uint8_t *)in->data, out);
    if (in->type == AT_IPv6 && in->len == 16)
        return wsc_addr_from_bytes(6, (const uint8_t *)in->data, out);
    return false;
}

/* Is `a` inside prefix/len (prefix given as bytes of the same family)? */
static bool in_prefix(const wsc_addr_t *a, const uint8_t *prefix, unsigned len)
{
    unsigned whole = len / 8, bits = len % 8;

    if (memcmp(a->bytes, prefix, whole) != 0)
        return false;
    if (bits == 0)
        return true;
    return ((a->bytes[whole] ^ prefix[whole]) & (uint8_t)(0xFF << (8 - bits))) == 0;
}

/* Tested bit by bit rather than against a table of prefixes: both plugins
 * ask this of both ends of every packet. */
static bool ipv4_is_private(const uint8_t *b)
{
    return b[0] == 10 ||                                    /* RFC 1918 */
           (b[0] == 172 && (b[1] & 0xF0) == 16) ||
           (b[0] == 192 && b[1] == 168) ||
           (b[0] == 100 && (b[1] & 0xC0) == 64) ||          /* RFC 6598 shared (CGNAT) space */
           (b[0] == 169 && b[1] == 254) ||                  /* link-local */
           b[0] == 127;                                     /* loopback */
}

static bool ipv6_is_private(const uint8_t *b)
{
    static const uint8_t loopback[16] = { [15] = 1 };

    return (b[0] & 0xFE) == 0xFC ||                         /* unique local, fc00::/7 */
           (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) ||       /* link-local, fe80::/10 */
           memcmp(b, loopback, sizeof(loopback)) == 0;
}

bool wsc_addr_is_private(const wsc_addr_t *a)
{
    return a->family == 4 ? ipv4_is_private(a->bytes) : a->family == 6 && ipv6_is_private(a->bytes);
}

bool wsc_addr_is_group(const wsc_addr_t *a)
{
    static const uint8_t zero[16];

    if (a->family == 4) {
        return (a->bytes[0] & 0xF0) == 0xE0 ||                      /* multicast */
               memcmp(a->bytes, "\xFF\xFF\xFF\xFF", 4) == 0 ||      /* broadcast */
               memcmp(a->bytes, zero, 4) == 0;
    }
    return a->bytes[0] == 0xFF || memcmp(a->bytes, zero, 16) == 0;
}

void wsc_addr_to_str(const wsc_addr_t *a, char buf[WSC_ADDR_STRLEN])
{
    if (a->family == 4)
        ws_inet_ntop4(a->bytes, buf, WSC_ADDR_STRLEN);
    else
        ws_inet_ntop6(a->bytes, buf, WSC_ADDR_STRLEN);
}

guint wsc_addr_hash(gconstpointer key)
{
    const wsc_addr_t *a = key;
    uint32_t v4;

    if (a->family == 4) {           /* the common case: one word */
        memcpy(&v4, a->bytes, sizeof(v4));
        return wsc_hash_mix32(v4);
    }
    return wsc_hash_bytes(a->bytes, sizeof(a->bytes));
}

gboolean wsc_addr_equal(gconstpointer a, gconstpointer b)
{
    return memcmp(a, b, sizeof(wsc_addr_t)) == 0;
}

/* "10.0.0.0/8", "fd00::/8" or a bare address (a host). The prefix length is
 * checked against the family only once the address has given one. */
static bool parse_network(const char *text, network_t *out)
{
    char **parts = g_strsplit(text, "/", 2);
    uint8_t bytes[16];
    unsigned max_len;
    bool ok = true;

    if (ws_inet_pton4(parts[0], (ws_in4_addr *)bytes)) {
        wsc_addr_from_bytes(4, bytes, &out->net);
    } else if (ws_inet_pton6(parts[0], (ws_in6_addr *)bytes)) {
        wsc_addr_from_bytes(6, bytes, &out->net);
    } else {
        g_strfreev(parts);
        return false;                   /* out->net was never set: nothing to read */
    }
    max_len = out->net.family == 4 ? 32 : 128;
    out->prefix_len = max_len;
    if (parts[1] != NULL) {
        char *end = NULL;
        guint64 len = g_ascii_strtoull(parts[1], &end, 10);
        ok = end != parts[1] && *end == '\0' && len <= max_len;
        out->prefix_len = (unsigned)len;
    }
    g_strfreev(parts);
    if (ok) {   /* clear host bits, so lookups compare prefixes only */
        for (unsigned bit = out->prefix_len; bit < max_len; bit++)
            out->net.bytes[bit / 8] &= (uint8_t)~(0x80 >> (bit % 8));
    }
    return ok;
}

wsc_netlist_t *wsc_netlist_parse(const char *text, char **why)
{
    wsc_netlist_t *list = g_new0(wsc_netlist_t, 1);
    char **items = g_strsplit_set(text ? text : "", ", \t;", -1);

    list->networks = g_array_new(FALSE, FALSE, sizeof(network_t));
    for (char **item = items; *item != NULL; item++) {
        network_t net;
        if (**item == '\0')
            continue;
        if (!parse_network(*item, &net)) {
            *why = g_strdup_printf("\"%s\" is not a network (such as 10.0.0.0/8 or fd00::/8)", *item);
            g_strfreev(items);
            wsc_netlist_free(list);
            return NULL;
        }
        g_array_append_val(list->networks, net);
    }
    g_strfreev(items);
    return list;
}

bool wsc_netlist_contains(const wsc_netlist_t *list, const wsc_addr_t *a)
{
    if (list == NULL)
        return false;
    for (guint i = 0; i < list->networks->len; i++) {
        const network_t *net = &g_array_index(list->networks, network_t, i);
        if (net->net.family == a->family && in_prefix(a, net->net.bytes, net->prefix_len))
            return true;
    }
    return false;
}

bool wsc_netlist_is_empty(const wsc_netlist_t *list)
{
    return list == NULL || list->networks->len == 0;
}

void wsc_netlist_free(wsc_netlist_t *list)
{
    if (list == NULL)
        return;
    g_array_free(list->networks, TRUE);
    g_free(list);
}
