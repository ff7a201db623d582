/**
 * Implementation of the extractor; not for use outside this module. Each language is a folder of
 * lexicons under {@code org/frontline/extract/lexicon/} plus ICU's spell-out and break rules.
 */
package org.frontline.extract.internal;
