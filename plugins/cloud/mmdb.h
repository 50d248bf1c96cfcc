/* mmdb.h: a MaxMind DB opened for lookups by address.
 *
 * A thin layer over libmaxminddb: open and check a database's type, look up
 * a wsc_addr_t without a string round-trip, and read string and integer
 * values. Strings are interned by the caller (see cloud.c), so every packet
 * and tap record shares one copy.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef CLOUD_MMDB_H
#define CLOUD_MMDB_H

#include <stdbool.h>
#include <stdint.h>

#include <maxminddb.h>

#include "core/addr.h"

typedef struct cloud_mmdb cloud_mmdb_t;

/* Opens path and checks that its metadata database_type contains type_word
 * (e.g. "IoTCloud-Cloud-Ranges", "ASN"). NULL and *why (g_free) on failure. */
cloud_mmdb_t *cloud_mmdb_open(const char *path, const char *type_word, char **why);
void cloud_mmdb_close(cloud_mmdb_t *db);
const char *cloud_mmdb_path(const cloud_mmdb_t *db);

/* The record for an address; false when there is none (or the lookup failed). */
bool cloud_mmdb_lookup(cloud_mmdb_t *db, const wsc_addr_t *addr, MMDB_entry_s *entry);

/* A top-level string of the record; NULL when absent. *len is its byte count
 * (MaxMind strings are not NUL-terminated). */
const char *cloud_mmdb_string(MMDB_entry_s *entry, const char *key, uint32_t *len);
bool cloud_mmdb_uint(MMDB_entry_s *entry, const char *key, uint32_t *value);

#endif /* CLOUD_MMDB_H */
