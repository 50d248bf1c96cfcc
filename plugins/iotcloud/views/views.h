/* views.h: the iotcloud tap's facts in the shapes people and scripts read.
 *
 *   tshark -z iotcloud,devices[,filter]   the device inventory as aligned columns
 *   tshark -z iotcloud,json[,filter]      one JSON document (docs/views-schema.json)
 *   tshark -z iotcloud,dot[,filter]       a Graphviz graph: devices -> providers/relays -> devices
 *   Statistics > IoT Cloud Device Inventory   the inventory as a sortable table dialog
 *
 * Every view listens to the "iotcloud" tap with its own inventory
 * (inventory.h): it reads the analysis, never changes it. They are
 * registered by iotcloud_views_register() (tap.h).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef IOTCLOUD_VIEWS_H
#define IOTCLOUD_VIEWS_H

#include <stdio.h>

#include "inventory.h"

/* What a tshark view prints once the capture is read. `filter` is the
 * view's display filter, NULL when none. */
typedef void (*view_print_fn)(FILE *out, const inventory_t *inv, const char *filter);

void device_table_print(FILE *out, const inventory_t *inv, const char *filter);
void export_json_print(FILE *out, const inventory_t *inv, const char *filter);
void export_dot_print(FILE *out, const inventory_t *inv, const char *filter);

/* The GUI's table dialog (stat_tap_table_ui). */
void device_table_register(void);

#endif /* IOTCLOUD_VIEWS_H */
