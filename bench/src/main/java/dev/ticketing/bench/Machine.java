package dev.ticketing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the figures were measured on, and how busy it was. */
final class Machine {

  private Machine() {}

  /** The 1, 5 and 15 minute load averages, as uptime shows them. */
  static String load() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  static Map<String, Object> describe(String loadAtStart) {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("java", System.getProperty("java.version"));
    machine.put("loadAtStart", loadAtStart);
    machine.put("loadAtEnd", load());
    return machine;
  }
}
