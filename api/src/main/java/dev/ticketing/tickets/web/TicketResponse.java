package dev.ticketing.tickets.web;

import dev.ticketing.tickets.Ticket;
import dev.ticketing.tickets.TicketStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A ticket as the API shows it. */
public record TicketResponse(
    String id,
    String title,
    BigDecimal price,
    String userId,
    long version,
    @Schema(nullable = true, description = "The order holding it") @Nullable String orderId,
    TicketStatus status,
    @Schema(nullable = true, description = "When the event takes place, if known")
        @Nullable Instant eventAt) {

  public static TicketResponse of(Ticket ticket) {
    return new TicketResponse(
        ticket.id().value(),
        ticket.title(),
        ticket.price().amount(),
        ticket.userId().value(),
        ticket.version(),
        ticket.orderId() == null ? null : ticket.orderId().value(),
        ticket.status(),
        ticket.eventAt());
  }
}
