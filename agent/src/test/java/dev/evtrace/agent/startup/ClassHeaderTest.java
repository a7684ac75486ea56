package dev.evtrace.agent.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.programs.EarlyPublisherProgram;
import java.lang.reflect.Modifier;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassHeaderTest {
    @Test
    void readsTheNameSuperClassAndInterfaces() {
        ClassHeader header = ClassFiles.headerOf(EarlyPublisherProgram.ThreadPerTask.class);
        assertThat(header.name()).isEqualTo("com/acme/programs/EarlyPublisherProgram$ThreadPerTask");
        assertThat(header.superName()).isEqualTo("java/lang/Object");
        assertThat(header.interfaces()).containsExactly("java/util/concurrent/Executor");
        assertThat(Modifier.isFinal(header.access())).isTrue();
    }

    @Test
    void readsAnInterfaceAndObjectItself() {
        assertThat(ClassFiles.headerOf(com.acme.programs.HandlerShapesProgram.Handler.class).access() & 0x0200).isNotZero();
        assertThat(ClassFiles.headerOf(Object.class).superName()).isNull();
    }

    @Test
    void findsStringsOfTheConstantPoolPastLongsAndDoubles() {
        // Long and Double hold 8-byte constants, which take two slots of the pool.
        assertThat(ClassFiles.headerOf(ClassHeaderTest.class).containsAnyString(Set.of("Lorg/junit/jupiter/api/Test;")))
                .isTrue();
        assertThat(ClassFiles.headerOf(Long.class).name()).isEqualTo("java/lang/Long");
        assertThat(ClassFiles.headerOf(Double.class).interfaces()).contains("java/lang/Comparable");
        assertThat(ClassFiles.headerOf(EarlyPublisherProgram.Unrelated.class).containsAnyString(
                Set.of("Lorg/junit/jupiter/api/Test;"))).isFalse();
    }

    @Test
    void findsTheMethodsAClassCalls() {
        ClassHeader inbox = ClassFiles.headerOf(EarlyPublisherProgram.Inbox.class);
        assertThat(inbox.callsMethodNamed(Set.of("add"))).isTrue();
        assertThat(inbox.callsMethodNamed(Set.of("offer"))).isFalse();
        assertThat(ClassFiles.headerOf(EarlyPublisherProgram.Unrelated.class).callsMethodNamed(Set.of("add"))).isFalse();
    }

    @Test
    void refusesWhatIsNoClassFile() {
        assertThatThrownBy(() -> ClassHeader.parse(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
