/* sources.h: the databases and data files behind the cloud plugin, loaded
 * from its preferences.
 *
 * Each problem (a missing, unreadable or corrupt file, bad rows) is reported
 * once, naming the file and the reason; the plugin goes on with what it has.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef CLOUD_SOURCES_H
#define CLOUD_SOURCES_H

#include <stdbool.h>

#include "patterns.h"

typedef struct {
    bool        use_ranges;
    bool        use_names;
    bool        use_asn;
    const char *ranges_db;      /* "" = the installed cloud-ranges.mmdb */
    const char *asn_db;         /* "" = look where Wireshark's MaxMind support looks */
} cloud_source_prefs_t;

#define CLOUD_RANGES_FILE   "cloud-ranges.mmdb"
#define CLOUD_PATTERNS_FILE "hostname_patterns.csv"
#define CLOUD_ASN_MAP_FILE  "asn_providers.csv"

/* (Re)loads what changed and hands the databases to the host cache. */
void cloud_sources_apply(const cloud_source_prefs_t *prefs);

/* The host name patterns, or NULL when names are off or the file is unusable. */
const cloud_patterns_t *cloud_sources_patterns(void);

#endif /* CLOUD_SOURCES_H */
