/* rules.h: device rules: one observed signal -> evidence of some kind.
 *
 * A rule says: when a host shows this signal (its OUI vendor name, a DHCP
 * host name, a DNS-SD service type, a port it serves, a name it looks
 * up...) matching this pattern, count `weight` for this vendor, type and
 * model. Rules come from device_rules.tsv (shipped) and from the user's
 * table in the preferences.
 *
 * Evidence differs in kind (identity.c weighs each kind its own way):
 *   identity     what the host says of itself: OUI, DHCP, mDNS and SSDP
 *                self-descriptions, User-Agent, ports it serves or uses;
 *   destination  what it talks to: names it looks up or connects to (an
 *                app on a phone talks to its vendor's cloud too);
 *   constraint   the types a vendor makes (signal `vendor`) and what the
 *                host's behaviour allows (signal `behaviour`).
 * A rule's type column names one type ("camera"), a set of types the host
 * may be ("plug|light"), or the operating system it runs ("os:android"):
 * an OS says "general-purpose" only when nothing else contradicts it.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef IOTCLOUD_RULES_H
#define IOTCLOUD_RULES_H

#include <stdbool.h>
#include <stdint.h>

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
    SIG_LAN_PORT,           /* broadcasts/multicasts it announces itself with: "udp/6667" */
    SIG_LAN_MODEL,          /* the model a LAN discovery reply names: Ubiquiti's "UGW3" */
    SIG_SERVES,             /* a port it answers on: "tcp/554" (SYN/ACK, UDP reply) */
    SIG_USES,               /* a service it opens as a client: "tcp/8883", "xiaomi-push" */
    SIG_BEHAVIOUR,          /* "upstream-video", "keepalive-only" */
    SIG_VENDOR,             /* the vendor decided: its product lines */
    SIG_COUNT
} signal_t;

typedef enum {
    EVIDENCE_IDENTITY, EVIDENCE_DESTINATION, EVIDENCE_CONSTRAINT
} evidence_kind_t;

typedef enum {
    MATCH_EXACT, MATCH_PREFIX, MATCH_SUFFIX, MATCH_CONTAINS, MATCH_GLOB, MATCH_DOMAIN
} match_t;

/* The type vocabulary; TYPE_NONE when a rule says nothing of the type.
 * TYPE_IOT and TYPE_MODULE are never an answer: "some IoT device" (a
 * HomeKit accessory, an embedded DHCP client, a Wi-Fi module's OUI). */
typedef enum {
    TYPE_NONE, TYPE_CAMERA, TYPE_SPEAKER, TYPE_VOICE_ASSISTANT, TYPE_PLUG, TYPE_LIGHT, TYPE_HUB,
    TYPE_SENSOR, TYPE_THERMOSTAT, TYPE_TV, TYPE_MEDIA_PLAYER, TYPE_PRINTER, TYPE_VACUUM,
    TYPE_APPLIANCE, TYPE_SCALE, TYPE_WEARABLE, TYPE_PHONE, TYPE_COMPUTER, TYPE_TABLET,
    TYPE_GAME_CONSOLE, TYPE_NAS, TYPE_ROUTER, TYPE_VEHICLE, TYPE_NVR, TYPE_MODULE, TYPE_IOT,
    TYPE_COUNT
} device_type_t;

typedef uint32_t type_set_t;            /* one bit per device_type_t */
#define TYPE_BIT(t)   ((type_set_t)1u << (t))
#define PERSONAL_TYPES (TYPE_BIT(TYPE_PHONE) | TYPE_BIT(TYPE_COMPUTER) | TYPE_BIT(TYPE_TABLET))
#define MARKER_TYPES   (TYPE_BIT(TYPE_MODULE) | TYPE_BIT(TYPE_IOT))

/* Operating systems of general-purpose devices; "os:android" in a rule. */
typedef enum {
    PLATFORM_NONE, PLATFORM_ANDROID, PLATFORM_IOS, PLATFORM_MACOS, PLATFORM_WINDOWS, PLATFORM_CHROMEOS,
    PLATFORM_COUNT
} platform_t;

typedef struct {
    signal_t      signal;
    match_t       match;
    const char   *pattern;      /* lower case */
    const char   *vendor;       /* NULL for "-" */
    device_type_t type;         /* the one type it names, else TYPE_NONE */
    type_set_t    types;        /* the types it allows ("plug|light"); 0: says nothing */
    platform_t    platform;     /* "os:android" */
    const char   *model;        /* NULL for "-" */
    bool          model_is_value;   /* "$value": the matched text is the model */
    int           weight;       /* 1..100 */
} rule_t;

typedef struct rules rules_t;

const char *signal_name(signal_t signal);
evidence_kind_t signal_kind(signal_t signal);
const char *device_type_name(device_type_t type);
const char *platform_name(platform_t platform);
/* What a host running it is when nothing else says: phone or computer. */
device_type_t platform_default_type(platform_t platform);
/* Android and iOS also run embedded devices; macOS, Windows and ChromeOS do not. */
bool platform_runs_embedded(platform_t platform);

/* Personal devices are never typed as IoT. */
static inline bool device_type_is_personal(device_type_t t)
{
    return (TYPE_BIT(t) & PERSONAL_TYPES) != 0;
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

/* Is there a rule on this port ("serves", "uses" or "lan_port", TCP or
 * UDP)? A bit test, so that a packet's ports cost nothing when no rule
 * names them. */
bool rules_want_port(const rules_t *rules, signal_t signal, bool tcp, uint16_t port);

unsigned rules_count(const rules_t *rules);

#endif /* IOTCLOUD_RULES_H */
