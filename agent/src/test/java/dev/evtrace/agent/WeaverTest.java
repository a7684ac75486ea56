package dev.evtrace.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.agent.bootstrap.DeferredEvent;
import dev.evtrace.agent.bootstrap.EventRing;
import dev.evtrace.agent.bootstrap.Recording;
import dev.evtrace.agent.bootstrap.RunState;
import dev.evtrace.agent.bootstrap.Tracer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.description.modifier.FieldManifestation;
import net.bytebuddy.description.modifier.Ownership;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ByteArrayClassLoader;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.MethodCall;
import net.bytebuddy.implementation.StubMethod;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.pool.TypePool;
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
                "tracer.handlers", "com.example.Handler#handle", "tracer.event.class", "com.example.Event"), Map.of());
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

    private static byte[] plainClass(String name) {
        return new ByteBuddy().subclass(Object.class).name(name).make().getBytes();
    }

    private byte[] transform(String name, byte[] classFile) {
        return weaver.transform(WeaverTest.class.getClassLoader(), name.replace('.', '/'), null, null, classFile);
    }

    private record Row(boolean delivery, long eventId) {}

    private List<Row> recorded() {
        List<Row> rows = new ArrayList<>();
        recording.ring().drain((kind, e, run, id, cause, source, thread, c, r, p) ->
                rows.add(new Row((kind & EventRing.DELIVERY) != 0, id)), Integer.MAX_VALUE);
        return rows;
    }

    private List<Integer> recordedKinds() {
        return recorded().stream().map(r -> r.delivery() ? EventRing.DELIVERY : 0).toList();
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

    @Test
    void theEventClassCarriesADeferredEventsIdInFieldsOfItsOwn() throws Exception {
        byte[] event = transform("com.example.Event", plainClass("com.example.Event"));
        ClassLoader loader = new ByteArrayClassLoader(WeaverTest.class.getClassLoader(), Map.of(
                "com.example.Event", event,
                "com.example.Bus", transform("com.example.Bus", classWithMethod("com.example.Bus", "publish")),
                "com.example.Handler", transform("com.example.Handler", classWithMethod("com.example.Handler", "handle"))));
        Object e = Class.forName("com.example.Event", true, loader).getDeclaredConstructor().newInstance();
        assertThat(e).isInstanceOf(DeferredEvent.class);
        assertThat(((DeferredEvent) e).evtrace$eventId()).isZero();

        // Published by a bus that does not deliver it, then delivered later: a queued bus.
        call(loader, "com.example.Bus", "publish", e);
        call(loader, "com.example.Handler", "handle", e);

        long id = ((DeferredEvent) e).evtrace$eventId();
        assertThat(id).isPositive();
        assertThat(((DeferredEvent) e).evtrace$run()).isSameAs(recording.runs().get(0));
        assertThat(recorded()).containsExactly(new Row(false, id), new Row(true, id));
        for (String name : List.of(DeferredEvent.ID_FIELD, DeferredEvent.RUN_FIELD)) {
            Field f = e.getClass().getDeclaredField(name);
            assertThat(f.isSynthetic()).isTrue();
            assertThat(Modifier.isPrivate(f.getModifiers()) && Modifier.isTransient(f.getModifiers())).isTrue();
        }
        assertThat(e.getClass().getMethod("evtrace$defer", long.class, RunState.class).isSynthetic()).isTrue();

        // Retransformed (by another agent, say), it keeps its members: a retransformation may not remove them.
        byte[] again = weaver.transform(loader, "com/example/Event", e.getClass(), null,
                plainClass("com.example.Event"));
        assertThat(again).isNotNull();
        Class<?> retransformed = new ByteArrayClassLoader(WeaverTest.class.getClassLoader(),
                Map.of("com.example.Event", again)).loadClass("com.example.Event");
        assertThat(retransformed.getInterfaces()).containsExactly(DeferredEvent.class);
        assertThat(retransformed.getDeclaredFields()).extracting(Field::getName)
                .containsExactlyInAnyOrder(DeferredEvent.ID_FIELD, DeferredEvent.RUN_FIELD);
    }

    @Test
    void anEventClassThatCannotTakeFieldsIsLeftAsItIs() {
        // Serializable with no serialVersionUID: new members would change the one serialization derives.
        assertThat(transform("com.example.Event", new ByteBuddy().subclass(Object.class).implement(Serializable.class)
                .name("com.example.Event").make().getBytes())).isNull();
        // Already loaded: a retransformation cannot add members.
        assertThat(weaver.transform(WeaverTest.class.getClassLoader(), "com/example/Event", Object.class, null,
                plainClass("com.example.Event"))).isNull();
        // A loader that does not see the agent's classes (as OSGi's, which hands only java.* to the boot loader).
        assertThat(weaver.transform(new ClassLoader(null) {}, "com/example/Event", null, null,
                plainClass("com.example.Event"))).isNull();
        assertThat(report.errors()).isZero();
        // A serialVersionUID of its own keeps serialization as it was.
        assertThat(transform("com.example.Event", new ByteBuddy().subclass(Object.class).implement(Serializable.class)
                .name("com.example.Event")
                .defineField("serialVersionUID", long.class, Visibility.PRIVATE, Ownership.STATIC, FieldManifestation.FINAL)
                .value(1L).make().getBytes())).isNotNull();
    }

    @Test
    void aCallerIsRewrittenOnlyWhereItCallsTheJdkPublishMethod() throws Exception {
        Config config = Config.load(null, Map.of("tracer.publish", "java.util.Queue#add", "tracer.callers", "com.example.**",
                "tracer.event.class", "com.example.Event"), Map.of());
        Weaver callers = Installer.weaver(config, report, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(callers.transform(WeaverTest.class.getClassLoader(), "com/example/Lists", null, null,
                callerOf("com.example.Lists", List.class))).isNull();
        assertThat(callers.transform(WeaverTest.class.getClassLoader(), "com/example/Engine", null, null,
                callerOf("com.example.Engine", Queue.class))).isNotNull();
        assertThat(report.publishTypeCount()).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /** A class with a method {@code void put(C collection, Object element)} that calls {@code collection.add(element)}. */
    private static byte[] callerOf(String name, Class<?> collection) throws NoSuchMethodException {
        return new ByteBuddy().subclass(Object.class).name(name)
                .defineMethod("put", void.class, Visibility.PUBLIC).withParameters(collection, Object.class)
                .intercept(MethodCall.invoke(collection.getMethod("add", Object.class)).onArgument(0).withArgument(1)
                        .andThen(StubMethod.INSTANCE))
                .make().getBytes();
    }

    @Test
    void warmsUpOnAClassOfItsOwnWithTheAdviceItIsGiven() {
        boolean[] applied = {false};
        weaver.warmUp(List.of(new AsmVisitorWrapper.AbstractBase() {
            @Override
            public ClassVisitor wrap(TypeDescription type, ClassVisitor visitor, Implementation.Context context,
                                     TypePool pool, FieldList<FieldDescription.InDefinedShape> fields,
                                     MethodList<?> methods, int writerFlags, int readerFlags) {
                applied[0] = type.getName().equals(WarmUpTarget.class.getName());
                return visitor;
            }
        }));
        assertThat(applied[0]).isTrue();
        assertThat(report.publishTypeCount() + report.handlerTypeCount() + report.errors()).isZero();
    }

    private static void call(ClassLoader loader, String type, String method, Object argument) throws Exception {
        Class<?> c = Class.forName(type, true, loader);
        c.getMethod(method, Object.class).invoke(c.getDeclaredConstructor().newInstance(), argument);
    }
}
