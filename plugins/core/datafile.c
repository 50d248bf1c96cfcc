/* datafile.c: locating and reading versioned CSV/TSV data files.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <wireshark.h>
#include <wsutil/filesystem.h>

#include "core/datafile.h"

#define MAX_COLUMNS     32
#define MAX_LINE        8192            /* longer lines are refused, not truncated */

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

static const char *kind_of(mode_t mode)
{
    if (S_ISDIR(mode))
        return "a folder";
    if (S_ISFIFO(mode))
        return "a named pipe";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "a device";
    if (S_ISSOCK(mode))
        return "a socket";
    return "something else";
}

static bool regular_and_small(const char *path, const struct stat *st, size_t max_bytes, char **why)
{
    if (!S_ISREG(st->st_mode)) {
        *why = g_strdup_printf("%s: %s, not a regular file", path, kind_of(st->st_mode));
        return false;
    }
    if ((guint64)st->st_size > max_bytes) {
        *why = g_strdup_printf("%s: %" G_GUINT64_FORMAT " bytes, more than the %zu a data file may have",
                               path, (guint64)st->st_size, max_bytes);
        return false;
    }
    return true;
}

int wsc_datafile_open(const char *path, size_t max_bytes, size_t *size, char **why)
{
    struct stat named, opened;
    int fd;

    /* Looked at before it is opened: opening a pipe or a device can block or act. */
    if (stat(path, &named) != 0) {
        *why = g_strdup_printf("%s: %s", path, g_strerror(errno));
        return -1;
    }
    if (!regular_and_small(path, &named, max_bytes, why))
        return -1;
    fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        *why = g_strdup_printf("%s: %s", path, g_strerror(errno));
        return -1;
    }
    if (fstat(fd, &opened) != 0 || !regular_and_small(path, &opened, max_bytes, why)) {
        if (*why == NULL)
            *why = g_strdup_printf("%s: %s", path, g_strerror(errno));
        close(fd);
        return -1;
    }
    *size = (size_t)opened.st_size;
    return fd;
}

char *wsc_datafile_slurp(const char *path, size_t max_bytes, size_t *len, char **why)
{
    size_t size = 0, got = 0;
    int fd = wsc_datafile_open(path, max_bytes, &size, why);
    char *text;

    if (fd < 0)
        return NULL;
    text = g_malloc(size + 1);
    while (got < size) {                /* no more than the size checked: a growing file is cut */
        ssize_t n = read(fd, text + got, size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *why = g_strdup_printf("%s: %s", path, g_strerror(errno));
            g_free(text);
            close(fd);
            return NULL;
        }
        if (n == 0)
            break;
        got += (size_t)n;
    }
    close(fd);
    text[got] = '\0';
    *len = got;
    return text;
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
    size_t size = 0;
    char *text;
    char **lines;
    bool header_seen = false;

    memset(report, 0, sizeof(*report));
    text = wsc_datafile_slurp(path, WSC_DATAFILE_MAX_BYTES, &size, why);
    if (text == NULL)
        return false;
    if (memchr(text, '\0', size) != NULL) {
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
