package dev.ticketing.orders.web;

import dev.ticketing.api.ApiException;
import dev.ticketing.api.CurrentUser;
import dev.ticketing.api.JsonForm;
import dev.ticketing.orders.Orders;
import dev.ticketing.workflows.TicketId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/orders")
class OrderController {

  private final Purchases purchases;
  private final Orders orders;

  OrderController(Purchases purchases, Orders orders) {
    this.purchases = purchases;
    this.orders = orders;
  }

  @PostMapping
  ResponseEntity<OrderResponse> create(
      CurrentUser buyer,
      @RequestBody(required = false) @Nullable JsonNode body,
      @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
    TicketId ticketId = ticketId(body);
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
      throw ApiException.badRequest("Idempotency-Key must be 1 to 255 characters");
    }
    var order = purchases.start(buyer.id(), ticketId, idempotencyKey);
    return ResponseEntity.status(HttpStatus.CREATED).body(OrderResponse.of(order));
  }

  @GetMapping
  List<OrderResponse> mine(CurrentUser buyer) {
    return orders.ofBuyer(buyer.id()).stream().map(OrderResponse::of).toList();
  }

  @GetMapping("/{id}")
  OrderResponse show(CurrentUser buyer, @PathVariable String id) {
    return OrderResponse.of(purchases.ownOrder(id, buyer));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> cancel(CurrentUser buyer, @PathVariable String id) {
    purchases.cancel(purchases.ownOrder(id, buyer), buyer.id());
    return ResponseEntity.noContent().build();
  }

  private static TicketId ticketId(@Nullable JsonNode body) {
    var form = JsonForm.of(body);
    String ticketId = form.text("ticketId");
    if (ticketId == null || ticketId.isBlank()) {
      form.reject("ticketId", "TicketId must be provided");
    }
    form.check();
    return new TicketId(ticketId.trim());
  }
}
