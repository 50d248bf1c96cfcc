/* hosts.c: the per-address cache and the interned strings.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/wmem_scopes.h>

#include "core/budget.h"
#include "hosts.h"

#define MAX_STRING      255
#define MAX_NAMES       8
/* An interned string: its bytes, the allocator's header, its map entry. */
#define STRING_OVERHEAD (16 + WSC_MAP_ENTRY_BYTES)

static wmem_map_t *hosts;           /* wsc_addr_t -> cloud_host_t, per capture file */
static wmem_map_t *labels;          /* interned labels: as many as the data holds */
static wmem_map_t *names;           /* interned host names: bounded by the budget */
static cloud_sources_t sources;

/* The hosts in the order they were added, and what they hold. */
static cloud_host_t *oldest, *newest;
static size_t host_bytes, host_cap;
static size_t name_bytes, name_cap;

void cloud_hosts_reset(void)
{
    hosts = wmem_map_new(wmem_file_scope(), wsc_addr_hash, wsc_addr_equal);
    labels = wmem_map_new(wmem_file_scope(), g_str_hash, g_str_equal);
    names = wmem_map_new(wmem_file_scope(), g_str_hash, g_str_equal);
    oldest = newest = NULL;
    host_bytes = name_bytes = 0;
    host_cap = wsc_budget_bytes(WSC_SHARE_HOSTS);
    name_cap = wsc_budget_bytes(WSC_SHARE_NAMES);
}

/* What a host holds: itself, its map entry, its names. */
static size_t host_cost(const cloud_host_t *host)
{
    return sizeof(*host) + WSC_MAP_ENTRY_BYTES + host->cap_names * sizeof(*host->names);
}

static void host_free(cloud_host_t *host)
{
    wmem_map_remove(hosts, &host->addr);
    host_bytes -= host_cost(host);
    wmem_free(wmem_file_scope(), host->names);
    wmem_free(wmem_file_scope(), host);
}

/* Evicts the oldest hosts, except `keep`, until `bytes` more fit. */
static void make_room(size_t bytes, const cloud_host_t *keep)
{
    while (host_bytes + bytes > host_cap && oldest != NULL && oldest != keep) {
        cloud_host_t *victim = oldest;
        oldest = victim->newer;
        if (oldest == NULL)
            newest = NULL;
        host_free(victim);
    }
}

const name_binding_t *cloud_host_name_at(const cloud_host_t *host, uint32_t frame)
{
    for (unsigned i = host->n_names; i-- > 0;)
        if (host->names[i].from_frame <= frame)
            return &host->names[i];
    return NULL;
}

void cloud_host_bind_name(cloud_host_t *host, uint32_t frame, const char *hostname, const cloud_label_t *name)
{
    name_binding_t *last = host->n_names ? &host->names[host->n_names - 1] : NULL;

    if (last != NULL && name->provider == NULL)
        name = &last->name;                 /* a TLS name of a CDN site: the CDN seen in DNS still serves it */
    if (last != NULL && last->hostname == hostname && last->name.provider == name->provider &&
        last->name.service == name->service)
        return;                             /* the same name again (interned: pointers compare) */
    if (last == NULL || (last->from_frame != frame && host->n_names < MAX_NAMES)) {
        if (host->n_names == host->cap_names) {
            uint8_t grown = host->cap_names ? MIN(2 * host->cap_names, MAX_NAMES) : 1;
            make_room((grown - host->cap_names) * sizeof(*host->names), host);
            host_bytes += (grown - host->cap_names) * sizeof(*host->names);
            host->cap_names = grown;
            host->names = wmem_realloc(wmem_file_scope(), host->names, host->cap_names * sizeof(*host->names));
        }
        last = &host->names[host->n_names++];
    }
    *last = (name_binding_t){ frame, hostname, *name };
}

void cloud_hosts_set_sources(const cloud_sources_t *new_sources)
{
    sources = *new_sources;     /* cached entries go with the file scope on redissection */
}

static const char *intern(wmem_map_t *table, const char *text, size_t len, size_t *bytes, size_t cap)
{
    char key[MAX_STRING + 1];
    char *copy;

    if (text == NULL || len == 0)
        return NULL;
    len = MIN(len, MAX_STRING);
    memcpy(key, text, len);
    key[len] = '\0';
    copy = wmem_map_lookup(table, key);
    if (copy == NULL) {
        if (bytes != NULL && *bytes + len + 1 + STRING_OVERHEAD > cap)
            return NULL;                /* full: other tables point at every string, none can go */
        copy = wmem_strdup(wmem_file_scope(), key);
        wmem_map_insert(table, copy, copy);
        if (bytes != NULL)
            *bytes += len + 1 + STRING_OVERHEAD;
    }
    return copy;
}

const char *cloud_intern(const char *text, size_t len)
{
    return intern(labels, text, len, NULL, 0);
}

const char *cloud_intern_name(const char *name)
{
    return name ? intern(names, name, strlen(name), &name_bytes, name_cap) : NULL;
}

static const char *entry_string(MMDB_entry_s *entry, const char *key)
{
    const char *const path[] = { key, NULL };
    uint32_t len = 0;
    const char *value = wsc_mmdb_string(entry, path, &len);

    return value ? cloud_intern(value, len) : NULL;
}

static void lookup_range(cloud_host_t *host, const wsc_addr_t *addr)
{
    MMDB_entry_s entry;

    if (sources.ranges == NULL || !wsc_mmdb_lookup(sources.ranges, addr, &entry))
        return;
    host->range.provider = entry_string(&entry, "provider");
    host->range.service = entry_string(&entry, "service");
    host->range.region = entry_string(&entry, "region");
}

/* GeoLite2-ASN and DB-IP ASN Lite share these keys. */
static void lookup_asn(cloud_host_t *host, const wsc_addr_t *addr)
{
    static const char *const asn_path[] = { "autonomous_system_number", NULL };
    MMDB_entry_s entry;

    if (sources.asn == NULL || !wsc_mmdb_lookup(sources.asn, addr, &entry))
        return;
    if (!wsc_mmdb_uint(&entry, asn_path, &host->asn))
        return;
    host->as_org = entry_string(&entry, "autonomous_system_organization");
    if (sources.asn_providers != NULL) {
        const char *provider = g_hash_table_lookup(sources.asn_providers, GUINT_TO_POINTER(host->asn));
        host->asn_provider = provider ? cloud_intern(provider, strlen(provider)) : NULL;
    }
}

/* The databases' answers for an address, looked up the first time a label
 * is asked rather than when a DNS answer names it: most answered addresses
 * are never contacted. An address that carries an IPv4 address is that IPv4
 * host: its ranges and AS. */
static cloud_host_t *looked_up(cloud_host_t *host)
{
    const wsc_addr_t *key = &host->addr;

    if (host->looked_up)
        return host;
    host->looked_up = true;
    if (wsc_addr_embedded_ipv4(&host->addr, &host->embedded_v4, &host->embed_kind))
        key = &host->embedded_v4;
    lookup_range(host, key);
    lookup_asn(host, key);
    return host;
}

/* The address's entry, added when there is room; only learning makes room.
 * Labels are asked on every pass: were they to evict, a later pass would
 * push out the names the first pass learned before their frames came. */
static cloud_host_t *host_of(const wsc_addr_t *addr, bool learning)
{
    cloud_host_t *host = wmem_map_lookup(hosts, addr);

    if (host != NULL)
        return host;
    if (learning)
        make_room(sizeof(*host) + WSC_MAP_ENTRY_BYTES, NULL);
    if (host_bytes + sizeof(*host) + WSC_MAP_ENTRY_BYTES > host_cap)
        return NULL;
    host = wmem_new0(wmem_file_scope(), cloud_host_t);
    host->addr = *addr;
    wmem_map_insert(hosts, &host->addr, host);
    host_bytes += host_cost(host);
    if (newest != NULL)
        newest->newer = host;
    else
        oldest = host;
    newest = host;
    return host;
}

cloud_host_t *cloud_hosts_entry(const wsc_addr_t *addr)
{
    return host_of(addr, true);
}

const cloud_host_t *cloud_hosts_lookup(const wsc_addr_t *addr, wmem_allocator_t *scratch)
{
    cloud_host_t *host = host_of(addr, false);

    if (host == NULL) {             /* table full: answer without caching */
        host = wmem_new0(scratch, cloud_host_t);
        host->addr = *addr;
    }
    return looked_up(host);
}

const cloud_host_t *cloud_hosts_lookup_into(const wsc_addr_t *addr, cloud_host_t *spare)
{
    cloud_host_t *host = host_of(addr, false);

    if (host == NULL) {
        memset(spare, 0, sizeof(*spare));
        spare->addr = *addr;
        host = spare;
    }
    return looked_up(host);
}
