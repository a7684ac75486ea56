package com.acme.backtest.marketdata;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/** Weekday closes from a fixed start date; holidays are ignored, so a year is about 260 bars. */
final class TradingCalendar {

    // 16:00 New York in winter; fixed in UTC so timestamps never depend on the host's zone.
    private static final LocalTime CLOSE_UTC = LocalTime.of(21, 0);

    private LocalDate day;

    TradingCalendar(LocalDate firstDay) {
        this.day = firstDay.minusDays(1);
    }

    /** Epoch millis of the next trading day's close. */
    long nextClose() {
        do {
            day = day.plusDays(1);
        } while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY);
        return day.atTime(CLOSE_UTC).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
