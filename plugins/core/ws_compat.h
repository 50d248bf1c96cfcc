/* ws_compat.h: the differences between the Wireshark releases the suite builds for.
 *
 * One source builds for Wireshark 4.0 (Debian 12), 4.4 (Debian 13) and 4.6
 * (Debian testing/unstable); cmake/WiresharkVersions.cmake refuses the others. Every API
 * difference the suite meets is resolved here, from Wireshark's own version
 * macros, so the rest of the code has no version tests. Each entry says what
 * changed; 4.1 to 4.3 were never built against, so "4.4" below means "after
 * 4.0, checked on 4.4 and 4.6".
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_WS_COMPAT_H
#define WSC_WS_COMPAT_H

#include <wireshark.h>
#include <epan/addr_resolv.h>
#include <epan/proto.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WSC_WS_AT_LEAST(major, minor)                                          \
    (WIRESHARK_VERSION_MAJOR > (major) ||                                      \
     (WIRESHARK_VERSION_MAJOR == (major) && WIRESHARK_VERSION_MINOR >= (minor)))

/* Preference and UAT callback types became C99 bool in 4.4:
 * prefs_register_bool_preference() takes a bool *, and a UAT's update
 * callback returns bool. The two types have different sizes, and gcc 14
 * rejects the mismatched pointers, so the variables must match exactly. */
#if WSC_WS_AT_LEAST(4, 4)
typedef bool wsc_pref_bool_t;       /* a variable registered with prefs_register_bool_preference() */
typedef bool wsc_uat_bool_t;        /* what a uat_update_cb_t returns */
#else
typedef gboolean wsc_pref_bool_t;
typedef gboolean wsc_uat_bool_t;
#endif

/* A field_info's value: embedded in 4.0, a pointer from 4.4. Only
 * plugins/core/fields.c reads values. */
static inline fvalue_t *wsc_finfo_value(field_info *fi)
{
#if WSC_WS_AT_LEAST(4, 4)
    return fi->value;
#else
    return &fi->value;
#endif
}

/* The long manufacturer name of a MAC address, or NULL. 4.0 looks at the
 * 24-bit OUI only; from 4.4 the length of the address is passed, and MA-M
 * and MA-S blocks (28 and 36 bits) resolve to their owners instead of
 * "IEEE Registration Authority". */
static inline const char *wsc_manuf_name_if_known(const uint8_t *mac, size_t len)
{
#if WSC_WS_AT_LEAST(4, 4)
    return get_manuf_name_if_known(mac, len);
#else
    (void)len;
    return get_manuf_name_if_known(mac);
#endif
}

/* plugin_describe() exists from 4.3: it gives the type `tshark -G plugins`
 * and About > Plugins list ("unknown" without it). The flags come from
 * <wsutil/plugins.h>. */
#if WSC_WS_AT_LEAST(4, 3)
#include <wsutil/plugins.h>
#define WSC_HAVE_PLUGIN_DESCRIBE 1
#else
#define WSC_HAVE_PLUGIN_DESCRIBE 0
#endif

/* A stat_tap_ui's init callback (tshark -z NAME,...) returns whether it took
 * its argument from 4.6 on, nothing before: declare it with
 * WSC_STAT_TAP_INIT_T and end it with WSC_STAT_TAP_INIT_DONE. */
#if WSC_WS_AT_LEAST(4, 6)
#define WSC_STAT_TAP_INIT_T     bool
#define WSC_STAT_TAP_INIT_DONE  return true
#else
#define WSC_STAT_TAP_INIT_T     void
#define WSC_STAT_TAP_INIT_DONE  return
#endif

#endif /* WSC_WS_COMPAT_H */
