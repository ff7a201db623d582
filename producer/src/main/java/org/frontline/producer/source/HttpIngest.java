package org.frontline.producer.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.frontline.producer.ArticlePublisher;
import org.frontline.producer.Outcome;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * {@code POST /articles}: an article as JSON ({@code title}, {@code body}, {@code published},
 * {@code url}, {@code source}) or as {@code text/plain} in the crawler's format. Answers 202 with
 * the article id once Kafka has it; 400 with the reason for bad input; 413 over the size limit;
 * 415 for another content type. Every request is accounted for under the source {@code http}.
 */
public final class HttpIngest {

    /** The ledger's name for this source. */
    public static final String SOURCE = "http";

    private HttpIngest() {
    }

    /** Registers {@code POST /articles}, and {@code GET /api/ingest}: the ledger of every source. */
    public static void register(RoutesConfig routes, ArticlePublisher publisher, int maxBytes) {
        routes.post("/articles", ctx -> ctx.future(() -> accept(ctx, publisher, maxBytes)));
        routes.get("/api/ingest", ctx -> ctx.json(publisher.ledger().totals()));
    }

    private static CompletableFuture<?> accept(Context ctx, ArticlePublisher publisher, int maxBytes) {
        String origin = "POST /articles from " + ctx.ip();
        byte[] body;
        try {
            body = readAtMost(ctx, maxBytes + 1);
        } catch (IOException e) {
            return publisher.reject(SOURCE, origin, "cannot read the request: " + e.getMessage(), new byte[0])
                    .thenAccept(outcome -> answer(ctx, outcome));
        }
        if (body.length > maxBytes || ctx.contentLength() > maxBytes) {
            return publisher.reject(SOURCE, origin, "larger than the limit of " + maxBytes + " bytes", body)
                    .thenAccept(outcome -> {
                        ctx.status(HttpStatus.CONTENT_TOO_LARGE);
                        ctx.json(Map.of("error", ((Outcome.Rejected) outcome).reason()));
                    });
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        CompletableFuture<Outcome> outcome;
        if (type.startsWith("application/json")) {
            outcome = JsonLines.offer(new String(body, StandardCharsets.UTF_8), SOURCE, origin, publisher);
        } else if (type.startsWith("text/plain")) {
            outcome = publisher.offerText(SOURCE, origin, null, body);
        } else {
            return publisher.reject(SOURCE, origin, "unsupported content type: " + (type.isEmpty() ? "none" : type)
                            + " (send application/json or text/plain)", body)
                    .thenAccept(rejected -> {
                        ctx.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
                        ctx.json(Map.of("error", ((Outcome.Rejected) rejected).reason()));
                    });
        }
        return outcome.thenAccept(done -> answer(ctx, done));
    }

    private static void answer(Context ctx, Outcome outcome) {
        if (outcome instanceof Outcome.Published published) {
            ctx.status(HttpStatus.ACCEPTED);
            ctx.json(Map.of("id", published.articleId()));
        } else {
            ctx.status(HttpStatus.BAD_REQUEST);
            ctx.json(Map.of("error", ((Outcome.Rejected) outcome).reason()));
        }
    }

    private static byte[] readAtMost(Context ctx, int limit) throws IOException {
        try (InputStream in = ctx.bodyInputStream()) {
            return in.readNBytes(limit);
        }
    }
}
