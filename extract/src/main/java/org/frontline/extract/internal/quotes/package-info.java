/** Quotation marks of every kind, paired into quotations. */
package org.frontline.extract.internal.quotes;
