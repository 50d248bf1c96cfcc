/* correlate.c: cloud-mediated pairs of devices, corrected for chance (see
 * correlate.h; docs/mediated.md gives the method and its cost).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "correlate.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CLASSES         8       /* burst sizes: < 256 B, < 1 kB, < 4 kB, ... >= 1 MB (x4 each) */
#define CLASS_BASE      256     /* bytes: the upper bound of class 0 */
#define BURST_RING      4       /* recent bursts kept per source: windows that a push may fall in */
#define TIME_RING       8       /* recent burst starts or push times kept, to recognise a timer */
#define EARLY_RING      8       /* times found on a timer only after they counted */
#define EVENT_RING      8       /* recent events kept per pair, to take back those of a timer found later */
#define RECENT_MAX      64      /* sources per provider whose window may still be open */
#define TIMER_TOL_NS    INT64_C(50000000)   /* a timer beats within 50 ms of its period */
#define SWEEP           64      /* entries looked at for an idle one when a table is full */
#define MAX_LIMIT       512     /* events the exact size-threshold correction follows */
#define NONE            INT64_MIN
#define NO_ENTRY        UINT32_MAX

/* --- state ------------------------------------------------------------------ */

/* A timer recognised in a series of times (a source's burst starts, or the
 * pushes a device gets). */
typedef struct {
    int64_t  times[TIME_RING];          /* recent times, oldest first */
    int64_t  early[EARLY_RING];         /* found on a timer after they had counted */
    int64_t  found[3];                  /* the earlier beats of the last timer found */
    int64_t  period, origin, anchor, beats;
    uint8_t  n_times, n_early;
    uint8_t  max_multiple;              /* beats a timer may miss, plus one */
} train_t;

typedef struct {
    int64_t  start, end;                /* first and last outbound packet */
    uint64_t bytes;
    bool     beat;                      /* it began on a beat of the source's timer */
} burst_t;

/* A device's bursts towards one remote end of a provider. */
typedef struct {
    uint32_t device, provider, endpoint;
    uint32_t refs;                      /* pairs that read it: never evicted while > 0 */
    bool     listed;                    /* in its provider's recent list */
    int64_t  last_out;
    burst_t  bursts[BURST_RING];        /* oldest first; the last one is still growing */
    uint8_t  n_bursts;
    uint8_t  beat_class;                /* the size class of the timer's beats */
    train_t  train;
    uint32_t counts[CLASSES];           /* earlier bursts by class (not routine) */
    int64_t  coverage[CLASSES];         /* union of their windows of class >= k, ns */
    int64_t  covered_to[CLASSES];
} source_t;

/* A device's traffic with one provider: quiet times and the pushes it gets. */
typedef struct {
    uint32_t device, provider;
    uint32_t refs;
    int64_t  last_out, last_in;
    uint32_t pushes;                    /* cloud-initiated, not on a timer */
    train_t  train;
} sink_t;

typedef struct {
    int64_t push, start;                /* the push, and the start of the burst it followed */
    uint8_t cls;
} event_t;

/* A source and a device pushed after its bursts. */
typedef struct {
    uint32_t source, sink;
    uint32_t events[CLASSES];           /* by the class of the burst */
    event_t  ring[EVENT_RING];          /* oldest first */
    uint8_t  n_ring;
} pair_t;

typedef struct {
    uint32_t provider;
    uint32_t n_recent;
    uint32_t recent[RECENT_MAX];        /* sources, in the order their bursts began */
} provider_t;

typedef struct {
    uint64_t k0, k1;
    uint32_t entry;                     /* NO_ENTRY: empty slot */
} slot_t;

/* Entries of one kind, found by key through open addressing. */
typedef struct {
    unsigned char *items;
    size_t   item_size;
    uint32_t count, capacity, cap, hand;
    slot_t  *slots;
    uint32_t n_slots;                   /* a power of two, at least twice count */
} table_t;

struct correlator {
    correlator_params_t p;
    int64_t  window_ns, quiet_ns;
    int64_t  first, last;
    table_t  sources, sinks, pairs, providers;
    unsigned version, pairs_seen, evicted;
    unsigned dropped_sources, dropped_sinks, dropped_pairs, dropped_providers;
};

/* --- tables ------------------------------------------------------------------ */

static uint32_t slot_of(uint64_t k0, uint64_t k1, uint32_t n_slots)
{
    uint64_t h = k0 * UINT64_C(0x9E3779B97F4A7C15) ^ (k1 + UINT64_C(0x632BE59BD9B4E019));

    h ^= h >> 31;                       /* splitmix64's finaliser */
    h *= UINT64_C(0xBF58476D1CE4E5B9);
    h ^= h >> 29;
    return (uint32_t)h & (n_slots - 1);
}

static void *table_at(const table_t *t, uint32_t i)
{
    return t->items + (size_t)i * t->item_size;
}

static uint32_t table_find(const table_t *t, uint64_t k0, uint64_t k1)
{
    if (t->n_slots == 0)
        return NO_ENTRY;
    for (uint32_t s = slot_of(k0, k1, t->n_slots);; s = (s + 1) & (t->n_slots - 1)) {
        const slot_t *slot = &t->slots[s];
        if (slot->entry == NO_ENTRY)
            return NO_ENTRY;
        if (slot->k0 == k0 && slot->k1 == k1)
            return slot->entry;
    }
}

static void slots_put(slot_t *slots, uint32_t n_slots, uint64_t k0, uint64_t k1, uint32_t entry)
{
    uint32_t s = slot_of(k0, k1, n_slots);

    while (slots[s].entry != NO_ENTRY)
        s = (s + 1) & (n_slots - 1);
    slots[s] = (slot_t){ k0, k1, entry };
}

/* Doubles the slots (rehashing) or the items when the next entry needs it. */
static bool table_make_room(table_t *t)
{
    if (2 * (t->count + 1) > t->n_slots) {
        uint32_t n = t->n_slots ? 2 * t->n_slots : 64;
        slot_t *slots = malloc((size_t)n * sizeof(*slots));
        if (slots == NULL)
            return false;
        for (uint32_t s = 0; s < n; s++)
            slots[s].entry = NO_ENTRY;
        for (uint32_t s = 0; s < t->n_slots; s++)
            if (t->slots[s].entry != NO_ENTRY)
                slots_put(slots, n, t->slots[s].k0, t->slots[s].k1, t->slots[s].entry);
        free(t->slots);
        t->slots = slots;
        t->n_slots = n;
    }
    if (t->count == t->capacity) {
        uint32_t n = t->capacity ? 2 * t->capacity : 32;
        unsigned char *items = realloc(t->items, (size_t)(n < t->cap ? n : t->cap) * t->item_size);
        if (items == NULL)
            return false;
        t->items = items;
        t->capacity = n < t->cap ? n : t->cap;
    }
    return true;
}

/* Linear probing's deletion: later entries of the cluster move back, so that
 * no search stops early at the hole. */
static void table_unindex(table_t *t, uint64_t k0, uint64_t k1)
{
    uint32_t mask = t->n_slots - 1, hole = slot_of(k0, k1, t->n_slots);

    while (t->slots[hole].k0 != k0 || t->slots[hole].k1 != k1)
        hole = (hole + 1) & mask;
    for (uint32_t s = (hole + 1) & mask; t->slots[s].entry != NO_ENTRY; s = (s + 1) & mask) {
        uint32_t home = slot_of(t->slots[s].k0, t->slots[s].k1, t->n_slots);
        if (((s - home) & mask) >= ((s - hole) & mask)) {      /* home is not between hole and s */
            t->slots[hole] = t->slots[s];
            hole = s;
        }
    }
    t->slots[hole].entry = NO_ENTRY;
}

typedef bool (*idle_fn)(correlator_t *c, uint32_t i);
typedef void (*release_fn)(correlator_t *c, uint32_t i);

/* A zeroed entry for a new key: appended while under the cap, else an idle
 * entry found by a clock sweep is released and reused; NO_ENTRY when neither. */
static uint32_t table_claim(correlator_t *c, table_t *t, uint64_t k0, uint64_t k1, idle_fn idle,
                            release_fn release, unsigned *dropped)
{
    uint32_t i = NO_ENTRY;

    if (t->count < t->cap) {
        if (!table_make_room(t)) {
            (*dropped)++;
            return NO_ENTRY;
        }
        i = t->count++;
    } else {
        for (unsigned n = 0; n < SWEEP && i == NO_ENTRY; n++) {
            uint32_t j = t->hand;
            t->hand = (t->hand + 1) % t->count;
            if (idle(c, j))
                i = j;
        }
        if (i == NO_ENTRY) {
            (*dropped)++;
            return NO_ENTRY;
        }
        release(c, i);
        c->evicted++;
    }
    memset(table_at(t, i), 0, t->item_size);
    slots_put(t->slots, t->n_slots, k0, k1, i);
    return i;
}

static void table_init(table_t *t, size_t item_size, uint32_t cap)
{
    memset(t, 0, sizeof(*t));
    t->item_size = item_size;
    t->cap = cap;
}

static void table_free(table_t *t)
{
    free(t->items);
    free(t->slots);
}

#define SOURCE(c, i)   ((source_t *)table_at(&(c)->sources, (i)))
#define SINK(c, i)     ((sink_t *)table_at(&(c)->sinks, (i)))
#define PAIR(c, i)     ((pair_t *)table_at(&(c)->pairs, (i)))
#define PROVIDER(c, i) ((provider_t *)table_at(&(c)->providers, (i)))

/* --- timers ------------------------------------------------------------------ */

static void ring_push(int64_t *ring, uint8_t *n, unsigned size, int64_t t)
{
    if (*n == size) {
        memmove(ring, ring + 1, (size - 1) * sizeof(*ring));
        (*n)--;
    }
    ring[(*n)++] = t;
}

static void train_init(train_t *train, uint8_t max_multiple)
{
    memset(train, 0, sizeof(*train));
    train->max_multiple = max_multiple;
}

/* Whole periods from the gap, when it is 1..max_multiple of them; else 0. */
static int64_t multiple_of(int64_t gap, int64_t period, uint8_t max_multiple)
{
    for (int64_t m = 1; m <= max_multiple; m++) {
        int64_t off = gap - m * period;
        if (off <= m * TIMER_TOL_NS && -off <= m * TIMER_TOL_NS)
            return m;
    }
    return 0;
}

/* Three earlier times that t completes into a timer, its gaps each whole
 * periods (a timer may miss beats): their first index and the beats from it
 * to t, or -1. Oldest first, as the reference implementation looks. */
static int find_lattice(const train_t *train, int64_t t, int found[3], int64_t *beats)
{
    const int64_t *x = train->times;

    for (int i = 0; i < train->n_times; i++)
        for (int j = i + 1; j < train->n_times; j++)
            for (int k = j + 1; k < train->n_times; k++) {
                int64_t gaps[3] = { x[j] - x[i], x[k] - x[j], t - x[k] };
                int64_t period = gaps[0] < gaps[1] ? gaps[0] : gaps[1], total = 0;
                int g;
                if (gaps[2] < period)
                    period = gaps[2];
                if (period <= 0)
                    continue;
                for (g = 0; g < 3; g++) {
                    int64_t m = multiple_of(gaps[g], period, train->max_multiple);
                    if (m == 0)
                        break;
                    total += m;
                }
                if (g == 3) {
                    found[0] = i, found[1] = j, found[2] = k;
                    *beats = total;
                    return i;
                }
            }
    return -1;
}

static int64_t beat_of(const train_t *train, int64_t t)
{
    int64_t beats, off;

    if (train->period == 0)
        return 0;
    beats = t - train->anchor + train->period / 2;
    if (beats < 0)
        return 0;
    beats /= train->period;
    off = t - train->anchor - beats * train->period;
    if (beats < 1 || beats > train->max_multiple || off > beats * TIMER_TOL_NS || -off > beats * TIMER_TOL_NS)
        return 0;
    return beats;
}

static bool is_early(const train_t *train, int64_t t)
{
    for (unsigned i = 0; i < train->n_early; i++)
        if (train->early[i] == t)
            return true;
    return false;
}

typedef enum { NO_BEAT, BEAT, NEW_TIMER } beat_t;

/* Is t a beat of a timer: of the known one, or of one that t completes? Once
 * four times fit one, later beats are known as they come; the three before
 * go to `early` (and `found`), so that the events they made can be taken back. */
static beat_t train_note(train_t *train, int64_t t)
{
    int64_t beats = beat_of(train, t), total;
    int found[3];
    beat_t beat = beats > 0 ? BEAT : NO_BEAT;

    if (beat == BEAT) {
        train->beats += beats;
    } else if (find_lattice(train, t, found, &total) >= 0) {
        train->origin = train->times[found[0]];
        train->beats = total;
        for (int i = 0; i < 3; i++) {
            train->found[i] = train->times[found[i]];
            if (!is_early(train, train->found[i]))
                ring_push(train->early, &train->n_early, EARLY_RING, train->found[i]);
        }
        beat = NEW_TIMER;
    }
    if (beat != NO_BEAT) {
        train->anchor = t;
        train->period = (t - train->origin) / train->beats;
    }
    ring_push(train->times, &train->n_times, TIME_RING, t);
    return beat;
}

/* --- sources, sinks, providers, pairs -------------------------------------------- */

static unsigned size_class(uint64_t bytes)
{
    unsigned cls = 0;

    for (uint64_t limit = CLASS_BASE; cls < CLASSES - 1 && bytes >= limit; limit *= 4)
        cls++;
    return cls;
}

static uint64_t class_bytes(unsigned cls)
{
    return cls == 0 ? 0 : (uint64_t)CLASS_BASE << (2 * (cls - 1));
}

/* A beat of the source's timer, no larger than its beats, is no evidence. (A
 * voice command that begins with a keepalive is larger.) */
static bool routine(const source_t *s, const burst_t *b)
{
    return b->beat && size_class(b->bytes) <= s->beat_class;
}

/* Adds a burst's window [start, end + window] to the coverage of its class and the classes below. */
static void fold_burst(const source_t *s, const burst_t *b, int64_t window_ns, uint32_t *counts, int64_t *coverage,
                       int64_t *covered_to)
{
    unsigned cls;
    int64_t end = b->end + window_ns;

    if (routine(s, b))
        return;
    cls = size_class(b->bytes);
    counts[cls]++;
    for (unsigned k = 0; k <= cls; k++) {
        int64_t start = covered_to[k] == NONE || b->start > covered_to[k] ? b->start : covered_to[k];
        if (end > start)
            coverage[k] += end - start;
        if (covered_to[k] == NONE || end > covered_to[k])
            covered_to[k] = end;
    }
}

/* The source's counts and coverage, the growing burst included. */
static void source_view(const correlator_t *c, const source_t *s, uint32_t *counts, int64_t *coverage)
{
    int64_t covered_to[CLASSES];

    memcpy(counts, s->counts, sizeof(s->counts));
    memcpy(coverage, s->coverage, sizeof(s->coverage));
    memcpy(covered_to, s->covered_to, sizeof(s->covered_to));
    if (s->n_bursts > 0)
        fold_burst(s, &s->bursts[s->n_bursts - 1], c->window_ns, counts, coverage, covered_to);
}

/* No pair reads it and its windows have closed: nothing of it can count again. */
static bool source_idle(correlator_t *c, uint32_t i)
{
    const source_t *s = SOURCE(c, i);

    return s->refs == 0 && (s->last_out == NONE || s->last_out < c->last - c->window_ns);
}

static void unlist(correlator_t *c, uint32_t source);

static void source_release(correlator_t *c, uint32_t i)
{
    source_t *s = SOURCE(c, i);

    if (s->listed)
        unlist(c, i);
    table_unindex(&c->sources, (uint64_t)s->device | (uint64_t)s->provider << 32, s->endpoint);
}

static uint32_t source_get(correlator_t *c, uint32_t device, uint32_t provider, uint32_t endpoint)
{
    uint64_t k0 = (uint64_t)device | (uint64_t)provider << 32;
    uint32_t i = table_find(&c->sources, k0, endpoint);
    source_t *s;

    if (i != NO_ENTRY)
        return i;
    i = table_claim(c, &c->sources, k0, endpoint, source_idle, source_release, &c->dropped_sources);
    if (i == NO_ENTRY)
        return NO_ENTRY;
    s = SOURCE(c, i);
    s->device = device;
    s->provider = provider;
    s->endpoint = endpoint;
    s->last_out = NONE;
    train_init(&s->train, 1);           /* a device's own timer beats every period */
    s->beat_class = CLASSES - 1;
    for (unsigned k = 0; k < CLASSES; k++)
        s->covered_to[k] = NONE;
    return i;
}

/* No pair reads it and it has been quiet: a new entry would be the same. */
static bool sink_idle(correlator_t *c, uint32_t i)
{
    const sink_t *s = SINK(c, i);
    int64_t last = s->last_in > s->last_out ? s->last_in : s->last_out;

    return s->refs == 0 && (last == NONE || last < c->last - c->quiet_ns);
}

static void sink_release(correlator_t *c, uint32_t i)
{
    const sink_t *s = SINK(c, i);

    table_unindex(&c->sinks, (uint64_t)s->device | (uint64_t)s->provider << 32, 0);
}

static uint32_t sink_get(correlator_t *c, uint32_t device, uint32_t provider)
{
    uint64_t k0 = (uint64_t)device | (uint64_t)provider << 32;
    uint32_t i = table_find(&c->sinks, k0, 0);
    sink_t *s;

    if (i != NO_ENTRY)
        return i;
    i = table_claim(c, &c->sinks, k0, 0, sink_idle, sink_release, &c->dropped_sinks);
    if (i == NO_ENTRY)
        return NO_ENTRY;
    s = SINK(c, i);
    s->device = device;
    s->provider = provider;
    s->last_out = s->last_in = NONE;
    train_init(&s->train, 2);           /* the cloud's timer may miss a beat when the device is busy */
    return i;
}

/* Drops the sources whose windows have all closed by `now`, keeping the order. */
static void prune_recent(correlator_t *c, provider_t *p, int64_t now)
{
    uint32_t kept = 0;

    for (uint32_t r = 0; r < p->n_recent; r++) {
        source_t *s = SOURCE(c, p->recent[r]);
        if (s->last_out + c->window_ns >= now)
            p->recent[kept++] = p->recent[r];
        else
            s->listed = false;
    }
    p->n_recent = kept;
}

static bool provider_idle(correlator_t *c, uint32_t i)
{
    provider_t *p = PROVIDER(c, i);

    prune_recent(c, p, c->last);
    return p->n_recent == 0;
}

static void provider_release(correlator_t *c, uint32_t i)
{
    table_unindex(&c->providers, PROVIDER(c, i)->provider, 0);
}

static uint32_t provider_get(correlator_t *c, uint32_t provider, bool create)
{
    uint32_t i = table_find(&c->providers, provider, 0);

    if (i != NO_ENTRY || !create)
        return i;
    i = table_claim(c, &c->providers, provider, 0, provider_idle, provider_release, &c->dropped_providers);
    if (i != NO_ENTRY)
        PROVIDER(c, i)->provider = provider;
    return i;
}

static void unlist(correlator_t *c, uint32_t source)
{
    source_t *s = SOURCE(c, source);
    uint32_t i = provider_get(c, s->provider, false);
    provider_t *p;

    s->listed = false;
    if (i == NO_ENTRY)
        return;
    p = PROVIDER(c, i);
    for (uint32_t r = 0; r < p->n_recent; r++)
        if (p->recent[r] == source) {
            memmove(&p->recent[r], &p->recent[r + 1], (p->n_recent - r - 1) * sizeof(p->recent[0]));
            p->n_recent--;
            return;
        }
}

/* A source began a burst: its window may now catch pushes to others. */
static void list_recent(correlator_t *c, uint32_t source, int64_t now)
{
    source_t *s = SOURCE(c, source);
    uint32_t i;
    provider_t *p;

    if (s->listed || (i = provider_get(c, s->provider, true)) == NO_ENTRY)
        return;
    p = PROVIDER(c, i);
    if (p->n_recent == RECENT_MAX)
        prune_recent(c, p, now);
    if (p->n_recent == RECENT_MAX)
        unlist(c, p->recent[0]);        /* the oldest gives way */
    p->recent[p->n_recent++] = source;
    s->listed = true;
}

/* When a timer is found, its beats' size class: the largest of its earlier
 * beats still in the ring (all classes when none is). */
static void note_beat_class(source_t *s)
{
    int best = -1;

    for (unsigned i = 0; i < s->n_bursts; i++)
        for (int f = 0; f < 3; f++)
            if (s->bursts[i].start == s->train.found[f] && (int)size_class(s->bursts[i].bytes) > best)
                best = (int)size_class(s->bursts[i].bytes);
    s->beat_class = (uint8_t)(best >= 0 ? best : CLASSES - 1);
}

/* An outbound packet of a source: true when it starts a burst. */
static bool source_outbound(correlator_t *c, source_t *s, uint32_t bytes, int64_t ts)
{
    burst_t *last = s->n_bursts > 0 ? &s->bursts[s->n_bursts - 1] : NULL;
    beat_t beat;

    if (last != NULL && s->last_out != NONE && ts - s->last_out <= c->quiet_ns) {
        last->end = ts;
        last->bytes += bytes;
        s->last_out = ts;
        return false;
    }
    if (last != NULL)
        fold_burst(s, last, c->window_ns, s->counts, s->coverage, s->covered_to);
    if ((beat = train_note(&s->train, ts)) == NEW_TIMER)
        note_beat_class(s);
    if (s->n_bursts == BURST_RING) {
        memmove(s->bursts, s->bursts + 1, (BURST_RING - 1) * sizeof(s->bursts[0]));
        s->n_bursts--;
    }
    s->bursts[s->n_bursts++] = (burst_t){ ts, ts, bytes, beat != NO_BEAT };
    s->last_out = ts;
    return true;
}

/* The largest burst (not a timer's beat) whose window holds ts, or NULL. */
static const burst_t *covering(const correlator_t *c, const source_t *s, int64_t ts)
{
    const burst_t *best = NULL;

    for (unsigned i = 0; i < s->n_bursts; i++) {
        const burst_t *b = &s->bursts[i];
        if (!routine(s, b) && b->start <= ts && ts <= b->end + c->window_ns &&
            (best == NULL || size_class(b->bytes) > size_class(best->bytes)))
            best = b;
    }
    return best;
}

static bool pair_idle(correlator_t *c, uint32_t i)
{
    const pair_t *p = PAIR(c, i);
    unsigned total = 0;

    for (unsigned k = 0; k < CLASSES; k++)
        total += p->events[k];
    return total < c->p.min_events;
}

static void pair_release(correlator_t *c, uint32_t i)
{
    const pair_t *p = PAIR(c, i);

    SOURCE(c, p->source)->refs--;
    SINK(c, p->sink)->refs--;
    table_unindex(&c->pairs, (uint64_t)p->source | (uint64_t)SINK(c, p->sink)->device << 32, 0);
}

static uint32_t pair_get(correlator_t *c, uint32_t source, uint32_t sink)
{
    uint64_t k0 = (uint64_t)source | (uint64_t)SINK(c, sink)->device << 32;
    uint32_t i = table_find(&c->pairs, k0, 0);
    pair_t *p;

    if (i != NO_ENTRY)
        return i;
    i = table_claim(c, &c->pairs, k0, 0, pair_idle, pair_release, &c->dropped_pairs);
    if (i == NO_ENTRY)
        return NO_ENTRY;
    p = PAIR(c, i);
    p->source = source;
    p->sink = sink;
    SOURCE(c, source)->refs++;
    SINK(c, sink)->refs++;
    c->pairs_seen++;
    return i;
}

/* A push to the sink's device: one event for each other device's source
 * whose window holds it. */
static void credit(correlator_t *c, uint32_t sink, int64_t ts)
{
    uint32_t device = SINK(c, sink)->device, i = provider_get(c, SINK(c, sink)->provider, false);
    provider_t *p;

    if (i == NO_ENTRY)
        return;
    p = PROVIDER(c, i);
    prune_recent(c, p, ts);
    for (uint32_t r = 0; r < p->n_recent; r++) {
        uint32_t source = p->recent[r], pair;
        const burst_t *b = covering(c, SOURCE(c, source), ts);
        event_t event;
        pair_t *pr;
        if (b == NULL || SOURCE(c, source)->device == device)
            continue;
        event = (event_t){ ts, b->start, (uint8_t)size_class(b->bytes) };
        if ((pair = pair_get(c, source, sink)) == NO_ENTRY)
            continue;
        pr = PAIR(c, pair);
        pr->events[event.cls]++;
        if (pr->n_ring == EVENT_RING) {
            memmove(pr->ring, pr->ring + 1, (EVENT_RING - 1) * sizeof(pr->ring[0]));
            pr->n_ring--;
        }
        pr->ring[pr->n_ring++] = event;
        c->version++;
    }
}

/* --- the public API: packets ---------------------------------------------------- */

void correlator_params_default(correlator_params_t *params)
{
    *params = (correlator_params_t){
        .window_s = 2.0, .quiet_s = 1.0, .alpha = 0.05, .min_events = 2,
        .max_sources = 16384, .max_sinks = 16384, .max_pairs = 4096, .max_providers = 4096,
    };
}

correlator_t *correlator_new(const correlator_params_t *params)
{
    correlator_params_t d;
    correlator_t *c = calloc(1, sizeof(*c));

    if (c == NULL)
        return NULL;
    correlator_params_default(&d);
    c->p = *params;
    if (!(c->p.window_s > 0))
        c->p.window_s = d.window_s;
    if (!(c->p.quiet_s > 0))
        c->p.quiet_s = d.quiet_s;
    if (!(c->p.alpha > 0 && c->p.alpha < 1))
        c->p.alpha = d.alpha;
    if (c->p.min_events == 0)
        c->p.min_events = 1;
    c->p.max_sources = c->p.max_sources ? c->p.max_sources : d.max_sources;
    c->p.max_sinks = c->p.max_sinks ? c->p.max_sinks : d.max_sinks;
    c->p.max_pairs = c->p.max_pairs ? c->p.max_pairs : d.max_pairs;
    c->p.max_providers = c->p.max_providers ? c->p.max_providers : d.max_providers;
    c->window_ns = (int64_t)llround(c->p.window_s * 1e9);
    c->quiet_ns = (int64_t)llround(c->p.quiet_s * 1e9);
    c->first = c->last = NONE;
    table_init(&c->sources, sizeof(source_t), c->p.max_sources);
    table_init(&c->sinks, sizeof(sink_t), c->p.max_sinks);
    table_init(&c->pairs, sizeof(pair_t), c->p.max_pairs);
    table_init(&c->providers, sizeof(provider_t), c->p.max_providers);
    return c;
}

void correlator_free(correlator_t *c)
{
    if (c == NULL)
        return;
    table_free(&c->sources);
    table_free(&c->sinks);
    table_free(&c->pairs);
    table_free(&c->providers);
    free(c);
}

void correlator_packet(correlator_t *c, uint32_t device, uint32_t provider, uint32_t endpoint,
                       bool outbound, uint32_t bytes, int64_t ts_ns)
{
    uint32_t sink, source;
    sink_t *s;

    if (c->first == NONE)
        c->first = ts_ns;
    c->last = ts_ns;
    if ((sink = sink_get(c, device, provider)) == NO_ENTRY)
        return;
    if (outbound) {
        source = source_get(c, device, provider, endpoint);
        if (source != NO_ENTRY && source_outbound(c, SOURCE(c, source), bytes, ts_ns))
            list_recent(c, source, ts_ns);
        SINK(c, sink)->last_out = ts_ns;
        return;
    }
    s = SINK(c, sink);
    if ((s->last_in == NONE || ts_ns - s->last_in > c->quiet_ns) &&
        (s->last_out == NONE || ts_ns - s->last_out > c->quiet_ns) && train_note(&s->train, ts_ns) == NO_BEAT) {
        s->pushes++;
        credit(c, sink, ts_ns);         /* the cloud starts talking */
    }
    s->last_in = ts_ns;
}

unsigned correlator_version(const correlator_t *c)
{
    return c->version;
}

void correlator_stats(const correlator_t *c, correlator_stats_t *out)
{
    *out = (correlator_stats_t){
        .sources = c->sources.count, .sinks = c->sinks.count, .pairs = c->pairs.count,
        .providers = c->providers.count, .pairs_seen = c->pairs_seen,
        .dropped_sources = c->dropped_sources, .dropped_sinks = c->dropped_sinks,
        .dropped_pairs = c->dropped_pairs, .dropped_providers = c->dropped_providers,
        .evicted = c->evicted,
    };
}

/* --- the decision ------------------------------------------------------------------ */

static double binom_pmf(unsigned x, unsigned n, double q)
{
    if (q <= 0.0)
        return x == 0 ? 1.0 : 0.0;
    if (q >= 1.0)
        return x == n ? 1.0 : 0.0;
    return exp(lgamma(n + 1.0) - lgamma(x + 1.0) - lgamma(n - x + 1.0) + x * log(q) + (n - x) * log1p(-q));
}

/* P(X >= k) for X ~ Binomial(n, q): the terms from k up, until they no longer count. */
static double binom_sf(unsigned k, unsigned n, double q)
{
    double term, total, ratio;

    if (k == 0)
        return 1.0;
    if (k > n || q <= 0.0)
        return 0.0;
    if (q >= 1.0)
        return 1.0;
    term = total = binom_pmf(k, n, q);
    ratio = q / (1.0 - q);
    for (unsigned j = k; j < n; j++) {
        term *= (double)(n - j) / (double)(j + 1) * ratio;
        total += term;
        if (term < total * 1e-17 && j > n * q)
            break;
    }
    return total < 1.0 ? total : 1.0;
}

/* The best of several nested size thresholds is picked after seeing the
 * events, so its p-value is corrected exactly: P(some threshold's count is
 * at least as improbable as p_min) when the n pushes fall independently in
 * the windows. shares: each threshold's share of the time, the highest
 * threshold first (so non-decreasing). Past MAX_LIMIT events, Bonferroni. */
static double scan_p_value(double p_min, const double *shares, unsigned n_thresholds, unsigned n,
                           unsigned min_events)
{
    unsigned limits[CLASSES], top = 0;
    double states[MAX_LIMIT + 1], next[MAX_LIMIT + 1];
    double taken = 0.0, alive = 0.0;

    for (unsigned t = 0; t < n_thresholds; t++) {
        unsigned k = min_events;
        while (k <= n && k <= MAX_LIMIT && binom_sf(k, n, shares[t]) > p_min)
            k++;
        if (k > MAX_LIMIT)
            return fmin(1.0, n_thresholds * p_min);
        limits[t] = k;
        top = k > top ? k : top;
    }
    memset(states, 0, (top + 1) * sizeof(states[0]));
    states[0] = 1.0;                    /* P(count so far == s, no threshold crossed yet) */
    for (unsigned t = 0; t < n_thresholds; t++) {
        double q = taken < 1.0 ? fmin(1.0, fmax(0.0, shares[t] - taken) / (1.0 - taken)) : 0.0;
        memset(next, 0, (top + 1) * sizeof(next[0]));
        for (unsigned s = 0; s <= top; s++)
            if (states[s] > 0.0)
                for (unsigned x = 0; s + x < limits[t]; x++)
                    next[s + x] += states[s] * binom_pmf(x, n - s, q);
        memcpy(states, next, (top + 1) * sizeof(states[0]));
        taken = fmax(taken, shares[t]);
    }
    for (unsigned s = 0; s <= top; s++)
        alive += states[s];
    return fmin(1.0, fmax(p_min, 1.0 - alive));
}

typedef struct {
    double   p_value, best_p, expected;
    unsigned events, cls;
    uint32_t pair;
} scored_t;

/* The pair's events by class, less those a timer found since explains. */
static void pair_events(const correlator_t *c, const pair_t *p, int64_t *events)
{
    const train_t *pushes = &SINK(c, p->sink)->train;
    const source_t *source = SOURCE(c, p->source);

    for (unsigned k = 0; k < CLASSES; k++)
        events[k] = p->events[k];
    for (unsigned r = 0; r < p->n_ring; r++) {
        const event_t *e = &p->ring[r];
        if (is_early(pushes, e->push) || (is_early(&source->train, e->start) && e->cls <= source->beat_class))
            events[e->cls]--;
    }
}

/* The pair's best size threshold and its corrected p-value; false if no
 * threshold has min_events events. */
static bool score_pair(const correlator_t *c, uint32_t i, double span, scored_t *out)
{
    const pair_t *p = PAIR(c, i);
    unsigned pushes = SINK(c, p->sink)->pushes, n = 0;
    uint32_t counts[CLASSES];
    int64_t coverage[CLASSES], events[CLASSES], k = 0;
    double shares[CLASSES];
    bool found = false;

    source_view(c, SOURCE(c, p->source), counts, coverage);
    pair_events(c, p, events);
    for (int cls = CLASSES - 1; cls >= 0; cls--) {      /* highest threshold first */
        k += events[cls];
        if (counts[cls] == 0)
            continue;
        shares[n] = fmin(1.0, (double)coverage[cls] / span);
        if (k >= (int64_t)c->p.min_events) {
            double p_value = binom_sf((unsigned)k, pushes, shares[n]);
            if (!found || p_value < out->best_p) {
                *out = (scored_t){ .best_p = p_value, .expected = pushes * shares[n], .events = (unsigned)k,
                                   .cls = (unsigned)cls, .pair = i };
                found = true;
            }
        }
        n++;
    }
    if (found)
        out->p_value = scan_p_value(out->best_p, shares, n, pushes, c->p.min_events);
    return found;
}

static int by_p_value(const void *x, const void *y)
{
    const scored_t *a = x, *b = y;

    if (a->p_value != b->p_value)
        return a->p_value < b->p_value ? -1 : 1;
    return a->pair < b->pair ? -1 : a->pair > b->pair;
}

static bool already_found(const correlator_t *c, const scored_t *scored, unsigned n_scored, const pair_t *p,
                          const bool *taken)
{
    const source_t *s = SOURCE(c, p->source);
    uint32_t b = SINK(c, p->sink)->device;

    for (unsigned i = 0; i < n_scored; i++) {
        const pair_t *q = PAIR(c, scored[i].pair);
        if (taken[i] && SOURCE(c, q->source)->device == s->device && SOURCE(c, q->source)->provider == s->provider &&
            SINK(c, q->sink)->device == b)
            return true;
    }
    return false;
}

static void report(const correlator_t *c, const scored_t *sc, correlator_pair_fn fn, void *ctx)
{
    const pair_t *p = PAIR(c, sc->pair);
    const source_t *s = SOURCE(c, p->source);
    correlator_pair_t out = {
        .a = s->device, .b = SINK(c, p->sink)->device, .provider = s->provider, .endpoint = s->endpoint,
        .events = sc->events, .expected = sc->expected, .p_value = sc->p_value,
        .score = sc->p_value > 0.0 ? -log10(sc->p_value) : 300.0, .min_burst_bytes = class_bytes(sc->cls),
    };

    if (fn != NULL)
        fn(ctx, &out);
}

/* Holm's step-down over every pair that saw an event (the family: a pair
 * evicted for want of events still counts), the most improbable first; a
 * device pair reached through several of A's remote ends is reported once. */
unsigned correlator_pairs(correlator_t *c, correlator_pair_fn fn, void *ctx)
{
    double span = (double)(c->last - c->first);
    scored_t *scored;
    bool *taken;
    unsigned n = 0, found = 0;

    if (c->first == NONE || span <= 0 || c->pairs.count == 0)
        return 0;
    scored = malloc(c->pairs.count * sizeof(*scored));
    taken = calloc(c->pairs.count, sizeof(*taken));
    if (scored == NULL || taken == NULL)
        goto out;
    for (uint32_t i = 0; i < c->pairs.count; i++)
        if (score_pair(c, i, span, &scored[n]))
            n++;
    qsort(scored, n, sizeof(*scored), by_p_value);
    for (unsigned rank = 0; rank < n; rank++) {
        if (scored[rank].p_value > c->p.alpha / (double)(c->pairs_seen - rank))
            break;
        if (!already_found(c, scored, rank, PAIR(c, scored[rank].pair), taken)) {
            taken[rank] = true;
            report(c, &scored[rank], fn, ctx);
            found++;
        }
    }
out:
    free(scored);
    free(taken);
    return found;
}
