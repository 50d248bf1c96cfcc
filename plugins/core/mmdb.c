/* mmdb.c: libmaxminddb behind a small interface.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <errno.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <wireshark.h>

#include <wsutil/filesystem.h>

#include "core/datafile.h"
#include "core/mmdb.h"

#define SEPARATOR_BYTES     16          /* zeros between the search tree and the data */
#define METADATA_MARKER     "\xAB\xCD\xEFMaxMind.com"
#define MARKER_BYTES        (sizeof(METADATA_MARKER) - 1)
#define CHECKSUM_KEY        "iotcloud-sha256"   /* a description "language": readers ignore it */
/* Records of the data section decoded in full when a database is opened;
 * past this many, a record is only checked to start with a map (the City
 * databases have hundreds of thousands: decoding them all would slow every
 * start: each costs ~25 us; walking the tree of an 11 MB ASN database,
 * ~70 ms). */
#define MAX_DECODED_RECORDS 1024

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

/* --- verification ----------------------------------------------------------
 *
 * libmaxminddb checks the metadata when it opens a file, and offsets as it
 * follows them, but a record that points to the wrong node or the wrong
 * data is a valid lookup: a flipped byte in the search tree labels whole
 * networks with another record. So a database is walked once when opened:
 * every node must be reached from the root (a redirected record leaves the
 * subtree it pointed to unreached), every record must point to a node, to
 * nothing, or into the data section at a record that decodes as a map, and
 * the separator before the data must be zeros. A database built by this suite
 * also carries the SHA-256 of everything before its metadata (in its
 * description, under CHECKSUM_KEY: build_ranges_mmdb.pl writes it), which
 * catches any changed byte, in the data too; when it matches, the file is
 * the one the build wrote and the walk is spared.
 */

/* The SHA-256 the build recorded (64 hex digits), or NULL. */
static const char *recorded_checksum(const MMDB_s *mmdb)
{
    for (size_t i = 0; i < mmdb->metadata.description.count; i++) {
        const MMDB_description_s *d = mmdb->metadata.description.descriptions[i];
        if (d != NULL && g_strcmp0(d->language, CHECKSUM_KEY) == 0 && d->description != NULL &&
            strlen(d->description) == 64)
            return d->description;
    }
    return NULL;
}

typedef enum { CHECKSUM_NONE, CHECKSUM_MATCHES, CHECKSUM_DIFFERS } checksum_t;

static checksum_t check_checksum(const MMDB_s *mmdb, size_t covered)
{
    const char *recorded = recorded_checksum(mmdb);
    char *computed;
    bool same;

    if (recorded == NULL)
        return CHECKSUM_NONE;
    computed = g_compute_checksum_for_data(G_CHECKSUM_SHA256, mmdb->file_content, covered);
    same = g_ascii_strcasecmp(computed, recorded) == 0;
    g_free(computed);
    return same ? CHECKSUM_MATCHES : CHECKSUM_DIFFERS;
}

typedef struct {
    const MMDB_s *mmdb;
    uint32_t nodes;
    uint32_t data_bytes;                /* the data records, without the metadata */
    uint8_t *node_seen;                 /* bit per node */
    uint8_t *data_seen;                 /* bit per data offset */
    GArray  *pending;                   /* nodes to visit */
    uint32_t reached;
    uint32_t decoded;
} walk_t;

static bool bit_test_set(uint8_t *bits, uint32_t i)
{
    bool was = bits[i / 8] & (1u << (i % 8));

    bits[i / 8] |= (uint8_t)(1u << (i % 8));
    return was;
}

/* The record at a data offset: a map, decoded in full while few have been. */
static bool data_record_ok(walk_t *w, uint32_t offset)
{
    MMDB_entry_s entry = { .mmdb = w->mmdb, .offset = offset };
    MMDB_entry_data_list_s *list = NULL;
    bool ok;

    if (w->decoded >= MAX_DECODED_RECORDS)
        return (w->mmdb->data_section[offset] >> 5) == MMDB_DATA_TYPE_MAP;
    w->decoded++;
    ok = MMDB_get_entry_data_list(&entry, &list) == MMDB_SUCCESS && list != NULL &&
         list->entry_data.type == MMDB_DATA_TYPE_MAP;
    MMDB_free_entry_data_list(list);
    return ok;
}

static bool follow(walk_t *w, uint32_t node, uint64_t record, uint8_t type, char **why)
{
    uint32_t offset;

    switch (type) {
    case MMDB_RECORD_TYPE_SEARCH_NODE:
        if (!bit_test_set(w->node_seen, (uint32_t)record)) {
            w->reached++;
            g_array_append_val(w->pending, record);
        }
        return true;
    case MMDB_RECORD_TYPE_EMPTY:
        return true;
    case MMDB_RECORD_TYPE_DATA:
        offset = (uint32_t)(record - w->nodes - SEPARATOR_BYTES);
        if (record < (uint64_t)w->nodes + SEPARATOR_BYTES || offset >= w->data_bytes) {
            *why = g_strdup_printf("search tree node %u points outside the data section", node);
            return false;
        }
        if (!bit_test_set(w->data_seen, offset) && !data_record_ok(w, offset)) {
            *why = g_strdup_printf("search tree node %u points to data that is not a record", node);
            return false;
        }
        return true;
    default:
        *why = g_strdup_printf("search tree node %u points outside the database", node);
        return false;
    }
}

static bool walk_tree(walk_t *w, char **why)
{
    MMDB_search_node_s node;
    uint32_t root = 0;

    bit_test_set(w->node_seen, root);
    w->reached = 1;
    g_array_append_val(w->pending, root);
    while (w->pending->len > 0) {
        uint32_t n = g_array_index(w->pending, uint32_t, w->pending->len - 1);
        g_array_set_size(w->pending, w->pending->len - 1);
        if (MMDB_read_node(w->mmdb, n, &node) != MMDB_SUCCESS) {
            *why = g_strdup_printf("search tree node %u cannot be read", n);
            return false;
        }
        if (!follow(w, n, node.left_record, node.left_record_type, why) ||
            !follow(w, n, node.right_record, node.right_record_type, why))
            return false;
    }
    if (w->reached != w->nodes) {
        *why = g_strdup_printf("%u of its %u search tree nodes cannot be reached from the root",
                               w->nodes - w->reached, w->nodes);
        return false;
    }
    return true;
}

/* Everything libmaxminddb does not check when it opens a file; *why says
 * what is wrong (without the path). */
static bool verify(const MMDB_s *mmdb, char **why)
{
    const uint8_t *marker = mmdb->metadata_section - MARKER_BYTES;
    size_t tree_bytes = (size_t)mmdb->metadata.node_count * mmdb->full_record_byte_size;
    static const uint8_t zeros[SEPARATOR_BYTES];
    walk_t w = { .mmdb = mmdb, .nodes = mmdb->metadata.node_count };
    bool ok;

    if (marker < mmdb->data_section || memcmp(marker, METADATA_MARKER, MARKER_BYTES) != 0) {
        *why = g_strdup("no metadata marker where the metadata starts");
        return false;
    }
    switch (check_checksum(mmdb, (size_t)(marker - mmdb->file_content))) {
    case CHECKSUM_MATCHES:
        return true;                    /* byte for byte what the build wrote (and checked) */
    case CHECKSUM_DIFFERS:
        *why = g_strdup("its content does not match the SHA-256 recorded when it was built (changed or damaged)");
        return false;
    case CHECKSUM_NONE:
        break;                          /* not one of ours: the walk tells */
    }
    if (memcmp(mmdb->file_content + tree_bytes, zeros, SEPARATOR_BYTES) != 0) {
        *why = g_strdup("the separator between its search tree and its data is not zeros");
        return false;
    }
    w.data_bytes = (uint32_t)(marker - mmdb->data_section);
    w.node_seen = g_malloc0(w.nodes / 8 + 1);
    w.data_seen = g_malloc0(w.data_bytes / 8 + 1);
    w.pending = g_array_sized_new(FALSE, FALSE, sizeof(uint32_t), 256);
    ok = walk_tree(&w, why);
    g_free(w.node_seen);
    g_free(w.data_seen);
    g_array_free(w.pending, TRUE);
    return ok;
}

/* --- opening -------------------------------------------------------------- */

/* A regular file, not too large: MMDB_open() would wait forever on a named pipe. */
static bool openable(const char *path, char **why)
{
    size_t size;
    int fd = wsc_datafile_open(path, WSC_MMDB_MAX_BYTES, &size, why);

    if (fd < 0)
        return false;
    close(fd);
    return true;
}

wsc_mmdb_t *wsc_mmdb_open(const char *path, const char *type_word, char **why)
{
    wsc_mmdb_t *db;
    char *problem = NULL;
    int status;

    if (!openable(path, why))
        return NULL;
    db = g_new0(wsc_mmdb_t, 1);
    status = MMDB_open(path, MMDB_MODE_MMAP, &db->mmdb);
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
    } else if (!verify(&db->mmdb, &problem)) {
        *why = g_strdup_printf("%s: a damaged MaxMind DB: %s", path, problem);
        g_free(problem);
    } else {
        db->path = g_strdup(path);
        return db;
    }
    MMDB_close(&db->mmdb);
    g_free(db);
    return NULL;
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
#define UAT_MAX_BYTES (1024 * 1024)
static const char *const geoip_dirs[] = { "/usr/share/GeoIP", "/var/lib/GeoIP" };

/* Folders named in the "MaxMind database directories" table (a UAT file of
 * quoted paths). */
static void add_uat_dirs(GPtrArray *dirs, char *uat_path)
{
    char *why = NULL;
    size_t len;
    char *text = wsc_datafile_slurp(uat_path, UAT_MAX_BYTES, &len, &why);

    g_free(why);                        /* absent or unusable: no folders from it */
    if (text != NULL) {
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
