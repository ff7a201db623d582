package org.frontline.extract.internal.speakers;

import org.frontline.extract.internal.quotes.Quotation;

/**
 * One named step of attribution (docs/extraction.md, "Rules and sieves"). {@link StatementFinder} tries
 * the sieves in a fixed order; the first that finds a speaker for a quotation decides, and its name is
 * recorded with the statement: "“…,” said Danielle Bell" is decided by {@code verb-after}. A sieve keeps
 * nothing of an article between calls: all of it is in the {@link Reading}, so one sieve serves every
 * article, on any thread.
 */
interface Sieve {

    /** The name recorded with the statements this sieve attributes, as docs/extraction.md lists it. */
    String name();

    /** The speaker of the quotation, or null to leave it to the next sieve. */
    Speaker find(Quotation quotation, Reading reading);
}
