/* ip_peek.c: locate the IP header in a frame, then the transport header.
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
#define PPP_IPV4            0x0021
#define PPP_IPV6            0x0057
#define MAX_VLAN_TAGS       4
#define MAX_IPV6_EXT_HDRS   8

/* Where the network layer starts, and which one it is. */
typedef struct {
    size_t   offset;
    uint16_t ethertype;     /* ETHERTYPE_IPV4, ETHERTYPE_IPV6, or anything else */
} link_result_t;

static inline uint16_t be16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static inline uint16_t le16(const uint8_t *p) { return (uint16_t)(p[1] << 8 | p[0]); }
static inline uint32_t be32(const uint8_t *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }

static uint16_t ethertype_of_version(const uint8_t *frame, size_t len, size_t offset)
{
    if (offset >= len)
        return 0;
    switch (frame[offset] >> 4) {
    case 4: return ETHERTYPE_IPV4;
    case 6: return ETHERTYPE_IPV6;
    default: return 0;
    }
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

/* Resolves VLAN tags and PPPoE sessions after an Ethernet type field. */
static bool ethertype_payload(const uint8_t *frame, size_t len, size_t type_offset, link_result_t *out)
{
    uint16_t type;
    int tags = 0;

    if (len < type_offset + 2)
        return false;
    type = be16(frame + type_offset);
    while ((type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ || type == ETHERTYPE_QINQ_OLD) && tags++ < MAX_VLAN_TAGS) {
        type_offset += 4;
        if (len < type_offset + 2)
            return false;
        type = be16(frame + type_offset);
    }
    if (type < 0x0600)      /* an 802.3 length: LLC follows */
        return snap_ethertype(frame, len, type_offset + 2, out);
    if (type == ETHERTYPE_PPPOE) {
        /* version/type, code, session id, length, then the PPP protocol */
        size_t ppp = type_offset + 2 + 6;
        if (len < ppp + 2)
            return false;
        switch (be16(frame + ppp)) {
        case PPP_IPV4: type = ETHERTYPE_IPV4; break;
        case PPP_IPV6: type = ETHERTYPE_IPV6; break;
        default: return false;
        }
        type_offset = ppp;
    }
    out->ethertype = type;
    out->offset = type_offset + 2;
    return true;
}

/* BSD loopback: the address family in the capturing host's byte order. */
static uint16_t null_family_ethertype(uint32_t family)
{
    switch (family) {
    case 2:                                 /* AF_INET everywhere */
        return ETHERTYPE_IPV4;
    case 10: case 24: case 28: case 30:     /* AF_INET6: Linux, BSDs, macOS */
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
        family = (uint32_t)frame[3] << 24 | (uint32_t)frame[2] << 16 | (uint32_t)frame[1] << 8 | frame[0];
    out->ethertype = null_family_ethertype(family);
    out->offset = 4;
    return out->ethertype != 0;
}

/* An 802.11 data frame carrying LLC/SNAP. Protected frames are skipped: the
 * bytes are ciphertext (decrypted frames live in another tvb). */
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
        return false;                       /* not data, no payload, or protected */
    if ((fc & 0x0300) == 0x0300)
        hdr += 6;                           /* four addresses (WDS) */
    if (subtype & 0x8) {
        hdr += 2;                           /* QoS control */
        if (fc & 0x8000)
            hdr += 4;                       /* HT control */
    }
    return snap_ethertype(frame, len, offset + hdr, out);
}

static bool link_payload(const uint8_t *frame, size_t len, int encap, link_result_t *out)
{
    switch (encap) {
    case WTAP_ENCAP_ETHERNET:
        return ethertype_payload(frame, len, 12, out);
    case WTAP_ENCAP_RAW_IP:
    case WTAP_ENCAP_RAW_IP4:
    case WTAP_ENCAP_RAW_IP6:
        out->offset = 0;
        out->ethertype = ethertype_of_version(frame, len, 0);
        return out->ethertype != 0;
    case WTAP_ENCAP_NULL:
        return null_payload(frame, len, false, out);
    case WTAP_ENCAP_LOOP:
        return null_payload(frame, len, true, out);
    case WTAP_ENCAP_SLL:                    /* 16-byte cooked header, protocol last */
        return ethertype_payload(frame, len, 14, out);
    case WTAP_ENCAP_SLL2:                   /* 20-byte cooked header, protocol first */
        if (len < 20)
            return false;
        out->ethertype = be16(frame);
        out->offset = 20;
        return true;
    case WTAP_ENCAP_IEEE_802_11:
    case WTAP_ENCAP_IEEE_802_11_WITH_RADIO:
        return ieee80211_payload(frame, len, 0, out);
    case WTAP_ENCAP_IEEE_802_11_RADIOTAP:
        return len >= 4 && ieee80211_payload(frame, len, le16(frame + 2), out);
    default:
        return false;
    }
}

static bool ipv4_header(const uint8_t *frame, size_t len, size_t offset, ip_peek_t *out)
{
    const uint8_t *ip = frame + offset;
    size_t ihl;

    if (len < offset + 20 || ip[0] >> 4 != 4)
        return false;
    ihl = (size_t)(ip[0] & 0x0F) * 4;
    if (ihl < 20 || len < offset + ihl)
        return false;
    if ((be16(ip + 6) & 0x1FFF) != 0)
        return false;                       /* a later fragment: no transport header */
    out->family = 4;
    out->ipproto = ip[9];
    out->src_offset = offset + 12;
    out->dst_offset = offset + 16;
    out->l4_offset = offset + ihl;
    return true;
}

static bool ipv6_header(const uint8_t *frame, size_t len, size_t offset, ip_peek_t *out)
{
    size_t next = offset + 40;
    uint8_t nh;
    int hops;

    if (len < next || frame[offset] >> 4 != 6)
        return false;
    nh = frame[offset + 6];
    for (hops = 0; hops < MAX_IPV6_EXT_HDRS; hops++) {
        size_t ext_len;
        if (nh != 0 && nh != 43 && nh != 44 && nh != 51 && nh != 60)
            break;                          /* not an extension header: transport */
        if (len < next + 8)
            return false;
        if (nh == 44) {                     /* fragment: only the first has the header */
            if ((be16(frame + next + 2) & 0xFFF8) != 0)
                return false;
            ext_len = 8;
        } else if (nh == 51) {              /* AH counts 4-byte words */
            ext_len = ((size_t)frame[next + 1] + 2) * 4;
        } else {
            ext_len = ((size_t)frame[next + 1] + 1) * 8;
        }
        nh = frame[next];
        next += ext_len;
    }
    if (hops == MAX_IPV6_EXT_HDRS || len < next)
        return false;
    out->family = 6;
    out->ipproto = nh;
    out->src_offset = offset + 8;
    out->dst_offset = offset + 24;
    out->l4_offset = next;
    return true;
}

bool ip_peek(const uint8_t *frame, size_t len, int encap, ip_peek_t *out)
{
    link_result_t link;

    if (frame == NULL || !link_payload(frame, len, encap, &link))
        return false;
    switch (link.ethertype) {
    case ETHERTYPE_IPV4: return ipv4_header(frame, len, link.offset, out);
    case ETHERTYPE_IPV6: return ipv6_header(frame, len, link.offset, out);
    default: return false;
    }
}

static bool same_address(const address *addr, const uint8_t *bytes, size_t len)
{
    return addr->len == (int)len && memcmp(addr->data, bytes, len) == 0;
}

/* The TCP or UDP payload after a transport header at f->ip.l4_offset. */
static void locate_payload(wsc_frame_t *f)
{
    const uint8_t *l4 = f->frame + f->ip.l4_offset;
    size_t avail = f->len - f->ip.l4_offset;
    size_t header;

    if (f->ip.ipproto == 6 && avail >= 20) {
        header = (size_t)(l4[12] >> 4) * 4;
    } else if (f->ip.ipproto == 17 && avail >= 8) {
        header = 8;
    } else {
        return;
    }
    f->sport = be16(l4);
    f->dport = be16(l4 + 2);
    if (header < 8 || header > avail)
        return;
    if (avail > header) {
        f->payload = l4 + header;
        f->payload_len = avail - header;
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
    if (!same_address(&pinfo->net_src, out->frame + out->ip.src_offset, ip_addr_len(&out->ip)) ||
        !same_address(&pinfo->net_dst, out->frame + out->ip.dst_offset, ip_addr_len(&out->ip)))
        return false;
    if (out->ip.l4_offset < len)
        locate_payload(out);
    return true;
}
