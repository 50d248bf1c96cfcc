/* geo_api.h: how the other plugins ask delta_distance whether an address's
 * round trip contradicts its geolocation.
 *
 * As cloud_api.h: a dissector without a protocol, "delta_distance.geo";
 * call_dissector_only(handle, tvb, pinfo, NULL, &query) fills the answer.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_GEO_API_H
#define WSC_GEO_API_H

#include <stdbool.h>
#include <stdint.h>

#include "core/addr.h"

#define WSC_GEO_LOOKUP "delta_distance.geo"

typedef struct {
    wsc_addr_t  addr;           /* in */
    bool        located;        /* out: the rest is valid */
    bool        impossible;     /* geolocated farther than the round trip allows */
    int64_t     rtt_ns;         /* the smallest round trip to the address */
    double      max_km;         /* how far that round trip allows, over fiber */
    double      geo_km;         /* how far the database puts it */
    const char *place;          /* "Kolkata, IN"; lives as long as the capture file */
} wsc_geo_query_t;

#endif /* WSC_GEO_API_H */
