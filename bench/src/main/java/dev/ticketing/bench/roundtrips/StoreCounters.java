package dev.ticketing.bench.roundtrips;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stores' count of their changes and of the commands those changes sent to the database ({@code
 * ticketing_store_changes_total}, {@code ticketing_store_change_commands_total}, by domain), summed
 * over the {@code /actuator/prometheus} of every process. Two readings apart give the round trips
 * per change made between them.
 */
public record StoreCounters(Map<String, Double> changes, Map<String, Double> commands) {

  private static final Pattern SAMPLE =
      Pattern.compile(
          "^ticketing_store_(changes|change_commands)_total\\{[^}]*domain=\"([^\"]*)\"[^}]*}"
              + "\\s+(\\S+)");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Every process's counters now; empty when one of them did not answer. */
  public static Optional<StoreCounters> read(List<URI> managementUris) {
    if (managementUris.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Double> changes = new TreeMap<>();
    Map<String, Double> commands = new TreeMap<>();
    for (URI uri : managementUris) {
      Optional<String> page = scrape(uri.resolve("/actuator/prometheus"));
      if (page.isEmpty()) {
        return Optional.empty();
      }
      for (String line : page.get().split("\n")) {
        Matcher sample = SAMPLE.matcher(line);
        if (sample.find()) {
          var counter = sample.group(1).equals("changes") ? changes : commands;
          counter.merge(sample.group(2), Double.parseDouble(sample.group(3)), Double::sum);
        }
      }
    }
    return Optional.of(new StoreCounters(changes, commands));
  }

  /** The changes and commands counted since {@code earlier}, by domain. */
  public RoundTrips since(StoreCounters earlier) {
    Map<String, RoundTrips.Count> byDomain = new TreeMap<>();
    changes.forEach((domain, total) -> {
      long made = Math.round(total - earlier.changes.getOrDefault(domain, 0.0));
      long sent =
          Math.round(
              commands.getOrDefault(domain, 0.0) - earlier.commands.getOrDefault(domain, 0.0));
      if (made > 0) {
        byDomain.put(domain, new RoundTrips.Count(made, sent));
      }
    });
    return new RoundTrips(byDomain);
  }

  private static Optional<String> scrape(URI uri) {
    try {
      var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
