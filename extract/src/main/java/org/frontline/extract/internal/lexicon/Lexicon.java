package org.frontline.extract.internal.lexicon;

import org.frontline.extract.internal.text.Segmenter;
import org.frontline.extract.internal.text.Token;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Loads the word lists of one language from {@code org/frontline/extract/lexicon/<language>/<name>.txt}
 * and, for lists shared by every language, from {@code org/frontline/extract/lexicon/<name>.txt}.
 * A line holds a phrase, optionally followed by {@code " = value"}; lines starting with {@code #} are
 * comments. A number in a phrase stands for any number ({@code "dal 1"} matches "dal 24").
 */
public final class Lexicon {

    private static final String ROOT = "/org/frontline/extract/lexicon/";

    private final String language;
    private final Segmenter segmenter;
    private final LanguageSettings settings;
    /** The lists asked for that neither the language's folder nor the shared folder holds. */
    private final Set<String> missing = new TreeSet<>();

    public Lexicon(String language, Segmenter segmenter, LanguageSettings settings) {
        this.language = language;
        this.segmenter = segmenter;
        this.settings = settings;
    }

    /** The language's settings: window sizes and short word lists. */
    public LanguageSettings settings() {
        return settings;
    }

    /** The lists the rules asked for that this language lacks (a language must give every one). */
    public Set<String> missing() {
        return Set.copyOf(missing);
    }

    /** A list of phrases of this language. */
    public PhraseMap<Boolean> phrases(String name) {
        return map(name, value -> Boolean.TRUE);
    }

    /** A list of phrases of this language, each with a value. */
    public <V> PhraseMap<V> map(String name, Function<String, V> parser) {
        PhraseMap<V> map = new PhraseMap<>(segmenter.vocabulary());
        boolean shared = load(ROOT + name + ".txt", map, parser);
        boolean own = load(ROOT + language + "/" + name + ".txt", map, parser);
        if (!shared && !own) {
            missing.add(name);
        }
        return map;
    }

    /**
     * One-word phrases given in code rather than read from a file, such as the number words spell-out rules
     * write; like every phrase of a lexicon they give their tokens a bit, so most look-ups end without hashing.
     */
    public <V> PhraseMap<V> wordMap(Map<String, V> values) {
        PhraseMap<V> map = new PhraseMap<>(segmenter.vocabulary());
        for (Map.Entry<String, V> word : values.entrySet()) {
            map.add(new String[] {word.getKey()}, word.getValue());
        }
        return map;
    }

    /** Adds the phrases of one file; false when there is no such file. */
    private <V> boolean load(String resource, PhraseMap<V> map, Function<String, V> parser) {
        InputStream in = Lexicon.class.getResourceAsStream(resource);
        if (in == null) {
            return false;
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.startsWith("#") ? "" : line.strip();
                if (entry.isEmpty()) {
                    continue;
                }
                int equals = entry.lastIndexOf(" = ");
                String phrase = equals >= 0 ? entry.substring(0, equals).strip() : entry;
                String value = equals >= 0 ? entry.substring(equals + 3).strip() : "";
                map.add(words(phrase), parser.apply(value));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + resource, e);
        }
        return true;
    }

    /**
     * The phrase's words as running text is cut. An elided word written alone ("dell'", "un'") is one
     * token, as it is in text where the next word follows it ("dell'Onu"), though the word iterator gives
     * a phrase that ends in an apostrophe a word and a mark.
     */
    private String[] words(String phrase) {
        List<Token> tokens = segmenter.tokenize(phrase);
        List<String> words = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (token.isWord() && next != null && next.is("'") && next.start() == token.end()) {
                words.add(token.norm() + "'");
                i++;
            } else {
                words.add(token.isNumber() ? PhraseMap.ANY_NUMBER : token.norm());
            }
        }
        return words.toArray(new String[0]);
    }
}
