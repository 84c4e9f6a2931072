package dev.ticketing.bench.shop;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One buyer's browser tab on the shop: a connection of its own, opened once and kept, over which it
 * sends HTTP/1.1 and reads each answer whole. For the on-sale rush, where a thousand answers arrive
 * at once on the two cores the API runs on: java.net.http's client took a third of them there (its
 * one selector thread parsing every answer), so the rush measured the bench as much as the API.
 * This writes a request's bytes and reads the status, headers and body, no more; the answer's time
 * is from the request's first byte written to its last byte read, as before. A connection the API
 * closed (it does after every 400) is opened again by the next request, and that time counts.
 */
public final class Tab implements AutoCloseable {

  private static final Duration CONNECT_WITHIN = Duration.ofSeconds(10);
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(90);

  private final String host;
  private final int port;
  private final Account account;
  private @Nullable Connection connection;

  private record Connection(Socket socket, InputStream in, OutputStream out) {}

  Tab(URI api, Account account) {
    this.host = api.getHost();
    this.port = api.getPort() < 0 ? 80 : api.getPort();
    this.account = account;
  }

  public Reply get(String path) {
    return send("GET", path, null);
  }

  public Reply post(String path, String json) {
    return send("POST", path, json);
  }

  private Reply send(String method, String path, @Nullable String json) {
    byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
    String contentType = json == null ? "" : "Content-Type: application/json\r\n";
    byte[] head =
        "%s %s HTTP/1.1\r\nHost: %s:%d\r\nCookie: session=%s\r\n%sContent-Length: %d\r\n\r\n"
            .formatted(method, path, host, port, account.session(), contentType, body.length)
            .getBytes(StandardCharsets.US_ASCII);
    long start = System.nanoTime();
    try {
      boolean reused = connection != null;
      Answer answer;
      try {
        answer = exchange(head, body);
      } catch (ClosedUnanswered idle) {
        if (!reused) {
          throw idle;
        }
        close(); // the API let a kept connection go while it was idle: open another, once
        answer = exchange(head, body);
      }
      long nanos = System.nanoTime() - start;
      if (answer.closes()) {
        close();
      }
      return new Reply(answer.status(), Shop.parse(answer.body()), nanos);
    } catch (IOException | RuntimeException unreadable) {
      close();
      return Reply.unanswered(System.nanoTime() - start);
    }
  }

  private Answer exchange(byte[] head, byte[] body) throws IOException {
    Connection open = connection();
    open.out().write(head); // buffered: one write to the socket with the body, at the flush
    open.out().write(body);
    open.out().flush();
    return Answer.read(open.in());
  }

  private Connection connection() throws IOException {
    Connection open = connection;
    if (open == null) {
      var socket = new Socket();
      socket.connect(new InetSocketAddress(host, port), (int) CONNECT_WITHIN.toMillis());
      socket.setSoTimeout((int) ANSWER_WITHIN.toMillis());
      socket.setTcpNoDelay(true);
      open =
          new Connection(
              socket,
              new BufferedInputStream(socket.getInputStream()),
              new BufferedOutputStream(socket.getOutputStream()));
      connection = open;
    }
    return open;
  }

  @Override
  public void close() {
    Connection open = connection;
    connection = null;
    if (open != null) {
      try {
        open.socket().close();
      } catch (IOException e) {
        // closed either way
      }
    }
  }

  /** The connection ended before a byte of the answer came. */
  private static final class ClosedUnanswered extends IOException {
    ClosedUnanswered() {
      super("The connection closed before an answer");
    }
  }

  /** An HTTP/1.1 answer as read off the connection. */
  private record Answer(int status, String body, boolean closes) {

    static Answer read(InputStream in) throws IOException {
      int first = in.read(); // the H of "HTTP/1.1", or the end: the connection closed unanswered
      if (first < 0) {
        throw new ClosedUnanswered();
      }
      String statusLine = (char) first + line(in);
      int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
      int length = -1;
      boolean chunked = false;
      boolean closes = false;
      for (String header = line(in); !header.isEmpty(); header = line(in)) {
        String lower = header.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(lower.substring("content-length:".length()).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          closes = true;
        }
      }
      if (status < 200) {
        return read(in); // an interim answer (100 Continue): the real one follows
      }
      byte[] body;
      if (status == 204 || status == 304) {
        body = new byte[0];
      } else if (chunked) {
        body = chunks(in);
      } else if (length >= 0) {
        body = exactly(in, length);
      } else {
        body = in.readAllBytes(); // neither: the body ends with the connection
        closes = true;
      }
      return new Answer(status, new String(body, StandardCharsets.UTF_8), closes);
    }

    private static byte[] exactly(InputStream in, int length) throws IOException {
      byte[] bytes = in.readNBytes(length);
      if (bytes.length < length) {
        throw new IOException("The connection closed mid-body");
      }
      return bytes;
    }

    private static byte[] chunks(InputStream in) throws IOException {
      var body = new ByteArrayOutputStream();
      for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
        body.write(exactly(in, size));
        line(in);
      }
      for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
        // trailers: none expected, read past
      }
      return body.toByteArray();
    }

    private static int chunkSize(InputStream in) throws IOException {
      String size = line(in);
      int extension = size.indexOf(';');
      return Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
    }

    /** A line of the head, without its CRLF; at the end of the stream, an error. */
    private static String line(InputStream in) throws IOException {
      var line = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new IOException("The connection closed mid-answer");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }
  }
}
