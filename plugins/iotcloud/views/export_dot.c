/* export_dot.c: tshark -z iotcloud,dot[,filter]: a Graphviz graph.
 *
 *   local devices  ->  providers and relays  (edges: bytes both ways, wider for more)
 *   device <-> device                        (traffic on the LAN, grey)
 *   A -> provider/relay -> B                 (a cloud-mediated pair: a red path)
 *   A - - B                                  (a pair that also talks on the LAN: dashed green)
 *
 * Node ids say what they are ("dev:192.168.1.5", "cloud:AWS",
 * "relay:54.194.162.98:2048"), so scripts can read `dot -Tplain`.
 * Render with Debian's graphviz: dot -Tsvg graph.dot > graph.svg.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>

#include <math.h>

#include "iotcloud/mediated.h"
#include "views.h"

#define COLOR_DEVICE    "#dbeafe"
#define COLOR_CLOUD     "#fef3c7"
#define COLOR_RELAY     "#fde68a"
#define COLOR_TRAFFIC   "#6b7280"
#define COLOR_LAN       "#9ca3af"
#define COLOR_MEDIATED  "#dc2626"
#define COLOR_DIRECT    "#16a34a"
#define UNLABELLED_NODE "cloud:(no provider known)"

/* --- quoting -------------------------------------------------------------- */

/* A DOT string: quotes and backslashes escaped, line breaks as DOT's \n,
 * other control characters and invalid UTF-8 (names come from packets)
 * made harmless. */
static void put_quoted(FILE *out, const char *text)
{
    char *valid = g_utf8_make_valid(text, -1);

    fputc('"', out);
    for (const char *p = valid; *p != '\0'; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", out);
        else if ((unsigned char)*p < 0x20)
            fputc(' ', out);
        else
            fputc(*p, out);
    }
    fputc('"', out);
    g_free(valid);
}

/* "25.5 kB" */
static void bytes_text(uint64_t bytes, char *buf, size_t size)
{
    if (bytes < 1000)
        snprintf(buf, size, "%" PRIu64 " B", bytes);
    else if (bytes < 1000000)
        snprintf(buf, size, "%.1f kB", bytes / 1e3);
    else if (bytes < 1000000000)
        snprintf(buf, size, "%.1f MB", bytes / 1e6);
    else
        snprintf(buf, size, "%.1f GB", bytes / 1e9);
}

/* Wider and shorter for more bytes: a log scale, 1 kB ~ 1.3 pt, 1 MB ~ 4 pt. */
static double pen_width(uint64_t bytes)
{
    return 1.0 + log10(1.0 + bytes / 1024.0);
}

static int layout_weight(uint64_t bytes)
{
    return 1 + (int)log2(1.0 + bytes / 1024.0);
}

/* --- nodes ---------------------------------------------------------------- */

/* A device's node id: its first address, or its id once that address went
 * to an earlier device (recycled addresses). */
static char *device_node(const inventory_t *inv, const inv_device_t *dev)
{
    char addr[WSC_ADDR_STRLEN];

    wsc_addr_to_str(&dev->addrs[0].addr, addr);
    if (inventory_by_addr(inv, &dev->addrs[0].addr) == dev)
        return g_strdup_printf("dev:%s", addr);
    return g_strdup_printf("dev:%s#%u", addr, dev->id);
}

static void put_device_node(FILE *out, const inventory_t *inv, const inv_device_t *dev)
{
    char *id = device_node(inv, dev), *addrs = inventory_addresses_text(dev);
    GString *label = g_string_new(NULL);

    g_string_append_printf(label, "%s %s", dev->vendor ? dev->vendor : "unknown vendor",
                           dev->type ? dev->type : "device");
    if (dev->name != NULL)
        g_string_append_printf(label, "\n%s", dev->name);
    g_string_append_printf(label, "\n%s", addrs);
    fputs("  ", out);
    put_quoted(out, id);
    fputs(" [label=", out);
    put_quoted(out, label->str);
    fputs("];\n", out);
    g_string_free(label, TRUE);
    g_free(addrs);
    g_free(id);
}

static void put_cloud_node(FILE *out, const char *id, const char *label, const char *shape, const char *color)
{
    fputs("    ", out);
    put_quoted(out, id);
    fputs(" [label=", out);
    put_quoted(out, label);
    fprintf(out, ", shape=%s, style=filled, fillcolor=\"%s\"];\n", shape, color);
}

/* The providers of every device, the relays of every relay pair, and the
 * providers a correlated pair goes through: each once. */
static void collect_cloud_nodes(const inventory_t *inv, GHashTable *providers, GHashTable *relays, bool *unlabelled)
{
    for (unsigned row = 0; row < inventory_count(inv); row++) {
        const inv_device_t *dev = inventory_device(inv, row);

        for (guint i = 0; i < dev->providers->len; i++)
            g_hash_table_add(providers, ((inv_provider_t *)g_ptr_array_index(dev->providers, i))->name);
        *unlabelled |= dev->unlabelled.packets > 0;
    }
    for (unsigned i = 0; i < mediated_count(); i++) {
        const relation_t *r = mediated_relation(i);

        if (r == NULL || r->withdrawn ||
            (inventory_by_id(inv, r->from) == NULL && inventory_by_id(inv, r->to) == NULL))
            continue;
        g_hash_table_add(r->kind == MEDIATED_RELAY ? relays : providers, (gpointer)r->via);
    }
}

static void put_cloud_nodes(FILE *out, const inventory_t *inv)
{
    GHashTable *providers = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTable *relays = g_hash_table_new(g_str_hash, g_str_equal);
    bool unlabelled = false;
    GList *names, *l;

    collect_cloud_nodes(inv, providers, relays, &unlabelled);
    fputs("  subgraph cluster_cloud {\n    label=\"Cloud\"; style=\"rounded,dashed\"; color=\"#9ca3af\";\n", out);
    names = g_list_sort(g_hash_table_get_keys(providers), (GCompareFunc)strcmp);
    for (l = names; l != NULL; l = l->next) {
        char *id = g_strdup_printf("cloud:%s", (const char *)l->data);
        put_cloud_node(out, id, l->data, "ellipse", COLOR_CLOUD);
        g_free(id);
    }
    g_list_free(names);
    names = g_list_sort(g_hash_table_get_keys(relays), (GCompareFunc)strcmp);
    for (l = names; l != NULL; l = l->next) {
        char *id = g_strdup_printf("relay:%s", (const char *)l->data);
        char *label = g_strdup_printf("relay\n%s", (const char *)l->data);
        put_cloud_node(out, id, label, "diamond", COLOR_RELAY);
        g_free(label);
        g_free(id);
    }
    g_list_free(names);
    if (unlabelled)
        put_cloud_node(out, UNLABELLED_NODE, "hosts of no known provider", "ellipse", "#f3f4f6");
    fputs("  }\n", out);
    g_hash_table_destroy(providers);
    g_hash_table_destroy(relays);
}

/* --- edges ---------------------------------------------------------------- */

/* Both ways: the label and the pen say how many bytes. */
static void put_traffic_edge(FILE *out, const char *from, const char *to, const inv_count_t *traffic,
                             const char *color, const char *extra)
{
    char total[32];

    bytes_text(traffic->bytes, total, sizeof(total));
    fputs("  ", out);
    put_quoted(out, from);
    fputs(" -> ", out);
    put_quoted(out, to);
    fprintf(out, " [label=\"%s\", penwidth=%.2f, weight=%d, color=\"%s\"%s];\n", total,
            pen_width(traffic->bytes), layout_weight(traffic->bytes), color, extra);
}

/* Both ways, drawn from `a` to `b` so that dot ranks b after a. */
static void put_both_ways(FILE *out, const char *a, const char *b, const inv_count_t *traffic)
{
    put_traffic_edge(out, a, b, traffic, COLOR_TRAFFIC, ", dir=both, arrowsize=0.5");
}

/* A device's traffic with each provider and with hosts of no known
 * provider. A device the cloud pushes (the far end of a mediated pair) is
 * drawn right of its providers, the others left of them: devices ->
 * cloud -> devices. */
static void put_device_edges(FILE *out, const inventory_t *inv, const inv_device_t *dev, bool pushed)
{
    char *node = device_node(inv, dev);

    for (guint i = 0; i < dev->providers->len; i++) {
        const inv_provider_t *p = g_ptr_array_index(dev->providers, i);
        char *cloud = g_strdup_printf("cloud:%s", p->name);

        put_both_ways(out, pushed ? cloud : node, pushed ? node : cloud, &p->total);
        g_free(cloud);
    }
    if (dev->unlabelled.packets > 0)
        put_both_ways(out, pushed ? UNLABELLED_NODE : node, pushed ? node : UNLABELLED_NODE, &dev->unlabelled);
    g_free(node);
}

typedef struct {
    const inv_device_t *a, *b;          /* a seen first */
    inv_count_t         traffic;
} lan_pair_t;

static gint pair_order(gconstpointer x, gconstpointer y)
{
    const lan_pair_t *p = x, *q = y;

    if (p->a->row != q->a->row)
        return p->a->row < q->a->row ? -1 : 1;
    return p->b->row < q->b->row ? -1 : p->b->row > q->b->row;
}

/* Traffic between two local devices, one edge per pair: what each side
 * sent the other (the analysis counts a LAN packet for its sender). */
static void put_lan_edges(FILE *out, const inventory_t *inv)
{
    GHashTable *pairs = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    GList *list, *l;

    for (unsigned row = 0; row < inventory_count(inv); row++) {
        const inv_device_t *dev = inventory_device(inv, row);

        for (unsigned i = 0; i < dev->n_peers; i++) {
            const inv_device_t *peer = inventory_by_addr(inv, &dev->peers[i].addr);
            lan_pair_t *pair;
            gint64 key;

            if (peer == NULL || peer == dev)
                continue;               /* a device this view did not see */
            key = (gint64)MIN(dev->row, peer->row) << 32 | MAX(dev->row, peer->row);
            if ((pair = g_hash_table_lookup(pairs, &key)) == NULL) {
                pair = g_new0(lan_pair_t, 1);
                pair->a = dev->row < peer->row ? dev : peer;
                pair->b = dev->row < peer->row ? peer : dev;
                g_hash_table_insert(pairs, g_memdup2(&key, sizeof(key)), pair);
            }
            pair->traffic.packets += dev->peers[i].total.packets;
            pair->traffic.bytes += dev->peers[i].total.bytes;
        }
    }
    list = g_list_sort(g_hash_table_get_values(pairs), pair_order);
    for (l = list; l != NULL; l = l->next) {
        lan_pair_t *pair = l->data;
        char *a = device_node(inv, pair->a), *b = device_node(inv, pair->b);

        put_traffic_edge(out, a, b, &pair->traffic, COLOR_LAN,
                         ", dir=both, arrowsize=0.5, style=dotted, constraint=false");
        g_free(b);
        g_free(a);
        g_free(pair);
    }
    g_list_free(list);
    g_hash_table_destroy(pairs);
}

/* A device of a relation: its node when this view saw it, else its address. */
static char *relation_end(const inventory_t *inv, device_id_t id, const wsc_addr_t *addr)
{
    const inv_device_t *dev = inventory_by_id(inv, id);
    char text[WSC_ADDR_STRLEN];

    if (dev != NULL)
        return device_node(inv, dev);
    wsc_addr_to_str(addr, text);
    return g_strdup_printf("dev:%s", text);
}

static void put_path_edge(FILE *out, const char *from, const char *to, const char *label)
{
    fputs("  ", out);
    put_quoted(out, from);
    fputs(" -> ", out);
    put_quoted(out, to);
    fputs(" [color=\"" COLOR_MEDIATED "\", fontcolor=\"" COLOR_MEDIATED "\", penwidth=3, class=\"mediated\"", out);
    if (label != NULL) {
        fputs(", label=", out);
        put_quoted(out, label);
    }
    fputs("];\n", out);
}

static void put_relation(FILE *out, const inventory_t *inv, const relation_t *r)
{
    char *from = relation_end(inv, r->from, &r->from_addr), *to = relation_end(inv, r->to, &r->to_addr);
    bool relay = r->kind == MEDIATED_RELAY;
    char *via = g_strdup_printf("%s:%s", relay ? "relay" : "cloud", r->via);
    char *label = g_strdup_printf("%s, %u %s", relay ? "relay" : "correlated", r->events,
                                  relay ? "packets" : "events");

    if (r->direct) {
        char *direct = g_strdup_printf("direct, %u packets\nalso %s via %s", r->direct_packets,
                                       relay ? "relayed" : "correlated", r->via);
        fputs("  ", out);
        put_quoted(out, from);
        fputs(" -> ", out);
        put_quoted(out, to);
        fputs(" [color=\"" COLOR_DIRECT "\", fontcolor=\"" COLOR_DIRECT "\", style=dashed, penwidth=2, "
              "constraint=false, class=\"direct\", label=", out);
        put_quoted(out, direct);
        fputs("];\n", out);
        g_free(direct);
    } else {
        put_path_edge(out, from, via, label);
        put_path_edge(out, via, to, NULL);
    }
    g_free(label);
    g_free(via);
    g_free(to);
    g_free(from);
}

static void put_relations(FILE *out, const inventory_t *inv)
{
    for (unsigned i = 0; i < mediated_count(); i++) {
        const relation_t *r = mediated_relation(i);

        if (r != NULL && !r->withdrawn &&
            (inventory_by_id(inv, r->from) != NULL || inventory_by_id(inv, r->to) != NULL))
            put_relation(out, inv, r);
    }
}

/* The devices at the far end of a mediated pair (not a direct one). */
static GHashTable *pushed_devices(const inventory_t *inv)
{
    GHashTable *pushed = g_hash_table_new(g_direct_hash, g_direct_equal);

    for (unsigned i = 0; i < mediated_count(); i++) {
        const relation_t *r = mediated_relation(i);

        if (r != NULL && !r->direct && !r->withdrawn && inventory_by_id(inv, r->from) != NULL)
            g_hash_table_add(pushed, GUINT_TO_POINTER(r->to));
    }
    return pushed;
}

void export_dot_print(FILE *out, const inventory_t *inv, const char *filter)
{
    GHashTable *pushed;

    fputs("digraph iotcloud {\n", out);
    fputs("  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, labelloc=t, label=", out);
    put_quoted(out, filter ? filter : "IoT Cloud: local devices, the clouds they use, and the pairs the cloud links");
    fputs("];\n", out);
    fputs("  node [fontname=\"Helvetica\", fontsize=10];\n", out);
    fputs("  edge [fontname=\"Helvetica\", fontsize=9];\n", out);
    /* No cluster for the devices: they sit either side of the cloud. */
    fputs("  node [shape=box, style=\"rounded,filled\", fillcolor=\"" COLOR_DEVICE "\"];\n", out);
    for (unsigned row = 0; row < inventory_count(inv); row++)
        put_device_node(out, inv, inventory_device(inv, row));
    put_cloud_nodes(out, inv);
    pushed = pushed_devices(inv);
    for (unsigned row = 0; row < inventory_count(inv); row++) {
        const inv_device_t *dev = inventory_device(inv, row);
        put_device_edges(out, inv, dev, g_hash_table_contains(pushed, GUINT_TO_POINTER(dev->id)));
    }
    g_hash_table_destroy(pushed);
    put_lan_edges(out, inv);
    put_relations(out, inv);
    fputs("}\n", out);
}
