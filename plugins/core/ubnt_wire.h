/* ubnt_wire.h: the model a Ubiquiti discovery message names, from its bytes.
 *
 * Ubiquiti devices answer a controller's discovery request (UDP 10001), and
 * announce themselves, with a 4-byte header (version 1 or 2, a command byte,
 * the 16-bit length of the rest) and entries of a type byte, a 16-bit length
 * and a value. The model is in entries 0x0c (short: "UGW3", "UAP-AC-Pro",
 * "UVC-G4-Bullet") and 0x15 (version 2). A request is the header alone.
 * Facts as the protocol is publicly documented (nmap's ubiquiti-discovery
 * script).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_UBNT_WIRE_H
#define WSC_UBNT_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WSC_UBNT_TEXT 256

/* Calls found(ctx, model) for each model entry of printable ASCII (up to
 * WSC_UBNT_TEXT - 1 bytes) of the message; false when msg is no discovery
 * reply or announcement, or ends inside an entry (the entries before it
 * were reported). */
bool wsc_ubnt_models(const uint8_t *msg, size_t len, void (*found)(void *ctx, const char *model), void *ctx);

#endif /* WSC_UBNT_WIRE_H */
