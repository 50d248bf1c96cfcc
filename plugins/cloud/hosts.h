/* hosts.h: what the cloud plugin knows about each address, cached.
 *
 * The first label asked for an address runs the database lookups (ranges,
 * ASN); names learned from DNS, TLS and HTTP are added as they are seen.
 * Every later packet pays one hash lookup. The table lives as long as the capture
 * file and holds at most its share of the memory budget (core/budget.h),
 * counted in bytes. Learning a name makes room: the oldest addresses are
 * evicted and freed (seen again, an address is looked up again and has lost
 * its names; on a later pass, its earlier frames show no name). Asking for a
 * label never evicts: past the cap, an address not cached is looked up in
 * the databases on each packet, as if new.
 *
 * Names change: a CDN address serves one site, then another. Each host keeps
 * the few names bound to it with the frame that bound each, so every pass
 * shows the name an address had at that frame (MAX_NAMES per address; past
 * that, the newest replaces the last).
 *
 * Strings are interned: one copy each for the life of the capture, since
 * other tables (flows, statistic lines) keep the pointers they were given.
 * Labels (providers, services, regions, AS names) come from the data files
 * and databases, so they are as many as the data holds. Host names come
 * from packets: they have a share of the budget, in bytes, and past it a
 * new name is not learned (an address keeps the names it has).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef CLOUD_HOSTS_H
#define CLOUD_HOSTS_H

#include <stdint.h>

#include <glib.h>
#include <wsutil/wmem/wmem.h>

#include "core/addr.h"
#include "core/addr_embed.h"
#include "core/mmdb.h"

typedef struct {
    const char *provider;       /* interned; NULL when unknown */
    const char *service;
    const char *region;
} cloud_label_t;

/* A name bound to the address, from the frame that bound it on. */
typedef struct {
    uint32_t      from_frame;
    const char   *hostname;     /* interned */
    cloud_label_t name;         /* provider and pattern of the chain's name nearest the address */
} name_binding_t;

typedef struct cloud_host {
    wsc_addr_t    addr;         /* first: the map's key points here */
    struct cloud_host *newer;   /* the next host added: the oldest makes room first */
    bool          looked_up;    /* the fields below are filled: on the first label asked */
    wsc_addr_t    embedded_v4;  /* NAT64, 6to4, Teredo, IPv4-mapped: the IPv4 address looked up */
    wsc_embed_kind_t embed_kind;    /* WSC_EMBED_NONE for plain addresses */
    cloud_label_t range;        /* the most specific published range holding the address */
    uint32_t      asn;          /* 0 when unknown */
    const char   *as_org;
    const char   *asn_provider; /* the provider that AS belongs to */
    name_binding_t *names;      /* oldest first, at most MAX_NAMES; file scope */
    uint8_t       n_names;
    uint8_t       cap_names;
} cloud_host_t;

/* The databases in force; NULL members are absent or switched off. */
typedef struct {
    wsc_mmdb_t *ranges;
    wsc_mmdb_t *asn;
    GHashTable   *asn_providers;    /* GUINT_TO_POINTER(asn) -> provider string */
} cloud_sources_t;

/* Per capture: an empty table, and caps from the memory budget. */
void cloud_hosts_reset(void);
void cloud_hosts_set_sources(const cloud_sources_t *sources);

/* What is known about a global address (never NULL), cached when there is
 * room. The entry may be evicted by the next name learned: read it, do not
 * keep it. `scratch` holds the entry when the table is full. */
const cloud_host_t *cloud_hosts_lookup(const wsc_addr_t *addr, wmem_allocator_t *scratch);
/* The same, filling *spare when the table is full. */
const cloud_host_t *cloud_hosts_lookup_into(const wsc_addr_t *addr, cloud_host_t *spare);

/* The entry to record a learned name in, making room for it (first pass). */
cloud_host_t *cloud_hosts_entry(const wsc_addr_t *addr);

/* The name bound to the host as known at `frame`, or NULL. */
const name_binding_t *cloud_host_name_at(const cloud_host_t *host, uint32_t frame);

/* Binds a name from `frame` on (a later binding in the same frame replaces it). */
void cloud_host_bind_name(cloud_host_t *host, uint32_t frame, const char *hostname, const cloud_label_t *name);

/* One shared copy of a label (from the data files and databases) for the
 * life of the capture file. */
const char *cloud_intern(const char *text, size_t len);

/* One shared copy of a host name seen in the capture, for the life of the
 * capture file; NULL when the names' share of the budget is spent and the
 * name is new. */
const char *cloud_intern_name(const char *name);

#endif /* CLOUD_HOSTS_H */
