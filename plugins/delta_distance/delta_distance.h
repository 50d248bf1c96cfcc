/* delta_distance.h: the Delta Distance protocol of the suite.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef DELTA_DISTANCE_H
#define DELTA_DISTANCE_H

#include <stdbool.h>
#include <stdint.h>

#include <epan/proto.h>

#include "core/addr.h"
#include "core/facts.h"

void delta_distance_register(void);
void delta_distance_handoff(void);
/* Off in Analyze > Enabled Protocols: no work, no fields, no answers. */
bool delta_distance_enabled(void);
/* Does this tree ask for the protocol or one of its fields (or show it all)? */
bool delta_distance_asked(proto_tree *tree);
/* Every frame, after the dissectors (plugin.c). */
void delta_distance_frame(wsc_facts_t *facts, proto_tree *tree);

/* Whether an address's round trip contradicts its geolocation. */
typedef struct {
    bool        impossible;     /* geolocated farther than the round trip allows */
    int64_t     rtt_ns;         /* the smallest round trip to the address */
    double      max_km;         /* how far that round trip allows, over fiber */
    double      geo_km;         /* how far the database puts it */
    const char *place;          /* "Kolkata, IN"; lives as long as the capture file */
} delta_distance_geo_t;

/* As known at `frame`; false (and *out zeroed) without a City database, the
 * capture point's coordinates, a round trip, or with the protocol off. */
bool delta_distance_geo_at(const wsc_addr_t *addr, uint32_t frame, delta_distance_geo_t *out);

#endif /* DELTA_DISTANCE_H */
