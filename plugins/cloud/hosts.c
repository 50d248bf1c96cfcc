/* hosts.c: the per-address cache.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/wmem_scopes.h>

#include "hosts.h"

#define MAX_HOSTS       1000000
#define MAX_STRING      255
#define MAX_NAMES       8

static wmem_map_t *hosts;           /* wsc_addr_t -> cloud_host_t, per capture file */
static wmem_map_t *strings;         /* interned strings, per capture file */
static cloud_sources_t sources;

void cloud_hosts_reset(void)
{
    hosts = wmem_map_new(wmem_file_scope(), wsc_addr_hash, wsc_addr_equal);
    strings = wmem_map_new(wmem_file_scope(), g_str_hash, g_str_equal);
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
            host->cap_names = host->cap_names ? MIN(2 * host->cap_names, MAX_NAMES) : 1;
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

const char *cloud_intern(const char *text, size_t len)
{
    char key[MAX_STRING + 1];
    char *copy;

    if (text == NULL || len == 0)
        return NULL;
    len = MIN(len, MAX_STRING);
    memcpy(key, text, len);
    key[len] = '\0';
    copy = wmem_map_lookup(strings, key);
    if (copy == NULL) {
        copy = wmem_strdup(wmem_file_scope(), key);
        wmem_map_insert(strings, copy, copy);
    }
    return copy;
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

/* An address that carries an IPv4 address is that IPv4 host: its ranges and AS. */
static void fill_from_databases(cloud_host_t *host, const wsc_addr_t *addr)
{
    const wsc_addr_t *looked_up = addr;

    memset(host, 0, sizeof(*host));
    if (wsc_addr_embedded_ipv4(addr, &host->embedded_v4, &host->embed_kind))
        looked_up = &host->embedded_v4;
    lookup_range(host, looked_up);
    lookup_asn(host, looked_up);
}

cloud_host_t *cloud_hosts_entry(const wsc_addr_t *addr)
{
    cloud_host_t *host = wmem_map_lookup(hosts, addr);
    wsc_addr_t *key;

    if (host != NULL || wmem_map_size(hosts) >= MAX_HOSTS)
        return host;
    key = wmem_new(wmem_file_scope(), wsc_addr_t);
    *key = *addr;
    host = wmem_new(wmem_file_scope(), cloud_host_t);
    fill_from_databases(host, addr);
    wmem_map_insert(hosts, key, host);
    return host;
}

const cloud_host_t *cloud_hosts_lookup(const wsc_addr_t *addr, wmem_allocator_t *scratch)
{
    cloud_host_t *host = cloud_hosts_entry(addr);

    if (host == NULL) {             /* table full: answer without caching */
        host = wmem_new(scratch, cloud_host_t);
        fill_from_databases(host, addr);
    }
    return host;
}

const cloud_host_t *cloud_hosts_lookup_into(const wsc_addr_t *addr, cloud_host_t *spare)
{
    cloud_host_t *host = cloud_hosts_entry(addr);

    if (host == NULL) {
        fill_from_databases(spare, addr);
        host = spare;
    }
    return host;
}
