package org.frontline.launcher.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.Statement;
import org.frontline.schemas.AvroJson;
import org.frontline.schemas.CommittedReader;
import org.frontline.schemas.FrontlineTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;

/**
 * {@code GET /api/stream}: Server-Sent Events with every tally change ({@code tally}) and every newly
 * enriched article ({@code article}) as they are committed. A read_committed consumer of the enriched
 * and tally topics, from their end when the server starts, fans each record out to every client.
 */
public final class LiveUpdates implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveUpdates.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, byte[]> consumer;
    private final FrontlineTopics topics;
    private final Set<SseClient> clients = new CopyOnWriteArraySet<>();
    private volatile boolean running = true;

    public LiveUpdates(Properties clientProps, FrontlineTopics topics) {
        this.consumer = new KafkaConsumer<>(CommittedReader.config(clientProps, "frontline-live"),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.topics = topics;
    }

    /** Registers the event stream. */
    public void register(RoutesConfig routes) {
        routes.sse("/api/stream", client -> {
            client.keepAlive();
            client.onClose(() -> clients.remove(client));
            clients.add(client);
            client.sendComment("connected");
        });
    }

    /** Starts reading on a daemon thread of its own. */
    public LiveUpdates start() {
        List<TopicPartition> partitions = CommittedReader.assignAll(consumer,
                List.of(topics.enriched().name(), topics.casualties().name(), topics.statements().name()));
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        Thread thread = new Thread(this, "frontline-live-updates");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    @Override
    public void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String[] event = event(record);
                    if (event != null) {
                        broadcast(event[0], event[1]);
                    }
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close();
        }
    }

    /** The event name and its JSON data for one record, or null for one that cannot be decoded. */
    private String[] event(ConsumerRecord<String, byte[]> record) {
        try {
            Map<String, Object> data = new LinkedHashMap<>();
            if (record.topic().equals(topics.enriched().name())) {
                EnrichedArticle article = topics.enriched().valueSerde().deserializer()
                        .deserialize(record.topic(), record.value());
                if (article == null) {
                    return null;
                }
                data.put("id", article.getArticle().getId());
                data.put("title", article.getArticle().getTitle());
                data.put("language", article.getLanguage());
                data.put("published", article.getArticle().getPublished());
                data.put("casualties", article.getCasualties().stream().map(AvroJson::toMap).toList());
                data.put("speakers", article.getStatements().stream().map(Statement::getSpeaker).distinct().toList());
                return new String[] {"article", JSON.writeValueAsString(data)};
            }
            boolean casualty = record.topic().equals(topics.casualties().name());
            IndexedRecord value = casualty
                    ? topics.casualties().valueSerde().deserializer().deserialize(record.topic(), record.value())
                    : topics.statements().valueSerde().deserializer().deserialize(record.topic(), record.value());
            data.put("kind", casualty ? "casualty" : "speaker");
            data.put("key", record.key());
            data.put("value", value == null ? null : AvroJson.toMap(value));
            return new String[] {"tally", JSON.writeValueAsString(data)};
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.warn("not streaming undecodable record {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return null;
        }
    }

    private void broadcast(String event, String data) {
        for (SseClient client : clients) {
            if (client.terminated()) {
                clients.remove(client);
            } else {
                try {
                    client.sendEvent(event, data);
                } catch (RuntimeException e) {
                    LOG.debug("dropping an event stream that failed", e);
                    clients.remove(client);
                }
            }
        }
    }

    private static void closeQuietly(SseClient client) {
        try {
            client.close();
        } catch (RuntimeException e) {
            LOG.debug("closing an event stream that had already ended", e);
        }
    }

    /** How many clients are listening. */
    public int clients() {
        return clients.size();
    }

    /** Stops reading and ends every event stream; call it while the HTTP server still runs. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        clients.forEach(LiveUpdates::closeQuietly);
        clients.clear();
    }
}
