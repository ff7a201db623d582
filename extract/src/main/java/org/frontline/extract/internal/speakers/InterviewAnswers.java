package org.frontline.extract.internal.speakers;

import java.util.List;

import org.frontline.extract.internal.lexicon.PhraseMap;
import org.frontline.extract.internal.lexicon.PhraseMap.Match;
import org.frontline.extract.internal.names.Name;
import org.frontline.extract.internal.quotes.Quotation;
import org.frontline.extract.internal.text.Document;
import org.frontline.extract.internal.text.Sentence;
import org.frontline.extract.internal.text.Token;

/**
 * What {@link InterviewAnswerSieve} reads of an article: in an article made of questions and answers, a
 * quotation that opens an answer is the interviewee's, whatever label ("A:", "R:") or name stands nearer
 * (GUIDELINES.md, Hard cases, "Interviews"). A paragraph is a question when it opens with a question label
 * and a colon, or is not quoted and ends with a question mark; an answer opens with an answer label and a
 * colon, or follows a question and opens with a quotation. The article is an interview when at least two
 * answers follow questions; the interviewee is the person the title names, else the person named in full
 * in the introduction (the last paragraph before the first question that names one).
 */
final class InterviewAnswers {

    private static final int MIN_EXCHANGES = 2;
    private static final String QUESTION = "question";
    private static final String ANSWER = "answer";

    private final Document document;
    private final PhraseMap<String> labels;
    /** Per paragraph: a question, an answer, or neither (null). */
    private final String[] kinds;
    private final String interviewee;

    InterviewAnswers(Document document, List<Name> names, PhraseMap<String> labels, List<Quotation> quoted,
                     java.util.function.Function<Name, String> fullest) {
        this.document = document;
        this.labels = labels;
        this.kinds = new String[document.paragraphs().size()];
        int exchanges = 0;
        int firstQuestion = -1;
        int quote = 0;
        String previous = null;
        for (int p = 0; p < kinds.length; p++) {
            int[] paragraph = document.paragraphs().get(p);
            int start = firstNonSpace(paragraph[0], paragraph[1]);
            if (start >= paragraph[1]) {
                continue;
            }
            while (quote < quoted.size() && quoted.get(quote).outerStart() < start) {
                quote++;
            }
            Label label = label(start, paragraph[1]);
            int text = label != null ? label.textStart() : start;
            boolean opensWithQuote = quote < quoted.size() && quoted.get(quote).outerStart() < paragraph[1]
                    && firstNonSpace(text, paragraph[1]) == quoted.get(quote).outerStart();
            String kind = label != null ? label.kind() : null;
            if (kind == null && !opensWithQuote && endsWithQuestionMark(paragraph)) {
                kind = QUESTION;
            } else if (kind == null && opensWithQuote && QUESTION.equals(previous)) {
                kind = ANSWER;
            }
            if (ANSWER.equals(kind) && QUESTION.equals(previous)) {
                exchanges++;
            }
            if (QUESTION.equals(kind) && firstQuestion < 0) {
                firstQuestion = paragraph[0];
            }
            kinds[p] = kind;
            previous = kind;
        }
        this.interviewee = exchanges >= MIN_EXCHANGES ? interviewee(names, quoted, firstQuestion, fullest) : null;
    }

    /** The interviewee, when the quotation opens an answer of an interview; else null. */
    Speaker answerer(Quotation quotation) {
        if (interviewee == null) {
            return null;
        }
        Sentence sentence = document.sentenceAt(quotation.outerStart());
        if (sentence == null || !ANSWER.equals(kinds[sentence.paragraph()])) {
            return null;
        }
        int[] paragraph = document.paragraphs().get(sentence.paragraph());
        int start = firstNonSpace(paragraph[0], paragraph[1]);
        Label label = label(start, paragraph[1]);
        int opening = firstNonSpace(label != null ? label.textStart() : start, paragraph[1]);
        return opening == quotation.outerStart() ? new Speaker(interviewee, interviewee) : null;
    }

    private String interviewee(List<Name> names, List<Quotation> quoted, int firstQuestion,
                               java.util.function.Function<Name, String> fullest) {
        // The person the first paragraph (the title, or the lead) names, else the person named in full in
        // the introduction: the last paragraph before the questions that names one, its first such person. A
        // title's single word that is no part of the introduction's full name yields to it ("strage di Baga" and
        // "Yakubu Mohammed, 38 anni, pescatore"). A word inside a quotation is the interviewee's ("Chibok mother:
        // 'Let them come home'"), not a name the article gives.
        Name titled = null;
        Name introduced = null;
        int introParagraph = -1;
        for (Name name : names) {
            if (name.sentence() < 0 || name.kind() != Name.Kind.PERSON) {
                continue;
            }
            Sentence sentence = document.sentences().get(name.sentence());
            if (isQuoted(sentence.tokens().get(name.start()).start(), quoted)) {
                continue;
            }
            int paragraph = sentence.paragraph();
            if (paragraph == 0 && earlier(name, titled)) {
                titled = name;
            } else if (paragraph > 0 && sentence.start() < firstQuestion && name.text().indexOf(' ') > 0
                    && (paragraph > introParagraph || paragraph == introParagraph && earlier(name, introduced))) {
                introduced = name;
                introParagraph = paragraph;
            }
        }
        boolean titleYields = titled != null && introduced != null && titled.text().indexOf(' ') < 0
                && !List.of(introduced.text().split(" ")).contains(titled.text());
        Name chosen = titled != null && !titleYields ? titled : introduced;
        return chosen == null ? null : fullest.apply(chosen);
    }

    private static boolean isQuoted(int offset, List<Quotation> quoted) {
        for (Quotation quotation : quoted) {
            if (quotation.outerStart() <= offset && offset < quotation.outerEnd()) {
                return true;
            }
        }
        return false;
    }

    private static boolean earlier(Name name, Name than) {
        return than == null || name.sentence() < than.sentence()
                || name.sentence() == than.sentence() && name.start() < than.start();
    }

    /** A paragraph's label: question or answer, and where its text starts after the label's colon or full stop. */
    private record Label(String kind, int textStart) {
    }

    /**
     * The label opening the paragraph {@code [start, end)}, when a colon or a full stop follows it ("D:", "R.");
     * null when it has none.
     */
    private Label label(int start, int end) {
        Sentence sentence = document.sentenceAt(start);
        if (sentence == null) {
            return null;
        }
        List<Token> tokens = sentence.tokens();
        Match<String> label = labels.at(tokens, sentence.tokenAt(start));
        if (label == null || label.end() >= tokens.size()) {
            return null;
        }
        Token mark = tokens.get(label.end());
        if (!mark.is(":") && !mark.is(".")) {
            return null;
        }
        return new Label(label.value(), mark.end() < end ? mark.end() : start);
    }

    private boolean endsWithQuestionMark(int[] paragraph) {
        String text = document.text();
        int end = paragraph[1];
        while (end > paragraph[0] && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end > paragraph[0] && text.charAt(end - 1) == '?';
    }

    private int firstNonSpace(int from, int to) {
        String text = document.text();
        int k = from;
        while (k < to && Character.isWhitespace(text.charAt(k))) {
            k++;
        }
        return k;
    }
}
