package dev.assetsdeploy.fakeapi;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** JWT-shaped tokens as the API issues them (unsigned: the fake recognises its own by lookup). */
final class FakeJwt {

    private FakeJwt() {}

    static String make(JsonObject payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        byte[] sig = new byte[32];
        ThreadLocalRandom.current().nextBytes(sig);
        return b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(sig);
    }

    static JsonObject payload(String jwt) {
        String[] parts = jwt.split("\\.");
        return JsonParser.parseString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                .getAsJsonObject();
    }
}
