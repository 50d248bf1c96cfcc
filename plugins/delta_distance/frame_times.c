/* frame_times.c: frame number -> time stamp, in chunks of 64k frames.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>

#include "frame_times.h"

#define CHUNK_BITS  16
#define CHUNK_SIZE  (1u << CHUNK_BITS)

/* Stored with the sign bit flipped, so that a zeroed slot (a chunk straight
 * from calloc, whose pages the system zeroes when first touched) reads as
 * unknown: INT64_MIN, the one time stamp that maps to 0, was never one. */
#define STORED(ts)  ((ts) ^ INT64_MIN)

static int64_t **chunks;
static uint32_t n_chunks;

static int64_t *chunk_for(uint32_t frame_num, bool create)
{
    uint32_t index = frame_num >> CHUNK_BITS;

    if (index >= n_chunks) {
        uint32_t grown = n_chunks ? n_chunks : 16;
        if (!create)
            return NULL;
        while (grown <= index)
            grown *= 2;
        chunks = g_renew(int64_t *, chunks, grown);
        memset(chunks + n_chunks, 0, (grown - n_chunks) * sizeof(*chunks));
        n_chunks = grown;
    }
    if (chunks[index] == NULL && create)
        chunks[index] = g_new0(int64_t, CHUNK_SIZE);
    return chunks[index];
}

void frame_times_record(uint32_t frame_num, int64_t ts_ns)
{
    chunk_for(frame_num, true)[frame_num & (CHUNK_SIZE - 1)] = STORED(ts_ns);
}

bool frame_times_lookup(uint32_t frame_num, int64_t *ts_ns)
{
    const int64_t *chunk = chunk_for(frame_num, false);

    if (chunk == NULL || chunk[frame_num & (CHUNK_SIZE - 1)] == 0)
        return false;
    *ts_ns = STORED(chunk[frame_num & (CHUNK_SIZE - 1)]);
    return true;
}

void frame_times_clear(void)
{
    for (uint32_t i = 0; i < n_chunks; i++)
        g_free(chunks[i]);
    g_free(chunks);
    chunks = NULL;
    n_chunks = 0;
}
