package com.acme.backtest.execution;

import com.acme.backtest.bus.EventBus;
import com.acme.backtest.events.BarEvent;
import com.acme.backtest.events.EventType;
import com.acme.backtest.events.FillEvent;
import com.acme.backtest.events.OrderEvent;
import com.acme.backtest.events.Side;
import com.acme.backtest.risk.OrderApprovals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayExecutionTest {

    private final ExecutorService gateway = Executors.newSingleThreadExecutor(task -> new Thread(task, "gateway"));
    private final EventBus bus = new EventBus();
    private final OrderApprovals approvals = new OrderApprovals();
    private final GatewayExecution execution =
            new GatewayExecution(bus, new SimulatedBroker(new CostModel(0, 0, 0), approvals), gateway);
    private final List<String> fills = new ArrayList<>();

    @AfterEach
    void shutDown() {
        gateway.shutdown();
    }

    @Test
    void publishesTheFillOnTheGatewayThreadBeforeTheOrderHandlerReturns() {
        bus.subscribe(EventType.FILL, event ->
                fills.add(((FillEvent) event).getOrderId() + " on " + Thread.currentThread().getName()));
        execution.handle(new BarEvent(0, "A", 10, 10, 10, 10, 1_000));
        approvals.approve(7);

        execution.handle(new OrderEvent(0, 7, 3, "A", Side.BUY, 100));

        assertThat(fills).containsExactly("7 on gateway");
    }

    @Test
    void handsTheGatewayNoOrderTheRiskCheckDidNotApprove() {
        bus.subscribe(EventType.FILL, event -> fills.add("fill"));
        execution.handle(new BarEvent(0, "A", 10, 10, 10, 10, 1_000));

        execution.handle(new OrderEvent(0, 7, 3, "A", Side.BUY, 100));

        assertThat(fills).isEmpty();
    }

    @Test
    void failsTheOrderHandlerWithTheFailureOfAFillHandler() {
        bus.subscribe(EventType.FILL, event -> {
            throw new IllegalStateException("booking failed");
        });
        execution.handle(new BarEvent(0, "A", 10, 10, 10, 10, 1_000));
        approvals.approve(7);

        assertThatThrownBy(() -> execution.handle(new OrderEvent(0, 7, 3, "A", Side.BUY, 100)))
                .isInstanceOf(IllegalStateException.class).hasMessage("booking failed");
    }
}
