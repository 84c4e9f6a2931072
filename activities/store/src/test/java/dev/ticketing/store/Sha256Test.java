package dev.ticketing.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class Sha256Test {

  @Test
  void digestsAsTheStandardSays() {
    // FIPS 180-2's example: SHA-256("abc").
    assertThat(HexFormat.of().formatHex(Sha256.of("abc".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void anIdIsTheDigestsFirstTwelveBytesAsAnObjectId() {
    String id = Sha256.idOf("abc");

    assertThat(id).isEqualTo("ba7816bf8f01cfea414140de");
    assertThat(new ObjectId(id).toHexString()).isEqualTo(id);
  }
}
