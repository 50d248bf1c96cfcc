/* identity.c: evidence -> verdict. Right first, complete second.
 *
 * 1. Vendor. Identity evidence (OUI, DHCP, mDNS, SSDP, User-Agent, ports it
 *    serves) names it: the heaviest vendor, when it clearly outweighs the
 *    next (else unknown: contradictory). Destinations name a vendor only for
 *    a host whose own evidence names none, that shows nothing of a phone or
 *    computer (a randomized MAC included), and whose destinations agree:
 *    a phone's apps talk to many vendors' clouds.
 * 2. General-purpose. Phone/computer/tablet identity evidence that is strong
 *    and outweighs IoT identity evidence, or an OS ("os:android") that
 *    nothing contradicts, makes the host a phone, computer or tablet; its
 *    destinations then only say which apps it runs ("apps=" in the
 *    evidence). An OS is contradicted by IoT identity evidence (for macOS,
 *    Windows and ChromeOS, which run no embedded devices, only by heavier
 *    IoT evidence: a Mac sharing its printer stays a computer), by a vendor
 *    that makes no such device (no Amazon phones: a Fire OS Echo's
 *    android-dhcp class makes no phone of it), and by destinations that are
 *    all its own vendor's device clouds.
 * 3. IoT type. Identity evidence, plus destination evidence of names whose
 *    rules name no other vendor (an app's cloud is not the host), within the
 *    vendor's product lines; the heaviest type when it clearly outweighs the
 *    next. Without one, product lines, type sets and behaviour may leave a
 *    single type (by elimination).
 * 4. Otherwise unknown; the evidence says why ("type=unknown (...)").
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/addr_resolv.h>
#include <epan/wmem_scopes.h>

#include "identity.h"

#define GENERIC_OUI_WEIGHT  20      /* a manuf name no rule knows: mild vendor evidence */
#define MIN_VENDOR          20      /* identity evidence below this names no vendor */
#define MIN_DST_VENDOR      30      /* destination evidence below this names no vendor */
#define MIN_TYPE            25      /* type evidence below this decides nothing */
#define MIN_PERSONAL        40      /* phone/computer/tablet identity evidence that decides alone */
#define MIN_PLATFORM        30      /* OS (plus weak personal) evidence that decides when uncontradicted */
#define MARGIN_PERCENT      150     /* the winner must outweigh the runner-up by half */
#define MAX_EVIDENCE_TEXT   400
#define MAX_WHY             160
#define MAX_NAME            63

/* Behaviour, from the traffic with remote hosts. */
#define LARGE_FRAME         1000
#define VIDEO_MIN_BYTES     (256 * 1024)
#define VIDEO_MIN_MS        5000
#define VIDEO_MIN_RATE      6000    /* bytes/s upstream: 48 kbit/s, the low end of a video stream */
#define KEEPALIVE_MIN_MS    30000
#define KEEPALIVE_MIN_PACKETS 4
#define KEEPALIVE_MAX_UP    512     /* bytes/s */
#define KEEPALIVE_MAX_DOWN  2048

static const rules_t *rules;

void identity_set_rules(const rules_t *new_rules)
{
    rules = new_rules;
}

/* --- gathering evidence ---------------------------------------------------- */

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

void identity_observe(identity_t *id, signal_t signal, const char *value, uint8_t origin)
{
    hit_ctx_t ctx = { id, origin };

    if (id == NULL || value == NULL || *value == '\0' || seen_before(id, signal, value))
        return;
    rules_match(rules, signal, value, on_hit, &ctx);
}

bool identity_port_is_news(identity_t *id, signal_t signal, bool tcp, uint16_t port)
{
    uint32_t key = ((uint32_t)signal << 17 | (uint32_t)tcp << 16 | port) + 1;

    if (id == NULL || id->last_port == key)
        return false;                       /* a stream repeats its ports on every packet */
    id->last_port = key;
    return rules_want_port(rules, signal, tcp, port);
}

void identity_observe_port(identity_t *id, signal_t signal, bool tcp, uint16_t port, uint8_t origin)
{
    char text[16];

    snprintf(text, sizeof(text), "%s/%u", tcp ? "tcp" : "udp", port);
    identity_observe(id, signal, text, origin);
}

/* The MAC's vendor: rules first; without one, the manuf name itself is mild
 * evidence for the vendor (module makers have rules that name none). */
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
    manuf = get_manuf_name_if_known(bytes);
    if (manuf == NULL)
        return;
    before = id->n_evidence;
    identity_observe(id, SIG_OUI, manuf, ORIGIN_MAC);
    if (id->n_evidence == before && strcmp(manuf, "IEEE Registration Authority") != 0) {
        rule_t *generic = wmem_new0(wmem_file_scope(), rule_t);
        generic->signal = SIG_OUI;
        generic->vendor = brand_of(manuf);
        generic->weight = GENERIC_OUI_WEIGHT;
        add_evidence(id, generic, manuf, ORIGIN_MAC);
    }
}

void identity_set_name(identity_t *id, const char *name, int rank, uint8_t origin)
{
    if (id == NULL || name == NULL || *name == '\0' || rank < id->name_rank)
        return;
    if (id->name != NULL && rank == id->name_rank && strncmp(id->name, name, MAX_NAME) == 0)
        return;
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
        if (e->origin == origin)
            add_evidence(to, e->rule, e->value, to_origin);
        else
            from->evidence[kept++] = *e;
    }
    from->n_evidence = kept;
    if (from->name != NULL && from->name_origin == origin) {
        identity_set_name(to, from->name, from->name_rank, to_origin);
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

void identity_count_traffic(identity_t *id, bool upstream, uint32_t frame_len, int64_t ts_ns)
{
    traffic_t *t = &id->traffic;
    behaviour_t now;

    if (t->up_packets == 0 && t->down_packets == 0)
        t->first_ns = ts_ns;
    t->last_ns = MAX(t->last_ns, ts_ns);
    if (upstream) {
        t->up_bytes += frame_len;
        t->up_packets++;
        t->up_large += frame_len >= LARGE_FRAME;
    } else {
        t->down_bytes += frame_len;
        t->down_packets++;
        t->down_large += frame_len >= LARGE_FRAME;
    }
    now = read_behaviour(t);
    if (now != t->behaviour) {
        t->behaviour = now;
        id->dirty = true;
    }
}

static const char *behaviour_name(behaviour_t behaviour)
{
    return behaviour == BEHAVIOUR_UPSTREAM_VIDEO ? "upstream-video"
         : behaviour == BEHAVIOUR_KEEPALIVE_ONLY ? "keepalive-only" : NULL;
}

/* --- weighing -------------------------------------------------------------- */

typedef struct {
    const char *name;
    int         weight;
} tally_t;

/* A constraint: the types a rule set allows, and how much to trust it. */
typedef struct {
    type_set_t types;
    int        weight;
    const char *what;           /* for the evidence text */
} allowed_t;

/* Everything the evidence says, summed by kind. */
typedef struct {
    tally_t    vendors[IDENTITY_MAX_EVIDENCE];      /* identity evidence per vendor */
    unsigned   n_vendors;
    tally_t    dst_vendors[IDENTITY_MAX_EVIDENCE];  /* destination evidence per vendor */
    unsigned   n_dst_vendors;
    int        personal[TYPE_COUNT];    /* identity evidence: phone, computer, tablet */
    int        iot[TYPE_COUNT];         /* identity evidence: IoT types and markers */
    int        platform[PLATFORM_COUNT];
    int        iot_total;
    type_set_t sets;                    /* intersection of the type sets rules named */
    int        sets_weight;
    bool       sets_clash;
} weights_t;

/* What was decided, and why. */
typedef struct {
    const char   *vendor;
    bool          vendor_from_destinations;
    unsigned      vendor_confidence;
    device_type_t type;
    unsigned      type_confidence;
    allowed_t     lines;                /* the vendor's product lines */
    char          why[MAX_WHY];
} decision_t;

static void tally(tally_t *tallies, unsigned *n, const char *name, int weight)
{
    unsigned k;

    for (k = 0; k < *n && g_ascii_strcasecmp(tallies[k].name, name) != 0; k++)
        ;
    if (k == *n)
        tallies[(*n)++] = (tally_t){ name, 0 };
    tallies[k].weight += weight;
}

/* The heaviest and the runner-up's weight. */
static const tally_t *heaviest(const tally_t *tallies, unsigned n, int *second)
{
    const tally_t *best = NULL;

    *second = 0;
    for (unsigned k = 0; k < n; k++) {
        if (best == NULL || tallies[k].weight > best->weight) {
            if (best != NULL)
                *second = best->weight;
            best = &tallies[k];
        } else {
            *second = MAX(*second, tallies[k].weight);
        }
    }
    return best;
}

static bool clearly_ahead(int best, int second)
{
    return best * 100 >= second * MARGIN_PERCENT;
}

/* min(100, w) scaled by the share of all evidence: agreeing evidence scores high. */
static unsigned strength(int best, int total)
{
    return total > 0 ? (unsigned)(MIN(best, 100) * best / total) : 0;
}

static void note(decision_t *d, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
static void note(decision_t *d, const char *fmt, ...)
{
    size_t used = strlen(d->why);
    va_list ap;

    if (used + 3 >= sizeof(d->why))
        return;
    if (used > 0) {
        g_strlcat(d->why, "; ", sizeof(d->why));
        used += 2;
    }
    va_start(ap, fmt);
    g_vsnprintf(d->why + used, sizeof(d->why) - used, fmt, ap);
    va_end(ap);
}

static void add_set(weights_t *w, const rule_t *r)
{
    type_set_t both = (w->sets ? w->sets : r->types) & r->types;

    if (both == 0) {
        w->sets_clash = true;               /* two rules allow no common type: trust neither */
        return;
    }
    w->sets = both;
    w->sets_weight = MAX(w->sets_weight, r->weight);
}

/* Is the rule about another vendor's product than the host's? Its type is
 * then another product's (a Mac sharing a Brother printer announces the
 * printer's model). With no vendor decided, every rule counts. */
static bool other_vendors(const rule_t *r, const char *vendor)
{
    return vendor != NULL && r->vendor != NULL && g_ascii_strcasecmp(r->vendor, vendor) != 0;
}

static void weigh_identity(weights_t *w, const rule_t *r, const char *vendor)
{
    if (r->vendor != NULL)
        tally(w->vendors, &w->n_vendors, r->vendor, r->weight);
    if (r->type == TYPE_MODULE || other_vendors(r, vendor))
        return;                             /* a module maker's OUI: in IoT devices and laptops alike */
    if (r->platform != PLATFORM_NONE)
        w->platform[r->platform] += r->weight;
    if (r->type != TYPE_NONE && device_type_is_personal(r->type))
        w->personal[r->type] += r->weight;
    else if (r->type != TYPE_NONE) {
        w->iot[r->type] += r->weight;
        w->iot_total += r->weight;
    } else if (r->types != 0) {
        add_set(w, r);
        if (!(r->types & PERSONAL_TYPES))
            w->iot_total += r->weight;      /* "media-player|tv|speaker": some IoT device */
    }
}

/* Sums the evidence by kind; types and OSes only from rules of `vendor`
 * (or of no vendor) once the vendor is decided. */
static void weigh(const identity_t *id, const char *vendor, weights_t *w)
{
    memset(w, 0, sizeof(*w));
    for (unsigned i = 0; i < id->n_evidence; i++) {
        const rule_t *r = id->evidence[i].rule;
        if (signal_kind(r->signal) == EVIDENCE_IDENTITY)
            weigh_identity(w, r, vendor);
        else if (r->vendor != NULL)
            tally(w->dst_vendors, &w->n_dst_vendors, r->vendor, r->weight);
        if (signal_kind(r->signal) == EVIDENCE_DESTINATION && r->platform != PLATFORM_NONE)
            w->platform[r->platform] += r->weight;      /* windowsupdate.com: what OS, not what device */
    }
}

static int sum_personal(const weights_t *w)
{
    return w->personal[TYPE_PHONE] + w->personal[TYPE_COMPUTER] + w->personal[TYPE_TABLET];
}

static bool looks_personal(const identity_t *id, const weights_t *w)
{
    int platforms = 0;

    for (int p = PLATFORM_NONE + 1; p < PLATFORM_COUNT; p++)
        platforms += w->platform[p];
    return id->randomized_mac || sum_personal(w) > 0 || platforms > 0;
}

/* --- 1. vendor --------------------------------------------------------------- */

static int destination_weight(const weights_t *w, const char *vendor)
{
    for (unsigned k = 0; k < w->n_dst_vendors; k++)
        if (g_ascii_strcasecmp(w->dst_vendors[k].name, vendor) == 0)
            return w->dst_vendors[k].weight;
    return 0;
}

static void decide_vendor(const identity_t *id, const weights_t *w, decision_t *d)
{
    int second, total = 0;
    const tally_t *best = heaviest(w->vendors, w->n_vendors, &second);

    for (unsigned k = 0; k < w->n_vendors; k++)
        total += w->vendors[k].weight;
    if (best != NULL && best->weight >= MIN_VENDOR) {
        if (clearly_ahead(best->weight, second)) {
            int agree = destination_weight(w, best->name);     /* its own clouds confirm it */
            d->vendor = best->name;
            d->vendor_confidence = strength(best->weight + agree, total + agree);
        } else {
            note(d, "vendor=unknown (contradictory: %d vs %d)", best->weight, second);
        }
        return;
    }
    best = heaviest(w->dst_vendors, w->n_dst_vendors, &second);
    if (best == NULL || best->weight < MIN_DST_VENDOR)
        return;
    if (looks_personal(id, w))
        note(d, "vendor not from destinations (a phone or computer's apps)");
    else if (second > 0 && best->weight < 2 * second)
        note(d, "vendor=unknown (destinations of several vendors)");
    else {
        d->vendor = best->name;
        d->vendor_from_destinations = true;
        d->vendor_confidence = MIN(best->weight, 100) / 2;
    }
}

/* The vendor's product lines (rules on signal "vendor"): the union of their type sets. */
static void on_line(void *ctx, const rule_t *rule, const char *value _U_)
{
    allowed_t *lines = ctx;

    lines->types |= rule->types;
    lines->weight = MAX(lines->weight, rule->weight);
}

static void find_lines(decision_t *d)
{
    memset(&d->lines, 0, sizeof(d->lines));
    if (d->vendor != NULL)
        rules_match(rules, SIG_VENDOR, d->vendor, on_line, &d->lines);
}

static bool in_lines(const decision_t *d, device_type_t type)
{
    return d->lines.types == 0 || (d->lines.types & TYPE_BIT(type)) != 0;
}

/* A destination value whose rules name a vendor other than the host's: an
 * app's cloud (a phone's Sonos app), not what the host is. */
static bool foreign_value(const identity_t *id, const evidence_t *e, const char *vendor)
{
    for (unsigned i = 0; i < id->n_evidence; i++) {
        const evidence_t *other = &id->evidence[i];
        if (other->rule->signal == e->rule->signal && other->rule->vendor != NULL &&
            (vendor == NULL || g_ascii_strcasecmp(other->rule->vendor, vendor) != 0) &&
            strcmp(other->value, e->value) == 0)
            return true;
    }
    return false;
}

/* Vendors of destinations other than the host's own: the apps it runs. */
static unsigned foreign_vendors(const weights_t *w, const char *vendor)
{
    unsigned n = 0;

    for (unsigned k = 0; k < w->n_dst_vendors; k++)
        n += vendor == NULL || g_ascii_strcasecmp(w->dst_vendors[k].name, vendor) != 0;
    return n;
}

/* --- 2. phone, computer or tablet -------------------------------------------- */

static platform_t main_platform(const weights_t *w)
{
    platform_t best = PLATFORM_NONE;

    for (int p = PLATFORM_NONE + 1; p < PLATFORM_COUNT; p++)
        if (w->platform[p] > w->platform[best])
            best = (platform_t)p;
    return best;
}

static device_type_t heaviest_personal(const weights_t *w, const decision_t *d)
{
    static const device_type_t personal[] = { TYPE_PHONE, TYPE_COMPUTER, TYPE_TABLET };
    device_type_t best = TYPE_NONE;

    for (size_t i = 0; i < G_N_ELEMENTS(personal); i++)
        if (in_lines(d, personal[i]) && w->personal[personal[i]] > 0 &&
            (best == TYPE_NONE || w->personal[personal[i]] > w->personal[best]))
            best = personal[i];
    return best;
}

/* Do the destinations look like the device's own clouds (all of its
 * vendor's, with a device type) rather than apps of other vendors? */
static bool own_device_clouds(const identity_t *id, const weights_t *w, const char *vendor)
{
    if (foreign_vendors(w, vendor) > 0)
        return false;
    for (unsigned i = 0; i < id->n_evidence; i++) {
        const rule_t *r = id->evidence[i].rule;
        if (signal_kind(r->signal) == EVIDENCE_DESTINATION && r->types != 0 && !(r->types & PERSONAL_TYPES))
            return true;
    }
    return false;
}

static bool decide_personal(const identity_t *id, const weights_t *w, decision_t *d)
{
    device_type_t strong = heaviest_personal(w, d);
    platform_t os = main_platform(w);
    device_type_t os_type = platform_default_type(os);
    int personal = sum_personal(w);

    if (strong != TYPE_NONE && personal >= MIN_PERSONAL && personal >= w->iot_total) {
        int support = personal + w->platform[os];          /* its OS agrees */
        d->type = strong;
        d->type_confidence = strength(support, support + w->iot_total);
        return true;
    }
    if (os == PLATFORM_NONE || personal + w->platform[os] < MIN_PLATFORM)
        return false;
    if (w->iot_total > 0 && (platform_runs_embedded(os) || w->iot_total >= personal + w->platform[os]))
        note(d, "os:%s, but it says it is an IoT device", platform_name(os));
    else if (!in_lines(d, strong != TYPE_NONE ? strong : os_type))
        note(d, "os:%s, but %s makes no %s", platform_name(os), d->vendor,
             device_type_name(strong != TYPE_NONE ? strong : os_type));
    else if (own_device_clouds(id, w, d->vendor))
        note(d, "os:%s, but it talks to its vendor's device clouds only", platform_name(os));
    else {
        d->type = strong != TYPE_NONE ? strong : os_type;
        d->type_confidence = MIN(personal + w->platform[os], 60);
        note(d, "type from os:%s", platform_name(os));
        return true;
    }
    return false;
}

/* --- 3. IoT type ----------------------------------------------------------- */

/* Destination evidence for the host's types: names of its own vendor's
 * clouds, or of clouds no vendor's rule claims. */
static void weigh_destination_types(const identity_t *id, const decision_t *d, int *types, type_set_t *sets)
{
    for (unsigned i = 0; i < id->n_evidence; i++) {
        const evidence_t *e = &id->evidence[i];
        const rule_t *r = e->rule;
        if (signal_kind(r->signal) != EVIDENCE_DESTINATION || r->types == 0 || (r->types & PERSONAL_TYPES) ||
            foreign_value(id, e, d->vendor))
            continue;
        if (r->type != TYPE_NONE)
            types[r->type] += r->weight;
        else
            *sets = *sets ? (*sets & r->types) : r->types;
    }
}

typedef enum { PICK_NONE, PICK_DECIDED, PICK_CONTRADICTED } pick_t;

/* The heaviest type allowed, when it reaches MIN_TYPE and clearly leads;
 * `support` (evidence that did not decide, e.g. its own clouds) only adds
 * to the confidence. */
static pick_t pick_type(const int *types, const int *support, type_set_t allowed, decision_t *d)
{
    device_type_t best = TYPE_NONE;
    int second = 0, total = 0;

    for (int t = TYPE_NONE + 1; t < TYPE_COUNT; t++) {
        if (!(allowed & TYPE_BIT(t)) || types[t] == 0)
            continue;
        total += types[t];
        if (best == TYPE_NONE || types[t] > types[best]) {
            second = best == TYPE_NONE ? 0 : types[best];
            best = (device_type_t)t;
        } else {
            second = MAX(second, types[t]);
        }
    }
    if (best == TYPE_NONE || types[best] < MIN_TYPE)
        return PICK_NONE;
    if (!clearly_ahead(types[best], second)) {
        note(d, "type=unknown (contradictory: %s %d vs %d)", device_type_name(best), types[best], second);
        return PICK_CONTRADICTED;
    }
    d->type = best;
    d->type_confidence = strength(types[best] + support[best], total + support[best]);
    return PICK_DECIDED;
}

static unsigned count_types(type_set_t set)
{
    return (unsigned)__builtin_popcount(set);
}

static device_type_t only_type(type_set_t set)
{
    return count_types(set) == 1 ? (device_type_t)__builtin_ctz(set) : TYPE_NONE;
}

/* The behaviour's type set (rules on signal "behaviour"). */
static void find_behaviour(const identity_t *id, allowed_t *allowed)
{
    memset(allowed, 0, sizeof(*allowed));
    allowed->what = behaviour_name(id->traffic.behaviour);
    if (allowed->what != NULL)
        rules_match(rules, SIG_BEHAVIOUR, allowed->what, on_line, allowed);
}

/* Narrows `candidates` by a constraint unless that would leave nothing. */
static type_set_t narrow(type_set_t candidates, type_set_t by)
{
    return by != 0 && (candidates & by) != 0 ? candidates & by : candidates;
}

static void decide_iot_type(const identity_t *id, const weights_t *w, decision_t *d)
{
    const type_set_t iot_types = ~(PERSONAL_TYPES | MARKER_TYPES | TYPE_BIT(TYPE_NONE)) & (TYPE_BIT(TYPE_COUNT) - 1);
    type_set_t candidates = iot_types & (d->lines.types ? d->lines.types : iot_types);
    type_set_t dst_sets = 0;
    int dst_types[TYPE_COUNT] = { 0 }, types[TYPE_COUNT], none[TYPE_COUNT];
    allowed_t behaviour;
    bool embedded = w->iot_total > 0 || d->lines.types != 0;
    pick_t pick;

    if (!w->sets_clash)
        candidates = narrow(candidates, w->sets);
    if (!id->randomized_mac && sum_personal(w) == 0)
        weigh_destination_types(id, d, dst_types, &dst_sets);
    candidates = narrow(candidates, dst_sets);
    pick = pick_type(w->iot, dst_types, candidates, d);     /* what the host says of itself decides first */
    if (pick == PICK_NONE) {
        for (int t = 0; t < TYPE_COUNT; t++)
            types[t] = w->iot[t] + dst_types[t];
        memset(none, 0, sizeof(none));
        pick = pick_type(types, none, candidates, d);       /* then with its own vendor's clouds */
    }
    if (pick != PICK_NONE)
        return;
    find_behaviour(id, &behaviour);
    candidates = narrow(candidates, behaviour.types);
    if (embedded && sum_personal(w) == 0 && only_type(candidates) != TYPE_NONE) {
        d->type = only_type(candidates);
        d->type_confidence = (unsigned)MAX(MAX(d->lines.weight, behaviour.weight), w->sets_weight) / 2;
        note(d, "type by elimination (%s%s%s)", d->lines.types ? "vendor's products" : "type sets",
             behaviour.types ? ", " : "", behaviour.types ? behaviour.what : "");
    } else if (id->n_evidence > 0) {
        note(d, "type=unknown (%s)", embedded ? "several types possible" : "thin evidence");
    }
}

/* --- the verdict ----------------------------------------------------------- */

static bool repeated_value(const identity_t *id, unsigned i)
{
    const evidence_t *e = &id->evidence[i];

    for (unsigned j = 0; j < i; j++)
        if (id->evidence[j].rule->signal == e->rule->signal && strcmp(id->evidence[j].value, e->value) == 0)
            return true;
    return false;
}

static void append_item(wmem_strbuf_t *text, const char *name, const char *value)
{
    if (wmem_strbuf_get_len(text) < MAX_EVIDENCE_TEXT)
        wmem_strbuf_append_printf(text, "%s%s=%s", wmem_strbuf_get_len(text) ? "; " : "", name, value);
}

/* "oui=Sonos, Inc.; dhcp_hostname=SonosZP; ...": what the host says of
 * itself first, then what it talks to, then why (apps, unknowns). */
static const char *evidence_text(const identity_t *id, const weights_t *w, const decision_t *d)
{
    wmem_strbuf_t *text = wmem_strbuf_new(wmem_file_scope(), "");
    const char *behaviour = behaviour_name(id->traffic.behaviour);

    if (id->randomized_mac)
        append_item(text, "mac", "locally administered");
    for (int pass = 0; pass < 2; pass++)
        for (unsigned i = 0; i < id->n_evidence; i++) {
            const evidence_t *e = &id->evidence[i];
            if ((signal_kind(e->rule->signal) == EVIDENCE_DESTINATION) == (pass == 1) && !repeated_value(id, i))
                append_item(text, signal_name(e->rule->signal), e->value);
        }
    if (behaviour != NULL)
        append_item(text, "behaviour", behaviour);
    if (device_type_is_personal(d->type) && foreign_vendors(w, d->vendor) > 0) {
        wmem_strbuf_t *apps = wmem_strbuf_new(wmem_file_scope(), "");
        for (unsigned k = 0; k < w->n_dst_vendors; k++)
            if (d->vendor == NULL || g_ascii_strcasecmp(w->dst_vendors[k].name, d->vendor) != 0)
                wmem_strbuf_append_printf(apps, "%s%s", wmem_strbuf_get_len(apps) ? ", " : "",
                                          w->dst_vendors[k].name);
        append_item(text, "apps", wmem_strbuf_get_str(apps));
    }
    if (d->why[0] != '\0')
        wmem_strbuf_append_printf(text, "%s%s", wmem_strbuf_get_len(text) ? "; " : "", d->why);
    return wmem_strbuf_get_len(text) ? wmem_strbuf_finalize(text) : NULL;
}

/* The model the heaviest evidence of the decided vendor (or of none) names. */
static const char *model_of(const identity_t *id, const char *vendor)
{
    const char *model = NULL;
    int weight = 0;

    for (unsigned i = 0; i < id->n_evidence; i++) {
        const evidence_t *e = &id->evidence[i];
        const char *m = e->rule->model_is_value ? e->value : e->rule->model;
        if (m != NULL && e->rule->weight > weight &&
            (e->rule->vendor == NULL || (vendor != NULL && g_ascii_strcasecmp(e->rule->vendor, vendor) == 0))) {
            model = m;
            weight = e->rule->weight;
        }
    }
    return model;
}

/* Has the host said anything beyond its MAC's maker? A host known only by a
 * NIC or module maker's OUI gets no identity items: there is nothing to tell. */
static bool says_more_than_its_mac(const identity_t *id)
{
    for (unsigned i = 0; i < id->n_evidence; i++)
        if (id->evidence[i].rule->signal != SIG_OUI && id->evidence[i].rule->signal != SIG_OUI_PREFIX)
            return true;
    return id->traffic.behaviour != BEHAVIOUR_NONE;
}

static void compute_verdict(identity_t *id)
{
    verdict_t *v = &id->verdict;
    weights_t w;
    decision_t d;

    memset(&d, 0, sizeof(d));
    weigh(id, NULL, &w);
    decide_vendor(id, &w, &d);
    if (d.vendor != NULL)
        weigh(id, d.vendor, &w);            /* now without other vendors' products */
    find_lines(&d);
    if (!decide_personal(id, &w, &d))
        decide_iot_type(id, &w, &d);
    memset(v, 0, sizeof(*v));
    v->vendor = d.vendor;
    v->type = d.type;
    v->model = model_of(id, d.vendor);
    v->name = id->name;
    v->confidence = d.type != TYPE_NONE ? (d.vendor_confidence + d.type_confidence) / 2 : d.vendor_confidence / 2;
    v->evidence = evidence_text(id, &w, &d);
    id->worth_telling = v->vendor != NULL || v->type != TYPE_NONE || v->name != NULL || says_more_than_its_mac(id);
}

const verdict_t *identity_verdict(identity_t *id)
{
    if (id == NULL)
        return NULL;
    if (id->dirty) {
        compute_verdict(id);
        id->dirty = false;
    }
    if (!id->worth_telling)
        return NULL;
    return &id->verdict;
}
