package dev.evtrace.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentKeysTest {
    @Test
    void findsTheVeryKeyItWasGivenNotAnEqualOne() {
        RecentKeys<Integer> recent = new RecentKeys<>();
        String run = new String("run-1");
        recent.put(run, 1);
        assertThat(recent.get(run)).isEqualTo(1);
        assertThat(recent.get(new String("run-1"))).isNull();
    }

    @Test
    void forgetsTheKeyRememberedLongestAgo() {
        RecentKeys<Integer> recent = new RecentKeys<>();
        String[] keys = new String[9];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "key-" + i;
            recent.put(keys[i], i);
        }
        assertThat(recent.get(keys[0])).isNull();
        for (int i = 1; i < keys.length; i++) {
            assertThat(recent.get(keys[i])).isEqualTo(i);
        }
    }
}
