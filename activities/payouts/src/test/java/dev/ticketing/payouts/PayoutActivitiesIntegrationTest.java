package dev.ticketing.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketing.harness.FerretDb;
import dev.ticketing.harness.LocalStack;
import dev.ticketing.store.DomainDatabase;
import dev.ticketing.store.Event;
import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.Price;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.payouts.Payout;
import dev.ticketing.workflows.payouts.PayoutRequest;
import dev.ticketing.workflows.payouts.PayoutStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStack.class)
class PayoutActivitiesIntegrationTest {

  static final Instant EVENT = Instant.parse("2026-12-20T19:30:00Z");
  static final UserId SELLER = new UserId(new ObjectId().toHexString());

  Payouts payouts;
  PayoutActivitiesImpl activities;
  SellerAccounts accounts;
  final List<UserId> activated = new ArrayList<>();

  @BeforeEach
  void open(FerretDb ferretDb) {
    var settings =
        new PayoutSettings(
            ferretDb.uri("payouts_" + new ObjectId()),
            Duration.ofDays(2),
            10,
            Duration.ofDays(120),
            "usd",
            "http://localhost:8080",
            null,
            null);
    payouts =
        new Payouts(
            DomainDatabase.open(settings.mongodbUri(), "payouts"), settings, Clock.systemUTC());
    var sandbox = new SandboxPayoutGateway(settings.publicUrl());
    activities = new PayoutActivitiesImpl(payouts, sandbox, Clock.systemUTC());
    accounts = new SellerAccounts(payouts, sandbox, settings.publicUrl(), activated::add);
  }

  @AfterEach
  void close() {
    payouts.close();
  }

  @Test
  void schedulesTheChargeLessTheFeeHeldUntilTwoDaysAfterTheEventOnce() {
    PayoutRequest request = request("19.99");

    Payout scheduled = activities.schedule(request);
    Payout again = activities.schedule(request);

    assertThat(again).isEqualTo(scheduled);
    assertThat(scheduled.status()).isEqualTo(PayoutStatus.HELD);
    assertThat(scheduled.charge()).isEqualTo(1_999);
    assertThat(scheduled.fee()).isEqualTo(200);
    assertThat(scheduled.amount()).isEqualTo(1_799);
    assertThat(scheduled.releaseAt()).isEqualTo(EVENT.plus(Duration.ofDays(2)));
    assertThat(events(request.orderId())).containsExactly("PayoutScheduled");
  }

  @Test
  void aPayoutWithNoAccountWaitsAndIsPaidOnceHoweverOftenTheTransferIsRetried() throws Exception {
    OrderId order = activities.schedule(request("10")).id();
    assertThat(activities.hasActiveAccount(SELLER)).isFalse();
    assertThatThrownBy(() -> activities.transfer(order)).hasMessageContaining("No active account");
    activities.awaitAccount(order);
    assertThat(payouts.awaitingAccount(SELLER)).extracting(Payout::id).containsExactly(order);

    assertThat(accounts.open(SELLER).account().status()).isEqualTo(AccountStatus.ACTIVE);
    assertThat(activated).containsExactly(SELLER);
    List<Payout> attempts = concurrently(8, () -> activities.transfer(order));

    assertThat(attempts).extracting(Payout::transferId).containsOnly(attempts.get(0).transferId());
    assertThat(payouts.find(order).orElseThrow().status()).isEqualTo(PayoutStatus.PAID);
    assertThat(events(order))
        .containsExactly("PayoutScheduled", "PayoutAwaitingAccount", "PayoutSent");
    assertThat(payouts.awaitingAccount(SELLER)).isEmpty();
  }

  @Test
  void aDisputeFreezesAHeldPayoutAndReversesAPaidOneOnce() {
    OrderId held = activities.schedule(request("10")).id();
    OrderId paid = activities.schedule(request("20")).id();
    accounts.open(SELLER);
    activities.transfer(paid);

    assertThat(activities.freeze(held).status()).isEqualTo(PayoutStatus.FROZEN);
    assertThat(activities.resume(held).status()).isEqualTo(PayoutStatus.HELD);
    assertThat(activities.reverse(paid).status()).isEqualTo(PayoutStatus.REVERSED);
    assertThat(activities.reverse(paid).status()).isEqualTo(PayoutStatus.REVERSED);
    assertThat(activities.cancel(paid).status()).isEqualTo(PayoutStatus.CANCELLED);

    assertThat(events(paid))
        .containsExactly("PayoutScheduled", "PayoutSent", "PayoutReversed", "PayoutCancelled");
    assertThat(payouts.ofSeller(SELLER)).extracting(Payout::id).containsExactly(paid, held);
  }

  @Test
  void openingAnAccountTwiceAtOnceKeepsOneAccount() throws Exception {
    List<SellerAccounts.Opened> opened = concurrently(6, () -> accounts.open(SELLER));

    assertThat(opened)
        .extracting(o -> o.account().accountId())
        .containsOnly(opened.get(0).account().accountId());
    assertThat(payouts.events().of(SELLER.value()))
        .extracting(Event::type)
        .containsExactly("AccountOpened");
  }

  private static PayoutRequest request(String price) {
    return new PayoutRequest(
        new OrderId(new ObjectId().toHexString()),
        new TicketId(new ObjectId().toHexString()),
        SELLER,
        Price.of(new java.math.BigDecimal(price)),
        EVENT,
        EVENT.minus(Duration.ofDays(7)),
        "pi_" + new ObjectId(),
        "Concert");
  }

  private List<String> events(OrderId payout) {
    return payouts.events().of(payout.value()).stream().map(Event::type).toList();
  }

  private static <T> List<T> concurrently(int callers, Callable<T> call) throws Exception {
    try (var pool = Executors.newFixedThreadPool(callers)) {
      var calls = new ArrayList<Callable<T>>();
      for (int i = 0; i < callers; i++) {
        calls.add(call);
      }
      var answers = new ArrayList<T>();
      for (var answer : pool.invokeAll(calls)) {
        answers.add(answer.get());
      }
      return answers;
    }
  }
}
