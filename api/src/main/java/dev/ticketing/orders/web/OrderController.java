package dev.ticketing.orders.web;

import dev.ticketing.api.ApiException;
import dev.ticketing.api.CurrentUser;
import dev.ticketing.orders.Orders;
import dev.ticketing.workflows.TicketId;
import jakarta.validation.Valid;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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
      @AuthenticationPrincipal CurrentUser buyer,
      @Valid @RequestBody OrderRequest body,
      @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
    var ticketId = new TicketId(body.ticketId());
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
      throw ApiException.badRequest("Idempotency-Key must be 1 to 255 characters");
    }
    var order = purchases.start(buyer.id(), ticketId, idempotencyKey);
    return ResponseEntity.status(HttpStatus.CREATED).body(OrderResponse.of(order));
  }

  @GetMapping
  List<OrderResponse> mine(@AuthenticationPrincipal CurrentUser buyer) {
    return orders.ofBuyer(buyer.id()).stream().map(OrderResponse::of).toList();
  }

  @GetMapping("/{id}")
  OrderResponse show(@AuthenticationPrincipal CurrentUser buyer, @PathVariable String id) {
    return OrderResponse.of(purchases.ownOrder(id, buyer));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> cancel(@AuthenticationPrincipal CurrentUser buyer, @PathVariable String id) {
    purchases.cancel(purchases.ownOrder(id, buyer), buyer.id());
    return ResponseEntity.noContent().build();
  }
}
