/* learn.c: name learning from DNS answers, TLS server names, HTTP Host.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <wsutil/inet_addr.h>

#include "core/dns_wire.h"
#include "core/http_wire.h"
#include "core/ip_peek.h"
#include "core/server_name.h"
#include "hosts.h"
#include "learn.h"

#define MAX_RECORDS     64
#define MAX_CHAIN       8
#define DNS_PORT        53
#define IPPROTO_TCP_NUM 6
#define IPPROTO_UDP_NUM 17


/* One answer record: its owner name and what it points to. */
typedef struct {
    char       owner[WSC_DNS_NAME_MAX];
    char       cname[WSC_DNS_NAME_MAX];     /* CNAME records; "" for the others */
    wsc_addr_t addr;                        /* A/AAAA records */
    bool       is_ptr;                      /* PTR: cname holds the name of the owner's address */
} record_t;

typedef struct {
    record_t records[MAX_RECORDS];
    unsigned n;
} answers_t;

void cloud_learn_resolve_fields(void)
{
    wsc_server_name_resolve("cloud");
}

/* --- binding -------------------------------------------------------------- */

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

/* --- DNS ------------------------------------------------------------------ */

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
        g_strlcpy(r->cname, rr->target, sizeof(r->cname));
        r->is_ptr = rr->type == WSC_DNS_PTR;
        break;
    default:
        return true;
    }
    g_strlcpy(r->owner, rr->name, sizeof(r->owner));
    return ++answers->n < MAX_RECORDS;
}

/* The CNAME record whose target is `name`, if any. */
static const record_t *alias_of(const answers_t *answers, const char *name)
{
    for (unsigned i = 0; i < answers->n; i++) {
        const record_t *r = &answers->records[i];
        if (!r->is_ptr && r->cname[0] != '\0' && g_ascii_strcasecmp(r->cname, name) == 0)
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

static void learn_dns(const uint8_t *msg, size_t len, const cloud_patterns_t *patterns,
                      bool (*is_local)(const wsc_addr_t *))
{
    answers_t *answers = g_new(answers_t, 1);
    wsc_dns_header_t header;

    answers->n = 0;
    if (wsc_dns_parse(msg, len, 4 * MAX_RECORDS, &header, collect, answers) && header.response) {
        for (unsigned i = 0; i < answers->n; i++) {
            const record_t *r = &answers->records[i];
            const char *chain[MAX_CHAIN];
            unsigned n = 1;
            wsc_addr_t reversed;

            if (r->is_ptr) {            /* ec2-54-194-162-98.eu-west-1.compute.amazonaws.com */
                const char *name = r->cname;
                if (reverse_name_addr(r->owner, &reversed) && !is_local(&reversed) && !wsc_addr_is_group(&reversed))
                    bind_name(&reversed, &name, 1, patterns);
                continue;
            }
            if (r->cname[0] != '\0' || is_local(&r->addr) || wsc_addr_is_group(&r->addr))
                continue;
            /* Walk back from the address's owner to the name the client asked for. */
            chain[MAX_CHAIN - 1] = r->owner;
            for (const record_t *alias = alias_of(answers, r->owner); alias != NULL && n < MAX_CHAIN;
                 alias = alias_of(answers, alias->owner))
                chain[MAX_CHAIN - ++n] = alias->owner;
            bind_name(&r->addr, &chain[MAX_CHAIN - n], n, patterns);
        }
    }
    g_free(answers);
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

static void learn_server_name(const wsc_addr_t *server, const char *name, const cloud_patterns_t *patterns)
{
    const char *chain[1] = { name };

    bind_name(server, chain, 1, patterns);
}

/* What the client says of the server it reaches: TLS server name, HTTP Host. */
static void learn_from_client(packet_info *pinfo, proto_tree *tree, const wsc_frame_t *f,
                              const wsc_addr_t *server, const cloud_patterns_t *patterns)
{
    char name[WSC_HTTP_VALUE];
    wsc_http_t *http;

    if (wsc_client_server_name(pinfo, tree, f, name, sizeof(name))) {
        learn_server_name(server, name, patterns);
        return;
    }
    if (f->ip.ipproto != IPPROTO_TCP_NUM)
        return;
    http = g_new(wsc_http_t, 1);
    if (wsc_http_parse(f->payload, f->payload_len, http) && http->kind == WSC_HTTP_REQUEST &&
        host_header_name(http->host, name, sizeof(name)))
        learn_server_name(server, name, patterns);
    g_free(http);
}

void cloud_learn(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, const cloud_patterns_t *patterns,
                 bool (*is_local)(const wsc_addr_t *addr))
{
    wsc_frame_t f;
    wsc_addr_t server;

    if (!wsc_frame_locate(tvb, pinfo, &f) || f.payload == NULL)
        return;
    if (f.sport == DNS_PORT) {
        const uint8_t *msg;
        size_t msg_len;
        if (f.ip.ipproto == IPPROTO_UDP_NUM)
            learn_dns(f.payload, f.payload_len, patterns, is_local);
        else if (f.ip.ipproto == IPPROTO_TCP_NUM && wsc_dns_tcp_message(f.payload, f.payload_len, &msg, &msg_len))
            learn_dns(msg, msg_len, patterns, is_local);    /* only segments that start a whole message */
        return;
    }
    wsc_addr_from_bytes(f.ip.family, f.frame + f.ip.dst_offset, &server);
    if (is_local(&server) || wsc_addr_is_group(&server))
        return;
    learn_from_client(pinfo, tree, &f, &server, patterns);
}
