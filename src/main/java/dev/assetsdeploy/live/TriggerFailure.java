package dev.assetsdeploy.live;

/**
 * A part of the triggers phase that did not apply.
 *
 * @param part    what it was: {@code workers.dev}, {@code routes}, {@code custom domains}, {@code cron schedules}
 * @param request the request that failed ({@code PUT /accounts/.../routes}), or {@code null} when no request failed
 *                (a route of another Worker)
 * @param reason  the API's answer (status, each {@code code: message}), or what stopped it; one line
 */
public record TriggerFailure(String part, String request, String reason) {}
