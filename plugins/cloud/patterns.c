/* patterns.c: host name pattern table: a hash of suffixes plus a short list
 * of substrings.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>

#include "patterns.h"

#define MAX_NAME 255                    /* longest DNS name, in text */
#define MAX_REMEMBERED 4096             /* names whose answer is kept; then the memory starts over */
/* Only names this short are remembered: the names that come back (CDN and
 * cloud hosts) are short, and remembering a made-up long name costs more
 * (hashing it twice, copying it) than matching it. */
#define MAX_REMEMBERED_NAME 64

/* A substring pattern, found by its first bytes. */
typedef struct {
    const cloud_pattern_t *pattern;
    size_t   len;
    unsigned order;                     /* file order: the first in the file wins */
} substring_t;

struct cloud_patterns {
    GHashTable *by_suffix;              /* lower-case suffix -> cloud_pattern_t */
    size_t      suffix_len;             /* the longest suffix pattern, in bytes */
    GPtrArray  *substrings;             /* cloud_pattern_t, in file order */
    /* The substrings by their first HEAD bytes, and a bit per first two
     * bytes: a name is read once, not once per pattern (a 250-byte name
     * against every pattern with strstr cost ~20k instructions). */
    GHashTable *by_head;                /* GUINT_TO_POINTER(first 4 bytes) -> GPtrArray of substring_t */
    GPtrArray  *short_substrings;       /* shorter than HEAD: strstr */
    uint8_t     first_two[65536];       /* 1 where a substring pattern starts with these two bytes */
    GStringChunk *strings;              /* every string of the table, interned */
    /* Name -> its answer (&no_match for none). The same CDN names come back
     * all the time, and a miss costs a walk of every substring pattern. */
    GHashTable *remembered;
};

#define HEAD 4

static const cloud_pattern_t no_match;

static uint32_t head_of(const char *text)
{
    uint32_t head;

    memcpy(&head, text, HEAD);
    return head;
}

static void index_substring(cloud_patterns_t *t, const cloud_pattern_t *p)
{
    substring_t *sub = g_new(substring_t, 1);
    GPtrArray *same_head;

    sub->pattern = p;
    sub->len = strlen(p->pattern);
    sub->order = t->substrings->len;
    if (sub->len < HEAD) {
        g_ptr_array_add(t->short_substrings, sub);
        return;
    }
    same_head = g_hash_table_lookup(t->by_head, GUINT_TO_POINTER(head_of(p->pattern)));
    if (same_head == NULL) {
        same_head = g_ptr_array_new();
        g_hash_table_insert(t->by_head, GUINT_TO_POINTER(head_of(p->pattern)), same_head);
    }
    g_ptr_array_add(same_head, sub);
    t->first_two[(uint8_t)p->pattern[0] << 8 | (uint8_t)p->pattern[1]] = 1;
}

static void pattern_free(gpointer p) { g_free(p); }
static void heads_free(gpointer p) { g_ptr_array_free(p, TRUE); }     /* and the substring_t in it */

static cloud_pattern_t *pattern_new(cloud_patterns_t *t, const char *pattern, const char *provider, const char *kind)
{
    cloud_pattern_t *p = g_new(cloud_pattern_t, 1);

    p->pattern = g_string_chunk_insert_const(t->strings, pattern);
    p->provider = g_string_chunk_insert_const(t->strings, provider);
    p->kind = g_string_chunk_insert_const(t->strings, kind);
    return p;
}

/* Columns: suffix,provider,kind,match,sources */
static const char *take_row(void *ctx, char **cols, unsigned ncols)
{
    cloud_patterns_t *t = ctx;
    char *pattern;

    if (ncols < 4)
        return "fewer than 4 columns";
    if (*cols[0] == '\0' || *cols[1] == '\0' || strlen(cols[0]) > MAX_NAME)
        return "empty or overlong pattern or provider";
    pattern = g_ascii_strdown(g_strstrip(cols[0]), -1);
    if (strcmp(cols[3], "suffix") == 0) {
        if (!g_hash_table_contains(t->by_suffix, pattern))     /* first row wins */
            g_hash_table_insert(t->by_suffix, (gpointer)g_string_chunk_insert_const(t->strings, pattern),
                                pattern_new(t, pattern, cols[1], cols[2]));
        t->suffix_len = MAX(t->suffix_len, strlen(pattern));
    } else if (strcmp(cols[3], "substring") == 0) {
        cloud_pattern_t *p = pattern_new(t, pattern, cols[1], cols[2]);
        index_substring(t, p);
        g_ptr_array_add(t->substrings, p);
    } else {
        g_free(pattern);
        return "match is neither suffix nor substring";
    }
    g_free(pattern);
    return NULL;
}

cloud_patterns_t *cloud_patterns_load(const char *path, wsc_read_report_t *report, char **why)
{
    cloud_patterns_t *t = g_new0(cloud_patterns_t, 1);

    t->by_suffix = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, pattern_free);
    t->substrings = g_ptr_array_new_with_free_func(pattern_free);
    t->by_head = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, heads_free);
    t->short_substrings = g_ptr_array_new_with_free_func(g_free);
    t->strings = g_string_chunk_new(4096);
    t->remembered = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    if (!wsc_datafile_read(path, "hostname_patterns", 1, ',', take_row, t, report, why)) {
        cloud_patterns_free(t);
        return NULL;
    }
    return t;
}

void cloud_patterns_free(cloud_patterns_t *t)
{
    if (t == NULL)
        return;
    g_hash_table_destroy(t->by_suffix);
    g_ptr_array_free(t->substrings, TRUE);
    g_hash_table_destroy(t->by_head);
    g_ptr_array_free(t->short_substrings, TRUE);
    g_string_chunk_free(t->strings);
    g_hash_table_destroy(t->remembered);
    g_free(t);
}

static const cloud_pattern_t *search(const cloud_patterns_t *t, const char *name);

const cloud_pattern_t *cloud_patterns_match(const cloud_patterns_t *t, const char *name)
{
    const cloud_pattern_t *hit;

    if (t == NULL)
        return NULL;
    if (strlen(name) > MAX_REMEMBERED_NAME)
        return search(t, name);
    hit = g_hash_table_lookup(t->remembered, name);
    if (hit == NULL) {
        hit = search(t, name);
        if (g_hash_table_size(t->remembered) >= MAX_REMEMBERED)
            g_hash_table_remove_all(t->remembered);
        g_hash_table_insert(t->remembered, g_strdup(name), (gpointer)(hit ? hit : &no_match));
    }
    return hit == &no_match ? NULL : hit;
}

/* The longest whole-label suffix of at most max_len bytes ("a.b.c.d", 3 ->
 * "c.d"); NULL when even the last label is longer. */
static const char *longest_suffix(const char *name, size_t len, size_t max_len)
{
    if (len <= max_len)
        return name;
    for (const char *at = name + len - max_len - 1; *at != '\0'; at++)
        if (*at == '.')
            return at + 1;
    return NULL;
}

/* The substring pattern first in file order that the name holds. */
static const cloud_pattern_t *search_substrings(const cloud_patterns_t *t, const char *name, size_t len)
{
    const substring_t *best = NULL;

    for (guint i = 0; i < t->short_substrings->len; i++) {
        const substring_t *sub = g_ptr_array_index(t->short_substrings, i);
        if ((best == NULL || sub->order < best->order) && strstr(name, sub->pattern->pattern) != NULL)
            best = sub;
    }
    for (size_t at = 0; at + HEAD <= len; at++) {
        const GPtrArray *same_head;
        if (!t->first_two[(uint8_t)name[at] << 8 | (uint8_t)name[at + 1]] ||
            (same_head = g_hash_table_lookup(t->by_head, GUINT_TO_POINTER(head_of(name + at)))) == NULL)
            continue;
        for (guint i = 0; i < same_head->len; i++) {
            const substring_t *sub = g_ptr_array_index(same_head, i);
            if ((best == NULL || sub->order < best->order) && sub->len <= len - at &&
                memcmp(name + at, sub->pattern->pattern, sub->len) == 0)
                best = sub;
        }
    }
    return best ? best->pattern : NULL;
}

static const cloud_pattern_t *search(const cloud_patterns_t *t, const char *name)
{
    char lower[MAX_NAME + 1];
    size_t len = strlen(name);
    const char *label;

    if (t == NULL || len == 0 || len > MAX_NAME)
        return NULL;
    for (size_t i = 0; i <= len; i++)     /* g_ascii_tolower(), without a call per byte */
        lower[i] = name[i] >= 'A' && name[i] <= 'Z' ? (char)(name[i] + ('a' - 'A')) : name[i];
    if (lower[len - 1] == '.')
        lower[--len] = '\0';           /* fully qualified form */
    /* Longest suffix first, from the longest a pattern has: a long name
     * costs no more hashing than a short one. */
    for (label = longest_suffix(lower, len, t->suffix_len); label != NULL;
         label = strchr(label, '.') ? strchr(label, '.') + 1 : NULL) {
        const cloud_pattern_t *hit = g_hash_table_lookup(t->by_suffix, label);
        if (hit != NULL)
            return hit;
    }
    return search_substrings(t, lower, len);
}
