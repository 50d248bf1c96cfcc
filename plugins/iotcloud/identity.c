/* identity.c: evidence -> verdict.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/addr_resolv.h>
#include <epan/wmem_scopes.h>

#include "core/ws_compat.h"
#include "identity.h"

#define MIN_TYPE_SCORE  25      /* below this, the type is unknown */
#define MIN_PERSONAL    30      /* phone/computer/tablet evidence this strong can win */
#define MAX_EVIDENCE_TEXT 300
#define MAX_NAME        63

static const rules_t *rules;
/* Manuf name -> the mild rule for its vendor, shared by every device with
 * that OUI (one per device would stay allocated after the device is gone). */
static wmem_map_t *oui_rules;

static void free_string(const char *text)
{
    wmem_free(wmem_file_scope(), (void *)text);   /* wmem_free(NULL) is a no-op */
}

void identity_set_rules(const rules_t *new_rules)
{
    rules = new_rules;
}

/* "Sonos, Inc." -> "Sonos": the brand people know, from a manuf name. */
static const char *brand_of(const char *manuf)
{
    static const char *const suffixes[] = {
        ", Inc.", " Inc.", " Inc", ",Ltd.", " Ltd.", " Ltd", " Co.", " Co", " Corp.", " Corporation",
        " Technologies", " Technology", " International", " GmbH", " LLC", " BV", " B.V.", " AG",
        " SA", " S.A.", " Limited", " Electronics", " Electronic", ",",
    };
    char buf[128];
    bool trimmed = true;

    g_strlcpy(buf, manuf, sizeof(buf));
    while (trimmed) {
        trimmed = false;
        g_strchomp(buf);
        for (size_t i = 0; i < G_N_ELEMENTS(suffixes); i++) {
            size_t n = strlen(buf), s = strlen(suffixes[i]);
            if (n > s && g_ascii_strcasecmp(buf + n - s, suffixes[i]) == 0) {
                buf[n - s] = '\0';
                trimmed = true;
            }
        }
    }
    return wmem_strdup(wmem_file_scope(), buf);
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
            if (id->evidence[i].rule->weight < rule->weight &&
                (slot == NULL || id->evidence[i].rule->weight < slot->rule->weight))
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

typedef struct {
    identity_t *id;
    uint8_t     origin;
} hit_ctx_t;

static void on_hit(void *ctx, const rule_t *rule, const char *value)
{
    hit_ctx_t *hit = ctx;

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

void identity_observe(identity_t *id, signal_t signal, const char *value, uint8_t origin)
{
    hit_ctx_t ctx = { id, origin };

    if (id == NULL || value == NULL || *value == '\0' || seen_before(id, signal, value))
        return;
    rules_match(rules, signal, value, on_hit, &ctx);
}

/* The MAC's vendor: rules first; without one, the manuf name itself is mild
 * evidence for the vendor (module makers have rules that demote them). */
/* The mild rule for a manuf vendor: one per vendor and capture. */
static const rule_t *oui_rule(const char *manuf)
{
    rule_t *generic;

    if (oui_rules == NULL)
        oui_rules = wmem_map_new_autoreset(wmem_epan_scope(), wmem_file_scope(), g_str_hash, g_str_equal);
    generic = wmem_map_lookup(oui_rules, manuf);
    if (generic == NULL) {
        generic = wmem_new0(wmem_file_scope(), rule_t);
        generic->signal = SIG_OUI;
        generic->vendor = brand_of(manuf);
        generic->weight = 20;
        wmem_map_insert(oui_rules, wmem_strdup(wmem_file_scope(), manuf), generic);
    }
    return generic;
}

void identity_observe_oui(identity_t *id, uint64_t mac)
{
    guint8 bytes[6];
    char prefix[9];
    const char *manuf;
    unsigned before;

    for (int i = 0; i < 6; i++)
        bytes[i] = (guint8)(mac >> (40 - 8 * i));
    if (bytes[0] & 0x02)
        return;                             /* locally administered (randomised): no vendor */
    snprintf(prefix, sizeof(prefix), "%02x:%02x:%02x", bytes[0], bytes[1], bytes[2]);
    identity_observe(id, SIG_OUI_PREFIX, prefix, ORIGIN_MAC);
    manuf = wsc_manuf_name_if_known(bytes, sizeof(bytes));
    if (manuf == NULL)
        return;
    before = id->n_evidence;
    identity_observe(id, SIG_OUI, manuf, ORIGIN_MAC);
    if (id->n_evidence == before && strcmp(manuf, "IEEE Registration Authority") != 0)
        add_evidence(id, oui_rule(manuf), manuf, ORIGIN_MAC);
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

/* --- verdict ------------------------------------------------------------- */

typedef struct {
    const char *vendor;
    int         score;
} vendor_score_t;

static unsigned percent(int best, int total)
{
    int strength = MIN(best, 100);

    return total > 0 ? (unsigned)(strength * best / total) : 0;
}

static device_type_t best_type(const int *scores, bool personal)
{
    device_type_t best = TYPE_NONE;

    for (int t = TYPE_NONE + 1; t < TYPE_COUNT; t++)
        if (t != TYPE_MODULE && device_type_is_personal((device_type_t)t) == personal &&
            scores[t] > scores[best])
            best = (device_type_t)t;
    return best;
}

/* "oui=Sonos, Inc.; dhcp_hostname=SonosZP": each signal value once. */
static const char *evidence_text(const identity_t *id)
{
    wmem_strbuf_t *text = wmem_strbuf_new(wmem_file_scope(), "");

    for (unsigned i = 0; i < id->n_evidence && wmem_strbuf_get_len(text) < MAX_EVIDENCE_TEXT; i++) {
        const evidence_t *e = &id->evidence[i];
        bool repeated = false;
        for (unsigned j = 0; j < i && !repeated; j++)
            repeated = id->evidence[j].rule->signal == e->rule->signal &&
                       strcmp(id->evidence[j].value, e->value) == 0;
        if (!repeated)
            wmem_strbuf_append_printf(text, "%s%s=%s", wmem_strbuf_get_len(text) ? "; " : "",
                                      signal_name(e->rule->signal), e->value);
    }
    return wmem_strbuf_finalize(text);
}

static void compute_verdict(identity_t *id)
{
    vendor_score_t vendors[IDENTITY_MAX_EVIDENCE];
    int n_vendors = 0, vendor_total = 0, type_total = 0, model_weight = 0;
    int types[TYPE_COUNT] = { 0 };
    const vendor_score_t *best = NULL;
    verdict_t *v = &id->verdict;
    device_type_t personal, iot;

    free_string(v->evidence);               /* each verdict builds its own text */
    memset(v, 0, sizeof(*v));
    for (unsigned i = 0; i < id->n_evidence; i++) {
        const evidence_t *e = &id->evidence[i];
        const rule_t *r = e->rule;
        const char *model = r->model_is_value ? e->value : r->model;
        int k;

        if (r->vendor != NULL) {
            for (k = 0; k < n_vendors && g_ascii_strcasecmp(vendors[k].vendor, r->vendor) != 0; k++)
                ;
            if (k == n_vendors)
                vendors[n_vendors++] = (vendor_score_t){ r->vendor, 0 };
            vendors[k].score += r->weight;
            vendor_total += r->weight;
        }
        if (r->type != TYPE_NONE && r->type != TYPE_MODULE) {
            types[r->type] += r->weight;
            type_total += r->weight;
        }
        if (model != NULL && r->weight > model_weight) {
            v->model = model;
            model_weight = r->weight;
        }
    }
    for (int k = 0; k < n_vendors; k++)
        if (best == NULL || vendors[k].score > best->score)
            best = &vendors[k];
    /* Phones and computers are never IoT devices: their evidence wins when it
     * is strong and at least as strong as any IoT type (an Android TV says
     * android-dhcp too, but more of what it is). */
    personal = best_type(types, true);
    iot = best_type(types, false);
    if (types[personal] >= MIN_PERSONAL && types[personal] >= types[iot])
        v->type = personal;
    else if (types[iot] >= MIN_TYPE_SCORE)
        v->type = iot;
    v->vendor = best ? best->vendor : NULL;
    v->name = id->name;
    v->confidence = v->type != TYPE_NONE
                  ? (percent(best ? best->score : 0, vendor_total) + percent(types[v->type], type_total)) / 2
                  : percent(best ? best->score : 0, vendor_total) / 2;
    v->evidence = id->n_evidence ? evidence_text(id) : NULL;
}

const verdict_t *identity_verdict(identity_t *id)
{
    if (id == NULL)
        return NULL;
    if (id->dirty) {
        compute_verdict(id);
        id->dirty = false;
    }
    if (id->verdict.vendor == NULL && id->verdict.type == TYPE_NONE && id->verdict.name == NULL)
        return NULL;
    return &id->verdict;
}

void identity_clear(identity_t *id)
{
    for (unsigned i = 0; i < id->n_evidence; i++)
        free_string(id->evidence[i].value);
    free_string(id->name);
    free_string(id->verdict.evidence);
    memset(id, 0, sizeof(*id));
}
