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
 * bounded sample of the text so that long articles cost no more than short ones. Lingua's cost grows
 * with the sample, so it first reads a short one and keeps its answer when Lingua's own confidence
 * values leave no doubt (the runner-up well below the winner); only otherwise does it read the full
 * sample. Thread-safe.
 */
public final class LanguageIdentifier {

    /** The code for a text whose language cannot be told. */
    public static final String UNDETERMINED = "und";

    /** Characters of the first, cheap reading. */
    private static final int QUICK_SAMPLE = 60;
    /** The runner-up's relative confidence (the winner has 1.0) at or below which the quick reading stands. */
    private static final double CLEAR_RUNNER_UP = 0.8;

    private static final IsoCode639_1[] CANDIDATES = {
        IsoCode639_1.EN, IsoCode639_1.IT, IsoCode639_1.FR, IsoCode639_1.DE, IsoCode639_1.ES,
        IsoCode639_1.PT, IsoCode639_1.RU, IsoCode639_1.UK, IsoCode639_1.PL, IsoCode639_1.NL,
    };

    private final LanguageDetector detector;
    private final int sampleLength;

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
        return code(detector.detectLanguageOf(sample(text, sampleLength)));
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

    /** The first {@code length} characters, cut at a space so no word is broken. */
    private static String sample(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int cut = text.lastIndexOf(' ', length);
        return text.substring(0, cut > 0 ? cut : length);
    }
}
