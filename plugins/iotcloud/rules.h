/* rules.h: device rules: one observed signal -> weighted evidence.
 *
 * A rule says: when a host shows this signal (its OUI vendor name, a DHCP
 * host name, a DNS-SD service type, a name it looks up...) matching this
 * pattern, count `weight` for this vendor, type and model. Rules come from
 * device_rules.tsv (shipped) and from the user's table in the preferences.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef IOTCLOUD_RULES_H
#define IOTCLOUD_RULES_H

#include <stdbool.h>

#include "core/datafile.h"

typedef enum {
    SIG_OUI,                /* Wireshark's manuf vendor name of the MAC */
    SIG_OUI_PREFIX,         /* "40:b4:cd" */
    SIG_DHCP_HOSTNAME,
    SIG_DHCP_VENDOR_CLASS,
    SIG_DHCP_PRL,           /* option 55, "1,3,6,15" */
    SIG_MDNS_SERVICE,       /* "_sonos._tcp" */
    SIG_MDNS_NAME,
    SIG_MDNS_MODEL,         /* TXT md=, model=, mdl=, ty= */
    SIG_SSDP_SERVER,
    SIG_SSDP_TYPE,          /* ST / NT */
    SIG_SSDP_USN,
    SIG_SSDP_LOCATION,
    SIG_DNS_NAME,           /* names looked up, and TLS/QUIC server names */
    SIG_USER_AGENT,
    SIG_LAN_PORT,           /* broadcasts/multicasts it sends: "udp/6667" */
    SIG_COUNT
} signal_t;

typedef enum {
    MATCH_EXACT, MATCH_PREFIX, MATCH_SUFFIX, MATCH_CONTAINS, MATCH_GLOB, MATCH_DOMAIN
} match_t;

/* The type vocabulary; TYPE_NONE when a rule says nothing of the type. */
typedef enum {
    TYPE_NONE, TYPE_CAMERA, TYPE_SPEAKER, TYPE_VOICE_ASSISTANT, TYPE_PLUG, TYPE_LIGHT, TYPE_HUB,
    TYPE_SENSOR, TYPE_THERMOSTAT, TYPE_TV, TYPE_MEDIA_PLAYER, TYPE_PRINTER, TYPE_VACUUM,
    TYPE_APPLIANCE, TYPE_SCALE, TYPE_WEARABLE, TYPE_PHONE, TYPE_COMPUTER, TYPE_TABLET,
    TYPE_GAME_CONSOLE, TYPE_NAS, TYPE_ROUTER, TYPE_MODULE,
    TYPE_COUNT
} device_type_t;

typedef struct {
    signal_t      signal;
    match_t       match;
    const char   *pattern;      /* lower case */
    const char   *vendor;       /* NULL for "-" */
    device_type_t type;
    const char   *model;        /* NULL for "-" */
    bool          model_is_value;   /* "$value": the matched text is the model */
    int           weight;       /* 1..100 */
} rule_t;

typedef struct rules rules_t;

const char *signal_name(signal_t signal);
const char *device_type_name(device_type_t type);
/* Personal devices are never typed as IoT. */
static inline bool device_type_is_personal(device_type_t t)
{
    return t == TYPE_PHONE || t == TYPE_COMPUTER || t == TYPE_TABLET;
}

rules_t *rules_new(void);
void rules_free(rules_t *rules);

/* One rule from its text columns; NULL when taken, else why not. */
const char *rules_add(rules_t *rules, const char *signal, const char *match, const char *pattern,
                      const char *vendor, const char *type, const char *model, const char *weight);

/* Reads device_rules.tsv into rules. */
bool rules_load(rules_t *rules, const char *path, wsc_read_report_t *report, char **why);

/* Calls hit() for every rule of `signal` that `value` matches. */
void rules_match(const rules_t *rules, signal_t signal, const char *value,
                 void (*hit)(void *ctx, const rule_t *rule, const char *value), void *ctx);

unsigned rules_count(const rules_t *rules);

#endif /* IOTCLOUD_RULES_H */
