package dev.assetsdeploy.live;

import java.util.List;
import java.util.Objects;

/**
 * What the triggers phase did.
 *
 * @param triggers     what now applies, in wrangler's order: workers.dev, zone routes, custom domains, schedules
 * @param failures     the parts the API refused (the others were still tried, as wrangler does)
 * @param notAttempted the parts not tried because an earlier step stopped the phase (workers.dev, the route check)
 * @param warnings     what the user should know (a default that changed, a custom domain taken from another Worker)
 */
public record LiveResult(
        List<Trigger> triggers, List<TriggerFailure> failures, List<String> notAttempted, List<String> warnings) {

    public LiveResult {
        triggers = List.copyOf(triggers);
        failures = List.copyOf(failures);
        notAttempted = List.copyOf(notAttempted);
        warnings = List.copyOf(warnings);
    }

    /** Everything asked for applied. */
    public boolean complete() {
        return failures.isEmpty() && notAttempted.isEmpty();
    }

    /** The URLs the Worker answers on, in the order of {@link #triggers}. */
    public List<String> urls() {
        return triggers.stream().map(Trigger::url).filter(Objects::nonNull).toList();
    }
}
