package dev.ticketing.bench.stack;

import java.nio.file.Path;
import java.util.List;

/** JDK Flight Recorder for the services when {@code BENCH_JFR} is set: a recording per start. */
final class Profiling {

  private Profiling() {}

  static List<String> flags(Path directory, String name) {
    if (System.getenv("BENCH_JFR") == null) {
      return List.of();
    }
    Path file = directory.resolve(name + ".jfr");
    return List.of("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + file);
  }
}
