/* dns_wire.h: a DNS (and mDNS) message read from its bytes.
 *
 * For the plugins' few needs (names and addresses of answers, query names,
 * DNS-SD records) on the rare packets that carry them, without asking tshark
 * to keep DNS fields in a protocol tree for every packet. Hostile input is
 * bounded: names are at most 255 bytes and 127 labels; a compression pointer
 * must point before every byte of the name read so far, so a name cannot
 * loop, and at most 32 are followed; a name in a record's data must end
 * within that data; at most max_records records are read.
 *
 * Pure C on a byte array.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_DNS_WIRE_H
#define WSC_DNS_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/addr.h"

#define WSC_DNS_NAME_MAX 256        /* 255 bytes of text and a NUL */

enum { WSC_DNS_A = 1, WSC_DNS_NS = 2, WSC_DNS_CNAME = 5, WSC_DNS_PTR = 12, WSC_DNS_TXT = 16,
       WSC_DNS_AAAA = 28, WSC_DNS_SRV = 33 };

typedef enum { WSC_DNS_QUESTION, WSC_DNS_ANSWER, WSC_DNS_AUTHORITY, WSC_DNS_ADDITIONAL } wsc_dns_section_t;

typedef struct {
    uint16_t id;
    bool     response;
} wsc_dns_header_t;

typedef struct {
    wsc_dns_section_t section;
    uint16_t   type;
    char       name[WSC_DNS_NAME_MAX];
    char       target[WSC_DNS_NAME_MAX];    /* CNAME, PTR, NS, SRV */
    wsc_addr_t addr;                        /* A, AAAA */
    const uint8_t *rdata;                   /* TXT: the character-strings */
    size_t     rdata_len;
} wsc_dns_record_t;

/* Calls record() for each question and resource record, in order; it
 * returns false to stop. False when the header itself is unreadable. */
bool wsc_dns_parse(const uint8_t *msg, size_t len, unsigned max_records, wsc_dns_header_t *header,
                   bool (*record)(void *ctx, const wsc_dns_record_t *rr), void *ctx);

/* DNS over TCP (RFC 1035 4.2.2, RFC 7766): the first message of a segment
 * that starts with one, after its 2-byte length. True only when the whole
 * message is in the segment and its header is plausible (an opcode in use,
 * the Z bit clear, at most one question, something in it, and records that
 * could fit in its length), so that a segment continuing an earlier message
 * (whose first bytes are the middle of a record) is not taken for one. */
bool wsc_dns_tcp_message(const uint8_t *segment, size_t len, const uint8_t **msg, size_t *msg_len);

/* The next TXT character-string, NUL-terminated into out; false at the end. */
bool wsc_dns_txt_next(const uint8_t **cursor, size_t *left, char *out, size_t size);

#endif /* WSC_DNS_WIRE_H */
