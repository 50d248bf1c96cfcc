/* datafile.h: the suite's data files, found where Wireshark keeps data and
 * read with errors that name the file and line.
 *
 * Every data file starts with a line "# iotcloud-data KIND vVERSION ...";
 * the loader rejects other kinds and versions with a readable reason. The
 * first line that is not a comment is the column header; rows follow.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_DATAFILE_H
#define WSC_DATAFILE_H

#include <stdbool.h>

#define WSC_DATA_SUBDIR "iotcloud"

/* Where a data file of the suite is: the user's copy in the personal
 * configuration folder (~/.config/wireshark/iotcloud/NAME) first, then the
 * installed one (/usr/share/wireshark/iotcloud/NAME). NULL when neither
 * exists; otherwise g_free() the result. */
char *wsc_datafile_find(const char *name);

/* The most a data file may hold: checked on the file's size before a byte
 * is read. */
#define WSC_DATAFILE_MAX_BYTES (64 * 1024 * 1024)

/* Is `path` a regular file of at most max_bytes? Named pipes, devices,
 * sockets and folders are refused before they are opened (reading a pipe
 * with no writer would wait forever); the file is then opened without
 * blocking and checked again, in case it was swapped in between. On success
 * the open descriptor (close() it) and the size; otherwise -1 and *why
 * (g_free). */
int wsc_datafile_open(const char *path, size_t max_bytes, size_t *size, char **why);

/* The whole of a regular file of at most max_bytes, NUL-terminated (g_free);
 * NULL and *why otherwise. */
char *wsc_datafile_slurp(const char *path, size_t max_bytes, size_t *len, char **why);

/* Handles one row; returns NULL when it was taken, or why it was not. */
typedef const char *(*wsc_row_fn)(void *ctx, char **cols, unsigned ncols);

typedef struct {
    unsigned rows;              /* rows taken */
    unsigned bad;               /* rows refused */
    unsigned first_bad_line;
    const char *first_bad_why;  /* static string from the row function */
} wsc_read_report_t;

/* Reads a data file of `kind` and `version`, columns separated by `sep`
 * (',' understands double quotes; '\t' does not quote). False when the file
 * cannot be read or is not that kind/version: *why says so (g_free). */
bool wsc_datafile_read(const char *path, const char *kind, unsigned version, char sep,
                       wsc_row_fn row, void *ctx, wsc_read_report_t *report, char **why);

#endif /* WSC_DATAFILE_H */
