package dev.assetsdeploy.api;

import dev.assetsdeploy.PathName;
import java.time.Duration;

/**
 * Everything an {@link ApiClient} needs. {@code baseUrl} is an {@link ApiBaseUrl} (paths are appended to it);
 * {@code userAgent} is {@code assets-deploy/<version>}; {@code responseTimeout} is the longest silence of a
 * request: nothing sent (write timeout) or nothing received (read timeout) for that long fails it;
 * {@code deadline} is the longest one request may take in all, body and answer (against a server that reads or
 * answers a byte at a time); {@code maxConnections} sizes the pool.
 */
public record ApiSettings(
        String baseUrl,
        String accountId,
        Credentials credentials,
        String userAgent,
        Duration connectTimeout,
        Duration responseTimeout,
        Duration deadline,
        ProxySettings proxy,
        RetryPolicy retry,
        int maxConnections) {

    public static final String DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(120);
    /** How many timeouts one request may take in all. */
    public static final int DEADLINE_TIMEOUTS = 5;

    public ApiSettings {
        baseUrl = ApiBaseUrl.normalize(baseUrl);
        String accountProblem = PathName.ACCOUNT_ID.problem("account id", accountId == null ? "" : accountId);
        if (accountProblem != null) {
            throw new IllegalArgumentException(accountProblem);
        }
        if (credentials == null) {
            throw new IllegalArgumentException("credentials are required");
        }
        proxy = proxy == null ? ProxySettings.NONE : proxy;
        retry = retry == null ? RetryPolicy.DEFAULT : retry;
    }

    /** Defaults for everything but where to go and who we are. */
    public static ApiSettings of(String baseUrl, String accountId, Credentials credentials, String version) {
        return new ApiSettings(
                baseUrl,
                accountId,
                credentials,
                "assets-deploy/" + version,
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_RESPONSE_TIMEOUT,
                DEFAULT_RESPONSE_TIMEOUT.multipliedBy(DEADLINE_TIMEOUTS),
                ProxySettings.NONE,
                RetryPolicy.DEFAULT,
                64);
    }

    /** These timeouts, and a deadline of {@link #DEADLINE_TIMEOUTS} response timeouts. */
    public ApiSettings withTimeouts(Duration connect, Duration response) {
        return new ApiSettings(
                baseUrl,
                accountId,
                credentials,
                userAgent,
                connect,
                response,
                response.multipliedBy(DEADLINE_TIMEOUTS),
                proxy,
                retry,
                maxConnections);
    }

    public ApiSettings withDeadline(Duration newDeadline) {
        return new ApiSettings(
                baseUrl,
                accountId,
                credentials,
                userAgent,
                connectTimeout,
                responseTimeout,
                newDeadline,
                proxy,
                retry,
                maxConnections);
    }

    public ApiSettings withProxy(ProxySettings newProxy) {
        return new ApiSettings(
                baseUrl,
                accountId,
                credentials,
                userAgent,
                connectTimeout,
                responseTimeout,
                deadline,
                newProxy,
                retry,
                maxConnections);
    }

    public ApiSettings withRetry(RetryPolicy newRetry) {
        return new ApiSettings(
                baseUrl,
                accountId,
                credentials,
                userAgent,
                connectTimeout,
                responseTimeout,
                deadline,
                proxy,
                newRetry,
                maxConnections);
    }

    public ApiSettings withMaxConnections(int connections) {
        return new ApiSettings(
                baseUrl,
                accountId,
                credentials,
                userAgent,
                connectTimeout,
                responseTimeout,
                deadline,
                proxy,
                retry,
                connections);
    }

    @Override
    public String toString() {
        return "ApiSettings[" + baseUrl + ", account " + accountId + ", " + credentials + "]";
    }
}
