package dev.evtrace.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WriterIdsTest {
    @Test
    void namesThisProcess() {
        assertThat(WriterIds.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(WriterIds.newId()).contains("-" + ProcessHandle.current().pid() + "-");
    }

    @Test
    void neverTheSameTwice() {
        assertThat(WriterIds.newId()).isNotEqualTo(WriterIds.newId());
    }
}
