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
        assertThat(config.publish()).containsExactly(new MethodSpec("a.Bus", "publish"));
    }

    @Test
    void commaListsSurviveTheAgentArgumentSyntax() throws Exception {
        Config config = Config.load("tracer.publish=a.Bus#publish,tracer.handlers=a.H#on,b.K#handle,store=x", NONE, NONE);
        assertThat(config.handlers()).containsExactly(new MethodSpec("a.H", "on"), new MethodSpec("b.K", "handle"));
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
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void badValuesNameTheKeyAndWhatIsAllowed() {
        assertThatThrownBy(() -> Config.load(null, Map.of("tracer.publish", "a.Bus#publish", "tracer.buffer.size", "1000"), NONE))
                .hasMessage("bad setting tracer.buffer.size=1000: must be a power of two between 1024 and 16777216");
        assertThatThrownBy(() -> Config.load(null, Map.of("tracer.publish", "a.Bus.publish"), NONE))
                .hasMessage("bad setting tracer.publish=a.Bus.publish: 'a.Bus.publish' is not of the form fully.qualified.Type#method");
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
