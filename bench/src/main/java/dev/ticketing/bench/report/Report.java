package dev.ticketing.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Everything a run measured: printed as one table, and written as JSON for comparing runs. */
public final class Report {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final Instant startedAt = Instant.now();
  private final List<Row> rows = new ArrayList<>();
  private final Map<String, Object> details = new LinkedHashMap<>();

  public void add(Row row) {
    rows.add(row);
    System.out.println(
        "  "
            + row.figure()
            + ": "
            + row.value()
            + (row.target().isEmpty()
                ? ""
                : "  [target " + row.target() + ": " + row.verdict() + "]"));
  }

  /** Raw measurements, kept in the JSON only. */
  public void detail(String key, Object value) {
    details.put(key, value);
  }

  public String table() {
    int section = width(Row::section, "section");
    int figure = width(Row::figure, "figure");
    int value = width(Row::value, "value");
    int target = width(Row::target, "target");
    String format =
        "%-" + section + "s  %-" + figure + "s  %-" + value + "s  %-" + target + "s  %s%n";
    var table = new StringBuilder();
    table.append(format.formatted("section", "figure", "value", "target", ""));
    table.append("-".repeat(section + figure + value + target + 14)).append('\n');
    for (Row row : rows) {
      table.append(
          format.formatted(row.section(), row.figure(), row.value(), row.target(), row.verdict()));
    }
    return table.toString();
  }

  /** Writes {@code <directory>/bench-<time>.json} and answers its path. */
  public Path write(Path directory, Map<String, Object> environment) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("startedAt", startedAt.toString());
    document.put("finishedAt", Instant.now().toString());
    document.put("environment", environment);
    document.put("rows", rows);
    document.put("details", details);
    try {
      Files.createDirectories(directory);
      Path file = directory.resolve("bench-" + startedAt.toString().replace(':', '-') + ".json");
      Files.writeString(file, JSON.writeValueAsString(document));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int width(Function<Row, String> column, String header) {
    return Math.max(
        header.length(), rows.stream().mapToInt(r -> column.apply(r).length()).max().orElse(0));
  }
}
