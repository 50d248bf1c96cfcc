/* cloud.h: the Cloud protocol of the suite.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef CLOUD_H
#define CLOUD_H

#include <stdbool.h>
#include <stdint.h>

#include <epan/proto.h>

#include "core/addr.h"
#include "core/facts.h"

void cloud_register(void);
void cloud_handoff(void);
/* Off in Analyze > Enabled Protocols: no work, no fields, no answers. */
bool cloud_enabled(void);
/* Does this tree ask for the protocol or one of its fields (or show it all)? */
bool cloud_asked(proto_tree *tree);
/* Every frame, after the dissectors and delta_distance (plugin.c). */
void cloud_frame(wsc_facts_t *facts, proto_tree *tree);

/* What the suite's other protocols are told of a remote address. Strings
 * live as long as the capture file; NULL when unknown. */
typedef struct {
    const char *provider;
    const char *service;
    const char *region;
    const char *hostname;
} wsc_cloud_label_t;

/* The label as known at `frame`; false (and *out zeroed) for local and
 * group addresses, unknown ones, or with the protocol off. */
bool cloud_label_at(const wsc_addr_t *addr, uint32_t frame, wsc_cloud_label_t *out);

#endif /* CLOUD_H */
