/**
 * The ways articles arrive besides {@code publish FILE...}: a watched directory, {@code POST /articles},
 * JSON Lines on standard input, and RSS or Atom feeds.
 *
 * <p>Each source offers its inputs through the {@link org.frontline.producer.ArticlePublisher}'s single way
 * in, under its own source name, so every input is published or rejected with a reason and accounted for
 * in the ledger. {@link org.frontline.producer.source.FeedPoller} is the one that fetches its inputs itself.
 */
package org.frontline.producer.source;
