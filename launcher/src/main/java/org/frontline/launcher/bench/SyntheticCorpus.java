package org.frontline.launcher.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.frontline.extract.ArticleFiles;
import org.frontline.extract.ArticleText;
import org.frontline.producer.ArticleFields;

/**
 * A reproducible corpus of distinct, seed-sized articles for the benchmark, made by recombining the
 * paragraphs of an article corpus in the crawler's format (corpus/dev): the same files and seed always
 * give the same articles. Each article takes its paragraphs from articles of one language, ends with a
 * paragraph naming its own number, and has a URL of its own, so every article id is distinct.
 *
 * <p>With {@link Hot} options every article also quotes one fixed speaker and reports one fixed casualty
 * figure, in its language: their tallies then count every article, which tells when a run is complete.
 */
public final class SyntheticCorpus {

    /** About the size of a seed article (title and body, UTF-8). */
    static final int TARGET_BYTES = 2_600;
    /** The speaker every article quotes with {@link Hot#speaker()}. */
    public static final String HOT_SPEAKER = "Oksana Bondarenko";
    /** The casualty figure every article reports with {@link Hot#casualty()}: outcome, victims, party. */
    public static final HotCasualty HOT_CASUALTY = new HotCasualty("killed", "civilians", "UA");

    private static final Pattern LANGUAGE_IN_NAME = Pattern.compile("(?:^|[-_.])([a-z]{2})(?:[-_.])");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final Map<String, Phrases> PHRASES = Map.of(
            "en", new Phrases(
                    "\"We will not leave this city, whatever they send against us,\" said " + HOT_SPEAKER + ".",
                    "At least 417 Ukrainian civilians were killed in Kherson on Sunday, regional officials said.",
                    "Frontline benchmark article %d of series %d."),
            "it", new Phrases(
                    "«Non lasceremo questa città, qualunque cosa ci mandino contro», ha detto " + HOT_SPEAKER + ".",
                    "Almeno 417 civili ucraini sono stati uccisi domenica a Kherson, hanno riferito le autorità "
                            + "regionali.",
                    "Articolo di prova numero %d della serie %d."));

    private final List<Source> sources;
    private final Hot hot;

    /**
     * Which fixed content every article carries.
     *
     * @param speaker  a paragraph quoting {@link #HOT_SPEAKER}
     * @param casualty a paragraph reporting {@link #HOT_CASUALTY}
     */
    public record Hot(boolean speaker, boolean casualty) {
    }

    /**
     * The casualty key every article reports with {@link Hot#casualty()}.
     *
     * @param outcome the outcome, as in the tallies
     * @param victims the victims, as in the tallies
     * @param party   the party, as in the tallies
     */
    public record HotCasualty(String outcome, String victims, String party) {
    }

    /** The paragraphs of one source article, with its language and date. */
    private record Source(String language, String title, String published, List<String> paragraphs) {
    }

    /** The sentences added to articles in one language. */
    private record Phrases(String speaker, String casualty, String numberFormat) {
    }

    /**
     * One generated article.
     *
     * @param number its position in the corpus, from 0
     * @param fields title, body, date and URL, as a source would offer them
     */
    public record Generated(int number, ArticleFields fields) {

        /** The article's size in bytes: title and body in UTF-8. */
        public int bytes() {
            int title = fields.title() == null ? 0 : fields.title().getBytes(StandardCharsets.UTF_8).length;
            return title + fields.body().getBytes(StandardCharsets.UTF_8).length;
        }
    }

    private SyntheticCorpus(List<Source> sources, Hot hot) {
        this.sources = sources;
        this.hot = hot;
    }

    /**
     * Reads the {@code *.txt} articles of {@code directory}; each file's language is the two-letter code in
     * its name ({@code dev-en-01.txt}), and only languages Frontline extracts from are used.
     */
    public static SyntheticCorpus from(Path directory, Hot hot) {
        Map<String, Source> byName = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt")).toList()) {
                String name = file.getFileName().toString();
                Matcher language = LANGUAGE_IN_NAME.matcher(name);
                if (language.find() && PHRASES.containsKey(language.group(1))) {
                    ArticleText text = ArticleFiles.parse(Files.readString(file, StandardCharsets.UTF_8));
                    List<String> paragraphs = Stream.of(PARAGRAPH_BREAK.split(text.body()))
                            .map(String::strip).filter(p -> !p.isEmpty()).toList();
                    byName.put(name, new Source(language.group(1), text.title(), text.published(), paragraphs));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus in " + directory + ": " + e.getMessage(), e);
        }
        if (byName.isEmpty()) {
            throw new IllegalArgumentException("no article files (NAME-en-NN.txt, NAME-it-NN.txt) in " + directory);
        }
        return new SyntheticCorpus(List.copyOf(byName.values()), hot);
    }

    /** Articles {@code 0} to {@code count - 1} of the corpus of {@code seed}. */
    public List<Generated> generate(int count, long seed) {
        List<Generated> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            articles.add(article(i, seed));
        }
        return articles;
    }

    /** Article {@code number} of the corpus of {@code seed}; it does not depend on the other articles. */
    public Generated article(int number, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + number);
        Source lead = sources.get(random.nextInt(sources.size()));
        List<Source> sameLanguage = sources.stream().filter(s -> s.language().equals(lead.language())).toList();
        Phrases phrases = PHRASES.get(lead.language());
        List<String> paragraphs = new ArrayList<>();
        int bytes = lead.title() == null ? 0 : lead.title().length();
        int extra = phrases.numberFormat().length() + (hot.speaker() ? phrases.speaker().length() : 0)
                + (hot.casualty() ? phrases.casualty().length() : 0);
        while (bytes + extra < TARGET_BYTES) {
            Source from = sameLanguage.get(random.nextInt(sameLanguage.size()));
            String paragraph = from.paragraphs().get(random.nextInt(from.paragraphs().size()));
            paragraphs.add(paragraph);
            bytes += paragraph.getBytes(StandardCharsets.UTF_8).length + 2;
        }
        // The fixed paragraphs go among the others, not always at the end.
        if (hot.speaker()) {
            paragraphs.add(random.nextInt(paragraphs.size() + 1), phrases.speaker());
        }
        if (hot.casualty()) {
            paragraphs.add(random.nextInt(paragraphs.size() + 1), phrases.casualty());
        }
        paragraphs.add(String.format(phrases.numberFormat(), number, seed));
        String url = "https://bench.frontline.invalid/" + seed + "/" + number;
        return new Generated(number, new ArticleFields(lead.title(), String.join("\n\n", paragraphs),
                lead.published(), url));
    }
}
