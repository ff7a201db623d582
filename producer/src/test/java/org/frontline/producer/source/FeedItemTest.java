package org.frontline.producer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import org.frontline.producer.ArticleFields;
import org.junit.jupiter.api.Test;

class FeedItemTest {

    private static final URI FEED = URI.create("https://wire.example.org/feeds/rss.xml");

    @Test
    void datesAreTheUtcDay() {
        assertThat(FeedItem.date(Date.from(Instant.parse("2024-03-11T23:59:59Z")))).isEqualTo("2024-03-11");
        assertThat(FeedItem.date(Date.from(Instant.parse("2024-03-12T00:00:00Z")))).isEqualTo("2024-03-12");
        assertThat(FeedItem.date(null)).isNull();
        assertThat(FeedItem.date(Date.from(Instant.parse("+10000-01-01T00:00:00Z")))).isNull();
    }

    @Test
    void rss2ItemTakesTitleLinkUtcDateAndTextOfItsDescription() throws Exception {
        List<FeedItem> items = items("rss2.xml");

        FeedItem kherson = items.get(0);
        assertThat(kherson.fields()).isEqualTo(new ArticleFields("Shelling kills two in Kherson",
                "Two civilians were killed in Kherson on Monday.\n\nThe governor said three more were wounded.",
                "2024-03-11", "https://wire.example.org/2024/03/kherson-shelling"));
        assertThat(kherson.key()).isEqualTo("wire-1001");
        assertThat(kherson.origin()).isEqualTo("https://wire.example.org/2024/03/kherson-shelling");
        assertThat(new String(kherson.raw(), StandardCharsets.UTF_8)).isEqualTo("Shelling kills two in Kherson\n"
                + "https://wire.example.org/2024/03/kherson-shelling\n\n" + kherson.fields().body());
    }

    @Test
    void fullContentWinsOverTheDescriptionAndRelativeLinksAreResolved() throws Exception {
        FeedItem odessa = items("rss2.xml").get(1);

        assertThat(odessa.fields().body())
                .isEqualTo("Un attacco con droni ha colpito Odessa.\n\n"
                        + "Secondo il sindaco, quattro persone sono rimaste ferite.");
        assertThat(odessa.fields().url()).isEqualTo("https://wire.example.org/2024/03/odessa-droni");
        assertThat(odessa.fields().published()).isEqualTo("2024-03-13");
    }

    @Test
    void atomEntriesUseContentElseSummaryAndPublishedElseUpdated() throws Exception {
        List<FeedItem> items = items("atom.xml");

        assertThat(items).extracting(i -> i.fields().title())
                .containsExactly("Evacuation from Avdiivka continues", "Casualty figures revised", "Xhtml content");
        assertThat(items).extracting(i -> i.fields().published())
                .containsExactly("2024-03-15", "2024-03-14", "2024-03-15");
        assertThat(items).extracting(i -> i.fields().body()).containsExactly(
                "Evacuation\n\nForty people left on Thursday.\n\nFive remain.",
                "Officials said fewer than <10 were killed,\nnot 12.",
                "First paragraph.\n\nSecond\nline.");
        assertThat(items.get(0).key()).isEqualTo("urn:uuid:0b6b2a66-6a0e-4c38-b8a4-4ff3a1d3e7a1");
        assertThat(items.get(0).fields().url()).isEqualTo("https://wire.example.org/2024/03/avdiivka-evacuation");
    }

    @Test
    void rss1AndRss091AreReadToo() throws Exception {
        FeedItem bridge = items("rss1.rdf").get(0);
        assertThat(bridge.fields()).isEqualTo(new ArticleFields("Bridge near Zaporizhzhia damaged",
                "A bridge was damaged; no one was hurt.", "2024-02-20", "https://wire.example.org/2024/02/bridge"));

        FeedItem citta = items("rss091.xml").get(0);
        assertThat(citta.fields().title()).isEqualTo("Città evacuata");
        assertThat(citta.fields().body()).isEqualTo("Gli abitanti della città hanno lasciato le case.");
        assertThat(citta.fields().published()).isNull();
    }

    @Test
    void keyIsTheGuidElseTheLinkElseADigestOfTheText() throws Exception {
        List<FeedItem> items = items("duplicates.xml");

        assertThat(items.get(0).key()).isEqualTo("https://wire.example.org/2024/04/talks")
                .isEqualTo(items.get(1).key());
        assertThat(items.get(2).key()).isEqualTo("https://wire.example.org/2024/04/no-guid");
        assertThat(items.get(3).key()).startsWith("sha256:").isEqualTo(items("duplicates.xml").get(3).key());
        assertThat(items.get(3).origin()).isEqualTo(FEED + "#item-4");
        assertThat(items.get(3).fields().url()).isNull();
    }

    @Test
    void anItemWithoutTextHasAnEmptyBody() {
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle("Photo gallery");
        entry.setLink("https://wire.example.org/gallery");

        FeedItem item = FeedItem.of(entry, FEED, 0);

        assertThat(item.fields().body()).isEmpty();
        assertThat(item.fields().published()).isNull();
        assertThat(item.key()).isEqualTo("https://wire.example.org/gallery");
    }

    static List<FeedItem> items(String resource) throws IOException, FeedException {
        try (InputStream in = FeedItemTest.class.getResourceAsStream("/feeds/" + resource)) {
            List<SyndEntry> entries = new SyndFeedInput().build(new XmlReader(in, true)).getEntries();
            return IntStream.range(0, entries.size())
                    .mapToObj(i -> FeedItem.of(entries.get(i), FEED, i)).toList();
        }
    }
}
