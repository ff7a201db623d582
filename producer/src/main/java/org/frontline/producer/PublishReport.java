package org.frontline.producer;

import java.util.ArrayList;
import java.util.List;

/** What a publish run did with each input: published, or rejected with a reason. */
public final class PublishReport {

    private final List<Published> published = new ArrayList<>();
    private final List<Rejection> rejected = new ArrayList<>();

    /**
     * One input that was published.
     *
     * @param source    where it came from
     * @param articleId the key it was published under
     */
    public record Published(String source, String articleId) {
    }

    /**
     * One input that was not published.
     *
     * @param source where it came from (a file path, a feed item...)
     * @param reason why, for a person
     */
    public record Rejection(String source, String reason) {
    }

    synchronized void published(String source, String articleId) {
        published.add(new Published(source, articleId));
    }

    synchronized void rejected(String source, String reason) {
        rejected.add(new Rejection(source, reason));
    }

    /** The inputs published, in order. */
    public synchronized List<Published> published() {
        return List.copyOf(published);
    }

    public synchronized List<Rejection> rejections() {
        return List.copyOf(rejected);
    }

    public synchronized int received() {
        return published.size() + rejected.size();
    }

    /** True when every input was published. */
    public synchronized boolean allPublished() {
        return rejected.isEmpty();
    }

    /** One line: how many were received, published and rejected. */
    public synchronized String summary() {
        return "received " + received() + ", published " + published.size() + ", rejected " + rejected.size();
    }
}
