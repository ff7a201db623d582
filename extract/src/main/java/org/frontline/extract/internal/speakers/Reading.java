package org.frontline.extract.internal.speakers;

import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.names.Name;
import org.frontline.extract.internal.names.NameFinder;
import org.frontline.extract.internal.quotes.Offsets;
import org.frontline.extract.internal.quotes.Quotation;
import org.frontline.extract.internal.text.Document;
import org.frontline.extract.internal.text.Sentence;
import org.frontline.extract.internal.text.Token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The work on one article: its text, its names grouped by sentence, where its quotations lie, and who it
 * has speak so far, so that a pronoun ("he said") refers to the last speaker before it ("Peskov said …
 * “…,” he added"). It makes the {@link Referents}, {@link Resolver} and {@link Subjects} of the article
 * and is handed to each sieve; all state of one article lives here.
 */
final class Reading {

    /** How many sentences may be read one inside another before the earlier ones are read in order. */
    private static final int NESTED_READS = 8;
    /**
     * How many sentences back a pronoun's speaker is looked for. The farthest in the dev corpus is 16 back; a
     * search with no bound would walk to the first sentence for every pronoun of an article that names nobody,
     * and cost the square of its length.
     */
    private static final int LOOKBACK_SENTENCES = 40;

    /** Position of a token: sentence index and token index. */
    record At(int sentenceIndex, Sentence sentence, int token) {
    }

    /** A speaker and where the article has them speak. */
    private record Said(int offset, Speaker speaker) {
    }

    private final Document document;
    private final List<Name> names;
    private final StatementWords words;
    /** The names grouped by sentence, in order: those of sentence s are from {@code firstName[s]} on. */
    private final List<Name> namesBySentence;
    private final int[] firstName;
    /** Where each quotation begins and ends, marks included: {@link #inQuotation} searches these. */
    private final int[] quotedStarts;
    private final int[] quotedEnds;
    /** Offsets of the text's dashes, found when a quotation is first searched for an attribution inside. */
    private int[] dashes;
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
    /** The quotation attributed last, or null. */
    private Quotation previousQuotation;
    private final Referents referents;
    private final Resolver resolver;
    private final Subjects subjects;
    private final InterviewAnswers interview;

    Reading(Document document, List<Name> names, List<Quotation> quoted, StatementWords words, NameKeys nameKeys) {
        this.document = document;
        this.names = names;
        this.words = words;
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
        Name[] grouped = new Name[firstName[sentenceCount]];
        int[] placed = new int[sentenceCount];
        for (Name name : names) {
            int sentence = name.sentence();
            if (sentence >= 0 && sentence < sentenceCount) {
                grouped[firstName[sentence] + placed[sentence]++] = name;
            }
        }
        this.namesBySentence = Arrays.asList(grouped);
        this.referents = new Referents(this, words, nameKeys);
        this.resolver = new Resolver(this, referents, words);
        this.subjects = new Subjects(this, referents, resolver, words);
        this.interview = new InterviewAnswers(document, names, words.interviewLabels, quoted, referents::fullest);
    }

    Document document() {
        return document;
    }

    /** The names the name finder found in the article, in order. */
    List<Name> names() {
        return names;
    }

    Referents referents() {
        return referents;
    }

    Resolver resolver() {
        return resolver;
    }

    Subjects subjects() {
        return subjects;
    }

    InterviewAnswers interview() {
        return interview;
    }

    /** Records that the quotation was attributed to the speaker: a later pronoun may refer to them. */
    void attributed(Quotation quotation, Speaker speaker) {
        said.add(new Said(quotation.outerEnd(), speaker));
        previousQuotation = quotation;
    }

    /** The quotation attributed last, or null before the first. */
    Quotation previousQuotation() {
        return previousQuotation;
    }

    /** The speaker of {@link #previousQuotation}, or null before the first. */
    Speaker previousSpeaker() {
        return said.isEmpty() ? null : said.get(said.size() - 1).speaker();
    }

    // ---- the last speaker, for pronouns

    /**
     * The speaker of the last event before {@code offset}, the later told of two at one offset. While a
     * sentence is read, only what the sentences before it and it so far tell counts, not the quotations'
     * speakers, as if all sentences were read in order before any quotation is attributed.
     */
    Speaker lastSpeaker(int offset) {
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
     * when first reached, and the first with an event before {@code offset} holds the last one; at most
     * {@link #LOOKBACK_SENTENCES} back. Reading a sentence can need this search in turn (a pronoun); past a
     * few levels the sentences before are read in order first, so the nesting stays shallow.
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
        for (int index = last; index >= Math.max(0, last - LOOKBACK_SENTENCES); index--) {
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

    /** A person named at the head of a sentence is who a pronoun in the next sentences most likely means. */
    private void collectSubject(Sentence sentence, List<Said> events) {
        for (Name name : namesIn(sentence)) {
            boolean named = referents.isStrong(name)
                    || NameFinder.isIntroduced(sentence.tokens(), name, words.indefinites);
            if (name.kind() == Name.Kind.PERSON && named && name.start() <= words.subjectHead
                    && !inQuotation(sentence.tokens().get(name.start()))) {
                int offset = sentence.tokens().get(name.start()).start();
                events.add(new Said(offset, new Speaker(referents.fullest(name), name.text())));
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
            Speaker speaker = subjects.subject(sentence, verb, 0);
            if (speaker != null) {
                events.add(new Said(tokens.get(k).start(), speaker));
            }
            k = verb.end() - 1;
        }
    }

    // ---- positions

    /** The names of the sentence, in order. */
    List<Name> namesIn(Sentence sentence) {
        int index = sentence.index();
        boolean known = index >= 0 && index < firstName.length - 1;
        return known ? namesBySentence.subList(firstName[index], firstName[index + 1]) : List.of();
    }

    /** Offsets of the text's {@link Marks#DASHES}, found when first asked. */
    int[] dashes() {
        if (dashes == null) {
            dashes = Offsets.of(document.text(), Marks.DASHES);
        }
        return dashes;
    }

    /** Whether the token is within the first quotation that does not end before it. */
    boolean inQuotation(Token token) {
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

    Sentence sentenceOf(int offset) {
        return document.sentenceAt(offset);
    }

    /** The first token at or after {@code offset} in the sentence around it (or the next sentence). */
    At tokenAt(int offset) {
        int index = document.firstSentenceEndingAfter(offset);
        if (index >= document.sentences().size()) {
            return null;
        }
        Sentence sentence = document.sentences().get(index);
        int token = sentence.tokenAt(offset);
        return token < sentence.tokens().size() ? new At(index, sentence, token) : null;
    }

    /** The sentence before the one a quotation opens, in the same paragraph; null when there is none. */
    Sentence sentenceBeforeOpening(Quotation quotation) {
        At at = tokenAt(quotation.outerStart());
        if (at == null || at.token() != 0 || at.sentence().index() == 0) {
            return null;
        }
        Sentence before = document.sentences().get(at.sentence().index() - 1);
        return before.paragraph() == at.sentence().paragraph() ? before : null;
    }
}
