/* identity.c: gathering a device's evidence: rule hits of its signals,
 * where each came from, its name, and the traffic counters its behaviour
 * is read from. verdict.c turns the evidence into a verdict.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/addr_resolv.h>
#include <epan/wmem_scopes.h>

#include "core/ws_compat.h"
#include "brand.h"
#include "identity.h"
#include "verdict.h"

#define GENERIC_OUI_WEIGHT  20      /* a manuf name no rule knows, confirmed: mild vendor evidence */
#define MAX_NAME            63

/* Behaviour, from the traffic with remote hosts. */
#define VIDEO_MIN_BYTES     (256 * 1024)
#define VIDEO_MIN_MS        5000
#define VIDEO_MIN_RATE      6000    /* bytes/s upstream: 48 kbit/s, the low end of a video stream */
#define KEEPALIVE_MIN_MS    30000
#define KEEPALIVE_MIN_PACKETS 4
#define KEEPALIVE_MAX_UP    512     /* bytes/s */
#define KEEPALIVE_MAX_DOWN  2048

static const rules_t *rules;
/* An OUI registrant that no rule knows. For an IoT device that is mostly a
 * module maker or contract manufacturer (Atheros, Ralink, Wisol, Zowee for
 * a YI camera, Smarteye for a Wansview camera), not the brand: its name is
 * taken for the vendor only when another signal of the device -- a host
 * name, a self-description, a User-Agent, a name it reaches -- names the
 * same brand (Invoxia's Triby reaching invoxia.com). */
struct maker {
    rule_t      rule;               /* the brand as mild vendor evidence */
    const char *manuf;              /* the registrant's name, as evidence value */
    char        token[32];          /* the brand's first word, lower case; "" when too short to tell */
};

/* Manuf name -> its maker, shared by every device with that OUI (one per
 * device would stay allocated after the device is gone). */
static wmem_map_t *makers;

static void free_string(const char *text)
{
    wmem_free(wmem_file_scope(), (void *)text);   /* wmem_free(NULL) is a no-op */
}

void identity_set_rules(const rules_t *new_rules)
{
    rules = new_rules;
}

/* --- gathering evidence ---------------------------------------------------- */

/* "Sonos, Inc." -> "Sonos" (brand.h); the manuf name itself when nothing
 * is left of it. */
static const char *brand_of(const char *manuf)
{
    char brand[128];

    return wmem_strdup(wmem_file_scope(), iotcloud_brand_of(manuf, brand, sizeof(brand)) ? brand : manuf);
}

/* Which evidence gives way when the list is full: destinations first (a
 * phone reaches many), then the lighter. */
static int keep_rank(const rule_t *rule)
{
    return (signal_kind(rule->signal) == EVIDENCE_DESTINATION ? 0 : 1000) + rule->weight;
}

static void add_evidence(identity_t *id, const rule_t *rule, const char *value, uint8_t origin)
{
    evidence_t *slot = NULL;

    for (unsigned i = 0; i < id->n_evidence; i++)
        if (id->evidence[i].rule == rule)
            return;                         /* this rule counts once */
    if (id->n_evidence < IDENTITY_MAX_EVIDENCE) {
        slot = &id->evidence[id->n_evidence++];
    } else {
        for (unsigned i = 0; i < IDENTITY_MAX_EVIDENCE; i++)
            if (keep_rank(id->evidence[i].rule) < keep_rank(rule) &&
                (slot == NULL || keep_rank(id->evidence[i].rule) < keep_rank(slot->rule)))
                slot = &id->evidence[i];
        if (slot == NULL)
            return;
        free_string(slot->value);           /* the lighter evidence it replaces */
    }
    slot->rule = rule;
    slot->value = wmem_strdup(wmem_file_scope(), value);
    slot->origin = origin;
    id->dirty = true;
}

/* The brand's first word, lower case, when it has 4 characters or more:
 * shorter ones ("GE") would be found in too many names by chance. */
static void maker_token(const char *brand, char *out, size_t size)
{
    size_t n = 0;

    while (brand[n] != '\0' && g_ascii_isalnum(brand[n]) && n + 1 < size) {
        out[n] = g_ascii_tolower(brand[n]);
        n++;
    }
    out[n >= 4 ? n : 0] = '\0';
}

/* The registrant's maker, made once per manuf name and capture. */
static const maker_t *maker_of(const char *manuf)
{
    maker_t *maker;

    if (makers == NULL)
        makers = wmem_map_new_autoreset(wmem_epan_scope(), wmem_file_scope(), g_str_hash, g_str_equal);
    maker = wmem_map_lookup(makers, manuf);
    if (maker == NULL) {
        maker = wmem_new0(wmem_file_scope(), maker_t);
        maker->manuf = wmem_strdup(wmem_file_scope(), manuf);
        maker->rule.signal = SIG_OUI;
        maker->rule.vendor = brand_of(manuf);
        maker->rule.weight = GENERIC_OUI_WEIGHT;
        maker_token(maker->rule.vendor, maker->token, sizeof(maker->token));
        wmem_map_insert(makers, maker->manuf, maker);
    }
    return maker;
}

/* The token as a word of the value: at its start or after a character that
 * is not a letter or digit ("triby.invoxia.com", "Invoxia-Triby"). */
static bool names_maker(const char *value, const char *token)
{
    size_t len = strlen(token);

    for (const char *at = value; *at != '\0'; at++)
        if ((at == value || !g_ascii_isalnum(at[-1])) && g_ascii_strncasecmp(at, token, len) == 0)
            return true;
    return false;
}

static void confirm_maker(identity_t *id, const char *value)
{
    const maker_t *maker = id->unconfirmed_maker;

    if (maker != NULL && names_maker(value, maker->token)) {
        id->unconfirmed_maker = NULL;
        add_evidence(id, &maker->rule, maker->manuf, ORIGIN_MAC);
    }
}

typedef struct {
    identity_t *id;
    uint8_t     origin;
} hit_ctx_t;

static void on_hit(void *ctx, const rule_t *rule, const char *value)
{
    hit_ctx_t *hit = ctx;

    if (signal_kind(rule->signal) != EVIDENCE_CONSTRAINT)
        add_evidence(hit->id, rule, value, hit->origin);
}

static bool seen_before(identity_t *id, signal_t signal, const char *value)
{
    unsigned key = g_str_hash(value) * 31u + (unsigned)signal;

    for (unsigned i = 0; i < id->n_seen; i++)
        if (id->seen[i] == key)
            return true;
    id->seen[id->next_seen] = key;
    id->next_seen = (id->next_seen + 1) % IDENTITY_MAX_SEEN;
    if (id->n_seen < IDENTITY_MAX_SEEN)
        id->n_seen++;
    return false;
}

bool identity_value_is_news(identity_t *id, signal_t signal, const char *value)
{
    return id != NULL && value != NULL && *value != '\0' && !seen_before(id, signal, value);
}

void identity_match(identity_t *id, signal_t signal, const char *value, uint8_t origin)
{
    hit_ctx_t ctx = { id, origin };

    rules_match(rules, signal, value, on_hit, &ctx);
    confirm_maker(id, value);
}

void identity_observe(identity_t *id, signal_t signal, const char *value, uint8_t origin)
{
    if (identity_value_is_news(id, signal, value))
        identity_match(id, signal, value, origin);
}

bool identity_port_wanted(signal_t signal, bool tcp, uint16_t port)
{
    return rules_want_port(rules, signal, tcp, port);
}

bool identity_port_is_news(identity_t *id, signal_t signal, bool tcp, uint16_t port)
{
    uint32_t key = ((uint32_t)signal << 17 | (uint32_t)tcp << 16 | port) + 1;

    if (id == NULL || id->last_port == key)
        return false;                       /* a stream repeats its ports on every packet */
    id->last_port = key;
    return true;
}

void identity_observe_port(identity_t *id, signal_t signal, bool tcp, uint16_t port, uint8_t origin)
{
    char text[16];

    snprintf(text, sizeof(text), "%s/%u", tcp ? "tcp" : "udp", port);
    identity_observe(id, signal, text, origin);
}

void identity_observe_oui(identity_t *id, uint64_t mac)
{
    guint8 bytes[6];
    char prefix[9];
    const char *manuf;
    unsigned before;

    for (int i = 0; i < 6; i++)
        bytes[i] = (guint8)(mac >> (40 - 8 * i));
    if (bytes[0] & 0x02) {
        id->randomized_mac = true;          /* locally administered: no vendor, and a hint of a phone */
        id->dirty = true;
        return;
    }
    snprintf(prefix, sizeof(prefix), "%02x:%02x:%02x", bytes[0], bytes[1], bytes[2]);
    identity_observe(id, SIG_OUI_PREFIX, prefix, ORIGIN_MAC);
    manuf = wsc_manuf_name_if_known(bytes, sizeof(bytes));
    if (manuf == NULL)
        return;
    before = id->n_evidence;
    identity_observe(id, SIG_OUI, manuf, ORIGIN_MAC);
    if (id->n_evidence == before && strcmp(manuf, "IEEE Registration Authority") != 0) {
        const maker_t *maker = maker_of(manuf);
        if (maker->token[0] != '\0')
            id->unconfirmed_maker = maker;
    }
}

void identity_set_name(identity_t *id, const char *name, int rank, uint8_t origin)
{
    if (id == NULL || name == NULL || *name == '\0' || rank < id->name_rank)
        return;
    if (id->name != NULL && rank == id->name_rank && strncmp(id->name, name, MAX_NAME) == 0)
        return;
    free_string(id->name);                  /* a device renaming itself keeps one name */
    id->name = wmem_strndup(wmem_file_scope(), name, MAX_NAME);
    id->name_rank = rank;
    id->name_origin = origin;
    id->dirty = true;
}

void identity_move(identity_t *from, uint8_t origin, identity_t *to, uint8_t to_origin)
{
    unsigned kept = 0;

    for (unsigned i = 0; i < from->n_evidence; i++) {
        const evidence_t *e = &from->evidence[i];
        if (e->origin == origin) {
            add_evidence(to, e->rule, e->value, to_origin);     /* a copy */
            free_string(e->value);
        } else {
            from->evidence[kept++] = *e;
        }
    }
    from->n_evidence = kept;
    if (from->name != NULL && from->name_origin == origin) {
        identity_set_name(to, from->name, from->name_rank, to_origin);
        free_string(from->name);
        from->name = NULL;
        from->name_rank = 0;
    }
    from->n_seen = from->next_seen = 0;     /* let the values be matched again where they belong */
    from->last_port = 0;
    from->dirty = true;
}

void identity_forget_origin(identity_t *id, uint8_t origin)
{
    for (unsigned i = 0; i < id->n_evidence; i++)
        if (id->evidence[i].origin == origin)
            id->evidence[i].origin = ORIGIN_MAC;
    if (id->name != NULL && id->name_origin == origin)
        id->name_origin = ORIGIN_MAC;
}

/* --- behaviour ------------------------------------------------------------- */

static bool rate_at_most(uint64_t bytes, int64_t span_ms, uint64_t per_second)
{
    return bytes * 1000 <= per_second * (uint64_t)span_ms;
}

/* Sustained upload of large frames (a camera's stream), or a long quiet
 * exchange of small frames only (a plug's or sensor's keepalives). */
static behaviour_t read_behaviour(const traffic_t *t)
{
    int64_t span_ms = (t->last_ns - t->first_ns) / 1000000;

    if (t->up_bytes >= VIDEO_MIN_BYTES && span_ms >= VIDEO_MIN_MS && t->up_bytes >= 4 * t->down_bytes &&
        t->up_large * 2 >= t->up_packets && !rate_at_most(t->up_bytes, span_ms, VIDEO_MIN_RATE))
        return BEHAVIOUR_UPSTREAM_VIDEO;
    if (span_ms >= KEEPALIVE_MIN_MS && t->up_packets >= KEEPALIVE_MIN_PACKETS && t->up_large == 0 &&
        rate_at_most(t->up_bytes, span_ms, KEEPALIVE_MAX_UP) && rate_at_most(t->down_bytes, span_ms, KEEPALIVE_MAX_DOWN))
        return BEHAVIOUR_KEEPALIVE_ONLY;
    return BEHAVIOUR_NONE;
}

void identity_read_behaviour(identity_t *id)
{
    behaviour_t now = read_behaviour(&id->traffic);

    if (now != id->traffic.behaviour) {
        id->traffic.behaviour = now;
        id->dirty = true;
    }
}

const verdict_t *identity_verdict(identity_t *id)
{
    if (id == NULL)
        return NULL;
    if (id->dirty) {
        verdict_compute(id, rules);
        id->dirty = false;
    }
    if (!id->worth_telling)
        return NULL;
    return &id->verdict;
}

void identity_clear(identity_t *id)
{
    for (unsigned i = 0; i < id->n_evidence; i++)
        free_string(id->evidence[i].value);
    free_string(id->name);
    free_string(id->evidence_text);         /* the verdict's evidence points into it */
    memset(id, 0, sizeof(*id));
}
