/* iotcloud.h: the IoT Cloud protocol of the suite.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef IOTCLOUD_H
#define IOTCLOUD_H

#include <stdbool.h>

#include <epan/proto.h>

#include "core/facts.h"

void iotcloud_register(void);
void iotcloud_handoff(void);
/* Off in Analyze > Enabled Protocols: no work, no fields, no tap records. */
bool iotcloud_enabled(void);
/* Does this tree ask for the protocol or one of its fields (or show it all)? */
bool iotcloud_asked(proto_tree *tree);
/* Does a statistic or view listen to the tap? */
bool iotcloud_listened(void);
/* Every frame, after delta_distance and cloud (plugin.c). */
void iotcloud_frame(wsc_facts_t *facts, proto_tree *tree);

#endif /* IOTCLOUD_H */
