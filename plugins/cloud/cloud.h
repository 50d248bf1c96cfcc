/* cloud.h: registration entry points, called from plugin.c.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef CLOUD_H
#define CLOUD_H

void proto_register_cloud(void);
void proto_reg_handoff_cloud(void);

#endif /* CLOUD_H */
