/* brand.h: the name people know, from the name an OUI is registered to.
 *
 * IEEE registrants are companies: "Sonos, Inc.", "Samsung Electronics
 * Co.,Ltd", "Hangzhou Hikvision Digital Technology Co.,Ltd.". The brand is
 * what is left once the legal form ("Co., Ltd.", "GmbH") and the words that
 * describe the business ("Technology", "Electronics") go. A Chinese
 * enterprise name is, by the naming rules of its registration, the
 * administrative division, the trade name, the industry and the legal form:
 * after a division (Shenzhen, Beijing, Guangdong, ...) the brand is the one
 * word that follows ("Hikvision").
 *
 * Pure C on strings: no Wireshark types.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef IOTCLOUD_BRAND_H
#define IOTCLOUD_BRAND_H

#include <stdbool.h>
#include <stddef.h>

/* Writes the brand of `registrant` into out (NUL-terminated, truncated to
 * size); false, with out empty, when nothing is left of the name. */
bool iotcloud_brand_of(const char *registrant, char *out, size_t size);

#endif /* IOTCLOUD_BRAND_H */
