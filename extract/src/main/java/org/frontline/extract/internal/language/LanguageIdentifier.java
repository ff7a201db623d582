package org.frontline.extract.internal.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import java.util.Iterator;
import java.util.Locale;
import java.util.SortedMap;

/**
 * Tells the language of a text with Lingua, restricted to a moderate set of languages and run on a
 * short sample so that long articles cost no more than short ones. Lingua's cost grows with the sample,
 * so the sample is made of what tells a language best per character: the words written in lower case
 * ("were killed in", "sono stati uccisi nel"), leaving out names, datelines, numbers and punctuation,
 * which are much the same in every language and mislead Lingua on short samples ("Two civilians were
 * killed in Dnipro." read as a whole is German to it). When Lingua's own confidence values leave doubt,
 * a longer sample is read. Text with too few lower-case words (a script without case, a headline in
 * capitals) is sampled as written. Thread-safe.
 */
public final class LanguageIdentifier {

    /** The code for a text whose language cannot be told. */
    public static final String UNDETERMINED = "und";

    /** Characters of lower-case words in the first reading. */
    private static final int QUICK_SAMPLE = 48;
    /** Fewer characters of lower-case words than this, and the text is sampled as written. */
    private static final int MIN_WORDS_SAMPLE = 16;
    /** The runner-up's relative confidence (the winner has 1.0) above which a longer sample is read. */
    private static final double CLEAR_RUNNER_UP = 0.95;

    private static final IsoCode639_1[] CANDIDATES = {
        IsoCode639_1.EN, IsoCode639_1.IT, IsoCode639_1.FR, IsoCode639_1.DE, IsoCode639_1.ES,
        IsoCode639_1.PT, IsoCode639_1.RU, IsoCode639_1.UK, IsoCode639_1.PL, IsoCode639_1.NL,
    };

    private final LanguageDetector detector;
    private final int sampleLength;

    /** @param sampleLength characters read when the first, short reading leaves doubt */
    public LanguageIdentifier(int sampleLength) {
        this.sampleLength = sampleLength;
        this.detector = LanguageDetectorBuilder.fromIsoCodes639_1(CANDIDATES)
                .withLowAccuracyMode()
                .withPreloadedLanguageModels()
                .build();
    }

    /** ISO 639-1 code of the text's language, or {@link #UNDETERMINED}. */
    public String identify(String text) {
        String quick = sample(text, Math.min(QUICK_SAMPLE, sampleLength));
        SortedMap<Language, Double> confidence = detector.computeLanguageConfidenceValues(quick);
        if (isClear(confidence)) {
            return code(confidence.firstKey());
        }
        String full = sample(text, sampleLength);
        return full.length() > quick.length() ? code(detector.detectLanguageOf(full))
                : confidence.isEmpty() ? UNDETERMINED : code(confidence.firstKey());
    }

    private static boolean isClear(SortedMap<Language, Double> confidence) {
        Iterator<Double> values = confidence.values().iterator();
        if (!values.hasNext()) {
            return false;
        }
        values.next();
        return !values.hasNext() || values.next() <= CLEAR_RUNNER_UP;
    }

    private static String code(Language language) {
        return language == Language.UNKNOWN ? UNDETERMINED
                : language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
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
