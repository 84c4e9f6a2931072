package dev.ticketing.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, which every JDK has. */
public final class Sha256 {

  private Sha256() {}

  public static byte[] of(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }

  /**
   * An id that {@code text} always stands for: the first 12 bytes of its SHA-256 (of its UTF-8), as
   * 24 hex digits, the form of an ObjectId.
   */
  public static String idOf(String text) {
    return HexFormat.of().formatHex(of(text.getBytes(StandardCharsets.UTF_8)), 0, 12);
  }
}
