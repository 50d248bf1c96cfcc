/* rtt.c: per-conversation round-trip samples from requests and answers.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/wmem_scopes.h>

#include "rtt.h"

#define IPPROTO_TCP_NUM     6
#define IPPROTO_UDP_NUM     17
#define IPPROTO_ICMP_NUM    1
#define IPPROTO_ICMPV6_NUM  58
#define DNS_PORT            53
#define TCP_SYN             0x02
#define TCP_ACK             0x10

/* Requests awaiting an answer, per conversation: DNS clients rarely have more
 * than one in flight on a port, ping one per second. Oldest is dropped. */
#define MAX_PENDING         4

/* Conversations tracked per capture; beyond this, new ones get no RTT
 * (about 200 bytes each, so the table stays under ~200 MB on a flood). */
#define MAX_FLOWS           1000000

/* A conversation, direction-independent: the lower (address, port) first. */
typedef struct {
    uint8_t  family;
    uint8_t  ipproto;
    uint16_t port_lo;       /* ICMP echo: the identifier on both sides */
    uint16_t port_hi;
    uint8_t  addr_lo[16];
    uint8_t  addr_hi[16];
} flow_key_t;

typedef struct {
    int64_t  sent_ns;
    uint32_t tag;           /* TCP: expected ack (SYN seq + 1); DNS: id; ICMP: sequence */
    uint32_t frame;
    bool     in_use;
    bool     from_lo;
    bool     retransmitted;
} pending_t;

typedef struct {
    flow_key_t   key;       /* first: the map's key points here */
    rtt_sample_t best;      /* best.ns == 0: no sample yet */
    pending_t    pending[MAX_PENDING];
} flow_t;

typedef enum { ROLE_NONE, ROLE_REQUEST, ROLE_ANSWER } role_t;

/* What one packet means for RTT measurement. */
typedef struct {
    role_t   role;
    uint8_t  method;
    uint32_t tag;
    uint16_t sport;
    uint16_t dport;
} exchange_t;

static wmem_map_t *flows;   /* flow_key_t -> flow_t, emptied with each capture */
static wmem_map_t *by_address;  /* wsc_addr_t -> rtt_sample_t: the best over conversations */

static inline uint16_t be16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static inline uint32_t be32(const uint8_t *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }

static guint flow_key_hash(gconstpointer key)
{
    return wmem_strong_hash((const guint8 *)key, sizeof(flow_key_t));
}

static gboolean flow_key_equal(gconstpointer a, gconstpointer b)
{
    return memcmp(a, b, sizeof(flow_key_t)) == 0;
}

/* TCP: is this the SYN or the SYN/ACK of a handshake? Other segments only
 * need their ports, to find the conversation. */
static bool classify_tcp(const uint8_t *l4, size_t avail, exchange_t *ex)
{
    uint8_t flags;

    if (avail < 14)
        return false;
    ex->sport = be16(l4);
    ex->dport = be16(l4 + 2);
    ex->method = RTT_TCP_HANDSHAKE;
    flags = l4[13];
    if ((flags & (TCP_SYN | TCP_ACK)) == TCP_SYN) {
        ex->role = ROLE_REQUEST;
        ex->tag = be32(l4 + 4) + 1;
    } else if ((flags & (TCP_SYN | TCP_ACK)) == (TCP_SYN | TCP_ACK)) {
        ex->role = ROLE_ANSWER;
        ex->tag = be32(l4 + 8);
    }
    return true;
}

/* UDP: only DNS, where the header's id pairs a query with its response. */
static bool classify_udp(const uint8_t *l4, size_t avail, exchange_t *ex)
{
    const uint8_t *dns = l4 + 8;

    if (avail < 8 + 12)
        return false;
    ex->sport = be16(l4);
    ex->dport = be16(l4 + 2);
    if (ex->sport != DNS_PORT && ex->dport != DNS_PORT)
        return false;
    ex->method = RTT_DNS;
    ex->tag = be16(dns);
    ex->role = (dns[2] & 0x80) ? ROLE_ANSWER : ROLE_REQUEST;
    return true;
}

/* ICMP and ICMPv6 echo: the identifier names the conversation, the sequence
 * number pairs a request with its reply. */
static bool classify_echo(const uint8_t *l4, size_t avail, uint8_t request, uint8_t reply, exchange_t *ex)
{
    if (avail < 8 || (l4[0] != request && l4[0] != reply) || l4[1] != 0)
        return false;
    ex->sport = ex->dport = be16(l4 + 4);
    ex->method = RTT_ICMP_ECHO;
    ex->tag = be16(l4 + 6);
    ex->role = l4[0] == request ? ROLE_REQUEST : ROLE_ANSWER;
    return true;
}

static bool classify(const uint8_t *frame, size_t len, const ip_peek_t *ip, exchange_t *ex)
{
    const uint8_t *l4 = frame + ip->l4_offset;
    size_t avail = len - ip->l4_offset;

    memset(ex, 0, sizeof(*ex));
    switch (ip->ipproto) {
    case IPPROTO_TCP_NUM:    return classify_tcp(l4, avail, ex);
    case IPPROTO_UDP_NUM:    return classify_udp(l4, avail, ex);
    case IPPROTO_ICMP_NUM:   return ip->family == 4 && classify_echo(l4, avail, 8, 0, ex);
    case IPPROTO_ICMPV6_NUM: return ip->family == 6 && classify_echo(l4, avail, 128, 129, ex);
    default:                 return false;
    }
}

/* Fills a canonical key; returns whether the packet's source is the "lo" side. */
static bool flow_key_init(flow_key_t *key, const uint8_t *frame, const ip_peek_t *ip, const exchange_t *ex)
{
    size_t alen = ip_addr_len(ip);
    const uint8_t *src = frame + ip->src_offset;
    const uint8_t *dst = frame + ip->dst_offset;
    int order = memcmp(src, dst, alen);
    bool src_is_lo = order < 0 || (order == 0 && ex->sport <= ex->dport);

    memset(key, 0, sizeof(*key));   /* padding and unused address bytes take part in hashing */
    key->family = ip->family;
    key->ipproto = ip->ipproto;
    memcpy(key->addr_lo, src_is_lo ? src : dst, alen);
    memcpy(key->addr_hi, src_is_lo ? dst : src, alen);
    key->port_lo = src_is_lo ? ex->sport : ex->dport;
    key->port_hi = src_is_lo ? ex->dport : ex->sport;
    return src_is_lo;
}

static pending_t *find_pending(flow_t *flow, uint32_t tag, bool from_lo)
{
    for (int i = 0; i < MAX_PENDING; i++) {
        pending_t *p = &flow->pending[i];
        if (p->in_use && p->tag == tag && p->from_lo == from_lo)
            return p;
    }
    return NULL;
}

static pending_t *free_or_oldest_slot(flow_t *flow)
{
    pending_t *oldest = &flow->pending[0];

    for (int i = 0; i < MAX_PENDING; i++) {
        pending_t *p = &flow->pending[i];
        if (!p->in_use)
            return p;
        if (p->sent_ns < oldest->sent_ns)
            oldest = p;
    }
    return oldest;
}

static void note_request(flow_t *flow, const exchange_t *ex, bool from_lo, uint32_t frame, int64_t ts_ns)
{
    pending_t *slot = find_pending(flow, ex->tag, from_lo);

    if (slot != NULL) {
        slot->retransmitted = true;     /* Karn: an answer is now ambiguous */
        return;
    }
    slot = free_or_oldest_slot(flow);
    slot->sent_ns = ts_ns;
    slot->tag = ex->tag;
    slot->frame = frame;
    slot->in_use = true;
    slot->from_lo = from_lo;
    slot->retransmitted = false;
}

static void note_address(const rtt_sample_t *sample)
{
    rtt_sample_t *best = wmem_map_lookup(by_address, &sample->responder);

    if (best == NULL) {
        best = wmem_new(wmem_file_scope(), rtt_sample_t);
        *best = *sample;
        wmem_map_insert(by_address, &best->responder, best);
    } else if (sample->ns < best->ns) {
        *best = *sample;
    }
}

const rtt_sample_t *rtt_of_address(const wsc_addr_t *addr)
{
    return by_address ? wmem_map_lookup(by_address, addr) : NULL;
}

static void note_answer(flow_t *flow, const exchange_t *ex, bool from_lo, uint32_t frame, int64_t ts_ns)
{
    pending_t *request = find_pending(flow, ex->tag, !from_lo);
    int64_t rtt;

    if (request == NULL)
        return;
    request->in_use = false;            /* one answer per request: a duplicate gives nothing */
    rtt = ts_ns - request->sent_ns;
    if (request->retransmitted || rtt <= 0)
        return;                         /* ambiguous, or time stamps out of order */
    if (flow->best.ns == 0 || rtt < flow->best.ns) {
        flow->best.ns = rtt;
        flow->best.frame = frame;
        flow->best.method = ex->method;
        wsc_addr_from_bytes(flow->key.family, from_lo ? flow->key.addr_lo : flow->key.addr_hi,
                            &flow->best.responder);     /* the answer's sender */
        note_address(&flow->best);
    }
}

static flow_t *flow_new(const flow_key_t *key)
{
    flow_t *flow;

    if (wmem_map_size(flows) >= MAX_FLOWS)
        return NULL;
    flow = wmem_new0(wmem_file_scope(), flow_t);
    flow->key = *key;
    wmem_map_insert(flows, &flow->key, flow);
    return flow;
}

const rtt_sample_t *rtt_observe(const uint8_t *frame, size_t len, const ip_peek_t *ip,
                                uint32_t frame_num, int64_t ts_ns, bool learn)
{
    exchange_t ex;
    flow_key_t key;
    flow_t *flow;
    bool from_lo;

    if (ip->l4_offset >= len || !classify(frame, len, ip, &ex))
        return NULL;
    if (flows == NULL) {
        flows = wmem_map_new_autoreset(wmem_epan_scope(), wmem_file_scope(), flow_key_hash, flow_key_equal);
        by_address = wmem_map_new_autoreset(wmem_epan_scope(), wmem_file_scope(), wsc_addr_hash, wsc_addr_equal);
    }
    from_lo = flow_key_init(&key, frame, ip, &ex);
    flow = (flow_t *)wmem_map_lookup(flows, &key);
    if (learn) {
        if (ex.role == ROLE_REQUEST) {
            if (flow == NULL)
                flow = flow_new(&key);
            if (flow != NULL)
                note_request(flow, &ex, from_lo, frame_num, ts_ns);
        } else if (ex.role == ROLE_ANSWER && flow != NULL) {
            note_answer(flow, &ex, from_lo, frame_num, ts_ns);
        }
    }
    return (flow != NULL && flow->best.ns > 0) ? &flow->best : NULL;
}
