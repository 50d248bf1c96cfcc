/* signals.c: DHCP, mDNS, SSDP, DNS, TLS and HTTP fields -> device evidence.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>

#include "core/fields.h"
#include "signals.h"

#define DHCP_SERVER_PORT 67
#define DHCP_CLIENT_PORT 68
#define DNS_PORT        53
#define MDNS_PORT       5353
#define SSDP_PORT       1900
#define DHCPV6_CLIENT_PORT 546
#define MAX_ITEMS       64          /* values read per field and packet */
#define MAX_TEXT        255

enum {
    F_DHCP_CHADDR, F_DHCP_HOSTNAME, F_DHCP_VENDOR_CLASS, F_DHCP_PRL_ITEM, F_DHCP_FQDN, F_DHCP_YIADDR,
    F_DHCPV6_VENDOR_CLASS,
    F_DNS_RESPONSE, F_DNS_QRY_NAME, F_DNS_RESP_NAME, F_DNS_PTR, F_DNS_SRV_TARGET, F_DNS_TXT,
    F_HTTP_REQUEST, F_HTTP_SERVER, F_HTTP_LOCATION, F_HTTP_UNKNOWN_HEADER, F_HTTP_USER_AGENT, F_HTTP_HOST,
    F_TLS_SNI,
    N_FIELDS
};

static wsc_field_t fields[N_FIELDS] = {
    [F_DHCP_CHADDR]         = { "dhcp.hw.mac_addr", -1 },
    [F_DHCP_HOSTNAME]       = { "dhcp.option.hostname", -1 },
    [F_DHCP_VENDOR_CLASS]   = { "dhcp.option.vendor_class_id", -1 },
    [F_DHCP_PRL_ITEM]       = { "dhcp.option.request_list_item", -1 },
    [F_DHCP_FQDN]           = { "dhcp.fqdn.name", -1 },
    [F_DHCP_YIADDR]         = { "dhcp.ip.your", -1 },
    [F_DHCPV6_VENDOR_CLASS] = { "dhcpv6.vendorclass.data", -1 },
    [F_DNS_RESPONSE]        = { "dns.flags.response", -1 },
    [F_DNS_QRY_NAME]        = { "dns.qry.name", -1 },
    [F_DNS_RESP_NAME]       = { "dns.resp.name", -1 },
    [F_DNS_PTR]             = { "dns.ptr.domain_name", -1 },
    [F_DNS_SRV_TARGET]      = { "dns.srv.target", -1 },
    [F_DNS_TXT]             = { "dns.txt", -1 },
    [F_HTTP_REQUEST]        = { "http.request", -1 },
    [F_HTTP_SERVER]         = { "http.server", -1 },
    [F_HTTP_LOCATION]       = { "http.location", -1 },
    [F_HTTP_UNKNOWN_HEADER] = { "http.unknown_header", -1 },
    [F_HTTP_USER_AGENT]     = { "http.user_agent", -1 },
    [F_HTTP_HOST]           = { "http.host", -1 },
    [F_TLS_SNI]             = { "tls.handshake.extensions_server_name", -1 },
};

void signals_resolve_fields(void)
{
    wsc_fields_resolve(fields, N_FIELDS, "iotcloud");
}

void signals_want_fields(dissector_handle_t handle, bool want)
{
    wsc_fields_want(handle, fields, want ? N_FIELDS : 0);
}

/* Every string value of a field, at most MAX_ITEMS. */
static void each_string(proto_tree *tree, int field, device_t *device, signal_t signal)
{
    GPtrArray *all = wsc_field_all(tree, &fields[field]);

    for (guint i = 0; all != NULL && i < all->len && i < MAX_ITEMS; i++)
        devices_observe(device, signal, wsc_finfo_string(g_ptr_array_index(all, i)));
}

static const char *first_string(proto_tree *tree, int field)
{
    field_info *fi = wsc_field_first(tree, &fields[field]);

    return fi ? wsc_finfo_string(fi) : NULL;
}

static bool has_field(proto_tree *tree, int field)
{
    return wsc_field_first(tree, &fields[field]) != NULL;
}

/* dns.flags.response of this message; `absent` when the field is missing. */
static bool is_dns_response(proto_tree *tree, bool absent)
{
    field_info *fi = wsc_field_first(tree, &fields[F_DNS_RESPONSE]);
    bool response = absent;

    if (fi != NULL)
        wsc_finfo_bool(fi, &response);
    return response;
}

/* --- DHCP ---------------------------------------------------------------- */

static uint64_t mac_value(const uint8_t *bytes)
{
    uint64_t mac = 0;

    for (int i = 0; i < 6; i++)
        mac = mac << 8 | bytes[i];
    return mac;
}

/* Option 55 as "1,3,6,15,...": the order a client asks in is its fingerprint. */
static void observe_request_list(proto_tree *tree, device_t *client)
{
    GPtrArray *items = wsc_field_all(tree, &fields[F_DHCP_PRL_ITEM]);
    char text[MAX_TEXT + 1] = "";
    size_t len = 0;

    for (guint i = 0; items != NULL && i < items->len && len + 5 < sizeof(text); i++) {
        uint32_t code;
        if (wsc_finfo_uint(g_ptr_array_index(items, i), &code))
            len += (size_t)snprintf(text + len, sizeof(text) - len, "%s%u", i ? "," : "", code);
    }
    devices_observe(client, SIG_DHCP_PRL, text);
}

static void collect_dhcp(proto_tree *tree, packet_info *pinfo)
{
    field_info *chaddr = wsc_field_first(tree, &fields[F_DHCP_CHADDR]);
    const uint8_t *mac = chaddr ? wsc_finfo_ether(chaddr) : NULL;
    device_t *client;
    const char *hostname;
    wsc_addr_t given;
    field_info *yiaddr;

    if (mac == NULL || (mac[0] & 0x01) || mac_value(mac) == 0)
        return;
    client = devices_by_mac(mac_value(mac), true);
    if (pinfo->srcport == DHCP_CLIENT_PORT) {          /* what the client says of itself */
        hostname = first_string(tree, F_DHCP_HOSTNAME);
        devices_observe(client, SIG_DHCP_HOSTNAME, hostname);
        devices_set_name(client, hostname, 3);
        devices_observe(client, SIG_DHCP_HOSTNAME, first_string(tree, F_DHCP_FQDN));
        devices_observe(client, SIG_DHCP_VENDOR_CLASS, first_string(tree, F_DHCP_VENDOR_CLASS));
        observe_request_list(tree, client);
    } else if ((yiaddr = wsc_field_first(tree, &fields[F_DHCP_YIADDR])) != NULL &&
               wsc_finfo_addr(yiaddr, &given) && !wsc_addr_is_group(&given) &&
               given.bytes[0] != 0) {
        devices_bind_addr(client, &given);              /* the server's offer/ack */
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
    for (start = proto; start > name && start[-1] != '.' ; start--)
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

    if (name == NULL || !split_service_name(name, instance, service))
        return;
    if (g_str_has_prefix(service, "_services._dns-sd"))
        return;
    devices_observe(device, SIG_MDNS_SERVICE, service);
    devices_observe(device, SIG_MDNS_NAME, instance);
}

/* TXT "md=Google Home Mini": the keys DNS-SD services use for the model;
 * a string without a key ("IC-3115W Network Camera") is taken whole. */
static void observe_txt(device_t *device, const char *txt)
{
    static const char *const model_keys[] = { "md=", "model=", "mdl=", "ty=", "modelid=", "usb_mdl=" };

    if (txt == NULL)
        return;
    if (strchr(txt, '=') == NULL) {
        devices_observe(device, SIG_MDNS_MODEL, txt);
        return;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(model_keys); i++)
        if (g_ascii_strncasecmp(txt, model_keys[i], strlen(model_keys[i])) == 0)
            devices_observe(device, SIG_MDNS_MODEL, txt + strlen(model_keys[i]));
}

/* "Sonos-000E58C683A4.local" -> the device's own name. */
static void observe_host_name(device_t *device, const char *name)
{
    char host[MAX_TEXT + 1];
    size_t len;

    if (name == NULL || !g_str_has_suffix(name, ".local") || strchr(name, '_') != NULL)
        return;
    len = MIN(strlen(name) - strlen(".local"), MAX_TEXT);
    if (len == 0 || memchr(name, '.', len) != NULL)
        return;
    g_strlcpy(host, name, len + 1);
    devices_observe(device, SIG_MDNS_NAME, host);
    devices_set_name(device, host, 2);
}

static void collect_mdns(proto_tree *tree, device_t *sender)
{
    GPtrArray *all;

    if (!is_dns_response(tree, false))
        return;                                         /* questions say what a host looks for */
    all = wsc_field_all(tree, &fields[F_DNS_RESP_NAME]);
    for (guint i = 0; all != NULL && i < all->len && i < MAX_ITEMS; i++) {
        const char *name = wsc_finfo_string(g_ptr_array_index(all, i));
        observe_service_name(sender, name);
        observe_host_name(sender, name);
    }
    all = wsc_field_all(tree, &fields[F_DNS_PTR]);
    for (guint i = 0; all != NULL && i < all->len && i < MAX_ITEMS; i++)
        observe_service_name(sender, wsc_finfo_string(g_ptr_array_index(all, i)));
    all = wsc_field_all(tree, &fields[F_DNS_SRV_TARGET]);
    for (guint i = 0; all != NULL && i < all->len && i < MAX_ITEMS; i++)
        observe_host_name(sender, wsc_finfo_string(g_ptr_array_index(all, i)));
    all = wsc_field_all(tree, &fields[F_DNS_TXT]);
    for (guint i = 0; all != NULL && i < all->len && i < MAX_ITEMS; i++)
        observe_txt(sender, wsc_finfo_string(g_ptr_array_index(all, i)));
}

/* --- SSDP ---------------------------------------------------------------- */

/* "NT: urn:schemas-upnp-org:device:ZonePlayer:1\\r\\n" -> (SIG_SSDP_TYPE, "urn:...").
 * HTTP shows unknown headers escaped, the line end included as text. */
static void observe_ssdp_header(device_t *device, const char *header, bool searching)
{
    static const struct { const char *name; signal_t signal; } known[] = {
        { "NT:", SIG_SSDP_TYPE }, { "ST:", SIG_SSDP_TYPE }, { "USN:", SIG_SSDP_USN },
    };
    char value[MAX_TEXT + 1];

    if (header == NULL)
        return;
    for (size_t i = 0; i < G_N_ELEMENTS(known); i++) {
        size_t n = strlen(known[i].name);
        if (g_ascii_strncasecmp(header, known[i].name, n) != 0)
            continue;
        if (searching && known[i].signal == SIG_SSDP_TYPE)
            return;                                     /* an M-SEARCH target: what it looks for */
        g_strlcpy(value, header + n, sizeof(value));
        if (g_str_has_suffix(value, "\\r\\n"))
            value[strlen(value) - 4] = '\0';
        devices_observe(device, known[i].signal, g_strstrip(value));
        return;
    }
}

static void collect_ssdp(proto_tree *tree, device_t *sender)
{
    bool searching = has_field(tree, F_HTTP_REQUEST) &&
                     wsc_field_first(tree, &fields[F_HTTP_SERVER]) == NULL &&
                     first_string(tree, F_HTTP_LOCATION) == NULL;
    GPtrArray *headers = wsc_field_all(tree, &fields[F_HTTP_UNKNOWN_HEADER]);

    devices_observe(sender, SIG_SSDP_SERVER, first_string(tree, F_HTTP_SERVER));
    devices_observe(sender, SIG_SSDP_LOCATION, first_string(tree, F_HTTP_LOCATION));
    for (guint i = 0; headers != NULL && i < headers->len && i < MAX_ITEMS; i++)
        observe_ssdp_header(sender, wsc_finfo_string(g_ptr_array_index(headers, i)), searching);
}

/* --- what the device reaches -------------------------------------------- */

static void collect_names(proto_tree *tree, packet_info *pinfo, device_t *sender)
{
    char host[MAX_TEXT + 1];
    const char *value;

    if (pinfo->destport == DNS_PORT && !is_dns_response(tree, true))
        each_string(tree, F_DNS_QRY_NAME, sender, SIG_DNS_NAME);
    devices_observe(sender, SIG_DNS_NAME, first_string(tree, F_TLS_SNI));
    if ((value = first_string(tree, F_HTTP_HOST)) != NULL) {
        g_strlcpy(host, value, sizeof(host));
        host[strcspn(host, ":")] = '\0';                /* "example.com:8080" */
        devices_observe(sender, SIG_DNS_NAME, host);
    }
    devices_observe(sender, SIG_USER_AGENT, first_string(tree, F_HTTP_USER_AGENT));
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

void signals_collect(proto_tree *tree, packet_info *pinfo, device_t *sender)
{
    bool udp = pinfo->ptype == PT_UDP;

    if (tree == NULL)
        return;
    if (udp && (pinfo->srcport == DHCP_CLIENT_PORT || pinfo->srcport == DHCP_SERVER_PORT)) {
        collect_dhcp(tree, pinfo);
        return;
    }
    if (sender == NULL)
        return;
    if (udp)
        collect_lan_port(pinfo, sender);
    if (udp && pinfo->srcport == MDNS_PORT)
        collect_mdns(tree, sender);
    else if (udp && (pinfo->destport == SSDP_PORT || pinfo->srcport == SSDP_PORT))
        collect_ssdp(tree, sender);
    else if (udp && pinfo->srcport == DHCPV6_CLIENT_PORT)
        devices_observe(sender, SIG_DHCP_VENDOR_CLASS, first_string(tree, F_DHCPV6_VENDOR_CLASS));
    else
        collect_names(tree, pinfo, sender);
}
