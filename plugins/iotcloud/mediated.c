/* mediated.c: flows between local devices and remote hosts, and the
 * relations between devices that they reveal.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/wmem_scopes.h>

#include "core/budget.h"
#include "core/hash.h"
#include "correlate.h"
#include "mediated.h"

#define MAX_FLOWS           200000      /* at most; the memory budget may allow fewer */
#define MAX_ENDPOINT_FLOWS  8           /* devices tracked per remote address and port */
#define MAX_RELATIONS       1000
#define RELAY_MIN_PACKETS   10
#define RELAY_SHARE         0.7         /* the sender sends, the receiver receives, at least this share */
#define SETTLE_EVERY        256         /* packets between weighings of relay candidates */
#define RELABEL_EVERY       64          /* packets between asking the cloud protocol again */
#define LAST_FRAME          UINT32_MAX  /* "as known at the end of the capture" */

typedef struct {
    wsc_addr_t  remote;                 /* 17 bytes, then the rest packed: no padding inside */
    uint8_t     proto;
    uint16_t    port;
    device_id_t device;
} flow_key_t;

typedef struct endpoint endpoint_t;

struct flow {
    flow_key_t  key;                    /* first: the map's key points here */
    wsc_addr_t  device_addr;
    endpoint_t *endpoint;
    uint64_t    bytes_out;
    uint64_t    bytes_in;
    uint32_t    packets;
    int64_t     first_ns;
    int64_t     last_ns;
    remote_info_t remote_info;
    const char *via;                    /* the provider, else the remote address */
    uint32_t    via_id;                 /* the correlator's id of `via` */
    uint32_t    endpoint_id;            /* the correlator's id of the remote end */
    bool        final_label;            /* relabelled on a later pass */
};

typedef struct {
    wsc_addr_t remote;
    uint8_t    proto;
    uint16_t   port;
} endpoint_key_t;

struct endpoint {
    endpoint_key_t key;                 /* first: the map's key points here */
    uint32_t   id;
    flow_t    *flows[MAX_ENDPOINT_FLOWS];
    unsigned   n_flows;
    bool       dirty;
    const char *name;                   /* "54.194.162.98:2048": endpoint_name(), NULL until a relation names it */
};

/* Two devices that talk on the LAN, lower id first. */
typedef struct {
    device_id_t lo;
    device_id_t hi;
} lan_key_t;

typedef struct {
    lan_key_t key;
    unsigned  packets;                  /* control packets (not discovery) */
    uint8_t   directions;               /* UDP: bit 0 lo -> hi, bit 1 hi -> lo */
    bool      control;                  /* TCP, or UDP both ways: they talk directly */
    bool      related;                  /* a relation links the two: keep its count current */
} lan_pair_t;

static wmem_map_t *flows;               /* flow_key_t -> flow_t */
static wmem_map_t *endpoints;           /* endpoint_key_t -> endpoint_t */
static correlator_t *correlator;        /* correlated pairs, against chance (correlate.h) */
static unsigned    decided_version;     /* correlator_version() when relations were last rebuilt */
static wmem_map_t *via_ids;             /* interned via -> GUINT_TO_POINTER(id) */
static GPtrArray  *vias;                /* id - 1 -> via */
static uint32_t    n_endpoints;
static wmem_map_t *lan_pairs;           /* lan_key_t -> lan_pair_t */
static wmem_map_t *via_names;           /* interned remote-address texts */
static GPtrArray  *dirty_endpoints;
/* Relations in the order of their last change, newest last: a statistic
 * catches up by walking back from the newest to the last one it drew. */
static relation_t *oldest_change, *newest_change;
static uint64_t    change_clock;
static relation_t *relations[MAX_RELATIONS];
static unsigned    n_relations, packets_seen;
static flow_t     *last_flow;           /* consecutive packets are mostly of one flow */
/* Caps from the memory budget (core/budget.h): flows and LAN pairs refuse
 * new entries past theirs (relations and tap records keep pointers into
 * them). The correlator bounds its own tables (correlate.h). */
static unsigned    max_flows, max_lan_pairs;

#define KEY_HASH(type) \
    static guint type##_hash(gconstpointer k) { return wsc_hash_bytes(k, sizeof(type##_t)); } \
    static gboolean type##_equal(gconstpointer a, gconstpointer b) { return memcmp(a, b, sizeof(type##_t)) == 0; }
KEY_HASH(flow_key)
KEY_HASH(endpoint_key)
KEY_HASH(lan_key)

void mediated_reset(const mediated_params_t *params)
{
    wmem_allocator_t *file = wmem_file_scope();
    correlator_params_t cp;

    flows = wmem_map_new(file, flow_key_hash, flow_key_equal);
    endpoints = wmem_map_new(file, endpoint_key_hash, endpoint_key_equal);
    lan_pairs = wmem_map_new(file, lan_key_hash, lan_key_equal);
    via_ids = wmem_map_new(file, g_direct_hash, g_direct_equal);
    if (vias == NULL)
        vias = g_ptr_array_new();
    g_ptr_array_set_size(vias, 0);
    n_endpoints = 0;
    correlator_free(correlator);
    correlator_params_default(&cp);
    cp.window_s = params->window_seconds;
    cp.min_events = MAX(params->min_events, 1);
    cp.alpha = params->alpha;
    correlator = correlator_new(&cp);
    decided_version = 0;
    via_names = wmem_map_new(file, g_str_hash, g_str_equal);
    if (dirty_endpoints == NULL)
        dirty_endpoints = g_ptr_array_new();
    g_ptr_array_set_size(dirty_endpoints, 0);
    oldest_change = newest_change = NULL;
    change_clock = 0;
    n_relations = packets_seen = 0;
    last_flow = NULL;
    max_flows = MIN(MAX_FLOWS, wsc_budget_entries(WSC_SHARE_FLOWS, sizeof(flow_t) + sizeof(endpoint_t) +
                                                  3 * WSC_MAP_ENTRY_BYTES + 2 * WSC_ADDR_STRLEN, 1024));
    max_lan_pairs = wsc_budget_entries(WSC_SHARE_RELATIONS, 4 * (sizeof(lan_pair_t) + WSC_MAP_ENTRY_BYTES), 256);
}

unsigned mediated_count(void) { return n_relations; }
const relation_t *mediated_relation(unsigned index) { return index < n_relations ? relations[index] : NULL; }
const remote_info_t *mediated_flow_remote(const flow_t *flow) { return &flow->remote_info; }

static void unlink_change(relation_t *r)
{
    if (r->older != NULL || r->newer != NULL || r == oldest_change) {
        if (r->older != NULL)
            r->older->newer = r->newer;
        else
            oldest_change = r->newer;
        if (r->newer != NULL)
            r->newer->older = r->older;
        else
            newest_change = r->older;
    }
    r->older = r->newer = NULL;
}

/* Moves the relation to the newest end of the change list. */
static void changed(relation_t *r)
{
    r->stamp = ++change_clock;
    if (r == newest_change)
        return;
    unlink_change(r);
    r->older = newest_change;
    r->newer = NULL;
    if (newest_change != NULL)
        newest_change->newer = r;
    else
        oldest_change = r;
    newest_change = r;
}

uint64_t mediated_clock(void)
{
    return change_clock;
}

void mediated_changes_since(uint64_t since, void (*each)(void *ctx, const relation_t *r), void *ctx)
{
    for (const relation_t *r = newest_change; r != NULL && r->stamp > since; r = r->older)
        each(ctx, r);
}

static const char *intern(const char *text)
{
    char *copy = wmem_map_lookup(via_names, text);

    if (copy == NULL) {
        copy = wmem_strdup(wmem_file_scope(), text);
        wmem_map_insert(via_names, copy, copy);
    }
    return copy;
}

static void flow_key_init(flow_key_t *key, const mediated_packet_t *p)
{
    memset(key, 0, sizeof(*key));          /* padding takes part in hashing */
    key->device = p->device;
    key->remote = p->remote;
    key->port = p->remote_port;
    key->proto = p->ipproto;
}

/* What the cloud and delta_distance protocols say of the remote end, as
 * known at `frame`. */
static void relabel(flow_t *flow, uint32_t frame)
{
    char addr[WSC_ADDR_STRLEN];
    remote_info_t *info = &flow->remote_info;

    cloud_label_at(&flow->key.remote, frame, &info->cloud);
    info->located = delta_distance_geo_at(&flow->key.remote, frame, &info->geo);
    if (info->cloud.provider != NULL) {
        flow->via = info->cloud.provider;       /* interned by the cloud protocol */
    } else {
        wsc_addr_to_str(&flow->key.remote, addr);
        flow->via = intern(addr);
    }
}

/* The correlator knows providers by number. */
static uint32_t via_id(const char *via)
{
    uint32_t id = GPOINTER_TO_UINT(wmem_map_lookup(via_ids, via));

    if (id == 0) {
        g_ptr_array_add(vias, (gpointer)via);
        id = vias->len;
        wmem_map_insert(via_ids, (void *)via, GUINT_TO_POINTER(id));
    }
    return id;
}

static flow_t *find_flow(const mediated_packet_t *p)
{
    flow_key_t key;

    flow_key_init(&key, p);
    if (last_flow != NULL && memcmp(&last_flow->key, &key, sizeof(key)) == 0)
        return last_flow;
    return wmem_map_lookup(flows, &key);
}

flow_t *mediated_flow(const mediated_packet_t *p)
{
    flow_t *flow;

    if (flows == NULL || p->peer != 0)
        return NULL;
    flow = find_flow(p);
    if (flow != NULL && !flow->final_label) {
        const char *via = flow->via;
        relabel(flow, LAST_FRAME);
        flow->via = via;                    /* relations were keyed by it */
        flow->final_label = true;
    }
    return last_flow = flow;
}

static endpoint_t *endpoint_of(const mediated_packet_t *p)
{
    endpoint_key_t probe;
    endpoint_t *endpoint;

    memset(&probe, 0, sizeof(probe));
    probe.remote = p->remote;
    probe.port = p->remote_port;
    probe.proto = p->ipproto;
    endpoint = wmem_map_lookup(endpoints, &probe);
    if (endpoint == NULL) {
        endpoint = wmem_new0(wmem_file_scope(), endpoint_t);
        endpoint->key = probe;
        endpoint->id = ++n_endpoints;
        wmem_map_insert(endpoints, &endpoint->key, endpoint);
    }
    return endpoint;
}

/* "address:port", made when a relation first names the endpoint (most never
 * take part in one); relations compare it by pointer. */
static const char *endpoint_name(endpoint_t *endpoint)
{
    char addr[WSC_ADDR_STRLEN];

    if (endpoint->name == NULL) {
        wsc_addr_to_str(&endpoint->key.remote, addr);
        endpoint->name = wmem_strdup_printf(wmem_file_scope(),
                                            endpoint->key.remote.family == 6 ? "[%s]:%u" : "%s:%u",
                                            addr, endpoint->key.port);
    }
    return endpoint->name;
}

static flow_t *flow_new(const mediated_packet_t *p)
{
    flow_t *flow;
    endpoint_t *endpoint;

    if (wmem_map_size(flows) >= max_flows)
        return NULL;
    flow = wmem_new0(wmem_file_scope(), flow_t);
    flow_key_init(&flow->key, p);
    flow->device_addr = p->device_addr;
    flow->first_ns = p->ts_ns;
    wmem_map_insert(flows, &flow->key, flow);
    endpoint = endpoint_of(p);
    flow->endpoint_id = endpoint->id;
    if (endpoint->n_flows < MAX_ENDPOINT_FLOWS) {
        endpoint->flows[endpoint->n_flows++] = flow;
        flow->endpoint = endpoint;
    }
    return flow;
}

/* --- talking on the LAN ----------------------------------------------------- */

static lan_key_t lan_key(device_id_t a, device_id_t b)
{
    lan_key_t key = { MIN(a, b), MAX(a, b) };
    return key;
}

/* Ports of protocols that find devices rather than control them: a reply to
 * a search is no sign that two devices work together. */
static bool discovery_port(uint16_t port)
{
    switch (port) {
    case 67: case 68:                   /* DHCP */
    case 137: case 138:                 /* NetBIOS name and datagram */
    case 546: case 547:                 /* DHCPv6 */
    case 1900:                          /* SSDP */
    case 3702:                          /* WS-Discovery */
    case 5353:                          /* mDNS */
    case 5355:                          /* LLMNR */
        return true;
    default:
        return false;
    }
}

static void mark_relations_direct(const lan_pair_t *pair)
{
    for (unsigned i = 0; i < n_relations; i++) {
        relation_t *r = relations[i];
        if ((r->from == pair->key.lo && r->to == pair->key.hi) || (r->from == pair->key.hi && r->to == pair->key.lo)) {
            r->direct = true;
            r->direct_packets = pair->packets;
            changed(r);
        }
    }
}

static bool related(device_id_t a, device_id_t b)
{
    for (unsigned i = 0; i < n_relations; i++)
        if ((relations[i]->from == a && relations[i]->to == b) || (relations[i]->from == b && relations[i]->to == a))
            return true;
    return false;
}

/* A unicast packet between two local devices. */
static void note_lan(const mediated_packet_t *p)
{
    lan_key_t key = lan_key(p->device, p->peer);
    lan_pair_t *pair;
    bool lo_sends = p->device == key.lo;        /* the device is the sender on the LAN */

    if ((p->ipproto != 6 && p->ipproto != 17) || p->device == p->peer ||
        (p->ipproto == 17 && (discovery_port(p->remote_port) || discovery_port(p->device_port))))
        return;
    pair = wmem_map_lookup(lan_pairs, &key);
    if (pair == NULL) {
        if (wmem_map_size(lan_pairs) >= max_lan_pairs)
            return;
        pair = wmem_new0(wmem_file_scope(), lan_pair_t);
        pair->key = key;
        pair->related = related(key.lo, key.hi);
        wmem_map_insert(lan_pairs, &pair->key, pair);
    }
    pair->packets++;
    pair->directions |= lo_sends ? 1 : 2;
    if (!pair->control && (p->ipproto == 6 || pair->directions == 3))
        pair->control = true;
    if (pair->control && pair->related)
        mark_relations_direct(pair);
}

/* --- relations ------------------------------------------------------------ */

/* The table of relations is full: the one that changed longest ago makes
 * room (a flood of made-up relations must not keep a later real one out),
 * and is freed. Its pair may form it again. */
static void forget_oldest_relation(void)
{
    relation_t *victim = oldest_change;

    if (victim == NULL)
        return;
    unlink_change(victim);
    for (unsigned i = 0; i < n_relations; i++)
        if (relations[i] == victim)
            relations[i] = relations[--n_relations];
    wmem_free(wmem_file_scope(), victim);      /* a correlated pair still found comes back at the next decision */
}

static relation_t *relation_new(mediated_kind_t kind, device_id_t from, const wsc_addr_t *from_addr,
                                device_id_t to, const wsc_addr_t *to_addr, const char *via)
{
    lan_key_t key = lan_key(from, to);
    lan_pair_t *lan = wmem_map_lookup(lan_pairs, &key);
    relation_t *r;

    if (n_relations == MAX_RELATIONS)
        forget_oldest_relation();
    if (n_relations == MAX_RELATIONS)
        return NULL;
    if (lan != NULL)
        lan->related = true;
    r = wmem_new0(wmem_file_scope(), relation_t);
    r->kind = kind;
    r->from = from;
    r->to = to;
    r->from_addr = *from_addr;
    r->to_addr = *to_addr;
    r->via = via;
    r->direct = lan != NULL && lan->control;
    r->direct_packets = lan ? lan->packets : 0;
    relations[n_relations++] = r;
    return r;
}

static relation_t *find_relation(mediated_kind_t kind, device_id_t from, device_id_t to, const char *via)
{
    for (unsigned i = 0; i < n_relations; i++) {
        relation_t *r = relations[i];
        if (r->kind == kind && r->from == from && r->to == to && r->via == via)
            return r;
    }
    return NULL;
}

static double share(uint64_t part, uint64_t whole)
{
    return whole ? (double)part / (double)whole : 0.0;
}

static bool overlap(const flow_t *x, const flow_t *y)
{
    return x->first_ns <= y->last_ns && y->first_ns <= x->last_ns;
}

static bool relayed(const flow_t *x, const flow_t *y)
{
    return x->key.device != y->key.device && x->packets >= RELAY_MIN_PACKETS &&
           y->packets >= RELAY_MIN_PACKETS && overlap(x, y) &&
           share(x->bytes_out, x->bytes_out + x->bytes_in) >= RELAY_SHARE &&
           share(y->bytes_in, y->bytes_out + y->bytes_in) >= RELAY_SHARE;
}

/* Relay: same remote address and port, at the same time, one sending, one receiving. */
static void weigh_endpoint(endpoint_t *endpoint)
{
    endpoint->dirty = false;
    for (unsigned i = 0; i < endpoint->n_flows; i++) {
        const flow_t *x = endpoint->flows[i];
        for (unsigned j = 0; j < endpoint->n_flows; j++) {
            const flow_t *y = endpoint->flows[j];
            relation_t *r;
            if (i == j || !relayed(x, y))
                continue;
            r = find_relation(MEDIATED_RELAY, x->key.device, y->key.device, endpoint_name(endpoint));
            if (r == NULL && (r = relation_new(MEDIATED_RELAY, x->key.device, &x->device_addr, y->key.device,
                                               &y->device_addr, endpoint->name)) == NULL)
                return;
            if (r->events != x->packets + y->packets) {
                r->events = x->packets + y->packets;
                changed(r);
            }
        }
    }
}

/* A pair the correlator found: its relation, created or brought up to date. */
static void take_pair(void *ctx _U_, const correlator_pair_t *pair)
{
    const char *via = pair->provider >= 1 && pair->provider <= vias->len ? g_ptr_array_index(vias, pair->provider - 1) : NULL;
    wsc_addr_t from_addr, to_addr;
    relation_t *r;

    if (via == NULL || !devices_addr(devices_by_id(pair->a), &from_addr) ||
        !devices_addr(devices_by_id(pair->b), &to_addr))
        return;                             /* a device since recycled: nothing to name it by */
    r = find_relation(MEDIATED_CORRELATED, pair->a, pair->b, via);
    if (r == NULL && (r = relation_new(MEDIATED_CORRELATED, pair->a, &from_addr, pair->b, &to_addr, via)) == NULL)
        return;
    if (r->withdrawn || r->events != pair->events || r->score != pair->score) {
        r->withdrawn = false;
        r->events = pair->events;
        r->expected = pair->expected;
        r->score = pair->score;
        changed(r);
    }
    r->found = true;
}

/* The correlated pairs as the correlator decides with what it has seen;
 * pairs found before but not now are withdrawn. */
static void decide_correlated(bool final)
{
    if (correlator == NULL || (!final && correlator_version(correlator) == decided_version))
        return;
    decided_version = correlator_version(correlator);
    for (unsigned i = 0; i < n_relations; i++)
        relations[i]->found = false;
    correlator_pairs(correlator, take_pair, NULL);
    for (unsigned i = 0; i < n_relations; i++) {
        relation_t *r = relations[i];
        if (r->kind == MEDIATED_CORRELATED && !r->found && !r->withdrawn) {
            r->withdrawn = true;
            changed(r);
        }
    }
}

void mediated_settle(void)
{
    if (dirty_endpoints == NULL)
        return;
    for (guint i = 0; i < dirty_endpoints->len; i++)
        weigh_endpoint(g_ptr_array_index(dirty_endpoints, i));
    g_ptr_array_set_size(dirty_endpoints, 0);
    decide_correlated(false);
}

void mediated_finish(void)
{
    mediated_settle();
    decide_correlated(true);    /* later bursts and pushes change the odds without new events */
}

flow_t *mediated_observe(const mediated_packet_t *p)
{
    flow_t *flow;

    if (flows == NULL || p->device == 0)
        return NULL;
    if (p->peer != 0) {
        note_lan(p);
        return NULL;                        /* LAN traffic: not a flow to the cloud */
    }
    flow = find_flow(p);
    if (flow == NULL && (flow = flow_new(p)) == NULL)
        return NULL;
    last_flow = flow;
    if (flow->packets % RELABEL_EVERY == 0) {
        relabel(flow, p->frame);            /* names learned later change the label */
        flow->via_id = via_id(flow->via);
    }
    flow->packets++;
    flow->last_ns = p->ts_ns;
    if (p->outbound)
        flow->bytes_out += p->bytes;
    else
        flow->bytes_in += p->bytes;
    if (flow->endpoint != NULL && flow->endpoint->n_flows > 1 && !flow->endpoint->dirty) {
        flow->endpoint->dirty = true;
        g_ptr_array_add(dirty_endpoints, flow->endpoint);
    }
    if (correlator != NULL)
        correlator_packet(correlator, p->device, flow->via_id, flow->endpoint_id, p->outbound, p->bytes, p->ts_ns);
    if (++packets_seen % SETTLE_EVERY == 0)
        mediated_settle();
    return flow;
}

unsigned mediated_flow_relations(const flow_t *flow, const relation_t **out, unsigned max)
{
    unsigned n = 0;

    for (unsigned i = 0; i < n_relations && n < max; i++) {
        const relation_t *r = relations[i];
        bool involved = r->from == flow->key.device || r->to == flow->key.device;
        bool same_way = r->kind == MEDIATED_RELAY ? (flow->endpoint != NULL && r->via == flow->endpoint->name)
                                                  : r->via == flow->via;
        if (involved && same_way && !r->direct && !r->withdrawn)
            out[n++] = r;
    }
    return n;
}
