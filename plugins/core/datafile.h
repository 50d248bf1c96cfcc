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
