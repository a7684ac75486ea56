package com.acme.backtest;

/**
 * One backtest: the feed's bars, a trading day at a time, through an engine that carries them and the chain
 * they cause (BAR -> SIGNAL -> ORDER -> FILL -> PORTFOLIO) to the components. {@link #run} is the whole run,
 * start to results, on the calling thread, whatever threads the engine uses inside.
 */
public final class Backtest {

    private final Components parts;
    private final Engine engine;
    private boolean ran;

    /** @param engine wired to these same parts */
    public Backtest(Components parts, Engine engine) {
        this.parts = parts;
        this.engine = engine;
    }

    public Results run() {
        if (ran) {
            throw new IllegalStateException("a backtest runs once; build a new one to run again");
        }
        ran = true;
        try (engine) {
            for (int day = 0; day < parts.config().bars(); day++) {
                engine.publishDay(parts.feed().nextBars());
            }
        }
        return parts.results(engine.eventsPublished());
    }
}
