package com.acme.backtest.performance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EquityCurveTest {

    @Test
    void annualizesSharpeFromPerBarReturns() {
        // Returns +10%, -10%, +10%: mean 1/30, sample deviation sqrt(0.04/3), so the per-bar Sharpe is
        // 1/sqrt(12) and over 252 bars a year it is sqrt(252/12) = sqrt(21).
        EquityCurve curve = curve(100, 110, 99, 108.9);

        assertThat(curve.sharpeRatio(252)).isCloseTo(Math.sqrt(21), within(1e-9));
    }

    @Test
    void measuresTheDeepestFallFromARunningPeak() {
        // 120 -> 90 is a 25% fall; 130 -> 104 is only 20%, although it is the larger fall in currency.
        EquityCurve curve = curve(100, 120, 90, 130, 104);

        assertThat(curve.maxDrawdown()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void reportsZeroForACurveThatNeverMoves() {
        EquityCurve curve = curve(100, 100, 100, 100);

        assertThat(curve.sharpeRatio(252)).isZero();
        assertThat(curve.maxDrawdown()).isZero();
    }

    @Test
    void keepsEveryPointBeyondItsInitialCapacity() {
        EquityCurve curve = new EquityCurve();
        for (int i = 1; i <= 1_000; i++) {
            curve.add(i);
        }

        assertThat(curve.size()).isEqualTo(1_000);
        assertThat(curve.last()).isEqualTo(1_000);
        assertThat(curve.maxDrawdown()).isZero();
    }

    private static EquityCurve curve(double... equity) {
        EquityCurve curve = new EquityCurve();
        for (double value : equity) {
            curve.add(value);
        }
        return curve;
    }
}
