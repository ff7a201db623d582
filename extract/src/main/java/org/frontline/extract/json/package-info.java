/** JSON form of extractions, as the corpus scorer reads them. */
package org.frontline.extract.json;
