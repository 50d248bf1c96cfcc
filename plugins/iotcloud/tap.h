/* tap.h: the "iotcloud" tap: one record per IP packet with a local device.
 *
 * Queued by the postdissector, also without a tree, when someone listens
 * (statistics, other plugins: register_tap_listener("iotcloud", ...)).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef IOTCLOUD_TAP_H
#define IOTCLOUD_TAP_H

#include <stdbool.h>
#include <stdint.h>

#include <epan/packet.h>

#include "core/addr.h"
#include "devices.h"
#include "mediated.h"

#define IOTCLOUD_TAP "iotcloud"

typedef struct {
    device_id_t device;         /* the local end (devices_by_id(); NULL once recycled) */
    wsc_addr_t  device_addr;
    wsc_addr_t  remote;         /* the other end: a remote host, or another local device */
    uint16_t    remote_port;
    bool        remote_is_local;
    bool        outbound;       /* the device sent the packet */
    uint32_t    bytes;          /* frame length */
    nstime_t    time;
    remote_info_t about;        /* what the cloud and delta_distance protocols say of the remote end */
    bool        relations_final;        /* a later pass: every relation is final */
} iotcloud_tap_t;

/* Statistics > IoT Cloud and tshark -z iotcloud,tree. */
void iotcloud_stats_register(void);
/* Statistics > IoT Cloud Device Inventory and tshark -z iotcloud,devices|json|dot (views/). */
void iotcloud_views_register(void);

#endif /* IOTCLOUD_TAP_H */
