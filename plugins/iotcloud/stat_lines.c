/* stat_lines.c: bounded branches of the statistic.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/stats_tree_priv.h>

#include "stat_lines.h"

#define CANDIDATES      32      /* keys a branch keeps totals for */
#define FIRST_CANDIDATES 4      /* most branches have a key or two: the array grows */
/* What a line costs: the stat_node, its name, its first burst bucket, its
 * entry in the parent's hash; in the GUI, the tree widget's item. */
#define LINE_BYTES      256
#define LINE_TEXT       256

static const char *const other_name = "(other)";

typedef struct {
    stat_key_t key;
    uint64_t   rank;            /* bytes, plus those of the candidate it replaced: who stays */
    uint64_t   bytes;           /* exact totals since it became a candidate: who gets a line */
    gint       packets;
    gint64     total;
    gint       min;
    gint       max;
    stat_node *node;            /* its line, while among the top ones */
} candidate_t;

typedef struct {
    int          parent_id;
    stat_node   *other;         /* "(other)", once something is counted there */
    candidate_t *cands;
    unsigned     n;
    unsigned     allocated;
    unsigned     drawn;         /* candidates with a line */
} branch_t;

struct stat_lines {
    stats_tree *st;
    GHashTable *branches;       /* GINT_TO_POINTER(parent id) -> branch_t */
    size_t      used;
    size_t      max_bytes;
};

static void branch_free(gpointer p)
{
    branch_t *b = p;

    g_free(b->cands);
    g_free(b);
}

stat_lines_t *stat_lines_new(stats_tree *st, size_t max_bytes)
{
    stat_lines_t *lines = g_new0(stat_lines_t, 1);

    lines->st = st;
    lines->branches = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, branch_free);
    lines->max_bytes = max_bytes;
    return lines;
}

void stat_lines_free(stat_lines_t *lines)
{
    if (lines == NULL)
        return;
    g_hash_table_destroy(lines->branches);
    g_free(lines);
}

/* Takes `bytes` of the budget; false when they are not there. */
static bool take_room(stat_lines_t *lines, size_t bytes)
{
    if (lines->used + bytes > lines->max_bytes)
        return false;
    lines->used += bytes;
    return true;
}

static stat_node *parent_node(const stat_lines_t *lines, int parent_id)
{
    return g_ptr_array_index(lines->st->parents, parent_id);
}

/* The existing child line of that name. Every parent of ours has a hash of
 * its children (it was created with children); the root's named lines are
 * in the tree's own table. */
static stat_node *child(const stat_lines_t *lines, const stat_node *parent, const char *name)
{
    return g_hash_table_lookup(parent->hash ? parent->hash : lines->st->names, name);
}

bool stat_lines_average(stat_lines_t *lines, int parent_id, const char *name, bool with_children, int value,
                        int *id)
{
    if (*id < 0 && child(lines, parent_node(lines, parent_id), name) == NULL && !take_room(lines, LINE_BYTES))
        return false;
    *id = stats_tree_manip_node_int(MN_AVERAGE, lines->st, name, parent_id, with_children, value);
    return true;
}

void stat_lines_increase(stat_lines_t *lines, int id, int value)
{
    parent_node(lines, id)->counter += value;
}

/* --- one branch ------------------------------------------------------------ */

static branch_t *branch_of(stat_lines_t *lines, int parent_id)
{
    branch_t *b = g_hash_table_lookup(lines->branches, GINT_TO_POINTER(parent_id));

    if (b == NULL && take_room(lines, sizeof(*b))) {
        b = g_new0(branch_t, 1);
        b->parent_id = parent_id;
        g_hash_table_insert(lines->branches, GINT_TO_POINTER(parent_id), b);
    }
    return b;
}

static void candidate_reset(candidate_t *c, const stat_key_t *key, uint64_t rank)
{
    memset(c, 0, sizeof(*c));
    c->key = *key;
    c->rank = rank;
    c->min = G_MAXINT;
    c->max = G_MININT;
}

/* The candidate without a line that has the fewest bytes. */
static candidate_t *weakest_undrawn(branch_t *b)
{
    candidate_t *weakest = NULL;

    for (unsigned i = 0; i < b->n; i++)
        if (b->cands[i].node == NULL && (weakest == NULL || b->cands[i].rank < weakest->rank))
            weakest = &b->cands[i];
    return weakest;
}

/* The key's candidate: found, added while there is room, or in place of the
 * weakest one (whose totals stay in "(other)"). NULL when none can be had. */
static candidate_t *candidate_of(stat_lines_t *lines, branch_t *b, const stat_key_t *key)
{
    candidate_t *c;

    for (unsigned i = 0; i < b->n; i++)
        if (memcmp(&b->cands[i].key, key, sizeof(*key)) == 0)
            return &b->cands[i];
    if (b->n == b->allocated && b->allocated < CANDIDATES) {
        unsigned grown = b->allocated ? MIN(2 * b->allocated, CANDIDATES) : FIRST_CANDIDATES;
        if (take_room(lines, (grown - b->allocated) * sizeof(candidate_t))) {
            b->cands = g_renew(candidate_t, b->cands, grown);
            b->allocated = grown;
        }
    }
    if (b->n < b->allocated) {
        c = &b->cands[b->n++];
        candidate_reset(c, key, 0);
        return c;
    }
    c = weakest_undrawn(b);
    if (c != NULL)
        candidate_reset(c, key, c->rank);      /* Space-Saving: it starts where the other stopped */
    return c;
}

static void candidate_add(candidate_t *c, int value)
{
    c->packets++;
    c->total += value;
    c->min = MIN(c->min, value);
    c->max = MAX(c->max, value);
}

/* --- lines, through stats_tree_priv.h ---------------------------------------- */

/* A new average line under the branch's parent, empty (Count 0, no Min or
 * Max yet); NULL if it cannot be found once made. */
static stat_node *line_new(stat_lines_t *lines, const branch_t *b, const char *name)
{
    stat_node *node;

    stats_tree_manip_node_int(MN_AVERAGE_NOTICK, lines->st, name, b->parent_id, FALSE, 0);
    node = child(lines, parent_node(lines, b->parent_id), name);
    if (node != NULL) {
        node->minvalue.int_min = G_MAXINT;
        node->maxvalue.int_max = G_MININT;
    }
    return node;
}

/* A line showing exactly a candidate's totals. */
static void line_set(stat_node *node, const candidate_t *c)
{
    node->counter = c->packets;
    node->total.int_total = c->total;
    node->minvalue.int_min = c->min;
    node->maxvalue.int_max = c->max;
    node->st_flags |= ST_FLG_AVERAGE;
}

static void line_rename(stat_node *node, const char *name)
{
    stat_node *parent = node->parent;

    g_hash_table_remove(parent->hash, node->name);     /* its key is the old name */
    g_free(node->name);
    node->name = g_strdup(name);
    g_hash_table_insert(parent->hash, node->name, node);
}

/* "(other)": one per branch, drawn even past the budget, so that the
 * branch's lines add up to its parent's totals. */
static stat_node *other_line(stat_lines_t *lines, branch_t *b)
{
    if (b->other == NULL) {
        lines->used += LINE_BYTES;
        b->other = line_new(lines, b, other_name);
    }
    return b->other;
}

/* "(other)" takes a candidate's totals in, or gives them back. */
static void other_merge(stat_lines_t *lines, branch_t *b, const candidate_t *c, bool in)
{
    stat_node *other;

    if (c->packets == 0 || (other = other_line(lines, b)) == NULL)
        return;
    other->counter += in ? c->packets : -c->packets;
    other->total.int_total += in ? c->total : -c->total;
    if (in) {
        other->minvalue.int_min = MIN(other->minvalue.int_min, c->min);
        other->maxvalue.int_max = MAX(other->maxvalue.int_max, c->max);
        other->st_flags |= ST_FLG_AVERAGE;
    }
}

/* The candidate's text, unless a sibling line already has it. */
static bool line_text(const stat_lines_t *lines, const branch_t *b, stat_text_fn text, const void *ctx,
                      char *buf, size_t size)
{
    text(ctx, buf, size);
    return strcmp(buf, other_name) != 0 && child(lines, parent_node(lines, b->parent_id), buf) == NULL;
}

/* A new line for the candidate while the branch has fewer than the top ones. */
static bool draw_new(stat_lines_t *lines, branch_t *b, candidate_t *c, stat_text_fn text, const void *ctx)
{
    char name[LINE_TEXT];
    stat_node *node;

    if (b->drawn >= STAT_TOP_LINES || !line_text(lines, b, text, ctx, name, sizeof(name)) ||
        !take_room(lines, LINE_BYTES) || (node = line_new(lines, b, name)) == NULL)
        return false;
    other_merge(lines, b, c, false);
    line_set(node, c);
    c->node = node;
    b->drawn++;
    return true;
}

/* The candidate takes over the line with the fewest bytes once it has more
 * (its own, not the count it inherited: equal newcomers never churn). */
static bool take_over(stat_lines_t *lines, branch_t *b, candidate_t *c, stat_text_fn text, const void *ctx)
{
    char name[LINE_TEXT];
    candidate_t *weakest = NULL;

    for (unsigned i = 0; i < b->n; i++)
        if (b->cands[i].node != NULL && (weakest == NULL || b->cands[i].bytes < weakest->bytes))
            weakest = &b->cands[i];
    if (weakest == NULL || c->bytes <= weakest->bytes || !line_text(lines, b, text, ctx, name, sizeof(name)))
        return false;
    other_merge(lines, b, weakest, true);
    other_merge(lines, b, c, false);
    line_rename(weakest->node, name);
    line_set(weakest->node, c);
    c->node = weakest->node;
    weakest->node = NULL;
    return true;
}

void stat_lines_add(stat_lines_t *lines, int parent_id, const stat_key_t *key, uint32_t weight, int value,
                    stat_text_fn text, const void *ctx)
{
    branch_t *b = branch_of(lines, parent_id);
    candidate_t *c = b ? candidate_of(lines, b, key) : NULL;
    stat_node *line;

    if (c == NULL)
        return;                         /* no room left: its parent's line alone counts it */
    c->rank += weight;
    c->bytes += weight;
    if (c->node == NULL && !draw_new(lines, b, c, text, ctx) && !take_over(lines, b, c, text, ctx)) {
        candidate_add(c, value);
        line = other_line(lines, b);
    } else {
        candidate_add(c, value);
        line = c->node;
    }
    /* By name, through the public call: it keeps the burst columns too. */
    if (line != NULL)
        stats_tree_manip_node_int(MN_AVERAGE, lines->st, line->name, parent_id, FALSE, value);
}
