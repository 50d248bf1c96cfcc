/* learn.c: name learning from DNS answers, TLS server names, HTTP Host.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <wsutil/inet_addr.h>

#include "core/fields.h"
#include "hosts.h"
#include "learn.h"

#define MAX_RECORDS     64
#define MAX_CHAIN       8
#define MAX_NAME        255

enum {
    F_DNS_RESP_NAME, F_DNS_CNAME, F_DNS_A, F_DNS_AAAA, F_DNS_PTR,
    F_TLS_SNI, F_HTTP_HOST,
    N_FIELDS
};

static wsc_field_t fields[N_FIELDS] = {
    [F_DNS_RESP_NAME] = { "dns.resp.name", -1 },
    [F_DNS_CNAME]     = { "dns.cname", -1 },
    [F_DNS_A]         = { "dns.a", -1 },
    [F_DNS_AAAA]      = { "dns.aaaa", -1 },
    [F_DNS_PTR]       = { "dns.ptr.domain_name", -1 },
    [F_TLS_SNI]       = { "tls.handshake.extensions_server_name", -1 },
    [F_HTTP_HOST]     = { "http.host", -1 },
};

/* One answer record: its owner name and what it points to. */
typedef struct {
    const char *owner;
    const char *cname;          /* CNAME records */
    wsc_addr_t  addr;           /* A/AAAA records (cname == NULL) */
} record_t;

typedef struct {
    record_t records[MAX_RECORDS];
    unsigned n;
} answers_t;

void cloud_learn_resolve_fields(void)
{
    wsc_fields_resolve(fields, N_FIELDS, "cloud");
}

void cloud_learn_want_fields(dissector_handle_t handle, bool want)
{
    wsc_fields_want(handle, fields, want ? N_FIELDS : 0);
}

static bool usable_name(const char *name)
{
    return name != NULL && *name != '\0' && strlen(name) <= MAX_NAME;
}

/* The owner of a record is the last resp.name item that starts at or before
 * the record's data, in the same DNS message. */
static const char *owner_of(GPtrArray *names, const field_info *data)
{
    const field_info *owner = NULL;
    guint lo = 0, hi = names->len;

    while (lo < hi) {       /* names are in tree order, which is offset order */
        guint mid = (lo + hi) / 2;
        const field_info *fi = g_ptr_array_index(names, mid);
        if (fi->start <= data->start) {
            owner = fi;
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (owner == NULL || owner->ds_tvb != data->ds_tvb)
        return NULL;
    return wsc_finfo_string((field_info *)owner);
}

static void collect(answers_t *answers, GPtrArray *names, GPtrArray *data, bool is_cname)
{
    for (guint i = 0; data != NULL && i < data->len && answers->n < MAX_RECORDS; i++) {
        field_info *fi = g_ptr_array_index(data, i);
        record_t *r = &answers->records[answers->n];
        r->owner = owner_of(names, fi);
        if (!usable_name(r->owner))
            continue;
        if (is_cname) {
            r->cname = wsc_finfo_string(fi);
            if (!usable_name(r->cname))
                continue;
        } else {
            r->cname = NULL;
            if (!wsc_finfo_addr(fi, &r->addr))
                continue;
        }
        answers->n++;
    }
}

/* The record whose CNAME target is `name`, if any. */
static const record_t *alias_of(const answers_t *answers, const char *name)
{
    for (unsigned i = 0; i < answers->n; i++) {
        const record_t *r = &answers->records[i];
        if (r->cname != NULL && g_ascii_strcasecmp(r->cname, name) == 0)
            return r;
    }
    return NULL;
}

static void bind_name(const wsc_addr_t *addr, const char *const *chain, unsigned n,
                      const cloud_patterns_t *patterns)
{
    cloud_host_t *host = cloud_hosts_entry(addr);

    if (host == NULL)
        return;
    host->hostname = cloud_intern(chain[0], strlen(chain[0]));
    for (unsigned i = n; i-- > 0;) {    /* nearest the address first */
        const cloud_pattern_t *hit = cloud_patterns_match(patterns, chain[i]);
        if (hit != NULL) {
            host->name.provider = cloud_intern(hit->provider, strlen(hit->provider));
            host->name.service = cloud_intern(hit->pattern, strlen(hit->pattern));
            host->name.region = NULL;
            return;
        }
    }
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

/* Reverse lookups name the address itself: ec2-54-194-162-98.eu-west-1.compute.amazonaws.com. */
static void learn_ptr(GPtrArray *names, GPtrArray *ptrs, const cloud_patterns_t *patterns,
                      bool (*is_local)(const wsc_addr_t *))
{
    for (guint i = 0; ptrs != NULL && i < ptrs->len && i < MAX_RECORDS; i++) {
        field_info *fi = g_ptr_array_index(ptrs, i);
        const char *owner = owner_of(names, fi);
        const char *target = wsc_finfo_string(fi);
        wsc_addr_t addr;

        if (usable_name(owner) && usable_name(target) && reverse_name_addr(owner, &addr) &&
            !is_local(&addr) && !wsc_addr_is_group(&addr))
            bind_name(&addr, &target, 1, patterns);
    }
}

static void learn_dns(proto_tree *tree, const cloud_patterns_t *patterns, bool (*is_local)(const wsc_addr_t *))
{
    GPtrArray *names = wsc_field_all(tree, &fields[F_DNS_RESP_NAME]);
    answers_t answers;

    if (names == NULL)
        return;
    learn_ptr(names, wsc_field_all(tree, &fields[F_DNS_PTR]), patterns, is_local);
    answers.n = 0;
    collect(&answers, names, wsc_field_all(tree, &fields[F_DNS_CNAME]), true);
    collect(&answers, names, wsc_field_all(tree, &fields[F_DNS_A]), false);
    collect(&answers, names, wsc_field_all(tree, &fields[F_DNS_AAAA]), false);
    for (unsigned i = 0; i < answers.n; i++) {
        const record_t *r = &answers.records[i];
        const char *chain[MAX_CHAIN];
        unsigned n = 1;

        if (r->cname != NULL || is_local(&r->addr) || wsc_addr_is_group(&r->addr))
            continue;
        /* Walk back from the address's owner to the name the client asked for. */
        chain[MAX_CHAIN - 1] = r->owner;
        for (const record_t *alias = alias_of(&answers, r->owner); alias != NULL && n < MAX_CHAIN;
             alias = alias_of(&answers, alias->owner))
            chain[MAX_CHAIN - ++n] = alias->owner;
        bind_name(&r->addr, &chain[MAX_CHAIN - n], n, patterns);
    }
}

/* "example.com:8080" -> "example.com"; IP literals are not names. */
static bool host_header_name(const char *host, char out[MAX_NAME + 1])
{
    size_t len;
    ws_in4_addr v4;

    if (!usable_name(host) || host[0] == '[')
        return false;
    len = strcspn(host, ":");
    memcpy(out, host, len);
    out[len] = '\0';
    return len > 0 && !ws_inet_pton4(out, &v4);
}

static void learn_server_name(const wsc_addr_t *server, const char *name, const cloud_patterns_t *patterns)
{
    const char *chain[1] = { name };

    bind_name(server, chain, 1, patterns);
}

void cloud_learn(proto_tree *tree, const wsc_addr_t *dst, const cloud_patterns_t *patterns,
                 bool (*is_local)(const wsc_addr_t *addr))
{
    field_info *fi;
    char host[MAX_NAME + 1];

    if (tree == NULL)
        return;
    learn_dns(tree, patterns, is_local);
    if (is_local(dst) || wsc_addr_is_group(dst))
        return;
    fi = wsc_field_first(tree, &fields[F_TLS_SNI]);
    if (fi != NULL && usable_name(wsc_finfo_string(fi)))
        learn_server_name(dst, wsc_finfo_string(fi), patterns);
    fi = wsc_field_first(tree, &fields[F_HTTP_HOST]);
    if (fi != NULL && host_header_name(wsc_finfo_string(fi), host))
        learn_server_name(dst, host, patterns);
}
