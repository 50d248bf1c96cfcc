/* verdict.h: a device's evidence -> vendor, type, model, confidence and
 * the evidence text that says why (the steps are verdict.c's header).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef IOTCLOUD_VERDICT_H
#define IOTCLOUD_VERDICT_H

#include "identity.h"

/* Fills id->verdict (and id->worth_telling) from its evidence, matching
 * product lines and behaviour against `rules`. */
void verdict_compute(identity_t *id, const rules_t *rules);

#endif /* IOTCLOUD_VERDICT_H */
