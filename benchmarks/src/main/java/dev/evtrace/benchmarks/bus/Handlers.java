package dev.evtrace.benchmarks.bus;

/**
 * Three handler classes that do almost nothing, so a delivery costs little more than the call: what the
 * advice adds stands out. Three classes, not one, make the bus's call site megamorphic as in the sample,
 * whose BAR event goes to four different handler classes.
 */
public final class Handlers {
    private Handlers() {}

    /** The handler classes, in subscription order. */
    public static final Class<?>[] TYPES = {First.class, Second.class, Third.class};

    /** The first {@code n} handler classes subscribed to {@code bus}, each loaded anew, woven or plain. */
    public static Handler[] subscribe(Bus bus, int n, boolean woven) {
        Handler[] subscribed = new Handler[n];
        for (int i = 0; i < n; i++) {
            subscribed[i] = Weaving.newInstance(TYPES[i], Handler.class, woven);
            bus.subscribe(subscribed[i]);
        }
        return subscribed;
    }

    public static class First implements Handler {
        private long handled;

        @Override
        public void handle(Object event) {
            handled++;
        }

        @Override
        public long handled() {
            return handled;
        }
    }

    public static class Second implements Handler {
        private long handled;

        @Override
        public void handle(Object event) {
            handled++;
        }

        @Override
        public long handled() {
            return handled;
        }
    }

    public static class Third implements Handler {
        private long handled;

        @Override
        public void handle(Object event) {
            handled++;
        }

        @Override
        public long handled() {
            return handled;
        }
    }
}
