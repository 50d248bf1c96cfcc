/* test_brand.c: the brand people know, from the name an OUI is registered to.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include "check.h"

#include "iotcloud/brand.h"

static const char *brand(const char *registrant)
{
    static char out[64];

    iotcloud_brand_of(registrant, out, sizeof(out));
    return out;
}

static void test_the_legal_form_and_what_follows_it_go(void)
{
    CHECK_STR(brand("Sonos, Inc."), "Sonos");
    CHECK_STR(brand("Apple, Inc."), "Apple");
    CHECK_STR(brand("Nintendo Co.,Ltd"), "Nintendo");
    CHECK_STR(brand("Espressif Inc."), "Espressif");
    CHECK_STR(brand("Volvo AB"), "Volvo");
    CHECK_STR(brand("Sony Interactive Entertainment Inc."), "Sony Interactive Entertainment");
}

static void test_words_that_describe_the_business_go_from_the_end(void)
{
    CHECK_STR(brand("Samsung Electronics Co.,Ltd"), "Samsung");
    CHECK_STR(brand("Amazon Technologies Inc."), "Amazon");
    CHECK_STR(brand("ASSMANN Electronic GmbH"), "ASSMANN");
    CHECK_STR(brand("David Electronics Co., LTD."), "David");
    CHECK_STR(brand("Raspberry Pi Trading Ltd"), "Raspberry Pi");
}

static void test_a_name_without_legal_form_or_business_words_stays(void)
{
    CHECK_STR(brand("Western Digital"), "Western Digital");
    CHECK_STR(brand("Texas Instruments"), "Texas Instruments");
    CHECK_STR(brand("Withings"), "Withings");
}

static void test_after_a_chinese_division_the_trade_name_is_the_brand(void)
{
    CHECK_STR(brand("Hangzhou Hikvision Digital Technology Co.,Ltd."), "Hikvision");
    CHECK_STR(brand("Beijing Xiaomi Mobile Software Co., Ltd"), "Xiaomi");
    CHECK_STR(brand("Guangdong Oppo Mobile Telecommunications Corp.,Ltd"), "Oppo");
    CHECK_STR(brand("shanghai baudcom communication device co.,ltd"), "baudcom");
    CHECK_STR(brand("Hangzhou Siyuan Tech. Co., Ltd"), "Siyuan");
}

static void test_a_division_alone_is_kept(void)
{
    CHECK_STR(brand("Shenzhen"), "Shenzhen");
    CHECK_STR(brand("Shenzhen Co., Ltd"), "Shenzhen");
}

static void test_nothing_is_no_brand(void)
{
    char out[8] = "x";

    CHECK(!iotcloud_brand_of("", out, sizeof(out)));
    CHECK_STR(out, "");
    CHECK(!iotcloud_brand_of(" , ,", out, sizeof(out)));
    CHECK(!iotcloud_brand_of(NULL, out, sizeof(out)));
    CHECK_STR(out, "");
}

static void test_the_output_is_bounded(void)
{
    char out[5];
    char longest[200];

    CHECK(iotcloud_brand_of("Withings", out, sizeof(out)));
    CHECK_STR(out, "With");
    memset(longest, 'a', sizeof(longest) - 1);
    longest[sizeof(longest) - 1] = '\0';
    CHECK(!iotcloud_brand_of(longest, out, sizeof(out)));      /* no registrant name is that long */
    CHECK(!iotcloud_brand_of("Withings", out, 0));
}

int main(void)
{
    RUN(test_the_legal_form_and_what_follows_it_go);
    RUN(test_words_that_describe_the_business_go_from_the_end);
    RUN(test_a_name_without_legal_form_or_business_words_stays);
    RUN(test_after_a_chinese_division_the_trade_name_is_the_brand);
    RUN(test_a_division_alone_is_kept);
    RUN(test_nothing_is_no_brand);
    RUN(test_the_output_is_bounded);
    return check_report();
}
