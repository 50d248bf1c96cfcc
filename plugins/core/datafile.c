/* datafile.c: locating and reading versioned CSV/TSV data files.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <errno.h>

#include <wireshark.h>
#include <wsutil/filesystem.h>

#include "core/datafile.h"

#define MAX_COLUMNS     32
#define MAX_LINE        8192            /* longer lines are refused, not truncated */
#define MAX_FILE_BYTES  (64 * 1024 * 1024)

char *wsc_datafile_find(const char *name)
{
    char *relative = g_build_filename(WSC_DATA_SUBDIR, name, NULL);
    char *path = get_persconffile_path(relative, FALSE);

    if (!file_exists(path)) {
        g_free(path);
        path = get_datafile_path(relative);
        if (!file_exists(path)) {
            g_free(path);
            path = NULL;
        }
    }
    g_free(relative);
    return path;
}

/* Splits a line in place. With ',' a field may be double-quoted ("a, b"),
 * with "" for a quote inside. Returns the column count, or -1 when too many. */
static int split_line(char *line, char sep, char **cols)
{
    int n = 0;
    char *in = line;

    for (;;) {
        char *out = in;
        if (n == MAX_COLUMNS)
            return -1;
        cols[n++] = out;
        if (sep == ',' && *in == '"') {
            for (in++; *in != '\0'; in++) {
                if (*in == '"' && in[1] == '"')
                    in++;
                else if (*in == '"') {
                    in++;
                    break;
                }
                *out++ = *in;
            }
        }
        while (*in != '\0' && *in != sep)
            *out++ = *in++;
        if (*in == '\0') {
            *out = '\0';
            return n;
        }
        in++;
        *out = '\0';
    }
}

static bool header_matches(const char *line, const char *kind, unsigned version, const char *path, char **why)
{
    char *expected = g_strdup_printf("# iotcloud-data %s v%u", kind, version);
    bool ok = g_str_has_prefix(line, expected) &&
              (line[strlen(expected)] == '\0' || g_ascii_isspace(line[strlen(expected)]));

    if (!ok)
        *why = g_strdup_printf("%s: first line should start with \"%s\", found \"%.60s\"",
                               path, expected, line);
    g_free(expected);
    return ok;
}

static void refuse(wsc_read_report_t *report, unsigned line_no, const char *reason)
{
    if (report->bad++ == 0) {
        report->first_bad_line = line_no;
        report->first_bad_why = reason;
    }
}

bool wsc_datafile_read(const char *path, const char *kind, unsigned version, char sep,
                       wsc_row_fn row, void *ctx, wsc_read_report_t *report, char **why)
{
    char *text = NULL;
    gsize size = 0;
    GError *error = NULL;
    char **lines;
    bool header_seen = false;

    memset(report, 0, sizeof(*report));
    if (!g_file_get_contents(path, &text, &size, &error)) {
        *why = g_strdup(error->message);
        g_error_free(error);
        return false;
    }
    if (size > MAX_FILE_BYTES || memchr(text, '\0', size) != NULL) {
        *why = g_strdup_printf("%s: not a text data file", path);
        g_free(text);
        return false;
    }
    lines = g_strsplit(text, "\n", -1);
    g_free(text);
    if (lines[0] == NULL || !header_matches(g_strchomp(lines[0]), kind, version, path, why)) {
        if (lines[0] == NULL)
            *why = g_strdup_printf("%s: empty file", path);
        g_strfreev(lines);
        return false;
    }
    for (unsigned i = 1; lines[i] != NULL; i++) {
        char *cols[MAX_COLUMNS];
        char *line = g_strchomp(lines[i]);
        int n;
        const char *reason;

        if (*line == '\0' || *line == '#')
            continue;
        if (!header_seen) {             /* the column names */
            header_seen = true;
            continue;
        }
        if (strlen(line) > MAX_LINE || !g_utf8_validate(line, -1, NULL)) {
            refuse(report, i + 1, "line too long or not UTF-8");
            continue;
        }
        n = split_line(line, sep, cols);
        reason = n < 0 ? "too many columns" : row(ctx, cols, (unsigned)n);
        if (reason != NULL)
            refuse(report, i + 1, reason);
        else
            report->rows++;
    }
    g_strfreev(lines);
    return true;
}
