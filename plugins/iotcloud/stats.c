/* stats.c: tshark -z iotcloud,tree and Statistics > IoT Cloud > Devices and Clouds.
 *
 * Devices                                            Count = packets; Average, Min, Max = bytes a packet
 *   192.168.177.122 Sonos speaker (SonosZP)
 *     AWS                                              a provider, "local network" or "unknown provider"
 *       EC2 eu-west-1 msmetrics.ws.sonos.com           service, region, host name
 * Bytes                                              Count = bytes (each device's: its -z iotcloud,devices row)
 *   sent / received
 * Cloud-mediated conversations
 *   correlated: 192.168.179.172 -> 192.168.177.122 via AWS      count = events
 *   relay: 192.168.2.136 -> 192.168.2.20 via 54.194.162.98:2048 count = packets
 * Direct (not only through the cloud)
 *   192.168.180.44 <-> 192.168.177.122 (also correlated via AWS)
 * RTT contradicts geolocation                         Count = packets; Min/Max = the RTT bound, km
 *   31.13.64.35 (Meta) geolocated in Kolkata, IN, 7212 km away
 *
 * A device's line is named when the device is first seen: with tshark -2 (or
 * in the GUI) that is its final identity.
 *
 * Lines stay few whatever the capture holds (stat_lines.h): at most 1,000
 * device lines (then "(more devices)"), the top 10 service lines per
 * provider and the top 10 contradicting addresses by bytes (then "(other)"),
 * and no more lines in all than the statistic's share of the memory budget.
 *
 * Each instance (two -z iotcloud,tree with different filters, a GUI dialog)
 * keeps its own lines; the statistic only reads the analysis. Relations are
 * drawn as they change (first pass) or all at once on the first packet of a
 * later pass, so no packet redraws every relation.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/stats_tree.h>

#include "core/budget.h"
#include "mediated.h"
#include "stat_lines.h"
#include "tap.h"

static const char *const node_devices = "Devices";
static const char *const node_bytes = "Bytes";
static const char *const node_mediated = "Cloud-mediated conversations";
static const char *const node_direct = "Direct (not only through the cloud)";
static const char *const node_geo = "RTT contradicts geolocation";
static const char *const node_more = "(more devices)";
static const char *const node_more_providers = "(other providers)";
static const char *const node_sent = "sent";
static const char *const node_received = "received";

/* A statistic is read by people: past this many device lines, the others
 * share one line (and a flood of devices costs no memory here). */
#define MAX_DEVICE_LINES 1000

/* A device's line, and the provider line under it that the device's last
 * packet went to, by their stat_node ids, so that a packet finds them
 * without a lookup by name (stats_tree still does one). `node` is -1 until
 * the line is drawn; `provider_node` holds while `provider` and
 * `provider_parent` are the packet's (`provider` is NULL before). */
typedef struct {
    char       *name;               /* fixed at first sight */
    int         node;
    const char *provider;           /* interned by the cloud protocol, or a constant here */
    int         provider_parent;    /* the device's line, or "(more devices)" */
    int         provider_node;
} device_line_t;

/* One statistic's state. */
typedef struct {
    int st_devices, st_bytes, st_sent, st_received, st_mediated, st_direct, st_geo;
    /* Device address -> device_line_t. Keyed by address, not by device: the
     * device table recycles its entries when it is full. */
    GHashTable *device_names;
    bool relations_drawn;               /* the final relations, on a later pass */
    uint64_t relations_seen;            /* mediated_clock() when last drawn, first pass */
    stat_lines_t *lines;                /* every line but the relations' (bounded apart) */
    stats_tree *st;
} instance_t;

static GHashTable *instances;           /* stats_tree * -> instance_t */
static instance_t *last_instance;       /* the one the last packet went to: most runs have one */

static void device_line_free(gpointer p)
{
    device_line_t *line = p;

    g_free(line->name);
    g_free(line);
}

static void instance_free(gpointer p)
{
    instance_t *in = p;

    g_hash_table_destroy(in->device_names);
    stat_lines_free(in->lines);
    g_free(in);
}

static void stats_init(stats_tree *st)
{
    instance_t *in = g_new0(instance_t, 1);

    in->st_devices = stats_tree_create_node(st, node_devices, 0, STAT_DT_INT, TRUE);
    in->st_bytes = stats_tree_create_node(st, node_bytes, 0, STAT_DT_INT, TRUE);
    in->st_sent = stats_tree_create_node(st, node_sent, in->st_bytes, STAT_DT_INT, TRUE);
    in->st_received = stats_tree_create_node(st, node_received, in->st_bytes, STAT_DT_INT, TRUE);
    in->st_mediated = stats_tree_create_node(st, node_mediated, 0, STAT_DT_INT, TRUE);
    in->st_direct = stats_tree_create_node(st, node_direct, 0, STAT_DT_INT, TRUE);
    in->st_geo = stats_tree_create_node(st, node_geo, 0, STAT_DT_INT, TRUE);
    in->device_names = g_hash_table_new_full(wsc_addr_hash, wsc_addr_equal, g_free, device_line_free);
    in->lines = stat_lines_new(st, wsc_budget_bytes(WSC_SHARE_LINES));
    in->st = st;
    if (instances == NULL)
        instances = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, instance_free);
    last_instance = NULL;
    g_hash_table_replace(instances, st, in);
}

static void stats_cleanup(stats_tree *st)
{
    last_instance = NULL;
    if (instances != NULL)
        g_hash_table_remove(instances, st);
}

static instance_t *instance_of(stats_tree *st)
{
    if (last_instance == NULL || last_instance->st != st)
        last_instance = instances ? g_hash_table_lookup(instances, st) : NULL;
    return last_instance;
}

/* The device's line; NULL past MAX_DEVICE_LINES. */
static device_line_t *device_line(instance_t *in, const iotcloud_tap_t *rec)
{
    char addr[WSC_ADDR_STRLEN];
    device_line_t *line = g_hash_table_lookup(in->device_names, &rec->device_addr);
    const verdict_t *v;

    if (line != NULL || g_hash_table_size(in->device_names) >= MAX_DEVICE_LINES)
        return line;
    v = devices_verdict(devices_by_id(rec->device));
    wsc_addr_to_str(&rec->device_addr, addr);
    line = g_new0(device_line_t, 1);
    line->name = g_strdup_printf("%s %s %s%s%s%s", addr,
                                 v && v->vendor ? v->vendor : "unknown vendor",
                                 v && v->type != TYPE_NONE ? device_type_name(v->type) : "device",
                                 v && v->name ? " (" : "", v && v->name ? v->name : "", v && v->name ? ")" : "");
    line->node = -1;
    g_hash_table_insert(in->device_names, g_memdup2(&rec->device_addr, sizeof(rec->device_addr)), line);
    return line;
}

static void cloud_line(const void *ctx, char *buf, size_t size)
{
    const wsc_cloud_label_t *c = ctx;

    snprintf(buf, size, "%s%s%s%s%s", c->service ? c->service : "",
             c->region ? " " : "", c->region ? c->region : "",
             c->hostname ? " " : "", c->hostname ? c->hostname : "");
    if (buf[0] == ' ')
        memmove(buf, buf + 1, strlen(buf));
    if (buf[0] == '\0')
        g_strlcpy(buf, "(no service or name)", size);
}

/* "31.13.64.35 (Meta) geolocated in Kolkata, IN, 7212 km away": Count =
 * packets, Min/Max/Average = how far its round trip allows (km). */
static void geo_line(const void *ctx, char *buf, size_t size)
{
    const iotcloud_tap_t *rec = ctx;
    char addr[WSC_ADDR_STRLEN];

    wsc_addr_to_str(&rec->remote, addr);
    snprintf(buf, size, "%s%s%s%s geolocated in %s, %.0f km away", addr,
             rec->about.cloud.provider ? " (" : "", rec->about.cloud.provider ? rec->about.cloud.provider : "",
             rec->about.cloud.provider ? ")" : "", rec->about.geo.place ? rec->about.geo.place : "?",
             rec->about.geo.geo_km);
}

static void relation_line(const relation_t *r, char *buf, size_t size)
{
    char from[WSC_ADDR_STRLEN], to[WSC_ADDR_STRLEN];

    wsc_addr_to_str(&r->from_addr, from);
    wsc_addr_to_str(&r->to_addr, to);
    if (r->direct)
        snprintf(buf, size, "%s <-> %s (also %s via %s)", from, to,
                 r->kind == MEDIATED_RELAY ? "relayed" : "correlated", r->via);
    else
        snprintf(buf, size, "%s: %s -> %s via %s", r->kind == MEDIATED_RELAY ? "relay" : "correlated",
                 from, to, r->via);
}

/* A relation's line: under Direct its count is the packets the pair exchanged
 * on the LAN, otherwise its events. */
static void draw_relation(stats_tree *st, const instance_t *in, const relation_t *r)
{
    char line[256];

    relation_line(r, line, sizeof(line));
    if (r->direct)
        set_stat_node(st, line, in->st_direct, FALSE, (gint)r->direct_packets);
    else
        set_stat_node(st, line, in->st_mediated, FALSE, r->withdrawn ? 0 : (gint)r->events);
}

/* Final relations: a correlated pair's line gets one line under it that says
 * how many of its events chance explains ("3 events, 0.09 expected by chance,
 * score 4.2"); in one pass these numbers still move, so only a later pass
 * draws it. */
static void draw_final_relation(stats_tree *st, const instance_t *in, const relation_t *r)
{
    char line[256], chance[128];
    int node;

    if (r->withdrawn)
        return;
    relation_line(r, line, sizeof(line));
    if (r->direct) {
        set_stat_node(st, line, in->st_direct, FALSE, (gint)r->direct_packets);
        return;
    }
    node = set_stat_node(st, line, in->st_mediated, TRUE, (gint)r->events);
    if (r->kind == MEDIATED_CORRELATED) {
        snprintf(chance, sizeof(chance), "%u events, %.2f expected by chance, score %.1f", r->events, r->expected,
                 r->score);
        set_stat_node(st, chance, node, FALSE, (gint)r->events);
    }
}

static void draw_changed(void *ctx, const relation_t *r)
{
    const instance_t *in = ctx;

    draw_relation(in->st, in, r);
}

/* On the first pass, the relations that changed since this statistic last
 * looked (whatever its filter let through in between); on a later pass, all
 * of them once: they are final. */
static void draw_relations(stats_tree *st, instance_t *in, const iotcloud_tap_t *rec)
{
    if (rec->relations_final) {
        if (in->relations_drawn)
            return;
        in->relations_drawn = true;
        for (unsigned i = 0; i < mediated_count(); i++)
            draw_final_relation(st, in, mediated_relation(i));
        return;
    }
    if (mediated_clock() != in->relations_seen) {
        mediated_changes_since(in->relations_seen, draw_changed, in);
        in->relations_seen = mediated_clock();
    }
}

/* The device's line under Devices, or "(more devices)" (line NULL) when
 * there is no room for one. */
static int device_node(instance_t *in, device_line_t *line, const iotcloud_tap_t *rec)
{
    if (line == NULL || !stat_lines_average(in->lines, in->st_devices, line->name, true, (gint)rec->bytes,
                                            &line->node))
        return avg_stat_node_add_value_int(in->st, node_more, in->st_devices, TRUE, (gint)rec->bytes);
    return line->node;
}

/* Key of a service line: the interned strings that name it. */
static void service_key(const wsc_cloud_label_t *c, stat_key_t *key)
{
    const char *parts[3] = { c->service, c->region, c->hostname };

    G_STATIC_ASSERT(sizeof(parts) <= sizeof(key->bytes));
    memset(key, 0, sizeof(*key));
    memcpy(key->bytes, parts, sizeof(parts));
}

static void add_provider(instance_t *in, const iotcloud_tap_t *rec, device_line_t *line, int device)
{
    const char *provider = rec->remote_is_local ? "local network"
                         : rec->about.cloud.provider ? rec->about.cloud.provider : "unknown provider";
    gint bytes = (gint)rec->bytes;
    stat_key_t key;
    int id = -1;

    if (line != NULL && line->provider == provider && line->provider_parent == device)
        id = line->provider_node;
    if (!stat_lines_average(in->lines, device, provider, true, bytes, &id)) {
        avg_stat_node_add_value_int(in->st, node_more_providers, device, FALSE, bytes);
        return;
    }
    if (line != NULL) {
        line->provider = provider;
        line->provider_parent = device;
        line->provider_node = id;
    }
    if (!rec->remote_is_local && rec->about.cloud.provider != NULL) {
        service_key(&rec->about.cloud, &key);
        stat_lines_add(in->lines, id, &key, rec->bytes, bytes, cloud_line, &rec->about.cloud);
    }
}

static void add_geo(instance_t *in, const iotcloud_tap_t *rec)
{
    stat_key_t key;

    G_STATIC_ASSERT(sizeof(rec->remote) <= sizeof(key.bytes));
    memset(&key, 0, sizeof(key));
    memcpy(key.bytes, &rec->remote, sizeof(rec->remote));
    tick_stat_node(in->st, node_geo, 0, TRUE);
    stat_lines_add(in->lines, in->st_geo, &key, rec->bytes, (gint)rec->about.geo.max_km, geo_line, rec);
}

static tap_packet_status stats_packet(stats_tree *st, packet_info *pinfo _U_, epan_dissect_t *edt _U_,
                                      const void *data, tap_flags_t flags _U_)
{
    const iotcloud_tap_t *rec = data;
    instance_t *in = instance_of(st);
    device_line_t *line;
    int device_id;

    if (in == NULL)
        return TAP_PACKET_DONT_REDRAW;
    /* The totals are counted directly (stat_lines_increase: no lookup by name,
     * no burst columns); a device's bytes each way are its row of -z
     * iotcloud,devices (and Count x Average of its line below Devices): a line
     * per device under Bytes cost every packet three lookups by name and the
     * end three lines a device. */
    stat_lines_increase(in->lines, in->st_devices, 1);
    line = device_line(in, rec);
    device_id = device_node(in, line, rec);
    stat_lines_increase(in->lines, in->st_bytes, (gint)rec->bytes);
    stat_lines_increase(in->lines, rec->outbound ? in->st_sent : in->st_received, (gint)rec->bytes);
    add_provider(in, rec, line, device_id);
    if (rec->about.located && rec->about.geo.impossible)
        add_geo(in, rec);
    draw_relations(st, in, rec);
    return TAP_PACKET_REDRAW;
}

void iotcloud_stats_register(void)
{
    stats_tree_register_plugin(IOTCLOUD_TAP, "iotcloud", "IoT Cloud/Devices and Clouds", 0,
                               stats_packet, stats_init, stats_cleanup);
}
