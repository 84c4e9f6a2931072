package dev.ticketing.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map of at most {@code capacity} entries, in the order they were last used: adding one more lets
 * the least recently used go. Not thread-safe; its owner guards it.
 */
public final class LeastRecentlyUsed<K, V> extends LinkedHashMap<K, V> {

  private final int capacity;

  public LeastRecentlyUsed(int capacity) {
    super(16, 0.75f, true);
    this.capacity = capacity;
  }

  @Override
  protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
    return size() > capacity;
  }
}
