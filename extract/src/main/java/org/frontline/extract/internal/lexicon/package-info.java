/** Per-language word lists loaded from resources and matched against tokens. */
package org.frontline.extract.internal.lexicon;
