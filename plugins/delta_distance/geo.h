/* geo.h: where a City database places an address, and how far that is from
 * the capture point.
 *
 * A reply faster than light in fiber allows from the place a geolocation
 * database names proves the database wrong for that reply: anycast, a CDN
 * edge, or a stale record. The database is MaxMind GeoLite2-City or DB-IP
 * City Lite (both MMDB), found where Wireshark's MaxMind support looks or set
 * by preference; the capture point's coordinates are preferences too.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef DELTA_DISTANCE_GEO_H
#define DELTA_DISTANCE_GEO_H

#include <stdbool.h>

#include "core/addr.h"

typedef struct {
    double      latitude;
    double      longitude;
    double      accuracy_km;    /* the database's stated radius; 0 when it states none */
    const char *place;          /* "Kolkata, IN" (interned) */
    double      km;             /* great-circle distance from the capture point */
} geo_place_t;

/* Opens (or reopens) the database a preference names ("" = look for one);
 * reports a named database that cannot be used, once. */
void geo_apply(const char *db_pref);
/* The capture point; geo_locate() answers nothing until it is set. */
void geo_set_origin(bool known, double latitude, double longitude);

/* Why there is no geolocation (NULL when there is one). */
const char *geo_unavailable(void);

/* Where the database puts the address (cached per capture), or NULL. */
const geo_place_t *geo_locate(const wsc_addr_t *addr);

/* Great-circle distance on the mean Earth radius (6371.0088 km). */
double geo_distance_km(double lat1, double lon1, double lat2, double lon2);

#endif /* DELTA_DISTANCE_GEO_H */
