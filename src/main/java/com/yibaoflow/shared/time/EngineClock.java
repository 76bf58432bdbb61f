package com.yibaoflow.shared.time;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * Makes the engine start on the system's day: depending on the {@link ShiftableClock}, this plugin has the clock
 * (and its shift of the engine's clock) in place before the engine is built and deploys the models. A timer computed
 * at deployment, such as the hourly cycle of {@code payment-deadline-sweep.bpmn}, then falls due on the configured
 * day of a demo ({@code yibaoflow.clock.start-date}), not on the wall clock's.
 */
@Component
public class EngineClock extends AbstractProcessEnginePlugin {

    /** The dependency is the point: Spring creates (and shifts) the clock before the engine that uses this plugin. */
    public EngineClock(ShiftableClock clock) {
        // nothing to configure: ShiftableClock applies its shift to the engine's clock itself
    }
}
