/* hash.h: cheap hashes for the suite's fixed-size binary keys.
 *
 * Keys are addresses, flows and pairs of ids, 4 to 40 bytes, hashed several
 * times a packet. They come from packet bytes, so a hostile capture could
 * aim at collisions; the multiply-xorshift mix below spreads every input bit
 * and the tables are capped (docs/reliability.md), which bounds the damage.
 * Byte-wise strong hashes cost ~10x more here and buy nothing the caps do
 * not already give.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_HASH_H
#define WSC_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* A 32-bit finaliser (from the murmur3 family of constants). */
static inline uint32_t wsc_hash_mix32(uint32_t h)
{
    h ^= h >> 16;
    h *= 0x85EBCA6Bu;
    h ^= h >> 13;
    h *= 0xC2B2AE35u;
    h ^= h >> 16;
    return h;
}

/* A key of `len` bytes, read 4 at a time (any alignment). */
static inline uint32_t wsc_hash_bytes(const void *key, size_t len)
{
    const uint8_t *p = key;
    uint32_t h = (uint32_t)len * 0x9E3779B9u, word;

    for (; len >= 4; len -= 4, p += 4) {
        memcpy(&word, p, 4);
        h = (h ^ word) * 0x01000193u + 0x7FEB352Du;
        h ^= h >> 15;
    }
    for (; len > 0; len--, p++)
        h = (h ^ *p) * 0x01000193u;
    return wsc_hash_mix32(h);
}

#endif /* WSC_HASH_H */
