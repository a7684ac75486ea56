package dev.evtrace.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentClassesTest {
    /** The classes the class value was asked for, in order. */
    private final List<Class<?>> asked = new ArrayList<>();
    private final RecentClasses<String> names = new RecentClasses<>(new ClassValue<>() {
        @Override
        public String get(Class<?> type) {
            asked.add(type);
            return super.get(type);
        }

        @Override
        protected String computeValue(Class<?> type) {
            return type.getSimpleName();
        }
    }, 4);

    /** Each class's own value, whether from a slot, from the class value after it left its slot, or new. */
    @Test
    void moreClassesThanSlotsKeepTheirOwnValues() {
        Class<?>[] types = {String.class, Integer.class, Long.class, Double.class, Short.class, Byte.class,
            Character.class};
        for (int round = 0; round < 3; round++) {
            for (Class<?> type : types) {
                assertThat(names.get(type)).isEqualTo(type.getSimpleName());
            }
            for (int i = types.length - 1; i >= 0; i--) {
                assertThat(names.get(types[i])).isEqualTo(types[i].getSimpleName());
            }
        }
        assertThat(asked).hasSizeGreaterThan(types.length);
    }

    @Test
    void aClassAskedForAgainIsAnsweredFromItsSlot() {
        for (int i = 0; i < 10; i++) {
            assertThat(names.get(List.class)).isEqualTo("List");
            assertThat(names.get(String.class)).isEqualTo("String");
        }
        assertThat(asked).containsExactly(List.class, String.class);
    }
}
