package org.frontline.producer.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.frontline.avro.Article;
import org.frontline.avro.Rejection;
import org.frontline.broker.testing.KafkaBrokerExtension;
import org.frontline.broker.testing.TopicRecords;
import org.frontline.producer.ArticleIds;
import org.frontline.producer.ArticlePublisher;
import org.frontline.producer.Ledger;
import org.frontline.producer.TextCheck;
import org.frontline.schemas.AvroSerde;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.schemas.TopicNames;
import org.frontline.schemas.testing.TestFeeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** RSS and Atom feeds polled into a real broker: new items once each, bad input rejected, nothing lost. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FeedSourceIT {

    private static final TopicNames TOPICS = TopicNames.withPrefix("feedit.");
    private static final String LAST_MODIFIED = "Thu, 14 Mar 2024 06:00:00 GMT";
    private static final Deserializer<Article> ARTICLES = AvroSerde.of(Article.class).deserializer();
    private static final Deserializer<Rejection> REJECTIONS = AvroSerde.of(Rejection.class).deserializer();

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private HttpServer server;
    private final List<Served> served = new CopyOnWriteArrayList<>();

    private record Served(String path, int status) {
    }

    @BeforeEach
    void startFeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feeds/", this::serveFeed);
        server.start();
    }

    @AfterEach
    void stopFeedServer() {
        server.stop(0);
    }

    @Test
    void newItemsArePublishedOnceAndWhatIsNotAnArticleIsRejected() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        ArticlePublisher.ensureTopics(props, TOPICS, 1, (short) -1);
        URI rss = feedUrl("war-news.rss");
        URI atom = feedUrl("war-news.atom");
        URI malformed = feedUrl("malformed.rss");

        List<FeedResult> first;
        List<FeedResult> second;
        Ledger ledger;
        try (ArticlePublisher publisher = new ArticlePublisher(props, FrontlineTopics.named(TOPICS),
                new TextCheck(TextCheck.DEFAULT_MAX_BYTES), Clock.systemUTC());
                FeedPoller poller = new FeedPoller(List.of(rss, atom, malformed), publisher, Duration.ofMinutes(10),
                        Clock.systemUTC())) {
            first = poller.pollOnce();
            second = poller.pollOnce();
            publisher.flush();
            ledger = publisher.ledger();
        }

        assertThat(first).extracting(FeedResult::status).containsExactly(200, 200, 200);
        assertThat(first).extracting(FeedResult::seen, FeedResult::fresh, FeedResult::published, FeedResult::rejected)
                .containsExactly(tuple(4, 3, 2, 1), tuple(2, 2, 2, 0), tuple(0, 0, 0, 1));
        assertThat(first.get(2).error()).startsWith("malformed feed: ");
        assertThat(second).extracting(FeedResult::status).containsExactly(304, 304, 304);
        assertThat(second).allSatisfy(result -> {
            assertThat(result.notModified()).isTrue();
            assertThat(result.fresh()).isZero();
        });
        assertThat(served).extracting(Served::status).containsExactly(200, 200, 200, 304, 304, 304);

        Map<String, Article> articles = new LinkedHashMap<>();
        List<String> keys = new CopyOnWriteArrayList<>();
        await("four articles on " + TOPICS.raw()).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            articles.clear();
            keys.clear();
            for (ConsumerRecord<String, Article> r : readAll(TOPICS.raw(), ARTICLES)) {
                keys.add(r.key());
                articles.put(r.value().getUrl(), r.value());
            }
            assertThat(keys).hasSize(4);
        });
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(articles.values()).allSatisfy(a -> {
            assertThat(a.getSource()).isEqualTo(FeedPoller.SOURCE);
            assertThat(a.getId()).isEqualTo(ArticleIds.forUrl(a.getUrl()));
            assertThat(a.getBody()).doesNotContain("<", ">", "&amp;", "&#");
        });
        assertArticle(articles, "https://news.example.org/2024/03/11/kharkiv-drone-strike",
                "Drone strike on Kharkiv apartment block kills three", "2024-03-11",
                "A Russian drone struck a nine-storey apartment block in Kharkiv late on Monday, killing three "
                        + "civilians, the regional governor said.\n\n"
                        + "Twelve people were wounded, including two children.\nRescue work continued overnight.");
        assertArticle(articles, "https://notizie.example.it/2024/03/12/kherson-bombardamenti",
                "Bombardamenti su Kherson: due civili uccisi", "2024-03-12",
                "Due civili sono stati uccisi e cinque feriti nei bombardamenti russi su Kherson, ha dichiarato "
                        + "l'amministrazione militare regionale.\n\n"
                        + "Secondo il governatore, l\u2019attacco ha colpito il mercato centrale & la stazione.");
        assertArticle(articles, "https://news.example.org/2024/03/13/drones-shot-down",
                "Ukraine says 31 Russian drones shot down overnight", "2024-03-13",
                "Ukraine\u2019s air force said it shot down 31 of 36 Russian drones overnight.\n\n"
                        + "One person was injured in Odesa.\n\nPower lines were damaged in Sumy.");
        assertArticle(articles, "https://notizie.example.it/2024/03/13/avdiivka-evacuazione",
                "Evacuati 200 civili da Avdiivka", "2024-03-14",
                "Le autorit\u00e0 locali hanno evacuato 200 civili da Avdiivka.\nAltri 40 restano in citt\u00e0.");

        List<Rejection> rejections = new CopyOnWriteArrayList<>();
        await("two rejections on " + TOPICS.rejected()).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            rejections.clear();
            readAll(TOPICS.rejected(), REJECTIONS)
                    .forEach(r -> rejections.add(r.value()));
            assertThat(rejections).hasSize(2);
        });
        assertThat(rejections).extracting(Rejection::getSource).containsOnly(FeedPoller.SOURCE);
        assertThat(rejections).extracting(Rejection::getOrigin, Rejection::getReason).contains(
                tuple("https://news.example.org/2024/03/12/kharkiv-gallery", "no body"));
        Rejection broken = rejections.stream().filter(r -> r.getOrigin().equals(malformed.toString())).findFirst()
                .orElseThrow();
        assertThat(broken.getReason()).startsWith("malformed feed: ");
        assertThat(StandardCharsets.UTF_8.decode(broken.getFirstBytes()).toString()).startsWith("<?xml");

        Ledger.Totals feed = ledger.totals().get(FeedPoller.SOURCE);
        assertThat(feed.received()).isEqualTo(feed.published() + feed.rejected());
        assertThat(feed).isEqualTo(new Ledger.Totals(6, 4, 2));
    }

    private static void assertArticle(Map<String, Article> articles, String url, String title, String published,
            String body) {
        assertThat(articles).containsKey(url);
        Article article = articles.get(url);
        assertThat(article.getTitle()).as("title of %s", url).isEqualTo(title);
        assertThat(article.getPublished()).as("published of %s", url).isEqualTo(published);
        assertThat(article.getBody()).as("body of %s", url).isEqualTo(body);
    }

    private URI feedUrl(String name) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feeds/" + name);
    }

    /** Serves a feed from the test resources with an ETag and a Last-Modified, and answers 304 when unchanged. */
    private void serveFeed(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = TestFeeds.read(path.substring("/feeds/".length()));
            if (body == null) {
                served.add(new Served(path, 404));
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String etag = "\"" + sha256(body).substring(0, 16) + "\"";
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
            boolean unchanged = ifNoneMatch != null ? ifNoneMatch.equals(etag) : LAST_MODIFIED.equals(ifModifiedSince);
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
            int status = unchanged ? 304 : 200;
            served.add(new Served(path, status));
            if (unchanged) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            String type = path.endsWith(".atom") ? "application/atom+xml" : "application/rss+xml";
            exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <V> List<ConsumerRecord<String, V>> readAll(String topic, Deserializer<V> values) {
        return TopicRecords.readAll(KAFKA.bootstrapServers(), topic, new StringDeserializer(), values);
    }
}
