/* addr_embed_probe.c: prints what wsc_addr_embedded_ipv4() finds in each
 * address given, one line each: "ADDRESS<TAB>KIND<TAB>IPv4" (KIND and IPv4
 * empty when none), for tests/test_asn.py.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "core/addr_embed.h"

static bool parse(const char *text, wsc_addr_t *a)
{
    memset(a, 0, sizeof(*a));
    if (inet_pton(AF_INET6, text, a->bytes) == 1)
        a->family = 6;
    else if (inet_pton(AF_INET, text, a->bytes) == 1)
        a->family = 4;
    return a->family != 0;
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        wsc_addr_t a, v4;
        wsc_embed_kind_t kind;
        char text[INET_ADDRSTRLEN] = "";

        if (!parse(argv[i], &a)) {
            fprintf(stderr, "addr_embed_probe: %s is not an address\n", argv[i]);
            return 2;
        }
        if (wsc_addr_embedded_ipv4(&a, &v4, &kind))
            inet_ntop(AF_INET, v4.bytes, text, sizeof(text));
        printf("%s\t%s\t%s\n", argv[i], kind == WSC_EMBED_NONE ? "" : wsc_embed_kind_name(kind), text);
    }
    return 0;
}
