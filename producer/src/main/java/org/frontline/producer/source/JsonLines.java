package org.frontline.producer.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.frontline.producer.ArticleFields;
import org.frontline.producer.ArticlePublisher;
import org.frontline.producer.Outcome;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Articles as JSON Lines, one object a line with {@code title}, {@code body}, {@code published},
 * {@code url} and {@code source} (the outlet); {@code body} is required. A line that is not a JSON
 * object is rejected with the reason and the line number, and the lines after it go on. Blank lines
 * are skipped.
 */
public final class JsonLines {

    /** The ledger's name for standard input. */
    public static final String STDIN = "stdin";
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {
    }

    /** Offers every line of {@code in} until it ends; returns the outcomes, one per non-blank line. */
    public static List<CompletableFuture<Outcome>> publish(InputStream in, String source, ArticlePublisher publisher) {
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (!line.isBlank()) {
                    outcomes.add(offer(line, source, "line " + number, publisher));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
        return outcomes;
    }

    /** Offers one JSON object given as text. */
    public static CompletableFuture<Outcome> offer(String json, String source, String origin,
                                                   ArticlePublisher publisher) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return publisher.reject(source, origin, "malformed JSON: " + e.getOriginalMessage(), bytes);
        }
        if (node == null || !node.isObject()) {
            return publisher.reject(source, origin, "not a JSON object", bytes);
        }
        return publisher.offerFields(source, origin, fields(node), bytes);
    }

    /** The article fields of a JSON object; absent or non-text fields are null. */
    public static ArticleFields fields(JsonNode node) {
        return new ArticleFields(text(node, "title"), text(node, "body"), text(node, "published"),
                text(node, "url"), text(node, "source"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
