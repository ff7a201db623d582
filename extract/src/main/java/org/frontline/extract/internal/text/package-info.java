/** Paragraphs, sentences and tokens, cut with ICU's break iterators. */
package org.frontline.extract.internal.text;
