package dev.evtrace.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SourceNamesTest {
    @Test
    void aLambdaStandsForTheClassThatWroteItAndANameIsItself() {
        Supplier<String> lambda = () -> "x";
        assertThat(SourceNames.name(lambda.getClass())).isEqualTo(SourceNamesTest.class.getName());
        assertThat(SourceNames.name(String.class)).isEqualTo("java.lang.String");
        assertThat(SourceNames.name("com.acme.Strategy")).isEqualTo("com.acme.Strategy");
    }

    /** More handler classes than the recent slots, named in turns: each keeps its own name. */
    @Test
    void moreClassesThanTheRecentSlotsKeepTheirNames() {
        Class<?>[] types = {String.class, Integer.class, Long.class, Double.class, Short.class, Byte.class,
            Character.class, Boolean.class, Float.class, Object.class, Thread.class};
        for (int round = 0; round < 3; round++) {
            for (Class<?> type : types) {
                assertThat(SourceNames.name(type)).isEqualTo(type.getName());
            }
        }
    }
}
