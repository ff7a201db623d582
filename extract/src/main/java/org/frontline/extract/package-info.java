/**
 * Extraction of casualty figures, attributed quotations and names from news articles.
 *
 * <p>{@link org.frontline.extract.Extractor} is the entry point; {@link org.frontline.extract.ArticleFiles}
 * reads the crawler's article format. Everything under {@code internal} is an implementation detail.
 */
package org.frontline.extract;
