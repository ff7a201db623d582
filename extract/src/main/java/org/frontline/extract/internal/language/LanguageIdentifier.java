package org.frontline.extract.internal.language;

import opennlp.tools.langdetect.LanguageDetectorContextGenerator;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * Tells the language of a text with Apache OpenNLP's language detector (its 103-language model), read on a
 * short sample so that long articles cost no more than short ones.
 *
 * <p>The sample is made of what tells a language best per character: the words written in lower case
 * ("were killed in", "sono stati uccisi nel"), leaving out names, datelines, numbers and punctuation, which
 * are much the same in every language and mislead a detector on short samples. Text with too few
 * lower-case words (a script without case, a headline in capitals) is sampled as written.
 *
 * <p>On a few dozen characters the model's first choice among all its languages is often a small relative
 * ("occupiers launched missiles at the" reads as Latin), so for text in the Latin and Cyrillic scripts the
 * answer is the most likely of {@link #CANDIDATES}, the languages news feeds in those scripts carry. When
 * the runner-up among them is close, a longer sample is read. Text mostly in another script (Arabic,
 * Hebrew, Chinese...) is outside those confusions and gets the model's own first choice, so an article in
 * Arabic is reported as {@code ar}.
 *
 * <p>The model is asked directly, as {@code LanguageDetectorME} does (the sample's character n-grams, then the
 * maximum-entropy model's probabilities), without ranking all 103 languages: only the candidates are wanted, and
 * ranking them all was a sixth of the detector's time. The n-grams are counted as numbers
 * ({@link CandidateWeights}), not made as strings. Thread-safe: a detection keeps no state between calls.
 */
public final class LanguageIdentifier {

    /** The code for a text whose language cannot be told. */
    public static final String UNDETERMINED = "und";

    /** Characters of lower-case words in the first reading. */
    private static final int QUICK_SAMPLE = 32;
    /** Fewer characters of lower-case words than this, and the text is sampled as written. */
    private static final int MIN_WORDS_SAMPLE = 16;
    /** The runner-up's probability relative to the winner's above which a longer sample is read. */
    private static final double CLEAR_RUNNER_UP = 0.8;

    /** The model's ISO 639-3 codes of the languages told apart in the Latin and Cyrillic scripts. */
    private static final Map<String, String> CANDIDATES = Map.of(
            "eng", "en", "ita", "it", "fra", "fr", "deu", "de", "spa", "es",
            "por", "pt", "rus", "ru", "ukr", "uk", "pol", "pl", "nld", "nl");

    /** The languages the extractor reads (languages.txt), ISO 639-1 code to ISO 639-3 code, in order. */
    public static Map<String, String> listedLanguages() {
        return LISTED_LANGUAGES;
    }

    private static Map<String, String> readListedLanguages() {
        String resource = "/org/frontline/extract/lexicon/languages.txt";
        InputStream in = LanguageIdentifier.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("no " + resource);
        }
        Map<String, String> languages = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    String[] codes = entry.split("\\s*=\\s*");
                    languages.put(codes[0], codes[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return Collections.unmodifiableMap(languages);
    }

    private static final Map<String, String> LISTED_LANGUAGES = readListedLanguages();
    /** The candidate languages by ISO 639-3 code: the usual ones of news feeds, and every listed language. */
    private static final Map<String, String> CANDIDATE_CODES = withListed(CANDIDATES);

    private static Map<String, String> withListed(Map<String, String> usual) {
        Map<String, String> all = new HashMap<>(usual);
        LISTED_LANGUAGES.forEach((twoLetter, threeLetter) -> all.put(threeLetter, twoLetter));
        return Map.copyOf(all);
    }

    /** ISO 639-1 codes by the ISO 639-3 code Java knows them by. */
    private static final Map<String, String> TWO_LETTER_CODES = twoLetterCodes();

    private static final String MODEL = "/langdetect-183.bin";

    private final MaxentModel model;
    private final LanguageDetectorContextGenerator ngrams;
    /** The model's outcome index of each candidate language. */
    private final int[] candidates;
    /** The model's weights of the candidate languages, by character n-gram. */
    private final CandidateWeights candidateWeights;
    private final int sampleLength;

    /** @param sampleLength characters read when the first, short reading leaves doubt */
    public LanguageIdentifier(int sampleLength) {
        this.sampleLength = sampleLength;
        LanguageDetectorModel detector = loadModel();
        this.model = detector.getMaxentModel();
        this.ngrams = detector.getFactory().getContextGenerator();
        this.candidates = CANDIDATE_CODES.keySet().stream().mapToInt(model::getIndex).filter(index -> index >= 0)
                .sorted().toArray();
        int[] candidateOf = new int[model.getNumOutcomes()];
        Arrays.fill(candidateOf, -1);
        for (int c = 0; c < candidates.length; c++) {
            candidateOf[candidates[c]] = c;
        }
        this.candidateWeights = new CandidateWeights(featureWeights(model), candidateOf, candidates.length);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Context> featureWeights(MaxentModel model) {
        if (!(model instanceof AbstractModel maxent) || !(maxent.getDataStructures()[1] instanceof Map<?, ?> map)) {
            throw new IllegalStateException("OpenNLP's language model is not a maximum-entropy model: " + model);
        }
        return (Map<String, Context>) map;
    }

    /** ISO 639-1 code of the text's language (ISO 639-3 where it has none), or {@link #UNDETERMINED}. */
    public String identify(String text) {
        String quick = sample(text, Math.min(QUICK_SAMPLE, sampleLength));
        if (quick.codePoints().noneMatch(Character::isLetter)) {
            return UNDETERMINED;
        }
        Reading reading = read(quick);
        // A clear answer is trusted unless it is a language the extractor cannot read: then a misreading (a
        // heading such as "LEGGI ANCHE: … la guerra dimenticata di" read as Spanish) would lose the whole
        // article, so the longer sample decides.
        if (reading.isClear() && LISTED_LANGUAGES.containsKey(reading.code())) {
            return reading.code();
        }
        String full = sample(text, sampleLength);
        return full.length() > quick.length() ? read(full).code() : reading.code();
    }

    private Reading read(String sample) {
        if (!isInCandidateScripts(sample)) {
            CharSequence[] context = ngrams.getContext(sample);
            String[] features = new String[context.length];
            for (int i = 0; i < context.length; i++) {
                features[i] = context[i].toString();
            }
            return new Reading(model.getBestOutcome(model.eval(features)), 0);
        }
        // Each candidate's sum of weights, as the model sums them for every language before its exponentials.
        double[] sums = new double[candidates.length];
        candidateWeights.addTo(sample, sums);
        int best = 0;
        for (int c = 1; c < candidates.length; c++) {
            if (sums[c] > sums[best]) {
                best = c;
            }
        }
        // Probabilities relative to the best one's: exp(sum - best sum), the model's ratio.
        double runnerUp = 0;
        for (int c = 0; c < candidates.length; c++) {
            if (c != best) {
                runnerUp = Math.max(runnerUp, Math.exp(sums[c] - sums[best]));
            }
        }
        return new Reading(model.getOutcome(candidates[best]), runnerUp);
    }

    /** The model's best language for a sample, and its runner-up's probability relative to the best one's. */
    private record Reading(String language, double runnerUp) {

        boolean isClear() {
            return runnerUp <= CLEAR_RUNNER_UP;
        }

        String code() {
            String candidate = CANDIDATE_CODES.get(language);
            return candidate != null ? candidate : TWO_LETTER_CODES.getOrDefault(language, language);
        }
    }

    /** True unless most letters are in a script none of the candidate languages is written in. */
    private static boolean isInCandidateScripts(String sample) {
        int inScripts = 0;
        int letters = 0;
        for (int i = 0; i < sample.length(); ) {
            int c = sample.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetter(c)) {
                letters++;
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.CYRILLIC) {
                    inScripts++;
                }
            }
        }
        return inScripts * 2 >= letters;
    }

    private static LanguageDetectorModel loadModel() {
        try (InputStream in = LanguageIdentifier.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new MissingResourceException("OpenNLP's language model " + MODEL
                        + " is not on the classpath (org.apache.opennlp:opennlp-models-langdetect)",
                        LanguageIdentifier.class.getName(), MODEL);
            }
            return new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OpenNLP's language model " + MODEL, e);
        }
    }

    /**
     * The two-letter code of each three-letter one Java knows, and of the model's individual languages whose
     * two-letter code belongs to their macrolanguage (Mandarin is {@code zh}, Iranian Persian {@code fa}).
     */
    private static Map<String, String> twoLetterCodes() {
        Map<String, String> codes = new HashMap<>();
        for (String code : Locale.getISOLanguages()) {
            Locale language = Locale.forLanguageTag(code);
            // The tag is the current code where Java's list still has a withdrawn one ("iw" for Hebrew).
            codes.put(language.getISO3Language(), language.toLanguageTag());
        }
        codes.putAll(Map.of("cmn", "zh", "pes", "fa", "lvs", "lv", "ekk", "et"));
        return Map.copyOf(codes);
    }

    /** About {@code length} characters of the text's lower-case words, else of the text as written. */
    static String sample(String text, int length) {
        String words = lowerCaseWords(text, length);
        return words.length() >= Math.min(MIN_WORDS_SAMPLE, length) ? words : prefix(text, length);
    }

    /** The words that start with a lower-case letter, in order, joined by spaces, until {@code length} is reached. */
    private static String lowerCaseWords(String text, int length) {
        StringBuilder sample = new StringBuilder(length + 16);
        int i = 0;
        int n = text.length();
        while (i < n && sample.length() < length) {
            while (i < n && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && isWordChar(text.charAt(i))) {
                i++;
            }
            if (start < i && Character.isLowerCase(text.charAt(start))) {
                if (sample.length() > 0) {
                    sample.append(' ');
                }
                sample.append(text, start, i);
            }
        }
        return sample.toString();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetter(c) || c == '\'' || c == '\u2019'
                || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** The first {@code length} characters, cut at a space so no word is broken. */
    private static String prefix(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int cut = text.lastIndexOf(' ', length);
        return text.substring(0, cut > 0 ? cut : length);
    }
}
