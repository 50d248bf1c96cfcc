/* mediated.c: flows between local devices and remote hosts, and the
 * relations between devices that they reveal.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/wmem_scopes.h>

#include "mediated.h"

#define MAX_FLOWS           200000
#define MAX_ENDPOINT_FLOWS  8           /* devices tracked per remote address and port */
#define MAX_RELATIONS       1000
#define MAX_BURSTS          16          /* recent burst starts kept per provider */
#define QUIET_NS            INT64_C(1000000000)     /* a burst or push starts after 1 s of silence */
#define RELAY_MIN_PACKETS   10
#define RELAY_SHARE         0.7         /* the sender sends, the receiver receives, at least this share */
#define SETTLE_EVERY        256         /* packets between weighings of relay candidates */
#define RELABEL_EVERY       64          /* packets between asking the cloud plugin again */

typedef struct {
    device_t  *device;
    wsc_addr_t remote;
    uint16_t   port;
    uint8_t    proto;
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
    bool        final_label;            /* relabelled on a later pass */
};

struct endpoint {
    wsc_addr_t remote;                  /* key: remote, port, proto */
    uint16_t   port;
    uint8_t    proto;
    flow_t    *flows[MAX_ENDPOINT_FLOWS];
    unsigned   n_flows;
    bool       dirty;
    const char *name;                   /* "54.194.162.98:2048" */
};

/* What a device did last towards a provider. */
typedef struct {
    device_t   *device;                 /* key: device, via */
    const char *via;
    int64_t     last_out_ns;
    int64_t     last_in_ns;
    unsigned    bursts;                 /* device-initiated bursts towards the provider */
} activity_t;

typedef struct {
    device_t *device;
    wsc_addr_t addr;
    int64_t   ts_ns;
} burst_t;

typedef struct {
    burst_t  ring[MAX_BURSTS];
    unsigned next;
    unsigned n;
} bursts_t;

typedef struct {
    device_t   *a;                      /* key: a (bursts), b (pushed), via */
    device_t   *b;
    const char *via;
    unsigned    events;
    relation_t *relation;
} pair_t;

static wmem_map_t *flows;               /* flow_key_t -> flow_t */
static wmem_map_t *endpoints;           /* endpoint key -> endpoint_t */
static wmem_map_t *activities;          /* (device, via) -> activity_t */
static wmem_map_t *bursts_by_via;       /* via -> bursts_t */
static wmem_map_t *pairs;               /* (a, b, via) -> pair_t */
static wmem_map_t *direct_pairs;        /* (lower, higher device) -> non-NULL */
static wmem_map_t *via_names;           /* interned remote-address texts */
static GPtrArray  *dirty_endpoints;
static relation_t *relations[MAX_RELATIONS];
static unsigned    n_relations, version, packets_seen;
static int64_t     window_ns = 2 * INT64_C(1000000000);
static unsigned    min_events = 2;

static guint bytes_hash(gconstpointer key, size_t len) { return wmem_strong_hash(key, len); }
static guint flow_hash(gconstpointer k) { return bytes_hash(k, sizeof(flow_key_t)); }
static gboolean flow_equal(gconstpointer a, gconstpointer b) { return memcmp(a, b, sizeof(flow_key_t)) == 0; }
static guint endpoint_hash(gconstpointer k) { return bytes_hash(k, offsetof(endpoint_t, flows)); }
static gboolean endpoint_equal(gconstpointer a, gconstpointer b) { return memcmp(a, b, offsetof(endpoint_t, flows)) == 0; }
static guint activity_hash(gconstpointer k) { return bytes_hash(k, offsetof(activity_t, last_out_ns)); }
static gboolean activity_equal(gconstpointer a, gconstpointer b) { return memcmp(a, b, offsetof(activity_t, last_out_ns)) == 0; }
static guint pair_hash(gconstpointer k) { return bytes_hash(k, offsetof(pair_t, events)); }
static gboolean pair_equal(gconstpointer a, gconstpointer b) { return memcmp(a, b, offsetof(pair_t, events)) == 0; }
static guint direct_hash(gconstpointer k) { return bytes_hash(k, 2 * sizeof(device_t *)); }
static gboolean direct_equal(gconstpointer a, gconstpointer b) { return memcmp(a, b, 2 * sizeof(device_t *)) == 0; }

void mediated_reset(double window_seconds, unsigned events)
{
    wmem_allocator_t *file = wmem_file_scope();

    flows = wmem_map_new(file, flow_hash, flow_equal);
    endpoints = wmem_map_new(file, endpoint_hash, endpoint_equal);
    activities = wmem_map_new(file, activity_hash, activity_equal);
    bursts_by_via = wmem_map_new(file, g_direct_hash, g_direct_equal);
    pairs = wmem_map_new(file, pair_hash, pair_equal);
    direct_pairs = wmem_map_new(file, direct_hash, direct_equal);
    via_names = wmem_map_new(file, g_str_hash, g_str_equal);
    if (dirty_endpoints == NULL)
        dirty_endpoints = g_ptr_array_new();
    g_ptr_array_set_size(dirty_endpoints, 0);
    n_relations = packets_seen = 0;
    version++;
    window_ns = (int64_t)(window_seconds * 1e9);
    min_events = MAX(events, 1);
}

unsigned mediated_version(void) { return version; }
unsigned mediated_count(void) { return n_relations; }
const relation_t *mediated_relation(unsigned index) { return index < n_relations ? relations[index] : NULL; }
const remote_info_t *mediated_flow_remote(const flow_t *flow) { return &flow->remote_info; }

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

static void relabel(flow_t *flow, remote_lookup_fn lookup, void *ctx);

flow_t *mediated_flow(const mediated_packet_t *p, remote_lookup_fn lookup, void *ctx)
{
    flow_key_t key;
    flow_t *flow;

    if (flows == NULL || p->peer_device != NULL)
        return NULL;
    flow_key_init(&key, p);
    flow = wmem_map_lookup(flows, &key);
    if (flow != NULL && !flow->final_label) {
        const char *via = flow->via;
        relabel(flow, lookup, ctx);
        flow->via = via;                    /* relations were keyed by it */
        flow->final_label = true;
    }
    return flow;
}

static endpoint_t *endpoint_of(const mediated_packet_t *p)
{
    endpoint_t probe, *endpoint;
    char addr[WSC_ADDR_STRLEN];

    memset(&probe, 0, sizeof(probe));
    probe.remote = p->remote;
    probe.port = p->remote_port;
    probe.proto = p->ipproto;
    endpoint = wmem_map_lookup(endpoints, &probe);
    if (endpoint == NULL) {
        endpoint = wmem_new(wmem_file_scope(), endpoint_t);
        *endpoint = probe;
        wsc_addr_to_str(&p->remote, addr);
        endpoint->name = wmem_strdup_printf(wmem_file_scope(), p->remote.family == 6 ? "[%s]:%u" : "%s:%u",
                                            addr, p->remote_port);
        wmem_map_insert(endpoints, endpoint, endpoint);
    }
    return endpoint;
}

static void relabel(flow_t *flow, remote_lookup_fn lookup, void *ctx)
{
    char addr[WSC_ADDR_STRLEN];

    if (lookup != NULL)
        lookup(ctx, &flow->key.remote, &flow->remote_info);
    if (flow->remote_info.cloud.provider != NULL) {
        flow->via = flow->remote_info.cloud.provider;   /* interned by the cloud plugin */
    } else {
        wsc_addr_to_str(&flow->key.remote, addr);
        flow->via = intern(addr);
    }
}

static flow_t *flow_new(const mediated_packet_t *p)
{
    flow_t *flow;
    endpoint_t *endpoint;

    if (wmem_map_size(flows) >= MAX_FLOWS)
        return NULL;
    flow = wmem_new0(wmem_file_scope(), flow_t);
    flow_key_init(&flow->key, p);
    flow->device_addr = p->device_addr;
    flow->first_ns = p->ts_ns;
    wmem_map_insert(flows, &flow->key, flow);
    endpoint = endpoint_of(p);
    if (endpoint->n_flows < MAX_ENDPOINT_FLOWS) {
        endpoint->flows[endpoint->n_flows++] = flow;
        flow->endpoint = endpoint;
    }
    return flow;
}

/* --- relations ------------------------------------------------------------ */

static bool talks_directly(device_t *a, device_t *b)
{
    device_t *key[2] = { MIN(a, b), MAX(a, b) };

    return wmem_map_lookup(direct_pairs, key) != NULL;
}

static relation_t *relation_new(mediated_kind_t kind, const flow_t *from, const flow_t *to, const char *via)
{
    relation_t *r;

    if (n_relations == MAX_RELATIONS)
        return NULL;
    r = wmem_new0(wmem_file_scope(), relation_t);
    r->kind = kind;
    r->from = from->key.device;
    r->to = to->key.device;
    r->from_addr = from->device_addr;
    r->to_addr = to->device_addr;
    r->via = via;
    r->direct = talks_directly(r->from, r->to);
    relations[n_relations++] = r;
    return r;
}

static relation_t *find_relation(mediated_kind_t kind, device_t *from, device_t *to, const char *via)
{
    for (unsigned i = 0; i < n_relations; i++) {
        relation_t *r = relations[i];
        if (r->kind == kind && r->from == from && r->to == to && r->via == via)
            return r;
    }
    return NULL;
}

static void note_direct(device_t *a, device_t *b)
{
    device_t **key;

    if (a == NULL || b == NULL || a == b || talks_directly(a, b))
        return;
    key = wmem_alloc(wmem_file_scope(), 2 * sizeof(device_t *));
    key[0] = MIN(a, b);
    key[1] = MAX(a, b);
    wmem_map_insert(direct_pairs, key, key);
    for (unsigned i = 0; i < n_relations; i++)
        if ((relations[i]->from == a && relations[i]->to == b) || (relations[i]->from == b && relations[i]->to == a)) {
            relations[i]->direct = true;
            version++;
        }
}

static double share(uint64_t part, uint64_t whole)
{
    return whole ? (double)part / (double)whole : 0.0;
}

static bool overlap(const flow_t *x, const flow_t *y)
{
    return x->first_ns <= y->last_ns && y->first_ns <= x->last_ns;
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
            if (i == j || x->key.device == y->key.device || x->packets < RELAY_MIN_PACKETS ||
                y->packets < RELAY_MIN_PACKETS || !overlap(x, y) ||
                share(x->bytes_out, x->bytes_out + x->bytes_in) < RELAY_SHARE ||
                share(y->bytes_in, y->bytes_out + y->bytes_in) < RELAY_SHARE)
                continue;
            r = find_relation(MEDIATED_RELAY, x->key.device, y->key.device, endpoint->name);
            if (r == NULL && (r = relation_new(MEDIATED_RELAY, x, y, endpoint->name)) == NULL)
                return;
            if (r->events != x->packets + y->packets) {
                r->events = x->packets + y->packets;
                version++;
            }
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
}

static activity_t *activity_of(device_t *device, const char *via)
{
    activity_t probe, *activity;

    memset(&probe, 0, sizeof(probe));
    probe.device = device;
    probe.via = via;
    activity = wmem_map_lookup(activities, &probe);
    if (activity == NULL) {
        activity = wmem_new(wmem_file_scope(), activity_t);
        *activity = probe;
        activity->last_out_ns = activity->last_in_ns = INT64_MIN / 2;
        wmem_map_insert(activities, activity, activity);
    }
    return activity;
}

static bursts_t *bursts_of(const char *via)
{
    bursts_t *bursts = wmem_map_lookup(bursts_by_via, via);

    if (bursts == NULL) {
        bursts = wmem_new0(wmem_file_scope(), bursts_t);
        wmem_map_insert(bursts_by_via, (void *)via, bursts);
    }
    return bursts;
}

static pair_t *pair_of(device_t *a, device_t *b, const char *via)
{
    pair_t probe, *pair;

    memset(&probe, 0, sizeof(probe));
    probe.a = a;
    probe.b = b;
    probe.via = via;
    pair = wmem_map_lookup(pairs, &probe);
    if (pair == NULL) {
        pair = wmem_new(wmem_file_scope(), pair_t);
        *pair = probe;
        wmem_map_insert(pairs, pair, pair);
    }
    return pair;
}

static activity_t *activity_of(device_t *device, const char *via);

/* A push to `flow`'s device: which other devices' bursts came just before?
 * A pair counts when at least half of the first device's bursts were followed
 * by a push, so two devices that are merely busy with the same provider
 * rarely qualify by chance. */
static void credit_push(const flow_t *flow, int64_t ts_ns)
{
    bursts_t *bursts = bursts_of(flow->via);

    for (unsigned i = 0; i < bursts->n; i++) {
        const burst_t *burst = &bursts->ring[i];
        pair_t *pair;
        if (burst->device == flow->key.device || ts_ns - burst->ts_ns < 0 || ts_ns - burst->ts_ns > window_ns)
            continue;
        pair = pair_of(burst->device, flow->key.device, flow->via);
        pair->events++;
        if (pair->events >= min_events && 2 * pair->events >= activity_of(burst->device, flow->via)->bursts) {
            if (pair->relation == NULL) {
                flow_t from = { .key.device = burst->device, .device_addr = burst->addr };
                pair->relation = relation_new(MEDIATED_CORRELATED, &from, flow, flow->via);
            }
            if (pair->relation != NULL) {
                pair->relation->events = pair->events;
                version++;
            }
        }
    }
}

static void note_activity(const flow_t *flow, const mediated_packet_t *p)
{
    activity_t *activity = activity_of(p->device, flow->via);
    bursts_t *bursts;

    if (p->outbound) {
        if (p->ts_ns - activity->last_out_ns > QUIET_NS) {      /* the device starts talking */
            activity->bursts++;
            bursts = bursts_of(flow->via);
            bursts->ring[bursts->next] = (burst_t){ p->device, p->device_addr, p->ts_ns };
            bursts->next = (bursts->next + 1) % MAX_BURSTS;
            bursts->n = MIN(bursts->n + 1, MAX_BURSTS);
        }
        activity->last_out_ns = p->ts_ns;
    } else {
        if (p->ts_ns - activity->last_in_ns > QUIET_NS && p->ts_ns - activity->last_out_ns > QUIET_NS)
            credit_push(flow, p->ts_ns);                        /* the cloud starts talking */
        activity->last_in_ns = p->ts_ns;
    }
}

flow_t *mediated_observe(const mediated_packet_t *p, remote_lookup_fn lookup, void *ctx)
{
    flow_key_t key;
    flow_t *flow;

    if (flows == NULL || p->device == NULL)
        return NULL;
    if (p->peer_device != NULL) {
        note_direct(p->device, p->peer_device);
        return NULL;                        /* LAN traffic: not a flow to the cloud */
    }
    flow_key_init(&key, p);
    flow = wmem_map_lookup(flows, &key);
    if (flow == NULL && (flow = flow_new(p)) == NULL)
        return NULL;
    if (flow->packets % RELABEL_EVERY == 0)
        relabel(flow, lookup, ctx);         /* names learned later change the label */
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
    note_activity(flow, p);
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
        if (involved && same_way && !r->direct)
            out[n++] = r;
    }
    return n;
}
