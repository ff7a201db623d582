package org.frontline.extract.internal.speakers;

import org.frontline.extract.SpeakerNames;
import org.frontline.extract.internal.names.Name;

/**
 * The keys that match names within an article, remembered across articles as the same people and bodies
 * recur: the canonical key of a name's last word, so "Zelenskyy" finds "Volodymyr Zelensky", and a name's
 * folded form, so "Ministero della Difesa" is found in "il ministero della difesa russo". Thread-safe.
 */
final class NameKeys {

    /** How many names' canonical keys and folded forms are remembered across articles. */
    private static final int NAMES_REMEMBERED = 4096;

    /** Canonical keys of the last words of names, and folded forms of names, as articles repeat them. */
    private final RecurringNames lastWordKeys =
            new RecurringNames(name -> SpeakerNames.canonicalKey(lastWord(name)), NAMES_REMEMBERED);
    private final RecurringNames foldedNames = new RecurringNames(TextKeys::fold, NAMES_REMEMBERED);

    /** The canonical key of the name's last word ("Zelenskyy" of "Volodymyr Zelenskyy"). */
    String lastWordKey(String name) {
        return lastWordKeys.get(name);
    }

    /** The name as {@link TextKeys#fold} gives it. */
    String folded(String text) {
        return foldedNames.get(text);
    }

    /** The word after a name's last space, as {@link Name#lastWord} gives it. */
    private static String lastWord(String name) {
        return name.substring(name.lastIndexOf(' ') + 1);
    }
}
