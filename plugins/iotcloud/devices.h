/* devices.h: the local devices of a capture and what identifies them.
 *
 * A device is keyed by its MAC address, so its identity follows it across
 * IPv4 and IPv6 addresses and address changes; hosts seen without a MAC
 * (raw IP captures, hosts behind a router) are keyed by address. Evidence
 * (rule hits) accumulates on the first pass; the verdict is recomputed only
 * when the evidence changed. The table is bounded: past max_devices, the
 * oldest device makes room for the new one.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef IOTCLOUD_DEVICES_H
#define IOTCLOUD_DEVICES_H

#include <stdbool.h>
#include <stdint.h>

#include "core/addr.h"
#include "rules.h"

typedef struct device device_t;

/* What the plugin says about a device. Strings live with the capture file. */
typedef struct {
    const char   *vendor;
    device_type_t type;         /* TYPE_NONE: unknown */
    const char   *model;
    const char   *name;
    unsigned      confidence;   /* 0..100 */
    const char   *evidence;     /* "oui=Sonos, Inc.; dhcp_hostname=SonosZP; ..." */
} verdict_t;

/* Per capture: an empty table holding at most max_devices. */
void devices_reset(unsigned max_devices);
void devices_set_rules(const rules_t *rules);

/* The device with this MAC (48 bits), created on first sight when create. */
device_t *devices_by_mac(uint64_t mac, bool create);
/* The device last seen at this address; with create, one keyed by the
 * address when none is known. */
device_t *devices_by_addr(const wsc_addr_t *addr, bool create);
/* Records that the device uses this address (the latest binding wins). */
void devices_bind_addr(device_t *device, const wsc_addr_t *addr);
/* A MAC seen behind many IPv4 addresses is a router's: hosts behind it are
 * keyed by address instead. */
bool devices_is_gateway(const device_t *device);

/* Matches a signal of the device against the rules; repeated values are
 * matched once. */
void devices_observe(device_t *device, signal_t signal, const char *value);
/* A name the device calls itself (DHCP host name ranks above mDNS). */
void devices_set_name(device_t *device, const char *name, int rank);

/* The current verdict; NULL when nothing is known about the device. */
const verdict_t *devices_verdict(device_t *device);

uint64_t device_mac(const device_t *device);

#endif /* IOTCLOUD_DEVICES_H */
