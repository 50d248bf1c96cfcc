/* dhcp_wire.h: what a DHCP (BOOTP) message says of its client, from its bytes.
 *
 * The option walk follows Wireshark's own DHCP dissector: every option's
 * length is checked against the bytes that exist, padding and the end option
 * are honoured, and the walk stops at the first option that does not fit.
 * Options continue in the file and sname fields when option 52 (overload)
 * says so, and an option split over several instances is read as their
 * concatenation, in the order RFC 3396 gives: options, file, sname.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_DHCP_WIRE_H
#define WSC_DHCP_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/addr.h"

#define WSC_DHCP_TEXT 256

typedef struct {
    uint8_t    op;                      /* 1 request (client), 2 reply (server) */
    uint8_t    chaddr[6];               /* the client's MAC (Ethernet only) */
    bool       has_chaddr;
    wsc_addr_t yiaddr;                  /* the address a reply gives */
    int        message_type;            /* option 53, 0 when absent */
    char       hostname[WSC_DHCP_TEXT]; /* option 12 */
    char       vendor_class[WSC_DHCP_TEXT];     /* option 60 */
    char       fqdn[WSC_DHCP_TEXT];     /* option 81 (ASCII form) */
    char       request_list[WSC_DHCP_TEXT];     /* option 55 as "1,3,6,15" */
} wsc_dhcp_t;

/* False unless msg is a BOOTP message with the DHCP magic cookie. */
bool wsc_dhcp_parse(const uint8_t *msg, size_t len, wsc_dhcp_t *out);

/* DHCPv6: the first vendor class data (option 16) of a client message, as
 * printable text into out (size bytes with the NUL); false when there is
 * none or size is 0. */
bool wsc_dhcpv6_vendor_class(const uint8_t *msg, size_t len, char *out, size_t size);

#endif /* WSC_DHCP_WIRE_H */
