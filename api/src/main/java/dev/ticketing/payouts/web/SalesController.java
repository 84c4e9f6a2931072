package dev.ticketing.payouts.web;

import static dev.ticketing.workflows.Rejection.UNAVAILABLE;

import dev.ticketing.api.CurrentUser;
import dev.ticketing.api.Paging;
import dev.ticketing.payouts.Payouts;
import dev.ticketing.tickets.Ticket;
import dev.ticketing.tickets.TicketCatalog;
import dev.ticketing.tickets.TicketStatus;
import dev.ticketing.tickets.web.TicketResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/sales}: the seller's tickets in every status, newest first, from the catalog in
 * memory; a sold one with its payout, read by its order's id.
 */
@RestController
class SalesController {

  record Sale(
      TicketResponse ticket,
      @Schema(nullable = true, description = "null until the ticket is sold")
          @Nullable PayoutResponse payout) {}

  private final TicketCatalog catalog;
  private final Payouts payouts;

  SalesController(TicketCatalog catalog, Payouts payouts) {
    this.catalog = catalog;
    this.payouts = payouts;
  }

  @GetMapping("/api/sales")
  List<Sale> mySales(@AuthenticationPrincipal CurrentUser seller, Paging paging) {
    Paging.Page page = paging.page();
    if (!catalog.isLoaded()) {
      throw UNAVAILABLE.failure("Service unavailable");
    }
    return catalog.ofSeller(seller.id(), page.limit(), page.offset()).stream()
        .map(ticket -> new Sale(TicketResponse.of(ticket), payoutOf(ticket)))
        .toList();
  }

  private @Nullable PayoutResponse payoutOf(Ticket ticket) {
    if (ticket.status() != TicketStatus.SOLD || ticket.orderId() == null) {
      return null;
    }
    return payouts.find(ticket.orderId()).map(PayoutResponse::of).orElse(null);
  }
}
