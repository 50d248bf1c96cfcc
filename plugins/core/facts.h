/* facts.h: what the suite needs to know of a frame, worked out once.
 *
 * The three protocols of the suite look at every frame. Their common
 * questions -- which IP addresses, are they local, where do the transport
 * header and payload sit, what does an HTTP request or TLS ClientHello at
 * the start of the payload say -- are answered here once per frame, in the
 * order plugin.c calls the protocols. Payload parsing is lazy: only the
 * first protocol to ask pays for it, and most frames never ask.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_FACTS_H
#define WSC_FACTS_H

#include <stdbool.h>
#include <stdint.h>

#include <epan/packet.h>

#include "core/addr.h"
#include "core/http_wire.h"
#include "core/ip_peek.h"

#define WSC_SERVER_NAME_MAX 256

typedef enum { LAZY_UNTRIED, LAZY_ABSENT, LAZY_PRESENT } wsc_lazy_t;

typedef struct {
    tvbuff_t    *tvb;
    packet_info *pinfo;
    uint32_t     num;           /* frame number */
    bool         first_pass;    /* !pinfo->fd->visited: the pass that learns */
    int64_t      ts_ns;         /* absolute time stamp, when the frame has one */
    bool         has_ts;

    bool         has_ip;        /* src and dst hold the packet's IP addresses */
    wsc_addr_t   src;
    wsc_addr_t   dst;
    bool         src_local;
    bool         dst_local;
    bool         src_group;     /* multicast, broadcast, unspecified */
    bool         dst_group;

    bool         located;       /* bytes: the IP header agreeing with src/dst, ports, payload */
    wsc_frame_t  frame;

    wsc_lazy_t   http_state;    /* an HTTP request or SSDP message at the payload's start */
    wsc_http_t  *http;          /* pinfo->pool */
    wsc_lazy_t   sni_state;     /* a TLS ClientHello's server name */
    char         sni[WSC_SERVER_NAME_MAX];
} wsc_facts_t;

void wsc_facts_init(wsc_facts_t *facts, tvbuff_t *tvb, packet_info *pinfo);

/* The payload parsed as HTTP (or SSDP), NULL when it is not HTTP. */
const wsc_http_t *wsc_facts_http(wsc_facts_t *facts);

/* The server name a client's TLS ClientHello (over TCP, or QUIC when a
 * decrypting dissector shows it in the tree) carries, or NULL. */
const char *wsc_facts_server_name(wsc_facts_t *facts, proto_tree *tree);

static inline bool wsc_facts_tcp(const wsc_facts_t *facts)
{
    return facts->located && facts->frame.ip.ipproto == 6;
}

static inline bool wsc_facts_udp(const wsc_facts_t *facts)
{
    return facts->located && facts->frame.ip.ipproto == 17;
}

static inline bool wsc_facts_has_payload(const wsc_facts_t *facts)
{
    return facts->located && facts->frame.payload != NULL;
}

#endif /* WSC_FACTS_H */
