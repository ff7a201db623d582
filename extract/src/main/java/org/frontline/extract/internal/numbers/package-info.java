/** Numbers in digits and words, read with the language's separators and ICU spell-out rules. */
package org.frontline.extract.internal.numbers;
