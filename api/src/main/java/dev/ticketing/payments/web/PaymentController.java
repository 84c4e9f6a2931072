package dev.ticketing.payments.web;

import dev.ticketing.api.ApiError;
import dev.ticketing.api.ApiException;
import dev.ticketing.api.CurrentUser;
import dev.ticketing.orders.web.Purchases;
import dev.ticketing.payments.Payments;
import dev.ticketing.workflows.PaymentId;
import dev.ticketing.workflows.orders.Order;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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
      @AuthenticationPrincipal CurrentUser buyer, @Valid @RequestBody PaymentRequest payment) {
    Order order = purchases.ownOrder(payment.orderId(), buyer);
    PaymentId paid = purchases.pay(order, buyer.id(), payment.token());
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", paid.value()));
  }

  @GetMapping
  List<PaymentResponse> ofOrder(
      @AuthenticationPrincipal CurrentUser buyer,
      @RequestParam(required = false) @Nullable String orderId) {
    if (orderId == null || orderId.isBlank()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, List.of(new ApiError("OrderId is required", "orderId")));
    }
    Order order = purchases.ownOrder(orderId, buyer);
    return payments.forOrder(order.id()).stream().map(PaymentResponse::of).toList();
  }
}
