/* cloud_api.h: how the other plugins of the suite ask the cloud plugin
 * about an address.
 *
 * Plugins load in no fixed order and share no symbols, so the cloud plugin
 * offers its lookup as a dissector without a protocol, "cloud.lookup":
 * call_dissector_only(handle, tvb, pinfo, NULL, &query) fills query.label.
 * find_dissector("cloud.lookup") is NULL when the cloud plugin is absent.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_CLOUD_API_H
#define WSC_CLOUD_API_H

#include "core/addr.h"

#define WSC_CLOUD_LOOKUP "cloud.lookup"

typedef struct {
    const char *provider;       /* NULL when unknown; strings live as long as the capture file */
    const char *service;
    const char *region;
    const char *hostname;
} wsc_cloud_label_t;

typedef struct {
    wsc_addr_t        addr;     /* in */
    wsc_cloud_label_t label;    /* out */
} wsc_cloud_query_t;

#endif /* WSC_CLOUD_API_H */
