package dev.evtrace.benchmarks.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VariantTest {
    @Test
    void rotatesTheOrderSoNoVariantAlwaysRunsFirst() {
        assertThat(Variant.inTurn(0)).containsExactly(Variant.UNTRACED, Variant.TRACED, Variant.DISABLED);
        assertThat(Variant.inTurn(1)).containsExactly(Variant.TRACED, Variant.DISABLED, Variant.UNTRACED);
        assertThat(Variant.inTurn(3)).isEqualTo(Variant.inTurn(0));
    }

    @Test
    void attachesTheAgentToAllButTheUntracedRunAndTurnsItOffInTheDisabledOne() {
        Path jar = Path.of("tracer.jar");
        Path config = Path.of("tracer.properties");
        Path store = Path.of("store");
        assertThat(Variant.UNTRACED.jvmOptions(jar, config, store)).isEmpty();
        assertThat(Variant.TRACED.jvmOptions(jar, config, store))
                .containsExactly("-javaagent:tracer.jar", "-Dtracer.config=tracer.properties", "-Dtracer.store=store");
        assertThat(Variant.DISABLED.jvmOptions(jar, config, store)).contains("-Dtracer.enabled=false");
    }
}
