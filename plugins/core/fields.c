/* fields.c: field ids by name, and typed access to field values (4.0 layout).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/ftypes/ftypes.h>

#include "core/fields.h"

void wsc_fields_resolve(wsc_field_t *fields, size_t n, const char *who)
{
    for (size_t i = 0; i < n; i++) {
        fields[i].hf = proto_registrar_get_id_byname(fields[i].name);
        if (fields[i].hf < 0)
            ws_warning("%s: this Wireshark has no field %s; the feature that reads it is off",
                       who, fields[i].name);
    }
}

void wsc_fields_want(dissector_handle_t handle, const wsc_field_t *fields, size_t n)
{
    GArray *wanted = NULL;

    if (n > 0) {
        wanted = g_array_new(FALSE, FALSE, (guint)sizeof(int));
        for (size_t i = 0; i < n; i++)
            if (fields[i].hf >= 0)
                g_array_append_val(wanted, fields[i].hf);
    }
    set_postdissector_wanted_hfids(handle, wanted);     /* takes ownership */
}

const char *wsc_finfo_string(field_info *fi)
{
    switch (fi->hfinfo->type) {
    case FT_STRING:
    case FT_STRINGZ:
    case FT_UINT_STRING:
    case FT_STRINGZPAD:
    case FT_STRINGZTRUNC:
        return fvalue_get_string(&fi->value);
    default:
        return NULL;
    }
}

bool wsc_finfo_uint(field_info *fi, uint32_t *value)
{
    switch (fi->hfinfo->type) {
    case FT_UINT8:
    case FT_UINT16:
    case FT_UINT24:
    case FT_UINT32:
    case FT_FRAMENUM:
        *value = fvalue_get_uinteger(&fi->value);
        return true;
    default:
        return false;
    }
}

bool wsc_finfo_bool(field_info *fi, bool *value)
{
    if (fi->hfinfo->type != FT_BOOLEAN)
        return false;
    *value = fvalue_get_uinteger64(&fi->value) != 0;    /* booleans are 64-bit in 4.0 */
    return true;
}

bool wsc_finfo_addr(field_info *fi, wsc_addr_t *addr)
{
    uint32_t v4;

    switch (fi->hfinfo->type) {
    case FT_IPv4:
        v4 = fvalue_get_uinteger(&fi->value);       /* network byte order in 4.0 */
        return wsc_addr_from_bytes(4, (const uint8_t *)&v4, addr);
    case FT_IPv6:
        return wsc_addr_from_bytes(6, fvalue_get_bytes(&fi->value), addr);
    default:
        return false;
    }
}

const uint8_t *wsc_finfo_ether(field_info *fi)
{
    return fi->hfinfo->type == FT_ETHER ? fvalue_get_bytes(&fi->value) : NULL;
}
