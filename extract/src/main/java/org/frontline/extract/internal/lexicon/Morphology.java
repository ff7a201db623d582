package org.frontline.extract.internal.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * A language's morphology from LanguageTool's dictionaries: every form of a lemma with a word class, so
 * that a lexicon says {@code {uccidere|VER:part.*}} once instead of "ucciso, uccisa, uccisi, uccise". The
 * dictionaries are named by the language's settings ({@code morphology.synthesiser}, a morfologik
 * dictionary from "lemma|tag" to forms, and {@code morphology.tags}, the tag set); they are read when the
 * lexicons load, so matching text costs nothing more. Not thread-safe: used while a language loads.
 */
public final class Morphology {

    private final String language;
    private final DictionaryLookup synthesiser;
    private final List<String> tags;

    private Morphology(String language, DictionaryLookup synthesiser, List<String> tags) {
        this.language = language;
        this.synthesiser = synthesiser;
        this.tags = tags;
    }

    /** The morphology the language's settings name. */
    public static Morphology load(String language, LanguageSettings settings) {
        String dictionary = settings.text("morphology.synthesiser");
        String tagSet = settings.text("morphology.tags");
        URL url = Morphology.class.getResource(dictionary);
        if (url == null) {
            throw new IllegalStateException("language " + language + ": no dictionary " + dictionary);
        }
        try {
            return new Morphology(language, new DictionaryLookup(Dictionary.read(url)), readTags(tagSet));
        } catch (IOException e) {
            throw new UncheckedIOException("language " + language + ": cannot read " + dictionary, e);
        }
    }

    /**
     * Every form of {@code lemma} whose tag matches {@code tagPattern} (a regular expression over the
     * dictionary's tags, such as {@code VBN|VBD} or {@code VER:part.*}), in the dictionary's order.
     *
     * @throws IllegalStateException when there is none: a lexicon names a lemma the dictionary lacks
     */
    public List<String> forms(String lemma, String tagPattern) {
        Pattern pattern = Pattern.compile(tagPattern);
        Set<String> forms = new LinkedHashSet<>();
        for (String tag : tags) {
            if (!pattern.matcher(tag).matches()) {
                continue;
            }
            for (WordData form : synthesiser.lookup(lemma + "|" + tag)) {
                forms.add(form.getStem().toString());
            }
        }
        if (forms.isEmpty()) {
            throw new IllegalStateException("language " + language + ": the dictionary has no form of \""
                    + lemma + "\" tagged " + tagPattern);
        }
        return new ArrayList<>(forms);
    }

    private static List<String> readTags(String resource) {
        InputStream in = Morphology.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("no tag set " + resource);
        }
        List<String> tags = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String tag = line.strip();
                if (!tag.isEmpty() && !tag.startsWith("#")) {
                    tags.add(tag);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return tags;
    }
}
