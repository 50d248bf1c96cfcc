/* check.c: counting assertions for the C unit tests.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static unsigned checks, failures, tests;
static const char *current_test = "";

static bool record(bool ok, const char *file, int line)
{
    checks++;
    if (!ok) {
        failures++;
        fprintf(stderr, "%s:%d: in %s: ", file, line, current_test);
    }
    return ok;
}

bool check_true(bool ok, const char *what, const char *file, int line)
{
    if (!record(ok, file, line))
        fprintf(stderr, "%s is false\n", what);
    return ok;
}

bool check_uint(uint64_t got, uint64_t want, const char *what, const char *file, int line)
{
    bool ok = got == want;

    if (!record(ok, file, line))
        fprintf(stderr, "%s is %" PRIu64 ", expected %" PRIu64 "\n", what, got, want);
    return ok;
}

bool check_str(const char *got, const char *want, const char *what, const char *file, int line)
{
    bool ok = got != NULL && want != NULL && strcmp(got, want) == 0;

    if (!record(ok, file, line))
        fprintf(stderr, "%s is \"%s\", expected \"%s\"\n", what, got ? got : "(null)", want ? want : "(null)");
    return ok;
}

void check_run(void (*test)(void), const char *name)
{
    unsigned before = failures;

    current_test = name;
    test();
    tests++;
    printf("%s %s\n", failures == before ? "ok  " : "FAIL", name);
}

int check_report(void)
{
    printf("%u tests, %u checks, %u failed\n", tests, checks, failures);
    return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

uint8_t *check_copy(const void *bytes, size_t len)
{
    uint8_t *copy = malloc(len);        /* malloc(0): no byte may be read */

    if (copy == NULL && len > 0)
        abort();
    if (len)
        memcpy(copy, bytes, len);
    return copy;
}

void check_free(uint8_t *copy)
{
    free(copy);
}
