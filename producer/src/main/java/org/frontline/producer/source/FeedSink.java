package org.frontline.producer.source;

import java.util.concurrent.CompletableFuture;

import org.frontline.producer.ArticleFields;
import org.frontline.producer.ArticlePublisher;
import org.frontline.producer.Outcome;

/** Where feed items go: the publisher in production, a recorder in unit tests. */
interface FeedSink {

    /** Offers one item as an article. */
    CompletableFuture<Outcome> offer(String origin, ArticleFields fields, byte[] raw);

    /** Accounts for an input that is not an article and says why. */
    CompletableFuture<Outcome> reject(String origin, String reason, byte[] raw);

    /** The publisher's way in, under the source name {@value FeedPoller#SOURCE}. */
    static FeedSink of(ArticlePublisher publisher) {
        return new FeedSink() {
            @Override
            public CompletableFuture<Outcome> offer(String origin, ArticleFields fields, byte[] raw) {
                return publisher.offerFields(FeedPoller.SOURCE, origin, fields, raw);
            }

            @Override
            public CompletableFuture<Outcome> reject(String origin, String reason, byte[] raw) {
                return publisher.reject(FeedPoller.SOURCE, origin, reason, raw);
            }
        };
    }
}
