/* cloud.c: which cloud, CDN, service and region each address belongs to.
 *
 * A postdissector labelling both ends of every IP packet from three sources,
 * best first: published provider ranges (compiled into a MaxMind DB at build
 * time; the most specific prefix wins), names seen in the capture (DNS answers
 * through CNAME chains, TLS/QUIC server names, HTTP Host) matched against CDN
 * and cloud host name patterns, and an optional ASN database.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/packet.h>
#include <epan/prefs.h>
#include <wsutil/report_message.h>

#include "core/addr.h"
#include "core/cloud_api.h"
#include "core/field_set.h"
#include "core/fields.h"
#include "core/ws_compat.h"
#include "cloud.h"
#include "hosts.h"
#include "learn.h"
#include "sources.h"

/* The fields of one end (cloud.src.*, cloud.dst.*) or of either (cloud.*). */
typedef struct {
    int provider;
    int service;
    int region;
    int hostname;
    int asn;
    int as_org;
    int source;
} side_fields_t;

/* What is shown for one address: the provider from the best source, and
 * whatever else is known. */
typedef struct {
    const char *provider;
    const char *service;
    const char *region;
    const char *source;         /* "range", "name" or "asn" */
    const cloud_host_t *host;
} verdict_t;

static int proto_cloud = -1;
static side_fields_t hf_any, hf_src, hf_dst;          /* ids set at registration */
static gint ett_cloud = -1;
static gint ett_side = -1;
static dissector_handle_t cloud_handle;

static wsc_pref_bool_t pref_use_ranges = TRUE;
static wsc_pref_bool_t pref_use_names = TRUE;
static wsc_pref_bool_t pref_use_asn = TRUE;
static const char *pref_ranges_db = "";
static const char *pref_asn_db = "";
static const char *pref_local_networks = "";
static wsc_netlist_t *local_networks;
static char *local_networks_rejected;

static bool is_local(const wsc_addr_t *addr)
{
    return wsc_addr_is_private(addr) || wsc_netlist_contains(local_networks, addr);
}

static bool decide(const cloud_host_t *host, verdict_t *v)
{
    memset(v, 0, sizeof(*v));
    v->host = host;
    if (host->range.provider != NULL) {         /* sources switched off were never looked up */
        v->provider = host->range.provider;
        v->service = host->range.service;
        v->region = host->range.region;
        v->source = "range";
    } else if (pref_use_names && host->name.provider != NULL) {
        v->provider = host->name.provider;
        v->service = host->name.service;
        v->source = "name";
    } else if (host->asn_provider != NULL) {
        v->provider = host->asn_provider;
        v->source = "asn";
    }
    return v->provider != NULL || (pref_use_names && host->hostname != NULL) || host->asn != 0;
}

static bool annotate(const address *addr, wmem_allocator_t *scratch, verdict_t *v)
{
    wsc_addr_t a;

    if (!wsc_addr_from_address(addr, &a) || is_local(&a) || wsc_addr_is_group(&a))
        return false;
    return decide(cloud_hosts_lookup(&a, scratch), v);
}

static proto_item *add_string(proto_tree *tree, int hf, tvbuff_t *tvb, const char *value, bool hidden)
{
    proto_item *item;

    if (value == NULL || !(hidden ? wsc_referenced(hf) : wsc_wanted(tree, hf)))
        return NULL;
    item = proto_tree_add_string(tree, hf, tvb, 0, 0, value);
    proto_item_set_generated(item);
    if (hidden)
        proto_item_set_hidden(item);
    return item;
}

static void add_asn(proto_tree *tree, int hf, tvbuff_t *tvb, uint32_t asn, bool hidden)
{
    proto_item *item;

    if (asn == 0 || !(hidden ? wsc_referenced(hf) : wsc_wanted(tree, hf)))
        return;
    item = proto_tree_add_uint(tree, hf, tvb, 0, 0, asn);
    proto_item_set_generated(item);
    if (hidden)
        proto_item_set_hidden(item);
}

/* The fields of one end. The first known of provider, host name and AS
 * heads them (no formatted text item: labels are only built when shown). */
static void add_side_fields(proto_tree *tree, tvbuff_t *tvb, const side_fields_t *hf, const verdict_t *v, bool hidden)
{
    const char *hostname = pref_use_names ? v->host->hostname : NULL;
    proto_item *head = add_string(tree, hf->provider, tvb, v->provider, hidden);
    proto_tree *side;

    if (head == NULL && v->provider == NULL)
        head = add_string(tree, hf->hostname, tvb, hostname, hidden);
    side = (head != NULL && !hidden) ? proto_item_add_subtree(head, ett_side) : tree;
    add_string(side, hf->service, tvb, v->service, hidden);
    add_string(side, hf->region, tvb, v->region, hidden);
    if (v->provider != NULL)
        add_string(side, hf->hostname, tvb, hostname, hidden);
    add_asn(side, hf->asn, tvb, v->host->asn, hidden);
    if (v->host->asn != 0)
        add_string(side, hf->as_org, tvb, v->host->as_org, hidden);
    add_string(side, hf->source, tvb, v->source, hidden);
}

static int dissect_cloud(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data _U_)
{
    verdict_t src, dst;
    bool has_src, has_dst;
    proto_item *top;
    proto_tree *cloud_tree;

    if (pref_use_names && !pinfo->fd->visited)
        cloud_learn(tvb, pinfo, tree, cloud_sources_patterns(), is_local);
    has_src = annotate(&pinfo->net_src, pinfo->pool, &src);
    has_dst = annotate(&pinfo->net_dst, pinfo->pool, &dst);
    if (tree == NULL || (!has_src && !has_dst))
        return 0;

    top = proto_tree_add_item(tree, proto_cloud, tvb, 0, 0, ENC_NA);
    proto_item_set_generated(top);
    cloud_tree = proto_item_add_subtree(top, ett_cloud);
    if (has_src) {
        add_side_fields(cloud_tree, tvb, &hf_src, &src, false);
        add_side_fields(cloud_tree, tvb, &hf_any, &src, true);     /* cloud.provider matches either end */
    }
    if (has_dst) {
        add_side_fields(cloud_tree, tvb, &hf_dst, &dst, false);
        add_side_fields(cloud_tree, tvb, &hf_any, &dst, true);
    }
    return tvb_captured_length(tvb);
}

/* "cloud.lookup": the label of one address, for the suite's other plugins. */
static int lookup_for_plugins(tvbuff_t *tvb _U_, packet_info *pinfo, proto_tree *tree _U_, void *data)
{
    wsc_cloud_query_t *query = data;
    verdict_t v;

    memset(&query->label, 0, sizeof(query->label));
    if (is_local(&query->addr) || wsc_addr_is_group(&query->addr) ||
        !decide(cloud_hosts_lookup(&query->addr, pinfo->pool), &v))
        return 1;
    query->label.provider = v.provider;
    query->label.service = v.service;
    query->label.region = v.region;
    query->label.hostname = pref_use_names ? v.host->hostname : NULL;
    return 1;
}

static void apply_local_networks(void)
{
    char *why = NULL;
    wsc_netlist_t *parsed = wsc_netlist_parse(pref_local_networks, &why);

    if (parsed == NULL) {
        if (g_strcmp0(local_networks_rejected, pref_local_networks) != 0)
            report_failure("cloud.local_networks: %s; keeping the previous list.", why);
        g_free(local_networks_rejected);
        local_networks_rejected = g_strdup(pref_local_networks);
        g_free(why);
        return;
    }
    wsc_netlist_free(local_networks);
    local_networks = parsed;
}

static void cloud_prefs_apply(void)
{
    cloud_source_prefs_t prefs = {
        .use_ranges = pref_use_ranges, .use_names = pref_use_names, .use_asn = pref_use_asn,
        .ranges_db = pref_ranges_db, .asn_db = pref_asn_db,
    };

    apply_local_networks();
    cloud_sources_apply(&prefs);
}

static const wsc_field_spec_t side_spec[] = {
    { offsetof(side_fields_t, provider), "provider", "Provider", FT_STRING, BASE_NONE,
      "Cloud or CDN provider" },
    { offsetof(side_fields_t, service), "service", "Service", FT_STRING, BASE_NONE,
      "Provider service (published range) or the host name pattern that matched" },
    { offsetof(side_fields_t, region), "region", "Region", FT_STRING, BASE_NONE,
      "Provider region, where the provider publishes it" },
    { offsetof(side_fields_t, hostname), "hostname", "Host name", FT_STRING, BASE_NONE,
      "Latest name the capture bound to the address (DNS, TLS server name, HTTP Host)" },
    { offsetof(side_fields_t, asn), "asn", "AS number", FT_UINT32, BASE_DEC,
      "Autonomous system, from the ASN database" },
    { offsetof(side_fields_t, as_org), "as_org", "AS organisation", FT_STRING, BASE_NONE,
      "Autonomous system organisation, from the ASN database" },
    { offsetof(side_fields_t, source), "source", "Decided by", FT_STRING, BASE_NONE,
      "Source of the provider: range, name or asn" },
};

void proto_register_cloud(void)
{
    static gint *ett[] = { &ett_cloud, &ett_side };
    module_t *module;

    proto_cloud = proto_register_protocol("Cloud provider and CDN", "Cloud", "cloud");
    wsc_register_field_set(proto_cloud, &hf_any, side_spec, G_N_ELEMENTS(side_spec), "cloud", "",
                           "either end");
    wsc_register_field_set(proto_cloud, &hf_src, side_spec, G_N_ELEMENTS(side_spec), "cloud.src", "Source ",
                           "source address");
    wsc_register_field_set(proto_cloud, &hf_dst, side_spec, G_N_ELEMENTS(side_spec), "cloud.dst", "Destination ",
                           "destination address");
    proto_register_subtree_array(ett, array_length(ett));

    cloud_handle = create_dissector_handle(dissect_cloud, proto_cloud);
    register_dissector(WSC_CLOUD_LOOKUP, lookup_for_plugins, -1);   /* no protocol: adds no layer */
    register_postdissector(cloud_handle);
    cloud_hosts_register();

    module = prefs_register_protocol(proto_cloud, cloud_prefs_apply);
    prefs_register_bool_preference(module, "use_ranges", "Use published provider ranges",
        "Label addresses from the providers' published IP ranges (" CLOUD_RANGES_FILE ").", &pref_use_ranges);
    prefs_register_bool_preference(module, "use_names", "Use names seen in the capture",
        "Bind DNS answers (through CNAME chains), TLS server names and HTTP Host to addresses, "
        "and match them against CDN and cloud host name patterns. Names only a decrypting dissector "
        "knows (TLS over QUIC) are read when the packet's tree is shown.", &pref_use_names);
    prefs_register_bool_preference(module, "use_asn", "Use an ASN database",
        "Map autonomous systems to providers when an ASN database (GeoLite2-ASN or DB-IP ASN Lite) is found.",
        &pref_use_asn);
    prefs_register_filename_preference(module, "ranges_db", "Provider ranges database",
        "A MaxMind DB of provider ranges; empty for the one installed with the suite.", &pref_ranges_db, FALSE);
    prefs_register_filename_preference(module, "asn_db", "ASN database",
        "A GeoLite2-ASN or DB-IP ASN MaxMind DB; empty to look where Wireshark's MaxMind support looks "
        "(/usr/share/GeoIP, /var/lib/GeoIP and the MaxMind database directories preference).",
        &pref_asn_db, FALSE);
    prefs_register_string_preference(module, "local_networks", "Local networks",
        "Networks never labelled, besides private, link-local and unique-local ones "
        "(comma-separated, e.g. 198.51.100.0/24, 2001:db8:1::/48).", &pref_local_networks);
}

void proto_reg_handoff_cloud(void)
{
    cloud_learn_resolve_fields();
    /* Preferences are applied after handoff, and the apply callback runs only
     * when one of ours changes: put the defaults in force now. */
    cloud_prefs_apply();
}
