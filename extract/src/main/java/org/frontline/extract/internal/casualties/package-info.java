/** Casualty figures: numbers of people killed, injured, lost, missing or captured. */
package org.frontline.extract.internal.casualties;
