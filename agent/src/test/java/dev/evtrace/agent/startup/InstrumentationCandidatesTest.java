package dev.evtrace.agent.startup;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.programs.EarlyPublisherProgram;
import com.acme.programs.HandlerShapesProgram;
import dev.evtrace.agent.Config;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;

class InstrumentationCandidatesTest {
    private static final String PROGRAM = EarlyPublisherProgram.class.getName();
    private static final String SHAPES = HandlerShapesProgram.class.getName();

    private static InstrumentationCandidates of(Map<String, String> settings) throws Exception {
        return InstrumentationCandidates.of(Config.load(null, settings, Map.of()));
    }

    private static boolean mayNeed(InstrumentationCandidates candidates, Class<?> type) {
        return candidates.mayNeedInstrumentation(type.getClassLoader(), type.getName(), ClassFiles.headerOf(type));
    }

    @Test
    void aNamedTypeHoldsItsSubtypesAtAnyDepth() throws Exception {
        InstrumentationCandidates c = of(Map.of("tracer.publish", SHAPES + "$Bus#publish",
                "tracer.handlers", SHAPES + "$Handler#handle", "tracer.executors", "false"));
        assertThat(mayNeed(c, HandlerShapesProgram.Bus.class)).isTrue();
        assertThat(mayNeed(c, HandlerShapesProgram.Handler.class)).isTrue();
        assertThat(mayNeed(c, EarlyPublisherProgram.BaseHandler.class)).isTrue();
        assertThat(mayNeed(c, EarlyPublisherProgram.Strategy.class)).isTrue();
        assertThat(mayNeed(c, EarlyPublisherProgram.Unrelated.class)).isFalse();
        assertThat(mayNeed(c, EarlyPublisherProgram.ThreadPerTask.class)).isFalse();
    }

    /**
     * A class loaded while another is being transformed skips every transformer: a supertype loaded to answer
     * would run uninstrumented, and here the supertype is the one that declares the handler.
     */
    @Test
    void readsTheSupertypesClassFilesWithoutLoadingThem() throws Exception {
        InstrumentationCandidates c = of(Map.of("tracer.publish", SHAPES + "$Bus#publish",
                "tracer.handlers", SHAPES + "$Handler#handle", "tracer.executors", "false"));
        URL classes = EarlyPublisherProgram.class.getProtectionDomain().getCodeSource().getLocation();
        try (RecordingLoader loader = new RecordingLoader(classes)) {
            Class<?> strategy = EarlyPublisherProgram.Strategy.class;
            assertThat(c.mayNeedInstrumentation(loader, strategy.getName(), ClassFiles.headerOf(strategy))).isTrue();
            assertThat(loader.hasLoaded(EarlyPublisherProgram.BaseHandler.class.getName())).isFalse();
            assertThat(loader.hasLoaded(HandlerShapesProgram.Handler.class.getName())).isFalse();
        }
    }

    @Test
    void amongTheClassesLoadedBeforeTheGateKeepsThoseThatMayNeedInstrumenting() throws Exception {
        InstrumentationCandidates c = of(Map.of("tracer.publish", SHAPES + "$Bus#publish",
                "tracer.handlers", SHAPES + "$Handler#handle"));
        assertThat(c.amongLoaded(new Class<?>[] {EarlyPublisherProgram.Strategy.class, EarlyPublisherProgram.Unrelated.class,
                ThreadPoolExecutor.class, java.util.concurrent.ConcurrentHashMap.class, String.class, int[].class,
                java.util.concurrent.Executor.class, java.util.concurrent.ExecutorService.class,
                EarlyPublisherProgram.ThreadPerTask.class}))
                .containsExactly(EarlyPublisherProgram.Strategy.class, ThreadPoolExecutor.class,
                        EarlyPublisherProgram.ThreadPerTask.class);
    }

    /** The test classes again, in a loader of their own that tells which it has loaded. */
    private static final class RecordingLoader extends URLClassLoader {
        RecordingLoader(URL classes) {
            super(new URL[] {classes}, null);
        }

        boolean hasLoaded(String name) {
            return findLoadedClass(name) != null;
        }
    }

    @Test
    void executorsAreHeldThroughTheJdksOwnClasses() throws Exception {
        InstrumentationCandidates c = of(Map.of("tracer.publish", SHAPES + "$Bus#publish"));
        assertThat(mayNeed(c, EarlyPublisherProgram.ThreadPerTask.class)).isTrue();
        assertThat(mayNeed(c, ThreadPoolExecutor.class)).isTrue();
        assertThat(mayNeed(c, java.util.concurrent.ScheduledExecutorService.class)).as("an interface").isFalse();
        assertThat(mayNeed(c, EarlyPublisherProgram.Unrelated.class)).isFalse();
    }

    @Test
    void aWildcardTypeIsMatchedByName() throws Exception {
        InstrumentationCandidates c = of(Map.of("tracer.publish", "com.acme.**$B*#publish", "tracer.executors", "false"));
        assertThat(mayNeed(c, HandlerShapesProgram.Bus.class)).isTrue();
        assertThat(mayNeed(c, EarlyPublisherProgram.BaseHandler.class)).isTrue();
        assertThat(mayNeed(c, EarlyPublisherProgram.Strategy.class)).isFalse();
    }

    @Test
    void theEventClassItselfIsHeldButNotItsSubclasses() throws Exception {
        InstrumentationCandidates c = of(Map.of("tracer.publish", "com.acme.Nope#publish", "tracer.executors", "false",
                "tracer.event.class", EarlyPublisherProgram.BaseHandler.class.getName()));
        assertThat(mayNeed(c, EarlyPublisherProgram.BaseHandler.class)).isTrue();
        assertThat(mayNeed(c, EarlyPublisherProgram.Strategy.class)).isFalse();
    }

    @Test
    void anAnnotationIsFoundInTheConstantPool() throws Exception {
        InstrumentationCandidates c = of(Map.of("tracer.publish", "com.acme.Nope#publish",
                "tracer.handlers", "@org.junit.jupiter.api.Test", "tracer.executors", "false"));
        assertThat(mayNeed(c, InstrumentationCandidatesTest.class)).isTrue();
        assertThat(mayNeed(c, EarlyPublisherProgram.Strategy.class)).isFalse();
    }

    @Test
    void aJdkCallSiteHoldsTheCallersThatCallAMethodOfItsName() throws Exception {
        InstrumentationCandidates c = of(Map.of("tracer.publish", "java.util.Queue#add", "tracer.callers", "com.acme.**",
                "tracer.event.class", SHAPES + "$Event", "tracer.executors", "false"));
        assertThat(mayNeed(c, EarlyPublisherProgram.Inbox.class)).isTrue();
        assertThat(mayNeed(c, HandlerShapesProgram.Bus.class)).isTrue(); // handlers.add(…): held, to be safe
        assertThat(mayNeed(c, EarlyPublisherProgram.Unrelated.class)).isFalse();
        assertThat(mayNeed(c, InstrumentationCandidatesTest.class)).isFalse(); // not a caller
    }
}
