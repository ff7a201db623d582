package org.frontline.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One key per person across articles, whatever spelling each article uses: the key is for grouping
 * (tallies of statements by speaker), never for display.
 *
 * <p>The key folds what differs between spellings of one name and keeps what tells people apart:
 * <ol>
 *   <li>accents and case: NFKD, combining marks dropped, lower case ("Dmítry", "DMITRY" are "dmitry");</li>
 *   <li>punctuation: words are runs of letters and digits; apostrophes join ("O'Brien" is "obrien"),
 *       hyphens and other marks separate ("Jean-Pierre" is "jean pierre");</li>
 *   <li>romanisations of Cyrillic, which write one sound several ways:
 *     <ul>
 *       <li>{@code y} and {@code i} are one letter and a doubled one is single: Dmitry, Dmitri, Dmitriy, Dmitrii;
 *           Zelensky, Zelenskyy, Zelenskiy; Yulia, Iuliia; Kyrylenko, Kirilenko;</li>
 *       <li>a final {@code j} is that letter too: Sergej, Sergei, Sergey;</li>
 *       <li>{@code x} is {@code ks}: Alexei, Aleksei;</li>
 *       <li>an initial {@code ye} (or {@code ie}) is {@code e}: Yevgeny, Evgeny;</li>
 *       <li>a final {@code -off} is {@code -ov}: Smirnoff, Smirnov.</li>
 *     </ul>
 *   </li>
 * </ol>
 * Every word of the name stays in the key, in order, so people who share a surname stay apart ("Boris
 * Johnson", "Mike Johnson"). Deliberately not folded: {@code kh}/{@code h} and {@code w}/{@code v}, which
 * would also merge unrelated English and Arabic names, and forms of one first name in two languages
 * (Volodymyr, Vladimir), which are different spellings of different words.
 */
public final class SpeakerNames {

    private SpeakerNames() {
    }

    /** The grouping key of a speaker's name; the empty string for a name with no letters or digits. */
    public static String canonicalKey(String speaker) {
        List<String> words = new ArrayList<>();
        for (String word : words(speaker)) {
            words.add(romanisation(word));
        }
        return String.join(" ", words);
    }

    /** Whether two names are spellings of one name. */
    public static boolean sameName(String a, String b) {
        return canonicalKey(a).equals(canonicalKey(b));
    }

    /** The name's words, folded: accents and case gone, apostrophes joined, other marks separating. */
    static List<String> words(String name) {
        String decomposed = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || isApostrophe(cp)) {
                continue;
            }
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
            } else if (word.length() > 0) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019' || cp == '\u02bc' || cp == '`';
    }

    /** The romanisation rules of the class comment, applied to one folded word. */
    static String romanisation(String word) {
        String w = word.replace("x", "ks");
        if (w.endsWith("off") && w.length() > "off".length()) {
            w = w.substring(0, w.length() - "ff".length()) + "v";
        }
        if (w.endsWith("j") && w.length() > 1) {
            w = w.substring(0, w.length() - 1) + "i";
        }
        w = w.replace('y', 'i');
        while (w.contains("ii")) {
            w = w.replace("ii", "i");
        }
        if (w.startsWith("ie") && w.length() > "ie".length()) {
            w = w.substring(1);
        }
        return w;
    }
}
