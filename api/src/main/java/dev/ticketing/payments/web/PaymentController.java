package dev.ticketing.payments.web;

import dev.ticketing.api.ApiError;
import dev.ticketing.api.ApiException;
import dev.ticketing.api.CurrentUser;
import dev.ticketing.api.JsonForm;
import dev.ticketing.orders.web.Purchases;
import dev.ticketing.payments.Payments;
import dev.ticketing.workflows.PaymentId;
import dev.ticketing.workflows.orders.Order;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/payments")
class PaymentController {

  private final Purchases purchases;
  private final Payments payments;

  PaymentController(Purchases purchases, Payments payments) {
    this.purchases = purchases;
    this.payments = payments;
  }

  @PostMapping
  ResponseEntity<Map<String, String>> pay(
      CurrentUser buyer, @RequestBody(required = false) @Nullable JsonNode body) {
    var form = JsonForm.of(body);
    String token = form.text("token");
    if (token == null || token.isBlank()) {
      form.reject("token", "Token is required");
    }
    String orderId = form.text("orderId");
    if (orderId == null || orderId.isBlank()) {
      form.reject("orderId", "OrderId is required");
    }
    form.check();
    Order order = purchases.ownOrder(orderId, buyer);
    PaymentId payment = purchases.pay(order, buyer.id(), token.trim());
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", payment.value()));
  }

  @GetMapping
  List<PaymentResponse> ofOrder(
      CurrentUser buyer, @RequestParam(required = false) @Nullable String orderId) {
    if (orderId == null || orderId.isBlank()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, List.of(new ApiError("OrderId is required", "orderId")));
    }
    Order order = purchases.ownOrder(orderId, buyer);
    return payments.forOrder(order.id()).stream().map(PaymentResponse::of).toList();
  }
}
