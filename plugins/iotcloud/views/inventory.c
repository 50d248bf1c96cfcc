/* inventory.c: the devices one view has seen, added up from tap records.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/address_types.h>

#include <time.h>

#include "iotcloud/devices.h"
#include "inventory.h"

struct inventory {
    GPtrArray  *devices;        /* inv_device_t *, in order of first sight */
    GHashTable *by_id;          /* GUINT_TO_POINTER(id) -> inv_device_t */
    GHashTable *by_addr;        /* wsc_addr_t (a device's addrs[] entry) -> inv_device_t */
    GHashTable *geo_by_addr;    /* wsc_addr_t (inside inv_geo_t) -> inv_geo_t */
    GPtrArray  *geo;            /* inv_geo_t *, in order of first sight */
    inv_count_t unlisted;
    inv_count_t total;
    bool        relations_final;
    int         wlan_type;      /* AT_ETHER_WLAN, or -1 */
};

/* --- ownership ---------------------------------------------------------- */

static void service_free(gpointer p)
{
    inv_service_t *s = p;

    g_free(s->service);
    g_free(s->region);
    g_free(s->hostname);
    g_free(s);
}

static void provider_free(gpointer p)
{
    inv_provider_t *prov = p;

    g_ptr_array_free(prov->services, TRUE);
    g_free(prov->name);
    g_free(prov);
}

static void device_free(gpointer p)
{
    inv_device_t *dev = p;

    g_free(dev->vendor);
    g_free(dev->model);
    g_free(dev->name);
    g_ptr_array_free(dev->providers, TRUE);
    g_free(dev);
}

static void geo_free(gpointer p)
{
    inv_geo_t *g = p;

    g_free(g->provider);
    g_free(g->place);
    g_free(g);
}

inventory_t *inventory_new(void)
{
    inventory_t *inv = g_new0(inventory_t, 1);

    inv->devices = g_ptr_array_new_with_free_func(device_free);
    inv->by_id = g_hash_table_new(g_direct_hash, g_direct_equal);
    inv->by_addr = g_hash_table_new(wsc_addr_hash, wsc_addr_equal);
    inv->geo = g_ptr_array_new_with_free_func(geo_free);
    inv->geo_by_addr = g_hash_table_new(wsc_addr_hash, wsc_addr_equal);
    inv->wlan_type = address_type_get_by_name("AT_ETHER_WLAN");
    return inv;
}

void inventory_reset(inventory_t *inv)
{
    /* The maps point into the arrays' items: empty them first. */
    g_hash_table_remove_all(inv->by_id);
    g_hash_table_remove_all(inv->by_addr);
    g_hash_table_remove_all(inv->geo_by_addr);
    g_ptr_array_set_size(inv->devices, 0);
    g_ptr_array_set_size(inv->geo, 0);
    memset(&inv->unlisted, 0, sizeof(inv->unlisted));
    memset(&inv->total, 0, sizeof(inv->total));
    inv->relations_final = false;
}

void inventory_free(inventory_t *inv)
{
    if (inv == NULL)
        return;
    inventory_reset(inv);
    g_hash_table_destroy(inv->by_id);
    g_hash_table_destroy(inv->by_addr);
    g_hash_table_destroy(inv->geo_by_addr);
    g_ptr_array_free(inv->devices, TRUE);
    g_ptr_array_free(inv->geo, TRUE);
    g_free(inv);
}

/* --- adding a record ------------------------------------------------------ */

static void count(inv_count_t *c, uint32_t bytes)
{
    c->packets++;
    c->bytes += bytes;
}

/* Copies a string the analysis owns when it differs from ours; true when it did. */
static bool keep_string(char **ours, const char *theirs)
{
    if (g_strcmp0(*ours, theirs) == 0)
        return false;
    g_free(*ours);
    *ours = g_strdup(theirs);
    return true;
}

/* The identity as the analysis sees it now; on a later pass it is final,
 * so it is read once per device. */
static void refresh_identity(inv_device_t *dev, const iotcloud_tap_t *rec)
{
    const verdict_t *v;
    const char *type;
    bool changed;

    if (dev->identity_final)
        return;
    v = devices_verdict(devices_by_id(rec->device));
    if (v != NULL) {
        type = v->type != TYPE_NONE ? device_type_name(v->type) : NULL;
        changed = keep_string(&dev->vendor, v->vendor);
        changed |= keep_string(&dev->model, v->model);
        changed |= keep_string(&dev->name, v->name);
        changed |= type != dev->type || v->confidence != dev->confidence;
        dev->type = type;
        dev->confidence = v->confidence;
        dev->changes += changed;
    }
    dev->identity_final = rec->relations_final;
}

static uint64_t frame_mac(const inventory_t *inv, const address *dl)
{
    const uint8_t *b = dl->data;
    uint64_t mac = 0;

    if ((dl->type != AT_ETHER && dl->type != inv->wlan_type) || dl->len != 6 || (b[0] & 0x01))
        return 0;
    for (int i = 0; i < 6; i++)
        mac = mac << 8 | b[i];
    return mac;
}

/* The device's MAC is the frame's link-layer address at its end, but only
 * when the analysis keys the device by it: a routed host's frames carry the
 * router's MAC. */
static void learn_mac(const inventory_t *inv, inv_device_t *dev, const packet_info *pinfo, const iotcloud_tap_t *rec)
{
    device_t *device;
    uint64_t mac;

    if (dev->mac != 0 || pinfo == NULL)
        return;
    mac = frame_mac(inv, rec->outbound ? &pinfo->dl_src : &pinfo->dl_dst);
    if (mac != 0 && (device = devices_by_id(rec->device)) != NULL && devices_by_mac(mac, false) == device) {
        dev->mac = mac;
        dev->changes++;
    }
}

static void count_address(inventory_t *inv, inv_device_t *dev, const iotcloud_tap_t *rec)
{
    for (unsigned i = 0; i < dev->n_addrs; i++)
        if (wsc_addr_equal(&dev->addrs[i].addr, &rec->device_addr)) {
            count(&dev->addrs[i].total, rec->bytes);
            return;
        }
    if (dev->n_addrs == INVENTORY_MAX_ADDRS) {
        dev->changes += dev->other_addrs.packets == 0;      /* the text gains its ", ..." */
        count(&dev->other_addrs, rec->bytes);
        return;
    }
    dev->addrs[dev->n_addrs].addr = rec->device_addr;
    count(&dev->addrs[dev->n_addrs].total, rec->bytes);
    /* The first device seen with an address keeps it in the index (a recycled address is another device). */
    if (!g_hash_table_contains(inv->by_addr, &dev->addrs[dev->n_addrs].addr))
        g_hash_table_insert(inv->by_addr, &dev->addrs[dev->n_addrs].addr, dev);
    dev->n_addrs++;
    dev->changes++;
}

static bool service_is(const inv_service_t *s, const wsc_cloud_label_t *c)
{
    return g_strcmp0(s->service, c->service) == 0 && g_strcmp0(s->region, c->region) == 0 &&
           g_strcmp0(s->hostname, c->hostname) == 0;
}

static void count_service(inv_provider_t *prov, const wsc_cloud_label_t *c, uint32_t bytes)
{
    inv_service_t *s;

    if (c->service == NULL && c->region == NULL && c->hostname == NULL)
        return;                         /* the provider alone: no service line */
    for (guint i = 0; i < prov->services->len; i++) {
        s = g_ptr_array_index(prov->services, i);
        if (service_is(s, c)) {
            count(&s->total, bytes);
            return;
        }
    }
    if (prov->services->len == INVENTORY_MAX_SERVICES) {
        count(&prov->other_services, bytes);
        return;
    }
    s = g_new0(inv_service_t, 1);
    s->service = g_strdup(c->service);
    s->region = g_strdup(c->region);
    s->hostname = g_strdup(c->hostname);
    count(&s->total, bytes);
    g_ptr_array_add(prov->services, s);
}

static void count_provider(inv_device_t *dev, const wsc_cloud_label_t *c, uint32_t bytes)
{
    inv_provider_t *prov = NULL;

    for (guint i = 0; i < dev->providers->len && prov == NULL; i++) {
        inv_provider_t *p = g_ptr_array_index(dev->providers, i);
        if (strcmp(p->name, c->provider) == 0)
            prov = p;
    }
    if (prov == NULL) {
        if (dev->providers->len == INVENTORY_MAX_PROVIDERS) {
            dev->changes += dev->other_providers.packets == 0;
            count(&dev->other_providers, bytes);
            return;
        }
        prov = g_new0(inv_provider_t, 1);
        prov->name = g_strdup(c->provider);
        prov->services = g_ptr_array_new_with_free_func(service_free);
        g_ptr_array_add(dev->providers, prov);
        dev->changes++;
    }
    count(&prov->total, bytes);
    count_service(prov, c, bytes);
}

static void count_peer(inv_device_t *dev, const wsc_addr_t *peer, uint32_t bytes)
{
    for (unsigned i = 0; i < dev->n_peers; i++)
        if (wsc_addr_equal(&dev->peers[i].addr, peer)) {
            count(&dev->peers[i].total, bytes);
            return;
        }
    if (dev->n_peers == INVENTORY_MAX_PEERS)
        return;                         /* still counted in dev->local */
    dev->peers[dev->n_peers].addr = *peer;
    count(&dev->peers[dev->n_peers].total, bytes);
    dev->n_peers++;
}

/* Where the other end is: another local device, a provider, or a remote
 * host no provider is known for. */
static void count_remote(inv_device_t *dev, const iotcloud_tap_t *rec)
{
    if (rec->remote_is_local) {
        count(&dev->local, rec->bytes);
        count_peer(dev, &rec->remote, rec->bytes);
    } else if (rec->about.cloud.provider != NULL) {
        count_provider(dev, &rec->about.cloud, rec->bytes);
    } else {
        count(&dev->unlabelled, rec->bytes);
    }
}

static void count_geo(inventory_t *inv, const iotcloud_tap_t *rec)
{
    inv_geo_t *g;

    if (rec->remote_is_local || !rec->about.located || !rec->about.geo.impossible)
        return;
    g = g_hash_table_lookup(inv->geo_by_addr, &rec->remote);
    if (g == NULL) {
        if (inv->geo->len == INVENTORY_MAX_GEO)
            return;
        g = g_new0(inv_geo_t, 1);
        g->addr = rec->remote;
        g_ptr_array_add(inv->geo, g);
        g_hash_table_insert(inv->geo_by_addr, &g->addr, g);
    }
    /* The latest word on the address: its best round trip only gets shorter. */
    keep_string(&g->provider, rec->about.cloud.provider);
    keep_string(&g->place, rec->about.geo.place);
    g->geo_km = rec->about.geo.geo_km;
    g->max_km = rec->about.geo.max_km;
    g->rtt_ns = rec->about.geo.rtt_ns;
    g->packets++;
}

static inv_device_t *device_row(inventory_t *inv, const iotcloud_tap_t *rec)
{
    inv_device_t *dev = g_hash_table_lookup(inv->by_id, GUINT_TO_POINTER(rec->device));

    if (dev != NULL || inv->devices->len == INVENTORY_MAX_DEVICES)
        return dev;
    dev = g_new0(inv_device_t, 1);
    dev->id = rec->device;
    dev->row = inv->devices->len;
    dev->providers = g_ptr_array_new_with_free_func(provider_free);
    dev->first_seen = rec->time;
    g_ptr_array_add(inv->devices, dev);
    g_hash_table_insert(inv->by_id, GUINT_TO_POINTER(rec->device), dev);
    return dev;
}

inv_device_t *inventory_add(inventory_t *inv, const packet_info *pinfo, const iotcloud_tap_t *rec)
{
    inv_device_t *dev;

    count(&inv->total, rec->bytes);
    inv->relations_final = rec->relations_final;
    count_geo(inv, rec);
    if (rec->device == 0 || (dev = device_row(inv, rec)) == NULL) {
        count(&inv->unlisted, rec->bytes);
        return NULL;
    }
    refresh_identity(dev, rec);
    learn_mac(inv, dev, pinfo, rec);
    count_address(inv, dev, rec);
    count(rec->outbound ? &dev->sent : &dev->received, rec->bytes);
    if (nstime_cmp(&rec->time, &dev->first_seen) < 0)
        dev->first_seen = rec->time;
    if (nstime_cmp(&rec->time, &dev->last_seen) > 0)
        dev->last_seen = rec->time;
    count_remote(dev, rec);
    return dev;
}

/* --- reading ------------------------------------------------------------------ */

unsigned inventory_count(const inventory_t *inv)
{
    return inv->devices->len;
}

inv_device_t *inventory_device(const inventory_t *inv, unsigned row)
{
    return row < inv->devices->len ? g_ptr_array_index(inv->devices, row) : NULL;
}

inv_device_t *inventory_by_id(const inventory_t *inv, device_id_t id)
{
    return g_hash_table_lookup(inv->by_id, GUINT_TO_POINTER(id));
}

inv_device_t *inventory_by_addr(const inventory_t *inv, const wsc_addr_t *addr)
{
    return g_hash_table_lookup(inv->by_addr, addr);
}

inv_count_t inventory_unlisted(const inventory_t *inv)
{
    return inv->unlisted;
}

inv_count_t inventory_total(const inventory_t *inv)
{
    return inv->total;
}

bool inventory_relations_final(const inventory_t *inv)
{
    /* Nothing counted: nothing shown can change either. */
    return inv->relations_final || inv->total.packets == 0;
}

unsigned inventory_geo_count(const inventory_t *inv)
{
    return inv->geo->len;
}

const inv_geo_t *inventory_geo(const inventory_t *inv, unsigned index)
{
    return index < inv->geo->len ? g_ptr_array_index(inv->geo, index) : NULL;
}

static uint64_t device_bytes(const inv_device_t *dev)
{
    return dev->sent.bytes + dev->received.bytes;
}

/* Most bytes first; ties in order of first sight, so output is stable. */
static int by_bytes(const void *a, const void *b)
{
    const inv_device_t *x = *(inv_device_t *const *)a, *y = *(inv_device_t *const *)b;
    uint64_t bx = device_bytes(x), by = device_bytes(y);

    if (bx != by)
        return bx > by ? -1 : 1;
    return x->row < y->row ? -1 : x->row > y->row;
}

inv_device_t **inventory_sorted(const inventory_t *inv)
{
    inv_device_t **rows = g_new(inv_device_t *, inv->devices->len + 1);

    for (guint i = 0; i < inv->devices->len; i++)
        rows[i] = g_ptr_array_index(inv->devices, i);
    rows[inv->devices->len] = NULL;
    qsort(rows, inv->devices->len, sizeof(*rows), by_bytes);
    return rows;
}

static int provider_by_bytes(const void *a, const void *b)
{
    const inv_provider_t *x = *(inv_provider_t *const *)a, *y = *(inv_provider_t *const *)b;

    if (x->total.bytes != y->total.bytes)
        return x->total.bytes > y->total.bytes ? -1 : 1;
    return strcmp(x->name, y->name);
}

inv_provider_t **inventory_providers_sorted(const inv_device_t *dev)
{
    inv_provider_t **list = g_new(inv_provider_t *, dev->providers->len + 1);

    for (guint i = 0; i < dev->providers->len; i++)
        list[i] = g_ptr_array_index(dev->providers, i);
    list[dev->providers->len] = NULL;
    qsort(list, dev->providers->len, sizeof(*list), provider_by_bytes);
    return list;
}

static int service_by_bytes(const void *a, const void *b)
{
    const inv_service_t *x = *(inv_service_t *const *)a, *y = *(inv_service_t *const *)b;
    int c;

    if (x->total.bytes != y->total.bytes)
        return x->total.bytes > y->total.bytes ? -1 : 1;
    if ((c = g_strcmp0(x->service, y->service)) != 0 || (c = g_strcmp0(x->region, y->region)) != 0)
        return c;
    return g_strcmp0(x->hostname, y->hostname);
}

inv_service_t **inventory_services_sorted(const inv_provider_t *p)
{
    inv_service_t **list = g_new(inv_service_t *, p->services->len + 1);

    for (guint i = 0; i < p->services->len; i++)
        list[i] = g_ptr_array_index(p->services, i);
    list[p->services->len] = NULL;
    qsort(list, p->services->len, sizeof(*list), service_by_bytes);
    return list;
}

/* --- text ------------------------------------------------------------------ */

char *inventory_addresses_text(const inv_device_t *dev)
{
    GString *text = g_string_new(NULL);
    char addr[WSC_ADDR_STRLEN];

    for (unsigned i = 0; i < dev->n_addrs; i++) {
        wsc_addr_to_str(&dev->addrs[i].addr, addr);
        g_string_append_printf(text, "%s%s", i ? ", " : "", addr);
    }
    if (dev->other_addrs.packets > 0)
        g_string_append(text, ", ...");
    return g_string_free(text, FALSE);
}

static int provider_by_name(const void *a, const void *b)
{
    return strcmp((*(inv_provider_t *const *)a)->name, (*(inv_provider_t *const *)b)->name);
}

char *inventory_providers_text(const inv_device_t *dev)
{
    inv_provider_t **list = inventory_providers_sorted(dev);
    GString *text = g_string_new(NULL);

    /* By name: the text changes only when the set does. */
    qsort(list, dev->providers->len, sizeof(*list), provider_by_name);
    for (unsigned i = 0; list[i] != NULL; i++)
        g_string_append_printf(text, "%s%s", i ? ", " : "", list[i]->name);
    if (dev->other_providers.packets > 0)
        g_string_append(text, ", ...");
    g_free(list);
    return g_string_free(text, FALSE);
}

void inventory_mac_text(uint64_t mac, char buf[18])
{
    if (mac == 0) {
        buf[0] = '\0';
        return;
    }
    snprintf(buf, 18, "%02x:%02x:%02x:%02x:%02x:%02x", (uint8_t)(mac >> 40), (uint8_t)(mac >> 32),
             (uint8_t)(mac >> 24), (uint8_t)(mac >> 16), (uint8_t)(mac >> 8), (uint8_t)mac);
}

void inventory_time_text(const nstime_t *t, char buf[INVENTORY_TIME_TEXT_SIZE])
{
    time_t secs = t->secs;
    struct tm tm;

    if (gmtime_r(&secs, &tm) == NULL) {
        g_strlcpy(buf, "?", INVENTORY_TIME_TEXT_SIZE);
        return;
    }
    snprintf(buf, INVENTORY_TIME_TEXT_SIZE, "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
             tm.tm_hour, tm.tm_min, tm.tm_sec, t->nsecs / 1000);
}
