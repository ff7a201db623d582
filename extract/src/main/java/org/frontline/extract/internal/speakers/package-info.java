/** Statements: quotations attributed to the people and organisations who said them. */
package org.frontline.extract.internal.speakers;
