package dev.ticketing.bench.report;

import org.jspecify.annotations.Nullable;

/**
 * One line of the table: a figure, and the target beside it with whether it is met ({@code null}
 * when the figure has no target).
 */
public record Row(
    String section, String figure, String value, String target, @Nullable Boolean met) {

  public static Row info(String section, String figure, String value) {
    return new Row(section, figure, value, "", null);
  }

  public static Row against(
      String section, String figure, String value, String target, boolean met) {
    return new Row(section, figure, value, target, met);
  }

  String verdict() {
    return met == null ? "" : met ? "met" : "MISSED";
  }
}
