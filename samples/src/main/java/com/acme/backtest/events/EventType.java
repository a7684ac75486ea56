package com.acme.backtest.events;

/** The kinds of event a backtest publishes; handlers subscribe by type. */
public enum EventType {
    BAR,
    SIGNAL,
    ORDER,
    FILL,
    RISK_BREACH,
    PORTFOLIO
}
