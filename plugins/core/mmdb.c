/* mmdb.c: libmaxminddb behind a small interface.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <errno.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <wireshark.h>

#include <wsutil/filesystem.h>

#include "core/mmdb.h"

struct wsc_mmdb {
    MMDB_s mmdb;
    char  *path;
};

/* "GeoLite2-City", "DBIP-City-Lite", "city ipv4" (ip-location-db): all City. */
static bool type_matches(const char *database_type, const char *type_word)
{
    char *type_lower, *word_lower;
    bool found;

    if (database_type == NULL)
        return false;
    type_lower = g_ascii_strdown(database_type, -1);
    word_lower = g_ascii_strdown(type_word, -1);
    found = strstr(type_lower, word_lower) != NULL;
    g_free(type_lower);
    g_free(word_lower);
    return found;
}

wsc_mmdb_t *wsc_mmdb_open(const char *path, const char *type_word, char **why)
{
    wsc_mmdb_t *db = g_new0(wsc_mmdb_t, 1);
    int status = MMDB_open(path, MMDB_MODE_MMAP, &db->mmdb);

    if (status != MMDB_SUCCESS) {
        *why = status == MMDB_IO_ERROR
             ? g_strdup_printf("%s: %s (%s)", path, MMDB_strerror(status), g_strerror(errno))
             : g_strdup_printf("%s: %s", path, MMDB_strerror(status));
        g_free(db);
        return NULL;
    }
    if (!type_matches(db->mmdb.metadata.database_type, type_word)) {
        *why = g_strdup_printf("%s: a \"%s\" database, not the expected %s one", path,
                               db->mmdb.metadata.database_type ? db->mmdb.metadata.database_type : "untyped",
                               type_word);
        MMDB_close(&db->mmdb);
        g_free(db);
        return NULL;
    }
    db->path = g_strdup(path);
    return db;
}

void wsc_mmdb_close(wsc_mmdb_t *db)
{
    if (db == NULL)
        return;
    MMDB_close(&db->mmdb);
    g_free(db->path);
    g_free(db);
}

const char *wsc_mmdb_path(const wsc_mmdb_t *db)
{
    return db->path;
}

bool wsc_mmdb_lookup(wsc_mmdb_t *db, const wsc_addr_t *addr, MMDB_entry_s *entry)
{
    struct sockaddr_in sin;
    struct sockaddr_in6 sin6;
    const struct sockaddr *sa;
    int mmdb_error = MMDB_SUCCESS;
    MMDB_lookup_result_s result;

    /* A sockaddr spares libmaxminddb the string parsing (getaddrinfo) of MMDB_lookup_string. */
    if (addr->family == 4) {
        memset(&sin, 0, sizeof(sin));
        sin.sin_family = AF_INET;
        memcpy(&sin.sin_addr, addr->bytes, 4);
        sa = (const struct sockaddr *)&sin;
    } else {
        memset(&sin6, 0, sizeof(sin6));
        sin6.sin6_family = AF_INET6;
        memcpy(&sin6.sin6_addr, addr->bytes, 16);
        sa = (const struct sockaddr *)&sin6;
    }
    result = MMDB_lookup_sockaddr(&db->mmdb, sa, &mmdb_error);
    if (mmdb_error != MMDB_SUCCESS || !result.found_entry)
        return false;
    *entry = result.entry;
    return true;
}

static bool get(MMDB_entry_s *entry, const char *const *path, MMDB_entry_data_s *data)
{
    return MMDB_aget_value(entry, data, path) == MMDB_SUCCESS && data->has_data;
}

const char *wsc_mmdb_string(MMDB_entry_s *entry, const char *const *path, uint32_t *len)
{
    MMDB_entry_data_s data;

    if (!get(entry, path, &data) || data.type != MMDB_DATA_TYPE_UTF8_STRING || data.data_size == 0)
        return NULL;
    *len = data.data_size;
    return data.utf8_string;
}

bool wsc_mmdb_uint(MMDB_entry_s *entry, const char *const *path, uint32_t *value)
{
    MMDB_entry_data_s data;

    if (!get(entry, path, &data))
        return false;
    switch (data.type) {
    case MMDB_DATA_TYPE_UINT16: *value = data.uint16; return true;
    case MMDB_DATA_TYPE_UINT32: *value = data.uint32; return true;
    default: return false;
    }
}

bool wsc_mmdb_double(MMDB_entry_s *entry, const char *const *path, double *value)
{
    MMDB_entry_data_s data;

    if (!get(entry, path, &data))
        return false;
    switch (data.type) {
    case MMDB_DATA_TYPE_DOUBLE: *value = data.double_value; return true;
    case MMDB_DATA_TYPE_FLOAT:  *value = data.float_value; return true;
    default: return false;
    }
}

/* Wireshark's MaxMind support reads these folders, plus its maxmind_db_paths table. */
static const char *const geoip_dirs[] = { "/usr/share/GeoIP", "/var/lib/GeoIP" };

/* Folders named in the "MaxMind database directories" table (a UAT file of
 * quoted paths). */
static void add_uat_dirs(GPtrArray *dirs, char *uat_path)
{
    char *text = NULL;

    if (g_file_get_contents(uat_path, &text, NULL, NULL)) {
        char **lines = g_strsplit(text, "\n", -1);
        for (char **line = lines; *line != NULL; line++) {
            char *dir = g_strstrip(*line);
            if (*dir == '"' && strlen(dir) > 2 && dir[strlen(dir) - 1] == '"')
                g_ptr_array_add(dirs, g_strndup(dir + 1, strlen(dir) - 2));
        }
        g_strfreev(lines);
    }
    g_free(text);
    g_free(uat_path);
}

static char *first_file(const char *dir, const char *word)
{
    GDir *listing = g_dir_open(dir, 0, NULL);
    GPtrArray *found = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    char *best = NULL;

    while (listing != NULL && (name = g_dir_read_name(listing)) != NULL) {
        char *lower = g_ascii_strdown(name, -1);
        if (g_str_has_suffix(lower, ".mmdb") && strstr(lower, word) != NULL)
            g_ptr_array_add(found, g_build_filename(dir, name, NULL));
        g_free(lower);
    }
    if (listing != NULL)
        g_dir_close(listing);
    if (found->len > 0) {
        g_ptr_array_sort(found, (GCompareFunc)g_strcmp0);    /* the same choice every time */
        best = g_strdup(g_ptr_array_index(found, 0));
    }
    g_ptr_array_free(found, TRUE);
    return best;
}

char *wsc_mmdb_locate(const char *word)
{
    GPtrArray *dirs = g_ptr_array_new_with_free_func(g_free);
    char *path = NULL;

    add_uat_dirs(dirs, get_persconffile_path("maxmind_db_paths", FALSE));
    add_uat_dirs(dirs, get_datafile_path("maxmind_db_paths"));
    for (size_t i = 0; i < G_N_ELEMENTS(geoip_dirs); i++)
        g_ptr_array_add(dirs, g_strdup(geoip_dirs[i]));
    for (guint i = 0; i < dirs->len && path == NULL; i++)
        path = first_file(g_ptr_array_index(dirs, i), word);
    g_ptr_array_free(dirs, TRUE);
    return path;
}
