/* sources.c: loading and reloading the cloud plugin's data.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <wsutil/filesystem.h>
#include <wsutil/report_message.h>

#include "core/datafile.h"
#include "hosts.h"
#include "mmdb.h"
#include "sources.h"

#define RANGES_DB_TYPE  "IoTCloud-Cloud-Ranges"
#define ASN_DB_TYPE     "ASN"

/* A database and the preference text it was opened for. */
typedef struct {
    cloud_mmdb_t *db;
    char         *wanted;       /* the preference value last applied */
    bool          tried;
} loaded_db_t;

static loaded_db_t ranges, asn;
static cloud_patterns_t *patterns;
static GHashTable *asn_providers;
static bool data_files_tried;

/* Wireshark's MaxMind support reads these folders, plus its maxmind_db_paths table. */
static const char *const geoip_dirs[] = { "/usr/share/GeoIP", "/var/lib/GeoIP" };

static void report_bad_rows(const char *path, const wsc_read_report_t *report)
{
    if (report->bad > 0)
        report_failure("Cloud: %s: skipped %u bad line%s (first: line %u, %s); %u rows in use.",
                       path, report->bad, report->bad == 1 ? "" : "s", report->first_bad_line,
                       report->first_bad_why, report->rows);
}

static void load_patterns(void)
{
    char *path = wsc_datafile_find(CLOUD_PATTERNS_FILE);
    wsc_read_report_t report;
    char *why = NULL;

    if (path == NULL) {
        report_failure("Cloud: %s is not installed (looked in the personal configuration folder and "
                       "Wireshark's data folder, under %s/): names are not matched to providers.",
                       CLOUD_PATTERNS_FILE, WSC_DATA_SUBDIR);
        return;
    }
    patterns = cloud_patterns_load(path, &report, &why);
    if (patterns == NULL)
        report_failure("Cloud: not using %s: names are not matched to providers.", why);
    else
        report_bad_rows(path, &report);
    g_free(why);
    g_free(path);
}

/* Columns: asn,provider,as_name,confidence,sources */
static const char *take_asn_row(void *ctx, char **cols, unsigned ncols)
{
    char *end = NULL;
    guint64 number;

    if (ncols < 2 || *cols[1] == '\0')
        return "fewer than 2 columns";
    number = g_ascii_strtoull(cols[0], &end, 10);
    if (end == cols[0] || *end != '\0' || number == 0 || number > G_MAXUINT32)
        return "not an AS number";
    g_hash_table_insert((GHashTable *)ctx, GUINT_TO_POINTER((guint)number), g_strdup(cols[1]));
    return NULL;
}

static void load_asn_providers(void)
{
    char *path = wsc_datafile_find(CLOUD_ASN_MAP_FILE);
    wsc_read_report_t report;
    char *why = NULL;

    if (path == NULL) {
        report_failure("Cloud: %s is not installed: AS numbers are not mapped to providers.", CLOUD_ASN_MAP_FILE);
        return;
    }
    asn_providers = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
    if (!wsc_datafile_read(path, "asn_providers", 1, ',', take_asn_row, asn_providers, &report, &why)) {
        report_failure("Cloud: not using %s: AS numbers are not mapped to providers.", why);
        g_hash_table_destroy(asn_providers);
        asn_providers = NULL;
    } else {
        report_bad_rows(path, &report);
    }
    g_free(why);
    g_free(path);
}

static void close_db(loaded_db_t *slot)
{
    cloud_mmdb_close(slot->db);
    slot->db = NULL;
}

/* Opens the database a preference names, once per distinct value. */
static void apply_db(loaded_db_t *slot, const char *wanted, char *(*locate)(void),
                     const char *type_word, const char *what, bool required)
{
    char *path, *why = NULL;

    if (slot->tried && g_strcmp0(slot->wanted, wanted) == 0)
        return;                         /* apply runs for every preference change */
    close_db(slot);
    g_free(slot->wanted);
    slot->wanted = g_strdup(wanted);
    slot->tried = true;
    path = (wanted && *wanted) ? g_strdup(wanted) : locate();
    if (path == NULL) {
        if (required)
            report_failure("Cloud: %s is not installed (looked in the personal configuration folder and "
                           "Wireshark's data folder, under %s/): %s are off.", CLOUD_RANGES_FILE,
                           WSC_DATA_SUBDIR, what);
        return;
    }
    slot->db = cloud_mmdb_open(path, type_word, &why);
    if (slot->db == NULL)
        report_failure("Cloud: not using %s: %s are off.", why, what);
    g_free(why);
    g_free(path);
}

static char *locate_ranges_db(void)
{
    return wsc_datafile_find(CLOUD_RANGES_FILE);
}

/* Folders named in Wireshark's "MaxMind database directories" table (a UAT
 * file of quoted paths), personal then global. */
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

static char *first_asn_file(const char *dir)
{
    GDir *listing = g_dir_open(dir, 0, NULL);
    GPtrArray *found = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    char *best = NULL;

    while (listing != NULL && (name = g_dir_read_name(listing)) != NULL) {
        char *lower = g_ascii_strdown(name, -1);
        if (g_str_has_suffix(lower, ".mmdb") && strstr(lower, "asn") != NULL)
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

static char *locate_asn_db(void)
{
    GPtrArray *dirs = g_ptr_array_new_with_free_func(g_free);
    char *path = NULL;

    add_uat_dirs(dirs, get_persconffile_path("maxmind_db_paths", FALSE));
    add_uat_dirs(dirs, get_datafile_path("maxmind_db_paths"));
    for (size_t i = 0; i < G_N_ELEMENTS(geoip_dirs); i++)
        g_ptr_array_add(dirs, g_strdup(geoip_dirs[i]));
    for (guint i = 0; i < dirs->len && path == NULL; i++)
        path = first_asn_file(g_ptr_array_index(dirs, i));
    g_ptr_array_free(dirs, TRUE);
    return path;
}

void cloud_sources_apply(const cloud_source_prefs_t *prefs)
{
    cloud_sources_t in_force;

    if (!data_files_tried) {
        data_files_tried = true;
        load_patterns();
        load_asn_providers();
    }
    if (prefs->use_ranges)
        apply_db(&ranges, prefs->ranges_db, locate_ranges_db, RANGES_DB_TYPE, "provider ranges", true);
    if (prefs->use_asn)     /* optional: silent when the user has none */
        apply_db(&asn, prefs->asn_db, locate_asn_db, ASN_DB_TYPE, "AS numbers",
                 prefs->asn_db != NULL && *prefs->asn_db != '\0');
    in_force.ranges = prefs->use_ranges ? ranges.db : NULL;
    in_force.asn = prefs->use_asn ? asn.db : NULL;
    in_force.asn_providers = asn_providers;
    cloud_hosts_set_sources(&in_force);
}

const cloud_patterns_t *cloud_sources_patterns(void)
{
    return patterns;
}
