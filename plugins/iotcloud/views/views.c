/* views.c: tshark -z iotcloud,devices|json|dot[,filter], and the GUI table.
 *
 * Each -z option makes one instance: its own inventory, its own tap
 * listener with its own display filter, printed once the capture is read.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/stat_tap_ui.h>
#include <epan/tap.h>

#include <stdlib.h>

#include "core/ws_compat.h"
#include "views.h"

typedef struct {
    const char   *cli;          /* the -z option, without its filter */
    const char   *title;
    view_print_fn print;
} view_t;

static const view_t views[] = {
    { "iotcloud,devices", "IoT Cloud device inventory", device_table_print },
    { "iotcloud,json",    "IoT Cloud JSON export",      export_json_print },
    { "iotcloud,dot",     "IoT Cloud Graphviz graph",   export_dot_print },
};

typedef struct {
    const view_t *view;
    char         *filter;       /* NULL: every record */
    inventory_t  *inv;
} instance_t;

static void instance_reset(void *tapdata)
{
    instance_t *in = tapdata;

    inventory_reset(in->inv);
}

static tap_packet_status instance_packet(void *tapdata, packet_info *pinfo, epan_dissect_t *edt _U_,
                                         const void *data, tap_flags_t flags _U_)
{
    instance_t *in = tapdata;

    inventory_add(in->inv, pinfo, data);
    /* Printed once, at the end (a live capture's periodic redraw would print it again). */
    return TAP_PACKET_DONT_REDRAW;
}

static void instance_draw(void *tapdata)
{
    instance_t *in = tapdata;

    in->view->print(stdout, in->inv, in->filter);
    fflush(stdout);
}

static void instance_finish(void *tapdata)
{
    instance_t *in = tapdata;

    inventory_free(in->inv);
    g_free(in->filter);
    g_free(in);
}

/* "iotcloud,json" or "iotcloud,json,ip.addr == 192.168.1.5". */
static WSC_STAT_TAP_INIT_T view_init(const char *opt_arg, void *userdata)
{
    const view_t *view = userdata;
    size_t len = strlen(view->cli);
    instance_t *in = g_new0(instance_t, 1);
    GString *error;

    in->view = view;
    if (strncmp(opt_arg, view->cli, len) == 0 && opt_arg[len] == ',' && opt_arg[len + 1] != '\0')
        in->filter = g_strdup(opt_arg + len + 1);
    in->inv = inventory_new();
    error = register_tap_listener(IOTCLOUD_TAP, in, in->filter, TL_REQUIRES_NOTHING, instance_reset,
                                  instance_packet, instance_draw, instance_finish);
    if (error != NULL) {
        /* As tshark's own -z options do: a view that cannot listen must not
         * end in an empty result that looks like "no devices". */
        fprintf(stderr, "tshark: -z %s: %s\n", opt_arg, error->str);
        g_string_free(error, TRUE);
        instance_finish(in);
        exit(1);
    }
    WSC_STAT_TAP_INIT_DONE;
}

void iotcloud_views_register(void)
{
    for (size_t i = 0; i < G_N_ELEMENTS(views); i++) {
        stat_tap_ui ui = {
            .group = REGISTER_PACKET_STAT_GROUP_UNSORTED,
            .title = views[i].title,
            .cli_string = views[i].cli,
            .tap_init_cb = view_init,
            .nparams = 0,
            .params = NULL,
        };
        /* The stat_tap_ui is copied; `views` outlives it. Registered before
         * the GUI table below, whose tshark handler for the same option
         * (an unaligned dump) Wireshark then ignores. */
        register_stat_tap_ui(&ui, (void *)&views[i]);
    }
    device_table_register();
}
