/* correlate_events: feeds an event list to the correlator and prints the
 * pairs it finds, for tests/test_correlate.py.
 *
 *   correlate_events [-w WINDOW_S] [-a ALPHA] [-m MIN_EVENTS] [-c CAP] EVENTS.tsv
 *
 * Event lists are what captures/homegen.py writes (and what the iotcloud
 * plugin feeds the correlator): one line per packet between a local device
 * and a remote end, "ts_ns device provider o|i bytes remote", tab-separated,
 * '#' lines ignored. Devices, providers and remote ends are names here,
 * interned to the uint32 ids the correlator takes. Output, one line per pair,
 * tab-separated: a b provider events expected p_value score min_burst_bytes;
 * then on stderr one line of table sizes.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#define _POSIX_C_SOURCE 200809L         /* strdup */

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "correlate.h"

#define MAX_NAMES (1u << 20)            /* distinct names of one list */

/* Names <-> ids: open addressing over a power-of-two table. */
typedef struct {
    char   **by_id;                     /* id - 1 -> name */
    uint32_t *slots;                    /* hash -> id, 0 empty */
    uint32_t n, size;
} names_t;

static uint32_t name_hash(const char *s)
{
    uint32_t h = 2166136261u;           /* FNV-1a */

    while (*s)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

static bool names_init(names_t *names)
{
    names->size = 2 * MAX_NAMES;
    names->n = 0;
    names->slots = calloc(names->size, sizeof(*names->slots));
    names->by_id = calloc(MAX_NAMES, sizeof(*names->by_id));
    return names->slots != NULL && names->by_id != NULL;
}

/* The id of a name (interned on first sight), 0 when the table is full. */
static uint32_t names_id(names_t *names, const char *name)
{
    uint32_t s = name_hash(name) & (names->size - 1), id;

    for (; names->slots[s] != 0; s = (s + 1) & (names->size - 1))
        if (strcmp(names->by_id[names->slots[s] - 1], name) == 0)
            return names->slots[s];
    if (names->n == MAX_NAMES || (names->by_id[names->n] = strdup(name)) == NULL)
        return 0;
    id = ++names->n;
    names->slots[s] = id;
    return id;
}

static void names_free(names_t *names)
{
    for (uint32_t i = 0; i < names->n; i++)
        free(names->by_id[i]);
    free(names->by_id);
    free(names->slots);
}

static const char *names_of(const names_t *names, uint32_t id)
{
    return id >= 1 && id <= names->n ? names->by_id[id - 1] : "?";
}

typedef struct {
    const names_t *names;
} print_ctx_t;

static void print_pair(void *ctx, const correlator_pair_t *p)
{
    const names_t *names = ((print_ctx_t *)ctx)->names;

    printf("%s\t%s\t%s\t%u\t%.6g\t%.6g\t%.3f\t%" PRIu64 "\n", names_of(names, p->a), names_of(names, p->b),
           names_of(names, p->provider), p->events, p->expected, p->p_value, p->score, p->min_burst_bytes);
}

/* Splits a line into at most `max` tab-separated fields, in place. */
static int split(char *line, char **fields, int max)
{
    int n = 0;

    line[strcspn(line, "\r\n")] = '\0';
    while (n < max) {
        fields[n++] = line;
        if ((line = strchr(line, '\t')) == NULL)
            break;
        *line++ = '\0';
    }
    return n;
}

static int feed(correlator_t *c, names_t *names, FILE *in, const char *path)
{
    char line[1024], *f[6];
    unsigned long lineno = 0;

    while (fgets(line, sizeof(line), in) != NULL) {
        int64_t ts;
        unsigned long bytes;
        char *end;
        lineno++;
        memset(f, 0, sizeof(f));
        if (line[0] == '#' || line[0] == '\n')
            continue;
        if (split(line, f, 6) < 5 || (f[3][0] != 'o' && f[3][0] != 'i')) {
            fprintf(stderr, "%s:%lu: expected ts_ns, device, provider, o|i, bytes[, remote]\n", path, lineno);
            return 1;
        }
        errno = 0;
        ts = strtoll(f[0], &end, 10);
        bytes = strtoul(f[4], NULL, 10);
        if (errno != 0 || *end != '\0') {
            fprintf(stderr, "%s:%lu: bad time stamp\n", path, lineno);
            return 1;
        }
        correlator_packet(c, names_id(names, f[1]), names_id(names, f[2]), names_id(names, f[5] ? f[5] : ""),
                          f[3][0] == 'o', (uint32_t)bytes, ts);
    }
    return 0;
}

int main(int argc, char **argv)
{
    correlator_params_t params;
    correlator_stats_t stats;
    correlator_t *c;
    names_t names;
    print_ctx_t ctx = { &names };
    FILE *in;
    int arg = 1, rc;

    correlator_params_default(&params);
    for (; arg + 1 < argc && argv[arg][0] == '-'; arg += 2) {
        if (strcmp(argv[arg], "-w") == 0)
            params.window_s = strtod(argv[arg + 1], NULL);
        else if (strcmp(argv[arg], "-a") == 0)
            params.alpha = strtod(argv[arg + 1], NULL);
        else if (strcmp(argv[arg], "-m") == 0)
            params.min_events = (unsigned)strtoul(argv[arg + 1], NULL, 10);
        else if (strcmp(argv[arg], "-c") == 0)            /* every table's cap: to test eviction */
            params.max_sources = params.max_sinks = params.max_pairs = params.max_providers =
                (unsigned)strtoul(argv[arg + 1], NULL, 10);
        else
            break;
    }
    if (arg + 1 != argc) {
        fprintf(stderr, "usage: %s [-w WINDOW_S] [-a ALPHA] [-m MIN_EVENTS] [-c CAP] EVENTS.tsv\n", argv[0]);
        return 2;
    }
    if ((in = fopen(argv[arg], "r")) == NULL) {
        perror(argv[arg]);
        return 1;
    }
    if (!names_init(&names) || (c = correlator_new(&params)) == NULL) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }
    rc = feed(c, &names, in, argv[arg]);
    fclose(in);
    if (rc == 0) {
        correlator_pairs(c, print_pair, &ctx);
        correlator_stats(c, &stats);
        fprintf(stderr, "sources %u sinks %u pairs %u (seen %u) providers %u evicted %u dropped %u/%u/%u/%u\n",
                stats.sources, stats.sinks, stats.pairs, stats.pairs_seen, stats.providers, stats.evicted,
                stats.dropped_sources, stats.dropped_sinks, stats.dropped_pairs, stats.dropped_providers);
    }
    correlator_free(c);
    names_free(&names);
    return rc;
}
