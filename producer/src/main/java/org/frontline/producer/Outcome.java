package org.frontline.producer;

/** What became of one input: published under an article id, or rejected with a reason. */
public sealed interface Outcome {

    /** The source that received the input: file, watch, stdin, http, feed. */
    String source();

    /** Where within the source: a path, a line, a URL. */
    String origin();

    /** Published to the articles topic. */
    record Published(String source, String origin, String articleId) implements Outcome {
    }

    /** Not published; the reason is on the rejections topic too. */
    record Rejected(String source, String origin, String reason) implements Outcome {
    }
}
