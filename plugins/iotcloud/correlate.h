/* correlate.h: cloud-mediated pairs of devices, corrected for chance.
 *
 * Device A bursts towards a remote end of provider P (an Echo uploads a voice
 * command to AWS) and, within the window, P pushes device B (AWS tells the
 * Sonos to play; B sent nothing to P just before). Counting such events is
 * not enough in a real home: an Echo that sends a keepalive every 10 s, a
 * camera that uploads all the time or a phone that browses covers much of the
 * time with bursts, and a plug that the cloud pushes every 2 minutes gets
 * pushes at any time. The correlator compares, for each (A, B, P), the pushes
 * of B that followed A's bursts with how many would have if B's pushes were
 * independent of A's bursts, at each burst size, and reports the pairs whose
 * events are improbable by chance (Holm's step-down over every pair that saw
 * an event). Bursts and pushes that beat like a timer are no evidence.
 * docs/mediated.md gives the definitions, the test and the cost.
 *
 * Pure C (C11 and libm), no Wireshark or GLib types: devices, providers and
 * remote ends are the caller's uint32 ids. Not thread-safe; one correlator
 * per capture.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef IOTCLOUD_CORRELATE_H
#define IOTCLOUD_CORRELATE_H

#include <stdbool.h>
#include <stdint.h>

typedef struct correlator correlator_t;

typedef struct {
    double   window_s;          /* a push counts up to this long after a burst ends (iotcloud.correlation_window) */
    double   quiet_s;           /* a burst, or a push, starts after this long without traffic */
    double   alpha;             /* significance level: chance of any false pair in a capture */
    unsigned min_events;        /* events a pair needs at least (iotcloud.correlation_min_events) */
    /* Caps (0: the default). Past a cap, an idle entry with no pair is
     * evicted to make room, else the new one is not tracked (counted in
     * correlator_stats_t). */
    unsigned max_sources;       /* (device, provider, remote end) with bursts; default 16384 */
    unsigned max_sinks;         /* (device, provider): quiet times and pushes; default 16384 */
    unsigned max_pairs;         /* (source, pushed device) with events; default 4096 */
    unsigned max_providers;     /* providers with recent bursts; default 4096 */
} correlator_params_t;

/* One pair found: B's pushes follow A's bursts towards `provider`. */
typedef struct {
    uint32_t a;                 /* the device whose bursts come first */
    uint32_t b;                 /* the pushed device */
    uint32_t provider;
    uint32_t endpoint;          /* A's remote end whose bursts were followed */
    unsigned events;            /* pushes to B in the windows of A's bursts of at least min_burst_bytes */
    double   expected;          /* the same, expected by chance */
    double   p_value;           /* chance of events this improbable at some burst size (before Holm) */
    double   score;             /* -log10(p_value): 3 means 1 in 1000 */
    uint64_t min_burst_bytes;   /* the burst size threshold that gave the best p-value */
} correlator_pair_t;

typedef struct {
    unsigned sources, sinks, pairs, providers;      /* entries in use */
    unsigned pairs_seen;        /* pairs ever created: the multiple-testing family */
    unsigned dropped_sources, dropped_sinks, dropped_pairs, dropped_providers;
    unsigned evicted;           /* idle entries replaced by new ones */
} correlator_stats_t;

typedef void (*correlator_pair_fn)(void *ctx, const correlator_pair_t *pair);

/* window 2 s, quiet 1 s, alpha 0.05, min_events 2, default caps. */
void correlator_params_default(correlator_params_t *params);

/* NULL when out of memory. Parameters are copied; 0 or negative ones take their default. */
correlator_t *correlator_new(const correlator_params_t *params);
void correlator_free(correlator_t *c);

/* Every packet between a local device and a remote end of a provider, in
 * capture order. endpoint: the remote end (address, port, protocol) as an
 * id; 0 if unknown (then all of A's traffic to the provider is one source).
 * bytes: the frame length. */
void correlator_packet(correlator_t *c, uint32_t device, uint32_t provider, uint32_t endpoint,
                       bool outbound, uint32_t bytes, int64_t ts_ns);

/* Changes whenever an event is counted: decide again only when it did. */
unsigned correlator_version(const correlator_t *c);

/* Decides with what was seen so far and calls `fn` for each pair found, the
 * most improbable first, once per (a, b, provider). Returns how many. */
unsigned correlator_pairs(correlator_t *c, correlator_pair_fn fn, void *ctx);

void correlator_stats(const correlator_t *c, correlator_stats_t *out);

#endif /* IOTCLOUD_CORRELATE_H */
