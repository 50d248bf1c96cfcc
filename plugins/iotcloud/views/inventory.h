/* inventory.h: what one view has seen of the local devices, from the
 * iotcloud tap's records.
 *
 * Each view instance (a -z iotcloud,devices / json / dot in tshark, the
 * Device Inventory dialog in Wireshark) keeps its own inventory: the records
 * its display filter let through, added up per device (stable id), per
 * address, per cloud provider and service, per local peer, and the remote
 * addresses whose round trip contradicts their geolocation. The identity of
 * a device (vendor, type, model, name, confidence) and its MAC are read from
 * the analysis as the records arrive; nothing here changes the analysis.
 *
 * Everything a view prints is owned here (copied), so an inventory outlives
 * the capture file it was built from. Everything is bounded: devices,
 * addresses, providers, services, peers and contradictions each have a cap,
 * past which the counts go to an "other" bucket (never lost from totals).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef IOTCLOUD_VIEWS_INVENTORY_H
#define IOTCLOUD_VIEWS_INVENTORY_H

#include <stdbool.h>
#include <stdint.h>

#include <glib.h>
#include <epan/packet_info.h>

#include "core/addr.h"
#include "iotcloud/tap.h"

#define INVENTORY_MAX_DEVICES   10000   /* rows per view; later devices are counted, not listed */
#define INVENTORY_MAX_ADDRS     8       /* addresses listed per device */
#define INVENTORY_MAX_PROVIDERS 32      /* providers listed per device */
#define INVENTORY_MAX_SERVICES  32      /* services listed per provider of a device */
#define INVENTORY_MAX_PEERS     32      /* other local devices listed per device */
#define INVENTORY_MAX_GEO       1000    /* remote addresses whose RTT contradicts geolocation */

typedef struct {
    uint64_t packets;
    uint64_t bytes;
} inv_count_t;

typedef struct {
    wsc_addr_t  addr;
    inv_count_t total;
} inv_addr_t;

typedef struct {
    char       *service;        /* owned; NULL when unknown */
    char       *region;
    char       *hostname;
    inv_count_t total;
} inv_service_t;

typedef struct {
    char       *name;           /* owned */
    inv_count_t total;
    GPtrArray  *services;       /* inv_service_t *, at most INVENTORY_MAX_SERVICES */
    inv_count_t other_services; /* labels past the cap */
} inv_provider_t;

typedef struct {
    wsc_addr_t  addr;           /* the other local device's address */
    inv_count_t total;
} inv_peer_t;

/* One local device as this view saw it. */
typedef struct {
    device_id_t id;
    unsigned    row;            /* order of first sight, 0-based: the GUI table's row */
    unsigned    changes;        /* bumped when its identity, MAC, addresses or providers change */
    uint64_t    mac;            /* 48 bits; 0: none of its own on the link (routed, raw IP) */
    /* Identity, copied from the analysis (NULL: unknown). */
    char       *vendor;
    const char *type;           /* static vocabulary */
    char       *model;
    char       *name;
    unsigned    confidence;
    bool        identity_final; /* read on a later pass: it will not change */

    inv_addr_t  addrs[INVENTORY_MAX_ADDRS];
    unsigned    n_addrs;
    inv_count_t other_addrs;

    inv_count_t sent;
    inv_count_t received;
    nstime_t    first_seen;
    nstime_t    last_seen;

    GPtrArray  *providers;      /* inv_provider_t *, at most INVENTORY_MAX_PROVIDERS */
    inv_count_t other_providers;
    inv_count_t unlabelled;     /* remote hosts no provider is known for */
    inv_count_t local;          /* other local devices */
    inv_peer_t  peers[INVENTORY_MAX_PEERS];
    unsigned    n_peers;
} inv_device_t;

/* A remote address whose round trip contradicts where it is geolocated. */
typedef struct {
    wsc_addr_t addr;
    char      *provider;        /* owned; NULL when unknown */
    char      *place;           /* owned: "Kolkata, IN" */
    double     geo_km;
    double     max_km;
    int64_t    rtt_ns;
    uint64_t   packets;
} inv_geo_t;

typedef struct inventory inventory_t;

inventory_t *inventory_new(void);
void inventory_free(inventory_t *inv);
/* Forgets everything (a retap). */
void inventory_reset(inventory_t *inv);

/* Adds one tap record; returns its device's row, or NULL when the device
 * table of this view is full (the record still counts in the totals). */
inv_device_t *inventory_add(inventory_t *inv, const packet_info *pinfo, const iotcloud_tap_t *rec);

unsigned inventory_count(const inventory_t *inv);
/* In order of first sight. */
inv_device_t *inventory_device(const inventory_t *inv, unsigned row);
/* The rows sorted for reading: most bytes first, then by row. g_free() it. */
inv_device_t **inventory_sorted(const inventory_t *inv);
/* The row of a device id, or of an address it used; NULL when not seen. */
inv_device_t *inventory_by_id(const inventory_t *inv, device_id_t id);
inv_device_t *inventory_by_addr(const inventory_t *inv, const wsc_addr_t *addr);

/* Records of devices past INVENTORY_MAX_DEVICES. */
inv_count_t inventory_unlisted(const inventory_t *inv);
/* Every record this view counted. */
inv_count_t inventory_total(const inventory_t *inv);
/* Identities and relations are final: the records came from a later pass
 * (tshark -2, the GUI), or there were none. */
bool inventory_relations_final(const inventory_t *inv);

unsigned inventory_geo_count(const inventory_t *inv);
const inv_geo_t *inventory_geo(const inventory_t *inv, unsigned index);

/* "192.168.1.5, fe80::1" (g_free). */
char *inventory_addresses_text(const inv_device_t *dev);
/* "AWS, Akamai": the providers by name (g_free); changes only with `changes`. */
char *inventory_providers_text(const inv_device_t *dev);
/* "00:0e:58:c6:83:a4", or "" without one (buf of 18). */
void inventory_mac_text(uint64_t mac, char buf[18]);
/* "2018-06-11T10:00:00.123456Z", UTC. */
#define INVENTORY_TIME_TEXT_SIZE 64     /* room for any year printf could write */
void inventory_time_text(const nstime_t *t, char buf[INVENTORY_TIME_TEXT_SIZE]);
/* A provider's services, most bytes first (g_free the array, not its items). */
inv_service_t **inventory_services_sorted(const inv_provider_t *p);
/* A device's providers, most bytes first (g_free the array, not its items). */
inv_provider_t **inventory_providers_sorted(const inv_device_t *dev);

#endif /* IOTCLOUD_VIEWS_INVENTORY_H */
