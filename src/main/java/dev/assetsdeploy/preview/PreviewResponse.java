package dev.assetsdeploy.preview;

import dev.assetsdeploy.manifest.ManifestEntry;
import java.util.List;

/**
 * What Cloudflare would answer, and why.
 *
 * @param status   the HTTP status
 * @param location the {@code Location} of a redirect, else {@code null}
 * @param asset    the asset whose bytes are the body (also for 304 and HEAD), else {@code null}
 * @param headers  the response headers, custom {@code _headers} rules applied
 * @param toWorker the request would run the Worker's code, which preview does not run
 * @param steps    each decision, in order: which rule or step decided what
 */
public record PreviewResponse(
        int status, String location, ManifestEntry asset, ResponseHeaders headers, boolean toWorker, List<Step> steps) {

    public PreviewResponse {
        steps = List.copyOf(steps);
    }

    /** One decision: what kind of rule ({@code html_handling}, {@code _redirects}, ...) and what it did. */
    public record Step(String rule, String detail) {

        @Override
        public String toString() {
            return rule + ": " + detail;
        }
    }

    /** The step that decided the status: the last one that is not about added headers. */
    public Step decidingStep() {
        Step deciding = null;
        for (Step step : steps) {
            if (!step.rule().equals("_headers") && !step.rule().equals("If-None-Match")) {
                deciding = step;
            }
        }
        for (Step step : steps) {
            if (step.rule().equals("If-None-Match")) {
                deciding = step;
            }
        }
        return deciding;
    }
}
