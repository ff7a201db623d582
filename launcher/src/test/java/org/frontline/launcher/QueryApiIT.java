package org.frontline.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.frontline.broker.testing.CommandRunner;
import org.frontline.broker.testing.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The query API with the streams application running as two instances over one cluster: each
 * answers for every key, fetching what the other owns, and while a rebalance moves work between them
 * an instance answers either the complete figures or 503 with Retry-After, never a partial figure.
 */
class QueryApiIT {

    private static final Pattern SERVING = Pattern.compile("Serving the API and the dashboard at (http://\\S+)/");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Incident totals of the seeds, all parties together (see SeedsPipelineIT for where they come from). */
    private static final Map<String, Long> SEED_TOTALS = Map.of("killed|civilians", 4L, "injured|civilians", 3L,
            "losses|military", 860L);

    @TempDir
    Path work;

    @RegisterExtension
    final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void twoInstancesAnswerForEveryKeyAndNeverWithAPartialFigure() throws Exception {
        String bootstrap = kafka.bootstrapServers();
        List<CommandRunner.Running> instances = new ArrayList<>();
        String first = startInstance(bootstrap, "one", instances);
        assertThat(Cli.run("publish", "--bootstrap-servers", bootstrap, Path.of("..", "seeds").toString())
                .exit()).isZero();

        JsonNode complete = await("first instance has the seeds' tallies").atMost(Duration.ofSeconds(90))
                .until(() -> getOk(first + "/api/casualties"), t -> t != null && rollUp(t).equals(SEED_TOTALS));
        // The article table and the speakers' tallies are other tasks, which catch up on their own.
        await("first instance has every article and speaker").atMost(Duration.ofSeconds(90))
                .until(() -> getOk(first + "/api/summary"), s -> s != null && s.get("articles").asInt() == 5);
        await("first instance has every statement").atMost(Duration.ofSeconds(90))
                .until(() -> getOk(first + "/api/speakers?limit=1"),
                        s -> s != null && s.size() == 1 && s.get(0).get("statements").asInt() == 16);

        // A second instance joins: work moves between them. Every answer meanwhile is whole or a 503.
        List<Integer> statuses = new ArrayList<>();
        String second = startInstance(bootstrap, "two", instances);
        await("second instance answers").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    for (String base : List.of(first, second)) {
                        HttpResponse<String> response = get(base + "/api/casualties");
                        if (response == null) {
                            continue;
                        }
                        statuses.add(response.statusCode());
                        if (response.statusCode() == 200) {
                            assertThat(JSON.readTree(response.body())).isEqualTo(complete);
                        } else {
                            assertThat(response.statusCode()).isEqualTo(503);
                            assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
                        }
                    }
                    HttpResponse<String> fromSecond = get(second + "/api/casualties");
                    return fromSecond != null && fromSecond.statusCode() == 200;
                });
        assertThat(statuses).contains(200);

        for (String base : List.of(first, second)) {
            assertThat(getOk(base + "/api/casualties")).isEqualTo(complete);
            JsonNode summary = getOk(base + "/api/summary");
            assertThat(summary.get("articles").asInt()).isEqualTo(5);
            assertThat(summary.get("by_language").get("it").get("articles").asInt()).isEqualTo(3);
            JsonNode latest = getOk(base + "/api/articles?limit=10");
            assertThat(latest).hasSize(5);
            for (JsonNode headline : latest) {
                JsonNode article = getOk(base + "/api/articles/" + headline.get("id").asText());
                assertThat(article.get("article").get("id").asText()).isEqualTo(headline.get("id").asText());
            }
            JsonNode speakers = getOk(base + "/api/speakers?limit=3");
            assertThat(speakers).hasSize(3);
            assertThat(speakers.get(0).get("speaker").asText()).isEqualTo("Jens Stoltenberg");
            assertThat(speakers.get(0).get("statements").asInt()).isEqualTo(16);
            JsonNode jens = getOk(base + "/api/speakers/Jens%20Stoltenberg");
            assertThat(jens.get("tally").get("statements").asInt()).isEqualTo(16);
            assertThat(jens.get("quotes")).hasSize(10);
            JsonNode monthly = getOk(base + "/api/casualties/monthly?outcome=killed");
            assertThat(monthly).anySatisfy(m -> {
                assertThat(m.get("month").asText()).isEqualTo("2024-12");
                assertThat(m.get("incident_total").asLong()).isEqualTo(3);
            });
            assertThat(get(base + "/api/articles/no-such-article").statusCode()).isEqualTo(404);
        }
        instances.forEach(CommandRunner.Running::interrupt);
        for (CommandRunner.Running instance : instances) {
            instance.awaitExit(Duration.ofSeconds(60));
        }
    }

    private String startInstance(String bootstrap, String name, List<CommandRunner.Running> instances) {
        CommandRunner.Running instance = Cli.start("streams", "--bootstrap-servers", bootstrap,
                "--data", work.resolve(name).toString(), "--http", "0");
        instances.add(instance);
        return await(name + " serving").atMost(Duration.ofSeconds(120)).until(() -> {
            Matcher m = SERVING.matcher(instance.output());
            return m.find() ? m.group(1) : null;
        }, url -> url != null);
    }

    private HttpResponse<String> get(String url) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private JsonNode getOk(String url) throws Exception {
        HttpResponse<String> response = get(url);
        return response != null && response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private static Map<String, Long> rollUp(JsonNode tallies) {
        Map<String, Long> totals = new HashMap<>();
        tallies.forEach(t -> totals.merge(t.get("outcome").asText() + "|" + t.get("victims").asText(),
                t.get("incident_total").asLong(), Long::sum));
        return totals;
    }
}
