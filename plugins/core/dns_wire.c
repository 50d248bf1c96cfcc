/* dns_wire.c: DNS message parsing with bounded name decompression.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>

#include <glib.h>

#include "core/dns_wire.h"

#define MAX_LABELS   127
#define MAX_JUMPS    32
#define HEADER_LEN   12
#define MIN_QUESTION 5          /* the root name, type, class */
#define MIN_RECORD   11         /* the root name, type, class, TTL, data length */
#define OPCODE_DSO   6          /* DNS stateful operations, RFC 8490 */

static inline uint16_t be16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }

/* Reads the name at *offset into out ("" for the root); advances *offset past
 * the name as it appears there. False on any malformation.
 *
 * A compression pointer must point before every byte of the name read so
 * far (RFC 1035 4.1.4: to a prior occurrence). Merely pointing backwards
 * would not stop a loop: a pointer may lead back to labels that run forward
 * into it again. With each jump landing strictly lower, offsets decrease and
 * no loop is possible; the jump cap bounds the work all the same. */
static bool read_name(const uint8_t *msg, size_t len, size_t *offset, char *out)
{
    size_t pos = *offset, lowest = *offset, written = 0, end = 0;
    unsigned labels = 0, jumps = 0;
    bool jumped = false;

    for (;;) {
        uint8_t c;
        if (pos >= len)
            return false;
        c = msg[pos];
        if ((c & 0xC0) == 0xC0) {                       /* compression pointer */
            size_t target;
            if (pos + 1 >= len || ++jumps > MAX_JUMPS)
                return false;
            target = (size_t)(c & 0x3F) << 8 | msg[pos + 1];
            if (target >= lowest)
                return false;
            if (!jumped)
                end = pos + 2;
            jumped = true;
            pos = lowest = target;
            continue;
        }
        if (c & 0xC0)
            return false;                               /* reserved label types */
        if (c == 0) {
            if (!jumped)
                end = pos + 1;
            break;
        }
        if (++labels > MAX_LABELS || pos + 1 + c > len || written + c + 2 > WSC_DNS_NAME_MAX)
            return false;
        if (written > 0)
            out[written++] = '.';
        for (size_t i = 0; i < c; i++) {
            uint8_t ch = msg[pos + 1 + i];
            out[written++] = (ch < 0x20 || ch == 0x7F) ? '?' : (char)ch;   /* DNS-SD names are UTF-8 */
        }
        pos += 1 + c;
    }
    out[written] = '\0';
    if (!g_utf8_validate(out, -1, NULL))
        for (size_t i = 0; i < written; i++)
            if ((uint8_t)out[i] >= 0x80)
                out[i] = '?';
    *offset = end;
    return true;
}

/* A record's data. Names in it must end within the data: reading them in a
 * message cut at the data's end also keeps compression pointers right,
 * since those may only point earlier. */
static void read_rdata(const uint8_t *msg, size_t offset, uint16_t rdlen, wsc_dns_record_t *rr)
{
    size_t data_end = offset + rdlen, cursor = offset;

    switch (rr->type) {
    case WSC_DNS_A:
        if (rdlen == 4)
            wsc_addr_from_bytes(4, msg + offset, &rr->addr);
        break;
    case WSC_DNS_AAAA:
        if (rdlen == 16)
            wsc_addr_from_bytes(6, msg + offset, &rr->addr);
        break;
    case WSC_DNS_CNAME:
    case WSC_DNS_PTR:
    case WSC_DNS_NS:
        if (!read_name(msg, data_end, &cursor, rr->target))
            rr->target[0] = '\0';
        break;
    case WSC_DNS_SRV:
        cursor += 6;                                    /* priority, weight, port */
        if (rdlen < 7 || !read_name(msg, data_end, &cursor, rr->target))
            rr->target[0] = '\0';
        break;
    case WSC_DNS_TXT:
        rr->rdata = msg + offset;
        rr->rdata_len = rdlen;
        break;
    default:
        break;
    }
}

bool wsc_dns_parse(const uint8_t *msg, size_t len, unsigned max_records, wsc_dns_header_t *header,
                   bool (*record)(void *ctx, const wsc_dns_record_t *rr), void *ctx)
{
    static const wsc_dns_section_t sections[4] = {
        WSC_DNS_QUESTION, WSC_DNS_ANSWER, WSC_DNS_AUTHORITY, WSC_DNS_ADDITIONAL
    };
    wsc_dns_record_t rr;
    size_t offset = HEADER_LEN;
    unsigned seen = 0;

    if (msg == NULL || len < HEADER_LEN)
        return false;
    header->id = be16(msg);
    header->response = (msg[2] & 0x80) != 0;
    for (int s = 0; s < 4; s++) {
        unsigned count = be16(msg + 4 + 2 * s);
        for (unsigned i = 0; i < count; i++) {
            uint16_t rdlen;
            if (seen++ == max_records)
                return true;
            memset(&rr, 0, sizeof(rr));
            rr.section = sections[s];
            if (!read_name(msg, len, &offset, rr.name) || offset + 4 > len)
                return true;                            /* stop at the first malformed record */
            rr.type = be16(msg + offset);
            offset += 4;                                /* type, class */
            if (rr.section != WSC_DNS_QUESTION) {
                if (offset + 6 > len)
                    return true;
                rdlen = be16(msg + offset + 4);
                offset += 6;                            /* ttl, rdlength */
                if (offset + rdlen > len)
                    return true;
                read_rdata(msg, offset, rdlen, &rr);
                offset += rdlen;
            }
            if (!record(ctx, &rr))
                return true;
        }
    }
    return true;
}

/* Opcodes in use: QUERY, STATUS, NOTIFY, UPDATE, DSO (IQUERY is obsolete,
 * RFC 3425). */
static bool known_opcode(unsigned opcode)
{
    return opcode == 0 || opcode == 2 || (opcode >= 4 && opcode <= OPCODE_DSO);
}

/* Only DSO messages (RFC 8490) may hold no question and no record. */
static bool plausible_header(const uint8_t *msg, size_t len)
{
    unsigned opcode = (msg[2] >> 3) & 0x0F;
    uint64_t questions = be16(msg + 4);
    uint64_t records = (uint64_t)be16(msg + 6) + be16(msg + 8) + be16(msg + 10);

    return known_opcode(opcode) && (msg[3] & 0x40) == 0 && questions <= 1 &&
           (questions + records > 0 || opcode == OPCODE_DSO) &&
           questions * MIN_QUESTION + records * MIN_RECORD <= len - HEADER_LEN;
}

bool wsc_dns_tcp_message(const uint8_t *segment, size_t len, const uint8_t **msg, size_t *msg_len)
{
    size_t n;

    if (segment == NULL || len < 2 + HEADER_LEN)
        return false;
    n = be16(segment);
    if (n < HEADER_LEN || n > len - 2 || !plausible_header(segment + 2, n))
        return false;
    *msg = segment + 2;
    *msg_len = n;
    return true;
}

bool wsc_dns_txt_next(const uint8_t **cursor, size_t *left, char *out, size_t size)
{
    size_t n;

    if (*left == 0 || size == 0)
        return false;
    n = **cursor;
    if (n + 1 > *left)
        return false;
    size_t copy = n < size - 1 ? n : size - 1;
    for (size_t i = 0; i < copy; i++) {
        uint8_t ch = (*cursor)[1 + i];
        out[i] = (ch >= 0x20 && ch < 0x7F) ? (char)ch : '?';
    }
    out[copy] = '\0';
    *cursor += n + 1;
    *left -= n + 1;
    return true;
}
