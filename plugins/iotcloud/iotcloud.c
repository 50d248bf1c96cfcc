/* iotcloud.c: a device identity for every local host: vendor, type, model,
 * name, confidence and the evidence behind them.
 *
 * A postdissector that learns passively from everything local hosts say
 * (MAC OUI, DHCP, mDNS/DNS-SD, SSDP/UPnP, the names they look up or connect
 * to, their HTTP User-Agent), weighs it with the rules in device_rules.tsv
 * and the user's own rules, and labels both ends of every packet.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/address_types.h>
#include <epan/packet.h>
#include <epan/prefs.h>
#include <epan/tap.h>
#include <epan/uat.h>
#include <wsutil/report_message.h>

#include "core/addr.h"
#include "core/budget.h"
#include "core/datafile.h"
#include "core/field_set.h"
#include "core/fields.h"
#include "core/local.h"
#include "core/prefs_util.h"
#include "core/ws_compat.h"
#include "devices.h"
#include "iotcloud.h"
#include "mediated.h"
#include "rules.h"
#include "signals.h"
#include "tap.h"

#define RULES_FILE          "device_rules.tsv"
#define DEFAULT_MAX_DEVICES 10000

typedef struct {
    int vendor;
    int type;
    int model;
    int name;
    int confidence;
    int evidence;
} side_fields_t;

/* A row of the user's rule table (Preferences > Protocols > IoT Cloud). */
typedef struct {
    char *signal;
    char *match;
    char *pattern;
    char *vendor;
    char *type;
    char *model;
    char *weight;
} user_rule_t;

static int proto_iotcloud = -1;
static protocol_t *iotcloud_protocol;
static side_fields_t hf_any, hf_src, hf_dst;
static wsc_field_group_t group_any, group_src, group_dst;
static int hf_mediated = -1;            /* iotcloud.mediated */
static int hf_mediated_peer = -1;       /* iotcloud.mediated.peer */
static int hf_mediated_peer6 = -1;      /* iotcloud.mediated.peer6 */
static int hf_mediated_kind = -1;       /* iotcloud.mediated.kind */
static int hf_mediated_via = -1;        /* iotcloud.mediated.via */
static int hf_mediated_events = -1;     /* iotcloud.mediated.events */
static int hf_mediated_score = -1;      /* iotcloud.mediated.score */
static gint ett_iotcloud = -1;
static gint ett_side = -1;
static gint ett_mediated = -1;
static int iotcloud_tap = -1;
static bool relations_settled;          /* on the first later pass */

static const char *pref_window_text = "2";
static wsc_double_pref_t correlation_window = {
    .name = "iotcloud.correlation_window", .min = 0.001, .max = 3600.0, .value = 2.0,
};
static guint pref_min_events_raw = 2;
static wsc_uint_pref_t min_events = {
    .name = "iotcloud.correlation_min_events", .min = 1, .max = 1000, .value = 2,
};
static const char *pref_alpha_text = "0.05";
static wsc_double_pref_t correlation_alpha = {
    .name = "iotcloud.correlation_alpha", .min = 1e-9, .max = 0.5, .value = 0.05,
};

static const char *pref_local_networks = "";
/* Wireshark takes any 32-bit value: ranges are checked on apply (a device
 * table of 4294967295 entries would not fit in memory). */
static guint pref_max_devices_raw = DEFAULT_MAX_DEVICES;
static wsc_uint_pref_t max_devices = {
    .name = "iotcloud.max_devices", .min = 16, .max = 1000000, .value = DEFAULT_MAX_DEVICES,
};
static guint pref_budget_raw = WSC_BUDGET_DEFAULT_MIB;
static wsc_uint_pref_t budget = {
    .name = "iotcloud.memory_budget", .min = WSC_BUDGET_MIN_MIB, .max = WSC_BUDGET_MAX_MIB,
    .value = WSC_BUDGET_DEFAULT_MIB,
};

static user_rule_t *user_rules;
static guint n_user_rules;
static rules_t *rules;              /* in force */
static GPtrArray *retired_rules;    /* replaced, freed with the next capture */
static bool rules_file_reported;

static const wsc_field_spec_t side_spec[] = {
    { offsetof(side_fields_t, vendor), "vendor", "Vendor", FT_STRING, BASE_NONE,
      "Device vendor (brand)" },
    { offsetof(side_fields_t, type), "type", "Type", FT_STRING, BASE_NONE,
      "Device type: camera, speaker, voice-assistant, plug, light, hub, sensor, thermostat, tv, "
      "media-player, printer, vacuum, appliance, scale, wearable, phone, computer, tablet, "
      "game-console, nas, router" },
    { offsetof(side_fields_t, model), "model", "Model", FT_STRING, BASE_NONE, "Device model" },
    { offsetof(side_fields_t, name), "name", "Name", FT_STRING, BASE_NONE,
      "The name the device gives itself (DHCP host name, mDNS host name)" },
    { offsetof(side_fields_t, confidence), "confidence", "Confidence", FT_UINT8, BASE_DEC,
      "How strongly the evidence supports the vendor and type, 0 to 100" },
    { offsetof(side_fields_t, evidence), "evidence", "Evidence", FT_STRING, BASE_NONE,
      "The signals that decided, as signal=value" },
};

/* --- tree ----------------------------------------------------------------- */

static void add_string(proto_tree *tree, int hf, tvbuff_t *tvb, const char *value)
{
    if (value != NULL)
        proto_item_set_generated(proto_tree_add_string(tree, hf, tvb, 0, 0, value));
}

#define BIT(member) WSC_FIELD_BIT(side_fields_t, member)

/* The identity of one end, headed by its vendor (or type): no formatted
 * text item, labels are only built when shown. */
static void add_side_fields(wsc_field_out_t out, const side_fields_t *hf, const verdict_t *v)
{
    const char *type = v->type != TYPE_NONE ? device_type_name(v->type) : "unknown";
    proto_item *head;

    if (out.wanted == 0)
        return;
    head = wsc_field_out_string(&out, hf->vendor, BIT(vendor), v->vendor);
    if (v->vendor == NULL)
        head = wsc_field_out_string(&out, hf->type, BIT(type), type);
    if (head != NULL && !out.hidden)
        out.tree = proto_item_add_subtree(head, ett_side);
    if (v->vendor != NULL)
        wsc_field_out_string(&out, hf->type, BIT(type), type);
    wsc_field_out_string(&out, hf->model, BIT(model), v->model);
    wsc_field_out_string(&out, hf->name, BIT(name), v->name);
    wsc_field_out_uint(&out, hf->confidence, BIT(confidence), v->confidence);
    wsc_field_out_string(&out, hf->evidence, BIT(evidence), v->evidence);
}

static void add_side(proto_tree *tree, tvbuff_t *tvb, const side_fields_t *hf, wsc_field_mask_t wanted,
                     wsc_field_mask_t either, const verdict_t *v)
{
    add_side_fields((wsc_field_out_t){ tree, tvb, wanted, false }, hf, v);
    add_side_fields((wsc_field_out_t){ tree, tvb, either, true }, &hf_any, v);   /* iotcloud.vendor: either end */
}

/* --- conversations with the cloud ------------------------------------------ */

/* The packet from the local device's side; false when no local device takes
 * part or it goes to a group address. */
static bool conversation_of(const wsc_facts_t *facts, device_t *src, device_t *dst, mediated_packet_t *p)
{
    const packet_info *pinfo = facts->pinfo;
    bool ports = pinfo->ptype == PT_TCP || pinfo->ptype == PT_UDP;

    if (!facts->has_ip || facts->src_group || facts->dst_group || (src == NULL && dst == NULL))
        return false;
    memset(p, 0, sizeof(*p));
    p->outbound = src != NULL;
    p->device = device_id(p->outbound ? src : dst);
    p->device_addr = p->outbound ? facts->src : facts->dst;
    p->peer = p->outbound ? device_id(dst) : 0;
    p->remote = p->outbound ? facts->dst : facts->src;
    p->remote_port = ports ? (uint16_t)(p->outbound ? pinfo->destport : pinfo->srcport) : 0;
    p->device_port = ports ? (uint16_t)(p->outbound ? pinfo->srcport : pinfo->destport) : 0;
    p->ipproto = pinfo->ptype == PT_TCP ? 6 : pinfo->ptype == PT_UDP ? 17 : 0;
    p->bytes = pinfo->fd->pkt_len;
    p->ts_ns = facts->ts_ns;
    p->frame = facts->num;
    return true;
}

static void queue_tap(const wsc_facts_t *facts, const mediated_packet_t *p, const flow_t *flow)
{
    packet_info *pinfo = facts->pinfo;
    iotcloud_tap_t *rec = wmem_new0(pinfo->pool, iotcloud_tap_t);

    rec->device = p->device;
    rec->device_addr = p->device_addr;
    rec->remote = p->remote;
    rec->remote_port = p->remote_port;
    rec->remote_is_local = p->peer != 0;
    rec->outbound = p->outbound;
    rec->bytes = p->bytes;
    rec->time = pinfo->abs_ts;
    if (flow != NULL) {
        rec->about = *mediated_flow_remote(flow);
    } else if (p->peer == 0) {          /* past the flows' cap: asked for this packet alone */
        cloud_label_at(&p->remote, facts->num, &rec->about.cloud);
        rec->about.located = delta_distance_geo_at(&p->remote, facts->num, &rec->about.geo);
    }
    rec->relations_final = !facts->first_pass;
    tap_queue_packet(iotcloud_tap, pinfo, rec);
}

static void add_mediated(proto_tree *tree, tvbuff_t *tvb, const flow_t *flow, device_id_t device)
{
    const relation_t *relations[4];
    unsigned n = mediated_flow_relations(flow, relations, G_N_ELEMENTS(relations));

    for (unsigned i = 0; i < n; i++) {
        const relation_t *r = relations[i];
        const wsc_addr_t *peer = r->from == device ? &r->to_addr : &r->from_addr;
        proto_item *item = proto_tree_add_item(tree, hf_mediated, tvb, 0, 0, ENC_NA);
        proto_tree *sub = proto_item_add_subtree(item, ett_mediated);

        proto_item_set_generated(item);
        if (peer->family == 4 && wsc_wanted(sub, hf_mediated_peer)) {
            guint32 v4;                         /* network order, copied: bytes[] is not aligned */
            memcpy(&v4, peer->bytes, sizeof(v4));
            proto_item_set_generated(proto_tree_add_ipv4(sub, hf_mediated_peer, tvb, 0, 0, v4));
        }
        else if (peer->family == 6 && wsc_wanted(sub, hf_mediated_peer6))
            proto_item_set_generated(proto_tree_add_ipv6(sub, hf_mediated_peer6, tvb, 0, 0,
                                                         (const ws_in6_addr *)peer->bytes));
        if (wsc_wanted(sub, hf_mediated_kind))
            add_string(sub, hf_mediated_kind, tvb, r->kind == MEDIATED_RELAY ? "relay" : "correlated");
        if (wsc_wanted(sub, hf_mediated_via))
            add_string(sub, hf_mediated_via, tvb, r->via);
        if (wsc_wanted(sub, hf_mediated_events))
            proto_item_set_generated(proto_tree_add_uint(sub, hf_mediated_events, tvb, 0, 0, r->events));
        if (r->kind == MEDIATED_CORRELATED && wsc_wanted(sub, hf_mediated_score))
            proto_item_set_generated(proto_tree_add_double(sub, hf_mediated_score, tvb, 0, 0, r->score));
    }
}

/* First pass: count the packet; later passes: find its flow, relations final. */
static const flow_t *follow_conversation(const wsc_facts_t *facts, const mediated_packet_t *p, bool listened)
{
    flow_t *flow;

    if (!facts->first_pass) {
        if (!relations_settled) {
            mediated_finish();
            relations_settled = true;
        }
        return mediated_flow(p);
    }
    flow = mediated_observe(p);
    if (listened)
        mediated_settle();                  /* a statistic draws relay counts as they are */
    return flow;
}

bool iotcloud_enabled(void)
{
    return iotcloud_protocol != NULL && proto_is_protocol_enabled(iotcloud_protocol);
}

bool iotcloud_asked(proto_tree *tree)
{
    return proto_field_is_referenced(tree, proto_iotcloud);
}

bool iotcloud_listened(void)
{
    return have_tap_listener(iotcloud_tap);
}

void iotcloud_frame(wsc_facts_t *facts, proto_tree *tree)
{
    device_t *src, *dst;
    const verdict_t *src_verdict, *dst_verdict;
    const flow_t *flow = NULL;
    mediated_packet_t conversation;
    bool listened = iotcloud_listened();
    wsc_field_mask_t src_wanted, dst_wanted, either;
    proto_item *top;
    proto_tree *iot_tree;

    devices_of_frame(facts, &src, &dst);
    if (facts->first_pass && facts->has_ip)
        signals_collect(facts, tree, src, dst);
    if (conversation_of(facts, src, dst, &conversation)) {
        flow = follow_conversation(facts, &conversation, listened);
        if (listened)
            queue_tap(facts, &conversation, flow);
    }
    if (tree == NULL)
        return;
    src_verdict = devices_verdict(src);
    dst_verdict = dst != src ? devices_verdict(dst) : NULL;
    if (src_verdict == NULL && dst_verdict == NULL && flow == NULL)
        return;
    src_wanted = wsc_field_group_wanted(&group_src, tree);
    dst_wanted = wsc_field_group_wanted(&group_dst, tree);
    either = wsc_field_group_referenced(&group_any);      /* hidden: a shown tree does not show them */
    top = proto_tree_add_item(tree, proto_iotcloud, facts->tvb, 0, 0, ENC_NA);
    proto_item_set_generated(top);
    iot_tree = proto_item_add_subtree(top, ett_iotcloud);
    if (src_verdict != NULL)
        add_side(iot_tree, facts->tvb, &hf_src, src_wanted, either, src_verdict);
    if (dst_verdict != NULL)
        add_side(iot_tree, facts->tvb, &hf_dst, dst_wanted, either, dst_verdict);
    if (flow != NULL && !facts->first_pass)
        add_mediated(iot_tree, facts->tvb, flow, conversation.device);
}

/* --- rules ---------------------------------------------------------------- */

static void load_rules_file(rules_t *into)
{
    char *path = wsc_datafile_find(RULES_FILE);
    wsc_read_report_t report;
    char *why = NULL;

    if (path == NULL) {
        if (!rules_file_reported)
            report_failure("IoT Cloud: %s is not installed (looked in the personal configuration folder "
                           "and Wireshark's data folder, under %s/): only your own device rules apply.",
                           RULES_FILE, WSC_DATA_SUBDIR);
    } else if (!rules_load(into, path, &report, &why)) {
        if (!rules_file_reported)
            report_failure("IoT Cloud: not using %s: only your own device rules apply.", why);
    } else if (report.bad > 0 && !rules_file_reported) {
        report_failure("IoT Cloud: %s: skipped %u bad line%s (first: line %u, %s); %u rules in use.",
                       path, report.bad, report.bad == 1 ? "" : "s", report.first_bad_line,
                       report.first_bad_why, report.rows);
    }
    rules_file_reported = true;         /* the file is read again on every rebuild: say it once */
    g_free(why);
    g_free(path);
}

static void rebuild_rules(void)
{
    rules_t *fresh = rules_new();

    load_rules_file(fresh);
    for (guint i = 0; i < n_user_rules; i++) {
        const user_rule_t *r = &user_rules[i];
        rules_add(fresh, r->signal, r->match, r->pattern, r->vendor, r->type, r->model, r->weight);
    }
    if (rules != NULL)                  /* devices still point at its rules until the next capture */
        g_ptr_array_add(retired_rules, rules);
    rules = fresh;
    identity_set_rules(rules);
}

static void *user_rule_copy(void *dest, const void *source, size_t len _U_)
{
    user_rule_t *d = dest;
    const user_rule_t *s = source;

    d->signal = g_strdup(s->signal);
    d->match = g_strdup(s->match);
    d->pattern = g_strdup(s->pattern);
    d->vendor = g_strdup(s->vendor);
    d->type = g_strdup(s->type);
    d->model = g_strdup(s->model);
    d->weight = g_strdup(s->weight);
    return d;
}

static void user_rule_free(void *record)
{
    user_rule_t *r = record;

    g_free(r->signal);
    g_free(r->match);
    g_free(r->pattern);
    g_free(r->vendor);
    g_free(r->type);
    g_free(r->model);
    g_free(r->weight);
}

static wsc_uat_bool_t user_rule_check(void *record, char **error)
{
    const user_rule_t *r = record;
    rules_t *scratch = rules_new();
    const char *why = rules_add(scratch, r->signal, r->match, r->pattern, r->vendor, r->type, r->model, r->weight);

    rules_free(scratch);
    if (why != NULL) {
        *error = g_strdup_printf("IoT Cloud device rule \"%s %s %s\": %s", r->signal ? r->signal : "",
                                 r->match ? r->match : "", r->pattern ? r->pattern : "", why);
        return FALSE;
    }
    return TRUE;
}

UAT_CSTRING_CB_DEF(user_rules, signal, user_rule_t)
UAT_CSTRING_CB_DEF(user_rules, match, user_rule_t)
UAT_CSTRING_CB_DEF(user_rules, pattern, user_rule_t)
UAT_CSTRING_CB_DEF(user_rules, vendor, user_rule_t)
UAT_CSTRING_CB_DEF(user_rules, type, user_rule_t)
UAT_CSTRING_CB_DEF(user_rules, model, user_rule_t)
UAT_CSTRING_CB_DEF(user_rules, weight, user_rule_t)

/* --- registration ------------------------------------------------------- */

static void iotcloud_prefs_apply(void)
{
    wsc_local_networks_apply("iotcloud.local_networks", pref_local_networks);
    wsc_double_pref_apply(&correlation_window, pref_window_text);
    wsc_double_pref_apply(&correlation_alpha, pref_alpha_text);
    wsc_uint_pref_apply(&min_events, pref_min_events_raw);
    wsc_uint_pref_apply(&max_devices, pref_max_devices_raw);
    if (wsc_uint_pref_apply(&budget, pref_budget_raw))
        wsc_budget_set_mib(budget.value);
    if (rules == NULL)
        rebuild_rules();
}

static void iotcloud_init(void)
{
    mediated_params_t params = {
        .window_seconds = correlation_window.value, .min_events = min_events.value, .alpha = correlation_alpha.value,
    };

    for (guint i = 0; i < retired_rules->len; i++)
        rules_free(g_ptr_array_index(retired_rules, i));
    g_ptr_array_set_size(retired_rules, 0);
    devices_reset(max_devices.value);
    mediated_reset(&params);
    relations_settled = false;
}

void iotcloud_register(void)
{
    static hf_register_info hf[] = {
        { &hf_mediated,
          { "Cloud-mediated conversation", "iotcloud.mediated", FT_NONE, BASE_NONE, NULL, 0x0,
            "This conversation links two local devices through the cloud (needs two passes or the GUI)", HFILL } },
        { &hf_mediated_peer,
          { "Other device", "iotcloud.mediated.peer", FT_IPv4, BASE_NONE, NULL, 0x0,
            "The other local device of the cloud-mediated pair", HFILL } },
        { &hf_mediated_peer6,
          { "Other device", "iotcloud.mediated.peer6", FT_IPv6, BASE_NONE, NULL, 0x0,
            "The other local device of the cloud-mediated pair (IPv6)", HFILL } },
        { &hf_mediated_kind,
          { "Kind", "iotcloud.mediated.kind", FT_STRING, BASE_NONE, NULL, 0x0,
            "relay (same remote address and port, one sends, one receives) or correlated "
            "(bursts to a provider followed by its pushes to the other device)", HFILL } },
        { &hf_mediated_via,
          { "Via", "iotcloud.mediated.via", FT_STRING, BASE_NONE, NULL, 0x0,
            "The remote address and port (relay) or the provider (correlated)", HFILL } },
        { &hf_mediated_score,
          { "Score", "iotcloud.mediated.score", FT_DOUBLE, BASE_NONE, NULL, 0x0,
            "Correlated: -log10 of the chance that the pushes followed the bursts this often by chance "
            "(3: one in a thousand)", HFILL } },
        { &hf_mediated_events,
          { "Events", "iotcloud.mediated.events", FT_UINT32, BASE_DEC, NULL, 0x0,
            "Correlated: bursts followed by a push; relay: packets of both conversations", HFILL } },
    };
    static gint *ett[] = { &ett_iotcloud, &ett_side, &ett_mediated };
    static uat_field_t rule_fields[] = {
        UAT_FLD_CSTRING(user_rules, signal, "Signal",
            "oui, oui_prefix, dhcp_hostname, dhcp_vendor_class, dhcp_prl, mdns_service, mdns_name, mdns_model, "
            "ssdp_server, ssdp_type, ssdp_usn, ssdp_location, dns_name, user_agent, lan_port, serves, uses, "
            "behaviour, vendor"),
        UAT_FLD_CSTRING(user_rules, match, "Match", "exact, prefix, suffix, contains, glob or domain"),
        UAT_FLD_CSTRING(user_rules, pattern, "Pattern", "What the signal's value must match (any case)"),
        UAT_FLD_CSTRING(user_rules, vendor, "Vendor", "Vendor this evidence points to, or -"),
        UAT_FLD_CSTRING(user_rules, type, "Type",
            "Device type from the vocabulary, a set (plug|light), an OS (os:android), iot, or -"),
        UAT_FLD_CSTRING(user_rules, model, "Model", "Model, $value for the matched text, or -"),
        UAT_FLD_CSTRING(user_rules, weight, "Weight", "1 to 100"),
        UAT_END_FIELDS
    };
    module_t *module;
    uat_t *rules_uat;

    proto_iotcloud = proto_register_protocol("IoT Cloud device identity", "IoT Cloud", "iotcloud");
    wsc_register_field_set(proto_iotcloud, &hf_any, side_spec, G_N_ELEMENTS(side_spec), "iotcloud", "",
                           "either end", &group_any);
    wsc_register_field_set(proto_iotcloud, &hf_src, side_spec, G_N_ELEMENTS(side_spec), "iotcloud.src",
                           "Source ", "source host", &group_src);
    wsc_register_field_set(proto_iotcloud, &hf_dst, side_spec, G_N_ELEMENTS(side_spec), "iotcloud.dst",
                           "Destination ", "destination host", &group_dst);
    proto_register_field_array(proto_iotcloud, hf, array_length(hf));
    proto_register_subtree_array(ett, array_length(ett));

    register_init_routine(iotcloud_init);
    retired_rules = g_ptr_array_new();
    iotcloud_tap = register_tap(IOTCLOUD_TAP);
    iotcloud_stats_register();
    iotcloud_views_register();

    module = prefs_register_protocol(proto_iotcloud, iotcloud_prefs_apply);
    prefs_register_string_preference(module, "local_networks", "Local networks",
        "Networks of the local site, besides private, shared, link-local and unique-local ones "
        "(comma-separated, e.g. 198.51.100.0/24): their hosts are devices, and the cloud protocol "
        "never labels them.", &pref_local_networks);
    prefs_register_uint_preference(module, "max_devices", "Most devices tracked",
        "Devices remembered per capture, 16 to 1000000; past this the oldest makes room (default 10000). "
        "The memory budget may hold fewer.", 10, &pref_max_devices_raw);
    prefs_register_uint_preference(module, "memory_budget", "Memory budget (MiB)",
        "What the whole suite (Delta Distance, Cloud, IoT Cloud) may keep per capture, 16 to 4096 MiB "
        "(default 128): every table of devices, addresses, names, conversations and statistic lines "
        "has a share of it, and past its share makes room or takes no more. Applies to the next "
        "capture opened.", 10, &pref_budget_raw);
    prefs_register_string_preference(module, "correlation_window", "Correlation window (seconds)",
        "How soon after a device's burst to a provider a push from that provider to another device "
        "counts as caused by it, 0.001 to 3600 (default 2).", &pref_window_text);
    prefs_register_uint_preference(module, "correlation_min_events", "Correlated events needed",
        "Bursts followed by a push needed before two devices are reported as correlated, 1 to 1000 "
        "(default 2).", 10, &pref_min_events_raw);

    prefs_register_string_preference(module, "correlation_alpha", "Correlation significance level",
        "The chance of any false correlated pair in a capture (Holm's step-down over the candidate pairs; "
        "default 0.05, from 0.000000001 to 0.5). Lower finds fewer pairs, with fewer mistakes.",
        &pref_alpha_text);
    rules_uat = uat_new("IoT Cloud device rules",
        sizeof(user_rule_t),
        "iotcloud_device_rules",    /* file in the profile folder */
        TRUE,                       /* per profile */
        &user_rules, &n_user_rules,
        UAT_AFFECTS_DISSECTION,
        NULL,                       /* help */
        user_rule_copy, user_rule_check, user_rule_free,
        rebuild_rules,              /* after the table changed */
        NULL,
        rule_fields);
    prefs_register_uat_preference(module, "device_rules", "Device rules",
        "Your own rules, added to the shipped device_rules.tsv: a signal matching a pattern counts "
        "weight for a vendor, type and model.", rules_uat);
}

void iotcloud_handoff(void)
{
    iotcloud_protocol = find_protocol_by_id(proto_iotcloud);
    /* Preferences are applied after handoff, and the apply callback runs only
     * when one of ours changes: put the defaults in force now. */
    iotcloud_prefs_apply();
}
