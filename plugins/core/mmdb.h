/* mmdb.h: a MaxMind DB opened for lookups by address.
 *
 * A thin layer over libmaxminddb: find and open a database and check its
 * type, look up a wsc_addr_t without a string round-trip, and read string,
 * integer and double values by path. Strings are interned by the callers, so
 * every packet and tap record shares one copy.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_MMDB_H
#define WSC_MMDB_H

#include <stdbool.h>
#include <stdint.h>

#include <maxminddb.h>

#include "core/addr.h"

typedef struct wsc_mmdb wsc_mmdb_t;

/* The largest database opened (they are mapped, not read). */
#define WSC_MMDB_MAX_BYTES ((size_t)2 * 1024 * 1024 * 1024)

/* Opens path, a regular file, checks that its metadata database_type
 * contains type_word, ignoring case (e.g. "IoTCloud-Cloud-Ranges", "ASN"),
 * and verifies it: the search tree walked from the root (every node reached,
 * every record pointing to a node, nothing or a data record that decodes),
 * and, when the database carries one (the suite's own do), the SHA-256 of
 * its content. NULL and *why (g_free) on failure. */
wsc_mmdb_t *wsc_mmdb_open(const char *path, const char *type_word, char **why);
void wsc_mmdb_close(wsc_mmdb_t *db);
const char *wsc_mmdb_path(const wsc_mmdb_t *db);

/* The record for an address; false when there is none (or the lookup failed). */
bool wsc_mmdb_lookup(wsc_mmdb_t *db, const wsc_addr_t *addr, MMDB_entry_s *entry);

/* A value of the record by path ({"city", "names", "en", NULL}). Strings:
 * NULL when absent, *len their byte count (MaxMind strings are not
 * NUL-terminated). */
const char *wsc_mmdb_string(MMDB_entry_s *entry, const char *const *path, uint32_t *len);
bool wsc_mmdb_uint(MMDB_entry_s *entry, const char *const *path, uint32_t *value);
bool wsc_mmdb_double(MMDB_entry_s *entry, const char *const *path, double *value);

/* Where Wireshark's MaxMind support looks for databases (its "MaxMind
 * database directories" table, then /usr/share/GeoIP and /var/lib/GeoIP):
 * the first .mmdb file there whose name contains `word` ("asn", "city"),
 * in name order. NULL when none; g_free() the result. */
char *wsc_mmdb_locate(const char *word);

#endif /* WSC_MMDB_H */
