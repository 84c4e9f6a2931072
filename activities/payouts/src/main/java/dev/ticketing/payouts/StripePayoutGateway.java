package dev.ticketing.payouts;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.TransferCreateParams;
import com.stripe.param.TransferListParams;
import com.stripe.param.TransferReversalCreateParams;
import dev.ticketing.workflows.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Stripe Connect itself, through stripe-java; {@code apiBase} points it at stripe-mock in tests.
 */
public final class StripePayoutGateway implements PayoutGateway {

  private static final String TRANSFER_KEY = "payoutKey";

  private final StripeClient stripe;

  public StripePayoutGateway(String apiKey, @Nullable String apiBase) {
    // Within the activity's attempt: Temporal retries it, under the same idempotency key.
    var builder =
        StripeClient.builder()
            .setApiKey(apiKey)
            .setConnectTimeout(3_000)
            .setReadTimeout(20_000)
            .setMaxNetworkRetries(0);
    if (apiBase != null && !apiBase.isBlank()) {
      builder.setApiBase(apiBase);
    }
    this.stripe = builder.build();
  }

  @Override
  public String createAccount(UserId seller) {
    var params =
        AccountCreateParams.builder()
            .setType(AccountCreateParams.Type.EXPRESS)
            .setCapabilities(
                AccountCreateParams.Capabilities.builder()
                    .setTransfers(
                        AccountCreateParams.Capabilities.Transfers.builder()
                            .setRequested(true)
                            .build())
                    .build())
            .putMetadata("sellerId", seller.value())
            .build();
    return call(() -> stripe.v1().accounts().create(params, keyed("account-" + seller)).getId());
  }

  @Override
  public String onboardingLink(String accountId, String returnUrl) {
    var params =
        AccountLinkCreateParams.builder()
            .setAccount(accountId)
            .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
            .setReturnUrl(returnUrl)
            .setRefreshUrl(returnUrl)
            .build();
    return call(() -> stripe.v1().accountLinks().create(params).getUrl());
  }

  @Override
  public boolean payoutsEnabled(String accountId) {
    return call(
        () -> Boolean.TRUE.equals(stripe.v1().accounts().retrieve(accountId).getPayoutsEnabled()));
  }

  /**
   * Refuses an intent with no charge: a transfer without its {@code source_transaction} would be
   * paid from the platform's own balance, before the buyer's money has settled.
   */
  @Override
  public String chargeOf(String paymentIntentId) {
    String charge =
        call(() -> stripe.v1().paymentIntents().retrieve(paymentIntentId).getLatestCharge());
    if (charge == null) {
      throw new IllegalStateException("PaymentIntent " + paymentIntentId + " has no charge");
    }
    return charge;
  }

  /**
   * One transfer under its key, made once however often it is asked: Stripe answers a key again for
   * 24 hours, and after that (a payouts store away longer, its activity retrying all the while) the
   * transfer is found by the key it carries in its metadata, where a second one would have been
   * made.
   */
  @Override
  public String transfer(Transfer transfer) {
    String made = madeUnder(transfer.transferGroup(), transfer.idempotencyKey());
    if (made != null) {
      return made;
    }
    var params =
        TransferCreateParams.builder()
            .setAmount(transfer.amount())
            .setCurrency(transfer.currency())
            .setDestination(transfer.destination())
            .setSourceTransaction(transfer.sourceTransaction())
            .setTransferGroup(transfer.transferGroup())
            .putMetadata(TRANSFER_KEY, transfer.idempotencyKey())
            .build();
    return call(
        () -> stripe.v1().transfers().create(params, keyed(transfer.idempotencyKey())).getId());
  }

  /** The transfer of the order's group made under {@code key}, if one was: an order has a few. */
  private @Nullable String madeUnder(String transferGroup, String key) {
    var params =
        TransferListParams.builder().setTransferGroup(transferGroup).setLimit(100L).build();
    return call(() -> stripe.v1().transfers().list(params)).getData().stream()
        .filter(
            made -> made.getMetadata() != null && key.equals(made.getMetadata().get(TRANSFER_KEY)))
        .map(com.stripe.model.Transfer::getId)
        .findFirst()
        .orElse(null);
  }

  @Override
  public String reverse(String transferId, String idempotencyKey) {
    var params = TransferReversalCreateParams.builder().build();
    return call(() ->
        stripe
            .v1()
            .transfers()
            .reversals()
            .create(transferId, params, keyed(idempotencyKey))
            .getId());
  }

  private static RequestOptions keyed(String idempotencyKey) {
    return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
  }

  /** A Stripe call; its failure fails the activity, which Temporal retries. */
  private static <T> T call(StripeCall<T> call) {
    try {
      return call.run();
    } catch (StripeException e) {
      throw new IllegalStateException("Stripe refused: " + e.getMessage(), e);
    }
  }

  private interface StripeCall<T> {
    T run() throws StripeException;
  }
}
