/* facts.c: a frame's addresses, headers and client names, once.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>

#include "core/facts.h"
#include "core/local.h"
#include "core/ndp_wire.h"
#include "core/server_name.h"

#define IPPROTO_ICMPV6_NUM 58

static void classify(wsc_facts_t *facts)
{
    facts->src_group = wsc_addr_is_group(&facts->src);
    facts->dst_group = wsc_addr_is_group(&facts->dst);
    facts->src_local = !facts->src_group && wsc_is_local(&facts->src);
    facts->dst_local = !facts->dst_group && wsc_is_local(&facts->dst);
}

static void on_link(void *ctx _U_, const uint8_t prefix[16], unsigned length)
{
    wsc_local_learn_prefix(prefix, length);
}

/* A Router Advertisement as RFC 4861 accepts one (from a link-local
 * address, hop limit 255: it was not routed) makes its on-link prefixes
 * local for the frames that follow. */
static void learn_on_link_prefixes(const wsc_facts_t *facts)
{
    const wsc_frame_t *f = &facts->frame;

    if (f->ip.family != 6 || f->ip.hop_limit != 255 || facts->src.bytes[0] != 0xFE ||
        (facts->src.bytes[1] & 0xC0) != 0x80)
        return;
    wsc_ra_prefixes(f->frame + f->ip.l4_offset, f->ip.end - f->ip.l4_offset, on_link, NULL);
}

void wsc_facts_init(wsc_facts_t *facts, tvbuff_t *tvb, packet_info *pinfo)
{
    memset(facts, 0, offsetof(wsc_facts_t, sni));  /* the name buffer is filled on demand */
    facts->sni[0] = '\0';
    facts->tvb = tvb;
    facts->pinfo = pinfo;
    facts->num = pinfo->num;
    facts->first_pass = !pinfo->fd->visited;
    facts->has_ts = pinfo->fd->has_ts;
    facts->ts_ns = (int64_t)pinfo->abs_ts.secs * 1000000000 + pinfo->abs_ts.nsecs;
    facts->has_ip = wsc_addr_from_address(&pinfo->net_src, &facts->src) &&
                    wsc_addr_from_address(&pinfo->net_dst, &facts->dst) &&
                    facts->src.family == facts->dst.family;
    if (!facts->has_ip)
        return;
    classify(facts);
    facts->located = wsc_frame_locate(tvb, pinfo, &facts->frame);
    if (facts->located && facts->first_pass && facts->frame.ip.ipproto == IPPROTO_ICMPV6_NUM)
        learn_on_link_prefixes(facts);
}

/* HTTP starts with a method or "HTTP/": upper-case letters. Most payloads
 * (TLS records, binary protocols) fail this at their first byte. */
static bool may_be_http(const wsc_frame_t *f)
{
    return f->payload_len >= 4 && f->payload[0] >= 'A' && f->payload[0] <= 'Z' &&
           ((f->payload[1] >= 'A' && f->payload[1] <= 'Z') || f->payload[1] == '-');     /* M-SEARCH */
}

const wsc_http_t *wsc_facts_http(wsc_facts_t *facts)
{
    if (facts->http_state == LAZY_UNTRIED) {
        facts->http_state = LAZY_ABSENT;
        if (wsc_facts_has_payload(facts) && may_be_http(&facts->frame)) {
            facts->http = wmem_new(facts->pinfo->pool, wsc_http_t);
            if (wsc_http_parse(facts->frame.payload, facts->frame.payload_len, facts->http))
                facts->http_state = LAZY_PRESENT;
        }
    }
    return facts->http_state == LAZY_PRESENT ? facts->http : NULL;
}

const char *wsc_facts_server_name(wsc_facts_t *facts, proto_tree *tree)
{
    if (facts->sni_state == LAZY_UNTRIED) {
        facts->sni_state = LAZY_ABSENT;
        if (wsc_facts_has_payload(facts) &&
            wsc_client_server_name(facts->pinfo, tree, &facts->frame, facts->sni, sizeof(facts->sni)))
            facts->sni_state = LAZY_PRESENT;
    }
    return facts->sni_state == LAZY_PRESENT ? facts->sni : NULL;
}
