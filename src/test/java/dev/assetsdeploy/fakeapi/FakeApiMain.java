package dev.assetsdeploy.fakeapi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The fake API as a process, for benchmarks and manual runs:
 * {@code java -cp <test classpath> dev.assetsdeploy.fakeapi.FakeApiMain [--port N] [--delay-ms N]
 * [--bucket-files N] [--bucket-mib N] [--max-files N] [--single-file] [--zone NAME]...}; {@code --zone} seeds a zone of
 * the account, so routes and custom domains on it can be deployed. Prints one line,
 * {@code listening <base URL> <account id> <API token>}, then serves until killed; on stdin EOF
 * or kill it prints a one-line tally to stderr.
 */
public final class FakeApiMain {

    private FakeApiMain() {}

    public static void main(String[] args) throws Exception {
        int port = 0;
        FakeCloudflareApi api;
        Integer bucketFiles = null;
        Long bucketBytes = null;
        Integer maxFiles = null;
        long delayMs = 0;
        boolean single = false;
        List<String> zones = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--delay-ms" -> delayMs = Long.parseLong(args[++i]);
                case "--bucket-files" -> bucketFiles = Integer.parseInt(args[++i]);
                case "--bucket-mib" -> bucketBytes = Long.parseLong(args[++i]) * 1024 * 1024;
                case "--max-files" -> maxFiles = Integer.parseInt(args[++i]);
                case "--single-file" -> single = true;
                case "--zone" -> zones.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        api = FakeCloudflareApi.start(port);
        api.settings.uploadResponseDelay = Duration.ofMillis(delayMs);
        api.settings.singleFileUploads = single;
        if (bucketFiles != null) {
            api.settings.maxBucketFiles = bucketFiles;
        }
        if (bucketBytes != null) {
            api.settings.maxBucketBytes = bucketBytes;
        }
        if (maxFiles != null) {
            api.settings.maxManifestFiles = maxFiles;
        }
        zones.forEach(api.workers()::zone);
        FakeCloudflareApi running = api;
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> System.err.println("fake API: " + running.sessionsOpened()
                        + " sessions, " + running.uploadRequests() + " upload requests, "
                        + running.storedHashes().size()
                        + " hashes stored, problems: " + running.problems())));
        System.out.println("listening " + api.baseUrl() + " " + api.settings.accountId + " " + api.settings.apiToken);
        System.out.flush();
        Thread.currentThread().join();
    }
}
