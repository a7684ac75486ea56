package dev.evtrace.store.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmartSamplerTest {
    /** A stand-in for a traced event: its place in the stream and its type. */
    record Event(int index, String type) {}

    private final List<Event> kept = new ArrayList<>();

    private SmartSampler<Event> sampler(SamplingOptions options) {
        return new SmartSampler<>(options, Event::type, kept::add);
    }

    private static List<Event> stream(int count, IntFunction<String> typeAt) {
        List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(new Event(i, typeAt.apply(i)));
        }
        return events;
    }

    private List<Event> sample(SamplingOptions options, List<Event> events) {
        SmartSampler<Event> sampler = sampler(options);
        events.forEach(sampler);
        sampler.flush();
        return kept;
    }

    @Test
    void keepsEverySignalWithFiveEventsEitherSideAtATenthOfTheRest() {
        List<Event> events = stream(1_000, i -> i % 100 == 0 ? "SIGNAL" : "BAR");
        List<Event> sampled = sample(SamplingOptions.atRate(0.1).withSeed(7), events);

        assertThat(sampled).filteredOn(e -> e.type().equals("SIGNAL")).hasSize(10);
        for (int signal = 0; signal < 1_000; signal += 100) {
            for (int i = Math.max(0, signal - 5); i <= signal + 5; i++) {
                assertThat(sampled).as("context of the signal at %d", signal).contains(events.get(i));
            }
        }
        // The seed's bound. About 195 are expected (105 signals and context, a tenth of the other 895, a little
        // more near the signals), so it holds for this seed, not for every seed.
        assertThat(sampled).hasSizeBetween(10, 200);
        assertThat(sampled).extracting(Event::index).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void keepsEveryEventAtRateOne() {
        List<Event> events = stream(5_000, i -> i % 37 == 0 ? "FILL" : "BAR");
        assertThat(sample(SamplingOptions.atRate(1.0), events)).isEqualTo(events);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.5, 1.01, Double.NaN})
    void rejectsARateOutsideZeroToOne(double rate) {
        assertThatThrownBy(() -> SamplingOptions.atRate(rate))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sampling rate must be greater than 0 and at most 1, was " + rate);
    }

    @Test
    void holdsNoMoreThanItsBoundWhileStreamingAMillionEvents() {
        SplittableRandom types = new SplittableRandom(1);
        long[] keptCount = new long[1];
        SmartSampler<Event> sampler = new SmartSampler<>(SamplingOptions.atRate(0.01), Event::type, e -> keptCount[0]++);
        for (int i = 0; i < 1_000_000; i++) {
            sampler.accept(new Event(i, types.nextInt(50) == 0 ? "ORDER" : "BAR"));
            assertThat(sampler.highWaterMark()).isLessThanOrEqualTo(sampler.bound());
        }
        sampler.flush();
        assertThat(sampler.bound()).isEqualTo(2 * SamplingOptions.DEFAULT_WINDOW + 1);
        assertThat(sampler.highWaterMark()).isEqualTo(sampler.bound());
        assertThat(keptCount[0] + sampler.droppedByType().get("BAR")).isEqualTo(1_000_000);
    }

    @Test
    void countsWhatItDropsByTypeAndNeverDropsACriticalType() {
        String[] kinds = {"BAR", "TICK", "HEARTBEAT", "SIGNAL", "FILL"};
        SplittableRandom random = new SplittableRandom(3);
        List<Event> events = stream(20_000, i -> kinds[random.nextInt(random.nextInt(10) == 0 ? 5 : 3)]);
        SmartSampler<Event> sampler = sampler(SamplingOptions.atRate(0.2).withSeed(3));
        events.forEach(sampler);
        sampler.flush();

        Map<String, Long> seen = countByType(events);
        Map<String, Long> keptByType = countByType(kept);
        Map<String, Long> dropped = sampler.droppedByType();
        assertThat(dropped).containsOnlyKeys("BAR", "TICK", "HEARTBEAT");
        for (String type : kinds) {
            assertThat(keptByType.getOrDefault(type, 0L) + dropped.getOrDefault(type, 0L)).as(type)
                    .isEqualTo(seen.get(type));
        }
        assertThat(keptByType.get("SIGNAL")).isEqualTo(seen.get("SIGNAL"));
        assertThat(keptByType.get("FILL")).isEqualTo(seen.get("FILL"));
    }

    @Test
    void samplesBusyStretchesAtAHigherRateThanQuietOnes() {
        // Without context, only activity separates the two halves: none in the quiet one, where the base rate
        // applies; every other event critical in the busy one, activity about 1, so about twice the base rate.
        int half = 200_000;
        List<Event> events = stream(2 * half, i -> i >= half && i % 2 == 0 ? "ORDER" : "BAR");
        sample(SamplingOptions.atRate(0.1).withContext(0).withSeed(11), events);

        double quiet = keptShareOfBars(events, 0, half);
        double busy = keptShareOfBars(events, half, 2 * half);
        assertThat(quiet).isBetween(0.09, 0.11);
        assertThat(busy).isBetween(0.18, 0.22);
    }

    @Test
    void samplesEvenTheBusiestStretchAtLessThanThreeTimesTheBaseRate() {
        // Each bar has only orders within 10 events of it: activity 2 × 20/21, a rate of 0.3 × 2.9 = 0.87.
        List<Event> events = stream(21 * 20_000, i -> i % 21 == 0 ? "BAR" : "ORDER");
        sample(SamplingOptions.atRate(0.3).withContext(0).withSeed(5), events);

        assertThat(keptShareOfBars(events, 0, events.size())).isBetween(0.85, 0.89);
    }

    @Test
    void samplesAStreamTheSameWayEveryTimeForOneSeed() {
        List<Event> events = stream(10_000, i -> i % 250 == 0 ? "RISK_BREACH" : "BAR");
        List<Event> first = List.copyOf(sample(SamplingOptions.atRate(0.05).withSeed(99), events));
        kept.clear();
        List<Event> again = List.copyOf(sample(SamplingOptions.atRate(0.05).withSeed(99), events));
        kept.clear();
        List<Event> otherSeed = sample(SamplingOptions.atRate(0.05).withSeed(100), events);
        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void decidesTheLastEventsAtFlushKeepingTheContextBeforeALateSignal() {
        SmartSampler<Event> sampler = sampler(SamplingOptions.atRate(0.01).withCriticalTypes(Set.of("SIGNAL")));
        List<Event> events = stream(8, i -> i == 7 ? "SIGNAL" : "BAR");
        events.forEach(sampler);
        assertThat(kept).isEmpty();
        sampler.flush();
        assertThat(kept).containsExactlyElementsOf(events.subList(2, 8));
    }

    private double keptShareOfBars(List<Event> events, int from, int to) {
        long bars = events.subList(from, to).stream().filter(e -> e.type().equals("BAR")).count();
        long keptBars = kept.stream().filter(e -> e.index() >= from && e.index() < to && e.type().equals("BAR")).count();
        return (double) keptBars / bars;
    }

    private static Map<String, Long> countByType(List<Event> events) {
        Map<String, Long> counts = new HashMap<>();
        events.forEach(e -> counts.merge(e.type(), 1L, Long::sum));
        return counts;
    }
}
