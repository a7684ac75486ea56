package dev.evtrace.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WriterCompilationTest {
    private static String flags(String tiered, String stopAt, String mode) {
        return """
                     bool TieredCompilation                        %s {pd product} {%s}
                     intx TieredStopAtLevel                        = %s                                         {product} {default}
                    ccstr CompilationMode                          = %s                                   {product} {default}
                     bool TieredPGO                                = true                                   {pd product} {default}
                """.formatted(tiered, tiered.startsWith(":") ? "command line" : "default", stopAt, mode);
    }

    @Test
    void tieredWithC2OnTopExcludes() {
        assertThat(WriterCompilation.c1ComesBeforeC2(flags("= true", "4", "default"))).isTrue();
        assertThat(WriterCompilation.c1ComesBeforeC2(flags(":= true", "4", ""))).isTrue();
    }

    @Test
    void c2AloneOrNoC2DoesNot() {
        assertThat(WriterCompilation.c1ComesBeforeC2(flags(":= false", "4", "default"))).isFalse();
        assertThat(WriterCompilation.c1ComesBeforeC2(flags("= true", "1", "default"))).isFalse();
        assertThat(WriterCompilation.c1ComesBeforeC2(flags("= true", "4", "high-only"))).isFalse();
        assertThat(WriterCompilation.c1ComesBeforeC2(flags("= true", "4", "quick-only"))).isFalse();
        assertThat(WriterCompilation.c1ComesBeforeC2(flags("= true", "4", "default")
                + "     bool UseJVMCICompiler                         := true          {JVMCI product} {command line}\n")).isFalse();
        assertThat(WriterCompilation.c1ComesBeforeC2("")).isFalse();
    }
}
