package dev.evtrace.agent.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FixedValue;
import org.junit.jupiter.api.Test;

class EventAccessorTest {
    abstract static class Base {
        private long stamp() {
            return 7;
        }
    }

    static class Child extends Base {
        private final String kind = "FILL";

        public String kind() {
            return kind;
        }
    }

    static class Throwing {
        String checked() throws IOException {
            throw new IOException("no");
        }

        String unchecked() {
            throw new IllegalStateException("no");
        }
    }

    private final List<String> warnings = new ArrayList<>();

    private Object read(String name, Object event) {
        return new EventAccessor(name, "tracer.event.type", warnings::add).read(event);
    }

    @Test
    void callsGettersPublicOrPrivateDeclaredAnywhereUpTheHierarchy() {
        assertThat(read("kind", new Child())).isEqualTo("FILL");
        assertThat(read("stamp", new Child())).isEqualTo(7L);
        assertThat(warnings).isEmpty();
    }

    @Test
    void spinsADirectCallBesideTheGettersOfTheAgentsOwnClassLoadersClasses() throws Exception {
        Method privateOne = Base.class.getDeclaredMethod("stamp");
        privateOne.setAccessible(true);
        assertThat(EventAccessor.directCall(privateOne).apply(new Child())).isEqualTo(7L);
        assertThat(EventAccessor.directCall(Child.class.getMethod("kind")).apply(new Child())).isEqualTo("FILL");
        assertThat(EventAccessor.directCall(String.class.getMethod("length"))).isNull();
    }

    @Test
    void callsTheGetterOfAnEventClassInAnotherClassLoader() throws Exception {
        // A loader of its own, as an application server's or a fat jar's gives its classes: the agent's lookup
        // has no full access there, so the getter is called through reflection.
        Class<?> type = new ByteBuddy().subclass(Object.class).name("other.loader.Quote")
                .defineMethod("kind", String.class, Visibility.PUBLIC).intercept(FixedValue.value("QUOTE"))
                .make().load(new ClassLoader(null) {}, ClassLoadingStrategy.Default.WRAPPER).getLoaded();
        Object quote = type.getDeclaredConstructor().newInstance();

        assertThat(EventAccessor.directCall(type.getMethod("kind"))).isNull();
        assertThat(read("kind", quote)).isEqualTo("QUOTE");
        assertThat(warnings).isEmpty();
    }

    @Test
    void readsAFieldWhereThereIsNoGetter() {
        record Order(long quantity) {}
        class Plain {
            final String side = "BUY";
        }
        assertThat(read("side", new Plain())).isEqualTo("BUY");
        assertThat(read("quantity", new Order(3))).isEqualTo(3L);
    }

    @Test
    void callsTheGettersOfClassesItCannotSpinACallBesideThroughReflection() {
        // java.lang is not open to the agent: no class can be spun beside String's, so it is a reflective call.
        assertThat(read("length", "four")).isEqualTo(4);
        assertThat(read("isEmpty", "")).isEqualTo(true);
    }

    @Test
    void aGetterThatThrowsReadsAsNull() {
        assertThat(read("checked", new Throwing())).isNull();
        assertThat(read("unchecked", new Throwing())).isNull();
    }

    @Test
    void aClassWithoutTheNameReadsAsNullAndSaysSoOnce() {
        EventAccessor accessor = new EventAccessor("venue", "tracer.event.type", warnings::add);
        assertThat(accessor.read(new Child())).isNull();
        assertThat(accessor.read(new Child())).isNull();
        assertThat(warnings).singleElement().asString()
                .contains("has no method or field 'venue' (tracer.event.type)");
    }
}
