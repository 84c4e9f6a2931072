package dev.ticketing.orders.web;

import dev.ticketing.api.ApiException;
import dev.ticketing.api.CurrentUser;
import dev.ticketing.orders.Orders;
import dev.ticketing.workflows.TicketId;
import io.swagger.v3.oas.annotations.links.Link;
import io.swagger.v3.oas.annotations.links.LinkParameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

  @ApiResponse(
      responseCode = "201",
      description = "Reserved for 15 minutes",
      useReturnTypeSchema = true,
      links = {
        @Link(
            name = "show",
            operationId = "showOrder",
            parameters = @LinkParameter(name = "id", expression = "$response.body#/id")),
        @Link(
            name = "cancel",
            operationId = "cancelOrder",
            parameters = @LinkParameter(name = "id", expression = "$response.body#/id")),
        @Link(
            name = "pay",
            operationId = "pay",
            requestBody = "{\"orderId\": \"$response.body#/id\", \"token\": \"tok_visa\"}"),
        @Link(
            name = "payments",
            operationId = "orderPayments",
            parameters = @LinkParameter(name = "orderId", expression = "$response.body#/id"))
      })
  @ApiResponse(responseCode = "400", description = "A rule is broken, or the ticket can't be had")
  @ApiResponse(responseCode = "404", description = "No such ticket")
  @PostMapping
  ResponseEntity<OrderResponse> reserve(
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
  List<OrderResponse> myOrders(@AuthenticationPrincipal CurrentUser buyer) {
    return orders.ofBuyer(buyer.id()).stream().map(OrderResponse::of).toList();
  }

  @ApiResponse(responseCode = "200", description = "The order", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "401", description = "Not signed in, or not the buyer")
  @GetMapping("/{id}")
  OrderResponse showOrder(@AuthenticationPrincipal CurrentUser buyer, @PathVariable String id) {
    return OrderResponse.of(purchases.ownOrder(id, buyer));
  }

  @ApiResponse(responseCode = "204", description = "Cancelled (or it already was)")
  @ApiResponse(responseCode = "400", description = "The order is complete")
  @ApiResponse(responseCode = "401", description = "Not signed in, or not the buyer")
  @ApiResponse(responseCode = "409", description = "The order can't be cancelled now")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> cancelOrder(
      @AuthenticationPrincipal CurrentUser buyer, @PathVariable String id) {
    purchases.cancel(purchases.ownOrder(id, buyer), buyer.id());
    return ResponseEntity.noContent().build();
  }
}
