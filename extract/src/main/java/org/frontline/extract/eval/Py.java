package org.frontline.extract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.ibm.icu.lang.UCharacter;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The few Python behaviours score.py relies on, reproduced so that Java scores and prints the same. */
final class Py {

    private static final int MAX_DIGITS = 17;

    private Py() {
    }

    /** score.py's {@code fold}: NFKD, combining marks dropped, lower-cased; null is the empty text. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD);
        StringBuilder kept = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            if (UCharacter.getCombiningClass(cp) == 0) {
                kept.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return kept.toString().toLowerCase(Locale.ROOT);
    }

    /** {@code re.findall(r"\w+", text)} with Python's Unicode {@code \w}: letters, numbers, underscore. */
    static List<String> findWords(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isWordChar(cp)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            words.add(text.substring(start));
        }
        return words;
    }

    /** Python's {@code \w}: str.isalnum() (letters of every kind and numbers of every kind) or "_". */
    static boolean isWordChar(int cp) {
        if (cp == '_') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER:
                return true;
            default:
                return false;
        }
    }

    /** {@code s[:n]}: the first {@code n} code points. */
    static String head(String text, int codePoints) {
        if (text.codePointCount(0, text.length()) <= codePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, codePoints));
    }

    /** {@code str(value)} of a JSON value as Python holds it after json.loads; null is None. */
    static String str(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "None";
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "True" : "False";
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            return floatRepr(value.doubleValue());
        }
        return value.toString();
    }

    /** {@code repr(value)}: strings quoted as Python quotes them, None and numbers as {@link #str}. */
    static String repr(JsonNode value) {
        return value != null && value.isTextual() ? repr(value.asText()) : str(value);
    }

    /** {@code repr(s)} of a string: single quotes unless it holds a single quote and no double quote. */
    static String repr(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\x%02x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.append(quote).toString();
    }

    /** {@code bool(value)}: Python's truth of a JSON value. */
    static boolean truthy(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0;
        }
        if (value.isTextual()) {
            return !value.asText().isEmpty();
        }
        return value.size() > 0;
    }

    /** {@code a == b} for values json.loads made; a missing key reads as None. */
    static boolean equal(JsonNode a, JsonNode b) {
        boolean noneA = a == null || a.isNull() || a.isMissingNode();
        boolean noneB = b == null || b.isNull() || b.isMissingNode();
        if (noneA || noneB) {
            return noneA && noneB;
        }
        boolean numberA = a.isNumber() || a.isBoolean();
        boolean numberB = b.isNumber() || b.isBoolean();
        if (numberA && numberB) {
            return number(a).compareTo(number(b)) == 0;
        }
        return a.equals(b);
    }

    private static BigDecimal number(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return value.isIntegralNumber() ? new BigDecimal(value.bigIntegerValue()) : new BigDecimal(value.doubleValue());
    }

    /** {@code round(x, digits)}: half to even on the exact binary value, as Python rounds. */
    static double round(double x, int digits) {
        return new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** {@code f"{x:.Nf}"}. */
    static String fixed(double x, int digits) {
        return new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** {@code repr(x)} of a float: the shortest decimal that reads back as x. */
    static String floatRepr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return 1 / x < 0 ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(x);
        BigDecimal shortest = exact;
        for (int digits = 1; digits <= MAX_DIGITS; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == x) {
                shortest = candidate;
                break;
            }
        }
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent < -4 || exponent >= 16) {
            String digits = shortest.unscaledValue().abs().toString().replaceAll("0+$", "");
            String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
            String sign = x < 0 ? "-" : "";
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d",
                    Math.abs(exponent));
        }
        String plain = shortest.stripTrailingZeros().toPlainString();
        return plain.indexOf('.') >= 0 ? plain : plain + ".0";
    }
}
