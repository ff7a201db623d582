package org.frontline.extract.internal.speakers;

import org.frontline.extract.Statement;
import org.frontline.extract.internal.lexicon.Lexicon;
import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.names.Name;
import org.frontline.extract.internal.quotes.Offsets;
import org.frontline.extract.internal.quotes.Quotation;
import org.frontline.extract.internal.quotes.QuotationFinder;
import org.frontline.extract.internal.text.Document;
import org.frontline.extract.internal.text.Sentence;
import org.frontline.extract.internal.text.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Finds statements (GUIDELINES.md, "Statements"): quotations of three words or more that the article
 * attributes to a speaker. The speaker comes, in this order, from a verb of saying after the quotation
 * ("…,” he added"), an attribution set inside it between dashes, a verb of saying or a colon before it
 * ("Stoltenberg: “…”"), the sentence after it ("Lo ha detto il portavoce…", "Thus the NATO secretary…"),
 * or, for a quotation that continues one just attributed, that quotation's speaker. Pronouns resolve
 * to the last speaker and descriptions ("the company", "il portavoce") to whom the article introduced
 * with them. Thread-safe: all state of one article lives in a {@link Reading}; across articles only a
 * thread-safe memo of names' keys is shared.
 */
public final class StatementFinder {

    private static final int MIN_WORDS = 3;
    private static final int TERM_WORDS = 3;
    private static final int TITLE_WORDS = 4;
    /** A quotation's words are counted up to this many: more change none of the tests on them. */
    private static final int WORDS_COUNTED = Math.max(MIN_WORDS, Math.max(TERM_WORDS, TITLE_WORDS)) + 1;
    private static final int NAME_CUE_DISTANCE = 3;
    /** What ends a description in apposition other than its comma; an acronym in brackets belongs to it. */
    private static final String APPOSITION_STOPS = ".;:!?–—\"“”«»‘’„";
    /** The sieve name of a quotation that continues the one before it and takes its speaker. */
    private static final String CONTINUATION = "continuation";

    private final QuotationFinder quotations = new QuotationFinder();
    /** The keys of names, remembered across articles. */
    private final NameKeys nameKeys = new NameKeys();
    private final StatementWords words;
    /** The attribution sieves, in the order they are tried. */
    private final List<Sieve> sieves;

    public StatementFinder(Lexicon lexicon) {
        this.words = new StatementWords(lexicon);
        this.sieves = List.of(
                new Sieve(InterviewAnswers.SIEVE, (quotation, reading) -> reading.interview().answerer(quotation)),
                new Sieve("verb-after", this::after),
                new Sieve("attribution-inside", this::inside),
                new Sieve("verb-or-colon-before", this::before),
                new Sieve("next-sentence", this::nextSentence),
                new Sieve("sentence-before", this::sentenceBefore));
    }

    /** The statements of a document whose names have been found. */
    public List<Statement> find(Document document, List<Name> names) {
        List<Quotation> quoted = quotations.find(document.text(), document.paragraphs());
        return quoted.isEmpty() ? List.of()
                : statements(quoted, new Reading(document, names, quoted, words, nameKeys));
    }

    /** One named attribution step: the speaker it finds for a quotation, or null. */
    private record Sieve(String name, BiFunction<Quotation, Reading, Speaker> find) {
    }

    private record Attribution(Speaker speaker, String sieve) {
    }

    private List<Statement> statements(List<Quotation> quoted, Reading reading) {
        List<Quotation> kept = new ArrayList<>();
        List<Speaker> speakers = new ArrayList<>();
        List<String> sieveNames = new ArrayList<>();
        Repeats repeats = new Repeats(reading.document().text());
        Speaker previous = null;
        Speaker aliased = null;
        Quotation previousQuote = null;
        for (Quotation quotation : quoted) {
            Attribution attribution = isStatementText(quotation, reading)
                    ? attribute(quotation, previous, previousQuote, reading) : null;
            if (attribution == null) {
                continue;
            }
            Speaker speaker = attribution.speaker();
            previous = speaker;
            previousQuote = quotation;
            reading.attributed(quotation, speaker);
            if (speaker != aliased) {
                // Adding one speaker's aliases again changes nothing; pronouns and continuations repeat it.
                reading.referents().addAlias(speaker);
                aliased = speaker;
            }
            int earlier = repeats.earlier(kept, quotation);
            if (earlier < 0) {
                repeats.keep(kept.size(), quotation);
                kept.add(quotation);
                speakers.add(speaker);
                sieveNames.add(attribution.sieve());
            } else if (isDescription(speakers.get(earlier)) && !isDescription(speaker)) {
                speakers.set(earlier, speaker);
                sieveNames.set(earlier, attribution.sieve());
            }
        }
        List<Statement> statements = new ArrayList<>();
        for (int k = 0; k < kept.size(); k++) {
            String name = speakers.get(k).name();
            Quotation quotation = kept.get(k);
            String quote = reading.document().slice(quotation.start(), quotation.end());
            statements.add(new Statement(name, reading.referents().aliasesOf(name), quote, sieveNames.get(k),
                    quotation.start(), quotation.end()));
        }
        return statements;
    }

    /**
     * Tells repeated quotations by their folded words ({@link TextKeys#wordsKey}) at a cost that does not grow
     * with the article: most quotations are told apart by a hash of their first words alone; the whole key
     * of a quotation is built, once, only when another quotation's words begin the same way.
     */
    private static final class Repeats {
        /** The article's text. */
        private final String text;
        /** The first kept quotation with each head hash. */
        private final Map<Integer, Integer> firstWithHead = new HashMap<>();
        /** Heads shared by two quotations or more: the kept ones among them are indexed by whole key. */
        private final Set<Integer> sharedHeads = new HashSet<>();
        private final Map<String, Integer> byKey = new HashMap<>();
        private int head;
        private String key;

        Repeats(String text) {
            this.text = text;
        }

        /** The index among {@code kept} of a quotation with the same words, or -1. */
        int earlier(List<Quotation> kept, Quotation quotation) {
            head = TextKeys.wordsKeyHeadHash(text, quotation.start(), quotation.end());
            key = null;
            Integer first = firstWithHead.get(head);
            if (first == null) {
                return -1;
            }
            if (sharedHeads.add(head)) {
                Quotation firstQuotation = kept.get(first);
                String firstKey = TextKeys.wordsKey(text, firstQuotation.start(), firstQuotation.end());
                byKey.put(firstKey, first);
            }
            key = TextKeys.wordsKey(text, quotation.start(), quotation.end());
            return byKey.getOrDefault(key, -1);
        }

        /** Records the quotation just passed to {@link #earlier} as kept at {@code index}. */
        void keep(int index, Quotation quotation) {
            firstWithHead.putIfAbsent(head, index);
            if (key != null) {
                byKey.put(key, index);
            }
        }
    }

    /**
     * A name cue introduces the quotation before {@code mark}. A word that names does so from a few words
     * away ("dubbed by the army “Home and Garden”"); a noun ("operation") only when punctuation,
     * determiners and other cues alone stand between: "operation “Steadfast Noon”", "the so-called
     * operation “Steadfast Noon”", but not "the operation was “not a one-off”".
     */
    private boolean namedBy(List<Token> tokens, int mark) {
        Match<Boolean> cue = words.nameCues.findLast(tokens, Math.max(0, mark - NAME_CUE_DISTANCE), mark);
        if (cue == null) {
            return false;
        }
        if (cue.value()) {
            return true;
        }
        for (int k = cue.end(); k < mark; k++) {
            Match<Boolean> next = words.nameCues.at(tokens, k);
            if (next != null) {
                k = next.end() - 1;
            } else if (!tokens.get(k).isPunct() && !words.determiners.contains(tokens.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** A speaker the article never names, kept as its description ("il governatore"). */
    private boolean isDescription(Speaker speaker) {
        return speaker.name().equals(speaker.alias());
    }

    // ---- which quotations are statements

    private boolean isStatementText(Quotation quotation, Reading reading) {
        Reading.At open = reading.tokenAt(quotation.start());
        if (open == null) {
            return false;
        }
        List<Token> tokens = open.sentence().tokens();
        int wordCount = 0;
        boolean titleCase = true;
        // The sentences the quotation runs through, from the one it starts in.
        List<Sentence> sentences = reading.document().sentences();
        int to = Math.min(sentences.size(), reading.document().firstSentenceEndingAfter(quotation.end() - 1) + 1);
        for (int index = open.sentenceIndex(); index < to && wordCount < WORDS_COUNTED; index++) {
            Sentence sentence = sentences.get(index);
            List<Token> spannedTokens = sentence.tokens();
            // The tokens inside the quotation are among those that start in it.
            int last = sentence.tokenAt(quotation.end());
            for (int k = sentence.tokenAt(quotation.start()); k < last && wordCount < WORDS_COUNTED; k++) {
                Token token = spannedTokens.get(k);
                // Words as written: an elided word or a clitic is one with its neighbour ("dell'Occidente").
                if (token.end() <= quotation.end() && !token.isPunct() && !token.isElided() && !token.isClitic()) {
                    wordCount++;
                    titleCase &= token.isCapitalised() || token.isNumber();
                }
            }
        }
        if (wordCount < MIN_WORDS) {
            return false;
        }
        int mark = open.token() - (quotation.openMark() >= 0 ? 1 : 0);
        boolean named = mark > 0 && namedBy(tokens, mark);
        boolean term = wordCount <= TERM_WORDS && mark > 0 && words.determiners.contains(tokens.get(mark - 1));
        boolean title = titleCase && wordCount <= TITLE_WORDS && mark > 0;
        return !named && !term && !title;
    }

    // ---- attribution

    /**
     * The speaker of a quotation from the first sieve that finds one, in order; a quotation none of them
     * attributes goes to the speaker of the quotation it continues, if any.
     */
    private Attribution attribute(Quotation quotation, Speaker previous, Quotation previousQuote, Reading reading) {
        for (Sieve sieve : sieves) {
            Speaker speaker = sieve.find().apply(quotation, reading);
            if (speaker != null) {
                return new Attribution(speaker, sieve.name());
            }
        }
        return previous != null && continues(previousQuote, quotation, reading)
                ? new Attribution(previous, CONTINUATION) : null;
    }

    /** "…,” he added", "«…», ha affermato Kirby", "“…,” said Danielle Bell", "…?” he asked". */
    private Speaker after(Quotation quotation, Reading reading) {
        Reading.At at = reading.tokenAt(quotation.outerEnd());
        if (at == null || at.sentence() != reading.sentenceOf(quotation.outerEnd() - 1)
                && !continuesAfter(quotation, at, reading)) {
            return null;
        }
        List<Token> tokens = at.sentence().tokens();
        int limit = Math.min(tokens.size(), at.token() + words.afterVerbDistance);
        for (int k = at.token(); k < limit && !reading.inQuotation(tokens.get(k)); k++) {
            int apposition = appositionEnd(tokens, k, reading);
            if (apposition > k) {
                // "“…,” Marta Hurtado, a spokesperson for the Office of the UN High Commissioner, told": the
                // description of the speaker does not count toward the distance to the verb.
                limit = Math.min(tokens.size(), limit + apposition - k);
                k = apposition;
                continue;
            }
            if (words.conjunctions.contains(tokens.get(k)) && !joinsNames(tokens, k)) {
                return null;
            }
            Match<Boolean> verb = words.speechVerbs.at(tokens, k);
            if (verb == null && k <= at.token() + 1) {
                // "«…»: così il ministro degli Esteri Antonio Tajani": a cue stands for the verb.
                verb = words.quoteCues.at(tokens, k);
            }
            if (verb != null) {
                Speaker subject = reading.subjects().subject(at.sentence(), verb, at.token());
                if (subject == null) {
                    subject = introducedJustBefore(quotation, reading);
                }
                return subject != null ? subject : reading.lastSpeaker(quotation.outerStart());
            }
        }
        return null;
    }

    /**
     * "… la rabbia del fondatore di Wck, lo chef spagnolo José Andrés. «…», ha scritto su X.": a person named
     * at the very end of the sentence just before a quotation, in its paragraph, is whom a verb with no
     * subject after it refers to. Null when that sentence does not end with a person's full name.
     */
    private Speaker introducedJustBefore(Quotation quotation, Reading reading) {
        Sentence before = reading.sentenceBeforeOpening(quotation);
        if (before == null) {
            return null;
        }
        List<Token> tokens = before.tokens();
        int end = tokens.size();
        while (end > 0 && tokens.get(end - 1).isPunct()) {
            end--;
        }
        if (end == tokens.size()) {
            return null;
        }
        for (Name name : reading.namesIn(before)) {
            if (name.end() == end && name.kind() == Name.Kind.PERSON && reading.referents().isStrong(name)) {
                return new Speaker(reading.referents().fullest(name), name.text());
            }
        }
        return null;
    }

    /**
     * The closing comma of a description in apposition that opens at the comma {@code comma} with an
     * indefinite article (", a spokesperson for the OHCHR,"), at most {@code statements.description-limit}
     * tokens on; -1 when there is none.
     */
    private int appositionEnd(List<Token> tokens, int comma, Reading reading) {
        if (!tokens.get(comma).is(",") || comma + 1 >= tokens.size()
                || !words.indefinites.contains(tokens.get(comma + 1))) {
            return -1;
        }
        int end = Math.min(tokens.size(), comma + 2 + words.descriptionLimit);
        for (int k = comma + 2; k < end; k++) {
            Token token = tokens.get(k);
            if (token.is(",")) {
                return k;
            }
            if (reading.inQuotation(token) || words.speechVerbs.at(tokens, k) != null
                    || Marks.isOneOf(token, APPOSITION_STOPS)) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * A quotation that ends in a question or exclamation mark ends its sentence for ICU (UAX #29 breaks
     * after "?”" whatever follows), but the sentence goes on when the next one starts in lower case in
     * the same paragraph: "…why did you keep bombarding Mariupol?” he asked".
     */
    private boolean continuesAfter(Quotation quotation, Reading.At at, Reading reading) {
        Sentence last = reading.sentenceOf(quotation.outerEnd() - 1);
        Token first = at.sentence().tokens().get(0);
        return last != null && at.token() == 0 && at.sentenceIndex() == last.index() + 1
                && at.sentence().paragraph() == last.paragraph()
                && first.isWord() && Character.isLowerCase(first.text().codePointAt(0));
    }

    /** A conjunction between two capitalised words joins names ("UNHCR, IOM and UNICEF said"), not clauses. */
    private static boolean joinsNames(List<Token> tokens, int k) {
        return k > 0 && k + 1 < tokens.size() && tokens.get(k - 1).isCapitalised()
                && tokens.get(k + 1).isCapitalised();
    }

    /**
     * "“… – said Stoltenberg – …”", "“… – he said – …”". The dashes are looked up among the article's
     * dash characters, which is cheaper than reading the quotation's tokens; a dash token is the token
     * that starts at its dash.
     */
    private Speaker inside(Quotation quotation, Reading reading) {
        Reading.At at = reading.tokenAt(quotation.start());
        if (at == null) {
            return null;
        }
        int[] dashes = reading.dashes();
        for (int d = Offsets.firstAtOrAfter(dashes, quotation.start());
                d < dashes.length && dashes[d] < quotation.end(); d++) {
            int offset = dashes[d];
            Sentence sentence = reading.sentenceOf(offset);
            int k = sentence == null ? 0 : sentence.tokenAt(offset);
            if (sentence == null || k >= sentence.tokens().size() || sentence.tokens().get(k).start() != offset
                    || !Marks.isDash(sentence.tokens().get(k))) {
                continue;
            }
            List<Token> tokens = sentence.tokens();
            int close = k + 1;
            while (close < tokens.size() && !Marks.isDash(tokens.get(close))
                    && tokens.get(close).end() <= quotation.end() && close - k <= words.afterVerbDistance) {
                close++;
            }
            Match<Boolean> verb = words.speechVerbs.find(tokens, k + 1, close);
            if (verb != null) {
                Speaker speaker = resolveAround(sentence, k + 1, close, verb, reading);
                return speaker != null ? speaker : reading.lastSpeaker(quotation.start());
            }
        }
        return null;
    }

    /** A speaker from a verb and the words next to it inside dashes ("– said Stoltenberg –"). */
    private Speaker resolveAround(Sentence sentence, int from, int to, Match<Boolean> verb, Reading reading) {
        List<Token> tokens = sentence.tokens();
        int end = verb.start();
        while (end > from && words.speechAuxiliaries.endingAt(tokens, end) != null) {
            end = words.speechAuxiliaries.endingAt(tokens, end).start();
        }
        Speaker before = from < end ? reading.resolver().resolve(sentence, from, end, false) : null;
        if (before == null && end == from + 1) {
            before = reading.resolver().loneName(sentence, from);
        }
        int after = reading.subjects().skipLeading(tokens, verb.end());
        Speaker named = before != null ? before : reading.resolver().resolve(sentence, after, to, false);
        return named == null && to == after + 1 ? reading.resolver().loneName(sentence, after) : named;
    }

    /** "Stoltenberg: “…”", "Peskov warned that … “…”", "ha dichiarato di aver accolto “…”". */
    private Speaker before(Quotation quotation, Reading reading) {
        Reading.At at = reading.tokenAt(quotation.outerStart());
        if (at == null) {
            return null;
        }
        Sentence sentence = at.sentence();
        List<Token> tokens = sentence.tokens();
        int end = at.token();
        if (end > 0 && tokens.get(end - 1).start() >= quotation.outerStart()) {
            end--;
        }
        boolean anyVerb = false;
        for (int k = end - 1; k >= 0; k--) {
            Match<Boolean> verb = words.speechVerbs.endingAt(tokens, k + 1);
            if (verb == null || reading.inQuotation(tokens.get(k))) {
                continue;
            }
            anyVerb = true;
            Speaker subject = reading.subjects().subjectBefore(sentence, verb, 0);
            if (subject == null && !isAside(tokens, verb)) {
                subject = reading.subjects().subjectAfter(sentence, verb);
            }
            if (subject != null) {
                return subject;
            }
            k = verb.start();
        }
        if (anyVerb) {
            Speaker main = reading.subjects().mainSubject(sentence, end);
            return main != null ? main : reading.lastSpeaker(quotation.outerStart());
        }
        Match<Boolean> opener = words.sourceOpeners.at(tokens, 0);
        if (opener != null && opener.end() < end) {
            // "Per il capo dell'amministrazione militare, Oleh Synehubov, i russi hanno scelto «…»": the
            // source named at the sentence's head, up to its comma or the quotation, holds the words.
            int sourceEnd = opener.end();
            while (sourceEnd < end && !tokens.get(sourceEnd).is(",")) {
                sourceEnd++;
            }
            int close = sourceEnd < end ? closingApposition(tokens, sourceEnd, end) : sourceEnd;
            Speaker source = reading.resolver().resolve(sentence, opener.end(), close, false);
            if (source != null) {
                return source;
            }
        }
        if (end == 0 || !tokens.get(end - 1).is(":")) {
            return null;
        }
        // "Stoltenberg: “…”"; else the sentence's subject ("Zelensky ha poi attribuito le difficoltà …: “…”").
        int start = reading.subjects().subjectStart(tokens, end - 1, 0);
        Speaker named = reading.resolver().resolve(sentence, start, end - 1, true);
        return named != null ? named : reading.subjects().mainSubject(sentence, end - 1);
    }

    /** Where a name in apposition after the comma at {@code comma} ends (", Oleh Synehubov,"), or {@code comma}. */
    private int closingApposition(List<Token> tokens, int comma, int end) {
        int k = comma + 1;
        while (k < end && tokens.get(k).isCapitalised()) {
            k++;
        }
        return k > comma + 1 && k < end && tokens.get(k).is(",") ? k : comma;
    }

    /** ", scrive il Guardian,": a source named in passing, not the speaker of what follows. */
    private boolean isAside(List<Token> tokens, Match<Boolean> verb) {
        int start = verb.start();
        while (start > 0 && words.speechAuxiliaries.endingAt(tokens, start) != null) {
            start = words.speechAuxiliaries.endingAt(tokens, start).start();
        }
        return start > 0 && tokens.get(start - 1).is(",");
    }

    /** "Lo ha detto il portavoce…", "Thus the NATO secretary general…", "Con queste parole il segretario…". */
    private Speaker nextSentence(Quotation quotation, Reading reading) {
        Sentence last = reading.sentenceOf(quotation.end() - 1);
        Reading.At after = reading.tokenAt(quotation.outerEnd());
        boolean endsSentence = after == null || after.sentence() != last
                || after.token() >= last.tokens().size() - 1
                && last.tokens().get(last.tokens().size() - 1).isPunct();
        if (last == null || !endsSentence || last.index() + 1 >= reading.document().sentences().size()) {
            return null;
        }
        Sentence next = reading.document().sentences().get(last.index() + 1);
        List<Token> tokens = next.tokens();
        Match<Boolean> cue = words.quoteCues.at(tokens, 0);
        if (next.paragraph() != last.paragraph() || cue == null) {
            return null;
        }
        Match<Boolean> verb = words.speechVerbs.find(tokens, cue.end(), Math.min(tokens.size(), cue.end() + 2));
        int from = reading.subjects().skipLeading(tokens, verb != null ? verb.end() : cue.end());
        int end = reading.subjects().nounPhraseEnd(tokens, from);
        Speaker named = reading.resolver().resolve(next, from, end, false);
        // "«…». Lo racconta Maria, infermiera di Kharkiv": a first name alone, said once, still speaks.
        return named == null && end == from + 1 ? reading.resolver().loneName(next, from) : named;
    }

    /**
     * "Zelensky ha parlato ieri ai giornalisti. «La Russia vuole…».": a quotation that is a sentence of its own
     * belongs to whoever speaks in the sentence just before it in its paragraph, outside quotation marks.
     */
    private Speaker sentenceBefore(Quotation quotation, Reading reading) {
        Sentence before = reading.sentenceBeforeOpening(quotation);
        Sentence last = reading.sentenceOf(quotation.end() - 1);
        if (before == null || last == null) {
            return null;
        }
        Reading.At after = reading.tokenAt(quotation.outerEnd());
        boolean whole = after == null || after.sentence() != last || after.token() >= last.tokens().size() - 1;
        if (!whole) {
            return null;
        }
        List<Token> tokens = before.tokens();
        for (int k = 0; k < tokens.size(); k++) {
            Match<Boolean> verb = reading.inQuotation(tokens.get(k)) ? null : words.speechVerbs.at(tokens, k);
            if (verb != null) {
                return reading.subjects().subject(before, verb, 0);
            }
        }
        return null;
    }

    /** A quotation that opens its paragraph or follows the last one in the same paragraph. */
    private boolean continues(Quotation previousQuote, Quotation quotation, Reading reading) {
        if (previousQuote == null) {
            return false;
        }
        Sentence previous = reading.sentenceOf(previousQuote.start());
        Sentence current = reading.sentenceOf(quotation.start());
        if (previous == null || current == null) {
            return false;
        }
        if (previous.paragraph() == current.paragraph()) {
            return true;
        }
        int paragraphStart = reading.document().paragraphs().get(current.paragraph())[0];
        return current.paragraph() == previous.paragraph() + 1 && quotation.outerStart() == paragraphStart;
    }
}
