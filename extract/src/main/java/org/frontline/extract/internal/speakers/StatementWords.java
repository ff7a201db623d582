package org.frontline.extract.internal.speakers;

import org.frontline.extract.internal.lexicon.Lexicon;
import org.frontline.extract.internal.lexicon.PhraseMap;

/**
 * The words and settings of a language that the statement rules read, each from the lexicon list of the
 * same name (see docs/extraction.md, "Lexicons"): verbs of saying ("said", "ha detto"), cues of a speaker
 * in the next sentence ("Lo ha detto"), roles ("spokesperson", "portavoce"), and so on. Read once per
 * language and shared by all articles; none of it changes after it is read.
 */
final class StatementWords {

    /** Verbs that attribute words to a speaker: "said", "ha affermato". */
    final PhraseMap<Boolean> speechVerbs;
    /** Words between a speaker and the verb of saying: "Kyrylenko had said", "ha poi aggiunto". */
    final PhraseMap<Boolean> speechAuxiliaries;
    /** Openings of a sentence that give the speaker of the quotation just before it: "Lo ha detto". */
    final PhraseMap<Boolean> quoteCues;
    final PhraseMap<Boolean> pronouns;
    /** Words for a speaker's role: a description built on one refers to whom the article introduced with it. */
    final PhraseMap<Boolean> roles;
    /** Words that make a name an organisation's: "ministry", "ministero". */
    final PhraseMap<Boolean> organisations;
    final PhraseMap<Boolean> determiners;
    /** True for words that name ("dubbed", "battezzata"), which an agent may follow before the marks. */
    final PhraseMap<Boolean> nameCues;
    /** Words that end a speaker's name or description read after a verb. */
    final PhraseMap<Boolean> npStops;
    final PhraseMap<Boolean> adverbs;
    /** Relative pronouns that open a clause about the name before them ("Zelensky, who said on Twitter"). */
    final PhraseMap<Boolean> relatives;
    /** Words that open a clause with a subject of its own: a speaker is not looked for across them. */
    final PhraseMap<Boolean> conjunctions;
    /** Lower-case words that may join capitalised words into one name: "of the", "della". */
    final PhraseMap<Boolean> nameWords;
    final PhraseMap<Boolean> organisationAdjectives;
    /** Documents a quotation can be read in: "statement", "nota". */
    final PhraseMap<Boolean> documents;
    final PhraseMap<Boolean> originLinks;
    /** Nationalities and countries, with the side each stands for. */
    final PhraseMap<String> nationalities;
    /** Labels that open a paragraph of an interview, before a colon: a question or an answer. */
    final PhraseMap<String> interviewLabels;
    /** Tokens after a quotation searched for a verb of saying. */
    final int afterVerbDistance;
    /** Tokens before a verb of saying that can name its subject. */
    final int subjectLimit;
    /** Tokens of an unnamed speaker's description. */
    final int descriptionLimit;
    /** A person named within this many tokens of a sentence's start is its subject. */
    final int subjectHead;
    /** Words that open an indefinite description of a speaker the article does not name: "a", "una". */
    final PhraseMap<Boolean> indefinites;
    /** Prepositions of company: a name after them is not the subject ("talks with the Kremlin"). */
    final PhraseMap<Boolean> comitatives;
    /** Prepositions that place an organisation ("the mission of the United Nations in Libya"). */
    final PhraseMap<Boolean> placePrepositions;
    /** Platforms a speaker writes on: "su Telegram". */
    final PhraseMap<Boolean> media;
    /** Words that introduce whom a speaker told: "all'emittente Suspilne". */
    final PhraseMap<Boolean> recipients;
    /** Words that open a sentence with the source of what it quotes: "For the foreign minister, …". */
    final PhraseMap<Boolean> sourceOpeners;
    final PhraseMap<Boolean> sourcePrepositions;
    /** Other names for a role, with the role word they stand for: "the head of state". */
    final PhraseMap<String> roleSynonyms;

    StatementWords(Lexicon lexicon) {
        this.speechVerbs = lexicon.phrases("speech-verbs");
        this.speechAuxiliaries = lexicon.phrases("speech-auxiliaries");
        this.quoteCues = lexicon.phrases("quote-cues");
        this.pronouns = lexicon.phrases("pronouns");
        this.roles = lexicon.phrases("roles");
        this.organisations = lexicon.phrases("organisations");
        this.determiners = lexicon.phrases("determiners");
        this.nameCues = lexicon.map("name-cues", value -> !value.equals("noun"));
        this.npStops = lexicon.phrases("np-stops");
        this.adverbs = lexicon.phrases("adverbs");
        this.relatives = lexicon.phrases("relatives");
        this.conjunctions = lexicon.phrases("conjunctions");
        this.nameWords = lexicon.phrases("name-words");
        this.organisationAdjectives = lexicon.phrases("organisation-adjectives");
        this.documents = lexicon.phrases("documents");
        this.originLinks = lexicon.phrases("origin-links");
        this.nationalities = lexicon.map("nationalities", String::strip);
        this.interviewLabels = lexicon.map("interview-labels", String::strip);
        this.afterVerbDistance = lexicon.settings().integer("statements.after-verb-distance");
        this.subjectLimit = lexicon.settings().integer("statements.subject-limit");
        this.descriptionLimit = lexicon.settings().integer("statements.description-limit");
        this.subjectHead = lexicon.settings().integer("statements.subject-head");
        this.indefinites = lexicon.phrases("indefinites");
        this.comitatives = lexicon.phrases("comitatives");
        this.placePrepositions = lexicon.phrases("place-prepositions");
        this.media = lexicon.phrases("media");
        this.recipients = lexicon.phrases("recipients");
        this.sourceOpeners = lexicon.phrases("source-openers");
        this.sourcePrepositions = lexicon.phrases("source-prepositions");
        this.roleSynonyms = lexicon.map("role-synonyms", String::strip);
    }
}
