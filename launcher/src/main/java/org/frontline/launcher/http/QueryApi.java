package org.frontline.launcher.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.Statement;
import org.frontline.extract.SpeakerNames;
import org.frontline.schemas.AvroJson;
import org.frontline.streams.FrontlineTopology;
import org.frontline.streams.query.LocalQueries;
import org.frontline.streams.query.NotReadyException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * The query API over the tallies, answered from Kafka Streams' own state stores. With several
 * instances of the application (each with {@code application.server} set to its HTTP address), an
 * answer about every key gathers each instance's local part through {@code /api/local/...}, and an
 * answer about one key asks the instance that owns it. While this instance or one it needs is
 * rebalancing or restoring, every endpoint answers 503 with {@code Retry-After}: a partial figure is
 * never presented as complete.
 */
public final class QueryApi {

    /** Seconds a client should wait before asking again during a rebalance. */
    static final int RETRY_AFTER_SECONDS = 2;
    private static final int QUOTES_SHOWN = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaStreams streams;
    private final LocalQueries local;
    private final HostInfo self;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param self this instance's {@code application.server}, how the other instances reach it
     */
    public QueryApi(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.local = new LocalQueries(streams);
        this.self = self;
    }

    /** Registers the public endpoints and the per-instance ones they gather from. */
    public void register(RoutesConfig routes) {
        routes.get("/api/casualties", ctx -> ctx.json(filtered(everywhere("casualties"), ctx)));
        routes.get("/api/casualties/monthly", ctx -> ctx.json(filtered(everywhere("casualties/monthly"), ctx)));
        routes.get("/api/speakers", ctx -> ctx.json(ranked(everywhere("speakers"), limit(ctx, Integer.MAX_VALUE))));
        routes.get("/api/speakers/{name}", ctx -> speaker(ctx, ctx.pathParam("name")));
        routes.get("/api/articles", ctx -> {
            int limit = limit(ctx, 20);
            ctx.json(latest(everywhere("articles", limit), limit));
        });
        routes.get("/api/articles/{id}", ctx -> ctx.json(article(ctx.pathParam("id"))));
        routes.get("/api/summary", ctx -> ctx.json(summary(everywhere("languages"))));

        for (String path : List.of("casualties", "casualties/monthly", "speakers", "articles", "languages")) {
            routes.get("/api/local/" + path, ctx -> ctx.json(localAnswer(path, limit(ctx, Integer.MAX_VALUE))));
        }
        routes.get("/api/local/articles/{id}", ctx -> respond(ctx, localArticle(ctx.pathParam("id"))));
        routes.get("/api/local/speakers/{key}", ctx -> respond(ctx, localSpeaker(ctx.pathParam("key"))));

        routes.exception(NotReadyException.class, (e, ctx) -> {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
            ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            ctx.json(Map.of("error", e.getMessage()));
        });
        routes.exception(NotFound.class, (e, ctx) -> {
            ctx.status(HttpStatus.NOT_FOUND);
            ctx.json(Map.of("error", e.getMessage()));
        });
    }

    /** Not there on the instance that would hold it. */
    static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }

    // ---- gathering from every instance, or from the owner of a key

    /** Every instance's local answer to {@code /api/local/PATH}, concatenated. */
    private List<JsonNode> everywhere(String path) {
        return everywhere(path, Integer.MAX_VALUE);
    }

    /** The same, each instance answering with at most {@code limit} rows where the query has a limit. */
    private List<JsonNode> everywhere(String path, int limit) {
        local.requireRunning();
        Collection<StreamsMetadata> instances = streams.metadataForAllStreamsClients();
        if (instances.isEmpty()) {
            throw new NotReadyException("no instance of the application is assigned any data yet");
        }
        List<JsonNode> all = new ArrayList<>();
        for (StreamsMetadata instance : instances) {
            JsonNode part = instance.hostInfo().equals(self) ? localAnswer(path, limit) : fetch(instance.hostInfo(),
                    "/api/local/" + path + "?limit=" + limit);
            part.forEach(all::add);
        }
        return all;
    }

    private JsonNode localAnswer(String path, int limit) {
        return switch (path) {
            case "casualties" -> JSON.valueToTree(records(local.casualties()));
            case "casualties/monthly" -> JSON.valueToTree(local.monthlyCasualties().stream()
                    .map(m -> monthly(m.month(), m.tally())).toList());
            case "speakers" -> JSON.valueToTree(records(local.speakers()));
            case "articles" -> JSON.valueToTree(local.latestArticles(limit).stream()
                    .map(QueryApi::headline).toList());
            case "languages" -> JSON.valueToTree(local.languages().entrySet().stream().map(e -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("language", e.getKey());
                row.putAll(AvroJson.toMap(e.getValue()));
                return row;
            }).toList());
            default -> throw new IllegalArgumentException("no local query " + path);
        };
    }

    /** The owner's answer about one key of {@code store}: from this instance's stores, or over HTTP. */
    private JsonNode owned(String store, String key, String localPath, Supplier<JsonNode> here) {
        local.requireRunning();
        KeyQueryMetadata owner = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new NotReadyException("no instance owns " + key + " in " + store + " yet");
        }
        JsonNode answer = owner.activeHost().equals(self) ? here.get()
                : fetch(owner.activeHost(), localPath + URLEncoder.encode(key, StandardCharsets.UTF_8)
                        .replace("+", "%20"));
        if (answer == null || answer.isNull()) {
            throw new NotFound("no " + store.replace("-", " ") + " for " + key);
        }
        return answer;
    }

    private JsonNode article(String id) {
        return owned(FrontlineTopology.ARTICLES_STORE, id, "/api/local/articles/", () -> localArticle(id));
    }

    private JsonNode localArticle(String id) {
        EnrichedArticle article = local.article(id);
        return article == null ? null : JSON.valueToTree(AvroJson.toMap(article));
    }

    private JsonNode localSpeaker(String key) {
        LocalQueries.SpeakerDetail found = local.speaker(key, QUOTES_SHOWN);
        return found == null ? null : JSON.valueToTree(Map.of(
                "tally", AvroJson.toMap(found.tally()), "article_ids", found.articleIds()));
    }

    private void speaker(Context ctx, String name) {
        String key = SpeakerNames.canonicalKey(name);
        JsonNode detail = owned(FrontlineTopology.SPEAKER_STORE, key, "/api/local/speakers/",
                () -> localSpeaker(key));
        ArrayNode quotes = JSON.createArrayNode();
        for (JsonNode id : detail.get("article_ids")) {
            if (quotes.size() >= QUOTES_SHOWN) {
                break;
            }
            JsonNode article = article(id.asText());
            for (JsonNode statement : article.get("statements")) {
                if (quotes.size() < QUOTES_SHOWN
                        && SpeakerNames.canonicalKey(statement.get("speaker").asText()).equals(key)) {
                    ObjectNode quote = quotes.addObject();
                    quote.put("quote", statement.get("quote").asText());
                    quote.put("article_id", id.asText());
                    quote.set("title", article.get("article").get("title"));
                    quote.set("published", article.get("article").get("published"));
                }
            }
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("tally", detail.get("tally"));
        body.set("quotes", quotes);
        ctx.json(body);
    }

    private JsonNode fetch(HostInfo host, String path) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + path);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == HttpStatus.NOT_FOUND.getCode()) {
                return null;
            }
            if (response.statusCode() != HttpStatus.OK.getCode()) {
                throw new NotReadyException("instance " + host + " answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new NotReadyException("instance " + host + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReadyException("interrupted while asking " + host, e);
        }
    }

    private static void respond(Context ctx, JsonNode answer) {
        if (answer == null) {
            ctx.status(HttpStatus.NOT_FOUND);
            ctx.json(Map.of("error", "not on this instance"));
        } else {
            ctx.json(answer);
        }
    }

    // ---- shaping answers

    private static List<Map<String, Object>> records(List<? extends IndexedRecord> records) {
        return records.stream().map(AvroJson::toMap).toList();
    }

    private static Map<String, Object> monthly(String month, IndexedRecord tally) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("month", month);
        row.putAll(AvroJson.toMap(tally));
        row.keySet().removeIf(k -> k.startsWith("latest_cumulative"));
        return row;
    }

    private static Map<String, Object> headline(EnrichedArticle a) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", a.getArticle().getId());
        row.put("title", a.getArticle().getTitle());
        row.put("published", a.getArticle().getPublished());
        row.put("ingested_at", a.getArticle().getIngestedAt().toString());
        row.put("language", a.getLanguage());
        row.put("casualties", a.getCasualties().size());
        row.put("statements", a.getStatements().size());
        row.put("speakers", a.getStatements().stream().map(Statement::getSpeaker).distinct().toList());
        return row;
    }

    private static List<JsonNode> filtered(List<JsonNode> tallies, Context ctx) {
        return tallies.stream()
                .filter(t -> matches(t, "outcome", ctx) && matches(t, "victims", ctx) && matches(t, "party", ctx))
                .sorted(Comparator.comparing((JsonNode t) -> t.path("month").asText(""))
                        .thenComparing(t -> t.get("outcome").asText())
                        .thenComparing(t -> t.get("victims").asText())
                        .thenComparing(t -> t.get("party").asText("")))
                .toList();
    }

    private static boolean matches(JsonNode tally, String field, Context ctx) {
        String wanted = ctx.queryParam(field);
        return wanted == null || wanted.isEmpty() || wanted.equalsIgnoreCase(tally.path(field).asText(""));
    }

    private static List<JsonNode> ranked(List<JsonNode> speakers, int limit) {
        return speakers.stream()
                .sorted(Comparator.comparingInt((JsonNode s) -> s.get("statements").asInt()).reversed()
                        .thenComparing(s -> s.get("speaker").asText()))
                .limit(limit)
                .toList();
    }

    private static List<JsonNode> latest(List<JsonNode> articles, int limit) {
        return articles.stream()
                .sorted(Comparator.comparing((JsonNode a) -> a.get("ingested_at").asText()).reversed())
                .limit(limit)
                .toList();
    }

    private static JsonNode summary(List<JsonNode> languages) {
        ObjectNode summary = JSON.createObjectNode();
        ObjectNode byLanguage = JSON.createObjectNode();
        int articles = 0;
        int statements = 0;
        int figures = 0;
        for (JsonNode stats : languages) {
            articles += stats.get("articles").asInt();
            statements += stats.get("statements").asInt();
            figures += stats.get("casualty_figures").asInt();
            ObjectNode language = byLanguage.putObject(stats.get("language").asText());
            language.put("articles", stats.get("articles").asInt());
            language.put("statements", stats.get("statements").asInt());
            language.put("casualty_figures", stats.get("casualty_figures").asInt());
        }
        summary.put("articles", articles);
        summary.put("statements", statements);
        summary.put("casualty_figures", figures);
        summary.set("by_language", byLanguage);
        return summary;
    }

    private static int limit(Context ctx, int fallback) {
        String limit = ctx.queryParam("limit");
        try {
            return limit == null ? fallback : Math.max(0, Integer.parseInt(limit));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
