package org.frontline.consumer.db;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.frontline.avro.CasualtyTally;
import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.SpeakerTally;

/**
 * What the consumer read since its last write, applied by {@link ResultsDatabase#apply} in one transaction: the
 * latest record of each article read (a version or a withdrawal), the tallies that changed, and the offsets
 * reached. It holds at most the records of one tally interval (the consumer caps it at 2,000 articles), never
 * the corpus.
 */
public final class ResultsBatch {

    /** A version of an article ({@code article} set) or its withdrawal ({@code article} null). */
    record Change(String id, long version, EnrichedArticle article) {
    }

    final Map<String, Change> articles = new LinkedHashMap<>();
    // A null value deletes the tally.
    final Map<String, CasualtyTally> casualtyTallies = new LinkedHashMap<>();
    final Map<String, SpeakerTally> speakerTallies = new LinkedHashMap<>();
    boolean replaceTallies;
    String topic;
    String topicId;
    final Map<Integer, Long> offsets = new TreeMap<>();

    /** The version of an article at {@code offset} of {@code articles.enriched}; a later one in the batch wins. */
    public void article(long offset, EnrichedArticle article) {
        String id = article.getArticle().getId();
        articles.put(id, new Change(id, offset, article));
    }

    /** The article {@code id} was withdrawn (a tombstone at {@code offset}). */
    public void withdrawn(long offset, String id) {
        articles.put(id, new Change(id, offset, null));
    }

    /** The casualty tally {@code key} is now {@code tally}, or gone when null. */
    public void casualtyTally(String key, CasualtyTally tally) {
        casualtyTallies.put(key, tally);
    }

    /** The statement tally {@code key} is now {@code tally}, or gone when null. */
    public void speakerTally(String key, SpeakerTally tally) {
        speakerTallies.put(key, tally);
    }

    /** The tallies in this batch are every tally there is: rows for any other are deleted. */
    public void replaceTallies() {
        replaceTallies = true;
    }

    /** The next offset to read of each partition of {@code topic}, stored in the same transaction. */
    public void offsets(String topic, String topicId, Map<Integer, Long> next) {
        this.topic = topic;
        this.topicId = topicId;
        offsets.putAll(next);
    }

    /** How many articles' versions and withdrawals it holds. */
    public int articleCount() {
        return articles.size();
    }

    /** Whether applying it would change nothing but the offsets. */
    public boolean changesNoRows() {
        return articles.isEmpty() && casualtyTallies.isEmpty() && speakerTallies.isEmpty() && !replaceTallies;
    }
}
