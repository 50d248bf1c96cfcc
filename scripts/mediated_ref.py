#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""mediated_ref: the Python reference of the chance-corrected correlation of
cloud-mediated pairs (docs/mediated.md), and its tuning over generated homes.

    /usr/bin/python3 scripts/mediated_ref.py --seeds 0:50             # recall and false pairs
    /usr/bin/python3 scripts/mediated_ref.py --events home.events.tsv  # the pairs of one event list

plugins/iotcloud/correlate.c implements the same decision in C; the tests
feed both the same event lists and compare their pairs. This file mirrors the
C code's rings (bursts, pushes, events) but not its table caps, which a home
of a dozen devices never reaches.

Event lists (captures/homegen.py writes them) have one line per packet between
a local device and a remote address: ts_ns, device, provider, o|i, bytes,
remote end ("address:port").
"""
import argparse
import json
import math
import os
import sys
import tempfile

NS = 1_000_000_000
CLASSES = 8             # burst size classes: < 256 B, 256 B-1 kB, 1-4 kB, ... >= 1 MB (x4 each)
CLASS_BASE = 256        # bytes: the upper bound of class 0
BURST_RING = 4          # recent bursts kept per source (device, provider, remote end)
START_RING = 8          # recent burst starts and push times kept, to recognise timers
EVENT_RING = 8          # recent events kept per pair, to take back those of a timer found later
EARLY_RING = 8          # times found on a timer after they counted, per source or pushed device
TIMER_TOLERANCE_NS = 50_000_000


class Params:
    """The decision's parameters; window, min_events and alpha are preferences.
    The switches turn parts of the method off, to measure what each brings
    (docs/mediated.md, tuning); correlate.c has them all on."""

    def __init__(self, window=2.0, quiet=1.0, alpha=0.05, min_events=2,
                 endpoints=True, timers=True, exact_scan=True, family="events", conditional=False):
        self.window_ns = int(window * NS)
        self.quiet_ns = int(quiet * NS)
        self.alpha = alpha
        self.min_events = min_events
        self.endpoints = endpoints      # False: a device's bursts towards a provider are one source
        self.timers = timers            # False: beats of timers count as evidence
        self.exact_scan = exact_scan    # False: Bonferroni over the size thresholds
        self.family = family            # "events": pairs with an event; "candidates": with min_events
        self.conditional = conditional  # p-values given that the pair saw an event


def size_class(nbytes):
    cls, limit = 0, CLASS_BASE
    while cls < CLASSES - 1 and nbytes >= limit:
        cls, limit = cls + 1, limit * 4
    return cls


# --- timers -------------------------------------------------------------------

def find_lattice(times, t, multiples):
    """Three earlier times that t completes into a timer: gaps that are each
    1..max(multiples) periods (a timer may miss beats). Returns (first,
    second, third, beats from the first to t), or None."""
    n = len(times)
    for i in range(n):
        for j in range(i + 1, n):
            for k in range(j + 1, n):
                gaps = (times[j] - times[i], times[k] - times[j], t - times[k])
                period = min(gaps)
                if period <= 0:
                    continue
                beats = 0
                for gap in gaps:
                    m = next((m for m in multiples if abs(gap - m * period) <= m * TIMER_TOLERANCE_NS), 0)
                    if m == 0:
                        break
                    beats += m
                else:
                    return times[i], times[j], times[k], beats
    return None


class Train:
    """A timer recognised in a series of times (a device's burst starts, or
    the pushes it gets): once four times fall on one period's lattice, later
    beats are known as they come, and the three that came before are kept in
    `early` so that the events they made can be taken back."""

    def __init__(self, multiples):
        self.multiples = multiples
        self.period = self.origin = self.anchor = self.beats = 0
        self.times = []                     # recent times, oldest first
        self.early = []                     # times found on a timer after they counted
        self.found = ()                     # the three earlier beats of the last timer found

    def beat_of(self, t):
        if self.period == 0:
            return 0
        beats = (t - self.anchor + self.period // 2) // self.period
        if 1 <= beats <= max(self.multiples) and abs(t - self.anchor - beats * self.period) <= beats * TIMER_TOLERANCE_NS:
            return beats
        return 0

    def note(self, t):
        """Is t a beat of a timer: 0 no, 1 of the known one, 2 of one it
        completes (its three earlier beats are then in `found`)? Remembers t."""
        beats, found = self.beat_of(t), None
        if beats:
            self.beats += beats
        else:
            found = find_lattice(self.times, t, self.multiples)
            if found:
                self.origin, self.beats = found[0], found[3]
                self.early = (self.early + [x for x in found[:3] if x not in self.early])[-EARLY_RING:]
                self.found = found[:3]
        if beats or found:
            self.anchor = t
            self.period = (t - self.origin) // self.beats
        self.times = (self.times + [t])[-START_RING:]
        return 1 if beats else 2 if found else 0


# --- what each device does ------------------------------------------------------

def binom_sf(k, n, c):
    """P(X >= k) for X ~ Binomial(n, c)."""
    if k <= 0:
        return 1.0
    if k > n or c <= 0.0:
        return 0.0
    if c >= 1.0:
        return 1.0
    term = binom_pmf(k, n, c)
    total, ratio = term, c / (1.0 - c)
    for j in range(k, n):
        term *= (n - j) / (j + 1) * ratio
        total += term
        if term < total * 1e-17 and j > n * c:
            break
    return min(1.0, total)


def binom_pmf(x, n, q):
    if q <= 0.0:
        return 1.0 if x == 0 else 0.0
    if q >= 1.0:
        return 1.0 if x == n else 0.0
    return math.exp(math.lgamma(n + 1) - math.lgamma(x + 1) - math.lgamma(n - x + 1)
                    + x * math.log(q) + (n - x) * math.log1p(-q))


class Burst:
    __slots__ = ("start", "end", "bytes", "beat")

    def __init__(self, start, nbytes, beat):
        self.start, self.end, self.bytes, self.beat = start, start, nbytes, beat


class Source:
    """A device's bursts towards one remote end of a provider."""

    def __init__(self):
        self.last_out = None
        self.bursts = []                    # ring, oldest first; the last one may be open
        self.train = Train((1,))
        self.beat_class = CLASSES - 1       # the class of the timer's beats
        self.counts = [0] * CLASSES         # closed bursts by class (not routine)
        self.coverage = [0] * CLASSES       # union of closed windows of class >= k, ns
        self.covered_to = [None] * CLASSES

    def outbound(self, ts, nbytes, p):
        """Returns True when ts starts a burst."""
        if self.last_out is not None and ts - self.last_out <= p.quiet_ns:
            self.bursts[-1].end = ts
            self.bursts[-1].bytes += nbytes
            self.last_out = ts
            return False
        if self.bursts:
            self._fold(self.counts, self.coverage, self.covered_to, self.bursts[-1], p.window_ns)
        beat = self.train.note(ts) if p.timers else 0
        if beat == 2:
            classes = [size_class(b.bytes) for b in self.bursts if b.start in self.train.found]
            self.beat_class = max(classes) if classes else CLASSES - 1
        self.bursts.append(Burst(ts, nbytes, beat > 0))
        del self.bursts[:-BURST_RING]
        self.last_out = ts
        return True

    def routine(self, burst):
        """A beat of the source's timer, no larger than its beats: no evidence.
        (A voice command that starts with a keepalive is larger.)"""
        return burst.beat and size_class(burst.bytes) <= self.beat_class

    def _fold(self, counts, coverage, covered_to, burst, window_ns):
        """Adds a burst's window [start, end + window] to the coverage of its class and those below."""
        if self.routine(burst):
            return
        cls = size_class(burst.bytes)
        counts[cls] += 1
        end = burst.end + window_ns
        for k in range(cls + 1):
            start = burst.start if covered_to[k] is None else max(burst.start, covered_to[k])
            if end > start:
                coverage[k] += end - start
            covered_to[k] = end if covered_to[k] is None else max(covered_to[k], end)

    def view(self, window_ns):
        """(counts, coverage) with the open burst folded in."""
        counts, coverage, covered_to = list(self.counts), list(self.coverage), list(self.covered_to)
        if self.bursts:
            self._fold(counts, coverage, covered_to, self.bursts[-1], window_ns)
        return counts, coverage

    def covering(self, ts, window_ns):
        """The largest burst (not routine) whose window holds ts, or None."""
        best = None
        for burst in self.bursts:
            if not self.routine(burst) and burst.start <= ts <= burst.end + window_ns:
                if best is None or size_class(burst.bytes) > size_class(best.bytes):
                    best = burst
        return best


class Sink:
    """A device's traffic with one provider: quiet times, and the pushes it gets."""

    def __init__(self):
        self.last_out = self.last_in = None
        self.pushes = 0                     # cloud-initiated, not on a timer
        self.train = Train((1, 2))


class Pair:
    __slots__ = ("source", "a", "b", "provider", "events", "ring")

    def __init__(self, source, b, provider):
        self.source, self.a, self.b, self.provider = source, source[0], b, provider
        self.events = [0] * CLASSES
        self.ring = []                      # (push time, burst start, class), oldest first


class Result:
    def __init__(self, pair, events, expected, p_value, size_class):
        self.a, self.b, self.provider = pair.a, pair.b, pair.provider
        self.events, self.expected, self.p_value, self.size_class = events, expected, p_value, size_class

    def key(self):
        return (self.a, self.b, self.provider)

    def __repr__(self):
        return "%s -> %s via %s: %d events, %.3g expected, p=%.3g (class %d)" % (
            self.a, self.b, self.provider, self.events, self.expected, self.p_value, self.size_class)


class Correlator:
    def __init__(self, params=None):
        self.p = params or Params()
        self.sources = {}                   # (device, provider, remote) -> Source
        self.sinks = {}                     # (device, provider) -> Sink
        self.recent = {}                    # provider -> [source key] that burst lately
        self.pairs = {}                     # (source key, b, provider) -> Pair
        self.first = self.last = None

    def packet(self, device, provider, remote, outbound, nbytes, ts):
        p = self.p
        if self.first is None:
            self.first = ts
        self.last = ts
        sink = self.sinks.setdefault((device, provider), Sink())
        if outbound:
            key = (device, provider, remote if p.endpoints else "")
            source = self.sources.setdefault(key, Source())
            if source.outbound(ts, nbytes, p):
                recent = self.recent.setdefault(provider, [])
                if key not in recent:
                    recent.append(key)
            sink.last_out = ts
            return
        quiet_in = sink.last_in is None or ts - sink.last_in > p.quiet_ns
        quiet_out = sink.last_out is None or ts - sink.last_out > p.quiet_ns
        if quiet_in and quiet_out and not (sink.train.note(ts) and p.timers):
            sink.pushes += 1
            self._credit(device, provider, ts)
        sink.last_in = ts

    def _credit(self, device, provider, ts):
        """A push to device: one event for each other device whose burst came just before."""
        recent = self.recent.get(provider, [])
        recent[:] = [key for key in recent if self.sources[key].last_out + self.p.window_ns >= ts]
        for key in recent:
            if key[0] == device:
                continue
            burst = self.sources[key].covering(ts, self.p.window_ns)
            if burst is not None:
                pair = self.pairs.setdefault((key, device, provider), Pair(key, device, provider))
                cls = size_class(burst.bytes)
                pair.events[cls] += 1
                pair.ring.append((ts, burst.start, cls))
                del pair.ring[:-EVENT_RING]

    # --- the decision ------------------------------------------------------

    def _events(self, pair):
        """Events by class, less those that a timer found since explains."""
        events = list(pair.events)
        source, sink = self.sources[pair.source], self.sinks[(pair.b, pair.provider)]
        for push, start, cls in pair.ring:
            if self.p.timers and (push in sink.train.early or
                                  (start in source.train.early and cls <= source.beat_class)):
                events[cls] -= 1
        return events

    def _score(self, pair, span, views):
        """(p_value, events, expected, class) of the pair at its best size threshold."""
        counts, coverage = views[pair.source]
        pushes = self.sinks[(pair.b, pair.provider)].pushes
        events = self._events(pair)
        present = [cls for cls in reversed(range(CLASSES)) if counts[cls] > 0]    # highest first
        shares = [min(1.0, coverage[cls] / span) for cls in present]
        best = None
        for cls, share in zip(present, shares):
            k = sum(events[cls:])
            if k >= self.p.min_events:
                p_value = binom_sf(k, pushes, share)
                if best is None or p_value < best[0]:
                    best = (p_value, k, pushes * share, cls)
        if best is None:
            return None
        if not self.p.exact_scan:
            p_value = min(1.0, len(present) * best[0])
        else:
            p_value = scan_p_value(best[0], shares, pushes, self.p.min_events)
        if self.p.conditional:
            p_value = min(1.0, p_value / (1.0 - (1.0 - shares[-1]) ** pushes))
        return (p_value,) + best[1:]

    def results(self):
        """Pairs found: Holm's step-down over every (source, pushed device,
        provider) that saw an event, in order of p-value."""
        if self.first is None or self.last <= self.first:
            return []
        span = self.last - self.first
        views = {key: source.view(self.p.window_ns) for key, source in self.sources.items()}
        scored = []
        for key in sorted(self.pairs, key=lambda k: (k[0][0], k[0][1], k[0][2] or "", k[1])):
            score = self._score(self.pairs[key], span, views)
            if score is not None:
                scored.append((score, self.pairs[key]))
        scored.sort(key=lambda s: s[0][0])
        family, found = len(self.pairs) if self.p.family == "events" else len(scored), []
        for rank, ((p_value, events, expected, cls), pair) in enumerate(scored):
            if p_value > self.p.alpha / (family - rank):
                break
            if all(r.key() != (pair.a, pair.b, pair.provider) for r in found):
                found.append(Result(pair, events, expected, p_value, cls))
        return found


def scan_p_value(p_min, shares, n, min_events):
    """The p-value of the best of several nested size thresholds: P(some
    threshold's count is at least as improbable as p_min), when n pushes fall
    independently into the windows (shares: each threshold's share of the
    time, highest threshold first, so non-decreasing)."""
    limits = []                         # per threshold: the first count as improbable as p_min
    for share in shares:
        k = min_events
        while k <= n and binom_sf(k, n, share) > p_min:
            k += 1
        limits.append(k)
    states = [1.0] + [0.0] * max(limits)    # P(count so far == s, no threshold crossed)
    taken = 0.0                              # share of the thresholds above
    for share, limit in zip(shares, limits):
        q = min(1.0, max(0.0, share - taken) / (1.0 - taken)) if taken < 1.0 else 0.0
        nxt = [0.0] * len(states)
        for s, w in enumerate(states):
            if w > 0.0:
                for x in range(0, limit - s):
                    nxt[s + x] += w * binom_pmf(x, n - s, q)
        states = nxt
        taken = max(taken, share)
    return min(1.0, max(p_min, 1.0 - sum(states)))


# --- running it -------------------------------------------------------------------

def read_events(path):
    with open(path) as rows:
        for line in rows:
            if line.startswith("#"):
                continue
            ts, device, provider, direction, nbytes, remote = (line.rstrip("\n").split("\t") + [""])[:6]
            yield int(ts), device, provider, remote, direction == "o", int(nbytes)


def correlate(path, params=None):
    c = Correlator(params)
    for ts, device, provider, remote, outbound, nbytes in read_events(path):
        c.packet(device, provider, remote, outbound, nbytes, ts)
    return c.results()


def score_home(truth, found):
    """(injected, found right, false pairs) of one home."""
    expected = {(p["a"], p["b"], p["provider"]) for p in truth["pairs"]}
    got = {r.key() for r in found}
    return len(expected), len(expected & got), sorted(got - expected)


def evaluate(seeds, params, verbose=False, **home):
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "captures"))
    import homegen
    injected = right = 0
    false_pairs = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            path = os.path.join(tmp, "home.pcap")
            truth = homegen.write_home(path, seed, **home)
            found = correlate(os.path.join(tmp, "home.events.tsv"), params)
            n, ok, false = score_home(truth, found)
            injected, right = injected + n, right + ok
            false_pairs += [(seed,) + f for f in false]
            if verbose and (ok < n or false):
                print("seed %d: %d/%d found, false %s" % (seed, ok, n, false))
                for r in found:
                    print("   ", r)
    return injected, right, false_pairs


def seed_range(text):
    start, _, end = text.partition(":")
    return range(int(start), int(end)) if end else [int(start)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", help="an event list (homegen's .events.tsv)")
    parser.add_argument("--seeds", default="0:50", help="seeds of generated homes, START:END")
    parser.add_argument("--window", type=float, default=2.0)
    parser.add_argument("--alpha", type=float, default=0.05)
    parser.add_argument("--min-events", type=int, default=2)
    parser.add_argument("--no-endpoints", action="store_true", help="one source per device and provider")
    parser.add_argument("--no-timers", action="store_true", help="beats of timers count as evidence")
    parser.add_argument("--bonferroni", action="store_true", help="Bonferroni over the size thresholds")
    parser.add_argument("--family", choices=["events", "candidates"], default="events",
                        help="Holm over the pairs with an event (default) or with min_events")
    parser.add_argument("--conditional", action="store_true", help="p-values given that a pair saw an event")
    parser.add_argument("--json", action="store_true", help="with --events: the pairs as JSON")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    params = Params(window=args.window, alpha=args.alpha, min_events=args.min_events,
                    endpoints=not args.no_endpoints, timers=not args.no_timers, exact_scan=not args.bonferroni,
                    family=args.family, conditional=args.conditional)
    if args.events:
        found = correlate(args.events, params)
        if args.json:
            print(json.dumps([{"a": r.a, "b": r.b, "provider": r.provider, "events": r.events,
                               "expected": r.expected, "p_value": r.p_value} for r in found]))
        else:
            for r in found:
                print(r)
        return
    injected, right, false_pairs = evaluate(seed_range(args.seeds), params, args.verbose)
    print("seeds %s: %d/%d injected pairs found (%.1f%%), %d false pairs" % (
        args.seeds, right, injected, 100.0 * right / max(injected, 1), len(false_pairs)))
    for f in false_pairs:
        print("  false: seed %d %s -> %s via %s" % f)


if __name__ == "__main__":
    main()
