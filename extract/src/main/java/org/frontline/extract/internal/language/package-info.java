/** Language identification of article text. */
package org.frontline.extract.internal.language;
