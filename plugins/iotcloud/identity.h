/* identity.h: the evidence gathered about one device, and the verdict it
 * supports (vendor, type, model, name, confidence, evidence text).
 *
 * Evidence is a rule hit: a signal the device showed matched a rule of
 * device_rules.tsv or the user's table. Each hit remembers where it came
 * from: the device's MAC (OUI, DHCP) or one of the addresses it used, so
 * that when a MAC turns out to be a router's, what the hosts behind it said
 * can be handed to those hosts (devices.c). Besides the hits, a device keeps
 * a few traffic counters (bounded, updated with a handful of additions per
 * packet) from which its behaviour is read: sustained upload, or tiny
 * keepalives and nothing else.
 *
 * How hits become a verdict is identity.c's header comment.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef IOTCLOUD_IDENTITY_H
#define IOTCLOUD_IDENTITY_H

#include <stdbool.h>
#include <stdint.h>

#include "rules.h"

#define IDENTITY_MAX_EVIDENCE   24      /* rule hits kept; destinations give way first, then lighter ones */
#define IDENTITY_MAX_SEEN       32      /* recent (signal, value) pairs not matched again */
#define IDENTITY_EVIDENCE_TEXT  512     /* bytes of evidence text kept, with its NUL */
#define ORIGIN_MAC              0xFF    /* evidence about the MAC itself (OUI, DHCP) */

typedef struct maker maker_t;      /* an OUI registrant no rule knows (identity.c) */

/* What the plugin says about a device. Strings live with the capture file. */
typedef struct {
    const char   *vendor;
    device_type_t type;         /* TYPE_NONE: unknown */
    const char   *model;
    const char   *name;
    unsigned      confidence;   /* 0..100 */
    const char   *evidence;     /* "oui=Sonos, Inc.; dhcp_hostname=SonosZP; ..." and why */
} verdict_t;

typedef struct {
    const rule_t *rule;
    const char   *value;        /* what matched, as observed */
    uint8_t       origin;       /* ORIGIN_MAC, or the device's address slot */
} evidence_t;

typedef enum { BEHAVIOUR_NONE, BEHAVIOUR_UPSTREAM_VIDEO, BEHAVIOUR_KEEPALIVE_ONLY } behaviour_t;

/* The device's traffic with remote (internet) hosts. */
typedef struct {
    uint64_t up_bytes, down_bytes;
    uint32_t up_packets, down_packets;
    uint32_t up_large, down_large;      /* frames of LARGE_FRAME bytes or more */
    int64_t  first_ns, last_ns;
    behaviour_t behaviour;              /* as last read from the counters */
} traffic_t;

typedef struct {
    evidence_t evidence[IDENTITY_MAX_EVIDENCE];
    unsigned   n_evidence;
    unsigned   seen[IDENTITY_MAX_SEEN];
    unsigned   n_seen;
    unsigned   next_seen;
    uint32_t   last_port;       /* the last port signal observed, (signal, tcp, port): streams repeat it */
    const char *name;
    int        name_rank;
    uint8_t    name_origin;
    bool       randomized_mac;  /* locally administered: phones, tablets and computers hide theirs */
    bool       resolver;        /* answers DNS for other hosts: the names it looks up are theirs */
    const maker_t *unconfirmed_maker;   /* the MAC's registrant, a vendor once another signal names it */
    bool       dirty;
    bool       worth_telling;   /* a vendor, type or name, or evidence beyond the MAC's maker */
    traffic_t  traffic;
    verdict_t  verdict;
    char      *evidence_text;   /* the verdict's evidence, one buffer per device (IDENTITY_EVIDENCE_TEXT) */
} identity_t;

void identity_set_rules(const rules_t *rules);

/* Matches a signal against the rules; a value seen recently is not matched again. */
void identity_observe(identity_t *id, signal_t signal, const char *value, uint8_t origin);
/* The same in two steps, for callers whose origin costs a lookup: is the
 * value new (and now remembered)? Then match it. */
bool identity_value_is_news(identity_t *id, signal_t signal, const char *value);
void identity_match(identity_t *id, signal_t signal, const char *value, uint8_t origin);
/* Does a rule name this port (SIG_SERVES, SIG_USES, SIG_LAN_PORT)? A bit test. */
bool identity_port_wanted(signal_t signal, bool tcp, uint16_t port);
/* Is it news for this device? Not while it repeats (a stream's every packet). */
bool identity_port_is_news(identity_t *id, signal_t signal, bool tcp, uint16_t port);
/* A port the device serves, uses or announces itself on, as "tcp/554". */
void identity_observe_port(identity_t *id, signal_t signal, bool tcp, uint16_t port, uint8_t origin);
/* The MAC's vendor from Wireshark's manuf table: its rules, or (when none)
 * the registrant, once another signal of the device names it. */
void identity_observe_oui(identity_t *id, uint64_t mac);
/* A name the device calls itself (DHCP host name ranks above mDNS). */
void identity_set_name(identity_t *id, const char *name, int rank, uint8_t origin);
/* Hands the evidence (and name) from `origin` over to another device. */
void identity_move(identity_t *from, uint8_t origin, identity_t *to, uint8_t to_origin);
/* Evidence from an address slot that is reused: it now speaks for the MAC. */
void identity_forget_origin(identity_t *id, uint8_t origin);
/* Reads the behaviour from the traffic counters (dirty when it changed). */
void identity_read_behaviour(identity_t *id);

#define IDENTITY_LARGE_FRAME    1000    /* bytes: a frame of a stream, not a keepalive */
#define IDENTITY_READ_EVERY     8       /* frames between two readings: the thresholds are coarse */

/* One frame between the device and a remote host (upstream: the device sent
 * it): a few additions on every such frame, so inline. */
static inline void identity_count_traffic(identity_t *id, bool upstream, uint32_t frame_len, int64_t ts_ns)
{
    traffic_t *t = &id->traffic;

    if (t->up_packets == 0 && t->down_packets == 0)
        t->first_ns = ts_ns;
    if (ts_ns > t->last_ns)
        t->last_ns = ts_ns;
    if (upstream) {
        t->up_bytes += frame_len;
        t->up_packets++;
        t->up_large += frame_len >= IDENTITY_LARGE_FRAME;
    } else {
        t->down_bytes += frame_len;
        t->down_packets++;
        t->down_large += frame_len >= IDENTITY_LARGE_FRAME;
    }
    if ((t->up_packets + t->down_packets) % IDENTITY_READ_EVERY == 0)
        identity_read_behaviour(id);
}

/* The host answers DNS queries of other local hosts (a Pi-hole, the
 * router): what it looks up upstream is what they asked for. */
static inline void identity_mark_resolver(identity_t *id)
{
    if (!id->resolver) {
        id->resolver = true;
        id->dirty = true;
    }
}

/* The current verdict; NULL when nothing is known beyond the maker of its
 * MAC. An unknown type is a verdict when the host said more: its evidence
 * says why it is unknown. */
const verdict_t *identity_verdict(identity_t *id);

/* Frees the strings of a device that makes room for another. */
void identity_clear(identity_t *id);

#endif /* IOTCLOUD_IDENTITY_H */
