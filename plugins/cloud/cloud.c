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
#include "core/field_set.h"
#include "core/fields.h"
#include "core/local.h"
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
    int ipv4;
} side_fields_t;

/* What is shown for one address at one frame: the provider from the best
 * source, and whatever else is known. */
typedef struct {
    const char *provider;
    const char *service;
    const char *region;
    const char *source;         /* "range", "name" or "asn" */
    const char *hostname;       /* the name bound at this frame */
    uint32_t    asn;
    const char *as_org;
    const cloud_host_t *host;
} verdict_t;

static int proto_cloud = -1;
static protocol_t *cloud_protocol;
static side_fields_t hf_any, hf_src, hf_dst;          /* ids set at registration */
static wsc_field_group_t group_any, group_src, group_dst;
static gint ett_cloud = -1;
static gint ett_side = -1;

static wsc_pref_bool_t pref_use_ranges = TRUE;
static wsc_pref_bool_t pref_use_names = TRUE;
static wsc_pref_bool_t pref_use_asn = TRUE;
static const char *pref_ranges_db = "";
static const char *pref_asn_db = "";

static bool decide(const cloud_host_t *host, uint32_t frame, verdict_t *v)
{
    const name_binding_t *name = pref_use_names ? cloud_host_name_at(host, frame) : NULL;

    memset(v, 0, sizeof(*v));
    if (host->range.provider != NULL) {         /* sources switched off were never looked up */
        v->provider = host->range.provider;
        v->service = host->range.service;
        v->region = host->range.region;
        v->source = "range";
    } else if (name != NULL && name->name.provider != NULL) {
        v->provider = name->name.provider;
        v->service = name->name.service;
        v->source = "name";
    } else if (host->asn_provider != NULL) {
        v->provider = host->asn_provider;
        v->source = "asn";
    }
    v->hostname = name ? name->hostname : NULL;
    v->asn = host->asn;
    v->as_org = host->as_org;
    v->host = host;
    return v->provider != NULL || v->hostname != NULL || v->asn != 0;
}

/* Labelled: a remote host, and for an address that carries an IPv4 address
 * (NAT64 of a private address, a misconfigured 6to4 router), a remote one. */
static bool labelled(const wsc_addr_t *addr)
{
    wsc_addr_t v4;

    if (!wsc_is_remote_host(addr))
        return false;
    return addr->family == 4 || !wsc_addr_embedded_ipv4(addr, &v4, NULL) || wsc_is_remote_host(&v4);
}

static bool annotate(const wsc_addr_t *addr, uint32_t frame, wmem_allocator_t *scratch, verdict_t *v)
{
    return labelled(addr) && decide(cloud_hosts_lookup(addr, scratch), frame, v);
}

#define BIT(member) WSC_FIELD_BIT(side_fields_t, member)

/* "NAT64 of 151.101.2.133": the IPv4 address an IPv6 address was read as. */
static void add_embedded(const wsc_field_out_t *out, int hf, const cloud_host_t *host)
{
    char text[WSC_ADDR_STRLEN];
    guint32 v4;

    if (host->embed_kind == WSC_EMBED_NONE || !(out->wanted & BIT(ipv4)))
        return;
    memcpy(&v4, host->embedded_v4.bytes, sizeof(v4));      /* network order */
    wsc_addr_to_str(&host->embedded_v4, text);
    wsc_field_out_mark(out, proto_tree_add_ipv4_format_value(out->tree, hf, out->tvb, 0, 0, v4, "%s of %s",
                                                             wsc_embed_kind_name(host->embed_kind), text));
}

/* The fields of one end. The first known of provider, host name and AS
 * heads them (no formatted text item: labels are only built when shown). */
static void add_side_fields(wsc_field_out_t out, const side_fields_t *hf, const verdict_t *v)
{
    proto_item *head;

    if (out.wanted == 0)
        return;
    head = wsc_field_out_string(&out, hf->provider, BIT(provider), v->provider);
    if (head == NULL && v->provider == NULL)
        head = wsc_field_out_string(&out, hf->hostname, BIT(hostname), v->hostname);
    if (head != NULL && !out.hidden)
        out.tree = proto_item_add_subtree(head, ett_side);
    wsc_field_out_string(&out, hf->service, BIT(service), v->service);
    wsc_field_out_string(&out, hf->region, BIT(region), v->region);
    if (v->provider != NULL)
        wsc_field_out_string(&out, hf->hostname, BIT(hostname), v->hostname);
    if (v->asn != 0) {
        wsc_field_out_uint(&out, hf->asn, BIT(asn), v->asn);
        wsc_field_out_string(&out, hf->as_org, BIT(as_org), v->as_org);
    }
    wsc_field_out_string(&out, hf->source, BIT(source), v->source);
    add_embedded(&out, hf->ipv4, v->host);
}

static void add_side(proto_tree *tree, tvbuff_t *tvb, const side_fields_t *hf, wsc_field_mask_t wanted,
                     wsc_field_mask_t either, const verdict_t *v)
{
    add_side_fields((wsc_field_out_t){ tree, tvb, wanted, false }, hf, v);
    add_side_fields((wsc_field_out_t){ tree, tvb, either, true }, &hf_any, v);   /* cloud.provider: either end */
}

bool cloud_enabled(void)
{
    return cloud_protocol != NULL && proto_is_protocol_enabled(cloud_protocol);
}

bool cloud_asked(proto_tree *tree)
{
    return proto_field_is_referenced(tree, proto_cloud);
}

/* The first pass learns names, with or without a tree; a tree gets each
 * end's label as it was at this frame, the fields someone reads. */
void cloud_frame(wsc_facts_t *facts, proto_tree *tree)
{
    verdict_t src, dst;
    wsc_field_mask_t src_wanted, dst_wanted, either;
    bool has_src, has_dst;
    proto_item *top;
    proto_tree *cloud_tree;

    if (!facts->has_ip)
        return;
    if (pref_use_names && facts->first_pass)
        cloud_learn(facts, tree, cloud_sources_patterns());
    if (tree == NULL)
        return;                     /* nobody reads a label: do not look it up */
    /* The protocol item shows that an end is labelled (the filter "cloud",
     * -z io,phs) even when none of its fields is read. */
    has_src = !facts->src_local && annotate(&facts->src, facts->num, facts->pinfo->pool, &src);
    has_dst = !facts->dst_local && annotate(&facts->dst, facts->num, facts->pinfo->pool, &dst);
    if (!has_src && !has_dst)
        return;
    src_wanted = wsc_field_group_wanted(&group_src, tree);
    dst_wanted = wsc_field_group_wanted(&group_dst, tree);
    either = wsc_field_group_referenced(&group_any);      /* hidden: a shown tree does not show them */
    top = proto_tree_add_item(tree, proto_cloud, facts->tvb, 0, 0, ENC_NA);
    proto_item_set_generated(top);
    cloud_tree = proto_item_add_subtree(top, ett_cloud);
    if (has_src)
        add_side(cloud_tree, facts->tvb, &hf_src, src_wanted, either, &src);
    if (has_dst)
        add_side(cloud_tree, facts->tvb, &hf_dst, dst_wanted, either, &dst);
}

bool cloud_label_at(const wsc_addr_t *addr, uint32_t frame, wsc_cloud_label_t *out)
{
    static cloud_host_t scratch_host;       /* when the table is full */
    verdict_t v;

    memset(out, 0, sizeof(*out));
    if (!cloud_enabled() || !labelled(addr) ||
        !decide(cloud_hosts_lookup_into(addr, &scratch_host), frame, &v))
        return false;
    out->provider = v.provider;
    out->service = v.service;
    out->region = v.region;
    out->hostname = v.hostname;
    return true;
}

static void cloud_init(void)
{
    cloud_hosts_reset();
}

static void cloud_prefs_apply(void)
{
    cloud_source_prefs_t prefs = {
        .use_ranges = pref_use_ranges, .use_names = pref_use_names, .use_asn = pref_use_asn,
        .ranges_db = pref_ranges_db, .asn_db = pref_asn_db,
    };

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
    { offsetof(side_fields_t, ipv4), "ipv4", "Embedded IPv4", FT_IPv4, BASE_NONE,
      "The IPv4 address a NAT64, 6to4, Teredo (client) or IPv4-mapped IPv6 address carries: the address labelled" },
};

void cloud_register(void)
{
    static gint *ett[] = { &ett_cloud, &ett_side };
    module_t *module;

    proto_cloud = proto_register_protocol("Cloud provider and CDN", "Cloud", "cloud");
    wsc_register_field_set(proto_cloud, &hf_any, side_spec, G_N_ELEMENTS(side_spec), "cloud", "",
                           "either end", &group_any);
    wsc_register_field_set(proto_cloud, &hf_src, side_spec, G_N_ELEMENTS(side_spec), "cloud.src", "Source ",
                           "source address", &group_src);
    wsc_register_field_set(proto_cloud, &hf_dst, side_spec, G_N_ELEMENTS(side_spec), "cloud.dst", "Destination ",
                           "destination address", &group_dst);
    proto_register_subtree_array(ett, array_length(ett));

    register_init_routine(cloud_init);

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
        "A GeoLite2-ASN, DB-IP ASN or other ASN MaxMind DB; empty for the suite's asn.mmdb (installed by "
        "the set-up from the @ip-location-db/asn package), else one found where Wireshark's MaxMind support "
        "looks (/usr/share/GeoIP, /var/lib/GeoIP and the MaxMind database directories preference).",
        &pref_asn_db, FALSE);
    /* One fact for the whole suite now: iotcloud.local_networks. */
    prefs_register_obsolete_preference(module, "local_networks");
}

void cloud_handoff(void)
{
    cloud_protocol = find_protocol_by_id(proto_cloud);
    /* Preferences are applied after handoff, and the apply callback runs only
     * when one of ours changes: put the defaults in force now. */
    cloud_prefs_apply();
}
