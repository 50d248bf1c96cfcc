/* test_addr_netlist.c: lists of networks from preference text, and the
 * address classes the plugins ask of both ends of every packet.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <glib.h>

#include "check.h"
#include "pkt.h"

#include "core/addr.h"

static wsc_addr_t addr(const char *text)
{
    uint8_t bytes[16];
    wsc_addr_t a;

    wsc_addr_from_bytes(pkt_addr(text, bytes), bytes, &a);
    return a;
}

static bool contains(const wsc_netlist_t *list, const char *text)
{
    wsc_addr_t a = addr(text);

    return wsc_netlist_contains(list, &a);
}

static void test_networks_and_hosts_of_both_families(void)
{
    char *why = NULL;
    wsc_netlist_t *list = wsc_netlist_parse("10.0.0.0/8, fd00::/8 192.168.5.7;172.16.4.1/22\t2001:db8::1/128", &why);

    if (!CHECK(list != NULL))
        return;
    CHECK(contains(list, "10.255.0.1"));
    CHECK(!contains(list, "11.0.0.1"));
    CHECK(contains(list, "fdab::1"));
    CHECK(contains(list, "192.168.5.7"));
    CHECK(!contains(list, "192.168.5.8"));
    CHECK(contains(list, "172.16.7.255"));             /* host bits of 172.16.4.1/22 cleared */
    CHECK(!contains(list, "172.16.8.0"));
    CHECK(contains(list, "2001:db8::1"));
    CHECK(!contains(list, "2001:db8::2"));
    CHECK(!contains(NULL, "10.0.0.1"));
    wsc_netlist_free(list);
    wsc_netlist_free(NULL);
}

static void test_an_empty_text_is_an_empty_list(void)
{
    char *why = NULL;
    wsc_netlist_t *list = wsc_netlist_parse("", &why);

    CHECK(list != NULL && !contains(list, "10.0.0.1"));
    wsc_netlist_free(list);
    list = wsc_netlist_parse(NULL, &why);
    CHECK(list != NULL);
    wsc_netlist_free(list);
}

static void expect_refused(const char *text, const char *named)
{
    char *why = NULL;
    wsc_netlist_t *list = wsc_netlist_parse(text, &why);

    CHECK(list == NULL);
    if (CHECK(why != NULL))
        CHECK(strstr(why, named) != NULL);
    g_free(why);
    wsc_netlist_free(list);
}

static void test_what_is_not_a_network_is_refused_by_name(void)
{
    expect_refused("10.0.0.0/8, nonsense", "\"nonsense\"");
    expect_refused("example.com/24", "\"example.com/24\"");
    expect_refused("10.0.0.0/33", "\"10.0.0.0/33\"");
    expect_refused("fd00::/129", "\"fd00::/129\"");
    expect_refused("10.0.0.0/", "\"10.0.0.0/\"");
    expect_refused("10.0.0.0/8x", "\"10.0.0.0/8x\"");
}

static void test_private_and_group_addresses(void)
{
    static const char *const private[] = { "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.1",
                                           "100.64.0.1", "100.127.255.255", "169.254.1.1", "127.0.0.1",
                                           "fc00::1", "fdff::1", "fe80::1", "febf::1", "::1" };
    static const char *const public[] = { "172.15.255.255", "172.32.0.0", "100.63.255.255", "100.128.0.0",
                                          "8.8.8.8", "fec0::1", "2001:db8::1", "::2" };
    static const char *const group[] = { "224.0.0.251", "239.255.255.250", "255.255.255.255", "0.0.0.0",
                                         "ff02::fb", "::" };

    for (size_t i = 0; i < G_N_ELEMENTS(private); i++) {
        wsc_addr_t a = addr(private[i]);
        if (!CHECK(wsc_addr_is_private(&a)))
            fprintf(stderr, "  %s\n", private[i]);
    }
    for (size_t i = 0; i < G_N_ELEMENTS(public); i++) {
        wsc_addr_t a = addr(public[i]);
        if (!CHECK(!wsc_addr_is_private(&a) && !wsc_addr_is_group(&a)))
            fprintf(stderr, "  %s\n", public[i]);
    }
    for (size_t i = 0; i < G_N_ELEMENTS(group); i++) {
        wsc_addr_t a = addr(group[i]);
        if (!CHECK(wsc_addr_is_group(&a) && !wsc_addr_is_private(&a)))
            fprintf(stderr, "  %s\n", group[i]);
    }
}

static void test_addresses_as_keys_and_text(void)
{
    static const uint8_t v4[4] = { 54, 194, 162, 98 };
    wsc_addr_t a = addr("54.194.162.98"), b, c;
    address ws;
    char text[WSC_ADDR_STRLEN];

    set_address(&ws, AT_IPv4, 4, v4);
    CHECK(wsc_addr_from_address(&ws, &b));
    CHECK(wsc_addr_equal(&a, &b) && wsc_addr_hash(&a) == wsc_addr_hash(&b));
    c = addr("2a03:2880:f11b:83:face:b00c:0:25de");
    CHECK(!wsc_addr_equal(&a, &c));
    wsc_addr_to_str(&c, text);
    CHECK_STR(text, "2a03:2880:f11b:83:face:b00c:0:25de");
    set_address(&ws, AT_ETHER, 6, "\x01\x02\x03\x04\x05\x06");
    CHECK(!wsc_addr_from_address(&ws, &b));
    CHECK(!wsc_addr_from_bytes(5, v4, &b));
}

int main(void)
{
    RUN(test_networks_and_hosts_of_both_families);
    RUN(test_an_empty_text_is_an_empty_list);
    RUN(test_what_is_not_a_network_is_refused_by_name);
    RUN(test_private_and_group_addresses);
    RUN(test_addresses_as_keys_and_text);
    return check_report();
}
