/* patterns.c: host name pattern table: a hash of suffixes plus a short list
 * of substrings.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>

#include "patterns.h"

#define MAX_NAME 255                    /* longest DNS name, in text */
#define MAX_REMEMBERED 4096             /* names whose answer is kept; then the memory starts over */

struct cloud_patterns {
    GHashTable *by_suffix;              /* lower-case suffix -> cloud_pattern_t */
    GPtrArray  *substrings;             /* cloud_pattern_t, in file order */
    GStringChunk *strings;              /* every string of the table, interned */
    /* Name -> its answer (&no_match for none). The same CDN names come back
     * all the time, and a miss costs a walk of every substring pattern. */
    GHashTable *remembered;
};

static const cloud_pattern_t no_match;

static void pattern_free(gpointer p) { g_free(p); }

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
    } else if (strcmp(cols[3], "substring") == 0) {
        g_ptr_array_add(t->substrings, pattern_new(t, pattern, cols[1], cols[2]));
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
    hit = g_hash_table_lookup(t->remembered, name);
    if (hit == NULL) {
        hit = search(t, name);
        if (g_hash_table_size(t->remembered) >= MAX_REMEMBERED)
            g_hash_table_remove_all(t->remembered);
        g_hash_table_insert(t->remembered, g_strdup(name), (gpointer)(hit ? hit : &no_match));
    }
    return hit == &no_match ? NULL : hit;
}

static const cloud_pattern_t *search(const cloud_patterns_t *t, const char *name)
{
    char lower[MAX_NAME + 1];
    size_t len = strlen(name);
    const char *label;

    if (t == NULL || len == 0 || len > MAX_NAME)
        return NULL;
    for (size_t i = 0; i <= len; i++)
        lower[i] = g_ascii_tolower(name[i]);
    if (len > 0 && lower[len - 1] == '.')
        lower[len - 1] = '\0';          /* fully qualified form */
    /* Whole name, then after each dot: longest suffix first. */
    for (label = lower; label != NULL; label = strchr(label, '.') ? strchr(label, '.') + 1 : NULL) {
        const cloud_pattern_t *hit = g_hash_table_lookup(t->by_suffix, label);
        if (hit != NULL)
            return hit;
    }
    for (guint i = 0; i < t->substrings->len; i++) {
        const cloud_pattern_t *p = g_ptr_array_index(t->substrings, i);
        if (strstr(lower, p->pattern) != NULL)
            return p;
    }
    return NULL;
}
