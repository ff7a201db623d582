package org.frontline.extract.internal.numbers;

import com.ibm.icu.text.DecimalFormatSymbols;
import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import org.frontline.extract.internal.lexicon.Lexicon;
import org.frontline.extract.internal.lexicon.PhraseMap;
import org.frontline.extract.internal.text.Token;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads numbers written in digits with the language's separators ("6,655", "120.160", "1,5 milioni"),
 * in words ("twenty-two", "ventidue", "trentunomila") and as lexicon phrases ("a dozen", "una dozzina").
 *
 * <p>Number words come from ICU's spell-out rules: every cardinal the rules write for 0 to 999 999
 * is indexed once when the reader is built, so reading is a table look-up and the reader is thread-safe.
 */
public final class NumberReader {

    private static final int LARGEST_SPELLED = 999;
    private static final int MAX_WORDS = 4;
    private static final char SOFT_HYPHEN = '\u00ad';

    /** Spelled cardinals by their words joined with single spaces: "twenty two", "ventidue". */
    private final Map<String, Long> spelled = new HashMap<>();
    /** What one word reads as on its own: a spelled cardinal, else one glued to a multiplier ("trentamilioni"). */
    private final PhraseMap<Long> wordValues;
    private final char grouping;
    private final char decimal;
    private final PhraseMap<Long> phrases;
    private final PhraseMap<Long> multipliers;
    private final PhraseMap<Boolean> singular;
    private final String[] suffixes;
    private final long[] suffixValues;

    public NumberReader(String language, Lexicon lexicon) {
        ULocale locale = new ULocale(language);
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        this.grouping = symbols.getGroupingSeparator();
        this.decimal = symbols.getDecimalSeparator();
        this.phrases = lexicon.map("numbers", Long::parseLong);
        this.multipliers = lexicon.map("multipliers", Long::parseLong);
        this.singular = lexicon.phrases("singular");
        Map<String, Long> multiplierWords = multipliers.singleWords();
        this.suffixes = new String[multiplierWords.size()];
        this.suffixValues = new long[multiplierWords.size()];
        int m = 0;
        for (Map.Entry<String, Long> multiplier : multiplierWords.entrySet()) {
            suffixes[m] = multiplier.getKey();
            suffixValues[m++] = multiplier.getValue();
        }
        RuleBasedNumberFormat spellout = new RuleBasedNumberFormat(locale, RuleBasedNumberFormat.SPELLOUT);
        for (String ruleSet : spellout.getRuleSetNames()) {
            boolean cardinal = ruleSet.startsWith("%spellout-cardinal")
                    || ruleSet.startsWith("%spellout-numbering") && !ruleSet.endsWith("year");
            if (cardinal) {
                for (long n = 0; n <= LARGEST_SPELLED; n++) {
                    index(spellout.format(n, ruleSet), n);
                    index(spellout.format(n * 1000, ruleSet), n * 1000);
                }
            }
        }
        this.wordValues = lexicon.wordMap(oneWordValues());
    }

    private void index(String words, long value) {
        String key = words.replace(String.valueOf(SOFT_HYPHEN), "").replace('-', ' ').toLowerCase(Locale.ROOT);
        spelled.putIfAbsent(key, value);
    }

    /**
     * What each word reads as on its own, so that reading a word is one look-up instead of one per
     * multiplier suffix. A spelled cardinal wins over a glued reading, and the first suffix in
     * {@link #suffixes} over the later ones, as when the suffixes were tried one by one on the word.
     */
    private Map<String, Long> oneWordValues() {
        Map<String, Long> values = new HashMap<>(spelled);
        for (int m = 0; m < suffixes.length; m++) {
            for (Map.Entry<String, Long> head : spelled.entrySet()) {
                if (!head.getKey().isEmpty()) {
                    values.putIfAbsent(head.getKey() + suffixes[m], head.getValue() * suffixValues[m]);
                }
            }
        }
        return values;
    }

    /**
     * The number that starts at token {@code i}, or null. Most tokens are no number, phrase of one or number
     * word, which their lexicon bits tell in a test small enough for callers to inline.
     */
    public NumberMatch read(List<Token> tokens, int i) {
        Token token = tokens.get(i);
        boolean mayStart = token.isNumber() || phrases.mayStartAt(token) || singular.mayStartAt(token)
                || wordValues.mayStartAt(token);
        return mayStart ? readAt(tokens, i) : null;
    }

    private NumberMatch readAt(List<Token> tokens, int i) {
        PhraseMap.Match<Long> phrase = phrases.at(tokens, i);
        if (phrase != null) {
            return new NumberMatch(phrase.value(), i, phrase.end(), false);
        }
        Token token = tokens.get(i);
        if (token.isNumber()) {
            BigDecimal value = digits(token.text());
            return value == null ? null : scaled(value, tokens, i + 1, i, false);
        }
        if (!token.isWord()) {
            return null;
        }
        if (singular.contains(token)) {
            // "a million", "un milione": the word for one before a multiplier is the number, not a person.
            PhraseMap.Match<Long> multiplier = multipliers.at(tokens, i + 1);
            return multiplier != null ? new NumberMatch(multiplier.value(), i, multiplier.end(), false)
                    : new NumberMatch(1, i, i + 1, true);
        }
        Long first = wordValues.get(token);
        if (first == null) {
            return null;
        }
        NumberMatch longest = scaled(BigDecimal.valueOf(first), tokens, i + 1, i, first == 1);
        StringBuilder key = new StringBuilder(token.norm());
        int words = 1;
        for (int j = i + 1; j < tokens.size() && words < MAX_WORDS; j++) {
            Token next = tokens.get(j);
            if (next.is("-")) {
                continue;
            }
            if (!next.isWord()) {
                break;
            }
            key.append(' ').append(next.norm());
            words++;
            Long value = spelled.get(key.toString());
            if (value == null) {
                break;
            }
            longest = scaled(BigDecimal.valueOf(value), tokens, j + 1, i, value == 1);
        }
        return longest;
    }

    private NumberMatch scaled(BigDecimal value, List<Token> tokens, int next, int start, boolean one) {
        PhraseMap.Match<Long> multiplier = multipliers.at(tokens, next);
        if (multiplier != null) {
            BigDecimal scaled = value.multiply(BigDecimal.valueOf(multiplier.value()));
            return isWhole(scaled) ? new NumberMatch(scaled.longValueExact(), start, multiplier.end(), false) : null;
        }
        return isWhole(value) ? new NumberMatch(value.longValueExact(), start, next, one) : null;
    }

    private static boolean isWhole(BigDecimal value) {
        return value.signum() >= 0 && value.stripTrailingZeros().scale() <= 0;
    }

    /** Digits with strict grouping: "6,655" and "120.160" but not "24.02.22" or "9.46" as integers. */
    private BigDecimal digits(String text) {
        String integer = text;
        String fraction = "";
        int decimalAt = text.indexOf(decimal);
        if (decimalAt >= 0) {
            integer = text.substring(0, decimalAt);
            fraction = text.substring(decimalAt + 1);
            if (fraction.isEmpty() || !isDigits(fraction, 0, fraction.length())) {
                return null;
            }
        }
        boolean grouped = integer.indexOf(grouping) >= 0;
        StringBuilder plain = new StringBuilder(text.length());
        int groupStart = 0;
        for (int g = 0; groupStart <= integer.length(); g++) {
            int groupEnd = integer.indexOf(grouping, groupStart);
            if (groupEnd < 0) {
                groupEnd = integer.length();
            }
            int size = groupEnd - groupStart;
            boolean sized = g == 0 ? size > 0 && (!grouped || size <= 3) : size == 3;
            if (!sized || !isDigits(integer, groupStart, groupEnd)) {
                return null;
            }
            plain.append(integer, groupStart, groupEnd);
            groupStart = groupEnd + 1;
        }
        if (!fraction.isEmpty()) {
            plain.append('.').append(fraction);
        }
        return new BigDecimal(plain.toString());
    }

    private static boolean isDigits(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!Character.isDigit(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }
}
