package dev.ticketing.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ticketing.harness.FerretDb;
import dev.ticketing.harness.LocalStack;
import dev.ticketing.harness.Poll;
import dev.ticketing.store.DomainDatabase;
import dev.ticketing.store.Event;
import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.Price;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.tickets.TicketSeen;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStack.class)
class TicketsIntegrationTest {

  static final UserId SELLER = new UserId(new ObjectId().toHexString());
  static final Price TWENTY = new Price(2_000);

  DomainDatabase database;
  Tickets tickets;

  @BeforeEach
  void open(FerretDb ferretDb) {
    database = DomainDatabase.open(ferretDb.uri("tickets_" + new ObjectId()), "tickets");
    tickets = new Tickets(database, Clock.systemUTC());
  }

  @Test
  void theListOfTicketsForSaleHasAnIndexForItsFilterAndOrder() {
    tickets.list(SELLER, "Concert", TWENTY, null);

    tickets.available(10, 0);

    assertThat(
            database
                .template()
                .getCollection("tickets")
                .listIndexes()
                .map(i -> i.get("key").toString()))
        .contains("Document{{status=1, createdAt=-1, _id=-1}}");
  }

  @AfterEach
  void close() {
    tickets.close();
  }

  @Test
  void aReservationFromTheTicketAsABuyersRequestSawItHoldsWhatAReadWouldHave() {
    Ticket listed =
        tickets.list(
            SELLER, "Concert «Été» 🎷", new Price(1_999), Instant.now().plusSeconds(86_400));
    Ticket found = tickets.find(listed.id().value()).orElseThrow();
    // as the order workflow carries it: through Temporal's converter, into its reserve activity
    var converter = DefaultDataConverter.newDefaultInstance();
    TicketSeen seen =
        converter.fromPayload(
            converter.toPayload(found.seen()).orElseThrow(), TicketSeen.class, TicketSeen.class);
    OrderId order = order();
    UserId buyer = buyer();

    assertThat(Ticket.of(seen)).isEqualTo(found);
    Ticket held =
        new Tickets(database, Clock.systemUTC())
            .reserve(listed.id(), order, buyer, Ticket.of(seen), Instant.MAX);

    assertThat(held)
        .isEqualTo(
            new Ticket(
                found.id(),
                found.title(),
                found.price(),
                found.userId(),
                1,
                order,
                TicketStatus.RESERVED,
                found.eventAt(),
                found.createdAt()));
    assertThat(tickets.find(listed.id().value())).contains(held);
    assertThat(held.seen()).as("only a ticket for sale is seen to be reserved").isNull();
  }

  @Test
  void ofTwoHundredConcurrentBuyersExactlyOneHoldsTheTicket() throws Exception {
    Ticket ticket = tickets.list(SELLER, "Concert", TWENTY, null);

    List<Object> outcomes =
        concurrently(
            200,
            i ->
                () -> {
                  try {
                    return tickets.reserve(ticket.id(), order(), buyer()).orderId();
                  } catch (ApplicationFailure refused) {
                    return refused.getOriginalMessage();
                  }
                });

    Ticket held = tickets.find(ticket.id().value()).orElseThrow();
    assertThat(held.status()).isEqualTo(TicketStatus.RESERVED);
    assertThat(outcomes).filteredOn(OrderId.class::isInstance).containsExactly(held.orderId());
    assertThat(outcomes)
        .filteredOn(String.class::isInstance)
        .hasSize(199)
        .containsOnly("Ticket is already reserved");
    assertThat(types(ticket)).containsExactly("TicketCreated", "TicketReserved");
  }

  @Test
  void aReservationWhoseAttemptIsOverHoldsNothing() {
    Ticket ticket = tickets.list(SELLER, "Concert", TWENTY, null);

    assertThatThrownBy(() ->
            tickets.reserve(ticket.id(), order(), buyer(), null, Instant.now().minusMillis(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Temporal no longer waits for it");
    assertThat(tickets.find(ticket.id().value()).orElseThrow().status())
        .isEqualTo(TicketStatus.AVAILABLE);
    assertThat(types(ticket)).containsExactly("TicketCreated");
  }

  @Test
  void reservingAgainForTheSameOrderChangesNothing() {
    Ticket ticket = tickets.list(SELLER, "Concert", TWENTY, null);
    OrderId order = order();

    Ticket first = tickets.reserve(ticket.id(), order, buyer());
    Ticket again = tickets.reserve(ticket.id(), order, buyer());

    assertThat(again).isEqualTo(first);
    assertThat(types(ticket)).containsExactly("TicketCreated", "TicketReserved");
  }

  @Test
  void refusesTheSellerAndUnknownTickets() {
    Ticket ticket = tickets.list(SELLER, "Concert", TWENTY, null);

    assertThat(refusal(() -> tickets.reserve(ticket.id(), order(), SELLER)))
        .isEqualTo("You cannot buy your own ticket");
    assertThat(
            refusal(() ->
                tickets.reserve(new TicketId(new ObjectId().toHexString()), order(), buyer())))
        .isEqualTo("Not Found");
    assertThat(tickets.find("abc")).isEmpty();
  }

  @Test
  void releaseNeverFreesAnotherOrdersHold() {
    Ticket ticket = tickets.list(SELLER, "Concert", TWENTY, null);
    OrderId holder = order();
    tickets.reserve(ticket.id(), holder, buyer());

    tickets.release(ticket.id(), order());

    assertThat(tickets.find(ticket.id().value()).orElseThrow().orderId()).isEqualTo(holder);
    tickets.release(ticket.id(), holder);
    assertThat(tickets.find(ticket.id().value()).orElseThrow().status())
        .isEqualTo(TicketStatus.AVAILABLE);
  }

  @Test
  void aSoldTicketIsNeverReleasedOrReservedAgain() {
    Ticket ticket = tickets.list(SELLER, "Concert", TWENTY, null);
    OrderId order = order();
    tickets.reserve(ticket.id(), order, buyer());
    tickets.markSold(ticket.id(), order);

    tickets.release(ticket.id(), order);

    assertThat(tickets.find(ticket.id().value()).orElseThrow().status())
        .isEqualTo(TicketStatus.SOLD);
    assertThat(refusal(() -> tickets.reserve(ticket.id(), order(), buyer())))
        .isEqualTo("Ticket is already reserved");
  }

  @Test
  void editsAreRefusedWhileHeldAndWhenStale() {
    Ticket ticket = tickets.list(SELLER, "Concert", TWENTY, null);

    Ticket edited =
        tickets.edit(
            ticket.id(), SELLER, new Ticket.Edit("Opera", new Price(2_500), null, true), 0L);
    assertThat(edited.version()).isEqualTo(1);
    assertThat(
            failure(() ->
                    tickets.edit(
                        ticket.id(), SELLER, new Ticket.Edit("Ballet", TWENTY, null, true), 0L))
                .getType())
        .isEqualTo("CONFLICT");
    assertThat(
            refusal(() ->
                tickets.edit(
                    ticket.id(), buyer(), new Ticket.Edit("Mine", TWENTY, null, true), null)))
        .isEqualTo("Not authorized");

    tickets.reserve(ticket.id(), order(), buyer());
    assertThat(
            refusal(() ->
                tickets.edit(
                    ticket.id(), SELLER, new Ticket.Edit("Ballet", TWENTY, null, true), null)))
        .isEqualTo("Cannot edit a reserved ticket");
  }

  @Test
  void concurrentEditsNeverLandOnAHeldTicket() throws Exception {
    Ticket ticket = tickets.list(SELLER, "Concert", TWENTY, null);

    concurrently(
        60,
        i ->
            () -> {
              try {
                return i == 30
                    ? tickets.reserve(ticket.id(), order(), buyer())
                    : tickets.edit(
                        ticket.id(),
                        SELLER,
                        new Ticket.Edit("Edit " + i, TWENTY, null, true),
                        null);
              } catch (ApplicationFailure refused) {
                return refused.getOriginalMessage();
              }
            });

    List<Event> history = tickets.events().of(ticket.id().value());
    long reservedAt =
        history.stream()
            .filter(e -> e.type().equals("TicketReserved"))
            .findFirst()
            .orElseThrow()
            .version();
    assertThat(history)
        .filteredOn(e -> e.type().equals("TicketUpdated"))
        .allSatisfy(edit -> assertThat(edit.version()).isLessThan(reservedAt));
    assertThat(tickets.find(ticket.id().value()).orElseThrow().version())
        .isEqualTo(history.size() - 1);
  }

  @Test
  void listsAvailableTicketsNewestFirst() {
    Ticket older = tickets.list(SELLER, "Older", TWENTY, null);
    Ticket held = tickets.list(SELLER, "Held", TWENTY, null);
    Ticket newer = tickets.list(SELLER, "Newer", TWENTY, null);
    tickets.reserve(held.id(), order(), buyer());

    assertThat(tickets.available(10, 0))
        .extracting(Ticket::id)
        .containsExactly(newer.id(), older.id());
    assertThat(tickets.available(1, 1)).extracting(Ticket::id).containsExactly(older.id());
  }

  @Test
  void aTicketWhoseEventHasTakenPlaceCannotBeOrderedAndAnEditCanKeepOrClearItsDate() {
    Instant soon = Instant.now().plusMillis(300).truncatedTo(ChronoUnit.MILLIS);
    Ticket ticket = tickets.list(SELLER, "Tonight", TWENTY, soon);

    Ticket renamed =
        tickets.edit(ticket.id(), SELLER, new Ticket.Edit("Tonight!", TWENTY, null, true), null);
    assertThat(renamed.eventAt()).isEqualTo(soon);
    Poll.until(
        "the event has taken place", Duration.ofSeconds(5), () -> Instant.now().isAfter(soon));

    assertThat(refusal(() -> tickets.reserve(ticket.id(), order(), buyer())))
        .isEqualTo("Event has already taken place");
    Ticket undated =
        tickets.edit(ticket.id(), SELLER, new Ticket.Edit("Tonight!", TWENTY, null, false), null);
    assertThat(undated.eventAt()).isNull();
    assertThat(tickets.reserve(ticket.id(), order(), buyer()).status())
        .isEqualTo(TicketStatus.RESERVED);
  }

  private List<String> types(Ticket ticket) {
    return tickets.events().of(ticket.id().value()).stream().map(Event::type).toList();
  }

  private static OrderId order() {
    return new OrderId(new ObjectId().toHexString());
  }

  private static UserId buyer() {
    return new UserId(new ObjectId().toHexString());
  }

  private static String refusal(Runnable call) {
    return failure(call).getOriginalMessage();
  }

  private static ApplicationFailure failure(Runnable call) {
    return catchThrowableOfType(ApplicationFailure.class, call::run);
  }

  private static <T> List<T> concurrently(
      int count, java.util.function.IntFunction<Callable<T>> task) throws Exception {
    try (var threads = Executors.newFixedThreadPool(32)) {
      List<Future<T>> futures =
          IntStream.range(0, count).mapToObj(i -> threads.submit(task.apply(i))).toList();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    }
  }
}
