/* rules.c: the rule table, indexed by signal; exact and domain rules hashed,
 * and the ports named by "serves"/"uses" rules kept as bits.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>

#include "rules.h"

#define MAX_VALUE 255

typedef struct {
    GHashTable *exact;      /* pattern -> GPtrArray of rule_t: exact and domain rules */
    GPtrArray  *scan;       /* the others, tried one by one */
} signal_rules_t;

#define MAX_REMEMBERED 4096  /* values whose matching rules are kept; then the memory starts over */
#define PORT_WORDS     (65536 / 32)

/* Ports named by rules of one signal, TCP and UDP: a packet's port is a bit test. */
typedef struct {
    uint32_t bits[2][PORT_WORDS];       /* [tcp][port / 32] */
    bool     any;                       /* a rule that is no plain "tcp/N": ask for every port */
} port_set_t;

struct rules {
    signal_rules_t by_signal[SIG_COUNT];
    port_set_t     serves, uses, lan_port;
    GStringChunk  *strings;
    GPtrArray     *all;     /* owns the entries */
    /* "<signal> <lower-case value>" -> GPtrArray of the rule_t it matches. Every
     * device looks up the same few cloud names: match each once. */
    GHashTable    *remembered;
};

typedef struct {
    rule_t        rule;
    GPatternSpec *glob;
} rule_entry_t;

static const char *const signal_names[SIG_COUNT] = {
    [SIG_OUI] = "oui", [SIG_OUI_PREFIX] = "oui_prefix",
    [SIG_DHCP_HOSTNAME] = "dhcp_hostname", [SIG_DHCP_VENDOR_CLASS] = "dhcp_vendor_class",
    [SIG_DHCP_PRL] = "dhcp_prl", [SIG_MDNS_SERVICE] = "mdns_service", [SIG_MDNS_NAME] = "mdns_name",
    [SIG_MDNS_MODEL] = "mdns_model", [SIG_SSDP_SERVER] = "ssdp_server", [SIG_SSDP_TYPE] = "ssdp_type",
    [SIG_SSDP_USN] = "ssdp_usn", [SIG_SSDP_LOCATION] = "ssdp_location", [SIG_DNS_NAME] = "dns_name",
    [SIG_USER_AGENT] = "user_agent", [SIG_LAN_PORT] = "lan_port", [SIG_LAN_MODEL] = "lan_model", [SIG_SERVES] = "serves",
    [SIG_USES] = "uses", [SIG_BEHAVIOUR] = "behaviour", [SIG_VENDOR] = "vendor",
};

static const char *const match_names[] = {
    [MATCH_EXACT] = "exact", [MATCH_PREFIX] = "prefix", [MATCH_SUFFIX] = "suffix",
    [MATCH_CONTAINS] = "contains", [MATCH_GLOB] = "glob", [MATCH_DOMAIN] = "domain",
};

static const char *const type_names[TYPE_COUNT] = {
    [TYPE_NONE] = "-", [TYPE_CAMERA] = "camera", [TYPE_SPEAKER] = "speaker",
    [TYPE_VOICE_ASSISTANT] = "voice-assistant", [TYPE_PLUG] = "plug", [TYPE_LIGHT] = "light",
    [TYPE_HUB] = "hub", [TYPE_SENSOR] = "sensor", [TYPE_THERMOSTAT] = "thermostat", [TYPE_TV] = "tv",
    [TYPE_MEDIA_PLAYER] = "media-player", [TYPE_PRINTER] = "printer", [TYPE_VACUUM] = "vacuum",
    [TYPE_APPLIANCE] = "appliance", [TYPE_SCALE] = "scale", [TYPE_WEARABLE] = "wearable",
    [TYPE_PHONE] = "phone", [TYPE_COMPUTER] = "computer", [TYPE_TABLET] = "tablet",
    [TYPE_GAME_CONSOLE] = "game-console", [TYPE_NAS] = "nas", [TYPE_ROUTER] = "router",
    [TYPE_VEHICLE] = "vehicle", [TYPE_NVR] = "nvr",
    [TYPE_MODULE] = "module", [TYPE_IOT] = "iot",
};

static const char *const platform_names[PLATFORM_COUNT] = {
    [PLATFORM_NONE] = "-", [PLATFORM_ANDROID] = "android", [PLATFORM_IOS] = "ios",
    [PLATFORM_MACOS] = "macos", [PLATFORM_WINDOWS] = "windows", [PLATFORM_CHROMEOS] = "chromeos",
};

/* A host that runs the OS and says nothing else is most likely this. */
static const device_type_t platform_types[PLATFORM_COUNT] = {
    [PLATFORM_NONE] = TYPE_NONE, [PLATFORM_ANDROID] = TYPE_PHONE, [PLATFORM_IOS] = TYPE_PHONE,
    [PLATFORM_MACOS] = TYPE_COMPUTER, [PLATFORM_WINDOWS] = TYPE_COMPUTER, [PLATFORM_CHROMEOS] = TYPE_COMPUTER,
};

/* Does the OS also run embedded devices? Fire OS Echo and Fire TV, Android
 * TV, Android cameras; tvOS and HomePod send iOS's DHCP request list. */
static const bool platform_embedded[PLATFORM_COUNT] = {
    [PLATFORM_ANDROID] = true, [PLATFORM_IOS] = true,
};

const char *signal_name(signal_t signal) { return signal_names[signal]; }
const char *device_type_name(device_type_t type) { return type_names[type]; }
const char *platform_name(platform_t platform) { return platform_names[platform]; }
device_type_t platform_default_type(platform_t platform) { return platform_types[platform]; }
bool platform_runs_embedded(platform_t platform) { return platform_embedded[platform]; }

evidence_kind_t signal_kind(signal_t signal)
{
    switch (signal) {
    case SIG_DNS_NAME:  return EVIDENCE_DESTINATION;
    case SIG_BEHAVIOUR:
    case SIG_VENDOR:    return EVIDENCE_CONSTRAINT;
    default:            return EVIDENCE_IDENTITY;
    }
}

static int lookup_name(const char *const *names, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (names[i] != NULL && g_ascii_strcasecmp(names[i], name) == 0)
            return i;
    return -1;
}

rules_t *rules_new(void)
{
    rules_t *rules = g_new0(rules_t, 1);

    for (int s = 0; s < SIG_COUNT; s++) {
        rules->by_signal[s].exact = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify)g_ptr_array_unref);
        rules->by_signal[s].scan = g_ptr_array_new();
    }
    rules->strings = g_string_chunk_new(4096);
    rules->all = g_ptr_array_new();
    rules->remembered = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
    return rules;
}

static void entry_free(gpointer p)
{
    rule_entry_t *entry = p;

    if (entry->glob != NULL)
        g_pattern_spec_free(entry->glob);
    g_free(entry);
}

void rules_free(rules_t *rules)
{
    if (rules == NULL)
        return;
    for (int s = 0; s < SIG_COUNT; s++) {
        g_hash_table_destroy(rules->by_signal[s].exact);
        g_ptr_array_free(rules->by_signal[s].scan, TRUE);
    }
    for (guint i = 0; i < rules->all->len; i++)
        entry_free(g_ptr_array_index(rules->all, i));
    g_ptr_array_free(rules->all, TRUE);
    g_string_chunk_free(rules->strings);
    g_hash_table_destroy(rules->remembered);
    g_free(rules);
}

unsigned rules_count(const rules_t *rules)
{
    return rules ? rules->all->len : 0;
}

static const char *optional(rules_t *rules, const char *text)
{
    return (text == NULL || *text == '\0' || strcmp(text, "-") == 0)
         ? NULL : g_string_chunk_insert_const(rules->strings, text);
}

static void index_rule(rules_t *rules, rule_entry_t *entry)
{
    signal_rules_t *sr = &rules->by_signal[entry->rule.signal];

    if (entry->rule.match == MATCH_EXACT || entry->rule.match == MATCH_DOMAIN) {
        GPtrArray *list = g_hash_table_lookup(sr->exact, entry->rule.pattern);
        if (list == NULL) {
            list = g_ptr_array_new();
            g_hash_table_insert(sr->exact, (gpointer)entry->rule.pattern, list);
        }
        g_ptr_array_add(list, entry);
    } else {
        g_ptr_array_add(sr->scan, entry);
    }
    g_ptr_array_add(rules->all, entry);
}

/* The type column: "-", one type, "plug|light" (a set) or "os:android".
 * NULL when understood, else why not. */
static const char *parse_type(const char *text, rule_t *rule)
{
    gchar **names;
    const char *why = NULL;
    int t = TYPE_NONE;

    if (text == NULL || *text == '\0' || strcmp(text, "-") == 0)
        return NULL;
    if (g_ascii_strncasecmp(text, "os:", 3) == 0) {
        t = lookup_name(platform_names, PLATFORM_COUNT, text + 3);
        rule->platform = (platform_t)MAX(t, 0);
        return t > PLATFORM_NONE ? NULL : "unknown platform (os:android, ios, macos, windows, chromeos)";
    }
    names = g_strsplit(text, "|", -1);
    for (guint i = 0; names[i] != NULL && why == NULL; i++) {
        t = lookup_name(type_names, TYPE_COUNT, g_strstrip(names[i]));
        if (t <= TYPE_NONE)
            why = "type not in the vocabulary";
        else
            rule->types |= TYPE_BIT(t);
    }
    if (why == NULL && g_strv_length(names) == 1)
        rule->type = (device_type_t)t;
    g_strfreev(names);
    return why;
}

static port_set_t *port_set(rules_t *rules, signal_t signal)
{
    switch (signal) {
    case SIG_SERVES:   return &rules->serves;
    case SIG_USES:     return &rules->uses;
    case SIG_LAN_PORT: return &rules->lan_port;
    default:           return NULL;
    }
}

/* "tcp/554" in a serves/uses/lan_port rule: the port's bit; anything else asks for every port. */
static void index_port(rules_t *rules, const rule_t *rule)
{
    port_set_t *set = port_set(rules, rule->signal);
    bool tcp = g_str_has_prefix(rule->pattern, "tcp/");
    char *end = NULL;
    guint64 port;

    if (set == NULL)
        return;
    if (rule->match == MATCH_EXACT && !tcp && !g_str_has_prefix(rule->pattern, "udp/"))
        return;                             /* "xiaomi-push": a protocol, never a port's text */
    port = g_ascii_strtoull(rule->pattern + 4, &end, 10);
    if (rule->match != MATCH_EXACT || end == rule->pattern + 4 || *end != '\0' || port > 65535)
        set->any = true;
    else
        set->bits[tcp][port / 32] |= 1u << (port % 32);
}

bool rules_want_port(const rules_t *rules, signal_t signal, bool tcp, uint16_t port)
{
    const port_set_t *set = rules != NULL ? port_set((rules_t *)rules, signal) : NULL;

    return set != NULL && (set->any || (set->bits[tcp][port / 32] & (1u << (port % 32))) != 0);
}

const char *rules_add(rules_t *rules, const char *signal, const char *match, const char *pattern,
                      const char *vendor, const char *type, const char *model, const char *weight)
{
    int sig = lookup_name(signal_names, SIG_COUNT, signal);
    int how = lookup_name(match_names, G_N_ELEMENTS(match_names), match);
    rule_t parsed = { 0 };
    const char *why = parse_type(type, &parsed);
    char *end = NULL;
    gint64 w = g_ascii_strtoll(weight ? weight : "", &end, 10);
    rule_entry_t *entry;
    char *lower;

    g_hash_table_remove_all(rules->remembered);     /* answers given so far may change */
    if (sig < 0)
        return "unknown signal";
    if (how < 0)
        return "unknown match (exact, prefix, suffix, contains, glob, domain)";
    if (why != NULL)
        return why;
    if (pattern == NULL || *pattern == '\0' || strlen(pattern) > MAX_VALUE)
        return "empty or overlong pattern";
    if (end == weight || *end != '\0' || w < 1 || w > 100)
        return "weight is not 1 to 100";
    if (optional(rules, vendor) == NULL && parsed.types == 0 && parsed.platform == PLATFORM_NONE &&
        optional(rules, model) == NULL)
        return "rule names no vendor, type, platform or model";

    lower = g_ascii_strdown(pattern, -1);
    entry = g_new0(rule_entry_t, 1);
    entry->rule = parsed;
    entry->rule.signal = (signal_t)sig;
    entry->rule.match = (match_t)how;
    entry->rule.pattern = g_string_chunk_insert_const(rules->strings, lower);
    entry->rule.vendor = optional(rules, vendor);
    entry->rule.model_is_value = model != NULL && strcmp(model, "$value") == 0;
    entry->rule.model = entry->rule.model_is_value ? NULL : optional(rules, model);
    entry->rule.weight = (int)w;
    if (how == MATCH_GLOB)
        entry->glob = g_pattern_spec_new(lower);
    g_free(lower);
    index_rule(rules, entry);
    index_port(rules, &entry->rule);
    return NULL;
}

/* Columns: signal match pattern vendor type model weight source */
static const char *take_row(void *ctx, char **cols, unsigned ncols)
{
    if (ncols < 7)
        return "fewer than 7 columns";
    return rules_add(ctx, cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6]);
}

bool rules_load(rules_t *rules, const char *path, wsc_read_report_t *report, char **why)
{
    return wsc_datafile_read(path, "device_rules", 2, '\t', take_row, rules, report, why);
}

static bool scan_matches(const rule_entry_t *entry, const char *value, size_t len)
{
    const char *pattern = entry->rule.pattern;
    size_t plen = strlen(pattern);

    switch (entry->rule.match) {
    case MATCH_PREFIX:   return strncmp(value, pattern, plen) == 0;
    case MATCH_SUFFIX:   return len >= plen && strcmp(value + len - plen, pattern) == 0;
    case MATCH_CONTAINS: return strstr(value, pattern) != NULL;
    case MATCH_GLOB:     return g_pattern_spec_match(entry->glob, (guint)len, value, NULL);
    default:             return false;
    }
}

static void hit_list(GPtrArray *list, bool domain_only, const char *original,
                     void (*hit)(void *, const rule_t *, const char *), void *ctx)
{
    for (guint i = 0; list != NULL && i < list->len; i++) {
        const rule_entry_t *entry = g_ptr_array_index(list, i);
        if (!domain_only || entry->rule.match == MATCH_DOMAIN)
            hit(ctx, &entry->rule, original);
    }
}

static void collect_hit(void *ctx, const rule_t *rule, const char *value _U_)
{
    g_ptr_array_add(ctx, (gpointer)rule);
}

/* Every rule of `signal` that the lower-case value matches. */
static void match_all(const rules_t *rules, signal_t signal, const char *value, const char *lower, size_t len,
                      GPtrArray *out)
{
    const signal_rules_t *sr = &rules->by_signal[signal];

    /* Exact rules on the whole value; domain rules on it and on each parent domain. */
    hit_list(g_hash_table_lookup(sr->exact, lower), false, value, collect_hit, out);
    for (const char *dot = strchr(lower, '.'); dot != NULL; dot = strchr(dot + 1, '.'))
        hit_list(g_hash_table_lookup(sr->exact, dot + 1), true, value, collect_hit, out);
    for (guint i = 0; i < sr->scan->len; i++) {
        const rule_entry_t *entry = g_ptr_array_index(sr->scan, i);
        if (scan_matches(entry, lower, len))
            g_ptr_array_add(out, (gpointer)&entry->rule);
    }
}

void rules_match(const rules_t *rules, signal_t signal, const char *value,
                 void (*hit)(void *ctx, const rule_t *rule, const char *value), void *ctx)
{
    char key[MAX_VALUE + 3];
    char *lower = key + 2;              /* the signal as a letter, a space, then the value */
    size_t len;
    GPtrArray *matched;

    if (rules == NULL || value == NULL || (len = strlen(value)) == 0 || len > MAX_VALUE)
        return;
    key[0] = (char)('A' + signal);
    key[1] = ' ';
    for (size_t i = 0; i <= len; i++)
        lower[i] = g_ascii_tolower(value[i]);
    if (signal == SIG_DNS_NAME && lower[len - 1] == '.')
        lower[--len] = '\0';
    matched = g_hash_table_lookup(rules->remembered, key);
    if (matched == NULL) {
        matched = g_ptr_array_new();
        match_all(rules, signal, value, lower, len, matched);
        if (g_hash_table_size(rules->remembered) >= MAX_REMEMBERED)
            g_hash_table_remove_all(rules->remembered);
        g_hash_table_insert(rules->remembered, g_strdup(key), matched);
    }
    for (guint i = 0; i < matched->len; i++)
        hit(ctx, g_ptr_array_index(matched, i), value);
}
