/* identity.h: the evidence gathered about one device, and the verdict it
 * supports (vendor, type, model, name, confidence, evidence text).
 *
 * Evidence is a rule hit: a signal the device showed matched a rule of
 * device_rules.tsv or the user's table. Each hit remembers where it came
 * from: the device's MAC (OUI, DHCP) or one of the addresses it used, so
 * that when a MAC turns out to be a router's, what the hosts behind it said
 * can be handed to those hosts (devices.c).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef IOTCLOUD_IDENTITY_H
#define IOTCLOUD_IDENTITY_H

#include <stdbool.h>
#include <stdint.h>

#include "rules.h"

#define IDENTITY_MAX_EVIDENCE   24      /* rule hits kept; lighter ones give way */
#define IDENTITY_MAX_SEEN       32      /* recent (signal, value) pairs not matched again */
#define ORIGIN_MAC              0xFF    /* evidence about the MAC itself (OUI, DHCP) */

/* What the plugin says about a device. Strings live with the capture file. */
typedef struct {
    const char   *vendor;
    device_type_t type;         /* TYPE_NONE: unknown */
    const char   *model;
    const char   *name;
    unsigned      confidence;   /* 0..100 */
    const char   *evidence;     /* "oui=Sonos, Inc.; dhcp_hostname=SonosZP; ..." */
} verdict_t;

typedef struct {
    const rule_t *rule;
    const char   *value;        /* what matched, as observed */
    uint8_t       origin;       /* ORIGIN_MAC, or the device's address slot */
} evidence_t;

typedef struct {
    evidence_t evidence[IDENTITY_MAX_EVIDENCE];
    unsigned   n_evidence;
    unsigned   seen[IDENTITY_MAX_SEEN];
    unsigned   n_seen;
    unsigned   next_seen;
    const char *name;
    int        name_rank;
    uint8_t    name_origin;
    bool       dirty;
    verdict_t  verdict;
} identity_t;

void identity_set_rules(const rules_t *rules);

/* Matches a signal against the rules; a value seen recently is not matched again. */
void identity_observe(identity_t *id, signal_t signal, const char *value, uint8_t origin);
/* The MAC's vendor from Wireshark's manuf table (mild evidence when no rule names it). */
void identity_observe_oui(identity_t *id, uint64_t mac);
/* A name the device calls itself (DHCP host name ranks above mDNS). */
void identity_set_name(identity_t *id, const char *name, int rank, uint8_t origin);
/* Hands the evidence (and name) from `origin` over to another device. */
void identity_move(identity_t *from, uint8_t origin, identity_t *to, uint8_t to_origin);
/* Evidence from an address slot that is reused: it now speaks for the MAC. */
void identity_forget_origin(identity_t *id, uint8_t origin);

/* The current verdict; NULL when nothing is known. */
const verdict_t *identity_verdict(identity_t *id);

/* Frees the strings of a device that makes room for another. */
void identity_clear(identity_t *id);

#endif /* IOTCLOUD_IDENTITY_H */
