package org.frontline.extract.internal.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import java.util.Locale;

/**
 * Tells the language of a text with Lingua, restricted to a moderate set of languages and run on a
 * bounded sample of the text so that long articles cost no more than short ones. Thread-safe.
 */
public final class LanguageIdentifier {

    /** The code for a text whose language cannot be told. */
    public static final String UNDETERMINED = "und";

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
        Language language = detector.detectLanguageOf(sample(text));
        return language == Language.UNKNOWN ? UNDETERMINED : language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    /** The first {@code sampleLength} characters, cut at a space so no word is broken. */
    private String sample(String text) {
        if (text.length() <= sampleLength) {
            return text;
        }
        int cut = text.lastIndexOf(' ', sampleLength);
        return text.substring(0, cut > 0 ? cut : sampleLength);
    }
}
