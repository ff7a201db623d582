package org.frontline.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.frontline.broker.testing.CommandRunner;
import org.frontline.consumer.EnrichedLog;
import org.frontline.schemas.testing.TestFeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code run --follow} on a real embedded broker, fed good and bad input through the watched
 * directory, HTTP, a feed and standard input: every input is published or rejected with a reason, the
 * ledger balances per source, and good input after each bad one still reaches the tallies.
 */
class FollowIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HTTP_URL = Pattern.compile("Accepting POST (http://\\S+)/articles");

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void everyInputThroughTheWatchedDirectoryAndHttpIsPublishedOrRejectedAndTheLedgerBalances() throws Exception {
        Path watched = Files.createDirectories(work.resolve("inbox"));
        Path out = work.resolve("out");
        HttpServer feedServer = feedServer();
        String feed = "http://127.0.0.1:" + feedServer.getAddress().getPort() + "/war-news.rss";
        CommandRunner.Running running = Cli.start("run", "--follow",
                "--data", work.resolve("data").toString(), "--out", out.toString(), "--partitions", "1",
                "--max-bytes", "2048", "--watch", watched.toString(), "--http", "0",
                "--feed", feed, "--feed-interval", "1");
        await("following").atMost(Duration.ofSeconds(90)).until(() -> running.output().contains("Following"));
        Matcher url = HTTP_URL.matcher(running.output());
        assertThat(url.find()).as(running.output()).isTrue();
        String base = url.group(1);

        // The watched directory: a bad file, then a good one renamed in, then a half-written one.
        Files.write(watched.resolve("binary.txt"), new byte[] {'P', 'K', 3, 4, 0, 0});
        Files.writeString(watched.resolve("blank.txt"), " \n ");
        renameIn(watched, "kharkiv.txt", "A woman was killed in Kharkiv on Tuesday, the governor said.");
        await("watched article enriched").atMost(Duration.ofSeconds(60))
                .until(() -> enrichedBodies(out).stream().anyMatch(b -> b.contains("Kharkiv")));

        // HTTP: bad requests, each followed by a good one.
        assertThat(post(base, "application/json", "{\"title\": \"no body\"}")).isEqualTo(400);
        assertThat(post(base, "application/json", "{not json")).isEqualTo(400);
        assertThat(post(base, "application/json",
                "{\"title\": \"Strike on Odesa\", \"body\": \"Three civilians were killed in Odesa.\", "
                        + "\"published\": \"2024-03-02\", \"url\": \"https://news.example/odesa\"}")).isEqualTo(202);
        assertThat(post(base, "application/xml", "<article/>")).isEqualTo(415);
        assertThat(post(base, "text/plain", "x".repeat(4096))).isEqualTo(413);
        assertThat(post(base, "text/plain", " date 2024-03 Due civili sono stati uccisi a Kherson.")).isEqualTo(202);

        // A changed file is a new version of the same article; an unchanged rewrite is not republished.
        renameIn(watched, "kharkiv.txt", "Two women were killed in Kharkiv on Tuesday, the governor said.");
        await("corrected article enriched").atMost(Duration.ofSeconds(60))
                .until(() -> enrichedBodies(out).stream().anyMatch(b -> b.startsWith("Two women")));
        renameIn(watched, "kharkiv.txt", "Two women were killed in Kharkiv on Tuesday, the governor said.");

        // Held for two seconds: the unchanged rewrite must not show up as a fifth input.
        JsonNode ledger = await("ledger settles").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30))
                .until(() -> get(base + "/api/ingest"), l -> l.path("watch").path("received").asInt() == 4
                        && l.path("http").path("received").asInt() == 6
                        && l.path("feed").path("received").asInt() == 3);
        assertBalanced(ledger.get("watch"), 2, 2);
        assertBalanced(ledger.get("http"), 2, 4);
        // The feed: two articles, an item without a body, and a repeated guid that is not a new input.
        assertBalanced(ledger.get("feed"), 2, 1);
        feedServer.stop(0);

        assertThat(running.stop(Duration.ofSeconds(90))).as(running.output()).isEqualTo(Frontline.EXIT_REJECTED);
        assertThat(running.output()).contains("Articles from http: received 6, published 2, rejected 4",
                "Articles from watch: received 4, published 2, rejected 2",
                "Articles from feed: received 3, published 2, rejected 1");
        assertThat(enrichedBodies(out)).hasSize(5).noneMatch(b -> b.startsWith("A woman"))
                .anyMatch(b -> b.startsWith("Due civili sono stati uccisi e cinque feriti"));
        assertThat(sumIncidents(out, "killed"))
                .as("2 in Kharkiv (corrected), 3 in Odesa, 2 in Kherson; from the feed 3 in Kharkiv, 2 in Kherson")
                .isEqualTo(12);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void standardInputJsonLinesWithBadLinesBetweenGoodOnes() throws Exception {
        String lines = String.join("\n",
                "{\"body\": \"Four soldiers were killed near Bakhmut.\", \"source\": \"agency\"}",
                "{malformed",
                "",
                "{\"title\": \"only a title\"}",
                "[1, 2, 3]",
                "{\"body\": \"Cinque civili sono stati uccisi a Kherson.\", \"published\": \"last week\"}",
                "{\"body\": \"Cinque civili sono stati uccisi a Kherson.\", \"published\": \"2024-02\"}",
                "{\"body\": \"Trois civils ont été tués lundi soir dans le bombardement de Kherson, selon le "
                        + "gouverneur de la région.\"}");
        Path out = work.resolve("out");
        InputStream stdin = System.in;
        CommandRunner.Result run;
        try {
            System.setIn(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
            run = Cli.run("run", "--data", work.resolve("data").toString(), "--out", out.toString(),
                    "--partitions", "1", "-");
        } finally {
            System.setIn(stdin);
        }

        assertThat(run.exit()).as(run.output()).isEqualTo(Frontline.EXIT_REJECTED);
        assertThat(run.output()).contains("Articles from stdin: received 7, published 3, rejected 4",
                "line 2: malformed JSON", "line 4: no body", "line 5: not a JSON object",
                "line 6: published is not YYYY-MM or YYYY-MM-DD: last week");
        assertThat(sumIncidents(out, "killed")).as("the French article counts in no tally").isEqualTo(9);
        JsonNode french = EnrichedLog.readAll(out.resolve("enriched")).values().stream()
                .filter(a -> a.get("article").get("body").asText().startsWith("Trois")).findFirst().orElseThrow();
        assertThat(french.get("language").asText()).isEqualTo("fr");
        assertThat(french.get("casualties")).isEmpty();
        assertThat(french.get("statements")).isEmpty();
    }

    /** Serves the test feed on a free loopback port. */
    private static HttpServer feedServer() throws Exception {
        byte[] rss = TestFeeds.read("war-news.rss");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/war-news.rss", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, rss.length);
            exchange.getResponseBody().write(rss);
            exchange.close();
        });
        server.start();
        return server;
    }


    private static void renameIn(Path dir, String name, String text) throws Exception {
        Path temp = Files.createTempFile(dir.getParent(), name, ".part");
        Files.writeString(temp, text);
        Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private int post(String base, String type, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/articles")).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private JsonNode get(String url) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static void assertBalanced(JsonNode source, int published, int rejected) {
        assertThat(source.get("published").asInt()).isEqualTo(published);
        assertThat(source.get("rejected").asInt()).isEqualTo(rejected);
        assertThat(source.get("received").asInt()).isEqualTo(published + rejected);
    }

    private static List<String> enrichedBodies(Path out) throws Exception {
        return EnrichedLog.readAll(out.resolve("enriched")).values().stream()
                .map(article -> article.get("article").get("body").asText()).toList();
    }

    private static long sumIncidents(Path out, String outcome) throws Exception {
        long sum = 0;
        for (JsonNode t : JSON.readTree(out.resolve("casualties.json").toFile())) {
            if (t.get("outcome").asText().equals(outcome)) {
                sum += t.get("incident_total").asLong();
            }
        }
        return sum;
    }
}
