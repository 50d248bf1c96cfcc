/* iotcloud.h: registration entry points, called from plugin.c.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef IOTCLOUD_H
#define IOTCLOUD_H

void proto_register_iotcloud(void);
void proto_reg_handoff_iotcloud(void);

#endif /* IOTCLOUD_H */
