package dev.ticketing.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WordingTest {

  @Test
  void aLongTitleIsCutForTheWebUiSummaryWithinTemporalsLimit() {
    String title = "音".repeat(200); // the longest title the API takes, 3 bytes a character

    String cut = Wording.titleInSummary(title);

    assertThat(cut).isEqualTo("音".repeat(50) + "…");
    assertThat(("Payout for " + cut + " — $1000000.00 sold").getBytes(StandardCharsets.UTF_8))
        .hasSizeLessThanOrEqualTo(400);
    assertThat(Wording.titleInSummary("Concert")).isEqualTo("Concert");
    assertThat(Wording.titleInSummary("😀".repeat(51))).isEqualTo("😀".repeat(50) + "…");
  }
}
