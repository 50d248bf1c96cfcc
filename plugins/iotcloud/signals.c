/* signals.c: DHCP, mDNS, SSDP, DNS, TLS and HTTP -> device evidence.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>

#include "core/dhcp_wire.h"
#include "core/dns_wire.h"
#include "core/http_wire.h"
#include "core/ip_peek.h"
#include "core/server_name.h"
#include "signals.h"

#define DHCP_SERVER_PORT    67
#define DHCP_CLIENT_PORT    68
#define DHCPV6_CLIENT_PORT  546
#define DNS_PORT            53
#define MDNS_PORT           5353
#define SSDP_PORT           1900
#define MAX_RECORDS         64          /* DNS records read per message */
#define IPPROTO_TCP_NUM     6
#define IPPROTO_UDP_NUM     17
#define MAX_TEXT            255

void signals_resolve_fields(void)
{
    wsc_server_name_resolve("iotcloud");
}

/* --- DHCP ---------------------------------------------------------------- */

static uint64_t mac_value(const uint8_t *bytes)
{
    uint64_t mac = 0;

    for (int i = 0; i < 6; i++)
        mac = mac << 8 | bytes[i];
    return mac;
}

static void collect_dhcp(const wsc_frame_t *f)
{
    wsc_dhcp_t *dhcp = g_new(wsc_dhcp_t, 1);
    device_t *client;

    if (!wsc_dhcp_parse(f->payload, f->payload_len, dhcp) || !dhcp->has_chaddr ||
        (dhcp->chaddr[0] & 0x01) || mac_value(dhcp->chaddr) == 0) {
        g_free(dhcp);
        return;
    }
    client = devices_by_mac(mac_value(dhcp->chaddr), true);
    if (dhcp->op == 1) {                                /* what the client says of itself */
        devices_observe(client, SIG_DHCP_HOSTNAME, dhcp->hostname);
        devices_set_name(client, dhcp->hostname, 3);
        devices_observe(client, SIG_DHCP_HOSTNAME, dhcp->fqdn);
        devices_observe(client, SIG_DHCP_VENDOR_CLASS, dhcp->vendor_class);
        devices_observe(client, SIG_DHCP_PRL, dhcp->request_list);
    } else if (dhcp->yiaddr.bytes[0] != 0 && !wsc_addr_is_group(&dhcp->yiaddr)) {
        devices_bind_addr(client, &dhcp->yiaddr);      /* the server's offer/ack */
    }
    g_free(dhcp);
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

static void observe_service_name(device_t *device, const char *name)
{
    char instance[MAX_TEXT + 1], service[MAX_TEXT + 1];

    if (!split_service_name(name, instance, service) || g_str_has_prefix(service, "_services._dns-sd"))
        return;
    devices_observe(device, SIG_MDNS_SERVICE, service);
    devices_observe(device, SIG_MDNS_NAME, instance);
}

/* "Sonos-000E58C683A4.local" -> the device's own name. */
static void observe_host_name(device_t *device, const char *name)
{
    char host[MAX_TEXT + 1];
    size_t len;

    if (!g_str_has_suffix(name, ".local") || strchr(name, '_') != NULL)
        return;
    len = MIN(strlen(name) - strlen(".local"), MAX_TEXT);
    if (len == 0 || memchr(name, '.', len) != NULL)
        return;
    g_strlcpy(host, name, len + 1);
    devices_observe(device, SIG_MDNS_NAME, host);
    devices_set_name(device, host, 2);
}

/* TXT "md=Google Home Mini": the keys DNS-SD services use for the model;
 * a string without a key ("IC-3115W Network Camera") is taken whole. */
static void observe_txt(device_t *device, const uint8_t *rdata, size_t len)
{
    static const char *const model_keys[] = { "md=", "model=", "mdl=", "ty=", "modelid=", "usb_mdl=" };
    char txt[MAX_TEXT + 1];

    for (int strings = 0; strings < MAX_RECORDS && wsc_dns_txt_next(&rdata, &len, txt, sizeof(txt)); strings++) {
        if (strchr(txt, '=') == NULL) {
            devices_observe(device, SIG_MDNS_MODEL, txt);
            continue;
        }
        for (size_t i = 0; i < G_N_ELEMENTS(model_keys); i++)
            if (g_ascii_strncasecmp(txt, model_keys[i], strlen(model_keys[i])) == 0)
                devices_observe(device, SIG_MDNS_MODEL, txt + strlen(model_keys[i]));
    }
}

static bool mdns_record(void *ctx, const wsc_dns_record_t *rr)
{
    device_t *sender = ctx;

    if (rr->section == WSC_DNS_QUESTION)
        return true;
    observe_service_name(sender, rr->name);
    observe_host_name(sender, rr->name);
    switch (rr->type) {
    case WSC_DNS_PTR: observe_service_name(sender, rr->target); break;
    case WSC_DNS_SRV: observe_host_name(sender, rr->target); break;
    case WSC_DNS_TXT: observe_txt(sender, rr->rdata, rr->rdata_len); break;
    default: break;
    }
    return true;
}

static void collect_mdns(const wsc_frame_t *f, device_t *sender)
{
    wsc_dns_header_t header;

    /* Questions say what a host looks for: only answers describe the sender. */
    if (f->payload_len >= 3 && (f->payload[2] & 0x80))
        wsc_dns_parse(f->payload, f->payload_len, MAX_RECORDS, &header, mdns_record, sender);
}

/* --- SSDP ---------------------------------------------------------------- */

static void collect_ssdp(const wsc_frame_t *f, device_t *sender)
{
    wsc_http_t *ssdp = g_new(wsc_http_t, 1);

    if (wsc_http_parse(f->payload, f->payload_len, ssdp)) {
        bool searching = strcmp(ssdp->method, "M-SEARCH") == 0;
        devices_observe(sender, SIG_SSDP_SERVER, ssdp->server);
        devices_observe(sender, SIG_SSDP_LOCATION, ssdp->location);
        devices_observe(sender, SIG_SSDP_TYPE, ssdp->nt);
        if (!searching)                                 /* an M-SEARCH target: what it looks for */
            devices_observe(sender, SIG_SSDP_TYPE, ssdp->st);
        devices_observe(sender, SIG_SSDP_USN, ssdp->usn);
        devices_observe(sender, SIG_USER_AGENT, ssdp->user_agent);
    }
    g_free(ssdp);
}

/* --- what the device reaches -------------------------------------------- */

static bool dns_question(void *ctx, const wsc_dns_record_t *rr)
{
    if (rr->section != WSC_DNS_QUESTION)
        return false;
    devices_observe(ctx, SIG_DNS_NAME, rr->name);
    return true;
}

static void collect_names(packet_info *pinfo, proto_tree *tree, const wsc_frame_t *f, device_t *sender)
{
    char name[WSC_HTTP_VALUE];
    wsc_dns_header_t header;
    wsc_http_t *http;

    if (f->ip.ipproto == IPPROTO_UDP_NUM && f->dport == DNS_PORT && f->payload_len >= 3 &&
        !(f->payload[2] & 0x80)) {
        wsc_dns_parse(f->payload, f->payload_len, MAX_RECORDS, &header, dns_question, sender);
        return;
    }
    if (wsc_client_server_name(pinfo, tree, f, name, sizeof(name))) {
        devices_observe(sender, SIG_DNS_NAME, name);
        return;
    }
    if (f->ip.ipproto != IPPROTO_TCP_NUM)
        return;
    http = g_new(wsc_http_t, 1);
    if (wsc_http_parse(f->payload, f->payload_len, http) && http->kind == WSC_HTTP_REQUEST) {
        http->host[strcspn(http->host, ":")] = '\0';   /* "example.com:8080" */
        devices_observe(sender, SIG_DNS_NAME, http->host);
        devices_observe(sender, SIG_USER_AGENT, http->user_agent);
    }
    g_free(http);
}

/* LAN discovery protocols a device announces itself with (Tuya on UDP
 * 6666/6667, ...): the port of a broadcast or multicast it sends. */
static void collect_lan_port(packet_info *pinfo, device_t *sender)
{
    wsc_addr_t dst;
    char port[16];

    if (!wsc_addr_from_address(&pinfo->net_dst, &dst) || !wsc_addr_is_group(&dst))
        return;
    snprintf(port, sizeof(port), "udp/%u", pinfo->destport);
    devices_observe(sender, SIG_LAN_PORT, port);
}

void signals_collect(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, device_t *sender)
{
    wsc_frame_t f;
    bool udp;
    char vendor_class[MAX_TEXT + 1];

    if (!wsc_frame_locate(tvb, pinfo, &f) || f.payload == NULL)
        return;
    udp = f.ip.ipproto == IPPROTO_UDP_NUM;
    if (udp && (f.sport == DHCP_CLIENT_PORT || f.sport == DHCP_SERVER_PORT)) {
        collect_dhcp(&f);
        return;
    }
    if (sender == NULL)
        return;
    if (udp)
        collect_lan_port(pinfo, sender);
    if (udp && f.sport == MDNS_PORT)
        collect_mdns(&f, sender);
    else if (udp && (f.dport == SSDP_PORT || f.sport == SSDP_PORT))
        collect_ssdp(&f, sender);
    else if (udp && f.sport == DHCPV6_CLIENT_PORT) {
        if (wsc_dhcpv6_vendor_class(f.payload, f.payload_len, vendor_class, sizeof(vendor_class)))
            devices_observe(sender, SIG_DHCP_VENDOR_CLASS, vendor_class);
    } else
        collect_names(pinfo, tree, &f, sender);
}
