package dev.assetsdeploy.api;

import dev.assetsdeploy.PathName;
import java.time.Duration;

/**
 * Everything an {@link ApiClient} needs. {@code baseUrl} is used verbatim (paths are appended);
 * {@code userAgent} is {@code assets-deploy/<version>}; {@code responseTimeout} bounds the wait
 * for each response (and each read while receiving it); {@code maxConnections} sizes the pool.
 */
public record ApiSettings(
        String baseUrl,
        String accountId,
        Credentials credentials,
        String userAgent,
        Duration connectTimeout,
        Duration responseTimeout,
        ProxySettings proxy,
        RetryPolicy retry,
        int maxConnections) {

    public static final String DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(120);

    public ApiSettings {
        if (baseUrl == null || !(baseUrl.startsWith("https://") || baseUrl.startsWith("http://"))) {
            throw new IllegalArgumentException("API base URL must start with https:// or http://: " + baseUrl);
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
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
                ProxySettings.NONE,
                RetryPolicy.DEFAULT,
                64);
    }

    public ApiSettings withTimeouts(Duration connect, Duration response) {
        return new ApiSettings(
                baseUrl, accountId, credentials, userAgent, connect, response, proxy, retry, maxConnections);
    }

    public ApiSettings withProxy(ProxySettings newProxy) {
        return new ApiSettings(
                baseUrl,
                accountId,
                credentials,
                userAgent,
                connectTimeout,
                responseTimeout,
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
                proxy,
                newRetry,
                maxConnections);
    }

    public ApiSettings withMaxConnections(int connections) {
        return new ApiSettings(
                baseUrl, accountId, credentials, userAgent, connectTimeout, responseTimeout, proxy, retry, connections);
    }

    @Override
    public String toString() {
        return "ApiSettings[" + baseUrl + ", account " + accountId + ", " + credentials + "]";
    }
}
