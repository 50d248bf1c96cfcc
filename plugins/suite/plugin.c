/* plugin.c: the suite's one plugin library, and the order of work on a frame.
 *
 * Three protocols -- Delta Distance, Cloud, IoT Cloud -- each with its own
 * fields and preferences, each enabled or disabled on its own in Analyze >
 * Enabled Protocols. They look at every frame after all dissectors, through
 * one postdissector, in this order:
 *
 *   frame facts     addresses, local or not, headers and payload: once (core/facts.h)
 *   delta_distance  time stamps and round trips (learned on the first pass)
 *   cloud           names seen in the capture (first pass), then labels
 *   iotcloud        devices and their signals (first pass), conversations with
 *                   the cloud, the tap record when someone listens
 *
 * Each protocol renders only into a tree and only what someone reads. The
 * postdissector handle belongs to no protocol, so that one call serves the
 * three, and each protocol's switch is asked here. A pass that nobody reads
 * the suite from is not worked on at all (unread_pass()).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#define WS_BUILD_DLL
#include <wireshark.h>
#include <epan/column-info.h>
#include <epan/packet.h>
#include <epan/plugin_if.h>
#include <epan/proto.h>
#include <epan/tap.h>

#include "cloud/cloud.h"
#include "core/facts.h"
#include "core/local.h"
#include "core/ws_compat.h"
#include "delta_distance/delta_distance.h"
#include "iotcloud/iotcloud.h"

#ifndef VERSION
#define VERSION "0.0.0"
#endif

WS_DLL_PUBLIC_DEF const gchar plugin_version[] = VERSION;
WS_DLL_PUBLIC_DEF const int plugin_want_major = WIRESHARK_VERSION_MAJOR;
WS_DLL_PUBLIC_DEF const int plugin_want_minor = WIRESHARK_VERSION_MINOR;

WS_DLL_PUBLIC void plugin_register(void);

#if WSC_HAVE_PLUGIN_DESCRIBE
WS_DLL_PUBLIC uint32_t plugin_describe(void);

/* The type `tshark -G plugins` shows: a postdissector, and the statistics
 * that listen to its tap. */
uint32_t plugin_describe(void)
{
    return WS_PLUGIN_DESC_DISSECTOR | WS_PLUGIN_DESC_TAP_LISTENER;
}
#endif

/* Registered after our handoff: found on the first frame. */
static int expert_tap = -1;
static int proto_expert = -1;
static int in_gui = -1;                 /* unknown until first asked */

static void *capture_file_seen(capture_file *cf _U_, void *user_data _U_)
{
    return GINT_TO_POINTER(1);
}

/* Only Wireshark's main window answers plugin_if requests; asked once, as
 * each request builds a hash table. */
static bool running_in_gui(void)
{
    if (in_gui < 0)
        in_gui = plugin_if_get_capture_file(capture_file_seen, NULL) != NULL;
    return in_gui;
}

/* delta_distance's expert infos are read by the expert statistic, a filter,
 * column or -e on _ws.expert, or an Expert column. */
static bool experts_read(packet_info *pinfo, proto_tree *tree)
{
    if (expert_tap < 0) {
        expert_tap = find_tap_id("expert");
        proto_expert = proto_get_id_by_filter_name("_ws.expert");
    }
    return have_tap_listener(expert_tap) || (proto_expert >= 0 && proto_field_is_referenced(tree, proto_expert)) ||
           (pinfo->cinfo != NULL && pinfo->cinfo->col_first[COL_EXPERT] >= 0);
}

/* Does nothing read the suite on this pass? Then the frame costs nothing
 * more than this question: plain `tshark -r`, -Y with a filter of other
 * protocols, the second pass of a plain `tshark -2`.
 *
 * The suite is read through a field in the tree (a filter, a custom column,
 * a coloring rule, -e, a shown tree), the statistics' tap, or the expert
 * infos of delta_distance; and on a first pass, through what it learns, by
 * every later pass. The columns tell which first passes have none: every
 * first pass that a later pass follows dissects without them (tshark -2's
 * first pass, sharkd's load, Wireshark's read, unless a tap wants columns:
 * hence the GUI check), so a first pass with columns is tshark's one pass,
 * printing them. Later passes learn nothing. */
static bool unread_pass(packet_info *pinfo, proto_tree *tree)
{
    bool first = !pinfo->fd->visited;

    if (first && pinfo->cinfo == NULL)
        return false;
    if (delta_distance_asked(tree) || cloud_asked(tree) || iotcloud_asked(tree))
        return false;
    if (iotcloud_listened() || experts_read(pinfo, tree))
        return false;
    return !first || !running_in_gui();
}

static int dissect_suite(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data _U_)
{
    bool delta = delta_distance_enabled(), cloud = cloud_enabled(), iot = iotcloud_enabled();
    const char *saved_proto = pinfo->current_proto;
    wsc_facts_t facts;

    if ((!delta && !cloud && !iot) || unread_pass(pinfo, tree))
        return 0;
    wsc_facts_init(&facts, tvb, pinfo);
    /* Expert infos name pinfo->current_proto, as a protocol's own handle would set it. */
    if (delta) {
        pinfo->current_proto = "Delta Distance";
        delta_distance_frame(&facts, tree);
    }
    if (cloud) {
        pinfo->current_proto = "Cloud";
        cloud_frame(&facts, tree);
    }
    if (iot) {
        pinfo->current_proto = "IoT Cloud";
        iotcloud_frame(&facts, tree);
    }
    pinfo->current_proto = saved_proto;
    return 0;
}

static void register_suite(void)
{
    delta_distance_register();
    cloud_register();
    iotcloud_register();
    register_postdissector(create_dissector_handle(dissect_suite, -1));
    register_init_routine(wsc_local_forget_learned);
}

static void handoff_suite(void)
{
    delta_distance_handoff();
    cloud_handoff();
    iotcloud_handoff();
}

void plugin_register(void)
{
    static proto_plugin plug;

    plug.register_protoinfo = register_suite;
    plug.register_handoff = handoff_suite;
    proto_register_plugin(&plug);
}
