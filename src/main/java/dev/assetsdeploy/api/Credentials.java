package dev.assetsdeploy.api;

import java.util.List;
import org.apache.hc.core5.http.HttpRequest;

/**
 * How requests to the account's API are authenticated. The secret never leaves these
 * records except as a request header: {@code toString()} hides it.
 */
public sealed interface Credentials {

    /** Sets the authentication headers on a request. */
    void apply(HttpRequest request);

    /** The secret strings, so messages can be scrubbed of them. */
    List<String> secrets();

    /** {@code CLOUDFLARE_API_TOKEN}: {@code Authorization: Bearer <token>}. */
    record ApiToken(String token) implements Credentials {
        public ApiToken {
            requireValue(token, "API token");
        }

        @Override
        public void apply(HttpRequest request) {
            request.setHeader("Authorization", "Bearer " + token);
        }

        @Override
        public List<String> secrets() {
            return List.of(token);
        }

        @Override
        public String toString() {
            return "ApiToken[***]";
        }
    }

    /** {@code CLOUDFLARE_API_KEY} + {@code CLOUDFLARE_EMAIL}: {@code X-Auth-Key} / {@code X-Auth-Email}. */
    record GlobalApiKey(String key, String email) implements Credentials {
        public GlobalApiKey {
            requireValue(key, "API key");
            requireValue(email, "email");
        }

        @Override
        public void apply(HttpRequest request) {
            request.setHeader("X-Auth-Key", key);
            request.setHeader("X-Auth-Email", email);
        }

        @Override
        public List<String> secrets() {
            return List.of(key);
        }

        @Override
        public String toString() {
            return "GlobalApiKey[***, " + email + "]";
        }
    }

    private static void requireValue(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
    }
}
