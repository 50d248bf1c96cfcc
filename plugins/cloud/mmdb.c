/* mmdb.c: libmaxminddb behind a small interface.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <errno.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <wireshark.h>

#include "mmdb.h"

struct cloud_mmdb {
    MMDB_s mmdb;
    char  *path;
};

cloud_mmdb_t *cloud_mmdb_open(const char *path, const char *type_word, char **why)
{
    cloud_mmdb_t *db = g_new0(cloud_mmdb_t, 1);
    int status = MMDB_open(path, MMDB_MODE_MMAP, &db->mmdb);

    if (status != MMDB_SUCCESS) {
        *why = status == MMDB_IO_ERROR
             ? g_strdup_printf("%s: %s (%s)", path, MMDB_strerror(status), g_strerror(errno))
             : g_strdup_printf("%s: %s", path, MMDB_strerror(status));
        g_free(db);
        return NULL;
    }
    if (db->mmdb.metadata.database_type == NULL ||
        strstr(db->mmdb.metadata.database_type, type_word) == NULL) {
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

void cloud_mmdb_close(cloud_mmdb_t *db)
{
    if (db == NULL)
        return;
    MMDB_close(&db->mmdb);
    g_free(db->path);
    g_free(db);
}

const char *cloud_mmdb_path(const cloud_mmdb_t *db)
{
    return db->path;
}

bool cloud_mmdb_lookup(cloud_mmdb_t *db, const wsc_addr_t *addr, MMDB_entry_s *entry)
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

const char *cloud_mmdb_string(MMDB_entry_s *entry, const char *key, uint32_t *len)
{
    MMDB_entry_data_s data;

    if (MMDB_get_value(entry, &data, key, NULL) != MMDB_SUCCESS || !data.has_data ||
        data.type != MMDB_DATA_TYPE_UTF8_STRING || data.data_size == 0)
        return NULL;
    *len = data.data_size;
    return data.utf8_string;
}

bool cloud_mmdb_uint(MMDB_entry_s *entry, const char *key, uint32_t *value)
{
    MMDB_entry_data_s data;

    if (MMDB_get_value(entry, &data, key, NULL) != MMDB_SUCCESS || !data.has_data)
        return false;
    switch (data.type) {
    case MMDB_DATA_TYPE_UINT16: *value = data.uint16; return true;
    case MMDB_DATA_TYPE_UINT32: *value = data.uint32; return true;
    default: return false;
    }
}
