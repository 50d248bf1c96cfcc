/* delta_distance.h: registration entry points, called from plugin.c.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef DELTA_DISTANCE_H
#define DELTA_DISTANCE_H

void proto_register_delta_distance(void);
void proto_reg_handoff_delta_distance(void);

#endif /* DELTA_DISTANCE_H */
