/**
 * Statements: quotations attributed to the people and organisations who said them.
 *
 * <p>{@link org.frontline.extract.internal.speakers.StatementFinder} keeps the quotations that are statements
 * and tries the attribution sieves on each, in order: {@code InterviewAnswerSieve}, {@code VerbAfterSieve},
 * {@code AttributionInsideSieve}, {@code VerbOrColonBeforeSieve}, {@code NextSentenceSieve},
 * {@code SentenceBeforeSieve}, {@code ContinuationSieve}, each a {@code Sieve} with the name recorded in the
 * statement. What they share, per article: {@code Reading} (the article, its names by sentence, where its
 * quotations lie, the last speaker for a pronoun), {@code Subjects} (where the words naming a speaker lie
 * around a verb of saying), {@code Resolver} (whom those words name) and {@code Referents} (fullest names,
 * roles and descriptions the article introduced, aliases); across articles: {@code StatementWords} (the
 * language's lexicon lists), {@code Marks}, {@code TextKeys} and {@code NameKeys}.
 */
package org.frontline.extract.internal.speakers;
