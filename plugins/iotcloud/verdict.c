/* verdict.c: a device's evidence -> its verdict. Right first, complete second.
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
 *    Windows and ChromeOS, which run no embedded devices, only by IoT
 *    evidence that clearly outweighs it: a Mac sharing its printer stays a
 *    computer), by a vendor that makes no such device (no Amazon phones: a
 *    Fire OS Echo's android-dhcp class makes no phone of it), and by
 *    destinations that are all its own vendor's device clouds.
 * 3. IoT type. Identity evidence, plus destination evidence of names whose
 *    rules name no other vendor (an app's cloud is not the host), within the
 *    vendor's product lines; the heaviest type when it clearly outweighs the
 *    next. Without one, product lines, type sets and behaviour may leave a
 *    single type (by elimination), for a host that is some embedded device.
 * 4. Otherwise unknown; the evidence says why ("type=unknown (...)").
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/wmem_scopes.h>

#include "verdict.h"

#define MIN_VENDOR          20      /* identity evidence below this names no vendor */
#define MIN_DST_VENDOR      30      /* destination evidence below this names no vendor */
#define MIN_TYPE            25      /* type evidence below this decides nothing */
#define MIN_PERSONAL        40      /* phone/computer/tablet identity evidence that decides alone */
#define MIN_PLATFORM        30      /* OS (plus weak personal) evidence that decides when uncontradicted */
#define MARGIN_PERCENT      150     /* the winner must outweigh the runner-up by half */
#define MAX_EVIDENCE_TEXT   400
#define MAX_WHY             160

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
    const rules_t *rules;               /* in force: product lines and behaviour rows */
    const char   *vendor;
    unsigned      vendor_confidence;
    device_type_t type;
    unsigned      type_confidence;
    allowed_t     lines;                /* the vendor's product lines */
    bool          own_app_or_device;    /* a general-purpose OS whose vendor's own clouds may be an app's */
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

/* Does the rule speak for the host? The names a resolver looks up are
 * its clients'. */
static bool speaks_for_host(const identity_t *id, const rule_t *r)
{
    return !(id->resolver && signal_kind(r->signal) == EVIDENCE_DESTINATION);
}

/* Sums the evidence by kind; types and OSes only from rules of `vendor`
 * (or of no vendor) once the vendor is decided. */
static void weigh(const identity_t *id, const char *vendor, weights_t *w)
{
    memset(w, 0, sizeof(*w));
    for (unsigned i = 0; i < id->n_evidence; i++) {
        const rule_t *r = id->evidence[i].rule;
        if (!speaks_for_host(id, r))
            continue;
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

/* The vendor's product lines (rules on signal "vendor"): the union of their type sets. */
static void on_line(void *ctx, const rule_t *rule, const char *value _U_)
{
    allowed_t *lines = ctx;

    lines->types |= rule->types;
    lines->weight = MAX(lines->weight, rule->weight);
}

/* The IoT type the host's own evidence weighs most, TYPE_NONE if none. */
static device_type_t own_iot_type(const weights_t *w)
{
    device_type_t best = TYPE_NONE;

    for (int t = TYPE_NONE + 1; t < TYPE_COUNT; t++)
        if (!(MARKER_TYPES & TYPE_BIT(t)) && w->iot[t] > 0 && (best == TYPE_NONE || w->iot[t] > w->iot[best]))
            best = (device_type_t)t;
    return best;
}

/* Does `vendor` make the kind of device the host says it is (`own`;
 * TYPE_NONE: it says none)? A hub that talks to one vendor's cloud runs
 * that vendor's integration. */
static bool makes_own_type(const decision_t *d, const char *vendor, device_type_t own)
{
    allowed_t lines = { 0 };

    if (own == TYPE_NONE)
        return true;
    rules_match(d->rules, SIG_VENDOR, vendor, on_line, &lines);
    return (lines.types & TYPE_BIT(own)) != 0;
}

static void decide_vendor(const identity_t *id, const weights_t *w, decision_t *d)
{
    device_type_t own;
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
    own = own_iot_type(w);
    if (looks_personal(id, w))
        note(d, "vendor not from destinations (a phone or computer's apps)");
    else if (!makes_own_type(d, best->name, own))
        note(d, "vendor not from destinations (it says it is a %s)", device_type_name(own));
    else if (second > 0 && best->weight < 2 * second)
        note(d, "vendor=unknown (destinations of several vendors)");
    else {
        d->vendor = best->name;
        d->vendor_confidence = MIN(best->weight, 100) / 2;
        note(d, "vendor from destinations");
    }
}

static void find_lines(decision_t *d)
{
    memset(&d->lines, 0, sizeof(d->lines));
    if (d->vendor != NULL)
        rules_match(d->rules, SIG_VENDOR, d->vendor, on_line, &d->lines);
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
        if (signal_kind(r->signal) == EVIDENCE_DESTINATION && speaks_for_host(id, r) && r->types != 0 &&
            !(r->types & PERSONAL_TYPES))
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
    if (w->iot_total > 0 && (platform_runs_embedded(os) || clearly_ahead(w->iot_total, personal + w->platform[os])))
        note(d, "os:%s, but it says it is an IoT device", platform_name(os));
    else if (!in_lines(d, strong != TYPE_NONE ? strong : os_type))
        note(d, "os:%s, but %s makes no %s", platform_name(os), d->vendor,
             device_type_name(strong != TYPE_NONE ? strong : os_type));
    else if (own_device_clouds(id, w, d->vendor)) {
        d->own_app_or_device = true;
        note(d, "os:%s, but it talks to its vendor's device clouds only", platform_name(os));
    } else {
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
        if (signal_kind(r->signal) != EVIDENCE_DESTINATION || !speaks_for_host(id, r) || r->types == 0 ||
            (r->types & PERSONAL_TYPES) || foreign_value(id, e, d->vendor))
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
static void find_behaviour(const identity_t *id, const decision_t *d, allowed_t *allowed)
{
    memset(allowed, 0, sizeof(*allowed));
    allowed->what = behaviour_name(id->traffic.behaviour);
    if (allowed->what != NULL)
        rules_match(d->rules, SIG_BEHAVIOUR, allowed->what, on_line, allowed);
}

/* Narrows `candidates` by a constraint unless that would leave nothing. */
static type_set_t narrow(type_set_t candidates, type_set_t by)
{
    return by != 0 && (candidates & by) != 0 ? candidates & by : candidates;
}

/* Is the host some embedded device, for elimination to pick among IoT
 * types? Its own IoT evidence says so, and so does its behaviour or its
 * vendor's product lines when they hold no phone, computer or tablet: the
 * laptop of a vendor that makes laptops and printers is no printer. */
static bool says_embedded(const weights_t *w, const allowed_t *lines, const allowed_t *behaviour)
{
    return w->iot_total > 0 || (behaviour->types != 0 && !(behaviour->types & PERSONAL_TYPES)) ||
           (lines->types != 0 && !(lines->types & PERSONAL_TYPES));
}

/* Do the vendor's lines name every kind it makes? "iot" among them says it
 * also makes kinds no type names (a Hikvision intercom panel pulls RTSP as
 * its recorders do): elimination among the rest would guess. */
static bool lines_are_complete(const decision_t *d)
{
    return !(d->lines.types & TYPE_BIT(TYPE_IOT));
}

static void decide_iot_type(const identity_t *id, const weights_t *w, decision_t *d)
{
    const type_set_t iot_types = ~(PERSONAL_TYPES | MARKER_TYPES | TYPE_BIT(TYPE_NONE)) & (TYPE_BIT(TYPE_COUNT) - 1);
    type_set_t candidates = iot_types & (d->lines.types ? d->lines.types : iot_types);
    type_set_t dst_sets = 0;
    int dst_types[TYPE_COUNT] = { 0 }, types[TYPE_COUNT], none[TYPE_COUNT];
    allowed_t behaviour;
    pick_t pick;

    if (!w->sets_clash)
        candidates = narrow(candidates, w->sets);
    /* A phone's OS and only its vendor's clouds: the clouds may be its
     * vendor's app on its phone (an Xperia's PlayStation app), so they type
     * nothing. */
    if (!id->randomized_mac && sum_personal(w) == 0 && !d->own_app_or_device)
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
    find_behaviour(id, d, &behaviour);
    candidates = narrow(candidates, behaviour.types);
    if (says_embedded(w, &d->lines, &behaviour) && sum_personal(w) == 0 && lines_are_complete(d) &&
        only_type(candidates) != TYPE_NONE) {
        d->type = only_type(candidates);
        d->type_confidence = (unsigned)MAX(MAX(d->lines.weight, behaviour.weight), w->sets_weight) / 2;
        note(d, "type by elimination (%s%s%s)", d->lines.types ? "vendor's products" : "type sets",
             behaviour.types ? ", " : "", behaviour.types ? behaviour.what : "");
    } else if (id->n_evidence > 0) {
        note(d, "type=unknown (%s)", w->iot_total > 0 || d->lines.types != 0 ? "several types possible"
                                                                               : "thin evidence");
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

/* "; name=value" (plain appends: a verdict is rebuilt whenever evidence arrives). */
static void append_item(wmem_strbuf_t *text, const char *name, const char *value)
{
    if (wmem_strbuf_get_len(text) >= MAX_EVIDENCE_TEXT)
        return;
    if (wmem_strbuf_get_len(text) > 0)
        wmem_strbuf_append(text, "; ");
    wmem_strbuf_append(text, name);
    wmem_strbuf_append_c(text, '=');
    wmem_strbuf_append(text, value);
}

/* "oui=Sonos, Inc.; dhcp_hostname=SonosZP; ...": what the host says of
 * itself first, then what it talks to, then why (apps, unknowns). */
static const char *evidence_text(identity_t *id, const weights_t *w, const decision_t *d)
{
    wmem_strbuf_t *text = wmem_strbuf_new(NULL, "");    /* scratch: the text is kept in the device's buffer */
    size_t len;
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
        wmem_strbuf_t *apps = wmem_strbuf_new(NULL, "");
        for (unsigned k = 0; k < w->n_dst_vendors; k++)
            if (d->vendor == NULL || g_ascii_strcasecmp(w->dst_vendors[k].name, d->vendor) != 0) {
                if (wmem_strbuf_get_len(apps) > 0)
                    wmem_strbuf_append(apps, ", ");
                wmem_strbuf_append(apps, w->dst_vendors[k].name);
            }
        append_item(text, "apps", wmem_strbuf_get_str(apps));
        wmem_strbuf_destroy(apps);
    }
    if (d->why[0] != '\0') {
        if (wmem_strbuf_get_len(text) > 0)
            wmem_strbuf_append(text, "; ");
        wmem_strbuf_append(text, d->why);
    }
    /* A device re-judged at every rename must not leave a text behind each
     * time: the text goes into one buffer per device, made on first need. */
    if (wmem_strbuf_get_len(text) > 0) {
        if (id->evidence_text == NULL)
            id->evidence_text = wmem_alloc(wmem_file_scope(), IDENTITY_EVIDENCE_TEXT);
        g_strlcpy(id->evidence_text, wmem_strbuf_get_str(text), IDENTITY_EVIDENCE_TEXT);
    }
    len = wmem_strbuf_get_len(text);
    wmem_strbuf_destroy(text);
    return len > 0 ? id->evidence_text : NULL;
}

/* May the rule name the model of a host of the decided type? A model of
 * another type is another product's (an Xperia phone reaching PlayStation's
 * servers), and the names a host talks to name its model only once they
 * agree with a decided type. */
static bool fits_type(const rule_t *r, device_type_t type)
{
    type_set_t named = r->types & ~MARKER_TYPES;

    if (signal_kind(r->signal) == EVIDENCE_DESTINATION)
        return type != TYPE_NONE && (named & TYPE_BIT(type)) != 0;
    return type == TYPE_NONE || named == 0 || (named & TYPE_BIT(type)) != 0;
}

/* The model the heaviest evidence of the decided vendor (or of none), and
 * of the decided type, names. */
static const char *model_of(const identity_t *id, const char *vendor, device_type_t type)
{
    const char *model = NULL;
    int weight = 0;

    for (unsigned i = 0; i < id->n_evidence; i++) {
        const evidence_t *e = &id->evidence[i];
        const char *m = e->rule->model_is_value ? e->value : e->rule->model;
        if (m != NULL && e->rule->weight > weight && fits_type(e->rule, type) &&
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

/* The maker the MAC's OUI names by a rule of its own (not a module maker,
 * not a bare manuf name): the hardware's maker, whatever else the host
 * announces of other makers' products. */
static const char *mac_maker(const identity_t *id)
{
    for (unsigned i = 0; i < id->n_evidence; i++) {
        const rule_t *r = id->evidence[i].rule;
        if (r->signal == SIG_OUI && r->pattern != NULL && r->vendor != NULL && r->type != TYPE_MODULE)
            return r->vendor;
    }
    return NULL;
}

void verdict_compute(identity_t *id, const rules_t *rules)
{
    verdict_t *v = &id->verdict;
    const char *maker;
    weights_t w;
    decision_t d;

    memset(&d, 0, sizeof(d));
    d.rules = rules;
    if (id->resolver)
        note(&d, "names looked up not used (it answers DNS for other hosts)");
    weigh(id, NULL, &w);
    decide_vendor(id, &w, &d);
    if (d.vendor != NULL)
        weigh(id, d.vendor, &w);            /* now without other vendors' products */
    else if ((maker = mac_maker(id)) != NULL)
        weigh(id, maker, &w);               /* undecided: still no other maker's product types it */
    find_lines(&d);
    if (!decide_personal(id, &w, &d))
        decide_iot_type(id, &w, &d);
    memset(v, 0, sizeof(*v));
    v->vendor = d.vendor;
    v->type = d.type;
    v->model = model_of(id, d.vendor, d.type);
    v->name = id->name;
    v->confidence = d.type != TYPE_NONE ? (d.vendor_confidence + d.type_confidence) / 2 : d.vendor_confidence / 2;
    v->evidence = evidence_text(id, &w, &d);
    id->worth_telling = v->vendor != NULL || v->type != TYPE_NONE || v->name != NULL || says_more_than_its_mac(id);
}

