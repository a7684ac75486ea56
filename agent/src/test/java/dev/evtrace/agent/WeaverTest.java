package dev.evtrace.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.agent.bootstrap.EventRing;
import dev.evtrace.agent.bootstrap.Recording;
import dev.evtrace.agent.bootstrap.Tracer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ByteArrayClassLoader;
import net.bytebuddy.implementation.StubMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The installer's transformer on class files made for the test under a program's package (the agent's own
 * are never instrumented), loaded and called in this JVM: what it weaves records, what it cannot weave is
 * left alone with one line on stderr.
 */
class WeaverTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final InstrumentationReport report = new InstrumentationReport();
    private Recording recording;
    private Weaver weaver;

    @BeforeEach
    void setUp() throws Exception {
        Config config = Config.load(null, Map.of("tracer.publish", "com.example.Bus#publish",
                "tracer.handlers", "com.example.Handler#handle"), Map.of());
        weaver = Installer.weaver(config, report, new PrintStream(err, true, StandardCharsets.UTF_8));
        recording = new Recording("run-1", new EventRing(1024));
        Tracer.start(recording);
    }

    @AfterEach
    void stopRecording() {
        Tracer.start(null);
    }

    private static byte[] classWithMethod(String name, String method) {
        return new ByteBuddy().subclass(Object.class).name(name)
                .defineMethod(method, void.class, Visibility.PUBLIC).withParameters(Object.class)
                .intercept(StubMethod.INSTANCE)
                .make().getBytes();
    }

    private byte[] transform(String name, byte[] classFile) {
        return weaver.transform(WeaverTest.class.getClassLoader(), name.replace('.', '/'), null, null, classFile);
    }

    private List<Integer> recordedKinds() {
        List<Integer> kinds = new ArrayList<>();
        recording.ring().drain((kind, e, run, id, cause, source, thread, c, r, p) -> kinds.add(kind), Integer.MAX_VALUE);
        return kinds;
    }

    @Test
    void weavesTheConfiguredMethodsSoThatCallingThemRecords() throws Exception {
        byte[] bus = transform("com.example.Bus", classWithMethod("com.example.Bus", "publish"));
        byte[] handler = transform("com.example.Handler", classWithMethod("com.example.Handler", "handle"));
        assertThat(bus).isNotNull();
        assertThat(handler).isNotNull();

        ClassLoader loader = new ByteArrayClassLoader(WeaverTest.class.getClassLoader(),
                Map.of("com.example.Bus", bus, "com.example.Handler", handler));
        Object event = "tick";
        call(loader, "com.example.Bus", "publish", event);
        call(loader, "com.example.Handler", "handle", event);

        assertThat(recordedKinds()).hasSize(2).anyMatch(k -> (k & EventRing.DELIVERY) != 0)
                .anyMatch(k -> (k & EventRing.DELIVERY) == 0);
        assertThat(report.publishTypeCount()).isEqualTo(1);
        assertThat(report.handlerTypeCount()).isEqualTo(1);
        assertThat(report.errors()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void leavesOtherClassesAsTheyAre() {
        assertThat(transform("com.example.Other", classWithMethod("com.example.Other", "publish"))).isNull();
        assertThat(transform("com.example.Bus", classWithMethod("com.example.Bus", "somethingElse"))).isNull();
        assertThat(report.publishTypeCount()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aClassItCannotReadRunsUntracedAndSaysSoOnce() {
        byte[] garbage = "not a class file".getBytes(StandardCharsets.UTF_8);
        assertThat(transform("com.example.Bus", garbage)).isNull();
        assertThat(report.errors()).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
                .startsWith("tracer: cannot instrument com.example.Bus (").endsWith("); it runs untraced");
    }

    private static void call(ClassLoader loader, String type, String method, Object argument) throws Exception {
        Class<?> c = Class.forName(type, true, loader);
        c.getMethod(method, Object.class).invoke(c.getDeclaredConstructor().newInstance(), argument);
    }
}
