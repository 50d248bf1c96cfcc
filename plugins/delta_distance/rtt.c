/* rtt.c: per-conversation round-trip samples from requests and answers.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/wmem_scopes.h>

#include "core/budget.h"
#include "core/hash.h"
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

/* Conversations tracked per capture, at most: beyond this or the memory
 * budget's share (core/budget.h), new ones get no RTT. */
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

/* An improving sample, from the frame of the answer that gave it on. */
typedef struct {
    int64_t  ns;
    uint32_t frame;
    uint8_t  method;
    bool     from_lo;       /* conversations: which side answered */
} history_entry_t;

/* Samples only improve, so few are kept; when full, the newest replaces the
 * last (frames in between then read the newer, smaller sample). */
#define HISTORY 4

typedef struct {
    history_entry_t entries[HISTORY];
    uint8_t n;
} history_t;

typedef struct {
    flow_key_t   key;       /* first: the map's key points here */
    history_t    samples;
    pending_t    pending[MAX_PENDING];
} flow_t;

typedef struct {
    wsc_addr_t   addr;      /* first: the map's key points here */
    history_t    samples;
} address_rtt_t;

typedef enum { ROLE_NONE, ROLE_REQUEST, ROLE_ANSWER } role_t;

/* What one packet means for RTT measurement. */
typedef struct {
    role_t   role;
    uint8_t  method;
    uint32_t tag;
    uint16_t sport;
    uint16_t dport;
} exchange_t;

static unsigned max_flows = MAX_FLOWS;
static wmem_map_t *flows;       /* flow_key_t -> flow_t, emptied with each capture */
static wmem_map_t *by_address;  /* wsc_addr_t -> address_rtt_t: the best over conversations */

static inline uint16_t be16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static inline uint32_t be32(const uint8_t *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }

static guint flow_key_hash(gconstpointer key)
{
    return wsc_hash_bytes(key, sizeof(flow_key_t));
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

/* Appends a better sample (the caller checked that it is better). */
static void history_add(history_t *h, int64_t ns, uint32_t frame, uint8_t method, bool from_lo)
{
    history_entry_t *slot = &h->entries[h->n < HISTORY ? h->n++ : HISTORY - 1];

    *slot = (history_entry_t){ ns, frame, method, from_lo };
}

static const history_entry_t *history_best(const history_t *h)
{
    return h->n ? &h->entries[h->n - 1] : NULL;
}

/* The smallest sample known at `frame`: the last one measured by then. */
static const history_entry_t *history_at(const history_t *h, uint32_t frame)
{
    for (unsigned i = h->n; i-- > 0;)
        if (h->entries[i].frame <= frame)
            return &h->entries[i];
    return NULL;
}

static void note_address(const rtt_sample_t *sample)
{
    address_rtt_t *a = wmem_map_lookup(by_address, &sample->responder);
    const history_entry_t *best;

    if (a == NULL) {
        a = wmem_new0(wmem_file_scope(), address_rtt_t);
        a->addr = sample->responder;
        wmem_map_insert(by_address, &a->addr, a);
    }
    best = history_best(&a->samples);
    if (best == NULL || sample->ns < best->ns)
        history_add(&a->samples, sample->ns, sample->frame, sample->method, false);
}

bool rtt_of_address(const wsc_addr_t *addr, uint32_t frame, rtt_sample_t *out)
{
    const address_rtt_t *a = by_address ? wmem_map_lookup(by_address, addr) : NULL;
    const history_entry_t *e = a ? history_at(&a->samples, frame) : NULL;

    if (e == NULL)
        return false;
    *out = (rtt_sample_t){ .ns = e->ns, .frame = e->frame, .method = e->method, .responder = *addr };
    return true;
}

static void sample_of(const flow_t *flow, const history_entry_t *e, rtt_sample_t *out)
{
    out->ns = e->ns;
    out->frame = e->frame;
    out->method = e->method;
    wsc_addr_from_bytes(flow->key.family, e->from_lo ? flow->key.addr_lo : flow->key.addr_hi,
                        &out->responder);       /* the answer's sender */
}

/* Returns whether the answer lowered the responder's smallest round trip. */
static bool note_answer(flow_t *flow, const exchange_t *ex, bool from_lo, uint32_t frame, int64_t ts_ns,
                        rtt_sample_t *improved)
{
    pending_t *request = find_pending(flow, ex->tag, !from_lo);
    const history_entry_t *best = history_best(&flow->samples);
    int64_t rtt;

    if (request == NULL)
        return false;
    request->in_use = false;            /* one answer per request: a duplicate gives nothing */
    rtt = ts_ns - request->sent_ns;
    if (request->retransmitted || rtt <= 0 || (best != NULL && rtt >= best->ns))
        return false;                   /* ambiguous, time stamps out of order, or no better */
    history_add(&flow->samples, rtt, frame, ex->method, from_lo);
    sample_of(flow, history_best(&flow->samples), improved);
    note_address(improved);
    return true;
}

static flow_t *flow_new(const flow_key_t *key)
{
    flow_t *flow;

    if (wmem_map_size(flows) >= max_flows)
        return NULL;
    flow = wmem_new0(wmem_file_scope(), flow_t);
    flow->key = *key;
    wmem_map_insert(flows, &flow->key, flow);
    return flow;
}

void rtt_reset(void)
{
    /* A conversation, and the responder entry its samples may add. */
    max_flows = MIN(MAX_FLOWS, wsc_budget_entries(WSC_SHARE_RTT, sizeof(flow_t) + sizeof(address_rtt_t) +
                                                  2 * WSC_MAP_ENTRY_BYTES, 1024));
    flows = wmem_map_new(wmem_file_scope(), flow_key_hash, flow_key_equal);
    by_address = wmem_map_new(wmem_file_scope(), wsc_addr_hash, wsc_addr_equal);
}

/* The packet's exchange and conversation key; false for packets that take no
 * part in any measured exchange. */
static bool packet_exchange(const wsc_facts_t *facts, exchange_t *ex, flow_key_t *key, bool *from_lo)
{
    const wsc_frame_t *f = &facts->frame;

    if (!facts->located || f->ip.l4_offset >= f->ip.end || !classify(f->frame, f->ip.end, &f->ip, ex))
        return false;
    *from_lo = flow_key_init(key, f->frame, &f->ip, ex);
    return true;
}

bool rtt_learn(const wsc_facts_t *facts, rtt_sample_t *improved)
{
    const wsc_frame_t *f = &facts->frame;
    exchange_t ex;
    flow_key_t key;
    flow_t *flow;
    bool from_lo;

    if (flows == NULL || !facts->located || f->ip.l4_offset >= f->ip.end ||
        !classify(f->frame, f->ip.end, &f->ip, &ex) ||
        ex.role == ROLE_NONE)
        return false;                   /* most packets: neither a request nor an answer */
    from_lo = flow_key_init(&key, f->frame, &f->ip, &ex);
    flow = (flow_t *)wmem_map_lookup(flows, &key);
    if (ex.role == ROLE_REQUEST) {
        if (flow == NULL)
            flow = flow_new(&key);
        if (flow != NULL)
            note_request(flow, &ex, from_lo, facts->num, facts->ts_ns);
        return false;
    }
    return flow != NULL && note_answer(flow, &ex, from_lo, facts->num, facts->ts_ns, improved);
}

bool rtt_of_conversation(const wsc_facts_t *facts, rtt_sample_t *out)
{
    exchange_t ex;
    flow_key_t key;
    const flow_t *flow;
    const history_entry_t *e;
    bool from_lo;

    if (flows == NULL || !packet_exchange(facts, &ex, &key, &from_lo))
        return false;
    flow = (const flow_t *)wmem_map_lookup(flows, &key);
    e = flow ? history_at(&flow->samples, facts->num) : NULL;
    if (e == NULL)
        return false;
    sample_of(flow, e, out);
    return true;
}
