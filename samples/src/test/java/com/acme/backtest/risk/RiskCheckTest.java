package com.acme.backtest.risk;

import com.acme.backtest.bus.EventBus;
import com.acme.backtest.events.BarEvent;
import com.acme.backtest.events.EventType;
import com.acme.backtest.events.FillEvent;
import com.acme.backtest.events.OrderEvent;
import com.acme.backtest.events.RiskBreachEvent;
import com.acme.backtest.events.Side;
import com.acme.backtest.portfolio.Book;
import com.acme.backtest.portfolio.Portfolio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RiskCheckTest {

    // One position may be 30% of equity, all of them together 100%.
    private static final RiskLimits LIMITS = new RiskLimits(0.3, 1.0);

    private final EventBus bus = new EventBus();
    private final OrderApprovals approvals = new OrderApprovals();
    private final List<RiskBreachEvent> breaches = new ArrayList<>();
    private long nextId = 1;

    @BeforeEach
    void wire() {
        Book book = new Book(1_000_000, 0.1);
        Portfolio portfolio = new Portfolio(bus, book);
        RiskCheck riskCheck = new RiskCheck(bus, new PreTradeCheck(book, LIMITS, approvals));
        bus.subscribe(EventType.BAR, portfolio);
        bus.subscribe(EventType.FILL, portfolio);
        bus.subscribe(EventType.ORDER, riskCheck);
        bus.subscribe(EventType.RISK_BREACH, event -> breaches.add((RiskBreachEvent) event));
        for (String symbol : List.of("A", "B", "C", "D")) {
            bus.publish(new BarEvent(0, symbol, 100, 100, 100, 100, 1_000));
        }
    }

    @Test
    void approvesAnOrderWithinLimits() {
        long orderId = order("A", Side.BUY, 2_000);

        assertThat(breaches).isEmpty();
        assertThat(approvals.consume(orderId)).isTrue();
        assertThat(approvals.consume(orderId)).as("an approval is used once").isFalse();
    }

    @Test
    void refusesAnOrderThatMakesOnePositionTooLarge() {
        long orderId = order("A", Side.SELL, 3_500);

        assertThat(breaches).singleElement().satisfies(breach -> {
            assertThat(breach.getOrderId()).isEqualTo(orderId);
            assertThat(breach.getReason()).startsWith("position notional 350000.00 exceeds limit 300000.00");
        });
        assertThat(approvals.consume(orderId)).isFalse();
    }

    @Test
    void refusesAnOrderThatTakesGrossExposureOverTheLimit() {
        fill("A", Side.BUY, 3_000);
        fill("B", Side.SELL, 3_000);
        fill("C", Side.BUY, 3_000);

        long orderId = order("D", Side.BUY, 2_000);

        assertThat(breaches).singleElement().extracting(RiskBreachEvent::getReason)
                .isEqualTo("gross exposure 1.10x equity exceeds limit 1.00x");
        assertThat(approvals.consume(orderId)).isFalse();
    }

    @Test
    void approvesAnOrderThatShrinksAPositionEvenWhenTheBookIsOverLimits() {
        fill("A", Side.BUY, 6_000);
        fill("B", Side.BUY, 6_000);

        long orderId = order("A", Side.SELL, 1_000);

        assertThat(breaches).isEmpty();
        assertThat(approvals.consume(orderId)).isTrue();
    }

    private long order(String symbol, Side side, long quantity) {
        long orderId = nextId++;
        bus.publish(new OrderEvent(0, orderId, 0, symbol, side, quantity));
        return orderId;
    }

    private void fill(String symbol, Side side, long quantity) {
        bus.publish(new FillEvent(0, nextId++, 0, symbol, side, quantity, 100, 0, 0));
    }
}
