package dev.assetsdeploy.deploy;

import com.google.gson.JsonObject;
import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.IoReason;
import dev.assetsdeploy.api.JwtPayload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The completion token that {@code upload --token-out FILE} writes ({@link TokenOut}) and
 * {@code deploy --assets-token-file FILE} reads. The token is a JWT valid about an hour; one already expired is refused here rather than by the API
 * after the upload. The token itself never appears in a message.
 */
public final class TokenFile {

    /** A completion token is a JWT of about 1 KiB; read no more than this (the file may be /dev/zero). */
    static final int MAX_BYTES = 16 * 1024;

    private TokenFile() {}

    public static AssetsSource read(Path file, Instant now) {
        String token;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw AssetsDeployException.invalidInput("--assets-token-file " + file + ": more than "
                        + MAX_BYTES / 1024 + " KiB, so not a completion token (a token is under 4 KiB):"
                        + " give the file `assets-deploy upload DIR --token-out FILE` wrote");
            }
            token = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString()
                    .strip();
        } catch (IOException e) {
            throw AssetsDeployException.invalidInput(
                    "--assets-token-file " + file + ": cannot read it (" + reason(file, e)
                            + "); write it with `assets-deploy upload DIR --token-out FILE`",
                    e);
        }
        if (token.equals(TokenOut.UNFINISHED)) {
            throw AssetsDeployException.invalidInput(
                    "--assets-token-file " + file + ": the upload that writes it did"
                            + " not finish; run `assets-deploy upload DIR --token-out FILE` again (it only sends what is missing)");
        }
        if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
            throw AssetsDeployException.invalidInput("--assets-token-file " + file + ": expected one completion token"
                    + " (as written by `assets-deploy upload --token-out`)");
        }
        Instant expiry = expiry(token);
        if (expiry != null && !expiry.isAfter(now)) {
            throw AssetsDeployException.invalidInput(
                    "--assets-token-file " + file + ": the completion token expired at " + expiry
                            + "; run `assets-deploy upload` again (it only sends what is missing)");
        }
        return AssetsSource.token(token);
    }

    /** Why the file could not be read, in a few words. */
    private static String reason(Path file, IOException e) {
        return Files.isDirectory(file) ? "it is a folder" : IoReason.of(e);
    }

    /** The JWT's {@code exp}, or {@code null} when the token is not a JWT we can read. */
    static Instant expiry(String jwt) {
        JsonObject payload = JwtPayload.decode(jwt);
        return payload == null ? null : JwtPayload.expiry(payload);
    }
}
