/* sources.c: loading and reloading the cloud plugin's data.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <wsutil/filesystem.h>
#include <wsutil/report_message.h>

#include "core/datafile.h"
#include "hosts.h"
#include "core/mmdb.h"
#include "sources.h"

#define RANGES_DB_TYPE  "IoTCloud-Cloud-Ranges"
#define ASN_DB_TYPE     "ASN"

/* A database and the preference text it was opened for. */
typedef struct {
    wsc_mmdb_t *db;
    char         *wanted;       /* the preference value last applied */
    bool          tried;
} loaded_db_t;

static loaded_db_t ranges, asn;
static cloud_patterns_t *patterns;
static GHashTable *asn_providers;
static bool data_files_tried;

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
    wsc_mmdb_close(slot->db);
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
    slot->db = wsc_mmdb_open(path, type_word, &why);
    if (slot->db == NULL)
        report_failure("Cloud: not using %s: %s are off.", why, what);
    g_free(why);
    g_free(path);
}

static char *locate_ranges_db(void)
{
    return wsc_datafile_find(CLOUD_RANGES_FILE);
}

/* The AS database installed with the suite (built from @ip-location-db/asn
 * when it could be fetched), else one the user keeps for Wireshark's own
 * MaxMind support (GeoLite2-ASN, DB-IP ASN Lite). */
#define CLOUD_ASN_DB_FILE "asn.mmdb"

static char *locate_asn_db(void)
{
    char *path = wsc_datafile_find(CLOUD_ASN_DB_FILE);

    return path != NULL ? path : wsc_mmdb_locate("asn");
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
