/* ip_peek.c: locate the IP header in a frame, through link layers and
 * tunnels, then the transport header and its payload.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/packet.h>
#include <wiretap/wtap.h>

#include "core/ip_peek.h"

#define ETHERTYPE_IPV4      0x0800
#define ETHERTYPE_IPV6      0x86DD
#define ETHERTYPE_VLAN      0x8100
#define ETHERTYPE_QINQ      0x88A8
#define ETHERTYPE_QINQ_OLD  0x9100
#define ETHERTYPE_PPPOE     0x8864
#define ETHERTYPE_TEB       0x6558      /* GRE: transparent Ethernet bridging */
#define ETHERTYPE_PPP       0x880B      /* GRE version 1 (PPTP) */
#define PPP_IPV4            0x0021
#define PPP_IPV6            0x0057
#define IPPROTO_IPIP_NUM    4
#define IPPROTO_TCP_NUM     6
#define IPPROTO_UDP_NUM     17
#define IPPROTO_IPV6_NUM    41
#define IPPROTO_GRE_NUM     47
#define VXLAN_PORT          4789
#define ETH_TYPE_OFFSET     12
#define ETH_HEADER_LEN      14
#define UDP_HEADER_LEN      8
#define TCP_MIN_HEADER_LEN  20
#define MAX_VLAN_TAGS       4
#define MAX_IPV6_EXT_HDRS   8

#define GRE_CHECKSUM        0x8000
#define GRE_ROUTING         0x4000
#define GRE_KEY             0x2000
#define GRE_SEQUENCE        0x1000
#define GRE_ACK             0x0080      /* version 1 only */
#define GRE_VERSION         0x0007

/* Where the network layer starts, and which one it is. */
typedef struct {
    size_t   offset;
    uint16_t ethertype;     /* ETHERTYPE_IPV4, ETHERTYPE_IPV6, or anything else */
} link_result_t;

static inline uint16_t be16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static inline uint16_t le16(const uint8_t *p) { return (uint16_t)(p[1] << 8 | p[0]); }
static inline uint32_t be32(const uint8_t *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }
static inline uint32_t le32(const uint8_t *p) { return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0]; }

/* --- link layers ---------------------------------------------------------- */

static bool version_ethertype(const uint8_t *frame, size_t len, size_t offset, link_result_t *out)
{
    if (offset >= len)
        return false;
    switch (frame[offset] >> 4) {
    case 4: out->ethertype = ETHERTYPE_IPV4; break;
    case 6: out->ethertype = ETHERTYPE_IPV6; break;
    default: return false;
    }
    out->offset = offset;
    return true;
}

/* LLC/SNAP with an encapsulated Ethernet type (RFC 1042 or 802.1H). */
static bool snap_ethertype(const uint8_t *frame, size_t len, size_t offset, link_result_t *out)
{
    static const uint8_t rfc1042[6] = { 0xAA, 0xAA, 0x03, 0x00, 0x00, 0x00 };
    static const uint8_t bridge_tunnel[6] = { 0xAA, 0xAA, 0x03, 0x00, 0x00, 0xF8 };

    if (len < offset + 8)
        return false;
    if (memcmp(frame + offset, rfc1042, 6) != 0 && memcmp(frame + offset, bridge_tunnel, 6) != 0)
        return false;
    out->ethertype = be16(frame + offset + 6);
    out->offset = offset + 8;
    return true;
}

/* A PPP frame as PPPoE and PPTP's GRE carry it: an optional HDLC address
 * and control pair, then the protocol, one byte when compressed (RFC 1661:
 * protocol numbers are odd in their last byte, even in their first). */
static bool ppp_payload(const uint8_t *frame, size_t len, size_t offset, link_result_t *out)
{
    uint16_t protocol;

    if (len >= offset + 2 && frame[offset] == 0xFF && frame[offset + 1] == 0x03)
        offset += 2;
    if (len < offset + 1)
        return false;
    if (frame[offset] & 0x01) {
        protocol = frame[offset];
        offset += 1;
    } else {
        if (len < offset + 2)
            return false;
        protocol = be16(frame + offset);
        offset += 2;
    }
    switch (protocol) {
    case PPP_IPV4: out->ethertype = ETHERTYPE_IPV4; break;
    case PPP_IPV6: out->ethertype = ETHERTYPE_IPV6; break;
    default: return false;
    }
    out->offset = offset;
    return true;
}

/* PPPoE session stage (RFC 2516): version and type 0x11, code 0, the
 * session id and length, then PPP. */
static bool pppoe_payload(const uint8_t *frame, size_t len, size_t offset, link_result_t *out)
{
    if (len < offset + 6 || frame[offset] != 0x11 || frame[offset + 1] != 0)
        return false;
    return ppp_payload(frame, len, offset + 6, out);
}

static bool is_vlan_tag(uint16_t type)
{
    return type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ || type == ETHERTYPE_QINQ_OLD;
}

/* The network layer after an Ethernet type field at type_offset whose
 * payload starts at payload_offset (they are apart in cooked captures):
 * resolves VLAN/QinQ tags, PPPoE sessions and 802.3 frames with LLC/SNAP. */
static bool ethertype_payload(const uint8_t *frame, size_t len, size_t type_offset, size_t payload_offset,
                              link_result_t *out)
{
    uint16_t type;

    if (len < type_offset + 2)
        return false;
    type = be16(frame + type_offset);
    for (int tags = 0; is_vlan_tag(type); tags++) {
        if (tags == MAX_VLAN_TAGS || len < payload_offset + 4)
            return false;
        type = be16(frame + payload_offset + 2);   /* after the tag control information */
        payload_offset += 4;
    }
    if (type < 0x0600)      /* an 802.3 length, or SLL's 802.2 marker: LLC follows */
        return snap_ethertype(frame, len, payload_offset, out);
    if (type == ETHERTYPE_PPPOE)
        return pppoe_payload(frame, len, payload_offset, out);
    out->ethertype = type;
    out->offset = payload_offset;
    return true;
}

/* BSD loopback: the address family in the capturing host's byte order. */
static uint16_t null_family_ethertype(uint32_t family)
{
    switch (family) {
    case 2:                                 /* AF_INET everywhere */
        return ETHERTYPE_IPV4;
    case 10: case 24: case 28: case 30:     /* AF_INET6: Linux, NetBSD/OpenBSD, FreeBSD, macOS */
        return ETHERTYPE_IPV6;
    default:
        return 0;
    }
}

static bool null_payload(const uint8_t *frame, size_t len, bool network_order, link_result_t *out)
{
    uint32_t family;

    if (len < 4)
        return false;
    family = be32(frame);
    if (!network_order && null_family_ethertype(family) == 0)
        family = le32(frame);
    out->ethertype = null_family_ethertype(family);
    out->offset = 4;
    return out->ethertype != 0;
}

/* An 802.11 data frame carrying LLC/SNAP, with or without QoS. Protected
 * frames are skipped (the bytes are ciphertext: decrypted frames live in
 * another tvb), and so are A-MSDUs (each subframe has its own header). */
static bool ieee80211_payload(const uint8_t *frame, size_t len, size_t offset, link_result_t *out)
{
    uint16_t fc;
    unsigned type, subtype;
    size_t hdr = 24;

    if (len < offset + hdr)
        return false;
    fc = le16(frame + offset);
    type = (fc >> 2) & 0x3;
    subtype = (fc >> 4) & 0xF;
    if (type != 2 || (subtype & 0x4) != 0 || (fc & 0x4000) != 0)
        return false;                       /* not data, no payload (null), or protected */
    if ((fc & 0x0300) == 0x0300)
        hdr += 6;                           /* four addresses (WDS) */
    if (subtype & 0x8) {                    /* QoS data: a QoS control field */
        if (len < offset + hdr + 2 || (frame[offset + hdr] & 0x80) != 0)
            return false;                   /* truncated, or an A-MSDU */
        hdr += 2;
        if (fc & 0x8000)
            hdr += 4;                       /* +HTC: HT control */
    }
    return snap_ethertype(frame, len, offset + hdr, out);
}

static bool radiotap_payload(const uint8_t *frame, size_t len, link_result_t *out)
{
    size_t header;

    if (len < 8)
        return false;
    header = le16(frame + 2);
    return header >= 8 && ieee80211_payload(frame, len, header, out);
}

static bool link_payload(const uint8_t *frame, size_t len, int encap, link_result_t *out)
{
    switch (encap) {
    case WTAP_ENCAP_ETHERNET:
        return ethertype_payload(frame, len, ETH_TYPE_OFFSET, ETH_HEADER_LEN, out);
    case WTAP_ENCAP_RAW_IP:
    case WTAP_ENCAP_RAW_IP4:
    case WTAP_ENCAP_RAW_IP6:
        return version_ethertype(frame, len, 0, out);
    case WTAP_ENCAP_NULL:
        return null_payload(frame, len, false, out);
    case WTAP_ENCAP_LOOP:
        return null_payload(frame, len, true, out);
    case WTAP_ENCAP_SLL:                    /* 16-byte cooked header, protocol last */
        return ethertype_payload(frame, len, 14, 16, out);
    case WTAP_ENCAP_SLL2:                   /* 20-byte cooked header, protocol first */
        return ethertype_payload(frame, len, 0, 20, out);
    case WTAP_ENCAP_IEEE_802_11:
    case WTAP_ENCAP_IEEE_802_11_WITH_RADIO:
        return ieee80211_payload(frame, len, 0, out);
    case WTAP_ENCAP_IEEE_802_11_RADIOTAP:
        return radiotap_payload(frame, len, out);
    default:
        return false;
    }
}

/* --- IP headers ----------------------------------------------------------- */

static bool ipv4_header(const uint8_t *frame, size_t len, size_t offset, ip_peek_t *out)
{
    const uint8_t *ip;
    size_t ihl, total;

    if (len < offset + 20 || frame[offset] >> 4 != 4)
        return false;
    ip = frame + offset;
    ihl = (size_t)(ip[0] & 0x0F) * 4;
    total = be16(ip + 2);
    if (total == 0)
        total = len - offset;               /* segmentation offload: the NIC writes it later */
    if (ihl < 20 || total < ihl || len < offset + ihl)
        return false;
    if ((be16(ip + 6) & 0x1FFF) != 0)
        return false;                       /* a later fragment: no transport header */
    out->family = 4;
    out->ipproto = ip[9];
    out->hop_limit = ip[8];
    out->src_offset = offset + 12;
    out->dst_offset = offset + 16;
    out->l4_offset = offset + ihl;
    out->end = MIN(len, offset + total);
    return true;
}

static bool is_ipv6_extension(uint8_t next_header)
{
    switch (next_header) {
    case 0:         /* hop-by-hop options */
    case 43:        /* routing */
    case 44:        /* fragment */
    case 51:        /* authentication header */
    case 60:        /* destination options */
    case 135:       /* mobility */
    case 139:       /* HIP */
    case 140:       /* shim6 */
        return true;
    default:
        return false;
    }
}

/* The length of the extension header of this type at `at`; false when it
 * is cut off or is the fragment header of a later fragment. */
static bool ipv6_extension_length(const uint8_t *frame, size_t end, size_t at, uint8_t type, size_t *ext_len)
{
    if (end < at + 8)
        return false;
    if (type == 44) {
        if ((be16(frame + at + 2) & 0xFFF8) != 0)
            return false;                   /* only the first fragment has the transport header */
        *ext_len = 8;
    } else if (type == 51) {
        *ext_len = ((size_t)frame[at + 1] + 2) * 4;     /* AH counts 4-byte words */
    } else {
        *ext_len = ((size_t)frame[at + 1] + 1) * 8;
    }
    return true;
}

static bool ipv6_header(const uint8_t *frame, size_t len, size_t offset, ip_peek_t *out)
{
    size_t next = offset + 40, end, payload;
    uint8_t nh;

    if (len < next || frame[offset] >> 4 != 6)
        return false;
    payload = be16(frame + offset + 4);
    end = payload == 0 ? len : MIN(len, next + payload);   /* 0: a jumbogram, or segmentation offload */
    nh = frame[offset + 6];
    for (int hops = 0; is_ipv6_extension(nh); hops++) {
        size_t ext_len;
        if (hops == MAX_IPV6_EXT_HDRS || !ipv6_extension_length(frame, end, next, nh, &ext_len))
            return false;
        nh = frame[next];
        next += ext_len;
    }
    if (next > end)
        return false;
    out->family = 6;
    out->ipproto = nh;
    out->hop_limit = frame[offset + 7];
    out->src_offset = offset + 8;
    out->dst_offset = offset + 24;
    out->l4_offset = next;
    out->end = end;
    return true;
}

static bool network_header(const uint8_t *frame, size_t len, const link_result_t *link, ip_peek_t *out)
{
    switch (link->ethertype) {
    case ETHERTYPE_IPV4: return ipv4_header(frame, len, link->offset, out);
    case ETHERTYPE_IPV6: return ipv6_header(frame, len, link->offset, out);
    default: return false;
    }
}

bool ip_peek(const uint8_t *frame, size_t len, int encap, ip_peek_t *out)
{
    link_result_t link;

    if (frame == NULL || !link_payload(frame, len, encap, &link))
        return false;
    return network_header(frame, len, &link, out);
}

/* --- transport headers and tunnels --------------------------------------- */

/* The UDP payload's bounds: after the 8-byte header, up to the UDP length
 * (within the IP datagram). False when the header is cut off or its length
 * is below 8, except 0 in IPv6, a jumbogram's (RFC 2675). */
static bool udp_payload_bounds(const uint8_t *frame, const ip_peek_t *ip, size_t *start, size_t *end)
{
    size_t udp_len;

    if (ip->end - ip->l4_offset < UDP_HEADER_LEN)
        return false;
    udp_len = be16(frame + ip->l4_offset + 4);
    if (udp_len == 0 && ip->family == 6)
        udp_len = ip->end - ip->l4_offset;
    if (udp_len < UDP_HEADER_LEN)
        return false;
    *start = ip->l4_offset + UDP_HEADER_LEN;
    *end = MIN(ip->end, ip->l4_offset + udp_len);
    return true;
}

/* The TCP payload's bounds: after the header's data offset, to the end of
 * the IP datagram. False when the header is cut off or claims fewer than
 * its 20 fixed bytes (the payload would start inside the header). */
static bool tcp_payload_bounds(const uint8_t *frame, const ip_peek_t *ip, size_t *start, size_t *end)
{
    size_t avail = ip->end - ip->l4_offset, header;

    if (avail < TCP_MIN_HEADER_LEN)
        return false;
    header = (size_t)(frame[ip->l4_offset + 12] >> 4) * 4;
    if (header < TCP_MIN_HEADER_LEN || header > avail)
        return false;
    *start = ip->l4_offset + header;
    *end = ip->end;
    return true;
}

/* GRE (RFC 2784, with RFC 2890's key and sequence number; version 1 is
 * PPTP's, RFC 2637, carrying PPP). Source routing (RFC 1701) is obsolete
 * and not followed. */
static bool gre_payload(const uint8_t *frame, size_t len, size_t offset, link_result_t *out)
{
    uint16_t flags, type;
    size_t header = 4;

    if (len < offset + 4)
        return false;
    flags = be16(frame + offset);
    type = be16(frame + offset + 2);
    if (flags & GRE_ROUTING)
        return false;
    if ((flags & GRE_VERSION) == 1) {       /* key (payload length, call id) always present */
        if (type != ETHERTYPE_PPP || !(flags & GRE_KEY))
            return false;
        header += 4 + (flags & GRE_SEQUENCE ? 4 : 0) + (flags & GRE_ACK ? 4 : 0);
        return ppp_payload(frame, len, offset + header, out);
    }
    if ((flags & GRE_VERSION) != 0)
        return false;
    header += (flags & GRE_CHECKSUM ? 4 : 0) + (flags & GRE_KEY ? 4 : 0) + (flags & GRE_SEQUENCE ? 4 : 0);
    if (type == ETHERTYPE_TEB)
        return ethertype_payload(frame, len, offset + header + ETH_TYPE_OFFSET, offset + header + ETH_HEADER_LEN, out);
    if (type != ETHERTYPE_IPV4 && type != ETHERTYPE_IPV6)
        return false;
    out->ethertype = type;
    out->offset = offset + header;
    return true;
}

/* VXLAN (RFC 7348): UDP to or from port 4789 (where Wireshark decodes it),
 * an 8-byte header, then an Ethernet frame without FCS. `end` is narrowed
 * to the UDP datagram. */
static bool vxlan_payload(const uint8_t *frame, const ip_peek_t *outer, size_t *end, link_result_t *out)
{
    size_t start, inner;

    if (!udp_payload_bounds(frame, outer, &start, end))
        return false;
    if (be16(frame + outer->l4_offset) != VXLAN_PORT && be16(frame + outer->l4_offset + 2) != VXLAN_PORT)
        return false;
    inner = start + 8;
    return ethertype_payload(frame, *end, inner + ETH_TYPE_OFFSET, inner + ETH_HEADER_LEN, out);
}

bool ip_peek_inner(const uint8_t *frame, const ip_peek_t *outer, ip_peek_t *inner)
{
    link_result_t link;
    size_t end = outer->end;

    if (frame == NULL || outer->l4_offset > outer->end)
        return false;
    switch (outer->ipproto) {
    case IPPROTO_IPIP_NUM:
        link.ethertype = ETHERTYPE_IPV4;
        link.offset = outer->l4_offset;
        break;
    case IPPROTO_IPV6_NUM:
        link.ethertype = ETHERTYPE_IPV6;
        link.offset = outer->l4_offset;
        break;
    case IPPROTO_GRE_NUM:
        if (!gre_payload(frame, end, outer->l4_offset, &link))
            return false;
        break;
    case IPPROTO_UDP_NUM:
        if (!vxlan_payload(frame, outer, &end, &link))
            return false;
        break;
    default:
        return false;
    }
    return network_header(frame, end, &link, inner);
}

/* --- the packet's own header ---------------------------------------------- */

static bool same_address(const address *addr, const uint8_t *bytes, size_t len)
{
    return addr->len == (int)len && memcmp(addr->data, bytes, len) == 0;
}

static bool addresses_agree(const packet_info *pinfo, const uint8_t *frame, const ip_peek_t *ip)
{
    return same_address(&pinfo->net_src, frame + ip->src_offset, ip_addr_len(ip)) &&
           same_address(&pinfo->net_dst, frame + ip->dst_offset, ip_addr_len(ip));
}

/* Ports and payload of a TCP or UDP header at f->ip.l4_offset. */
static void locate_payload(wsc_frame_t *f)
{
    size_t start, end;
    bool ok;

    switch (f->ip.ipproto) {
    case IPPROTO_TCP_NUM: ok = tcp_payload_bounds(f->frame, &f->ip, &start, &end); break;
    case IPPROTO_UDP_NUM: ok = udp_payload_bounds(f->frame, &f->ip, &start, &end); break;
    default: ok = false; break;
    }
    if (!ok)
        return;
    f->sport = be16(f->frame + f->ip.l4_offset);
    f->dport = be16(f->frame + f->ip.l4_offset + 2);
    if (end > start) {
        f->payload = f->frame + start;
        f->payload_len = end - start;
    }
}

bool wsc_frame_locate(tvbuff_t *tvb, const packet_info *pinfo, wsc_frame_t *out)
{
    guint len = tvb_captured_length(tvb);

    memset(out, 0, sizeof(*out));
    if (pinfo->rec == NULL || pinfo->rec->rec_type != REC_TYPE_PACKET || len == 0)
        return false;
    out->frame = tvb_get_ptr(tvb, 0, len);
    out->len = len;
    if (!ip_peek(out->frame, len, pinfo->rec->rec_header.packet_header.pkt_encap, &out->ip))
        return false;
    /* Wireshark's addresses are the innermost it decoded: follow the tunnel. */
    while (!addresses_agree(pinfo, out->frame, &out->ip)) {
        if (out->tunnel_depth == WSC_MAX_TUNNEL_DEPTH || !ip_peek_inner(out->frame, &out->ip, &out->ip))
            return false;
        out->tunnel_depth++;
    }
    locate_payload(out);
    return true;
}
