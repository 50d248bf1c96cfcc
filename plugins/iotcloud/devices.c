/* devices.c: the device table and the rules that bind frames to devices.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/address_types.h>
#include <epan/wmem_scopes.h>

#include "core/budget.h"
#include "devices.h"

#define MAX_ADDRS       4       /* addresses a device answers to; older ones are unbound */
#define DEVICE_STRINGS  768     /* a device's name, evidence values and evidence text, typically */
#define GATEWAY_ADDRS   8       /* a MAC sending from more IPv4 addresses than this is a router's */

struct device {
    device_id_t id;
    uint64_t   mac;             /* 0: keyed by address */
    wsc_addr_t addrs[MAX_ADDRS];
    bool       mapped[MAX_ADDRS];       /* by_addr leads here (another device may take an address over) */
    unsigned   n_addrs;
    unsigned   next_addr;
    unsigned   v4_sources;      /* IPv4 addresses it sent from */
    bool       forwards;        /* it sent a unicast IPv4 packet whose TTL had been decremented */
    bool       gateway;         /* a router's MAC: hosts behind it are keyed by address */
    identity_t identity;
};

static wmem_map_t *by_mac;          /* GSIZE_TO_POINTER(mac) -> device_t */
static wmem_map_t *by_addr;         /* wsc_addr_t -> device_t */
static wmem_map_t *by_id;           /* GUINT_TO_POINTER(id) -> device_t */
static device_t  **ring;            /* creation order, for eviction */
static unsigned    capacity, count, next_victim;
static device_id_t next_id;
static uint64_t    last_gateway_mac;    /* routers are told again and again: remember the last */
static unsigned    generation;          /* bumped by every change of who is bound where */

/* The last frame's sender and receiver: consecutive frames mostly belong to
 * one conversation. Valid while the generation is unchanged. */
static struct {
    unsigned   generation;
    uint64_t   mac;
    wsc_addr_t addr;
    device_t  *device;
} last_source, last_destination;
static int         wlan_address_type = -1;

void devices_reset(unsigned max_devices)
{
    /* The device, its map entries (MAC, id, addresses), its strings: the
     * memory budget (core/budget.h) may hold fewer than max_devices. */
    unsigned budget = wsc_budget_entries(WSC_SHARE_DEVICES, sizeof(device_t) + DEVICE_STRINGS +
                                         MAX_ADDRS * sizeof(wsc_addr_t) + (MAX_ADDRS + 2) * WSC_MAP_ENTRY_BYTES, 16);

    capacity = MIN(MAX(max_devices, 16), budget);
    count = next_victim = 0;
    next_id = 0;
    last_gateway_mac = 0;
    by_mac = wmem_map_new(wmem_file_scope(), g_direct_hash, g_direct_equal);
    by_addr = wmem_map_new(wmem_file_scope(), wsc_addr_hash, wsc_addr_equal);
    by_id = wmem_map_new(wmem_file_scope(), g_direct_hash, g_direct_equal);
    ring = wmem_alloc0_array(wmem_file_scope(), device_t *, capacity);
    generation++;
    last_source.device = last_destination.device = NULL;
    if (wlan_address_type < 0)
        wlan_address_type = address_type_get_by_name("AT_ETHER_WLAN");
}

device_id_t device_id(const device_t *device)
{
    return device ? device->id : 0;
}

bool devices_addr(const device_t *device, wsc_addr_t *out)
{
    if (device == NULL || device->n_addrs == 0)
        return false;
    *out = device->addrs[(device->next_addr + MAX_ADDRS - 1) % MAX_ADDRS];
    return true;
}

device_t *devices_by_id(device_id_t id)
{
    return id && by_id ? wmem_map_lookup(by_id, GUINT_TO_POINTER(id)) : NULL;
}

static void unbind(device_t *device, const wsc_addr_t *addr)
{
    wsc_addr_t *key = NULL;
    device_t *owner = NULL;

    if (wmem_map_lookup_extended(by_addr, addr, (const void **)&key, (void **)&owner) && owner == device) {
        wmem_map_remove(by_addr, addr);
        wmem_free(wmem_file_scope(), key);      /* allocated by map_addr() */
    }
    for (unsigned i = 0; i < device->n_addrs; i++)
        if (wsc_addr_equal(&device->addrs[i], addr))
            device->mapped[i] = false;
}

/* Empties the oldest device for reuse, unless it is `keep` (in use by the caller). */
static device_t *recycle(const device_t *keep)
{
    device_t *device = ring[next_victim];

    if (device == keep) {
        next_victim = (next_victim + 1) % capacity;
        device = ring[next_victim];
    }
    next_victim = (next_victim + 1) % capacity;
    if (device->mac != 0)
        wmem_map_remove(by_mac, GSIZE_TO_POINTER(device->mac));
    for (unsigned i = 0; i < device->n_addrs; i++)
        unbind(device, &device->addrs[i]);
    wmem_map_remove(by_id, GUINT_TO_POINTER(device->id));
    identity_clear(&device->identity);          /* frees its strings */
    memset(device, 0, sizeof(*device));
    generation++;
    return device;
}

/* A fresh device with a new id: a new one while there is room, else the oldest. */
static device_t *device_alloc(const device_t *keep)
{
    device_t *device;

    if (count < capacity) {
        device = wmem_new0(wmem_file_scope(), device_t);
        ring[count++] = device;
    } else {
        device = recycle(keep);
    }
    device->id = ++next_id;
    wmem_map_insert(by_id, GUINT_TO_POINTER(device->id), device);
    return device;
}

static int addr_slot(const device_t *device, const wsc_addr_t *addr)
{
    for (unsigned i = 0; i < device->n_addrs; i++)
        if (wsc_addr_equal(&device->addrs[i], addr))
            return (int)i;
    return -1;
}

/* Maps the address to the device. Keys are allocated once per address:
 * another device may own this one's entry, and loses the address. */
static void map_addr(device_t *device, const wsc_addr_t *addr)
{
    wsc_addr_t *key = NULL;
    device_t *previous = NULL;
    int slot;

    if (!wmem_map_lookup_extended(by_addr, addr, (const void **)&key, (void **)&previous)) {
        key = wmem_new(wmem_file_scope(), wsc_addr_t);
        *key = *addr;
    } else if (previous != NULL && previous != device && (slot = addr_slot(previous, addr)) >= 0) {
        previous->mapped[slot] = false;
    }
    wmem_map_insert(by_addr, key, device);
    generation++;
}

static void bind_slot(device_t *device, const wsc_addr_t *addr)
{
    int slot = addr_slot(device, addr);

    if (slot >= 0 && device->mapped[slot])
        return;                             /* the common case: bound already */
    if (slot < 0) {
        slot = (int)device->next_addr;
        if (device->n_addrs == MAX_ADDRS) {
            unbind(device, &device->addrs[slot]);
            identity_forget_origin(&device->identity, (uint8_t)slot);
        } else {
            device->n_addrs++;
        }
        device->addrs[slot] = *addr;
        device->next_addr = (device->next_addr + 1) % MAX_ADDRS;
    }
    map_addr(device, addr);
    device->mapped[slot] = true;
}

static device_t *addr_device(const wsc_addr_t *addr, bool create, const device_t *keep)
{
    device_t *device = wmem_map_lookup(by_addr, addr);

    if (device != NULL || !create)
        return device;
    device = device_alloc(keep);
    bind_slot(device, addr);
    return device;
}

/* The MAC is a router's: the hosts it carried get devices keyed by their
 * addresses, with what they said from those addresses. */
static void become_gateway(device_t *router)
{
    router->gateway = true;
    generation++;
    for (unsigned i = 0; i < router->n_addrs; i++) {
        device_t *host;
        unbind(router, &router->addrs[i]);
        host = addr_device(&router->addrs[i], true, router);
        identity_move(&router->identity, (uint8_t)i, &host->identity, 0);
    }
    router->n_addrs = router->next_addr = 0;
}

/* Another /24 than one of the device's IPv4 addresses. */
static bool other_subnet(const device_t *device, const wsc_addr_t *addr)
{
    for (unsigned i = 0; i < device->n_addrs; i++)
        if (device->addrs[i].family == 4 && memcmp(device->addrs[i].bytes, addr->bytes, 3) != 0)
            return true;
    return false;
}

/* A host sends its own packets with its stack's initial TTL, mostly 64
 * (Linux, BSD, macOS, iOS, Android, most embedded stacks), 128 (Windows) or
 * 255 (mDNS by RFC 6762, lwIP, network gear); a router forwards with one
 * less. A home or office is a few routers deep at most: 1 to 3 below those
 * is forwarded, any other TTL (1 for link-local control, a stack's own odd
 * initial value such as 30, 60 or 100) the sender's own. Only unicast
 * counts: link-local multicast (SSDP, mDNS, IGMP) is not forwarded. */
static bool ttl_forwarded(uint8_t ttl)
{
    return (ttl >= 61 && ttl <= 63) || (ttl >= 125 && ttl <= 127) || (ttl >= 252 && ttl <= 254);
}

static bool looks_forwarded(const wsc_facts_t *facts)
{
    return facts->located && facts->src.family == 4 && !facts->dst_group &&
           ttl_forwarded(facts->frame.ip.hop_limit);
}

/* The frame's source address, sent with this device's MAC. Two /24s behind
 * one MAC are a router's sign only with a forwarded packet among them: an
 * IoT device in setup is also the access point of its own network (a
 * second address, its own packets). A forwarded packet's source is another
 * host: it is never bound to the MAC that carried it. */
static void bind_source(device_t *device, const wsc_addr_t *addr, bool forwarded)
{
    bool known = addr_slot(device, addr) >= 0;

    device->forwards |= forwarded;
    if (addr->family == 4 && ((device->forwards && other_subnet(device, addr)) ||
                              (!known && ++device->v4_sources > GATEWAY_ADDRS))) {
        become_gateway(device);
        return;
    }
    if (!forwarded)
        bind_slot(device, addr);
}

void devices_bind_addr(device_t *device, const wsc_addr_t *addr)
{
    if (device != NULL && !device->gateway)
        bind_slot(device, addr);
}

device_t *devices_by_mac(uint64_t mac, bool create)
{
    device_t *device = wmem_map_lookup(by_mac, GSIZE_TO_POINTER(mac));

    if (device != NULL || !create || mac == 0)
        return device;
    device = device_alloc(NULL);
    device->mac = mac;
    device->identity.dirty = true;
    wmem_map_insert(by_mac, GSIZE_TO_POINTER(mac), device);
    identity_observe_oui(&device->identity, mac);
    return device;
}

/* The frame's MAC as a number, 0 for none or a group address. */
static uint64_t unicast_mac(const address *dl)
{
    const uint8_t *b = dl->data;

    if (dl->len != 6 || (dl->type != AT_ETHER && dl->type != wlan_address_type) || (b[0] & 0x01))
        return 0;
    return (uint64_t)b[0] << 40 | (uint64_t)b[1] << 32 | (uint64_t)b[2] << 24 |
           (uint64_t)b[3] << 16 | (uint64_t)b[4] << 8 | b[5];
}

uint64_t devices_frame_src_mac(const wsc_facts_t *facts)
{
    return unicast_mac(&facts->pinfo->dl_src);
}

static void mark_gateway(uint64_t mac)
{
    device_t *device;

    if (mac == last_gateway_mac)
        return;
    device = devices_by_mac(mac, true);
    if (device != NULL && !device->gateway)
        become_gateway(device);
    last_gateway_mac = mac;
}

/* Remote traffic comes from, and goes to, the router's MAC. IPv4 only: a
 * host's own global IPv6 address looks no different from a remote one. */
static void note_gateways(const wsc_facts_t *facts, uint64_t src_mac, uint64_t dst_mac)
{
    if (facts->src.family != 4)
        return;
    if (src_mac != 0 && !facts->src_local && !facts->src_group)
        mark_gateway(src_mac);
    else if (dst_mac != 0 && facts->src_local && !facts->dst_local && !facts->dst_group)
        mark_gateway(dst_mac);
}

static device_t *resolve_source(const wsc_facts_t *facts, uint64_t mac)
{
    bool learn = facts->first_pass;
    bool unspecified = facts->src_group;        /* 0.0.0.0: a DHCP client before its lease */
    bool forwarded = looks_forwarded(facts);    /* the MAC is a router's, the source behind it */
    device_t *device = mac ? devices_by_mac(mac, learn) : NULL;

    if (device != NULL && !device->gateway) {
        if (learn && !unspecified)
            bind_source(device, &facts->src, forwarded);
        if (!device->gateway && !forwarded)
            return device;
    }
    return unspecified ? NULL : addr_device(&facts->src, learn, NULL);
}

/* A forwarded packet from a MAC not yet seen forwarding: news, the last
 * answer may not hold. */
static bool forwarding_news(const wsc_facts_t *facts, const device_t *device)
{
    return facts->first_pass && device->mac != 0 && !device->forwards && looks_forwarded(facts);
}

static device_t *source_device(const wsc_facts_t *facts, uint64_t mac)
{
    device_t *device;

    if (last_source.device != NULL && last_source.generation == generation && last_source.mac == mac &&
        wsc_addr_equal(&last_source.addr, &facts->src) && !forwarding_news(facts, last_source.device))
        return last_source.device;              /* nothing changed since: the same answer */
    device = resolve_source(facts, mac);
    last_source.generation = generation;
    last_source.mac = mac;
    last_source.addr = facts->src;
    last_source.device = device;
    return device;
}

/* Found by address only: a destination never binds anything. */
static device_t *destination_device(const wsc_addr_t *addr)
{
    if (last_destination.generation != generation || !wsc_addr_equal(&last_destination.addr, addr)) {
        last_destination.generation = generation;
        last_destination.addr = *addr;
        last_destination.device = addr_device(addr, false, NULL);
    }
    return last_destination.device;
}

void devices_of_frame(const wsc_facts_t *facts, device_t **src, device_t **dst)
{
    uint64_t src_mac = unicast_mac(&facts->pinfo->dl_src);

    *src = *dst = NULL;
    if (!facts->has_ip) {                       /* ARP and other link-layer frames: by MAC */
        *src = src_mac ? devices_by_mac(src_mac, false) : NULL;
        *dst = devices_by_mac(unicast_mac(&facts->pinfo->dl_dst), false);
        return;
    }
    if (facts->first_pass)
        note_gateways(facts, src_mac, unicast_mac(&facts->pinfo->dl_dst));
    if (facts->src_local || (facts->src_group && facts->src.bytes[0] == 0 && src_mac != 0))
        *src = source_device(facts, src_mac);
    if (facts->dst_local)
        *dst = destination_device(&facts->dst);
}

static uint8_t origin_of(const device_t *device, const wsc_addr_t *addr)
{
    int slot = addr ? addr_slot(device, addr) : -1;

    return slot < 0 ? ORIGIN_MAC : (uint8_t)slot;
}

void devices_observe(device_t *device, signal_t signal, const char *value, const wsc_addr_t *addr)
{
    if (device != NULL && identity_value_is_news(&device->identity, signal, value))
        identity_match(&device->identity, signal, value, origin_of(device, addr));
}

void devices_set_name(device_t *device, const char *name, int rank, const wsc_addr_t *addr)
{
    if (device != NULL)
        identity_set_name(&device->identity, name, rank, origin_of(device, addr));
}

void devices_observe_port(device_t *device, signal_t signal, bool tcp, uint16_t port, const wsc_addr_t *addr)
{
    if (device != NULL && identity_port_is_news(&device->identity, signal, tcp, port))
        identity_observe_port(&device->identity, signal, tcp, port, origin_of(device, addr));
}

void devices_count_traffic(device_t *device, bool upstream, uint32_t frame_len, int64_t ts_ns)
{
    if (device != NULL)
        identity_count_traffic(&device->identity, upstream, frame_len, ts_ns);
}

void devices_mark_resolver(device_t *device)
{
    if (device != NULL)
        identity_mark_resolver(&device->identity);
}

const verdict_t *devices_verdict(device_t *device)
{
    return device ? identity_verdict(&device->identity) : NULL;
}
