/* stat_lines.h: statistic lines that stay few, whatever the capture holds.
 *
 * Some branches of the statistic have a line per thing a capture can make up
 * without end: a line per host name under a provider, per remote address
 * whose round trip contradicts its geolocation. Such a branch keeps totals
 * for a few candidate keys and shows the top TOP_LINES of them by bytes,
 * each with its own exact totals, and one "(other)" line for the rest of the
 * branch (whose Count and Average stay exact; its Min and Max span all that
 * was ever counted there). A key that overtakes the smallest line takes that
 * line over, so the lines are the top ones at every moment, in tshark and in
 * the GUI alike, and each packet costs a bounded amount of work.
 *
 * Candidates are kept as in the Space-Saving algorithm (Metwally et al.,
 * 2005): a new key replaces the candidate with the fewest bytes and starts
 * from that count for ranking (its shown totals start from zero), so a key
 * with a large share of the branch's bytes cannot be crowded out by a flood
 * of small ones.
 *
 * Every line the statistic draws (devices, providers, these) counts against
 * one instance's share of the memory budget: past it, a device goes to
 * "(more devices)", a provider to "(other providers)", a key to "(other)".
 *
 * Wireshark 4.0's stats_tree adds one value at a time and never renames or
 * removes a line, so lines are written through stats_tree_priv.h, here only.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef IOTCLOUD_STAT_LINES_H
#define IOTCLOUD_STAT_LINES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <epan/stats_tree.h>

#define STAT_TOP_LINES  10      /* lines shown per bounded branch, besides "(other)" */
#define STAT_KEY_BYTES  24

/* A key: interned string pointers or an address, zero-padded. */
typedef struct {
    uint8_t bytes[STAT_KEY_BYTES];
} stat_key_t;

/* Writes a key's line text; called only when the key gets a line. */
typedef void (*stat_text_fn)(const void *ctx, char *buf, size_t size);

typedef struct stat_lines stat_lines_t;

/* One statistic instance's lines, holding at most max_bytes. */
stat_lines_t *stat_lines_new(stats_tree *st, size_t max_bytes);
void stat_lines_free(stat_lines_t *lines);

/* The line `name` under `parent_id` (an average line: Count = packets,
 * Average/Min/Max = value) gets one packet's value, created when there is
 * room. with_children: it will have lines of its own, and an id. *id: the
 * line's id when the caller has it from an earlier call (the line exists:
 * no lookup by name to check), else -1; set to the line's id. False, with
 * nothing counted, when the line does not exist and the budget has no room. */
bool stat_lines_average(stat_lines_t *lines, int parent_id, const char *name, bool with_children, int value,
                        int *id);

/* One packet of `weight` bytes and `value` for `key` in the bounded branch
 * under `parent_id`. */
void stat_lines_add(stat_lines_t *lines, int parent_id, const stat_key_t *key, uint32_t weight, int value,
                    stat_text_fn text, const void *ctx);

/* Adds `value` to the Count of the line `id` (made with children, so that
 * its id names it) without stats_tree's per-packet work: no name lookup and
 * no burst columns, for totals updated on every packet. */
void stat_lines_increase(stat_lines_t *lines, int id, int value);

#endif /* IOTCLOUD_STAT_LINES_H */
