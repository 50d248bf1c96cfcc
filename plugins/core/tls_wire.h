/* tls_wire.h: the server name of a TLS ClientHello at the start of a TCP
 * payload, when the whole extension is in these bytes.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_TLS_WIRE_H
#define WSC_TLS_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

bool wsc_tls_client_hello_sni(const uint8_t *data, size_t len, char *sni, size_t size);

#endif /* WSC_TLS_WIRE_H */
