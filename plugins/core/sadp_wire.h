/* sadp_wire.h: the model a Hikvision SADP message names, from its bytes.
 *
 * Hikvision cameras, recorders and door stations answer the SADP tool's
 * inquiry (UDP 37020, to 239.255.255.250) with an XML document,
 * <ProbeMatch> ... <DeviceDescription>DS-2CD2143G2-I</DeviceDescription>
 * ... </ProbeMatch>: the model number, whose prefix says what the device is
 * (DS-2CD a network camera, DS-76/77/96 a network video recorder). The
 * tool's own <Probe> names nothing. Facts as the protocol is publicly
 * described (captures of the SADP tool; Hikvision's model numbering).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_SADP_WIRE_H
#define WSC_SADP_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WSC_SADP_TEXT 64

/* The model (printable ASCII, surrounding blanks removed, up to
 * WSC_SADP_TEXT - 1 bytes) of a device's <ProbeMatch> in msg, into model;
 * false, with model empty, for any other message or when there is none. */
bool wsc_sadp_model(const uint8_t *msg, size_t len, char model[WSC_SADP_TEXT]);

#endif /* WSC_SADP_WIRE_H */
