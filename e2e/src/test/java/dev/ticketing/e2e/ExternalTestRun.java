package dev.ticketing.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A test written in another language (a Playwright script, a Postman collection) run as a program
 * against the stack: it passes when the program exits 0; its output is kept in a log.
 */
record ExternalTestRun(List<String> command, Path directory, Path log) {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** Runs it; answers null when it passed, else why it failed, with its output. */
  String failure(Map<String, String> environment, Duration timeout) throws Exception {
    Files.createDirectories(log.getParent());
    var builder =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process run = builder.start();
    if (!run.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      run.descendants().forEach(ProcessHandle::destroyForcibly);
      run.destroyForcibly();
      return command + " did not finish within " + timeout + ":\n" + output();
    }
    return run.exitValue() == 0 ? null : command + " failed:\n" + output();
  }

  private String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }
}
