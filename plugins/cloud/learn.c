/* learn.c: name learning from DNS answers, TLS server names, HTTP Host.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <wsutil/inet_addr.h>

#include "core/dns_wire.h"
#include "core/local.h"
#include "hosts.h"
#include "learn.h"

#define MAX_RECORDS     64
#define MAX_CHAIN       8
#define DNS_PORT        53
#define IPPROTO_TCP_NUM 6
#define IPPROTO_UDP_NUM 17


/* One answer record: its owner name and what it points to. */
typedef struct {
    const char *owner;
    const char *cname;                      /* CNAME and PTR targets; NULL for A/AAAA */
    uint32_t    owner_hash;                 /* name_hash(): names are compared by hash first */
    uint32_t    cname_hash;
    wsc_addr_t  addr;                       /* A/AAAA records */
    bool        is_ptr;                     /* PTR: cname holds the name of the owner's address */
} record_t;

/* The answers of one message, in the frame's scratch memory. */
typedef struct {
    wmem_allocator_t *pool;
    record_t records[MAX_RECORDS];
    unsigned n;
} answers_t;

/* Where a chain ends: the names bound to an owner's addresses. */
typedef struct {
    const char   *owner;                    /* the chain's last name, the A record's owner */
    uint32_t      owner_hash;
    const char   *hostname;                 /* the name the client asked for (interned) */
    cloud_label_t label;                    /* the pattern match nearest the address */
} chain_t;

/* --- binding -------------------------------------------------------------- */

/* The provider of the chain's name nearest the address (chain[n - 1]). */
static void match_chain(const char *const *chain, unsigned n, const cloud_patterns_t *patterns, cloud_label_t *out)
{
    memset(out, 0, sizeof(*out));
    for (unsigned i = n; i-- > 0;) {
        const cloud_pattern_t *hit = cloud_patterns_match(patterns, chain[i]);
        if (hit != NULL) {
            out->provider = cloud_intern(hit->provider, strlen(hit->provider));
            out->service = cloud_intern(hit->pattern, strlen(hit->pattern));
            return;
        }
    }
}

static void bind_names(const wsc_addr_t *addr, uint32_t frame, const chain_t *chain)
{
    cloud_host_t *host;

    if (chain->hostname == NULL)
        return;                     /* the names' share of the budget is spent: nothing new is learned */
    host = cloud_hosts_entry(addr);
    if (host != NULL)
        cloud_host_bind_name(host, frame, chain->hostname, &chain->label);
}

/* --- DNS ------------------------------------------------------------------ */

/* A hash of a name that ignores case (FNV-1a): a message's names can share
 * hundreds of leading bytes, so they are compared by hash before by text. */
static uint32_t name_hash(const char *name)
{
    uint32_t h = 2166136261u;

    for (; *name != '\0'; name++)
        h = (h ^ (uint8_t)(*name >= 'A' && *name <= 'Z' ? *name + ('a' - 'A') : *name)) * 16777619u;
    return h;
}

static bool same_name(const char *a, uint32_t a_hash, const char *b, uint32_t b_hash)
{
    /* A name usually comes back in the same case: a plain comparison first. */
    return a_hash == b_hash && (strcmp(a, b) == 0 || g_ascii_strcasecmp(a, b) == 0);
}

static bool collect(void *ctx, const wsc_dns_record_t *rr)
{
    answers_t *answers = ctx;
    record_t *r;

    if (rr->section == WSC_DNS_QUESTION || rr->name[0] == '\0')
        return true;
    r = &answers->records[answers->n];
    memset(r, 0, sizeof(*r));
    switch (rr->type) {
    case WSC_DNS_A:
    case WSC_DNS_AAAA:
        if (rr->addr.family == 0)
            return true;
        r->addr = rr->addr;
        break;
    case WSC_DNS_CNAME:
    case WSC_DNS_PTR:
        if (rr->target[0] == '\0')
            return true;
        r->cname = wmem_strdup(answers->pool, rr->target);
        r->cname_hash = name_hash(r->cname);
        r->is_ptr = rr->type == WSC_DNS_PTR;
        break;
    default:
        return true;
    }
    r->owner = wmem_strdup(answers->pool, rr->name);
    r->owner_hash = name_hash(r->owner);
    return ++answers->n < MAX_RECORDS;
}

/* The CNAME record whose target is `name`, if any. */
static const record_t *alias_of(const answers_t *answers, const char *name, uint32_t hash)
{
    for (unsigned i = 0; i < answers->n; i++) {
        const record_t *r = &answers->records[i];
        if (!r->is_ptr && r->cname != NULL && same_name(r->cname, r->cname_hash, name, hash))
            return r;
    }
    return NULL;
}

static int hex_digit(char c)
{
    return g_ascii_isxdigit(c) ? g_ascii_xdigit_value(c) : -1;
}

/* "98.162.194.54.in-addr.arpa" or the 32-nibble ip6.arpa form -> address. */
static bool reverse_name_addr(const char *name, wsc_addr_t *out)
{
    char **labels = g_strsplit(name, ".", -1);
    guint n = g_strv_length(labels);
    bool ok = false;

    if (n == 6 && g_ascii_strcasecmp(labels[4], "in-addr") == 0 && g_ascii_strcasecmp(labels[5], "arpa") == 0) {
        uint8_t v4[4];
        ok = true;
        for (int i = 0; i < 4 && ok; i++) {
            char *end = NULL;
            guint64 octet = g_ascii_strtoull(labels[3 - i], &end, 10);
            ok = end != labels[3 - i] && *end == '\0' && octet <= 255;
            v4[i] = (uint8_t)octet;
        }
        ok = ok && wsc_addr_from_bytes(4, v4, out);
    } else if (n == 34 && g_ascii_strcasecmp(labels[32], "ip6") == 0 && g_ascii_strcasecmp(labels[33], "arpa") == 0) {
        uint8_t v6[16] = { 0 };
        ok = true;
        for (int i = 0; i < 32 && ok; i++) {
            int nibble = strlen(labels[i]) == 1 ? hex_digit(labels[i][0]) : -1;
            ok = nibble >= 0;
            v6[15 - i / 2] |= (uint8_t)(i % 2 ? nibble << 4 : nibble);
        }
        ok = ok && wsc_addr_from_bytes(6, v6, out);
    }
    g_strfreev(labels);
    return ok;
}

/* Walks back from an A record's owner to the name the client asked for,
 * stopping at the first name already on the chain (a CNAME loop). */
static void walk_chain(const answers_t *answers, const record_t *address, const cloud_patterns_t *patterns,
                       chain_t *out)
{
    const char *chain[MAX_CHAIN];
    uint32_t hashes[MAX_CHAIN];
    unsigned n = 1;

    chain[MAX_CHAIN - 1] = address->owner;
    hashes[MAX_CHAIN - 1] = address->owner_hash;
    for (const record_t *alias = alias_of(answers, address->owner, address->owner_hash);
         alias != NULL && n < MAX_CHAIN; alias = alias_of(answers, alias->owner, alias->owner_hash)) {
        bool repeated = false;
        for (unsigned i = MAX_CHAIN - n; i < MAX_CHAIN && !repeated; i++)
            repeated = same_name(chain[i], hashes[i], alias->owner, alias->owner_hash);
        if (repeated)
            break;
        n++;
        chain[MAX_CHAIN - n] = alias->owner;
        hashes[MAX_CHAIN - n] = alias->owner_hash;
    }
    out->owner = address->owner;
    out->owner_hash = address->owner_hash;
    out->hostname = cloud_intern_name(chain[MAX_CHAIN - n]);
    if (out->hostname != NULL)      /* else nothing is bound: spare the matching */
        match_chain(&chain[MAX_CHAIN - n], n, patterns, &out->label);
    else
        memset(&out->label, 0, sizeof(out->label));
}

static void learn_ptr(const record_t *r, uint32_t frame, const cloud_patterns_t *patterns)
{
    wsc_addr_t reversed;
    chain_t chain;

    if (!reverse_name_addr(r->owner, &reversed) || !wsc_is_remote_host(&reversed))
        return;                     /* ec2-54-194-162-98.eu-west-1.compute.amazonaws.com */
    chain.hostname = cloud_intern_name(r->cname);
    match_chain(&r->cname, 1, patterns, &chain.label);
    bind_names(&reversed, frame, &chain);
}

static void learn_dns(const uint8_t *msg, size_t len, uint32_t frame, wmem_allocator_t *pool,
                      const cloud_patterns_t *patterns)
{
    answers_t answers = { .pool = pool, .n = 0 };
    wsc_dns_header_t header;
    chain_t chain = { .owner = NULL };

    if (!wsc_dns_parse(msg, len, 4 * MAX_RECORDS, &header, collect, &answers) || !header.response)
        return;
    for (unsigned i = 0; i < answers.n; i++) {
        const record_t *r = &answers.records[i];
        if (r->is_ptr) {
            learn_ptr(r, frame, patterns);
            continue;
        }
        if (r->cname != NULL || !wsc_is_remote_host(&r->addr))
            continue;
        if (chain.owner == NULL || !same_name(chain.owner, chain.owner_hash, r->owner, r->owner_hash))
            walk_chain(&answers, r, patterns, &chain);          /* once per owner, not per address */
        bind_names(&r->addr, frame, &chain);
    }
}

/* --- TLS and HTTP --------------------------------------------------------- */

/* "example.com:8080" -> "example.com"; IP literals are not names. */
static bool host_header_name(const char *host, char *out, size_t size)
{
    size_t len;
    ws_in4_addr v4;

    if (host[0] == '\0' || host[0] == '[')
        return false;
    len = strcspn(host, ":");
    if (len == 0 || len >= size)
        return false;
    memcpy(out, host, len);
    out[len] = '\0';
    return !ws_inet_pton4(out, &v4);
}

static void learn_server_name(const wsc_addr_t *server, uint32_t frame, const char *name,
                              const cloud_patterns_t *patterns)
{
    chain_t chain;

    chain.hostname = cloud_intern_name(name);
    match_chain(&name, 1, patterns, &chain.label);
    bind_names(server, frame, &chain);
}

/* What the client says of the server it reaches: TLS server name, HTTP Host. */
static void learn_from_client(wsc_facts_t *facts, proto_tree *tree, const cloud_patterns_t *patterns)
{
    char name[WSC_HTTP_VALUE];
    const char *sni = wsc_facts_server_name(facts, tree);
    const wsc_http_t *http;

    if (sni != NULL) {
        learn_server_name(&facts->dst, facts->num, sni, patterns);
        return;
    }
    if (!wsc_facts_tcp(facts))
        return;
    http = wsc_facts_http(facts);
    if (http != NULL && http->kind == WSC_HTTP_REQUEST && host_header_name(http->host, name, sizeof(name)))
        learn_server_name(&facts->dst, facts->num, name, patterns);
}

void cloud_learn(wsc_facts_t *facts, proto_tree *tree, const cloud_patterns_t *patterns)
{
    const wsc_frame_t *f = &facts->frame;

    if (!wsc_facts_has_payload(facts))
        return;
    if (f->sport == DNS_PORT) {
        const uint8_t *msg;
        size_t msg_len;
        if (f->ip.ipproto == IPPROTO_UDP_NUM)
            learn_dns(f->payload, f->payload_len, facts->num, facts->pinfo->pool, patterns);
        else if (f->ip.ipproto == IPPROTO_TCP_NUM && wsc_dns_tcp_message(f->payload, f->payload_len, &msg, &msg_len))
            learn_dns(msg, msg_len, facts->num, facts->pinfo->pool, patterns);     /* whole messages only */
        return;
    }
    if (facts->dst_local || facts->dst_group)
        return;
    learn_from_client(facts, tree, patterns);
}
