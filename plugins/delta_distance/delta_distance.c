/* delta_distance.c: time deltas as distances along cables, and RTTs as a
 * bound on how far the answering host can be.
 *
 * A postdissector in the spirit of Gerald Combs' delta_distance.lua: the time
 * since the previous displayed frame, times the speed of a signal in a medium,
 * is how far that signal could have travelled. Beyond the Lua original, a
 * round trip measured at the capture point (TCP handshake, DNS, ICMP echo)
 * caps the distance to the responder: nothing answers faster than light in
 * fiber allows.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/packet.h>
#include <epan/expert.h>
#include <epan/prefs.h>

#include "cloud/cloud.h"
#include "core/facts.h"
#include "core/fields.h"
#include "core/prefs_util.h"
#include "core/ws_compat.h"
#include "delta_distance.h"
#include "frame_times.h"
#include "geo.h"
#include "rtt.h"

/* The speed of light is exact by the SI definition of the metre. The Lua
 * original and the talk used 299,792 km/s; the difference (1.5 ppm) is below
 * the 6 significant digits shown. */
#define C_VACUUM_KM_S   299792.458
#define KM_PER_MILE     1.609344        /* international mile, exact */
#define VF_CAT6         0.65            /* Cat-6A twisted pair */
#define VF_FIBER        0.67            /* optical fiber (refractive index ~1.49) */
#define VF_CUSTOM_DEFAULT "0.64"        /* Cat-5e, the most common LAN cable */

static int proto_delta_distance = -1;
static protocol_t *delta_distance_protocol;

static int hf_delta = -1;               /* delta_distance.delta */
static int hf_prev_frame = -1;          /* delta_distance.prev_frame */
static int hf_cat6_km = -1;             /* delta_distance.cat6.km */
static int hf_cat6_mi = -1;             /* delta_distance.cat6.mi */
static int hf_fiber_km = -1;            /* delta_distance.fiber.km */
static int hf_fiber_mi = -1;            /* delta_distance.fiber.mi */
static int hf_custom_km = -1;           /* delta_distance.custom.km */
static int hf_custom_mi = -1;           /* delta_distance.custom.mi */
static int hf_rtt = -1;                 /* delta_distance.rtt */
static int hf_rtt_method = -1;          /* delta_distance.rtt.method */
static int hf_rtt_frame = -1;           /* delta_distance.rtt.frame */
static int hf_rtt_max_km = -1;          /* delta_distance.rtt.max_km */
static int hf_rtt_max_mi = -1;          /* delta_distance.rtt.max_mi */
static int hf_geo_km = -1;              /* delta_distance.geo.km */
static int hf_geo_place = -1;           /* delta_distance.geo.place */
static int hf_geo_impossible = -1;      /* delta_distance.geo.impossible */

/* The fields above in one group (core/fields.h): which are wanted is asked
 * once a packet. */
enum {
    F_DELTA, F_PREV_FRAME, F_CAT6_KM, F_CAT6_MI, F_FIBER_KM, F_FIBER_MI, F_CUSTOM_KM, F_CUSTOM_MI,
    F_RTT, F_RTT_METHOD, F_RTT_FRAME, F_RTT_MAX_KM, F_RTT_MAX_MI, F_GEO_KM, F_GEO_PLACE,
    F_GEO_IMPOSSIBLE, F_COUNT
};
#define BIT(f) ((wsc_field_mask_t)1 << (f))
#define RTT_FIELDS (BIT(F_COUNT) - BIT(F_RTT))      /* the round trip and what follows from it */
static int *const field_ids[F_COUNT] = {
    &hf_delta, &hf_prev_frame, &hf_cat6_km, &hf_cat6_mi, &hf_fiber_km, &hf_fiber_mi, &hf_custom_km,
    &hf_custom_mi, &hf_rtt, &hf_rtt_method, &hf_rtt_frame, &hf_rtt_max_km, &hf_rtt_max_mi, &hf_geo_km,
    &hf_geo_place, &hf_geo_impossible,
};
static wsc_field_group_t field_group;

/* Where this frame's items go, and which of them are wanted. */
typedef struct {
    proto_tree      *tree;
    tvbuff_t        *tvb;
    wsc_field_mask_t wanted;
} out_t;

static gint ett_delta_distance = -1;
static gint ett_rtt = -1;

static expert_field ei_negative_delta = EI_INIT;   /* delta_distance.negative_delta */
static expert_field ei_faster_than_light = EI_INIT;    /* delta_distance.faster_than_light */
static wmem_map_t *contradictions;      /* wsc_addr_t -> frame number of its expert info */

/* Preferences as Wireshark stores them, and the values in force. */
static wsc_pref_bool_t pref_use_captured_delta = FALSE;
static const char *pref_custom_vf_text = VF_CUSTOM_DEFAULT;
static wsc_double_pref_t custom_vf = {
    .name = "delta_distance.custom_vf", .min = 0.01, .max = 1.0, .value = 0.64,
};
static const char *pref_city_db = "";
static const char *pref_latitude_text = "";
static const char *pref_longitude_text = "";
static wsc_double_pref_t latitude = { .name = "delta_distance.latitude", .min = -90.0, .max = 90.0 };
static wsc_double_pref_t longitude = { .name = "delta_distance.longitude", .min = -180.0, .max = 180.0 };

static const value_string rtt_method_vals[] = {
    { RTT_TCP_HANDSHAKE, "TCP handshake" },
    { RTT_DNS,           "DNS query/response" },
    { RTT_ICMP_ECHO,     "ICMP echo" },
    { 0, NULL }
};

static inline int64_t nstime_to_ns(const nstime_t *t)
{
    return (int64_t)t->secs * 1000000000 + t->nsecs;
}

static void format_distance(gchar *buf, double value, const char *unit)
{
    /* 6 significant digits, as the talk's table ("5013.29"), without an
     * exponent for the large values of long deltas. */
    if (value < 1e6)
        snprintf(buf, ITEM_LABEL_LENGTH, "%.6g %s", value, unit);
    else
        snprintf(buf, ITEM_LABEL_LENGTH, "%.0f %s", value, unit);
}

static void format_km(gchar *buf, double km) { format_distance(buf, km, "km"); }
static void format_mi(gchar *buf, double mi) { format_distance(buf, mi, "mi"); }

static void format_seconds(gchar *buf, double seconds)
{
    snprintf(buf, ITEM_LABEL_LENGTH, "%.9f seconds", seconds);
}

static void format_rtt(gchar *buf, double seconds)
{
    snprintf(buf, ITEM_LABEL_LENGTH, "%.3f ms", seconds * 1000.0);
}

static proto_item *add_generated_double(const out_t *out, unsigned f, double value)
{
    proto_item *item;

    if (!(out->wanted & BIT(f)))
        return NULL;
    item = proto_tree_add_double(out->tree, *field_ids[f], out->tvb, 0, 0, value);
    proto_item_set_generated(item);
    return item;
}

static void add_generated_float(const out_t *out, unsigned f, double value)
{
    if (out->wanted & BIT(f))
        proto_item_set_generated(proto_tree_add_float(out->tree, *field_ids[f], out->tvb, 0, 0, (float)value));
}

/* Distances are single precision, 6 significant digits as the talk's table
 * (and the Lua original's ProtoField.float): "5013.29". */
static void add_distance(const out_t *out, unsigned f_km, unsigned f_mi, double km)
{
    add_generated_float(out, f_km, km);
    add_generated_float(out, f_mi, km / KM_PER_MILE);
}

/* The frame the delta is measured from: the previous displayed one (as the
 * Lua original and frame.time_delta_displayed), or the previous captured one. */
static uint32_t reference_frame(const packet_info *pinfo)
{
    return pref_use_captured_delta ? pinfo->num - 1 : pinfo->fd->prev_dis_num;
}

/* Seconds from the reference frame to this one (zero on the first frame, as
 * stock); false when that frame had no time stamp. */
static bool delta_seconds(packet_info *pinfo, int64_t now_ns, uint32_t *prev, double *delta)
{
    int64_t prev_ns = now_ns;

    *prev = reference_frame(pinfo);
    if (*prev != 0 && !frame_times_lookup(*prev, &prev_ns))
        return false;
    *delta = (double)(now_ns - prev_ns) / 1e9;
    return true;
}

static void report_negative_delta(packet_info *pinfo, proto_item *item, double delta, uint32_t prev)
{
    expert_add_info_format(pinfo, item, &ei_negative_delta,
                           "Frame is %.9f s earlier than frame %u: no distance", -delta, prev);
}

static void add_delta_items(const out_t *out, packet_info *pinfo, int64_t now_ns)
{
    uint32_t prev;
    double delta, signal_km;
    proto_item *item;

    if (!delta_seconds(pinfo, now_ns, &prev, &delta))
        return;
    if (delta < 0) {                    /* rare: always give the expert info an item */
        item = proto_tree_add_double(out->tree, hf_delta, out->tvb, 0, 0, delta);
        proto_item_set_generated(item);
    } else {
        item = add_generated_double(out, F_DELTA, delta);
    }
    /* Only worth an item when frames in between are hidden by a display filter. */
    if (prev != 0 && prev != pinfo->num - 1 && (out->wanted & BIT(F_PREV_FRAME)))
        proto_item_set_generated(proto_tree_add_uint(out->tree, hf_prev_frame, out->tvb, 0, 0, prev));
    if (delta < 0) {
        report_negative_delta(pinfo, item, delta, prev);
        return;
    }
    signal_km = delta * C_VACUUM_KM_S;
    add_distance(out, F_CAT6_KM, F_CAT6_MI, signal_km * VF_CAT6);
    add_distance(out, F_FIBER_KM, F_FIBER_MI, signal_km * VF_FIBER);
    add_distance(out, F_CUSTOM_KM, F_CUSTOM_MI, signal_km * custom_vf.value);
}

/* The farthest a responder can be: half the round trip at the speed of light in fiber. */
static double max_km_of(int64_t rtt_ns)
{
    return (double)rtt_ns / 1e9 / 2.0 * C_VACUUM_KM_S * VF_FIBER;
}

/* Does the address's best round trip contradict where the database puts it,
 * by more than the database's own stated accuracy? */
static bool contradicts(const rtt_sample_t *best, const geo_place_t *place)
{
    return place->km > max_km_of(best->ns) + place->accuracy_km;
}

/* 7212.4 -> "7,212", whatever the locale. */
static const char *thousands(double value, char out[32])
{
    char plain[32];
    size_t len, o = 0;

    snprintf(plain, sizeof(plain), "%.0f", value);
    len = strlen(plain);
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = plain[i];
    }
    out[o] = '\0';
    return out;
}

/* Where the City database puts an address, and the address's smallest round
 * trip over all its conversations as known at `frame`; NULL when either is
 * unknown. */
static const geo_place_t *locate_responder(const wsc_addr_t *addr, uint32_t frame, rtt_sample_t *best)
{
    return rtt_of_address(addr, frame, best) ? geo_locate(addr) : NULL;
}

/* First pass, with or without a tree: the first answer after which an
 * address's round trip contradicts its geolocation gets the expert info. */
static void note_contradiction(const rtt_sample_t *improved)
{
    const geo_place_t *place;
    wsc_addr_t *key;

    if (contradictions == NULL || wmem_map_lookup(contradictions, &improved->responder) != NULL)
        return;
    place = geo_locate(&improved->responder);
    if (place == NULL || !contradicts(improved, place))
        return;
    key = wmem_new(wmem_file_scope(), wsc_addr_t);
    *key = improved->responder;
    wmem_map_insert(contradictions, key, GUINT_TO_POINTER(improved->frame));
}

/* "replied in 0.900 ms (at most 90 km over fiber) but geolocated 7,212 km
 * away (Kolkata, IN): anycast or CDN edge, Meta", on the frame
 * note_contradiction() picked, with or without a tree (item NULL): the
 * expert statistic gets no tree in tshark. */
static void report_contradiction(packet_info *pinfo, proto_item *item, const wsc_addr_t *responder)
{
    wsc_cloud_label_t cloud;
    rtt_sample_t best;
    const geo_place_t *place;
    char digits[32];

    if (contradictions == NULL || GPOINTER_TO_UINT(wmem_map_lookup(contradictions, responder)) != pinfo->num)
        return;
    place = locate_responder(responder, pinfo->num, &best);
    if (place == NULL)
        return;
    cloud_label_at(responder, pinfo->num, &cloud);
    expert_add_info_format(pinfo, item, &ei_faster_than_light,
        "replied in %.3f ms (at most %.0f km over fiber) but geolocated %s km away (%s): anycast or CDN edge%s%s",
        (double)best.ns / 1e6, max_km_of(best.ns), thousands(place->km, digits), place->place ? place->place : "?",
        cloud.provider ? ", " : "", cloud.provider ? cloud.provider : "");
}

static void add_geo_items(const out_t *out, packet_info *pinfo, const rtt_sample_t *rtt)
{
    rtt_sample_t best;
    const geo_place_t *place = locate_responder(&rtt->responder, pinfo->num, &best);
    proto_item *item;
    bool impossible;

    if (place == NULL)
        return;
    impossible = contradicts(&best, place);
    add_generated_float(out, F_GEO_KM, place->km);
    if (place->place != NULL && (out->wanted & BIT(F_GEO_PLACE)))
        proto_item_set_generated(proto_tree_add_string(out->tree, hf_geo_place, out->tvb, 0, 0, place->place));
    if (!impossible && !(out->wanted & BIT(F_GEO_IMPOSSIBLE)))
        return;
    item = proto_tree_add_boolean(out->tree, hf_geo_impossible, out->tvb, 0, 0, impossible);
    proto_item_set_generated(item);
    if (impossible)
        report_contradiction(pinfo, item, &best.responder);
}

bool delta_distance_geo_at(const wsc_addr_t *addr, uint32_t frame, delta_distance_geo_t *out)
{
    rtt_sample_t best;
    const geo_place_t *place;

    memset(out, 0, sizeof(*out));
    if (!delta_distance_enabled())
        return false;
    place = locate_responder(addr, frame, &best);
    if (place == NULL)
        return false;
    out->rtt_ns = best.ns;
    out->max_km = max_km_of(best.ns);
    out->geo_km = place->km;
    out->place = place->place;
    out->impossible = contradicts(&best, place);
    return true;
}

static void add_rtt_items(out_t out, packet_info *pinfo, const rtt_sample_t *rtt)
{
    double seconds = (double)rtt->ns / 1e9;
    proto_item *item = add_generated_double(&out, F_RTT, seconds);

    if (item != NULL)
        out.tree = proto_item_add_subtree(item, ett_rtt);
    if (out.wanted & BIT(F_RTT_METHOD))
        proto_item_set_generated(proto_tree_add_uint(out.tree, hf_rtt_method, out.tvb, 0, 0, rtt->method));
    if (out.wanted & BIT(F_RTT_FRAME))
        proto_item_set_generated(proto_tree_add_uint(out.tree, hf_rtt_frame, out.tvb, 0, 0, rtt->frame));
    add_distance(&out, F_RTT_MAX_KM, F_RTT_MAX_MI, max_km_of(rtt->ns));
    add_geo_items(&out, pinfo, rtt);
}

/* The expert infos alone, which Wireshark's expert statistic counts with or
 * without a tree (tshark -q -z expert gives none). */
static void report_negative_delta_alone(const wsc_facts_t *facts)
{
    uint32_t prev;
    double delta;

    if (delta_seconds(facts->pinfo, facts->ts_ns, &prev, &delta) && delta < 0)
        report_negative_delta(facts->pinfo, NULL, delta, prev);
}

/* `item`: where the expert info goes in a tree (NULL without one), so that a
 * filter or -e on _ws.expert finds it when no field of ours is asked for. */
static void report_contradiction_alone(const wsc_facts_t *facts, proto_item *item)
{
    rtt_sample_t rtt;

    if (contradictions != NULL && wmem_map_size(contradictions) > 0 && rtt_of_conversation(facts, &rtt))
        report_contradiction(facts->pinfo, item, &rtt.responder);
}

bool delta_distance_enabled(void)
{
    return delta_distance_protocol != NULL && proto_is_protocol_enabled(delta_distance_protocol);
}

bool delta_distance_asked(proto_tree *tree)
{
    return proto_field_is_referenced(tree, proto_delta_distance);
}

/* The first pass learns time stamps and round trips, with or without a tree;
 * every pass shows what was known at this frame. */
void delta_distance_frame(wsc_facts_t *facts, proto_tree *tree)
{
    rtt_sample_t rtt, improved;
    out_t out;
    proto_item *top;

    if (!facts->has_ts)
        return;
    if (facts->first_pass) {
        frame_times_record(facts->num, facts->ts_ns);
        if (rtt_learn(facts, &improved))
            note_contradiction(&improved);
    }
    if (tree == NULL) {
        report_negative_delta_alone(facts);
        report_contradiction_alone(facts, NULL);
        return;
    }
    out.wanted = wsc_field_group_wanted(&field_group, tree);
    top = proto_tree_add_item(tree, proto_delta_distance, facts->tvb, 0, 0, ENC_NA);
    proto_item_set_generated(top);
    out.tree = proto_item_add_subtree(top, ett_delta_distance);
    out.tvb = facts->tvb;
    add_delta_items(&out, facts->pinfo, facts->ts_ns);
    if (!(out.wanted & RTT_FIELDS))
        report_contradiction_alone(facts, top); /* no round trip to look up for its fields */
    else if (rtt_of_conversation(facts, &rtt))
        add_rtt_items(out, facts->pinfo, &rtt);
}

/* An empty coordinate means "not set"; anything else must be a valid one. */
static bool apply_coordinate(wsc_double_pref_t *pref, const char *text)
{
    if (text == NULL || *text == '\0')
        return false;
    wsc_double_pref_apply(pref, text);
    return wsc_parse_double(text, pref->min, pref->max, &(double){ 0 });
}

static void delta_distance_prefs_apply(void)
{
    bool have_lat, have_lon;

    wsc_double_pref_apply(&custom_vf, pref_custom_vf_text);
    have_lat = apply_coordinate(&latitude, pref_latitude_text);
    have_lon = apply_coordinate(&longitude, pref_longitude_text);
    geo_set_origin(have_lat && have_lon, latitude.value, longitude.value);
    geo_apply(pref_city_db);
}

static void delta_distance_init(void)
{
    rtt_reset();
    contradictions = wmem_map_new(wmem_file_scope(), wsc_addr_hash, wsc_addr_equal);
}

static void delta_distance_cleanup(void)
{
    frame_times_clear();
    contradictions = NULL;
}

void delta_distance_register(void)
{
    static hf_register_info hf[] = {
        { &hf_delta,
          { "Delta", "delta_distance.delta", FT_DOUBLE, BASE_CUSTOM, CF_FUNC(format_seconds), 0x0,
            "Seconds since the previous displayed frame (or captured frame, by preference)", HFILL } },
        { &hf_prev_frame,
          { "Delta from frame", "delta_distance.prev_frame", FT_FRAMENUM, BASE_NONE, NULL, 0x0,
            "The frame the delta is measured from, when it is not the frame just before (a display filter hides frames)", HFILL } },
        { &hf_cat6_km,
          { "Cat 6", "delta_distance.cat6.km", FT_FLOAT, BASE_CUSTOM, CF_FUNC(format_km), 0x0,
            "Kilometres a signal covers in Cat 6 cable (velocity factor 0.65) during the delta", HFILL } },
        { &hf_cat6_mi,
          { "Cat 6 (miles)", "delta_distance.cat6.mi", FT_FLOAT, BASE_CUSTOM, CF_FUNC(format_mi), 0x0,
            "Miles a signal covers in Cat 6 cable (velocity factor 0.65) during the delta", HFILL } },
        { &hf_fiber_km,
          { "Fiber", "delta_distance.fiber.km", FT_FLOAT, BASE_CUSTOM, CF_FUNC(format_km), 0x0,
            "Kilometres light covers in optical fiber (velocity factor 0.67) during the delta", HFILL } },
        { &hf_fiber_mi,
          { "Fiber (miles)", "delta_distance.fiber.mi", FT_FLOAT, BASE_CUSTOM, CF_FUNC(format_mi), 0x0,
            "Miles light covers in optical fiber (velocity factor 0.67) during the delta", HFILL } },
        { &hf_custom_km,
          { "Custom medium", "delta_distance.custom.km", FT_FLOAT, BASE_CUSTOM, CF_FUNC(format_km), 0x0,
            "Kilometres covered during the delta at the velocity factor set in the preferences", HFILL } },
        { &hf_custom_mi,
          { "Custom medium (miles)", "delta_distance.custom.mi", FT_FLOAT, BASE_CUSTOM, CF_FUNC(format_mi), 0x0,
            "Miles covered during the delta at the velocity factor set in the preferences", HFILL } },
        { &hf_rtt,
          { "Round-trip time", "delta_distance.rtt", FT_DOUBLE, BASE_CUSTOM, CF_FUNC(format_rtt), 0x0,
            "Smallest round trip seen at the capture point to this conversation's responder and back, in seconds", HFILL } },
        { &hf_rtt_method,
          { "Measured by", "delta_distance.rtt.method", FT_UINT8, BASE_DEC, VALS(rtt_method_vals), 0x0,
            "The exchange that gave the round-trip time", HFILL } },
        { &hf_rtt_frame,
          { "Measured in frame", "delta_distance.rtt.frame", FT_FRAMENUM, BASE_NONE, FRAMENUM_TYPE(FT_FRAMENUM_RESPONSE), 0x0,
            "The answer that completed the smallest round trip", HFILL } },
        { &hf_rtt_max_km,
          { "Responder at most", "delta_distance.rtt.max_km", FT_FLOAT, BASE_CUSTOM, CF_FUNC(format_km), 0x0,
            "Farthest the responder can be, in km: half the round trip at the speed of light in fiber", HFILL } },
        { &hf_rtt_max_mi,
          { "Responder at most (miles)", "delta_distance.rtt.max_mi", FT_FLOAT, BASE_CUSTOM, CF_FUNC(format_mi), 0x0,
            "Farthest the responder can be, in miles: half the round trip at the speed of light in fiber", HFILL } },
        { &hf_geo_km,
          { "Geolocated at", "delta_distance.geo.km", FT_FLOAT, BASE_CUSTOM, CF_FUNC(format_km), 0x0,
            "Great-circle distance from the capture point to where the City database puts the responder", HFILL } },
        { &hf_geo_place,
          { "Geolocated in", "delta_distance.geo.place", FT_STRING, BASE_NONE, NULL, 0x0,
            "City and country the City database gives for the responder", HFILL } },
        { &hf_geo_impossible,
          { "Faster than light", "delta_distance.geo.impossible", FT_BOOLEAN, BASE_NONE, NULL, 0x0,
            "The responder answered faster than light in fiber allows from where it is geolocated "
            "(beyond the database's stated accuracy): anycast, a CDN edge or a wrong geolocation", HFILL } },
    };
    static gint *ett[] = { &ett_delta_distance, &ett_rtt };
    static ei_register_info ei[] = {
        { &ei_negative_delta,
          { "delta_distance.negative_delta", PI_SEQUENCE, PI_NOTE,
            "Time stamp earlier than the reference frame (out-of-order capture): no distance", EXPFILL } },
        { &ei_faster_than_light,
          { "delta_distance.faster_than_light", PI_ASSUMPTION, PI_WARN,
            "Replied faster than light allows from where it is geolocated: anycast or CDN edge", EXPFILL } },
    };
    module_t *module;

    proto_delta_distance = proto_register_protocol("Delta Distance", "Delta Distance", "delta_distance");
    proto_register_field_array(proto_delta_distance, hf, array_length(hf));
    wsc_field_group_init(&field_group, field_ids, F_COUNT);
    proto_register_subtree_array(ett, array_length(ett));
    expert_register_field_array(expert_register_protocol(proto_delta_distance), ei, array_length(ei));

    register_init_routine(delta_distance_init);
    register_cleanup_routine(delta_distance_cleanup);

    module = prefs_register_protocol(proto_delta_distance, delta_distance_prefs_apply);
    prefs_register_bool_preference(module, "use_captured_delta", "Use the captured delta",
        "Measure from the previous captured frame instead of the previous displayed one. "
        "A display filter on a displayed-delta field can never match (as with "
        "frame.time_delta_displayed); with this set, filters such as "
        "delta_distance.cat6.km > 1000 work.",
        &pref_use_captured_delta);
    prefs_register_string_preference(module, "custom_vf", "Custom medium velocity factor",
        "Signal speed in the custom medium as a fraction of c, from 0.01 to 1. "
        "Cat-3 0.585, Cat-5e 0.64, Cat-6A 0.65, RG-58 0.65, fiber 0.67, "
        "Cat-7 0.74-0.79, RG-8/U 0.77, radio in air 1.0.",
        &pref_custom_vf_text);
    prefs_register_filename_preference(module, "city_db", "City database",
        "A GeoLite2-City or DB-IP City Lite MaxMind DB, for delta_distance.geo.*; empty to look where "
        "Wireshark's MaxMind support looks. Without one, or without the capture point's coordinates, "
        "there are no geo fields.", &pref_city_db, FALSE);
    prefs_register_string_preference(module, "latitude", "Capture point latitude",
        "Decimal degrees, -90 to 90 (e.g. 43.7167). Empty: no geo fields.", &pref_latitude_text);
    prefs_register_string_preference(module, "longitude", "Capture point longitude",
        "Decimal degrees, -180 to 180 (e.g. 10.4). Empty: no geo fields.", &pref_longitude_text);
}

void delta_distance_handoff(void)
{
    delta_distance_protocol = find_protocol_by_id(proto_delta_distance);
    /* Preferences are applied after handoff, and the apply callback runs only
     * when one of ours changes: put the defaults in force now. */
    delta_distance_prefs_apply();
}
