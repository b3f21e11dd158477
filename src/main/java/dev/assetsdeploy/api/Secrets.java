package dev.assetsdeploy.api;

import java.util.List;
import java.util.regex.Pattern;

/** Scrubs secrets from text that may reach a user: known credential values and anything shaped like a JWT. */
public final class Secrets {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private Secrets() {}

    public static String scrub(String text, List<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                out = out.replace(secret, "***");
            }
        }
        return JWT.matcher(out).replaceAll("***");
    }
}
