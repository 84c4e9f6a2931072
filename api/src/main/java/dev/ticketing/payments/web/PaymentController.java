package dev.ticketing.payments.web;

import dev.ticketing.api.ApiError;
import dev.ticketing.api.ApiException;
import dev.ticketing.api.CurrentUser;
import dev.ticketing.api.Text;
import dev.ticketing.orders.web.Purchases;
import dev.ticketing.payments.Payments;
import dev.ticketing.workflows.PaymentId;
import dev.ticketing.workflows.orders.Order;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

  @ApiResponse(
      responseCode = "201",
      description = "Paid: the order is complete",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "400",
      description = "A rule is broken, or the order is cancelled or paid")
  @ApiResponse(responseCode = "401", description = "Not signed in, or not the buyer")
  @ApiResponse(responseCode = "402", description = "The card was declined; the order is cancelled")
  @ApiResponse(responseCode = "404", description = "No such order")
  @ApiResponse(responseCode = "409", description = "The order can't be paid now")
  @PostMapping
  ResponseEntity<Map<String, String>> pay(
      @AuthenticationPrincipal CurrentUser buyer, @Valid @RequestBody PaymentRequest payment) {
    Order order = purchases.ownOrder(payment.orderId(), buyer);
    PaymentId paid = purchases.pay(order, buyer.id(), payment.token());
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", paid.value()));
  }

  @ApiResponse(
      responseCode = "200",
      description = "The order's payments",
      useReturnTypeSchema = true)
  @ApiResponse(responseCode = "401", description = "Not signed in, or not the buyer")
  @ApiResponse(responseCode = "404", description = "No such order")
  @GetMapping
  List<PaymentResponse> orderPayments(
      @AuthenticationPrincipal CurrentUser buyer,
      @Parameter(
              required = true,
              schema = @Schema(minLength = 1, maxLength = 100, pattern = Text.PLAIN))
          @RequestParam(required = false)
          @Nullable String orderId) {
    if (orderId == null || orderId.isBlank()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, List.of(new ApiError("OrderId is required", "orderId")));
    }
    Order order = purchases.ownOrder(orderId, buyer);
    return payments.forOrder(order.id()).stream().map(PaymentResponse::of).toList();
  }
}
