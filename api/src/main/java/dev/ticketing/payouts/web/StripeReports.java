package dev.ticketing.payouts.web;

import dev.ticketing.payments.Payment;
import dev.ticketing.payments.Payments;
import dev.ticketing.payments.StripeWebhooks;
import dev.ticketing.payouts.SellerAccounts;
import dev.ticketing.workflows.payouts.DisputeNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What Stripe's webhook tells of the sellers' side: a dispute or a refund of an order's payment
 * goes to that order's payout; a connected account's news to the seller's account.
 */
@Component
public class StripeReports {

  private static final Logger log = LoggerFactory.getLogger(StripeReports.class);

  private final Payments payments;
  private final PayoutSignals payouts;
  private final SellerAccounts accounts;

  StripeReports(Payments payments, PayoutSignals payouts, SellerAccounts accounts) {
    this.payments = payments;
    this.payouts = payouts;
    this.accounts = accounts;
  }

  public void take(StripeWebhooks.Notification notification) {
    notification.dispute().ifPresent(this::disputed);
    notification.refundedPaymentIntent().ifPresent(this::refunded);
    notification
        .account()
        .ifPresent(account -> accounts.reported(account.sellerId(), account.payoutsEnabled()));
  }

  private void disputed(StripeWebhooks.DisputeReport dispute) {
    payments
        .find(Payment.idFor(dispute.paymentIntentId()))
        .ifPresentOrElse(
            payment ->
                payouts.disputed(
                    payment.orderId(), new DisputeNotice(dispute.disputeId(), dispute.won())),
            () ->
                log.warn(
                    "A dispute of {}, which is no payment of ours", dispute.paymentIntentId()));
  }

  private void refunded(String paymentIntentId) {
    payments
        .find(Payment.idFor(paymentIntentId))
        .ifPresent(payment -> payouts.refunded(payment.orderId()));
  }
}
