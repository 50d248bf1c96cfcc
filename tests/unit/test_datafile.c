/* test_datafile.c: data files must be regular files of a bounded size,
 * checked before they are read; MaxMind DBs must also pass their checks.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>

#include "check.h"

#include "core/datafile.h"
#include "core/mmdb.h"

static char *folder;

static char *path_in_folder(const char *name)
{
    return g_build_filename(folder, name, NULL);
}

static bool refused_because(const char *path, size_t max_bytes, const char *reason)
{
    char *why = NULL;
    size_t size = 0;
    int fd = wsc_datafile_open(path, max_bytes, &size, &why);
    bool ok = CHECK(fd < 0) && CHECK(why != NULL && strstr(why, reason) != NULL);

    if (fd >= 0)
        close(fd);
    if (why != NULL && strstr(why, reason) == NULL)
        printf("  why: %s\n", why);
    g_free(why);
    return ok;
}

static void test_a_regular_file_is_read_whole(void)
{
    char *path = path_in_folder("rows.csv"), *why = NULL, *text;
    size_t len = 0;

    g_file_set_contents(path, "# iotcloud-data test v1\nname\nrow\n", -1, NULL);
    text = wsc_datafile_slurp(path, 1024, &len, &why);
    if (CHECK(text != NULL)) {
        CHECK_UINT(len, 33);
        CHECK_STR(text, "# iotcloud-data test v1\nname\nrow\n");
    }
    g_free(text);
    g_free(why);
    g_free(path);
}

static void test_a_named_pipe_is_refused_without_blocking(void)
{
    char *path = path_in_folder("pipe");

    if (CHECK(mkfifo(path, 0600) == 0))
        refused_because(path, 1024, "a named pipe, not a regular file");
    g_free(path);
}

static void test_folders_and_devices_are_refused(void)
{
    refused_because(folder, 1024, "a folder, not a regular file");
    refused_because("/dev/null", 1024, "a device, not a regular file");
    refused_because("/dev/zero", 1024, "a device, not a regular file");
}

static void test_a_missing_or_unreadable_file_says_why(void)
{
    char *path = path_in_folder("absent");

    refused_because(path, 1024, "No such file or directory");
    g_free(path);
}

static void test_a_file_over_the_limit_is_refused_on_its_size(void)
{
    char *path = path_in_folder("sparse");
    int fd = open(path, O_CREAT | O_WRONLY, 0600);

    if (CHECK(fd >= 0) && CHECK(ftruncate(fd, 1025) == 0))
        refused_because(path, 1024, "1025 bytes, more than the 1024 a data file may have");
    if (fd >= 0)
        close(fd);
    g_free(path);
}

static void test_a_named_pipe_is_no_maxmind_db(void)
{
    char *path = path_in_folder("pipe.mmdb"), *why = NULL;

    if (CHECK(mkfifo(path, 0600) == 0)) {
        CHECK(wsc_mmdb_open(path, "", &why) == NULL);
        CHECK(why != NULL && strstr(why, "a named pipe") != NULL);
    }
    g_free(why);
    g_free(path);
}

/* Every bit flipped, at offsets across the whole file, in turn: the ranges
 * database's checksum refuses each copy, and the intact one opens. */
static void test_any_flipped_bit_of_the_ranges_database_is_refused(void)
{
    gchar *bytes = NULL;
    gsize len = 0;
    char *copy = path_in_folder("ranges.mmdb"), *why = NULL;
    wsc_mmdb_t *db;
    unsigned refused = 0, tried = 0;

    if (!CHECK(g_file_get_contents(WSC_TEST_RANGES_DB, &bytes, &len, NULL)) || !CHECK(len > 4096))
        return;
    db = wsc_mmdb_open(WSC_TEST_RANGES_DB, "IoTCloud-Cloud-Ranges", &why);
    CHECK(db != NULL);
    wsc_mmdb_close(db);
    for (gsize at = 7; at < len - 400; at += len / 97, tried++) {     /* before the metadata */
        bytes[at] ^= (char)(1u << (at % 8));
        g_file_set_contents(copy, bytes, (gssize)len, NULL);
        g_free(why);
        why = NULL;
        db = wsc_mmdb_open(copy, "IoTCloud-Cloud-Ranges", &why);
        refused += db == NULL && why != NULL && strstr(why, "SHA-256") != NULL;
        wsc_mmdb_close(db);
        bytes[at] ^= (char)(1u << (at % 8));
    }
    CHECK_UINT(refused, tried);
    g_free(why);
    g_free(bytes);
    g_free(copy);
}

static void remove_folder(void)
{
    static const char *const made[] = { "rows.csv", "pipe", "sparse", "pipe.mmdb", "ranges.mmdb" };

    for (size_t i = 0; i < G_N_ELEMENTS(made); i++) {
        char *path = path_in_folder(made[i]);
        unlink(path);
        g_free(path);
    }
    rmdir(folder);
    g_free(folder);
}

int main(void)
{
    folder = g_dir_make_tmp("unit_datafile.XXXXXX", NULL);
    RUN(test_a_regular_file_is_read_whole);
    RUN(test_a_named_pipe_is_refused_without_blocking);
    RUN(test_folders_and_devices_are_refused);
    RUN(test_a_missing_or_unreadable_file_says_why);
    RUN(test_a_file_over_the_limit_is_refused_on_its_size);
    RUN(test_a_named_pipe_is_no_maxmind_db);
    RUN(test_any_flipped_bit_of_the_ranges_database_is_refused);
    remove_folder();
    return check_report();
}
