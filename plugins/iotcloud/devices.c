/* devices.c: the device table, evidence and verdicts.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/addr_resolv.h>
#include <epan/wmem_scopes.h>

#include "core/ws_compat.h"
#include "devices.h"

#define MAX_EVIDENCE    24      /* rule hits kept per device; lighter ones give way */
#define MAX_SEEN        32      /* recent (signal, value) pairs not matched again */
#define MAX_ADDRS       4       /* addresses a device answers to; older ones are unbound */
#define GATEWAY_ADDRS   8       /* a MAC behind this many IPv4 addresses is a router's */
#define MIN_TYPE_SCORE  25      /* below this, the type is unknown */
#define MIN_PERSONAL    30      /* phone/computer/tablet evidence this strong can win */
#define MAX_EVIDENCE_TEXT 300

typedef struct {
    const rule_t *rule;
    const char   *value;        /* what matched, as observed */
} evidence_t;

struct device {
    uint64_t   mac;             /* 0: keyed by address */
    wsc_addr_t addrs[MAX_ADDRS];
    unsigned   n_addrs;
    unsigned   next_addr;
    unsigned   v4_bindings;
    bool       gateway;
    evidence_t evidence[MAX_EVIDENCE];
    unsigned   n_evidence;
    guint      seen[MAX_SEEN];
    unsigned   n_seen;
    unsigned   next_seen;
    const char *name;
    int        name_rank;
    bool       dirty;
    verdict_t  verdict;
};

static wmem_map_t *by_mac;          /* GSIZE_TO_POINTER(mac) -> device_t */
static wmem_map_t *by_addr;         /* wsc_addr_t -> device_t */
static device_t  **ring;            /* creation order, for eviction */
static unsigned    capacity, count, next_victim;
static const rules_t *rules;

void devices_set_rules(const rules_t *new_rules)
{
    rules = new_rules;
}

void devices_reset(unsigned max_devices)
{
    capacity = MAX(max_devices, 16);
    count = next_victim = 0;
    by_mac = wmem_map_new(wmem_file_scope(), g_direct_hash, g_direct_equal);
    by_addr = wmem_map_new(wmem_file_scope(), wsc_addr_hash, wsc_addr_equal);
    ring = wmem_alloc0_array(wmem_file_scope(), device_t *, capacity);
}

uint64_t device_mac(const device_t *device)
{
    return device->mac;
}

static void unbind(device_t *device, const wsc_addr_t *addr)
{
    if (wmem_map_lookup(by_addr, addr) == device)
        wmem_map_remove(by_addr, addr);
}

/* A fresh device: a new one while there is room, else the oldest, emptied. */
static device_t *device_alloc(void)
{
    device_t *device;

    if (count < capacity) {
        device = wmem_new0(wmem_file_scope(), device_t);
        ring[count++] = device;
        return device;
    }
    device = ring[next_victim];
    next_victim = (next_victim + 1) % capacity;
    if (device->mac != 0)
        wmem_map_remove(by_mac, GSIZE_TO_POINTER(device->mac));
    for (unsigned i = 0; i < device->n_addrs; i++)
        unbind(device, &device->addrs[i]);
    memset(device, 0, sizeof(*device));
    return device;
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

static void add_evidence(device_t *device, const rule_t *rule, const char *value)
{
    evidence_t *slot = NULL;

    for (unsigned i = 0; i < device->n_evidence; i++)
        if (device->evidence[i].rule == rule)
            return;                         /* this rule counts once */
    if (device->n_evidence < MAX_EVIDENCE) {
        slot = &device->evidence[device->n_evidence++];
    } else {
        for (unsigned i = 0; i < MAX_EVIDENCE; i++)
            if (device->evidence[i].rule->weight < rule->weight &&
                (slot == NULL || device->evidence[i].rule->weight < slot->rule->weight))
                slot = &device->evidence[i];
        if (slot == NULL)
            return;
    }
    slot->rule = rule;
    slot->value = wmem_strdup(wmem_file_scope(), value);
    device->dirty = true;
}

static void on_hit(void *ctx, const rule_t *rule, const char *value)
{
    add_evidence(ctx, rule, value);
}

static bool seen_before(device_t *device, signal_t signal, const char *value)
{
    guint key = g_str_hash(value) * 31u + (guint)signal;

    for (unsigned i = 0; i < device->n_seen; i++)
        if (device->seen[i] == key)
            return true;
    device->seen[device->next_seen] = key;
    device->next_seen = (device->next_seen + 1) % MAX_SEEN;
    if (device->n_seen < MAX_SEEN)
        device->n_seen++;
    return false;
}

void devices_observe(device_t *device, signal_t signal, const char *value)
{
    if (device == NULL || value == NULL || *value == '\0' || seen_before(device, signal, value))
        return;
    rules_match(rules, signal, value, on_hit, device);
}

/* The MAC's vendor: rules first; without one, the manuf name itself is mild
 * evidence for the vendor (module makers have rules that demote them). */
static void observe_oui(device_t *device, uint64_t mac)
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
    devices_observe(device, SIG_OUI_PREFIX, prefix);
    manuf = wsc_manuf_name_if_known(bytes, sizeof(bytes));
    if (manuf == NULL)
        return;
    before = device->n_evidence;
    devices_observe(device, SIG_OUI, manuf);
    if (device->n_evidence == before && strcmp(manuf, "IEEE Registration Authority") != 0) {
        rule_t *generic = wmem_new0(wmem_file_scope(), rule_t);
        generic->signal = SIG_OUI;
        generic->vendor = brand_of(manuf);
        generic->weight = 20;
        add_evidence(device, generic, manuf);
    }
}

device_t *devices_by_mac(uint64_t mac, bool create)
{
    device_t *device = wmem_map_lookup(by_mac, GSIZE_TO_POINTER(mac));

    if (device != NULL || !create || mac == 0)
        return device;
    device = device_alloc();
    device->mac = mac;
    device->dirty = true;
    wmem_map_insert(by_mac, GSIZE_TO_POINTER(mac), device);
    observe_oui(device, mac);
    return device;
}

device_t *devices_by_addr(const wsc_addr_t *addr, bool create)
{
    device_t *device = wmem_map_lookup(by_addr, addr);

    if (device != NULL || !create)
        return device;
    device = device_alloc();
    device->dirty = true;
    devices_bind_addr(device, addr);
    return device;
}

bool devices_is_gateway(const device_t *device)
{
    return device->gateway;
}

void devices_bind_addr(device_t *device, const wsc_addr_t *addr)
{
    wsc_addr_t *key;

    for (unsigned i = 0; i < device->n_addrs; i++)
        if (wsc_addr_equal(&device->addrs[i], addr)) {
            if (wmem_map_lookup(by_addr, addr) != device)
                goto rebind;
            return;
        }
    if (addr->family == 4 && ++device->v4_bindings > GATEWAY_ADDRS)
        device->gateway = true;
    if (device->n_addrs == MAX_ADDRS)
        unbind(device, &device->addrs[device->next_addr]);
    else
        device->n_addrs++;
    device->addrs[device->next_addr] = *addr;
    device->next_addr = (device->next_addr + 1) % MAX_ADDRS;
rebind:
    /* Keys are allocated once per address: another device may own this one's entry. */
    if (wmem_map_contains(by_addr, addr)) {
        key = NULL;
        wmem_map_lookup_extended(by_addr, addr, (const void **)&key, NULL);
    } else {
        key = wmem_new(wmem_file_scope(), wsc_addr_t);
        *key = *addr;
    }
    wmem_map_insert(by_addr, key, device);
}

void devices_set_name(device_t *device, const char *name, int rank)
{
    if (device == NULL || name == NULL || *name == '\0' || rank < device->name_rank)
        return;
    if (device->name != NULL && rank == device->name_rank && strcmp(device->name, name) == 0)
        return;
    device->name = wmem_strndup(wmem_file_scope(), name, 63);
    device->name_rank = rank;
    device->dirty = true;
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
static const char *evidence_text(const device_t *device)
{
    wmem_strbuf_t *text = wmem_strbuf_new(wmem_file_scope(), "");

    for (unsigned i = 0; i < device->n_evidence && wmem_strbuf_get_len(text) < MAX_EVIDENCE_TEXT; i++) {
        const evidence_t *e = &device->evidence[i];
        bool repeated = false;
        for (unsigned j = 0; j < i && !repeated; j++)
            repeated = device->evidence[j].rule->signal == e->rule->signal &&
                       strcmp(device->evidence[j].value, e->value) == 0;
        if (!repeated)
            wmem_strbuf_append_printf(text, "%s%s=%s", wmem_strbuf_get_len(text) ? "; " : "",
                                      signal_name(e->rule->signal), e->value);
    }
    return wmem_strbuf_finalize(text);
}

static void compute_verdict(device_t *device)
{
    vendor_score_t vendors[MAX_EVIDENCE];
    int n_vendors = 0, vendor_total = 0, type_total = 0, model_weight = 0;
    int types[TYPE_COUNT] = { 0 };
    const vendor_score_t *best = NULL;
    verdict_t *v = &device->verdict;
    device_type_t personal, iot;

    memset(v, 0, sizeof(*v));
    for (unsigned i = 0; i < device->n_evidence; i++) {
        const evidence_t *e = &device->evidence[i];
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
    v->name = device->name;
    v->confidence = v->type != TYPE_NONE
                  ? (percent(best ? best->score : 0, vendor_total) + percent(types[v->type], type_total)) / 2
                  : percent(best ? best->score : 0, vendor_total) / 2;
    v->evidence = device->n_evidence ? evidence_text(device) : NULL;
}

const verdict_t *devices_verdict(device_t *device)
{
    if (device == NULL)
        return NULL;
    if (device->dirty) {
        compute_verdict(device);
        device->dirty = false;
    }
    if (device->verdict.vendor == NULL && device->verdict.type == TYPE_NONE && device->verdict.name == NULL)
        return NULL;
    return &device->verdict;
}
