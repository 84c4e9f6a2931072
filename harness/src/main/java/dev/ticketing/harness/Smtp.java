package dev.ticketing.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A bare SMTP client, for tests that send mail themselves: no TLS, no authentication. */
public final class Smtp {

  private Smtp() {}

  /**
   * Sends {@code message} (headers, a blank line, the body; lines ending in CRLF, none starting
   * with a dot) from {@code from} to {@code to}; fails unless the server accepts it.
   */
  public static void send(String host, int port, String from, String to, String message) {
    try (var socket = new Socket(host, port);
        var in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8)) {
      socket.setSoTimeout(10_000);
      expect(in, "220");
      command(in, out, "EHLO localhost", "250");
      command(in, out, "MAIL FROM:<" + from + ">", "250");
      command(in, out, "RCPT TO:<" + to + ">", "250");
      command(in, out, "DATA", "354");
      command(in, out, message + "\r\n.", "250");
      command(in, out, "QUIT", "221");
    } catch (IOException e) {
      throw new UncheckedIOException("SMTP to " + host + ":" + port + " failed", e);
    }
  }

  private static void command(BufferedReader in, Writer out, String line, String code)
      throws IOException {
    out.write(line + "\r\n");
    out.flush();
    expect(in, code);
  }

  /**
   * Reads one reply; a reply of several lines (EHLO's) ends with the line whose code has a space.
   */
  private static void expect(BufferedReader in, String code) throws IOException {
    String line;
    do {
      line = in.readLine();
    } while (line != null && line.length() > 3 && line.charAt(3) == '-');
    if (line == null || !line.startsWith(code)) {
      throw new IllegalStateException("SMTP server answered " + line + ", expected " + code);
    }
  }
}
