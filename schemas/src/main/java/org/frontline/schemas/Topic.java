package org.frontline.schemas;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic name bound to the serdes of its keys and values.
 *
 * @param name       the topic's name
 * @param keySerde   serde of its keys
 * @param valueSerde serde of its values
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
}
