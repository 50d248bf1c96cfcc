/* dhip_wire.h: the model a Dahua discovery message names, from its bytes.
 *
 * Dahua cameras, recorders and intercoms (and their OEM brands: Amcrest,
 * Lorex) announce themselves to 239.255.255.251, UDP 37810: a 32-byte
 * header (its length, 0x20, as a little-endian 32-bit word; "DHIP"; the
 * length of the JSON body, little-endian, at bytes 16 and 24) and a JSON
 * body, {"method":"client.notifyDevInfo","params":{"deviceInfo":
 * {"DeviceClass":"XVR","DeviceType":"XVR5108HS-I3",...}}}. The model
 * number says what the device is (IPC a camera, NVR/XVR a recorder, VTO a
 * door station). Facts as the protocol is publicly described.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_DHIP_WIRE_H
#define WSC_DHIP_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WSC_DHIP_TEXT 64

/* The "DeviceType" (printable ASCII, up to WSC_DHIP_TEXT - 1 bytes) of the
 * discovery message in msg, into model; false, with model empty, for any
 * other message or when it names none. */
bool wsc_dhip_model(const uint8_t *msg, size_t len, char model[WSC_DHIP_TEXT]);

#endif /* WSC_DHIP_WIRE_H */
