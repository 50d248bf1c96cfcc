/* patterns.h: CDN and cloud host name patterns (hostname_patterns.csv).
 *
 * "suffix" patterns match a whole-label suffix (cloudfront.net matches
 * d1.cloudfront.net, not xcloudfront.net); "substring" patterns match
 * anywhere, as the CDN lists they come from do. Matching is case-blind.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef CLOUD_PATTERNS_H
#define CLOUD_PATTERNS_H

#include "core/datafile.h"

typedef struct {
    const char *pattern;        /* "cloudfront.net" */
    const char *provider;       /* "AWS" */
    const char *kind;           /* cdn, cloud, rdns, service, waf, dns */
} cloud_pattern_t;

typedef struct cloud_patterns cloud_patterns_t;

/* NULL and *why (g_free) when the file cannot be used at all; bad rows are
 * skipped and counted in *report. */
cloud_patterns_t *cloud_patterns_load(const char *path, wsc_read_report_t *report, char **why);
void cloud_patterns_free(cloud_patterns_t *patterns);

/* The pattern a host name matches, or NULL. Suffix patterns are tried from
 * the longest suffix, so the most specific wins. */
const cloud_pattern_t *cloud_patterns_match(const cloud_patterns_t *patterns, const char *name);

#endif /* CLOUD_PATTERNS_H */
