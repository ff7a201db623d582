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
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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
    /** Marks that set an attribution apart inside a quotation: hyphen, en dash, em dash. */
    private static final String DASHES = "-\u2013\u2014";
    private static final int NAME_CUE_DISTANCE = 3;
    private static final int ASIDE_LIMIT = 6;
    /** Words of a prepositional aside between a verb of saying and its speaker ("al telefono"). */
    private static final int ASIDE_WORDS = 3;
    /** Tokens read back from a name for its role: enough for "il portavoce delle Forze di difesa israeliane, il". */
    private static final int ROLE_LOOKBACK = 10;
    /** How many sentences may be read one inside another before the earlier ones are read in order. */
    private static final int NESTED_READS = 8;
    /** What ends a description in apposition other than its comma; an acronym in brackets belongs to it. */
    private static final String APPOSITION_STOPS = ".;:!?–—\"“”«»‘’„";

    private final QuotationFinder quotations = new QuotationFinder();
    /** The keys of names, remembered across articles. */
    private final NameKeys nameKeys = new NameKeys();
    private final StatementWords words;

    public StatementFinder(Lexicon lexicon) {
        this.words = new StatementWords(lexicon);
    }

    /** The statements of a document whose names have been found. */
    public List<Statement> find(Document document, List<Name> names) {
        List<Quotation> quoted = quotations.find(document.text(), document.paragraphs());
        return quoted.isEmpty() ? List.of() : new Reading(document, names, quoted).statements();
    }

    /** Position of a token: sentence index and token index. */
    private record At(int sentenceIndex, Sentence sentence, int token) {
    }

    private record Said(int offset, Speaker speaker) {
    }

    /** One named attribution step: the speaker it finds for a quotation, or null. */
    private record Sieve(String name, Function<Quotation, Speaker> find) {
    }

    private record Attribution(Speaker speaker, String sieve) {
    }

    /** The sieve name of a quotation that continues the one before it and takes its speaker. */
    private static final String CONTINUATION = "continuation";

    /** A role word the article names someone with, and the side its nationality word gives, or null. */
    private record Role(String head, int offset, String name, String side) {
    }

    /** The work on one article. */
    private final class Reading {

        private final Document document;
        private final List<Name> names;
        /** The names grouped by sentence, in order: those of sentence s are from {@code firstName[s]} on. */
        private final Name[] namesBySentence;
        private final int[] firstName;
        private final List<Quotation> quoted;
        /** Where each quotation begins and ends, marks included: {@link #inQuotation} searches these. */
        private final int[] quotedStarts;
        private final int[] quotedEnds;
        /** Offsets of the text's dashes, found when a quotation is first searched for an attribution inside. */
        private int[] dashes;
        /** The fullest name of each person by the key of the last word, so "Zelenskyy" finds "Volodymyr Zelensky". */
        private final Map<String, String> fullestPerson = new LinkedHashMap<>();
        /** Full names of people by their first word; "" where two people share it. */
        private final Map<String, String> byFirstWord = new HashMap<>();
        /** Whom the article introduced with a role or description word: collected when first needed. */
        private List<Role> roleMentions;
        /**
         * Who each sentence says spoke where (its subject, its verbs of saying), in its order; null for a
         * sentence not read yet: sentences are read only when {@link #lastSpeaker} reaches them.
         */
        private final List<List<Said>> told;
        /** The sentence being read, or -1; what it and the sentences after it tell is not known yet. */
        private int readingSentence = -1;
        /** How many sentences are being read, each for a pronoun in the one after it. */
        private int readingDepth;
        /** How many sentences from the first are read, when nesting made {@link #lastTold} read them in order. */
        private int readInOrder;
        /** The speakers attributed to quotations, at the quotations' ends, in attribution order. */
        private final List<Said> said = new ArrayList<>();
        private final Map<String, Set<String>> aliases = new LinkedHashMap<>();
        private final InterviewAnswers interview;
        /** The attribution sieves, in the order they are tried. */
        private final List<Sieve> sieves;
        /** Set while a description after a verb of saying is resolved: it is the speaker as written. */
        private boolean descriptionAfterVerb;

        Reading(Document document, List<Name> names, List<Quotation> quoted) {
            this.document = document;
            this.names = names;
            this.quoted = quoted;
            this.quotedStarts = new int[quoted.size()];
            this.quotedEnds = new int[quoted.size()];
            for (int q = 0; q < quoted.size(); q++) {
                quotedStarts[q] = quoted.get(q).outerStart();
                quotedEnds[q] = quoted.get(q).outerEnd();
            }
            int sentenceCount = document.sentences().size();
            this.told = new ArrayList<>(Collections.nCopies(sentenceCount, null));
            this.firstName = new int[sentenceCount + 1];
            for (Name name : names) {
                if (name.sentence() >= 0 && name.sentence() < sentenceCount) {
                    firstName[name.sentence() + 1]++;
                }
            }
            for (int sentence = 0; sentence < sentenceCount; sentence++) {
                firstName[sentence + 1] += firstName[sentence];
            }
            this.namesBySentence = new Name[firstName[sentenceCount]];
            int[] placed = new int[sentenceCount];
            for (Name name : names) {
                int sentence = name.sentence();
                if (sentence >= 0 && sentence < sentenceCount) {
                    namesBySentence[firstName[sentence] + placed[sentence]++] = name;
                }
            }
            for (Name name : names) {
                if (name.kind() == Name.Kind.PERSON) {
                    fullestPerson.merge(lastWordKey(name.text()), name.text(),
                            (a, b) -> TextKeys.splitCount(b) > TextKeys.splitCount(a) ? b : a);
                    int space = name.text().indexOf(' ');
                    if (space > 0) {
                        // Two people of one first name make it nobody's: the empty string marks that.
                        byFirstWord.merge(name.text().substring(0, space), name.text(),
                                (a, b) -> a.equals(b) || lastWordKey(a).equals(lastWordKey(b)) ? a : "");
                    }
                }
            }
            this.interview = new InterviewAnswers(document, names, words.interviewLabels, quoted, this::fullest);
            this.sieves = List.of(
                    new Sieve(InterviewAnswers.SIEVE, interview::answerer),
                    new Sieve("verb-after", this::after),
                    new Sieve("attribution-inside", this::inside),
                    new Sieve("verb-or-colon-before", this::before),
                    new Sieve("next-sentence", this::nextSentence),
                    new Sieve("sentence-before", this::sentenceBefore));
        }

        List<Statement> statements() {
            List<Quotation> kept = new ArrayList<>();
            List<Speaker> speakers = new ArrayList<>();
            List<String> sieveNames = new ArrayList<>();
            Repeats repeats = new Repeats();
            Speaker previous = null;
            Speaker aliased = null;
            Quotation previousQuote = null;
            for (Quotation quotation : quoted) {
                Attribution attribution = isStatementText(quotation) ? attribute(quotation, previous, previousQuote)
                        : null;
                if (attribution == null) {
                    continue;
                }
                Speaker speaker = attribution.speaker();
                previous = speaker;
                previousQuote = quotation;
                said.add(new Said(quotation.outerEnd(), speaker));
                if (speaker != aliased) {
                    // Adding one speaker's aliases again changes nothing; pronouns and continuations repeat it.
                    addAlias(speaker);
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
                List<String> others = new ArrayList<>();
                for (String alias : aliases.getOrDefault(name, Set.of())) {
                    if (!alias.equals(name)) {
                        others.add(alias);
                    }
                }
                Quotation quotation = kept.get(k);
                statements.add(new Statement(name, others, quoteText(quotation), sieveNames.get(k),
                        quotation.start(), quotation.end()));
            }
            return statements;
        }

        /**
         * Tells repeated quotations by their folded words ({@link TextKeys#wordsKey}) at a cost that does not grow
         * with the article: most quotations are told apart by a hash of their first words alone; the whole key
         * of a quotation is built, once, only when another quotation's words begin the same way.
         */
        private final class Repeats {
            /** The first kept quotation with each head hash. */
            private final Map<Integer, Integer> firstWithHead = new HashMap<>();
            /** Heads shared by two quotations or more: the kept ones among them are indexed by whole key. */
            private final Set<Integer> sharedHeads = new HashSet<>();
            private final Map<String, Integer> byKey = new HashMap<>();
            private int head;
            private String key;

            /** The index among {@code kept} of a quotation with the same words, or -1. */
            int earlier(List<Quotation> kept, Quotation quotation) {
                head = TextKeys.wordsKeyHeadHash(document.text(), quotation.start(), quotation.end());
                key = null;
                Integer first = firstWithHead.get(head);
                if (first == null) {
                    return -1;
                }
                if (sharedHeads.add(head)) {
                    Quotation firstQuotation = kept.get(first);
                    String firstKey = TextKeys.wordsKey(document.text(), firstQuotation.start(), firstQuotation.end());
                    byKey.put(firstKey, first);
                }
                key = TextKeys.wordsKey(document.text(), quotation.start(), quotation.end());
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

        private String quoteText(Quotation quotation) {
            return document.slice(quotation.start(), quotation.end());
        }

        // ---- which quotations are statements

        private boolean isStatementText(Quotation quotation) {
            At open = tokenAt(quotation.start());
            if (open == null) {
                return false;
            }
            List<Token> tokens = open.sentence().tokens();
            int wordCount = 0;
            boolean titleCase = true;
            // The sentences the quotation runs through, from the one it starts in.
            List<Sentence> sentences = document.sentences();
            int to = Math.min(sentences.size(), document.firstSentenceEndingAfter(quotation.end() - 1) + 1);
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
        private Attribution attribute(Quotation quotation, Speaker previous, Quotation previousQuote) {
            for (Sieve sieve : sieves) {
                Speaker speaker = sieve.find().apply(quotation);
                if (speaker != null) {
                    return new Attribution(speaker, sieve.name());
                }
            }
            return previous != null && continues(previousQuote, quotation)
                    ? new Attribution(previous, CONTINUATION) : null;
        }

        /** "…,” he added", "«…», ha affermato Kirby", "“…,” said Danielle Bell", "…?” he asked". */
        private Speaker after(Quotation quotation) {
            At at = tokenAt(quotation.outerEnd());
            if (at == null || at.sentence() != sentenceOf(quotation.outerEnd() - 1) && !continuesAfter(quotation, at)) {
                return null;
            }
            List<Token> tokens = at.sentence().tokens();
            int limit = Math.min(tokens.size(), at.token() + words.afterVerbDistance);
            for (int k = at.token(); k < limit && !inQuotation(tokens.get(k)); k++) {
                int apposition = appositionEnd(tokens, k);
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
                    Speaker subject = subject(at.sentence(), verb, at.token());
                    if (subject == null) {
                        subject = introducedJustBefore(quotation);
                    }
                    return subject != null ? subject : lastSpeaker(quotation.outerStart());
                }
            }
            return null;
        }

        /**
         * "… la rabbia del fondatore di Wck, lo chef spagnolo José Andrés. «…», ha scritto su X.": a person named
         * at the very end of the sentence just before a quotation, in its paragraph, is whom a verb with no
         * subject after it refers to. Null when that sentence does not end with a person's full name.
         */
        private Speaker introducedJustBefore(Quotation quotation) {
            Sentence before = sentenceBeforeOpening(quotation);
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
            for (int n = namesFrom(before); n < namesTo(before); n++) {
                Name name = namesBySentence[n];
                if (name.end() == end && name.kind() == Name.Kind.PERSON && isStrong(name)) {
                    return new Speaker(fullest(name), name.text());
                }
            }
            return null;
        }

        /**
         * The closing comma of a description in apposition that opens at the comma {@code comma} with an
         * indefinite article (", a spokesperson for the OHCHR,"), at most {@code statements.description-limit}
         * tokens on; -1 when there is none.
         */
        private int appositionEnd(List<Token> tokens, int comma) {
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
                if (inQuotation(token) || words.speechVerbs.at(tokens, k) != null
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
        private boolean continuesAfter(Quotation quotation, At at) {
            Sentence last = sentenceOf(quotation.outerEnd() - 1);
            Token first = at.sentence().tokens().get(0);
            return last != null && at.token() == 0 && at.sentenceIndex() == last.index() + 1
                    && at.sentence().paragraph() == last.paragraph()
                    && first.isWord() && Character.isLowerCase(first.text().codePointAt(0));
        }

        /**
         * "“… – said Stoltenberg – …”", "“… – he said – …”". The dashes are looked up among the article's
         * dash characters, which is cheaper than reading the quotation's tokens; a dash token is the token
         * that starts at its dash.
         */
        private Speaker inside(Quotation quotation) {
            At at = tokenAt(quotation.start());
            if (at == null) {
                return null;
            }
            if (dashes == null) {
                dashes = Offsets.of(document.text(), DASHES);
            }
            for (int d = Offsets.firstAtOrAfter(dashes, quotation.start());
                    d < dashes.length && dashes[d] < quotation.end(); d++) {
                int offset = dashes[d];
                Sentence sentence = sentenceOf(offset);
                int k = sentence == null ? 0 : sentence.tokenAt(offset);
                if (sentence == null || k >= sentence.tokens().size() || sentence.tokens().get(k).start() != offset
                        || !isDash(sentence.tokens().get(k))) {
                    continue;
                }
                List<Token> tokens = sentence.tokens();
                int close = k + 1;
                while (close < tokens.size() && !isDash(tokens.get(close))
                        && tokens.get(close).end() <= quotation.end() && close - k <= words.afterVerbDistance) {
                    close++;
                }
                Match<Boolean> verb = words.speechVerbs.find(tokens, k + 1, close);
                if (verb != null) {
                    Speaker speaker = resolveAround(sentence, k + 1, close, verb);
                    return speaker != null ? speaker : lastSpeaker(quotation.start());
                }
            }
            return null;
        }

        /** "Stoltenberg: “…”", "Peskov warned that … “…”", "ha dichiarato di aver accolto “…”". */
        private Speaker before(Quotation quotation) {
            At at = tokenAt(quotation.outerStart());
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
                if (verb == null || inQuotation(tokens.get(k))) {
                    continue;
                }
                anyVerb = true;
                Speaker subject = subjectBefore(sentence, verb, 0);
                if (subject == null && !isAside(tokens, verb)) {
                    subject = subjectAfter(sentence, verb);
                }
                if (subject != null) {
                    return subject;
                }
                k = verb.start();
            }
            if (anyVerb) {
                Speaker main = mainSubject(sentence, end);
                return main != null ? main : lastSpeaker(quotation.outerStart());
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
                Speaker source = resolve(sentence, opener.end(), close, false);
                if (source != null) {
                    return source;
                }
            }
            if (end == 0 || !tokens.get(end - 1).is(":")) {
                return null;
            }
            // "Stoltenberg: “…”"; else the sentence's subject ("Zelensky ha poi attribuito le difficoltà …: “…”").
            Speaker named = resolve(sentence, subjectStart(tokens, end - 1, 0), end - 1, true);
            return named != null ? named : mainSubject(sentence, end - 1);
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
        private Speaker nextSentence(Quotation quotation) {
            Sentence last = sentenceOf(quotation.end() - 1);
            At after = tokenAt(quotation.outerEnd());
            boolean endsSentence = after == null || after.sentence() != last
                    || after.token() >= last.tokens().size() - 1
                    && last.tokens().get(last.tokens().size() - 1).isPunct();
            if (last == null || !endsSentence || last.index() + 1 >= document.sentences().size()) {
                return null;
            }
            Sentence next = document.sentences().get(last.index() + 1);
            List<Token> tokens = next.tokens();
            Match<Boolean> cue = words.quoteCues.at(tokens, 0);
            if (next.paragraph() != last.paragraph() || cue == null) {
                return null;
            }
            Match<Boolean> verb = words.speechVerbs.find(tokens, cue.end(), Math.min(tokens.size(), cue.end() + 2));
            int from = skipLeading(tokens, verb != null ? verb.end() : cue.end());
            int end = nounPhraseEnd(tokens, from);
            Speaker named = resolve(next, from, end, false);
            // "«…». Lo racconta Maria, infermiera di Kharkiv": a first name alone, said once, still speaks.
            return named == null && end == from + 1 ? loneName(next, from) : named;
        }

        /**
         * "Zelensky ha parlato ieri ai giornalisti. «La Russia vuole…».": a quotation that is a sentence of its own
         * belongs to whoever speaks in the sentence just before it in its paragraph, outside quotation marks.
         */
        private Speaker sentenceBefore(Quotation quotation) {
            Sentence before = sentenceBeforeOpening(quotation);
            Sentence last = sentenceOf(quotation.end() - 1);
            if (before == null || last == null) {
                return null;
            }
            At after = tokenAt(quotation.outerEnd());
            boolean whole = after == null || after.sentence() != last || after.token() >= last.tokens().size() - 1;
            if (!whole) {
                return null;
            }
            List<Token> tokens = before.tokens();
            for (int k = 0; k < tokens.size(); k++) {
                Match<Boolean> verb = inQuotation(tokens.get(k)) ? null : words.speechVerbs.at(tokens, k);
                if (verb != null) {
                    return subject(before, verb, 0);
                }
            }
            return null;
        }

        /** The sentence before the one a quotation opens, in the same paragraph; null when there is none. */
        private Sentence sentenceBeforeOpening(Quotation quotation) {
            At at = tokenAt(quotation.outerStart());
            if (at == null || at.token() != 0 || at.sentence().index() == 0) {
                return null;
            }
            Sentence before = document.sentences().get(at.sentence().index() - 1);
            return before.paragraph() == at.sentence().paragraph() ? before : null;
        }

        /** A quotation that opens its paragraph or follows the last one in the same paragraph. */
        private boolean continues(Quotation previousQuote, Quotation quotation) {
            if (previousQuote == null) {
                return false;
            }
            Sentence previous = sentenceOf(previousQuote.start());
            Sentence current = sentenceOf(quotation.start());
            if (previous == null || current == null) {
                return false;
            }
            if (previous.paragraph() == current.paragraph()) {
                return true;
            }
            int paragraphStart = document.paragraphs().get(current.paragraph())[0];
            return current.paragraph() == previous.paragraph() + 1 && quotation.outerStart() == paragraphStart;
        }

        // ---- speakers from noun phrases

        /** The subject of a verb of saying: the words before it, or after it when the order is inverted. */
        private Speaker subject(Sentence sentence, Match<Boolean> verb, int floor) {
            Speaker before = subjectBefore(sentence, verb, floor);
            return before != null ? before : subjectAfter(sentence, verb);
        }

        private Speaker subjectBefore(Sentence sentence, Match<Boolean> verb, int floor) {
            List<Token> tokens = sentence.tokens();
            int end = verb.start();
            while (end > floor && words.speechAuxiliaries.endingAt(tokens, end) != null) {
                end = words.speechAuxiliaries.endingAt(tokens, end).start();
            }
            while (end > floor && words.adverbs.endingAt(tokens, end) != null) {
                end = words.adverbs.endingAt(tokens, end).start();
            }
            int start = subjectStart(tokens, end, floor);
            Speaker antecedent = antecedent(sentence, start, floor);
            if (antecedent != null) {
                return antecedent;
            }
            end = beforeAside(tokens, start, end);
            Speaker named = start < end ? resolve(sentence, start, end, true) : null;
            return named == null && end == start + 1 ? loneName(sentence, start) : named;
        }

        /**
         * Where a subject ends before an aside between commas that stands between it and its verb: "Hezbollah, in
         * una nota, ha detto", "the ministry, in a statement, said", "Serhiy Lysak, head of the regional
         * administration, wrote". An aside opens with a word in lower case; a name in apposition ("the agency's
         * head, Filippo Grandi, said") is the subject itself. {@code end} when there is no aside.
         */
        private int beforeAside(List<Token> tokens, int start, int end) {
            if (end - 1 <= start || !tokens.get(end - 1).is(",")) {
                return end;
            }
            for (int k = end - 2; k > start; k--) {
                if (tokens.get(k).is(",")) {
                    return isLowerCaseAside(tokens, k + 1, end - 1) ? k : end;
                }
            }
            return end;
        }

        /**
         * "“…,” Zelensky said", "– said Stoltenberg –", "Peskov said:": one capitalised word next to a verb of
         * saying that the name finder did not take for a person (it is said once) is still who speaks, unless
         * it is a place or body, or a word of the lexicons ("Officials said" opening a sentence). Null otherwise.
         */
        private Speaker loneName(Sentence sentence, int token) {
            Token word = sentence.tokens().get(token);
            // A side's proper name speaks as a body ("Hezbollah ha detto", "Russia said"); other lexicon words
            // opening a sentence do not ("Officials said").
            boolean lexiconWord = (word.firsts() != 0 || word.lasts() != 0)
                    && words.nationalities.at(sentence.tokens(), token) == null;
            if (!word.isWord() || !word.isCapitalised() || isNamedPlaceOrBody(sentence, token)
                    || token == 0 && lexiconWord) {
                return null;
            }
            return new Speaker(word.text(), word.text());
        }

        /**
         * "Zelensky, che su Twitter ha parlato", "the minister, who said on Telegram": a relative clause
         * after a comma is about the name before the comma, not about the names inside it. The relative
         * pronoun is at the subject's start, or just before it where it also ends clauses ("che").
         */
        private Speaker antecedent(Sentence sentence, int start, int floor) {
            List<Token> tokens = sentence.tokens();
            Match<Boolean> relative = words.relatives.endingAt(tokens, start);
            if (relative == null) {
                relative = words.relatives.at(tokens, start);
            }
            int comma = relative == null ? -1 : relative.start() - 1;
            if (comma <= floor || !tokens.get(comma).is(",")) {
                return null;
            }
            int from = subjectStart(tokens, comma, floor);
            return from < comma ? resolve(sentence, from, comma, true) : null;
        }

        /**
         * Past the outlet a message was given to, "a Repubblica", "alla Cnn", "to the BBC": where the speaker may
         * follow ("in un'intervista a Repubblica il generale…"). {@code from} when no recipient is named there.
         */
        private int skipRecipient(List<Token> tokens, int from) {
            Match<Boolean> to = words.recipients.at(tokens, from);
            if (to == null) {
                return from;
            }
            int k = to.end();
            if (k < tokens.size() && words.determiners.contains(tokens.get(k))) {
                k++;
            }
            int name = k;
            while (k < tokens.size() && tokens.get(k).isCapitalised()) {
                k++;
            }
            return k > name ? k : from;
        }

        /** "said Danielle Bell", "ha scritto su Telegram il vicecapo…", "si legge nella nota del ministero". */
        private Speaker subjectAfter(Sentence sentence, Match<Boolean> verb) {
            List<Token> tokens = sentence.tokens();
            int from = skipLeading(tokens, verb.end());
            Match<Boolean> preposition = words.npStops.at(tokens, from);
            if (preposition != null) {
                int k = preposition.end();
                Match<Boolean> source = words.documents.at(tokens, k);
                if (source != null) {
                    Match<Boolean> of = words.nameWords.at(tokens, source.end());
                    int after = skipRecipient(tokens, source.end());
                    boolean speakerFollows = after < tokens.size() && (tokens.get(after).isCapitalised()
                            || words.determiners.contains(tokens.get(after)));
                    if (of == null && !speakerFollows) {
                        return sentence.index() > 0 ? mainSubject(document.sentences().get(sentence.index() - 1),
                                Integer.MAX_VALUE) : null;
                    }
                    // "nella nota del ministero", or "in un comunicato l'Unicef": the speaker follows the document.
                    from = of != null ? of.end() : after;
                } else if (words.media.at(tokens, k) != null) {
                    // "ha scritto su Telegram Serhiy Lysak": the platform, then the speaker.
                    from = skipLeading(tokens, words.media.at(tokens, k).end());
                } else if (k < tokens.size() && tokens.get(k).isCapitalised()) {
                    while (k < tokens.size() && tokens.get(k).isCapitalised()) {
                        k++;
                    }
                    from = skipLeading(tokens, k);
                }
            }
            int described = indefiniteAfterAside(tokens, from);
            if (described >= 0) {
                // "ha raccontato al telefono un volontario del campo": a short aside before the speaker.
                from = described;
            } else {
                // "ha detto in serata ai giornalisti il presidente Donald Trump": asides, then the subject.
                int subject = determinerAfterAsides(tokens, from);
                from = subject >= 0 ? subject : from;
            }
            if (from < tokens.size() && words.indefinites.contains(tokens.get(from))) {
                // "said a resident who took part in the rescue": a description runs to the clause's end.
                descriptionAfterVerb = true;
                try {
                    return resolve(sentence, from, descriptionEnd(tokens, from), false);
                } finally {
                    descriptionAfterVerb = false;
                }
            }
            int joint = jointNamesEnd(sentence, from);
            if (joint > 0) {
                // "hanno scritto Unhcr, Oim e Unicef": a joint statement has all its authors as written.
                String authors = document.slice(tokens.get(from).start(), tokens.get(joint - 1).end());
                return new Speaker(authors, authors);
            }
            int end = nounPhraseEnd(tokens, from);
            Speaker named = resolve(sentence, from, end, false);
            Name apposed = named == null || !isPersonNamed(sentence, from, end)
                    ? appositivePerson(sentence, end) : null;
            if (apposed != null) {
                // "ha scritto su X la relatrice speciale dell'Onu per i Territori, Francesca Albanese": the
                // description ends in a body; the person after the comma is who speaks.
                int phraseEnd = tokens.get(apposed.end() - 1).end();
                return new Speaker(fullest(apposed), document.slice(tokens.get(from).start(), phraseEnd));
            }
            // "said Serhiy, a volunteer who…", "afferma l'Unicef": a name alone, with its article or none, still
            // speaks after a verb of saying.
            int lone = end == from + 2 && words.determiners.contains(tokens.get(from)) ? from + 1 : from;
            return named == null && end == lone + 1 ? loneName(sentence, lone) : named;
        }

        /** A conjunction between two capitalised words joins names ("UNHCR, IOM and UNICEF said"), not clauses. */
        private static boolean joinsNames(List<Token> tokens, int k) {
            return k > 0 && k + 1 < tokens.size() && tokens.get(k - 1).isCapitalised()
                    && tokens.get(k + 1).isCapitalised();
        }

        /**
         * Where a list of names that starts at {@code from} ends ("Unhcr, Oim e Unicef": runs of capitalised words
         * joined by commas and a last conjunction), or -1 when no such list starts there.
         */
        private int jointNamesEnd(Sentence sentence, int from) {
            List<Token> tokens = sentence.tokens();
            int k = from;
            while (true) {
                int end = capitalisedRunEnd(tokens, k);
                if (end == k) {
                    return -1;
                }
                k = end;
                if (k < tokens.size() && tokens.get(k).is(",")) {
                    k++;
                } else if (k < tokens.size() && words.conjunctions.contains(tokens.get(k))) {
                    int last = capitalisedRunEnd(tokens, k + 1);
                    return last > k + 1 ? last : -1;
                } else {
                    return -1;
                }
            }
        }

        private static int capitalisedRunEnd(List<Token> tokens, int from) {
            int k = from;
            while (k < tokens.size() && tokens.get(k).isWord() && tokens.get(k).isCapitalised()) {
                k++;
            }
            return k;
        }

        /** Whether the name finder found a person within tokens {@code [from, to)} of the sentence. */
        private boolean isPersonNamed(Sentence sentence, int from, int to) {
            for (int n = namesFrom(sentence); n < namesTo(sentence); n++) {
                Name name = namesBySentence[n];
                if (name.start() >= from && name.end() <= to && name.kind() == Name.Kind.PERSON) {
                    return true;
                }
            }
            return false;
        }

        /**
         * A person named in apposition after a description that ends at {@code end}: the description's words go
         * on, without a boundary other than commas, to ", Person" within the subject limit. Null otherwise.
         */
        private Name appositivePerson(Sentence sentence, int end) {
            List<Token> tokens = sentence.tokens();
            for (int k = end; k < Math.min(tokens.size() - 1, end + words.subjectLimit); k++) {
                Token token = tokens.get(k);
                if (inQuotation(token) || words.speechVerbs.at(tokens, k) != null
                        || Marks.isBoundary(token) && !token.is(",")) {
                    return null;
                }
                if (token.is(",")) {
                    Name name = nameStartingAt(sentence, k + 1);
                    return name != null && name.kind() == Name.Kind.PERSON ? name : null;
                }
            }
            return null;
        }

        private Name nameStartingAt(Sentence sentence, int token) {
            for (int n = namesFrom(sentence); n < namesTo(sentence); n++) {
                if (namesBySentence[n].start() == token) {
                    return namesBySentence[n];
                }
            }
            return null;
        }

        /** Whether the name finder took the token for a place or an organisation. */
        private boolean isNamedPlaceOrBody(Sentence sentence, int token) {
            for (int n = namesFrom(sentence); n < namesTo(sentence); n++) {
                Name name = namesBySentence[n];
                if (name.start() <= token && token < name.end() && name.kind() != Name.Kind.PERSON) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Where an indefinite description starts after a short prepositional aside that opens at {@code from}
         * ("al telefono un volontario"), or -1 when there is no such aside.
         */
        private int indefiniteAfterAside(List<Token> tokens, int from) {
            if (from >= tokens.size() || words.npStops.at(tokens, from) == null) {
                return -1;
            }
            for (int k = from + 1; k < Math.min(tokens.size(), from + ASIDE_WORDS + 1); k++) {
                Token token = tokens.get(k);
                if (words.indefinites.contains(token)) {
                    return k;
                }
                if (!token.isWord() || token.isCapitalised()) {
                    return -1;
                }
            }
            return -1;
        }

        /**
         * Where a subject opened by a determiner starts after one or two short prepositional asides of lower-case
         * words that open at {@code from} ("in serata ai giornalisti il presidente"), or -1.
         */
        private int determinerAfterAsides(List<Token> tokens, int from) {
            int k = from;
            for (int asides = 0; asides < 2 && k < tokens.size() && opensAside(tokens, k); asides++) {
                int j = k + 1;
                int asideWords = 0;
                while (j < tokens.size() && asideWords < ASIDE_WORDS && tokens.get(j).isWord()
                        && !tokens.get(j).isCapitalised() && !words.determiners.contains(tokens.get(j))
                        && !opensAside(tokens, j)) {
                    j++;
                    asideWords++;
                }
                if (asideWords == 0) {
                    return -1;
                }
                k = j;
            }
            return k > from && k < tokens.size() && words.determiners.contains(tokens.get(k)) ? k : -1;
        }

        /** Whether a preposition of one word opens an aside at {@code k}: "ai", "in". */
        private boolean opensAside(List<Token> tokens, int k) {
            return words.npStops.contains(tokens.get(k)) || words.placePrepositions.contains(tokens.get(k));
        }

        private int descriptionEnd(List<Token> tokens, int from) {
            int k = from;
            while (k < tokens.size() && k - from < words.descriptionLimit && !inQuotation(tokens.get(k))
                    && !Marks.isBoundary(tokens.get(k)) && words.recipients.at(tokens, k) == null) {
                k++;
            }
            return k;
        }

        /**
         * Where the words before {@code end} that can name a speaker begin. An apposition (", Volker Türk,")
         * and an aside opened by a preposition or adverb (", su Facebook,") are crossed.
         */
        private int subjectStart(List<Token> tokens, int end, int floor) {
            int k = end;
            int skipped = 0;
            while (k > floor && end - k - skipped < words.subjectLimit) {
                Token token = tokens.get(k - 1);
                if (inQuotation(token) || words.conjunctions.contains(token)) {
                    break;
                }
                if (token.is(")")) {
                    // "La missione delle Nazioni Unite in Libia (Unsmil) ha chiesto": an acronym or aside in
                    // brackets belongs to the name before it.
                    int open = openingBracket(tokens, k - 1, floor);
                    if (open < 0) {
                        break;
                    }
                    k = open;
                    continue;
                }
                if (Marks.isBoundary(token)) {
                    int aside = token.is(",") ? asideStart(tokens, k - 1, floor) : -1;
                    if (aside < 0 && token.is(",")) {
                        aside = describedNameStart(tokens, k - 1, floor);
                    }
                    if (aside < 0) {
                        break;
                    }
                    // A description or aside between commas does not count toward the subject's length.
                    skipped += k - aside;
                    k = aside;
                    continue;
                }
                k--;
            }
            return k;
        }

        /** The "(" that the ")" at {@code close} closes, a few words back, or -1. */
        private int openingBracket(List<Token> tokens, int close, int floor) {
            for (int k = close - 1; k > floor && close - k <= ASIDE_LIMIT; k--) {
                if (tokens.get(k).is("(")) {
                    return k;
                }
                if (Marks.isBoundary(tokens.get(k))) {
                    return -1;
                }
            }
            return -1;
        }

        /** The comma opening an aside that ends at the comma {@code comma}, or -1. */
        private int asideStart(List<Token> tokens, int comma, int floor) {
            for (int k = comma - 1; k > floor && comma - k <= ASIDE_LIMIT; k--) {
                if (tokens.get(k).is(",")) {
                    boolean name = tokens.get(k + 1).isCapitalised() && tokens.get(comma - 1).isCapitalised();
                    boolean aside = words.adverbs.at(tokens, k + 1) != null || words.npStops.at(tokens, k + 1) != null
                            || isLowerCaseAside(tokens, k + 1, comma);
                    return name || aside ? k : -1;
                }
                if (Marks.isBoundary(tokens.get(k))) {
                    return -1;
                }
            }
            return -1;
        }

        /**
         * Words {@code [from, to)} between commas that open in lower case and say nothing: ", speaking on condition
         * of anonymity,", ", in una nota,". An aside with a verb of saying in it is not one.
         */
        private boolean isLowerCaseAside(List<Token> tokens, int from, int to) {
            if (from >= to || !tokens.get(from).isWord() || tokens.get(from).isCapitalised()) {
                return false;
            }
            for (int k = from; k < to; k++) {
                if (!tokens.get(k).isWord() || words.speechVerbs.at(tokens, k) != null) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The comma opening a description of the name before it, where the description ends at the comma
         * {@code comma}: "Serhiy Lysak, head of the regional military administration, wrote"; -1 when the words
         * back to the previous comma are not all words or the word before that comma is not capitalised.
         */
        private int describedNameStart(List<Token> tokens, int comma, int floor) {
            int brackets = 0;
            for (int k = comma - 1; k > floor && comma - k - brackets <= words.descriptionLimit; k--) {
                Token token = tokens.get(k);
                if (token.is(",")) {
                    boolean named = k - 1 > floor && tokens.get(k - 1).isCapitalised() && k + 1 < comma;
                    return named ? k : -1;
                }
                boolean bracket = token.is("(") || token.is(")"); // "(OHCHR)" belongs to the description
                brackets += bracket ? 1 : 0;
                if (!token.isWord() && !bracket || inQuotation(token) || words.speechVerbs.at(tokens, k) != null) {
                    return -1;
                }
            }
            return -1;
        }

        private int skipLeading(List<Token> tokens, int from) {
            int k = from;
            while (k < tokens.size() && (words.adverbs.at(tokens, k) != null || tokens.get(k).is(","))) {
                k = words.adverbs.at(tokens, k) != null ? words.adverbs.at(tokens, k).end() : k + 1;
            }
            return k;
        }

        /** A speaker named after a verb ends at punctuation or a preposition, except for ", Name". */
        private int nounPhraseEnd(List<Token> tokens, int from) {
            int k = from;
            while (k < tokens.size() && k - from < words.subjectLimit) {
                Token token = tokens.get(k);
                boolean apposition = token.is(",") && k + 1 < tokens.size() && tokens.get(k + 1).isCapitalised();
                if (inQuotation(token) || Marks.isBoundary(token) && !apposition
                        || words.npStops.at(tokens, k) != null || words.speechVerbs.at(tokens, k) != null) {
                    break;
                }
                k++;
            }
            return k;
        }

        /** A speaker from a verb and the words next to it inside dashes ("– said Stoltenberg –"). */
        private Speaker resolveAround(Sentence sentence, int from, int to, Match<Boolean> verb) {
            List<Token> tokens = sentence.tokens();
            int end = verb.start();
            while (end > from && words.speechAuxiliaries.endingAt(tokens, end) != null) {
                end = words.speechAuxiliaries.endingAt(tokens, end).start();
            }
            Speaker before = from < end ? resolve(sentence, from, end, false) : null;
            if (before == null && end == from + 1) {
                before = loneName(sentence, from);
            }
            int after = skipLeading(tokens, verb.end());
            Speaker named = before != null ? before : resolve(sentence, after, to, false);
            return named == null && to == after + 1 ? loneName(sentence, after) : named;
        }

        /**
         * The sentence's subject: the first person, else organisation, it names before {@code end} that
         * no preposition governs ("Alla domanda ... con il Cremlino" names no subject).
         */
        private Speaker mainSubject(Sentence sentence, int end) {
            List<Token> tokens = sentence.tokens();
            Name best = null;
            for (int n = namesFrom(sentence); n < namesTo(sentence); n++) {
                Name name = namesBySentence[n];
                if (name.end() > end || name.kind() == Name.Kind.PLACE
                        || inQuotation(tokens.get(name.start())) || isGoverned(tokens, name.start())) {
                    continue;
                }
                if (best == null || rank(name) > rank(best)) {
                    best = name;
                }
            }
            return best == null ? null : resolve(sentence, best.start(), best.end(), false);
        }

        private int rank(Name name) {
            if (name.kind() == Name.Kind.PERSON) {
                return isStrong(name) ? 2 : 0;
            }
            return 1;
        }

        private boolean isGoverned(List<Token> tokens, int start) {
            int k = start;
            if (k > 0 && words.determiners.contains(tokens.get(k - 1))) {
                k--;
            }
            return k > 0 && (words.npStops.endingAt(tokens, k) != null || words.nameWords.endingAt(tokens, k) != null
                    || words.comitatives.contains(tokens.get(k - 1)));
        }

        /** A person named in full, or by a last word the article also gives in full. */
        private boolean isStrong(Name person) {
            return person.text().indexOf(' ') >= 0 || !fullest(person).equals(person.text());
        }

        /** Whether the name at {@code name} follows a preposition (and an article) after {@code start}. */
        private boolean isComplement(List<Token> tokens, int start, int name) {
            int k = name;
            if (k > start && words.determiners.contains(tokens.get(k - 1))) {
                k--;
            }
            return k > start
                    && (words.npStops.endingAt(tokens, k) != null || words.nameWords.endingAt(tokens, k) != null);
        }

        /**
         * Who the words {@code [start, end)} of a sentence name, or null when they name no one. A role
         * ("the NATO secretary") refers to whom the article introduced with it; an indefinite
         * description before its verb ("a man who had helped…") is kept as the speaker.
         */
        private Speaker resolve(Sentence sentence, int start, int end, boolean indefiniteAllowed) {
            List<Token> tokens = sentence.tokens();
            int s = start;
            int e = end;
            while (s < e && (tokens.get(s).isPunct() || words.adverbs.at(tokens, s) != null)) {
                s++;
            }
            while (e > s && tokens.get(e - 1).isPunct()) {
                e--;
            }
            if (s >= e) {
                return null;
            }
            int offset = tokens.get(s).start();
            if (words.pronouns.contains(tokens.get(e - 1))) {
                return lastSpeaker(offset);
            }
            String phrase = document.slice(offset, tokens.get(e - 1).end());
            Name person = null;
            Name organisation = null;
            Name place = null;
            for (int n = namesFrom(sentence); n < namesTo(sentence); n++) {
                Name name = namesBySentence[n];
                if (name.start() < s || name.end() > e) {
                    continue;
                }
                switch (name.kind()) {
                    case PERSON -> person = person == null || rank(name) >= rank(person) ? name : person;
                    case ORGANISATION -> organisation = organisation == null ? name : organisation;
                    case PLACE -> place = place == null ? name : place;
                    default -> throw new IllegalStateException("unknown kind of name " + name.kind());
                }
            }
            boolean strongPerson = person != null && isStrong(person);
            // "a doctor with Doctors Without Borders": a name after a preposition completes the description.
            boolean complement = strongPerson && isComplement(tokens, s, person.start());
            if (words.indefinites.contains(tokens.get(s)) && (!strongPerson || complement)
                    && (indefiniteAllowed || descriptionAfterVerb)) {
                // "a Kanan resident", "a doctor at Shire Suhul General Hospital": the names inside describe
                // a speaker the article does not name.
                return new Speaker(phrase, phrase);
            }
            String body = describedBody(tokens, s, e);
            if (body != null) {
                // "la missione delle Nazioni Unite in Libia": the names are parts of the body's description.
                return new Speaker(body, phrase);
            }
            String role = roleWord(tokens, s, e);
            if (person != null && (role == null || isStrong(person))) {
                return new Speaker(fullest(person), phrase);
            }
            String referent = role != null ? referent(role, offset, sentence.index()) : null;
            if (referent == null && role != null && person == null) {
                // "il leader ucraino" after "il presidente ucraino Volodymyr Zelensky": the same side's named holder.
                referent = referentOfSide(tokens, s, e, offset);
            }
            if (referent != null) {
                return new Speaker(referent, phrase);
            }
            if (organisation != null) {
                return new Speaker(organisationName(tokens, s, e, organisation), phrase);
            }
            String head = organisationWord(tokens, s, e);
            if (head != null) {
                String described = referent(head, offset, sentence.index());
                return new Speaker(described != null ? described : phrase, phrase);
            }
            if (role != null) {
                return new Speaker(phrase, phrase);
            }
            if (person != null) {
                return new Speaker(fullest(person), phrase);
            }
            if (place != null && place.start() == s && place.end() == e) {
                return new Speaker(place.text(), phrase);
            }
            return indefiniteAllowed && words.indefinites.contains(tokens.get(s)) ? new Speaker(phrase, phrase) : null;
        }

        /**
         * The organisation's name as the phrase gives it when the phrase is all name ("Russia's Defence
         * Ministry", "Yemen's Houthi movement"); else the fullest name the article gives it.
         */
        private String organisationName(List<Token> tokens, int s, int e, Name organisation) {
            int end = e;
            for (int k = s; k < e; k++) {
                if (tokens.get(k).is(",")) {
                    if (organisation.start() > k) {
                        return fullestOrganisation(organisation);
                    }
                    end = k;
                    break;
                }
            }
            for (int k = s; k < end; k++) {
                Token token = tokens.get(k);
                boolean named = token.isCapitalised() || token.is("'s") || words.determiners.contains(token)
                        || words.organisations.contains(token) || words.nameWords.contains(token)
                        || words.nationalities.at(tokens, k) != null
                        || k > s && words.organisations.contains(tokens.get(k - 1))
                        && words.organisationAdjectives.contains(token);
                if (!named) {
                    return fullestOrganisation(organisation);
                }
            }
            return document.slice(tokens.get(s).start(), tokens.get(end - 1).end());
        }

        private String fullestOrganisation(Name organisation) {
            String fullest = organisation.text();
            String foldedName = folded(organisation.text());
            for (Name name : names) {
                boolean contains = name.kind() == Name.Kind.ORGANISATION
                        && TextKeys.containsWords(folded(name.text()), foldedName);
                if (contains && name.text().length() > fullest.length()) {
                    fullest = name.text();
                }
            }
            return fullest;
        }

        private String roleWord(List<Token> tokens, int s, int e) {
            Match<String> synonym = words.roleSynonyms.find(tokens, s, e);
            if (synonym != null) {
                // "il capo dello Stato" after "il presidente Volodymyr Zelensky": another name for the role.
                return synonym.value();
            }
            String role = null;
            for (int k = s; k < e; k++) {
                if (words.roles.contains(tokens.get(k))) {
                    role = tokens.get(k).norm();
                }
            }
            return role;
        }

        private String organisationWord(List<Token> tokens, int s, int e) {
            for (int k = s; k < e; k++) {
                if (words.organisations.at(tokens, k) != null) {
                    return tokens.get(k).norm();
                }
            }
            return null;
        }

        /** Whom a description refers to: the last one introduced with its head word before {@code offset}. */
        private String referent(String head, int offset, int sentenceIndex) {
            Role latest = null;
            for (Role role : roleMentions()) {
                if (role.head().equals(head) && role.offset() < offset) {
                    latest = role;
                }
            }
            if (latest != null) {
                return latest.name();
            }
            Name organisation = null;
            for (Name name : names) {
                boolean earlier = name.sentence() < sentenceIndex;
                if (earlier && name.kind() == Name.Kind.ORGANISATION && folded(name.text()).contains(head)) {
                    organisation = name;
                }
            }
            return organisation != null ? organisation.text() : described(head, sentenceIndex);
        }

        /**
         * The person last introduced with a role and the nationality that the words {@code [s, e)} name, or null
         * when they name none or no such person came before {@code offset}.
         */
        private String referentOfSide(List<Token> tokens, int s, int e, int offset) {
            Match<String> nationality = words.nationalities.find(tokens, s, e);
            if (nationality == null) {
                return null;
            }
            String latest = null;
            for (Role role : roleMentions()) {
                if (nationality.value().equals(role.side()) && role.offset() < offset) {
                    latest = role.name();
                }
            }
            return latest;
        }

        /**
         * "il ministero della Difesa britannico", "la missione delle Nazioni Unite in Libia": a body described
         * by a lower-case word for an organisation and the names joined to it, its leading article left out;
         * null when the words {@code [s, e)} do not start so.
         */
        private String describedBody(List<Token> tokens, int s, int e) {
            int k = s;
            while (k < e && words.determiners.contains(tokens.get(k))) {
                k++;
            }
            Match<Boolean> head = k < e ? words.organisations.at(tokens, k) : null;
            if (head == null || tokens.get(k).isCapitalised() || head.end() > e) {
                return null;
            }
            int end = namedExtent(tokens, head.end(), e);
            if (end == head.end()) {
                return null;
            }
            Match<Boolean> in = end + 1 < e ? words.placePrepositions.at(tokens, end) : null;
            if (in != null && in.end() < e && tokens.get(in.end()).isCapitalised()) {
                end = in.end() + 1;
                while (end < e && tokens.get(end).isCapitalised()) {
                    end++;
                }
            }
            return document.slice(tokens.get(k).start(), tokens.get(end - 1).end());
        }

        /** After {@code from}, the end of the names joined to a word ("della Difesa britannico"). */
        private int namedExtent(List<Token> tokens, int from, int limit) {
            int end = from;
            while (end < limit) {
                Match<Boolean> joiner = words.nameWords.at(tokens, end);
                boolean joinsName = joiner != null && joiner.end() < limit && tokens.get(joiner.end()).isCapitalised();
                boolean hyphenated = end > from && end + 1 < limit && tokens.get(end).is("-")
                        && tokens.get(end - 1).isCapitalised() && tokens.get(end + 1).isCapitalised();
                if (joinsName) {
                    end = joiner.end() + 1;
                } else if (hyphenated) {
                    end += 2;
                } else if (tokens.get(end).isCapitalised() && end > from || words.nationalities.at(tokens, end) != null
                        && end > from) {
                    end++;
                } else {
                    break;
                }
            }
            return end;
        }

        /** "il ministero della Difesa russo" introduced earlier as a lower-case description with a name in it. */
        private String described(String head, int sentenceIndex) {
            String found = null;
            for (Sentence sentence : document.sentences().subList(0, sentenceIndex)) {
                List<Token> tokens = sentence.tokens();
                for (int k = 0; k < tokens.size(); k++) {
                    if (!tokens.get(k).norm().equals(head) || inQuotation(tokens.get(k))) {
                        continue;
                    }
                    int end = k + 1;
                    while (end < tokens.size()) {
                        Match<Boolean> joiner = words.nameWords.at(tokens, end);
                        boolean joinsName = joiner != null && joiner.end() < tokens.size()
                                && tokens.get(joiner.end()).isCapitalised();
                        if (joinsName) {
                            end = joiner.end() + 1;
                        } else if (tokens.get(end).isCapitalised() || words.nationalities.at(tokens, end) != null) {
                            end++;
                        } else {
                            break;
                        }
                    }
                    if (end > k + 1) {
                        found = document.slice(tokens.get(k).start(), tokens.get(end - 1).end());
                    }
                }
            }
            return found;
        }

        /**
         * The fullest name the article gives the person: by the last word ("Zelensky" for "Volodymyr Zelensky"),
         * or, for one word that is no one's last word, by the first word when one person alone has it ("Tedros"
         * for "Tedros Adhanom Ghebreyesus", "Abiy" for "Abiy Ahmed").
         */
        private String fullest(Name person) {
            String byLast = fullestPerson.get(lastWordKey(person.text()));
            if (byLast != null && !byLast.equals(person.text())) {
                return byLast;
            }
            String byFirst = person.text().indexOf(' ') < 0 ? byFirstWord.get(person.text()) : null;
            return byFirst != null && !byFirst.isEmpty() ? byFirst : person.text();
        }

        /**
         * The speaker of the last event before {@code offset}, the later told of two at one offset. While a
         * sentence is read, only what the sentences before it and it so far tell counts, not the quotations'
         * speakers, as if all sentences were read in order before any quotation is attributed.
         */
        private Speaker lastSpeaker(int offset) {
            Said latest = lastTold(offset);
            if (readingSentence < 0) {
                Said attributed = lastSaidBefore(offset);
                latest = attributed != null && (latest == null || attributed.offset() >= latest.offset())
                        ? attributed : latest;
            }
            return latest == null ? null : latest.speaker();
        }

        /**
         * The last quotation attributed before {@code offset}: {@link #said} grows in the text's order, so a
         * binary search finds it, whatever the number of quotations.
         */
        private Said lastSaidBefore(int offset) {
            int low = 0;
            int high = said.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (said.get(middle).offset() < offset) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low == 0 ? null : said.get(low - 1);
        }

        /** The last of {@code events} before {@code offset} if any, else {@code latest}; later ones win ties. */
        private static Said latestBefore(List<Said> events, int offset, Said latest) {
            Said found = latest;
            for (Said event : events) {
                if (event.offset() < offset && (found == null || event.offset() >= found.offset())) {
                    found = event;
                }
            }
            return found;
        }

        /**
         * The last event the sentences tell of before {@code offset}. What a sentence tells lies within it, so
         * the sentences are searched backwards from the last one that starts before {@code offset}, each read
         * when first reached, and the first with an event before {@code offset} holds the last one. Reading a
         * sentence can need this search in turn (a pronoun); past a few levels the sentences before are read
         * in order first, so the nesting stays shallow.
         */
        private Said lastTold(int offset) {
            int last = lastSentenceStartingBefore(offset);
            if (readingSentence >= 0) {
                last = Math.min(last, readingSentence);
            }
            if (readingDepth >= NESTED_READS) {
                for (; readInOrder < last; readInOrder++) {
                    read(readInOrder);
                }
            }
            for (int index = last; index >= 0; index--) {
                Said latest = latestBefore(read(index), offset, null);
                if (latest != null) {
                    return latest;
                }
            }
            return null;
        }

        private int lastSentenceStartingBefore(int offset) {
            int index = document.firstSentenceEndingAfter(offset);
            boolean inside = index < document.sentences().size() && document.sentences().get(index).start() < offset;
            return inside ? index : index - 1;
        }

        /** What the sentence tells of its speakers: read once; while it is read, what it has told so far. */
        private List<Said> read(int index) {
            List<Said> events = told.get(index);
            if (events == null) {
                events = new ArrayList<>();
                told.set(index, events);
                int outer = readingSentence;
                readingSentence = index;
                readingDepth++;
                Sentence sentence = document.sentences().get(index);
                collectSubject(sentence, events);
                collectSpeechEvents(sentence, events);
                readingDepth--;
                readingSentence = outer;
            }
            return events;
        }

        // ---- what the article says about its speakers

        private List<Role> roleMentions() {
            if (roleMentions == null) {
                roleMentions = new ArrayList<>();
                for (Name name : names) {
                    if (name.kind() != Name.Kind.PLACE) {
                        collectRoles(name);
                    }
                }
            }
            return roleMentions;
        }

        /** "NATO secretary general Jens Stoltenberg", "il portavoce delle Forze…, il contrammiraglio Daniel Hagari". */
        private void collectRoles(Name name) {
            Sentence sentence = document.sentences().get(name.sentence());
            List<Token> tokens = sentence.tokens();
            String referent = null;
            String side = null;
            List<Role> found = new ArrayList<>();
            int k = name.start();
            boolean commaCrossed = false;
            for (int seen = 0; k > 0 && seen < ROLE_LOOKBACK; seen++) {
                Token token = tokens.get(k - 1);
                Match<String> nationality = words.nationalities.at(tokens, k - 1);
                side = side == null && nationality != null ? nationality.value() : side;
                if (token.is(",") && !commaCrossed) {
                    commaCrossed = true;
                    k--;
                    continue;
                }
                if (Marks.isBoundary(token) || words.speechVerbs.contains(token)) {
                    break;
                }
                boolean role = words.roles.contains(token) && name.kind() == Name.Kind.PERSON;
                if (role || words.organisations.contains(token) && !token.isCapitalised()) {
                    if (referent == null) {
                        referent = name.kind() == Name.Kind.PERSON ? fullest(name) : name.text();
                    }
                    found.add(new Role(token.norm(), token.start(), referent, null));
                }
                k--;
            }
            // The nationality may stand before the role ("Ukrainian President") or after it ("il presidente ucraino").
            for (Role role : found) {
                roleMentions.add(new Role(role.head(), role.offset(), role.name(), side));
            }
        }

        /** A person named at the head of a sentence is who a pronoun in the next sentences most likely means. */
        private void collectSubject(Sentence sentence, List<Said> events) {
            for (int n = namesFrom(sentence); n < namesTo(sentence); n++) {
                Name name = namesBySentence[n];
                if (name.kind() == Name.Kind.PERSON && isStrong(name) && name.start() <= words.subjectHead
                        && !inQuotation(sentence.tokens().get(name.start()))) {
                    int offset = sentence.tokens().get(name.start()).start();
                    events.add(new Said(offset, new Speaker(fullest(name), name.text())));
                    return;
                }
            }
        }

        private void collectSpeechEvents(Sentence sentence, List<Said> events) {
            List<Token> tokens = sentence.tokens();
            for (int k = 0; k < tokens.size(); k++) {
                Match<Boolean> verb = words.speechVerbs.at(tokens, k);
                if (verb == null || inQuotation(tokens.get(k))) {
                    continue;
                }
                Speaker speaker = subject(sentence, verb, 0);
                if (speaker != null) {
                    events.add(new Said(tokens.get(k).start(), speaker));
                }
                k = verb.end() - 1;
            }
        }

        private void addAlias(Speaker speaker) {
            Set<String> known = aliases.computeIfAbsent(speaker.name(), n -> new LinkedHashSet<>());
            if (speaker.alias() != null && !speaker.alias().isBlank()) {
                known.add(speaker.alias());
            }
            int space = speaker.name().lastIndexOf(' ');
            if (space >= 0 && fullestPerson.containsKey(lastWordKey(speaker.name()))) {
                known.add(speaker.name().substring(space + 1));
            }
        }

        /** The canonical key of the name's last word ("Zelenskyy" of "Volodymyr Zelenskyy"). */
        private String lastWordKey(String name) {
            return nameKeys.lastWordKey(name);
        }

        private String folded(String text) {
            return nameKeys.folded(text);
        }

        // ---- positions

        /** Whether the token is within the first quotation that does not end before it. */
        private boolean inQuotation(Token token) {
            int low = 0;
            int high = quotedEnds.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (quotedEnds[middle] < token.end()) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low < quotedEnds.length && token.start() >= quotedStarts[low];
        }

        /** Where the sentence's names begin in {@link #namesBySentence}. */
        private int namesFrom(Sentence sentence) {
            int index = sentence.index();
            return index >= 0 && index < firstName.length - 1 ? firstName[index] : 0;
        }

        /** Where the sentence's names end in {@link #namesBySentence}. */
        private int namesTo(Sentence sentence) {
            int index = sentence.index();
            return index >= 0 && index < firstName.length - 1 ? firstName[index + 1] : 0;
        }

        private Sentence sentenceOf(int offset) {
            return document.sentenceAt(offset);
        }

        /** The first token at or after {@code offset} in the sentence around it (or the next sentence). */
        private At tokenAt(int offset) {
            int index = document.firstSentenceEndingAfter(offset);
            if (index >= document.sentences().size()) {
                return null;
            }
            Sentence sentence = document.sentences().get(index);
            int token = sentence.tokenAt(offset);
            return token < sentence.tokens().size() ? new At(index, sentence, token) : null;
        }
    }

    private static boolean isDash(Token token) {
        return Marks.isOneOf(token, DASHES);
    }
}
