package org.frontline.schemas;

import java.util.List;
import java.util.Properties;

/**
 * The names of Frontline's topics. Defaults are the documented names; each can be configured with
 * a {@code frontline.topic.*} property, and a prefix gives tests and tenants their own set.
 *
 * @param raw        articles as published ({@code articles.raw})
 * @param enriched   articles with what extraction found ({@code articles.enriched})
 * @param deadLetter records that could not be processed ({@code articles.dlq})
 * @param casualties casualty tallies ({@code tallies.casualties}, compacted)
 * @param statements statement tallies per speaker ({@code tallies.statements}, compacted)
 * @param rejected   inputs that were not published, with the reason ({@code articles.rejected})
 */
public record TopicNames(String raw, String enriched, String deadLetter, String casualties, String statements,
                         String rejected) {

    /** The documented names. */
    public static TopicNames defaults() {
        return new TopicNames("articles.raw", "articles.enriched", "articles.dlq",
                "tallies.casualties", "tallies.statements", "articles.rejected");
    }

    /** The documented names, each with {@code prefix} in front. */
    public static TopicNames withPrefix(String prefix) {
        TopicNames d = defaults();
        return new TopicNames(prefix + d.raw, prefix + d.enriched, prefix + d.deadLetter,
                prefix + d.casualties, prefix + d.statements, prefix + d.rejected);
    }

    /**
     * Names from {@code frontline.topic.prefix} and {@code frontline.topic.raw}, {@code .enriched},
     * {@code .dlq}, {@code .casualties}, {@code .statements}, {@code .rejected}; unset ones keep their default.
     */
    public static TopicNames from(Properties props) {
        TopicNames d = withPrefix(props.getProperty("frontline.topic.prefix", ""));
        return new TopicNames(
                props.getProperty("frontline.topic.raw", d.raw),
                props.getProperty("frontline.topic.enriched", d.enriched),
                props.getProperty("frontline.topic.dlq", d.deadLetter),
                props.getProperty("frontline.topic.casualties", d.casualties),
                props.getProperty("frontline.topic.statements", d.statements),
                props.getProperty("frontline.topic.rejected", d.rejected));
    }

    /** Every name, in the order of the data flow. */
    public List<String> all() {
        return List.of(raw, rejected, enriched, deadLetter, casualties, statements);
    }
}
