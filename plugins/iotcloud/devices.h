/* devices.h: the local devices of a capture, which frames belong to which,
 * and what identifies them.
 *
 * A device is keyed by its MAC address, so its identity follows it across
 * IPv4 and IPv6 addresses and address changes; hosts seen without a MAC of
 * their own (raw IP captures, hosts behind a router) are keyed by address.
 *
 * Binding rules (docs/iotcloud.md): a local address is bound to a MAC only
 * from frames that host sends (source address with source MAC), never from
 * a frame's destination. A MAC is a router's when it carries traffic from
 * remote addresses, when local hosts send remote traffic to it, or when it
 * sends from addresses of more than one subnet; its earlier bindings are then
 * undone, and what the hosts behind it said is handed to devices keyed by
 * their addresses.
 *
 * Devices have stable ids: the table is bounded (max_devices) and recycles
 * the oldest entry, which then gets a new id, so nothing learned about the
 * old host (flows, relations, statistic lines) ever applies to the new one.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef IOTCLOUD_DEVICES_H
#define IOTCLOUD_DEVICES_H

#include <stdbool.h>
#include <stdint.h>

#include "core/addr.h"
#include "core/facts.h"
#include "identity.h"

typedef struct device device_t;
typedef uint32_t device_id_t;           /* 0: none */

/* Per capture: an empty table holding at most max_devices. */
void devices_reset(unsigned max_devices);

/* The local devices at the two ends of a frame (NULL where there is none);
 * on the first pass, the frame's source is learned and bound. */
void devices_of_frame(const wsc_facts_t *facts, device_t **src, device_t **dst);

device_id_t device_id(const device_t *device);
/* NULL once the device has been recycled. */
device_t *devices_by_id(device_id_t id);

/* The address the device used last; false for NULL or a device with none. */
bool devices_addr(const device_t *device, wsc_addr_t *out);

/* The device with this MAC (48 bits), created on first sight when create. */
device_t *devices_by_mac(uint64_t mac, bool create);
/* A DHCP server gave the device this address. */
void devices_bind_addr(device_t *device, const wsc_addr_t *addr);
/* Is this the MAC of the frame's sender, a host on this link? */
uint64_t devices_frame_src_mac(const wsc_facts_t *facts);

/* A signal of the device, sent from `addr` (NULL: about its MAC). */
void devices_observe(device_t *device, signal_t signal, const char *value, const wsc_addr_t *addr);
void devices_set_name(device_t *device, const char *name, int rank, const wsc_addr_t *addr);
/* A port the device serves, uses or announces itself on (SIG_SERVES, SIG_USES, SIG_LAN_PORT), from `addr`. */
void devices_observe_port(device_t *device, signal_t signal, bool tcp, uint16_t port, const wsc_addr_t *addr);
/* A frame between the device and a remote host, for its behaviour. */
void devices_count_traffic(device_t *device, bool upstream, uint32_t frame_len, int64_t ts_ns);
/* The device answered another local host's DNS query. */
void devices_mark_resolver(device_t *device);

/* The current verdict; NULL when nothing is known about the device. */
const verdict_t *devices_verdict(device_t *device);

#endif /* IOTCLOUD_DEVICES_H */
