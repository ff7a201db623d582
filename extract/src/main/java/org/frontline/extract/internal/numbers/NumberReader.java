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
import java.util.regex.Pattern;

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

    private final Map<String, Long> spelled = new HashMap<>();
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
    }

    private void index(String words, long value) {
        String key = words.replace(String.valueOf(SOFT_HYPHEN), "").replace('-', ' ').toLowerCase(Locale.ROOT);
        spelled.putIfAbsent(key, value);
    }

    /** The number that starts at token {@code i}, or null. */
    public NumberMatch read(List<Token> tokens, int i) {
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
            return new NumberMatch(1, i, i + 1, true);
        }
        Long first = spelled.get(token.norm());
        if (first == null) {
            first = withMultiplierSuffix(token.norm());
        }
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

    /** "trentunomila": a spelled number glued to a multiplier word. */
    private Long withMultiplierSuffix(String word) {
        for (int m = 0; m < suffixes.length; m++) {
            String suffix = suffixes[m];
            if (word.length() > suffix.length() && word.endsWith(suffix)) {
                Long head = spelled.get(word.substring(0, word.length() - suffix.length()));
                if (head != null) {
                    return head * suffixValues[m];
                }
            }
        }
        return null;
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
            if (fraction.isEmpty() || !fraction.chars().allMatch(Character::isDigit)) {
                return null;
            }
        }
        String[] groups = integer.split(Pattern.quote(String.valueOf(grouping)), -1);
        for (int g = 0; g < groups.length; g++) {
            boolean sized = g == 0 ? !groups[g].isEmpty() && (groups.length == 1 || groups[g].length() <= 3)
                    : groups[g].length() == 3;
            if (!sized || !groups[g].chars().allMatch(Character::isDigit)) {
                return null;
            }
        }
        return new BigDecimal(String.join("", groups) + (fraction.isEmpty() ? "" : "." + fraction));
    }
}
