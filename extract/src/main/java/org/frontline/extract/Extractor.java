package org.frontline.extract;

import org.frontline.extract.internal.LanguagePack;
import org.frontline.extract.internal.language.LanguageIdentifier;
import org.frontline.extract.internal.names.Name;
import org.frontline.extract.internal.text.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Extracts casualty figures, statements and names from an article, following corpus/GUIDELINES.md.
 *
 * <p>Build one with {@link #create()} and share it: it is immutable and thread-safe, and
 * {@link #extract} does no I/O. Figures and statements are extracted for English and Italian; an
 * article in another language gets its language code and empty lists.
 */
public final class Extractor {

    /** Characters of text the language is told from: enough for a paragraph, cheap for a long article. */
    private static final int LANGUAGE_SAMPLE = 160;
    /** The languages listed in {@code org/frontline/extract/lexicon/languages.txt}, each with its folder. */
    public static final List<String> SUPPORTED = List.copyOf(LanguageIdentifier.listedLanguages().keySet());

    private final LanguageIdentifier languages;
    private final Map<String, LanguagePack> packs;

    private Extractor(LanguageIdentifier languages, Map<String, LanguagePack> packs) {
        this.languages = languages;
        this.packs = packs;
    }

    /** Loads the language models and every supported language's lexicons; takes a second or two. */
    public static Extractor create() {
        Map<String, LanguagePack> packs = new HashMap<>();
        for (String language : SUPPORTED) {
            packs.put(language, LanguagePack.load(language));
        }
        return new Extractor(new LanguageIdentifier(LANGUAGE_SAMPLE), Map.copyOf(packs));
    }

    /** What the article says: read from its full text, title included, in the language it is told to be in. */
    public Extraction extract(ArticleText article) {
        // The body tells the language better than a headline made of names and places; a body shorter than a
        // sample (a brief, a feed's summary) is read with its headline, which has more words than it lacks.
        String body = article.body();
        return extract(article, languages.identify(body == null || body.length() < LANGUAGE_SAMPLE
                ? article.fullText() : body));
    }

    /**
     * What the article says, read as {@code language} (an ISO 639-1 code) without identifying it: for a
     * source that states its language, and for each language's example sentences. A language without a
     * lexicon folder gets its code and nothing else.
     */
    public Extraction extract(ArticleText article, String language) {
        String text = article.fullText();
        LanguagePack pack = packs.get(language);
        if (pack == null) {
            return new Extraction(language, List.of(), List.of(), List.of(), List.of(), List.of());
        }
        Document document = pack.segmenter().segment(text);
        int titleParagraphs = article.title() == null || article.title().isBlank() ? 0 : 1;
        List<Name> names = pack.names().find(document);
        return new Extraction(language, pack.casualties().find(document, titleParagraphs, names),
                pack.statements().find(document, names), distinct(names, Name.Kind.PERSON),
                distinct(names, Name.Kind.ORGANISATION), distinct(names, Name.Kind.PLACE));
    }

    private static List<String> distinct(List<Name> names, Name.Kind kind) {
        Set<String> texts = new LinkedHashSet<>();
        for (Name name : names) {
            if (name.kind() == kind) {
                texts.add(name.text());
            }
        }
        return new ArrayList<>(texts);
    }
}
