package org.frontline.extract.internal.speakers;

import org.frontline.extract.Statement;
import org.frontline.extract.internal.lexicon.Lexicon;
import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.names.Name;
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

/**
 * Finds statements (GUIDELINES.md, "Statements"): quotations of three words or more that the article
 * attributes to a speaker. The attribution sieves are tried in order, and the first that finds a speaker
 * decides and is named in the statement: in an interview, the interviewee ({@link InterviewAnswerSieve});
 * a verb of saying after the quotation ("…,” he added", {@link VerbAfterSieve}); an attribution set inside
 * it between dashes ({@link AttributionInsideSieve}); a verb of saying or a colon before it ("Stoltenberg:
 * “…”", {@link VerbOrColonBeforeSieve}); the sentence after it ("Lo ha detto il portavoce…", "Thus the NATO
 * secretary…", {@link NextSentenceSieve}); the sentence before it ({@link SentenceBeforeSieve}); or, for a
 * quotation that continues one just attributed, that quotation's speaker ({@link ContinuationSieve}).
 * Pronouns resolve to the last speaker and descriptions ("the company", "il portavoce") to whom the article
 * introduced with them ({@link Resolver}); a quotation repeated is one statement. Thread-safe: all state of
 * one article lives in a {@link Reading}, the sieves keep none, and across articles only a thread-safe memo
 * of names' keys is shared.
 */
public final class StatementFinder {

    private static final int MIN_WORDS = 3;
    private static final int TERM_WORDS = 3;
    private static final int TITLE_WORDS = 4;
    /** A quotation's words are counted up to this many: more change none of the tests on them. */
    private static final int WORDS_COUNTED = Math.max(MIN_WORDS, Math.max(TERM_WORDS, TITLE_WORDS)) + 1;
    private static final int NAME_CUE_DISTANCE = 4;

    private final QuotationFinder quotations = new QuotationFinder();
    /** The keys of names, remembered across articles. */
    private final NameKeys nameKeys = new NameKeys();
    private final StatementWords words;
    /** The attribution sieves, in the order they are tried. */
    private final List<Sieve> sieves;

    public StatementFinder(Lexicon lexicon) {
        this.words = new StatementWords(lexicon);
        this.sieves = List.of(
                new InterviewAnswerSieve(),
                new VerbAfterSieve(words),
                new AttributionInsideSieve(words),
                new VerbOrColonBeforeSieve(words),
                new NextSentenceSieve(words),
                new SentenceBeforeSieve(words),
                new ContinuationSieve());
    }

    /** The statements of a document whose names have been found. */
    public List<Statement> find(Document document, List<Name> names) {
        List<Quotation> quoted = quotations.find(document.text(), document.paragraphs());
        return quoted.isEmpty() ? List.of()
                : statements(quoted, new Reading(document, names, quoted, words, nameKeys));
    }

    /** A speaker and the name of the sieve that found it. */
    private record Attribution(Speaker speaker, String sieve) {
    }

    /**
     * Attributes each quotation that is a statement, in the text's order. A quotation said again is one
     * statement, with its first speaker, unless only the repeat names the speaker the first one describes.
     */
    private List<Statement> statements(List<Quotation> quoted, Reading reading) {
        List<Quotation> kept = new ArrayList<>();
        List<Speaker> speakers = new ArrayList<>();
        List<String> sieveNames = new ArrayList<>();
        Repeats repeats = new Repeats(reading.document().text());
        Speaker aliased = null;
        for (Quotation quotation : quoted) {
            Attribution attribution = isStatementText(quotation, reading) ? attribute(quotation, reading) : null;
            if (attribution == null) {
                continue;
            }
            Speaker speaker = attribution.speaker();
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

    /** The speaker of a quotation from the first sieve that finds one, in order, and that sieve's name; or null. */
    private Attribution attribute(Quotation quotation, Reading reading) {
        for (Sieve sieve : sieves) {
            Speaker speaker = sieve.find(quotation, reading);
            if (speaker != null) {
                return new Attribution(speaker, sieve.name());
            }
        }
        return null;
    }

    /**
     * Whether a quotation is a statement: three words or more, and not a short term after an article ("the
     * “special military operation”"), a title ("“Home and Garden”") or what a name cue introduces
     * ("operation “Steadfast Noon”").
     */
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
}
