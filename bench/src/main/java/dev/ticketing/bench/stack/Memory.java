package dev.ticketing.bench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's resident memory as the kernel counts it. */
public final class Memory {

  private Memory() {}

  /** Peak resident set size (VmHWM) in MiB; -1 when the process is gone or unknown. */
  public static long peakMiB(long pid) {
    return kibibytes(pid, "VmHWM:") / 1024;
  }

  /** Current resident set size (VmRSS) in MiB; -1 when the process is gone or unknown. */
  public static long residentMiB(long pid) {
    return kibibytes(pid, "VmRSS:") / 1024;
  }

  private static long kibibytes(long pid, String field) {
    if (pid <= 0) {
      return -1024;
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      // gone, or not readable: unknown
    }
    return -1024;
  }
}
