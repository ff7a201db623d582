package org.frontline.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.frontline.consumer.EnrichedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code frontline run --follow} as its own process, stopped with SIGTERM: it stops the sources,
 * flushes, lets the tallies catch up, prints its accounts and exits 0, and nothing it accepted is lost.
 */
class SignalShutdownIT {

    private static final Pattern HTTP_URL = Pattern.compile("Accepting POST (http://\\S+)/articles");

    @TempDir
    Path work;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void sigtermStopsInOrderWithNothingLost() throws Exception {
        Path out = work.resolve("out");
        Path log = work.resolve("console.txt");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Frontline.class.getName(), "run", "--follow", "--http", "0", "--partitions", "1",
                "--data", work.resolve("data").toString(), "--out", out.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String base = await("HTTP source up").atMost(Duration.ofSeconds(90))
                    .until(() -> url(Files.readString(log)), u -> u != null);
            HttpClient http = HttpClient.newHttpClient();
            for (String city : List.of("Kharkiv", "Odesa", "Dnipro")) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/articles"))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("Two civilians were killed in " + city
                                + " overnight when a missile hit a residential street, the regional governor said.",
                                StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            }

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("stopped within 90 s").isTrue();
        } finally {
            process.destroyForcibly();
        }

        String console = Files.readString(log);
        // 143 is how a JVM reports that SIGTERM ended it, after its shutdown hooks have run.
        assertThat(process.exitValue()).as(console).isIn(0, 143);
        assertThat(console).contains("Stopping", "Articles from http: received 3, published 3, rejected 0",
                "Casualty tallies");
        assertThat(EnrichedLog.readAll(out.resolve("enriched"))).hasSize(3);
        assertThat(Files.readString(out.resolve("casualties.json"))).as(console).contains("\"incident_total\" : 6");
    }

    private static String url(String console) {
        Matcher m = HTTP_URL.matcher(console);
        return m.find() ? m.group(1) : null;
    }

}
