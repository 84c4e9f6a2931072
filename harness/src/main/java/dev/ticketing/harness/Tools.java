package dev.ticketing.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository and its tools are, seen from a module's test run. */
final class Tools {

  private Tools() {}

  /** The repository root: the nearest ancestor of the working directory holding the Makefile. */
  static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("Makefile")) && Files.isDirectory(dir.resolve("workflows"))) {
        return dir;
      }
    }
    throw new IllegalStateException("Run the tests from inside the repository");
  }

  /** A tool built by {@code make tools}; fails with the remedy when it is missing. */
  static Path binary(String name) {
    Path binary = root().resolve(".tools/bin").resolve(name);
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(binary + " is missing: run `make tools` first");
    }
    return binary;
  }

  /** A folder for one run's logs and data, under the module's target directory. */
  static Path workDirectory(String name) {
    try {
      Path dir = Path.of("target", "harness").toAbsolutePath();
      Files.createDirectories(dir);
      return Files.createTempDirectory(dir, name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
