package dev.evtrace.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    private static final Map<String, String> NONE = Map.of();

    @TempDir
    Path dir;

    @Test
    void agentArgumentsBeatSystemPropertiesBeatEnvironmentBeatFile() throws Exception {
        Path file = dir.resolve("tracer.properties");
        Files.writeString(file, "tracer.publish=a.Bus#publish\ntracer.store=from-file\ntracer.event.type=fromFile\n"
                + "tracer.correlation.id=file-id\ntracer.buffer.size=2048\n");
        Config config = Config.load("store=from-args",
                Map.of("tracer.config", file.toString(), "tracer.store", "from-props", "tracer.event.type", "fromProps"),
                Map.of("TRACER_STORE", "from-env", "TRACER_EVENT_TYPE", "fromEnv", "TRACER_CORRELATION_ID", "env-id"));
        assertThat(config.store()).isEqualTo("from-args");
        assertThat(config.eventType()).isEqualTo("fromProps");
        assertThat(config.correlationId()).isEqualTo("env-id");
        assertThat(config.bufferSize()).isEqualTo(2048);
        assertThat(config.publish()).containsExactly(MethodSpec.method("a.Bus", "publish"));
    }

    @Test
    void commaListsSurviveTheAgentArgumentSyntax() throws Exception {
        Config config = Config.load("tracer.publish=a.Bus#publish,tracer.handlers=a.H#on,b.K#handle,store=x", NONE, NONE);
        assertThat(config.handlers()).containsExactly(MethodSpec.method("a.H", "on"), MethodSpec.method("b.K", "handle"));
        assertThat(config.store()).isEqualTo("x");
    }

    @Test
    void defaultsAreSensible() throws Exception {
        Config config = Config.load(null, Map.of("tracer.publish", "a.Bus#publish"), NONE);
        assertThat(config.enabled()).isTrue();
        assertThat(config.store()).isEqualTo("./events");
        assertThat(config.handlers()).isEmpty();
        assertThat(config.bufferSize()).isEqualTo(65_536);
        assertThat(config.payload()).isEqualTo(Config.PayloadMode.FIELDS);
        assertThat(config.journal()).isTrue();
        assertThat(config.rollMillis(true)).as("journaled").isEqualTo(5_000);
        assertThat(config.rollMillis(false)).as("without a journal").isEqualTo(1_000);
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void theJournalIsTurnedOffByItsSetting() throws Exception {
        Config config = Config.load(null, Map.of("tracer.publish", "a.Bus#publish", "tracer.store.journal", "false"), NONE);
        assertThat(config.journal()).isFalse();
        assertThatThrownBy(() -> Config.load(null, Map.of("tracer.publish", "a.Bus#publish", "tracer.store.journal", "yes please"), NONE))
                .hasMessageStartingWith("bad setting tracer.store.journal=yes please");
    }

    @Test
    void theRollIntervalTakesFractionsOfASecond() throws Exception {
        Config config = Config.load(null, Map.of("tracer.publish", "a.Bus#publish", "tracer.store.roll.seconds", "0.25"), NONE);
        assertThat(config.rollMillis(true)).isEqualTo(250);
        assertThat(config.rollMillis(false)).isEqualTo(250);
        assertThatThrownBy(() -> Config.load(null, Map.of("tracer.publish", "a.Bus#publish", "tracer.store.roll.seconds", "0.01"), NONE))
                .hasMessage("bad setting tracer.store.roll.seconds=0.01: must be a number of seconds between 0.1 and 86400");
        assertThatThrownBy(() -> Config.load(null, Map.of("tracer.publish", "a.Bus#publish", "tracer.store.roll.seconds", "soon"), NONE))
                .hasMessage("bad setting tracer.store.roll.seconds=soon: must be a number of seconds between 0.1 and 86400");
    }

    @Test
    void badValuesNameTheKeyAndWhatIsAllowed() {
        assertThatThrownBy(() -> Config.load(null, Map.of("tracer.publish", "a.Bus#publish", "tracer.buffer.size", "1000"), NONE))
                .hasMessage("bad setting tracer.buffer.size=1000: must be a power of two between 1024 and 16777216");
        assertThatThrownBy(() -> Config.load(null, Map.of("tracer.publish", "a.Bus.publish"), NONE))
                .hasMessage("bad setting tracer.publish=a.Bus.publish: 'a.Bus.publish' is not of the form "
                        + "fully.qualified.Type#method, com.acme.**#on*Event or @fully.qualified.Annotation");
        assertThatThrownBy(() -> Config.load(null, Map.of("tracer.publish", "a.Bus#publish", "tracer.overflow", "spill"), NONE))
                .hasMessage("bad setting tracer.overflow=spill: must be block or drop");
        assertThatThrownBy(() -> Config.load(null, Map.of("tracer.publish", "a.Bus#publish", "tracer.deliveries.clock", "mine"),
                NONE)).hasMessage("bad setting tracer.deliveries.clock=mine: must be shared or own");
        assertThatThrownBy(() -> Config.load(null, Map.of("tracer.publish", "a.Bus#publish", "tracer.sample.rate", "0"), NONE))
                .hasMessage("bad setting tracer.sample.rate=0: must be a number greater than 0 and at most 1");
        assertThatThrownBy(() -> Config.load(null, Map.of("tracer.preset", "rxjava"), NONE))
                .hasMessage("bad setting tracer.preset=rxjava: must be guava");
        assertThatThrownBy(() -> Config.load(null, Map.of("tracer.publish", "java.util.Queue#add"), NONE))
                .hasMessageStartingWith("tracer.publish names a JDK method (java.util.Queue#add): set tracer.callers");
        assertThatThrownBy(() -> Config.load(null, Map.of("tracer.publish", "a.Bus#publish", "tracer.enabled", "yes"), NONE))
                .hasMessage("bad setting tracer.enabled=yes: must be true or false");
        assertThatThrownBy(() -> Config.load(null, Map.of("tracer.publish", "a.Bus#publish", "tracer.payload", "all"), NONE))
                .hasMessage("bad setting tracer.payload=all: must be none, fields or tostring");
        assertThatThrownBy(() -> Config.load(null, NONE, NONE))
                .hasMessageStartingWith("tracer.publish is not set");
        assertThatThrownBy(() -> Config.load(null, Map.of("tracer.config", dir.resolve("missing").toString()), NONE))
                .hasMessageStartingWith("cannot read tracer.config=" + dir.resolve("missing"));
    }

    @Test
    void methodsAreNamedAsJavaNamesAre() throws Exception {
        for (String good : List.of("com.acme.Bus2#publish", "ünï.Cödé$Inner#on_Event", "com.acme.**#on*Event",
                "_x.$y#z9", "@org.x.Handles", "com.acme.Bus\u0661#publish")) {
            assertThat(Config.load(null, Map.of("tracer.publish", "a.Bus#publish", "tracer.handlers", good), NONE)
                    .handlers()).as(good).hasSize(1);
        }
        for (String bad : List.of("com..acme.Bus#publish", "com.acme.Bus#", "#publish", "com.acme.Bus#pub.lish",
                "2com.Bus#publish", "com.acme.Bus#publish#x", "@org.x.*", "@", "com.acme.Bus #publish", "com.acme.#x",
                ".com.Bus#x", "@org.x#y", "com-acme.Bus#x")) {
            assertThatThrownBy(() -> Config.load(null, Map.of("tracer.publish", "a.Bus#publish", "tracer.handlers", bad),
                    NONE)).as(bad).hasMessageContaining("'" + bad + "' is not of the form");
        }
    }

    @Test
    void theGuavaPresetNamesPostAndSubscribe() throws Exception {
        Config config = Config.load("preset=guava", NONE, NONE);
        assertThat(config.publish()).containsExactly(MethodSpec.method("com.google.common.eventbus.EventBus", "post"));
        assertThat(config.handlers()).singleElement().satisfies(h -> {
            assertThat(h.isAnnotation()).isTrue();
            assertThat(h.annotation()).isEqualTo("com.google.common.eventbus.Subscribe");
        });
    }

    @Test
    void acceptsWildcardsAnnotationsAndJdkCallSites() throws Exception {
        Config config = Config.load(null, Map.of("tracer.publish", "java.util.Queue#add", "tracer.callers", "com.acme.**",
                "tracer.handlers", "com.acme.**#on*Event,@org.x.Handles", "tracer.run", "com.acme.Backtest#run",
                "tracer.event.class", "com.acme.Event", "tracer.overflow", "drop", "tracer.critical", "FILL, ORDER"), NONE);
        assertThat(config.publish().get(0).isJdkCall()).isTrue();
        assertThat(config.handlers().get(0).isWildcard()).isTrue();
        assertThat(config.handlers().get(1).isAnnotation()).isTrue();
        assertThat(config.runs()).containsExactly(MethodSpec.method("com.acme.Backtest", "run"));
        assertThat(config.dropWhenFull()).isTrue();
        assertThat(config.critical()).containsExactlyInAnyOrder("FILL", "ORDER");
    }

    @Test
    void wildcardsStayWithinAPackageLevelUnlessDoubled() {
        assertThat(MethodSpec.globMatches("com.acme.**", "com.acme.engine.Strategy")).isTrue();
        assertThat(MethodSpec.globMatches("on*Event", "onBarEvent")).isTrue();
        assertThat(MethodSpec.globMatches("on*Event", "onEvent")).isTrue();
        assertThat(MethodSpec.globMatches("com.acme.**", "com.other.Strategy")).isFalse();
        assertThat(MethodSpec.globMatches("com.acme.*", "com.acme.engine.Strategy")).isFalse();
        assertThat(MethodSpec.globMatches("com.acme.*", "com.acme.Strategy")).isTrue();
        assertThat(MethodSpec.globMatches("com.*.Strategy", "com.acme.Strategy")).isTrue();
        assertThat(MethodSpec.globMatches("com.*.Strategy", "com.acme.x.Strategy")).isFalse();
        assertThat(MethodSpec.globMatches("com.**.*Handler", "com.acme.x.RiskHandler")).isTrue();
        assertThat(MethodSpec.globMatches("com.**.*Handler", "com.acme.x.RiskHandler2")).isFalse();
        assertThat(MethodSpec.globMatches("**", "")).isTrue();
        assertThat(MethodSpec.globMatches("a$b", "a$b")).isTrue();
        assertThat(MethodSpec.globMatches("com.acme.Bus", "com.acme.Bus")).isTrue();
        assertThat(MethodSpec.globMatches("com.acme.Bus", "com.acme.Bus2")).isFalse();
        assertThat(MethodSpec.globMatches("com.acme.Bus", "comXacme.Bus")).isFalse();
    }

    @Test
    void furtherDeliveriesShareTheClockUnlessToldOtherwise() throws Exception {
        assertThat(Config.load(null, Map.of("tracer.publish", "a.Bus#publish"), NONE).sharedDeliveryClock()).isTrue();
        assertThat(Config.load(null, Map.of("tracer.publish", "a.Bus#publish"), Map.of("TRACER_DELIVERIES_CLOCK", "own"))
                .sharedDeliveryClock()).isFalse();
    }

    @Test
    void disabledNeedsNothingElse() throws Exception {
        assertThat(Config.load("enabled=false", NONE, NONE).enabled()).isFalse();
    }

    @Test
    void unknownKeysAreWarnedAboutNotFatal() throws Exception {
        Config config = Config.load(null, Map.of("tracer.publish", "a.Bus#publish", "tracer.stroe", "x"), NONE);
        assertThat(config.warnings()).hasSize(1);
        assertThat(config.warnings().get(0)).startsWith("unknown setting tracer.stroe ignored");
        assertThat(config.store()).isEqualTo("./events");
    }

    @Test
    void environmentNamesMapToKeys() {
        assertThat(Config.fromEnvironment(Map.of("TRACER_STORE_ROLL_EVENTS", "5", "PATH", "/bin")))
                .isEqualTo(Map.of("tracer.store.roll.events", "5"));
    }

    @Test
    void correlationIdsFollowTheSeedFormat() {
        assertThat(AgentStarter.newCorrelationId()).matches("backtest_\\d{8}_\\d{6}_[0-9a-f]{8}");
        assertThat(List.of(AgentStarter.newCorrelationId(), AgentStarter.newCorrelationId())).doesNotHaveDuplicates();
    }
}
