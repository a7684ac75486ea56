package dev.evtrace.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WriterIdsTest {
    @Test
    void namesThisProcess() {
        assertThat(WriterIds.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(WriterIds.newId()).contains("-" + ProcessHandle.current().pid() + "-");
    }

    /** The name the JDK gives the machine, where it can give one: what the ids said before. */
    @Test
    void namesThisMachine() throws Exception {
        String jdks;
        try {
            jdks = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            jdks = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        }
        assertThat(WriterIds.hostName()).isEqualTo(jdks);
    }

    @Test
    void neverTheSameTwice() {
        assertThat(WriterIds.newId()).isNotEqualTo(WriterIds.newId());
    }
}
