package dev.ticketing.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;

import dev.ticketing.api.ApiException;
import dev.ticketing.orders.Orders;
import dev.ticketing.payouts.Payouts;
import dev.ticketing.tickets.TicketCatalog;
import dev.ticketing.tickets.Tickets;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/** The feed alone, its stores stood in for: how many streams it holds at once. */
class LiveFeedTest {

  @Test
  void aStreamBeyondTheMostAtOnceIsRefused() {
    var feed =
        new LiveFeed(
            mock(Tickets.class),
            mock(TicketCatalog.class),
            mock(Orders.class),
            mock(Payouts.class),
            JsonMapper.builder().build());
    IntStream.range(0, LiveFeed.STREAMS).forEach(i -> feed.subscribe(null, null));

    ApiException refused =
        catchThrowableOfType(ApiException.class, () -> feed.subscribe(null, null));

    assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    feed.stop();
  }
}
