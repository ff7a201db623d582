package org.frontline.extract.internal.lexicon;

import com.ibm.icu.text.RuleBasedNumberFormat;
import org.frontline.extract.internal.text.Segmenter;
import org.frontline.extract.internal.text.Token;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the word lists of one language from {@code org/frontline/extract/lexicon/<language>/<name>.txt}
 * and, for lists shared by every language, from {@code org/frontline/extract/lexicon/<name>.txt}.
 * A line holds a phrase, optionally followed by {@code " = value"}; lines starting with {@code #} are
 * comments. A number in a phrase stands for any number, in digits or in words ({@code "dal 1"} matches "dal 24"
 * and "dal ventiquattro"); a word {@code {lemma}} or {@code {lemma|TAG-REGEX}} for every form of the lemma
 * ({@link Morphology}); in a list of {@link #frames}, {@value #GAP} for where a figure stands.
 */
public final class Lexicon {

    private static final String ROOT = "/org/frontline/extract/lexicon/";
    /** ICU's spell-out rules may put it inside a long number word; running text does not have it. */
    private static final String SOFT_HYPHEN = "\u00AD";
    /** A word that stands for the forms of a lemma: {@code {uccidere}}, {@code {kill|VBN|VBD}}. */
    private static final Pattern LEMMA = Pattern.compile("\\{([^|}]+)(?:\\|([^}]+))?}");
    /** A number in a phrase: any number, written in digits or as a word. */
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+\\b");
    /** The numbers a phrase's number also stands for written as words: the small ones and the round tens. */
    private static final int[] SPELLED = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
        23, 24, 25, 26, 27, 28, 29, 30, 31, 40, 48, 50, 60, 70, 72, 80, 90, 100};
    /** Where a figure stands in a phrase of {@link #frames}. */
    static final String GAP = "…";

    private final String language;
    private final Segmenter segmenter;
    private final LanguageSettings settings;
    /** The lists asked for that neither the language's folder nor the shared folder holds. */
    private final Set<String> missing = new TreeSet<>();
    /** Lists read as phrases, by name: the casualty and statement rules share several, read once. */
    private final Map<String, PhraseMap<Boolean>> phraseLists = new HashMap<>();
    private Morphology morphology;
    private List<String> numberWords;

    public Lexicon(String language, Segmenter segmenter, LanguageSettings settings) {
        this.language = language;
        this.segmenter = segmenter;
        this.settings = settings;
    }

    /** The language's settings: window sizes and short word lists. */
    public LanguageSettings settings() {
        return settings;
    }

    /**
     * What a number in a phrase stands for: itself (any number in digits) and the words ICU's spell-out rules
     * write for {@link #SPELLED} in the language, each cardinal rule set (masculine and feminine) once.
     */
    private List<String> numberWords() {
        if (numberWords == null) {
            Set<String> words = new LinkedHashSet<>();
            words.add("1");
            RuleBasedNumberFormat spellout = new RuleBasedNumberFormat(Locale.forLanguageTag(language),
                    RuleBasedNumberFormat.SPELLOUT);
            for (String ruleSet : spellout.getRuleSetNames()) {
                if (ruleSet.startsWith("%spellout-cardinal")) {
                    for (int n : SPELLED) {
                        words.add(spellout.format(n, ruleSet).replace(SOFT_HYPHEN, ""));
                    }
                }
            }
            numberWords = List.copyOf(words);
        }
        return numberWords;
    }

    /** The language's morphology, read when a list first names a lemma. */
    private Morphology morphology() {
        if (morphology == null) {
            morphology = Morphology.load(language, settings);
        }
        return morphology;
    }

    /** The lists the rules asked for that this language lacks (a language must give every one). */
    public Set<String> missing() {
        return Set.copyOf(missing);
    }

    /** A list of phrases of this language; every caller of one list gets the same map. */
    public PhraseMap<Boolean> phrases(String name) {
        PhraseMap<Boolean> read = phraseLists.get(name);
        if (read == null) {
            read = map(name, value -> Boolean.TRUE);
            phraseLists.put(name, read);
        }
        return read;
    }

    /** A list of phrases of this language, each with a value. */
    public <V> PhraseMap<V> map(String name, Function<String, V> parser) {
        return map(parser, name);
    }

    /** Lists of phrases of this language read as one, each phrase with a value; the first list's entry wins a tie. */
    public <V> PhraseMap<V> map(Function<String, V> parser, String... names) {
        PhraseMap<V> map = new PhraseMap<>(segmenter.vocabulary());
        for (String name : names) {
            for (String[] line : lines(name)) {
                V parsed = parser.apply(line[1]);
                for (String expanded : expand(line[0])) {
                    map.add(words(expanded), parsed);
                }
            }
        }
        return map;
    }

    /**
     * A phrase with a gap ({@value #GAP}) where a figure's number and people stand: "brought … home = captured"
     * reads "brought 303 more soldiers home". The words after the gap, and the line's value.
     *
     * @param <V> the type of the values
     */
    public record Frame<V>(List<String> tail, V value) {
    }

    /**
     * A list of phrases with a gap, by the words before the gap; every line must have one gap. Words on either
     * side may be lemmas, as in any list.
     */
    public <V> PhraseMap<List<Frame<V>>> frames(String name, Function<String, V> parser) {
        Map<List<String>, List<Frame<V>>> byHead = new LinkedHashMap<>();
        for (String[] line : lines(name)) {
            int gap = line[0].indexOf(GAP);
            if (gap <= 0 || line[0].indexOf(GAP, gap + 1) >= 0) {
                throw new IllegalArgumentException("lexicon " + language + "/" + name + ": '" + line[0]
                        + "' needs one " + GAP + " between words");
            }
            V parsed = parser.apply(line[1]);
            for (String head : expand(line[0].substring(0, gap).strip())) {
                for (String tail : expand(line[0].substring(gap + GAP.length()).strip())) {
                    byHead.computeIfAbsent(List.of(words(head)), key -> new ArrayList<>())
                            .add(new Frame<>(List.of(words(tail)), parsed));
                }
            }
        }
        PhraseMap<List<Frame<V>>> map = new PhraseMap<>(segmenter.vocabulary());
        byHead.forEach((head, frames) -> map.add(head.toArray(new String[0]), List.copyOf(frames)));
        return map;
    }

    /** The phrase and value of each line of the shared and the language's file; a missing list is noted. */
    private List<String[]> lines(String name) {
        List<String[]> lines = new ArrayList<>();
        boolean shared = load(ROOT + name + ".txt", lines);
        boolean own = load(ROOT + language + "/" + name + ".txt", lines);
        if (!shared && !own) {
            missing.add(name);
        }
        return lines;
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

    /** Adds the phrase and value of each line of one file; false when there is no such file. */
    private static boolean load(String resource, List<String[]> lines) {
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
                lines.add(new String[] {phrase, value});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + resource, e);
        }
        return true;
    }

    /**
     * The phrases a lexicon line stands for: itself, or, for each word written {@code {lemma}} or
     * {@code {lemma|TAG-REGEX}}, one phrase per form of the lemma (whose tag matches), and for each number, one
     * phrase per {@link #numberWords}: "over the past 1 days" also reads "over the past three days".
     */
    private List<String> expand(String phrase) {
        if (phrase.indexOf('{') < 0 && !NUMBER.matcher(phrase).find()) {
            return List.of(phrase);
        }
        List<String> phrases = List.of("");
        for (String word : phrase.split(" ")) {
            Matcher lemma = LEMMA.matcher(word);
            List<String> alternatives = lemma.matches()
                    ? morphology().forms(lemma.group(1), lemma.group(2) == null ? ".*" : lemma.group(2))
                    : NUMBER.matcher(word).matches() ? numberWords() : List.of(word);
            List<String> longer = new ArrayList<>(phrases.size() * alternatives.size());
            for (String start : phrases) {
                for (String alternative : alternatives) {
                    longer.add(start.isEmpty() ? alternative : start + " " + alternative);
                }
            }
            phrases = longer;
        }
        return phrases;
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
