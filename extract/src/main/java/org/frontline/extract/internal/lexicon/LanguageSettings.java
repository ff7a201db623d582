package org.frontline.extract.internal.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The settings of one language, from {@code org/frontline/extract/lexicon/<language>/settings.properties}:
 * window sizes of the rules, in tokens, and word lists too short to deserve a file of their own (the
 * clitics the segmenter keeps with their apostrophe). Every key the code reads must be there: a missing
 * one fails when the language loads, naming the language and the key, not with a silent default.
 */
public final class LanguageSettings {

    private static final String ROOT = "/org/frontline/extract/lexicon/";

    private final String language;
    private final Properties values;
    private final Set<String> read = new TreeSet<>();

    private LanguageSettings(String language, Properties values) {
        this.language = language;
        this.values = values;
    }

    /** The settings of {@code language}; none (every read fails) when the language has no settings file. */
    public static LanguageSettings load(String language) {
        Properties values = new Properties();
        String resource = ROOT + language + "/settings.properties";
        try (InputStream in = LanguageSettings.class.getResourceAsStream(resource)) {
            if (in != null) {
                values.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return new LanguageSettings(language, values);
    }

    /** A whole number, such as a window size in tokens. */
    public int integer(String key) {
        String value = value(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("setting " + key + " of language " + language
                    + " is not a whole number: " + value, e);
        }
    }

    /** A text as written, such as a resource path. */
    public String text(String key) {
        return value(key);
    }

    /** A list of words separated by commas; lower case. */
    public Set<String> words(String key) {
        return Arrays.stream(value(key).split(","))
                .map(String::strip)
                .filter(word -> !word.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The keys read so far: what the code needs. */
    public Set<String> read() {
        return Set.copyOf(read);
    }

    /** The keys the file holds. */
    public Set<String> defined() {
        return values.stringPropertyNames();
    }

    private String value(String key) {
        read.add(key);
        String value = values.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("language " + language + " has no setting " + key
                    + " in lexicon/" + language + "/settings.properties");
        }
        return value.strip();
    }
}
