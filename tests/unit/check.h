/* check.h: the C unit tests' assertions.
 *
 * A failed check prints where it is and what was found, counts, and lets
 * the test go on, so one run shows every broken case. A test program ends
 * with `return check_report();`: exit status 0 only when nothing failed.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef WSC_CHECK_H
#define WSC_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CHECK(cond) check_true((cond), #cond, __FILE__, __LINE__)
#define CHECK_UINT(got, want) check_uint((uint64_t)(got), (uint64_t)(want), #got, __FILE__, __LINE__)
#define CHECK_STR(got, want) check_str((got), (want), #got, __FILE__, __LINE__)
#define RUN(test) check_run(test, #test)

bool check_true(bool ok, const char *what, const char *file, int line);
bool check_uint(uint64_t got, uint64_t want, const char *what, const char *file, int line);
bool check_str(const char *got, const char *want, const char *what, const char *file, int line);
void check_run(void (*test)(void), const char *name);
int check_report(void);

/* A heap copy of exactly len bytes: under AddressSanitizer a reader that
 * looks one byte past what it was given is caught. Free with check_free. */
uint8_t *check_copy(const void *bytes, size_t len);
void check_free(uint8_t *copy);

#endif /* WSC_CHECK_H */
