package dev.ticketing.orders.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Lets one call per key be in flight in this process: callers who ask while it runs share its
 * answer. In an on-sale rush a thousand buyers ask about one ticket at once; one read and one claim
 * answer them all.
 */
final class SingleFlight<K, V> {

  private final ConcurrentHashMap<K, CompletableFuture<V>> flights = new ConcurrentHashMap<>();

  V get(K key, Supplier<V> call) {
    var mine = new CompletableFuture<V>();
    var theirs = flights.putIfAbsent(key, mine);
    if (theirs != null) {
      try {
        return theirs.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
    try {
      V answer = call.get();
      mine.complete(answer);
      return answer;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      flights.remove(key, mine);
    }
  }
}
