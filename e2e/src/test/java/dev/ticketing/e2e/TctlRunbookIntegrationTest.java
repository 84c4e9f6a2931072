package dev.ticketing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.harness.ApiClient;
import dev.ticketing.harness.ApiClient.Answer;
import dev.ticketing.harness.Poll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The runbook as written: every command of README.md's "Finding and inspecting an order" and
 * "Finding a payout" tables, in both columns (the temporal CLI and tctl, each from {@code
 * .tools/bin}, as an operator runs them through a port-forward), and those of "When a worker queue
 * backs up", against the end-to-end stack's dev server with real order and payout workflows, each
 * answering what the table says it does.
 */
class TctlRunbookIntegrationTest {

  static final Path README = ExternalTestRun.ROOT.resolve("README.md");
  static final Pattern COMMAND = Pattern.compile("`((?:temporal|tctl) [^`]*)`");
  static final Pattern ROW = Pattern.compile("^\\| ([^|]+) \\| (.+) \\| (.+) \\|$");
  // The execution's status as tctl (JSON) and the temporal CLI (a table) print it.
  static final Pattern TERMINATED =
      Pattern.compile("(?i)\"?status\"?:?\\s+\"?(workflow_execution_status_)?terminated");
  static final Pattern RUNNING =
      Pattern.compile("(?i)\"?status\"?:?\\s+\"?(workflow_execution_status_)?running");

  /** A row of a runbook table: what it is for, and its commands in one column. */
  record Row(String what, List<String> commands) {}

  final EndToEndStack stack = EndToEndStack.get();
  final Answer buyer;
  final Answer sellerAccount;
  final ApiClient buyerClient = new ApiClient(stack.patientApi().uri());
  final ApiClient seller = new ApiClient(stack.patientApi().uri());

  TctlRunbookIntegrationTest() {
    buyer = buyerClient.signUp("runbook-" + UUID.randomUUID() + "@example.com");
    sellerAccount = seller.signUp("runbook-" + UUID.randomUUID() + "@example.com");
  }

  @Test
  void everyTctlCommandOfTheRunbookWorks() throws Exception {
    runTable(2, "tctl");
  }

  @Test
  void everyTemporalCommandOfTheRunbookWorks() throws Exception {
    runTable(1, "temporal");
  }

  @Test
  void everyTctlPayoutCommandOfTheRunbookWorks() throws Exception {
    runPayoutTable(2, "tctl");
  }

  @Test
  void everyTemporalPayoutCommandOfTheRunbookWorks() throws Exception {
    runPayoutTable(1, "temporal");
  }

  @Test
  void theQueueCommandsOfTheRunbookWork() throws Exception {
    String section = section("### When a worker queue backs up");
    List<String> commands = commands(section);
    assertThat(commands)
        .anyMatch(c -> c.startsWith("tctl "))
        .anyMatch(c -> c.startsWith("temporal "));
    for (String command : commands) {
      // The end-to-end workers poll tickets: both list them, by their identity (pid@host).
      assertThat(run(command, Map.of())).as(command).contains("@");
    }
  }

  /** Runs one column of the table: reads on order A, then cancel A, terminate and revive B. */
  private void runTable(int column, String cli) throws Exception {
    Answer a = order();
    Answer b = order();
    Map<String, String> onA = placeholders(a);
    Map<String, String> onB = placeholders(b);
    List<String> watching = new ArrayList<>();
    List<Row> rows = rows("### Finding and inspecting an order", column, cli);
    for (Row row : rows) {
      for (String command : row.commands()) {
        if (command.contains(" observe ") || command.contains("--follow")) {
          watching.add(command); // they wait for the workflow to close: run once A has
        } else if (command.contains(" cancel ")) {
          run(command, onA);
          Poll.until(
              "order A is cancelled", Duration.ofSeconds(30), () -> "cancelled".equals(status(a)));
        } else if (command.contains(" terminate ")) {
          run(command, onB);
          Poll.until(
              "order B's workflow is terminated",
              Duration.ofSeconds(30),
              () -> TERMINATED.matcher(describe(cli, onB)).find());
        } else if (command.contains(" reset ")) {
          run(command, onB);
          Poll.until(
              "order B's workflow runs again",
              Duration.ofSeconds(30),
              () -> RUNNING.matcher(describe(cli, onB)).find());
        } else {
          checkRead(row.what(), command, onA, a.text("id"), "order-");
        }
      }
    }
    assertThat(rows).hasSizeGreaterThanOrEqualTo(9);
    assertThat(watching).isNotEmpty();
    for (String command : watching) {
      assertThat(run(command, onA)).contains("WorkflowExecution");
    }
  }

  /**
   * Runs one column of the payout table on two sales of one seller: payout A left held, payout B
   * frozen by a dispute; the commands that look for frozen payouts must find B, the others A.
   */
  private void runPayoutTable(int column, String cli) throws Exception {
    String a = sale();
    String b = sale();
    awaitPayout(a, "held");
    awaitPayout(b, "held");
    // Stripe's charge.dispute.created webhook signals this; the stack has no webhook secret.
    run(
        "temporal workflow signal --workflow-id payout-<orderId> --name disputed"
            + " --input '{\"disputeId\":\"dp_runbook_<orderId>\"}'",
        Map.of("<orderId>", b));
    awaitPayout(b, "frozen");
    List<Row> rows = rows("### Finding a payout", column, cli);
    for (Row row : rows) {
      for (String command : row.commands()) {
        String orderId = command.contains("'frozen'") ? b : a;
        Map<String, String> on =
            Map.of("<orderId>", orderId, "<sellerId>", sellerAccount.text("id"));
        checkRead(row.what(), command, on, orderId, "payout-");
      }
    }
    assertThat(rows).hasSizeGreaterThanOrEqualTo(4);
  }

  /**
   * A read-only command: its answer must show the workflow (the order or payout, by its id, in a
   * query's answer; or, for a count, a number).
   */
  private void checkRead(
      String what, String command, Map<String, String> on, String id, String workflowIdPrefix) {
    if (command.contains(" count ")) {
      assertThat(run(command, on)).as(what).containsPattern("[1-9]");
      return;
    }
    String expected =
        command.contains(" query ")
            ? id
            : command.contains(" show ") ? "WorkflowExecutionStarted" : workflowIdPrefix + id;
    // Visibility is eventually consistent: a list may need a moment to show a new workflow.
    Poll.until(
        what + ": " + command, Duration.ofSeconds(30), () -> run(command, on).contains(expected));
  }

  private String describe(String cli, Map<String, String> on) {
    return run(
        cli.equals("tctl")
            ? "tctl workflow describe -w order-<orderId>"
            // Its table leaves the status out when not on a terminal; JSON has it.
            : "temporal workflow describe --workflow-id order-<orderId> --output json",
        on);
  }

  private Map<String, String> placeholders(Answer order) {
    return Map.of(
        "<orderId>", order.text("id"),
        "<ticketId>", order.body().path("ticket").path("id").asString(),
        "<userId>", buyer.text("id"),
        "<why>", "runbook test");
  }

  private Answer order() {
    Answer ticket =
        seller.post(
            "/api/tickets",
            Map.of(
                "title",
                "Runbook " + UUID.randomUUID(),
                "price",
                "12.00",
                // A payout is held until after the event: a month away, so payout A stays held.
                "eventAt",
                Instant.now().plus(Duration.ofDays(30)).toString()));
    assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
    Answer order = buyerClient.post("/api/orders", Map.of("ticketId", ticket.text("id")));
    assertThat(order.status()).as(order.toString()).isEqualTo(201);
    return order;
  }

  /** A ticket of the seller's, bought and paid with Stripe's test card: its order id. */
  private String sale() {
    Answer order = order();
    Answer paid =
        buyerClient.post("/api/payments", Map.of("orderId", order.text("id"), "token", "tok_visa"));
    assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    return order.text("id");
  }

  /**
   * Waits until the seller's payout for the order has the status, as the seller's list shows it.
   */
  private void awaitPayout(String orderId, String status) {
    Poll.until(
        "the payout of order " + orderId + " is " + status,
        Duration.ofSeconds(30),
        () -> {
          for (var payout : seller.get("/api/payouts").body()) {
            if (payout.path("orderId").asString().equals(orderId)) {
              return payout.path("status").asString().equals(status);
            }
          }
          return false;
        });
  }

  private String status(Answer order) {
    return buyerClient.get("/api/orders/" + order.text("id")).text("status");
  }

  /**
   * Runs a command as the README writes it, with the frontend's address added where the README says
   * (after the command for temporal, straight after {@code tctl} for tctl); fails unless it exits
   * 0.
   */
  private String run(String command, Map<String, String> placeholders) {
    for (var p : placeholders.entrySet()) {
      command = command.replace(p.getKey(), p.getValue());
    }
    List<String> words = words(command);
    String cli = words.removeFirst();
    List<String> argv = new ArrayList<>();
    argv.add(ExternalTestRun.ROOT.resolve(".tools/bin").resolve(cli).toString());
    if (cli.equals("tctl")) {
      argv.addAll(List.of("--address", stack.temporal.address()));
      argv.addAll(words);
    } else {
      argv.addAll(words);
      argv.addAll(List.of("--address", stack.temporal.address()));
    }
    try {
      Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
      process.getOutputStream().close();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(argv + " did not finish within 60 s");
      }
      String output = new String(process.getInputStream().readAllBytes());
      assertThat(process.exitValue()).as(argv + " printed:\n" + output).isZero();
      return output;
    } catch (IOException e) {
      throw new AssertionError(argv + " could not run", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The rows of the README's table under a heading, each with its commands in one column. */
  private static List<Row> rows(String heading, int column, String cli) throws IOException {
    List<Row> out = new ArrayList<>();
    for (String line : section(heading).split("\n")) {
      Matcher row = ROW.matcher(line);
      if (!row.matches() || row.group(1).equals("to") || row.group(1).startsWith("---")) {
        continue;
      }
      List<String> commands = commands(row.group(column + 1));
      assertThat(commands).as(row.group(1)).isNotEmpty().allMatch(c -> c.startsWith(cli + " "));
      out.add(new Row(row.group(1), commands));
    }
    return out;
  }

  /** The README's text from a heading to the next heading. */
  private static String section(String heading) throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf(heading);
    assertThat(start).as(heading + " in README.md").isNotNegative();
    int end = readme.indexOf("\n#", start + heading.length());
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  /** The CLI commands written in backticks, whole (a command in a table cell may wrap lines). */
  private static List<String> commands(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = COMMAND.matcher(text.replaceAll("\n\\s*", " "));
    while (m.find()) {
      out.add(m.group(1).trim());
    }
    return out;
  }

  /** Splits a command line as a shell would: on spaces, except inside single or double quotes. */
  static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (c == ' ') {
        if (inWord) {
          out.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      out.add(word.toString());
    }
    return out;
  }
}
