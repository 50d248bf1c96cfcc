/* export_json.c: tshark -z iotcloud,json[,filter]: the devices, their
 * providers and services, cloud-mediated pairs and round trips that
 * contradict geolocation, as one JSON document on stdout.
 *
 * The document's shape is docs/views-schema.json, version JSON_FORMAT_VERSION:
 * a change that removes or renames a member, or changes its type or
 * meaning, bumps the version; new members may appear within a version.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <wsutil/json_dumper.h>

#include "iotcloud/mediated.h"
#include "views.h"

#ifndef VERSION
#define VERSION "0.0.0"
#endif

#define JSON_FORMAT         "iotcloud-views"
#define JSON_FORMAT_VERSION 1

/* --- values --------------------------------------------------------------- */

/* Names come from packets: never let invalid UTF-8 into the document. */
static void put_string(json_dumper *d, const char *value)
{
    char *valid;

    if (value == NULL) {
        json_dumper_value_anyf(d, "null");
        return;
    }
    if (g_utf8_validate(value, -1, NULL)) {
        json_dumper_value_string(d, value);
        return;
    }
    valid = g_utf8_make_valid(value, -1);
    json_dumper_value_string(d, valid);
    g_free(valid);
}

static void member_string(json_dumper *d, const char *name, const char *value)
{
    json_dumper_set_member_name(d, name);
    put_string(d, value);
}

static void member_uint(json_dumper *d, const char *name, uint64_t value)
{
    json_dumper_set_member_name(d, name);
    json_dumper_value_anyf(d, "%" PRIu64, value);
}

static void member_double(json_dumper *d, const char *name, double value)
{
    json_dumper_set_member_name(d, name);
    json_dumper_value_double(d, value);
}

static void member_bool(json_dumper *d, const char *name, bool value)
{
    json_dumper_set_member_name(d, name);
    json_dumper_value_anyf(d, value ? "true" : "false");
}

static void member_null(json_dumper *d, const char *name)
{
    json_dumper_set_member_name(d, name);
    json_dumper_value_anyf(d, "null");
}

static void member_address(json_dumper *d, const char *name, const wsc_addr_t *addr)
{
    char text[WSC_ADDR_STRLEN];

    wsc_addr_to_str(addr, text);
    member_string(d, name, text);
}

/* {"packets": N, "bytes": N} */
static void member_count(json_dumper *d, const char *name, const inv_count_t *c)
{
    json_dumper_set_member_name(d, name);
    json_dumper_begin_object(d);
    member_uint(d, "packets", c->packets);
    member_uint(d, "bytes", c->bytes);
    json_dumper_end_object(d);
}

static void counts_inline(json_dumper *d, const inv_count_t *c)
{
    member_uint(d, "packets", c->packets);
    member_uint(d, "bytes", c->bytes);
}

static void member_time(json_dumper *d, const char *name, const nstime_t *t)
{
    char text[INVENTORY_TIME_TEXT_SIZE];
    char epoch[64];

    inventory_time_text(t, text);
    member_string(d, name, text);
    snprintf(epoch, sizeof(epoch), "%s_epoch", name);
    json_dumper_set_member_name(d, epoch);
    json_dumper_value_anyf(d, "%" PRId64 ".%06d", (int64_t)t->secs, t->nsecs / 1000);
}

/* --- devices ------------------------------------------------------------------ */

static void put_addresses(json_dumper *d, const inv_device_t *dev)
{
    json_dumper_set_member_name(d, "addresses");
    json_dumper_begin_array(d);
    for (unsigned i = 0; i < dev->n_addrs; i++) {
        json_dumper_begin_object(d);
        member_address(d, "address", &dev->addrs[i].addr);
        counts_inline(d, &dev->addrs[i].total);
        json_dumper_end_object(d);
    }
    json_dumper_end_array(d);
    member_count(d, "other_addresses", &dev->other_addrs);
}

static void put_services(json_dumper *d, const inv_provider_t *prov)
{
    inv_service_t **services = inventory_services_sorted(prov);

    json_dumper_set_member_name(d, "services");
    json_dumper_begin_array(d);
    for (unsigned i = 0; services[i] != NULL; i++) {
        json_dumper_begin_object(d);
        member_string(d, "service", services[i]->service);
        member_string(d, "region", services[i]->region);
        member_string(d, "hostname", services[i]->hostname);
        counts_inline(d, &services[i]->total);
        json_dumper_end_object(d);
    }
    json_dumper_end_array(d);
    member_count(d, "other_services", &prov->other_services);
    g_free(services);
}

static void put_providers(json_dumper *d, const inv_device_t *dev)
{
    inv_provider_t **providers = inventory_providers_sorted(dev);

    json_dumper_set_member_name(d, "providers");
    json_dumper_begin_array(d);
    for (unsigned i = 0; providers[i] != NULL; i++) {
        json_dumper_begin_object(d);
        member_string(d, "provider", providers[i]->name);
        counts_inline(d, &providers[i]->total);
        put_services(d, providers[i]);
        json_dumper_end_object(d);
    }
    json_dumper_end_array(d);
    member_count(d, "other_providers", &dev->other_providers);
    member_count(d, "unlabelled", &dev->unlabelled);
    g_free(providers);
}

static void put_peers(json_dumper *d, const inventory_t *inv, const inv_device_t *dev)
{
    member_count(d, "local", &dev->local);
    json_dumper_set_member_name(d, "peers");
    json_dumper_begin_array(d);
    for (unsigned i = 0; i < dev->n_peers; i++) {
        const inv_device_t *peer = inventory_by_addr(inv, &dev->peers[i].addr);

        json_dumper_begin_object(d);
        member_address(d, "address", &dev->peers[i].addr);
        if (peer != NULL)
            member_uint(d, "device", peer->id);
        else
            member_null(d, "device");
        counts_inline(d, &dev->peers[i].total);
        json_dumper_end_object(d);
    }
    json_dumper_end_array(d);
}

static void put_device(json_dumper *d, const inventory_t *inv, const inv_device_t *dev)
{
    char mac[18];

    json_dumper_begin_object(d);
    member_uint(d, "id", dev->id);
    put_addresses(d, dev);
    inventory_mac_text(dev->mac, mac);
    member_string(d, "mac", dev->mac ? mac : NULL);
    member_string(d, "vendor", dev->vendor);
    member_string(d, "type", dev->type);
    member_string(d, "model", dev->model);
    member_string(d, "name", dev->name);
    member_uint(d, "confidence", dev->confidence);
    member_count(d, "sent", &dev->sent);
    member_count(d, "received", &dev->received);
    member_time(d, "first_seen", &dev->first_seen);
    member_time(d, "last_seen", &dev->last_seen);
    put_providers(d, dev);
    put_peers(d, inv, dev);
    json_dumper_end_object(d);
}

static void put_devices(json_dumper *d, const inventory_t *inv)
{
    inv_device_t **rows = inventory_sorted(inv);
    inv_count_t unlisted = inventory_unlisted(inv);

    json_dumper_set_member_name(d, "devices");
    json_dumper_begin_array(d);
    for (unsigned i = 0; rows[i] != NULL; i++)
        put_device(d, inv, rows[i]);
    json_dumper_end_array(d);
    member_count(d, "unlisted_devices", &unlisted);
    g_free(rows);
}

/* --- relations ---------------------------------------------------------------- */

static void put_end(json_dumper *d, const char *name, device_id_t id, const wsc_addr_t *addr)
{
    json_dumper_set_member_name(d, name);
    json_dumper_begin_object(d);
    member_uint(d, "device", id);
    member_address(d, "address", addr);
    json_dumper_end_object(d);
}

static void put_relation(json_dumper *d, const relation_t *r)
{
    json_dumper_begin_object(d);
    member_string(d, "kind", r->kind == MEDIATED_RELAY ? "relay" : "correlated");
    put_end(d, "from", r->from, &r->from_addr);
    put_end(d, "to", r->to, &r->to_addr);
    member_string(d, "via", r->via);
    member_uint(d, "events", r->events);
    member_uint(d, "direct_packets", r->direct_packets);
    if (r->kind == MEDIATED_CORRELATED) {       /* against chance (correlate.h) */
        json_dumper_set_member_name(d, "score");
        json_dumper_value_double(d, r->score);
        json_dumper_set_member_name(d, "expected");
        json_dumper_value_double(d, r->expected);
    } else {
        member_null(d, "score");
        member_null(d, "expected");
    }
    json_dumper_end_object(d);
}

/* The relations of the devices this view saw; `direct` picks the pairs that
 * also talk on the LAN (the statistic's "Direct" branch) or the others. */
static void put_relations(json_dumper *d, const inventory_t *inv, const char *name, bool direct)
{
    json_dumper_set_member_name(d, name);
    json_dumper_begin_array(d);
    for (unsigned i = 0; i < mediated_count(); i++) {
        const relation_t *r = mediated_relation(i);

        if (r == NULL || r->withdrawn || r->direct != direct)
            continue;
        if (inventory_by_id(inv, r->from) == NULL && inventory_by_id(inv, r->to) == NULL)
            continue;
        put_relation(d, r);
    }
    json_dumper_end_array(d);
}

static void put_geo(json_dumper *d, const inventory_t *inv)
{
    json_dumper_set_member_name(d, "rtt_contradictions");
    json_dumper_begin_array(d);
    for (unsigned i = 0; i < inventory_geo_count(inv); i++) {
        const inv_geo_t *g = inventory_geo(inv, i);

        json_dumper_begin_object(d);
        member_address(d, "address", &g->addr);
        member_string(d, "provider", g->provider);
        member_string(d, "place", g->place);
        member_double(d, "geo_km", g->geo_km);
        member_double(d, "max_km", g->max_km);
        member_double(d, "rtt_ms", (double)g->rtt_ns / 1e6);
        member_uint(d, "packets", g->packets);
        json_dumper_end_object(d);
    }
    json_dumper_end_array(d);
}

void export_json_print(FILE *out, const inventory_t *inv, const char *filter)
{
    json_dumper d = { .output_file = out, .flags = JSON_DUMPER_FLAGS_PRETTY_PRINT };
    inv_count_t total = inventory_total(inv);

    json_dumper_begin_object(&d);
    member_string(&d, "format", JSON_FORMAT);
    member_uint(&d, "version", JSON_FORMAT_VERSION);
    member_string(&d, "generator", "iotcloud_suite " VERSION);
    member_string(&d, "filter", filter);
    /* With two passes (or in the GUI) identities and relations are final. */
    member_bool(&d, "final", inventory_relations_final(inv));
    member_count(&d, "total", &total);
    put_devices(&d, inv);
    put_relations(&d, inv, "mediated", false);
    put_relations(&d, inv, "direct", true);
    put_geo(&d, inv);
    json_dumper_end_object(&d);
    json_dumper_finish(&d);
    fputc('\n', out);
}
