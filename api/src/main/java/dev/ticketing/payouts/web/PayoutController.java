package dev.ticketing.payouts.web;

import dev.ticketing.api.CurrentUser;
import dev.ticketing.payouts.Payouts;
import dev.ticketing.payouts.SellerAccounts;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The seller's payouts, and the Stripe Connect account they are paid into. */
@RestController
@RequestMapping("/api/payouts")
class PayoutController {

  private final Payouts payouts;
  private final SellerAccounts accounts;

  PayoutController(Payouts payouts, SellerAccounts accounts) {
    this.payouts = payouts;
    this.accounts = accounts;
  }

  @GetMapping
  List<PayoutResponse> myPayouts(@AuthenticationPrincipal CurrentUser seller) {
    return payouts.ofSeller(seller.id()).stream().map(PayoutResponse::of).toList();
  }

  @GetMapping("/account")
  SellerAccounts.View payoutAccount(@AuthenticationPrincipal CurrentUser seller) {
    return accounts.of(seller.id());
  }

  @ApiResponse(
      responseCode = "201",
      description = "Opened: finish onboarding at onboardingUrl",
      useReturnTypeSchema = true)
  @ApiResponse(responseCode = "200", description = "Opened before", useReturnTypeSchema = true)
  @PostMapping("/account")
  ResponseEntity<SellerAccounts.View> openPayoutAccount(
      @AuthenticationPrincipal CurrentUser seller) {
    SellerAccounts.Opened opened = accounts.open(seller.id());
    return ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(opened.account());
  }
}
