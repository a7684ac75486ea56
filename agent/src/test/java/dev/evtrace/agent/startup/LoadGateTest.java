package dev.evtrace.agent.startup;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.programs.EarlyPublisherProgram;
import com.acme.programs.HandlerShapesProgram;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class LoadGateTest {
    private static final byte[] INSTRUMENTED = {42};

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final LoadGate gate = new LoadGate(new InstrumentationCandidates(Set.of(), List.of(
            HandlerShapesProgram.Bus.class.getName()), Set.of(), List.of(), Set.of()),
            new PrintStream(err, true));
    private final ClassFileTransformer instrumenter = new ClassFileTransformer() {
        @Override
        public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                                ProtectionDomain domain, byte[] classFile) {
            return INSTRUMENTED;
        }
    };

    private CompletableFuture<byte[]> load(Class<?> type) {
        return CompletableFuture.supplyAsync(() -> gate.transform(null, type.getClassLoader(),
                type.getName().replace('.', '/'), null, null, ClassFiles.of(type)), LoadGateTest::onThreadOfItsOwn);
    }

    /** As a class loads, on the thread that loads it: not on a pool a held load could starve. */
    private static void onThreadOfItsOwn(Runnable task) {
        new Thread(task).start();
    }

    @Test
    void holdsAClassThatMayNeedInstrumentingUntilOpenedThenInstrumentsIt() throws Exception {
        CompletableFuture<byte[]> bus = load(HandlerShapesProgram.Bus.class);
        assertThat(bus).failsWithin(300, TimeUnit.MILLISECONDS).withThrowableOfType(TimeoutException.class);
        gate.install(instrumenter);
        assertThat(bus).failsWithin(100, TimeUnit.MILLISECONDS).withThrowableOfType(TimeoutException.class);
        gate.open();
        assertThat(bus.get(5, TimeUnit.SECONDS)).isEqualTo(INSTRUMENTED);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void letsEveryOtherClassLoadAtOnceUntouched() throws Exception {
        assertThat(load(EarlyPublisherProgram.Unrelated.class).get(5, TimeUnit.SECONDS)).isNull();
        assertThat(load(Object.class).get(5, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void onceTheGateIsOpenOnlyTheClassesThatMayNeedInstrumentingGoThroughTheTransformer() throws Exception {
        gate.install(instrumenter);
        gate.open();
        assertThat(load(HandlerShapesProgram.Bus.class).get(5, TimeUnit.SECONDS)).isEqualTo(INSTRUMENTED);
        assertThat(load(EarlyPublisherProgram.Unrelated.class).get(5, TimeUnit.SECONDS)).isNull();
        assertThat(load(Object.class).get(5, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void everyRetransformationGoesThroughTheTransformer() {
        gate.install(instrumenter);
        Class<?> unrelated = EarlyPublisherProgram.Unrelated.class;
        assertThat(gate.transform(null, unrelated.getClassLoader(), unrelated.getName().replace('.', '/'), unrelated,
                null, ClassFiles.of(unrelated))).isEqualTo(INSTRUMENTED);
    }

    @Test
    void neverHoldsTheAgentsOwnThreads() throws Exception {
        CompletableFuture<byte[]> bus = new CompletableFuture<>();
        Thread own = new Thread(() -> bus.complete(gate.transform(null, null, "com/acme/programs/HandlerShapesProgram$Bus",
                null, null, ClassFiles.of(HandlerShapesProgram.Bus.class))));
        gate.exempt(own);
        own.start();
        assertThat(bus.get(5, TimeUnit.SECONDS)).isNull();
    }

    private static Instrumentation jvm(List<Class<?>> loaded, List<Class<?>> retransformed) {
        return jvm(loaded, retransformed, null);
    }

    /**
     * The JVM's instrumentation as far as the gate uses it: the classes loaded, and those retransformed. A batch
     * with {@code refused} in it fails as the JVM fails a retransformation that changes a class's shape.
     */
    private static Instrumentation jvm(List<Class<?>> loaded, List<Class<?>> retransformed, Class<?> refused) {
        return (Instrumentation) Proxy.newProxyInstance(LoadGateTest.class.getClassLoader(),
                new Class<?>[] {Instrumentation.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAllLoadedClasses" -> loaded.toArray(Class<?>[]::new);
                    case "isModifiableClass" -> true;
                    case "retransformClasses" -> {
                        List<Class<?>> batch = List.of((Class<?>[]) args[0]);
                        if (refused != null && batch.contains(refused)) {
                            // What HotSpot throws for a retransformation that removes a method: the case under test.
                            throw new UnsupportedOperationException("class redefinition failed: attempted to delete a method");
                        }
                        yield retransformed.addAll(batch);
                    }
                    // Any other call fails the test: the gate must not depend on more of the JVM than the above.
                    default -> throw new AssertionError("the gate called Instrumentation." + method.getName());
                });
    }

    private void loadBusOnTheAgentsOwnThread() throws InterruptedException {
        Thread own = new Thread(() -> gate.transform(null, HandlerShapesProgram.Bus.class.getClassLoader(),
                "com/acme/programs/HandlerShapesProgram$Bus", null, null, ClassFiles.of(HandlerShapesProgram.Bus.class)));
        gate.exempt(own);
        own.start();
        own.join();
    }

    @Test
    void whatTheAgentsOwnThreadsLoadedTooEarlyIsRetransformedBeforeTheGateOpens() throws Exception {
        List<Class<?>> retransformed = new ArrayList<>();
        loadBusOnTheAgentsOwnThread();
        gate.instrumentPassedClasses(jvm(List.of(HandlerShapesProgram.Bus.class), retransformed));
        assertThat(retransformed).containsExactly(HandlerShapesProgram.Bus.class);
    }

    @Test
    void aClassStillLoadingIsRetransformedOnceTheGateIsOpen() throws Exception {
        List<Class<?>> retransformed = new ArrayList<>();
        Instrumentation jvm = jvm(List.of(), retransformed);
        loadBusOnTheAgentsOwnThread();
        gate.instrumentPassedClasses(jvm);
        assertThat(retransformed).as("not loaded yet: left for later").isEmpty();
        gate.open();
        gate.instrumentPassedClassesStillLoading(jvm);
        assertThat(retransformed).containsExactly(HandlerShapesProgram.Bus.class);
    }

    @Test
    void aClassTheJvmRefusesToRetransformIsNamedAndTheOthersAreStillInstrumented() {
        List<Class<?>> retransformed = new ArrayList<>();
        Instrumentation jvm = jvm(List.of(), retransformed, HandlerShapesProgram.Thrower.class);
        gate.retransform(jvm, List.of(HandlerShapesProgram.Bus.class, HandlerShapesProgram.Thrower.class,
                HandlerShapesProgram.Strategy.class));
        assertThat(retransformed).containsExactly(HandlerShapesProgram.Bus.class, HandlerShapesProgram.Strategy.class);
        assertThat(err.toString().lines().toList()).singleElement().asString()
                .startsWith("tracer: cannot instrument " + HandlerShapesProgram.Thrower.class.getName())
                .endsWith("it runs untraced");
    }

    @Test
    void aClassThatIsNoClassFileIsHeldToo() {
        CompletableFuture<byte[]> broken = CompletableFuture.supplyAsync(() -> gate.transform(null, null,
                "com/acme/Broken", null, null, new byte[] {1, 2, 3}), LoadGateTest::onThreadOfItsOwn);
        assertThat(broken).failsWithin(300, TimeUnit.MILLISECONDS).withThrowableOfType(TimeoutException.class);
        gate.open();
        assertThat(broken.join()).isNull();
    }
}
