/* mediated.h: devices that interact only through the cloud.
 *
 * Two local devices that never exchange a packet may still act on each
 * other: an Echo's voice command goes to AWS and AWS pushes the Sonos; a
 * camera streams to a cloud relay that a viewer pulls from. Every packet
 * between a local device and a remote host updates a per-conversation flow:
 *
 * - relay: two devices exchange traffic with the same remote address and port
 *   at the same time, one mostly sending, the other mostly receiving;
 * - correlated: device A's bursts towards provider P are followed by P
 *   pushing device B (B sent nothing to P just before) more often than
 *   chance allows: correlate.h decides, from every packet between a device
 *   and a remote end, and gives each pair its events, the events expected by
 *   chance and a score.
 *
 * Pairs that also talk directly on the LAN are reported as direct, not as
 * mediated: TCP between them, or UDP both ways outside the discovery
 * protocols (an SSDP reply to an M-SEARCH is not control). Devices are
 * referred to by stable ids. Everything is bounded: flows, endpoints,
 * relations.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef IOTCLOUD_MEDIATED_H
#define IOTCLOUD_MEDIATED_H

#include <stdbool.h>
#include <stdint.h>

#include "cloud/cloud.h"
#include "core/addr.h"
#include "delta_distance/delta_distance.h"
#include "devices.h"

typedef enum { MEDIATED_RELAY = 1, MEDIATED_CORRELATED } mediated_kind_t;

typedef struct relation {
    mediated_kind_t kind;
    device_id_t from;           /* relay: the sender; correlated: the device whose bursts come first */
    device_id_t to;             /* relay: the receiver; correlated: the pushed device */
    wsc_addr_t  from_addr;
    wsc_addr_t  to_addr;
    const char *via;            /* "54.194.162.98:2048", or the provider ("AWS") */
    unsigned    events;         /* correlated: pushes after the bursts; relay: packets of both flows */
    double      expected;       /* correlated: events expected by chance */
    double      score;          /* correlated: -log10 of the p-value (after the threshold correction) */
    bool        withdrawn;      /* correlated: found earlier in the pass, not with what was seen since */
    bool        found;          /* scratch of the decision */
    unsigned    direct_packets; /* control packets the pair exchanged on the LAN */
    bool        direct;         /* the pair also talks on the LAN: not only through the cloud */
    uint64_t    stamp;          /* mediated_clock() at its last change */
    struct relation *older, *newer;     /* the change list */
} relation_t;

/* One packet between a local device and another host, as the analysis sees it. */
typedef struct {
    device_id_t device;         /* the local end */
    wsc_addr_t  device_addr;
    device_id_t peer;           /* the other end when it is a local device too, else 0 */
    wsc_addr_t  remote;
    uint16_t    remote_port;
    uint16_t    device_port;
    uint8_t     ipproto;
    bool        outbound;       /* the device sent it */
    uint32_t    bytes;
    int64_t     ts_ns;
    uint32_t    frame;
} mediated_packet_t;

/* The conversation of a packet: counts, and what the suite's other protocols
 * say of the remote end. */
typedef struct flow flow_t;

/* What is known of a remote end: its cloud label and whether its round trip
 * contradicts its geolocation. */
typedef struct {
    wsc_cloud_label_t    cloud;
    bool                 located;
    delta_distance_geo_t geo;
} remote_info_t;

typedef struct {
    double   window_seconds;    /* a push counts up to this long after a burst */
    unsigned min_events;        /* events a correlated pair needs at least */
    double   alpha;             /* significance level of the correlated pairs */
} mediated_params_t;

void mediated_reset(const mediated_params_t *params);

/* First pass: count the packet in its flow (created on first sight; NULL
 * when the table is full or the packet stays on the LAN). The flow's remote
 * end is labelled on first sight and again as the flow grows. */
flow_t *mediated_observe(const mediated_packet_t *p);
/* Later passes: the packet's flow, or NULL; relations are final. */
flow_t *mediated_flow(const mediated_packet_t *p);
const remote_info_t *mediated_flow_remote(const flow_t *flow);

/* Relations found so far. */
unsigned mediated_count(void);
const relation_t *mediated_relation(unsigned index);
/* Weighs relay candidates now (it is otherwise done every few hundred
 * packets); the end of the first pass calls it. */
void mediated_settle(void);
/* The end of the first pass (the first frame of a later one): every
 * relation decided on everything seen. */
void mediated_finish(void);
/* Relations change (found, more events, found to talk directly) as the
 * first pass goes on; every change ticks the clock. */
uint64_t mediated_clock(void);
/* The relations changed after `since` (a clock value), newest first. */
void mediated_changes_since(uint64_t since, void (*each)(void *ctx, const relation_t *r), void *ctx);

/* The mediated relations a flow takes part in (not direct ones). */
unsigned mediated_flow_relations(const flow_t *flow, const relation_t **out, unsigned max);

#endif /* IOTCLOUD_MEDIATED_H */
