package dev.evtrace.store.parquet;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class WriterWarmUpTest {
    @Test
    void everyMadeUpRowIsOneItsFilesHold() {
        // The agent's writer swallows a failed warm-up (only its first events' speed depends on it), so a row
        // its file's columns refuse would end the warm-up early without a word.
        assertThatCode(() -> WriterWarmUp.run(10_000, () -> false)).doesNotThrowAnyException();
    }
}
