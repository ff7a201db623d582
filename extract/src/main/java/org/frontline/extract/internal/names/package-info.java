/** Names of people, organisations and places. */
package org.frontline.extract.internal.names;
