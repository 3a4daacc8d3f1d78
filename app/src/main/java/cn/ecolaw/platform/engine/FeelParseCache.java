package cn.ecolaw.platform.engine;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * What parsing one FEEL text gave (the parsed expression ready to evaluate, or feel-scala's parse/validation
 * failure), kept by text. Bounded and thread-safe: lookups are lock-free reads of a {@link ConcurrentHashMap}; when
 * it is full, a new entry first makes room by dropping about a quarter of the others (a decision set has a few
 * hundred distinct texts, so the bound only matters for generated or hostile expressions). Parsing is a pure
 * function of the text in feel-scala 1.19 (same engine, same configuration), so a cached outcome is what a new parse
 * would return.
 *
 * @param <V> what is kept per text
 */
final class FeelParseCache<V> {

  private final ConcurrentHashMap<String, V> entries;
  private final int capacity;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  FeelParseCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("FEEL parse cache capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    this.entries = new ConcurrentHashMap<>(Math.min(capacity, 1024));
  }

  /** The cached outcome for {@code text}, parsing it with {@code parse} on a miss; null texts are never cached. */
  V get(String text, Function<String, V> parse) {
    if (text == null) {
      return parse.apply(null);
    }
    V cached = entries.get(text);
    if (cached != null) {
      hits.increment();
      return cached;
    }
    misses.increment();
    V parsed = parse.apply(text);
    if (entries.size() >= capacity) {
      makeRoom();
    }
    V raced = entries.putIfAbsent(text, parsed);
    return raced == null ? parsed : raced;
  }

  /**
   * Drops entries until about a quarter of the room is free. Counted against the live size, so that threads making
   * room at the same time (and removing the same keys) still end below the bound; each may then add its one entry.
   */
  private void makeRoom() {
    int target = capacity - Math.max(1, capacity / 4);
    Iterator<String> keys = entries.keySet().iterator();
    while (entries.size() > target && keys.hasNext()) {
      keys.next();
      keys.remove();
    }
  }

  /** The kept outcome for {@code text}, or null; counts nothing. */
  V peek(String text) {
    return entries.get(text);
  }

  int size() {
    return entries.size();
  }

  int capacity() {
    return capacity;
  }

  long hits() {
    return hits.sum();
  }

  long misses() {
    return misses.sum();
  }
}
