/* signals.c: DHCP, mDNS, SSDP, DNS, TLS and HTTP -> device evidence.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>

#include "core/dhcp_wire.h"
#include "core/dhip_wire.h"
#include "core/dns_wire.h"
#include "core/sadp_wire.h"
#include "core/ubnt_wire.h"
#include "signals.h"

#define DHCP_SERVER_PORT    67
#define XIAOMI_PUSH_PORT    5222
#define DHCP_CLIENT_PORT    68
#define DHCPV6_CLIENT_PORT  546
#define DNS_PORT            53
#define MDNS_PORT           5353
#define SSDP_PORT           1900
#define UBNT_DISCOVERY_PORT 10001
#define SADP_PORT           37020
#define DHIP_PORT           37810
#define MAX_RECORDS         64          /* DNS records read per message */
#define IPPROTO_TCP_NUM     6
#define IPPROTO_UDP_NUM     17
#define MAX_TEXT            255
#define TCP_FLAG_SYN        0x02
#define TCP_FLAG_ACK        0x10

/* A device and the address its signal was sent from. */
typedef struct {
    device_t         *device;
    const wsc_addr_t *from;
} sender_t;

/* --- DHCP ---------------------------------------------------------------- */

static uint64_t mac_value(const uint8_t *bytes)
{
    uint64_t mac = 0;

    for (int i = 0; i < 6; i++)
        mac = mac << 8 | bytes[i];
    return mac;
}

/* A DHCP message speaks for its client only when it comes from the link:
 * the client itself (its MAC sends it, from 0.0.0.0 or a local address), a
 * local relay, or a local server's reply. From anywhere else it is forged. */
static bool dhcp_sender_trusted(const wsc_facts_t *facts, const wsc_dhcp_t *dhcp, uint64_t client)
{
    if (!facts->src_local && !(facts->src_group && facts->src.bytes[0] == 0))
        return false;
    return dhcp->op != 1 || facts->src_local || devices_frame_src_mac(facts) == client;
}

static void collect_dhcp(const wsc_facts_t *facts)
{
    const wsc_frame_t *f = &facts->frame;
    wsc_dhcp_t *dhcp = wmem_new(facts->pinfo->pool, wsc_dhcp_t);
    device_t *client;
    uint64_t mac;

    if (!wsc_dhcp_parse(f->payload, f->payload_len, dhcp) || !dhcp->has_chaddr || (dhcp->chaddr[0] & 0x01))
        return;
    mac = mac_value(dhcp->chaddr);
    if (mac == 0 || !dhcp_sender_trusted(facts, dhcp, mac))
        return;
    client = devices_by_mac(mac, true);
    if (dhcp->op == 1) {                                /* what the client says of itself */
        devices_observe(client, SIG_DHCP_HOSTNAME, dhcp->hostname, NULL);
        devices_set_name(client, dhcp->hostname, 3, NULL);
        devices_observe(client, SIG_DHCP_HOSTNAME, dhcp->fqdn, NULL);
        devices_observe(client, SIG_DHCP_VENDOR_CLASS, dhcp->vendor_class, NULL);
        devices_observe(client, SIG_DHCP_PRL, dhcp->request_list, NULL);
    } else if (dhcp->yiaddr.bytes[0] != 0 && !wsc_addr_is_group(&dhcp->yiaddr)) {
        devices_bind_addr(client, &dhcp->yiaddr);      /* the server's offer/ack */
    }
}

/* --- mDNS / DNS-SD -------------------------------------------------------- */

/* "Sonos-000E58C683A4._sonos._tcp.local" -> instance "Sonos-000E58C683A4",
 * service "_sonos._tcp". False when the name is not a service name. */
static bool split_service_name(const char *name, char *instance, char *service)
{
    const char *proto = strstr(name, "._tcp.");
    const char *start;

    if (proto == NULL)
        proto = strstr(name, "._udp.");
    if (proto == NULL)
        return false;
    for (start = proto; start > name && start[-1] != '.'; start--)
        ;
    if (*start != '_' || (size_t)(proto + 5 - start) > MAX_TEXT)
        return false;
    g_strlcpy(service, start, (size_t)(proto + 5 - start) + 1);
    instance[0] = '\0';
    if (start - name >= 2)
        g_strlcpy(instance, name, MIN((size_t)(start - name), MAX_TEXT + 1));
    return true;
}

/* "Laser in the study @ studio._ipp._tcp.local": CUPS and macOS name a
 * printer they share "<printer> @ <host>"; its service and TXT describe
 * that printer, not the host announcing it. */
static bool shared_queue(const char *name)
{
    char instance[MAX_TEXT + 1], service[MAX_TEXT + 1];

    return split_service_name(name, instance, service) && strstr(instance, " @ ") != NULL;
}

/* The host shares a printer: "_ipp._tcp shared" (a print server). */
static void observe_shared_queue(const sender_t *sender, const char *name)
{
    char instance[MAX_TEXT + 1], service[MAX_TEXT + 1], shared[MAX_TEXT + 8];

    if (split_service_name(name, instance, service)) {
        g_snprintf(shared, sizeof(shared), "%s shared", service);
        devices_observe(sender->device, SIG_MDNS_SERVICE, shared, sender->from);
    }
}

static void observe_service_name(const sender_t *sender, const char *name)
{
    char instance[MAX_TEXT + 1], service[MAX_TEXT + 1];

    if (!split_service_name(name, instance, service) || g_str_has_prefix(service, "_services._dns-sd"))
        return;
    devices_observe(sender->device, SIG_MDNS_SERVICE, service, sender->from);
    devices_observe(sender->device, SIG_MDNS_NAME, instance, sender->from);
}

/* "Sonos-000E58C683A4.local" -> the device's own name. */
static void observe_host_name(const sender_t *sender, const char *name)
{
    char host[MAX_TEXT + 1];
    size_t len;

    if (!g_str_has_suffix(name, ".local") || strchr(name, '_') != NULL)
        return;
    len = MIN(strlen(name) - strlen(".local"), MAX_TEXT);
    if (len == 0 || memchr(name, '.', len) != NULL)
        return;
    g_strlcpy(host, name, len + 1);
    devices_observe(sender->device, SIG_MDNS_NAME, host, sender->from);
    devices_set_name(sender->device, host, 2, sender->from);
}

/* TXT "md=Google Home Mini": the keys DNS-SD services use for the model;
 * a string without a key ("IC-3115W Network Camera") is taken whole. */
static void observe_txt(const sender_t *sender, const uint8_t *rdata, size_t len)
{
    static const char *const model_keys[] = { "md=", "model=", "mdl=", "ty=", "modelid=", "usb_mdl=" };
    char txt[MAX_TEXT + 1];

    for (int strings = 0; strings < MAX_RECORDS && wsc_dns_txt_next(&rdata, &len, txt, sizeof(txt)); strings++) {
        if (strchr(txt, '=') == NULL) {
            devices_observe(sender->device, SIG_MDNS_MODEL, txt, sender->from);
            continue;
        }
        for (size_t i = 0; i < G_N_ELEMENTS(model_keys); i++)
            if (g_ascii_strncasecmp(txt, model_keys[i], strlen(model_keys[i])) == 0)
                devices_observe(sender->device, SIG_MDNS_MODEL, txt + strlen(model_keys[i]), sender->from);
    }
}

static bool mdns_record(void *ctx, const wsc_dns_record_t *rr)
{
    const sender_t *sender = ctx;

    if (rr->section == WSC_DNS_QUESTION || shared_queue(rr->name))
        return true;
    if (rr->type == WSC_DNS_PTR && shared_queue(rr->target)) {
        observe_shared_queue(sender, rr->target);
        return true;
    }
    observe_service_name(sender, rr->name);
    observe_host_name(sender, rr->name);
    switch (rr->type) {
    case WSC_DNS_PTR:
        /* A service type enumerated (_services._dns-sd._udp) counts through
         * its instances' own records: a print server's _ipp._tcp has only
         * shared queues. */
        if (!g_str_has_prefix(rr->name, "_services._dns-sd."))
            observe_service_name(sender, rr->target);
        break;
    case WSC_DNS_SRV: observe_host_name(sender, rr->target); break;
    case WSC_DNS_TXT: observe_txt(sender, rr->rdata, rr->rdata_len); break;
    default: break;
    }
    return true;
}

static void collect_mdns(const wsc_frame_t *f, const sender_t *sender)
{
    wsc_dns_header_t header;

    /* Questions say what a host looks for: only answers describe the sender. */
    if (f->payload_len >= 3 && (f->payload[2] & 0x80))
        wsc_dns_parse(f->payload, f->payload_len, MAX_RECORDS, &header, mdns_record, (void *)sender);
}

/* --- SSDP ---------------------------------------------------------------- */

static void collect_ssdp(wsc_facts_t *facts, const sender_t *sender)
{
    const wsc_http_t *ssdp = wsc_facts_http(facts);
    device_t *device = sender->device;
    const wsc_addr_t *from = sender->from;

    if (ssdp == NULL)
        return;
    devices_observe(device, SIG_SSDP_SERVER, ssdp->server, from);
    devices_observe(device, SIG_SSDP_LOCATION, ssdp->location, from);
    devices_observe(device, SIG_SSDP_TYPE, ssdp->nt, from);
    if (strcmp(ssdp->method, "M-SEARCH") != 0)         /* an M-SEARCH target: what it looks for */
        devices_observe(device, SIG_SSDP_TYPE, ssdp->st, from);
    devices_observe(device, SIG_SSDP_USN, ssdp->usn, from);
    devices_observe(device, SIG_USER_AGENT, ssdp->user_agent, from);
}

/* --- what the device reaches -------------------------------------------- */

static bool dns_question(void *ctx, const wsc_dns_record_t *rr)
{
    const sender_t *sender = ctx;

    if (rr->section != WSC_DNS_QUESTION)
        return false;
    devices_observe(sender->device, SIG_DNS_NAME, rr->name, sender->from);
    return true;
}

static void collect_names(wsc_facts_t *facts, proto_tree *tree, const sender_t *sender)
{
    const wsc_frame_t *f = &facts->frame;
    char host[WSC_HTTP_VALUE];
    wsc_dns_header_t header;
    const wsc_http_t *http;
    const char *sni;

    if (f->ip.ipproto == IPPROTO_UDP_NUM && f->sport == DNS_PORT && f->payload_len >= 3 &&
        (f->payload[2] & 0x80) && facts->dst_local && !facts->dst_group) {
        devices_mark_resolver(sender->device);          /* a response to a local client */
        return;
    }
    if (f->ip.ipproto == IPPROTO_UDP_NUM && f->dport == DNS_PORT && f->payload_len >= 3 &&
        !(f->payload[2] & 0x80)) {
        wsc_dns_parse(f->payload, f->payload_len, MAX_RECORDS, &header, dns_question, (void *)sender);
        return;
    }
    sni = wsc_facts_server_name(facts, tree);
    if (sni != NULL) {
        devices_observe(sender->device, SIG_DNS_NAME, sni, sender->from);
        return;
    }
    if (f->ip.ipproto != IPPROTO_TCP_NUM || (http = wsc_facts_http(facts)) == NULL || http->kind != WSC_HTTP_REQUEST)
        return;
    g_strlcpy(host, http->host, sizeof(host));
    host[strcspn(host, ":")] = '\0';                  /* "example.com:8080" */
    devices_observe(sender->device, SIG_DNS_NAME, host, sender->from);
    devices_observe(sender->device, SIG_USER_AGENT, http->user_agent, sender->from);
}

/* LAN discovery protocols a device announces itself with (Tuya on UDP
 * 6666/6667, ...): the port of a broadcast or multicast it sends. */
static void collect_lan_port(const wsc_facts_t *facts, const sender_t *sender)
{
    if (facts->dst_group && identity_port_wanted(SIG_LAN_PORT, false, facts->frame.dport))
        devices_observe_port(sender->device, SIG_LAN_PORT, false, facts->frame.dport, sender->from);
}

/* Ubiquiti's discovery (UDP 10001): the model a device announces. */
static void observe_lan_model(void *ctx, const char *model)
{
    const sender_t *sender = ctx;

    devices_observe(sender->device, SIG_LAN_MODEL, model, sender->from);
}

/* Hikvision's SADP (UDP 37020) and Dahua's discovery (UDP 37810): the model
 * a device announces, read by the protocol's reader. */
static void collect_announced_model(const wsc_frame_t *f, const sender_t *sender,
                                    bool (*read_model)(const uint8_t *msg, size_t len, char *model))
{
    char model[MAX(WSC_SADP_TEXT, WSC_DHIP_TEXT)];

    if (read_model(f->payload, f->payload_len, model))
        observe_lan_model((void *)sender, model);
}

/* --- ports it serves and uses ---------------------------------------------- */

static int tcp_flags(const wsc_frame_t *f)
{
    size_t at = f->ip.l4_offset + 13;

    return at < f->ip.end && at < f->len ? f->frame[at] : -1;
}

/* The rules decide which ports matter; the rest cost a bit test. */
static void observe_port(const sender_t *sender, signal_t signal, bool tcp, uint16_t port)
{
    if (identity_port_wanted(signal, tcp, port))
        devices_observe_port(sender->device, signal, tcp, port, sender->from);
}

/* A TCP SYN/ACK from the device's port, or a UDP reply from a lower port
 * to a higher one (services answer ephemeral client ports), says what it
 * serves; a SYN or a UDP request to a lower port says what it uses. */
static void collect_ports(const wsc_facts_t *facts, const sender_t *sender)
{
    const wsc_frame_t *f = &facts->frame;
    int flags;

    if (f->sport == 0 || f->dport == 0 || facts->dst_group)
        return;
    if (wsc_facts_tcp(facts)) {
        flags = tcp_flags(f);
        if (flags >= 0 && (flags & (TCP_FLAG_SYN | TCP_FLAG_ACK)) == (TCP_FLAG_SYN | TCP_FLAG_ACK))
            observe_port(sender, SIG_SERVES, true, f->sport);
        else if (flags >= 0 && (flags & (TCP_FLAG_SYN | TCP_FLAG_ACK)) == TCP_FLAG_SYN)
            observe_port(sender, SIG_USES, true, f->dport);
    } else if (wsc_facts_udp(facts) && f->sport < f->dport) {
        observe_port(sender, SIG_SERVES, false, f->sport);
    } else if (wsc_facts_udp(facts) && f->dport < f->sport) {
        observe_port(sender, SIG_USES, false, f->dport);
    }
}

/* --- Xiaomi's push channel ------------------------------------------------- */

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Finds the length-delimited field `key` (one-byte key and length) in a
 * protobuf-like message; false when absent or malformed. */
static bool message_field(const uint8_t *msg, size_t len, uint8_t key, char *out, size_t out_size)
{
    size_t at = 0;

    while (at + 2 <= len) {
        uint8_t k = msg[at], n = msg[at + 1];
        if ((k & 0x07) == 0) {                      /* a varint: skip its bytes */
            for (at++; at < len && (msg[at] & 0x80); at++)
                ;
            at++;
            continue;
        }
        if ((k & 0x07) != 2 || (n & 0x80) || at + 2 + n > len)
            return false;                           /* not a short string: stop rather than guess */
        if (k == key) {
            size_t copy = MIN((size_t)n, out_size - 1);
            memcpy(out, msg + at + 2, copy);
            out[copy] = '\0';
            return true;
        }
        at += 2u + n;
    }
    return false;
}

/* MIUI's push service (TCP 5222) opens with a cleartext hello: magic
 * C2 FE 00 05, the length of the rest, 00 02 00 16, then two messages, the
 * second of which names the phone's model (field 2); facts as nDPI's Xiaomi
 * dissector documents them. Only MIUI devices speak it. */
static void collect_xiaomi_push(const wsc_frame_t *f, const sender_t *sender)
{
    static const uint8_t magic[] = { 0xC2, 0xFE, 0x00, 0x05 }, kind[] = { 0x00, 0x02, 0x00, 0x16 };
    const uint8_t *p = f->payload;
    char model[MAX_TEXT + 1];
    size_t first, second;

    if (f->dport != XIAOMI_PUSH_PORT || f->payload_len < 16 || memcmp(p, magic, 4) != 0 ||
        memcmp(p + 8, kind, 4) != 0 || (size_t)be32(p + 4) + 12 != f->payload_len)
        return;
    devices_observe(sender->device, SIG_USES, "xiaomi-push", sender->from);
    first = (size_t)p[10] << 8 | p[11];               /* the length "00 16" gave */
    second = be32(p + 12);
    if (16 + first > f->payload_len || second > f->payload_len - 16 - first)
        return;
    if (message_field(p + 16 + first, second, 0x12, model, sizeof(model)) && g_str_is_ascii(model))
        devices_observe(sender->device, SIG_USER_AGENT, model, sender->from);
}

/* --- traffic with remote hosts, for behaviour ------------------------------ */

static void count_traffic(const wsc_facts_t *facts, device_t *src, device_t *dst)
{
    uint32_t len = facts->pinfo->fd->pkt_len;

    if (!facts->has_ts)
        return;
    if (src != NULL && !facts->dst_local && !facts->dst_group)
        devices_count_traffic(src, true, len, facts->ts_ns);
    else if (dst != NULL && !facts->src_local && !facts->src_group)
        devices_count_traffic(dst, false, len, facts->ts_ns);
}

void signals_collect(wsc_facts_t *facts, proto_tree *tree, device_t *device, device_t *receiver)
{
    const wsc_frame_t *f = &facts->frame;
    sender_t sender = { device, &facts->src };
    bool udp = wsc_facts_udp(facts);
    char vendor_class[MAX_TEXT + 1];

    count_traffic(facts, device, receiver);
    if (device != NULL && facts->located)
        collect_ports(facts, &sender);
    if (!wsc_facts_has_payload(facts))
        return;
    if (udp && (f->sport == DHCP_CLIENT_PORT || f->sport == DHCP_SERVER_PORT)) {
        collect_dhcp(facts);
        return;
    }
    if (device == NULL)
        return;
    if (udp)
        collect_lan_port(facts, &sender);
    if (udp && (f->sport == UBNT_DISCOVERY_PORT || f->dport == UBNT_DISCOVERY_PORT)) {
        wsc_ubnt_models(f->payload, f->payload_len, observe_lan_model, &sender);
        return;
    }
    if (udp && (f->dport == SADP_PORT || f->dport == DHIP_PORT)) {
        collect_announced_model(f, &sender, f->dport == SADP_PORT ? wsc_sadp_model : wsc_dhip_model);
        return;
    }
    if (udp && f->sport == MDNS_PORT)
        collect_mdns(f, &sender);
    else if (udp && (f->dport == SSDP_PORT || f->sport == SSDP_PORT))
        collect_ssdp(facts, &sender);
    else if (udp && f->sport == DHCPV6_CLIENT_PORT) {
        if (wsc_dhcpv6_vendor_class(f->payload, f->payload_len, vendor_class, sizeof(vendor_class)))
            devices_observe(device, SIG_DHCP_VENDOR_CLASS, vendor_class, &facts->src);
    } else {
        if (wsc_facts_tcp(facts))
            collect_xiaomi_push(f, &sender);
        collect_names(facts, tree, &sender);
    }
}
