package dev.ticketing.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.Price;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TicketCatalogTest {

  static final Instant NOW = Instant.parse("2026-12-04T20:00:00Z");
  static final UserId ADA = new UserId("5f00000000000000000000a1");
  static final UserId BOB = new UserId("5f00000000000000000000b1");

  final TicketCatalog catalog = new TicketCatalog();

  @Test
  void listsTicketsForSaleNewestFirstAPageAtATime() {
    catalog.load(
        List.of(ticket(1, "First", ADA), ticket(2, "Second", ADA), ticket(3, "Third", BOB)));

    assertThat(titles(catalog.forSale(null, NOW, 2, 0))).containsExactly("Third", "Second");
    assertThat(titles(catalog.forSale(null, NOW, 2, 2))).containsExactly("First");
  }

  @Test
  void aReservationOrSaleTakesATicketOffTheListAndAnOlderVersionChangesNothing() {
    Ticket concert = ticket(1, "Concert", ADA);
    catalog.load(List.of(concert));

    Ticket reserved = concert.reserveFor(new OrderId("5f00000000000000000000c1"), BOB, NOW);
    catalog.apply(
        new Ticket(
            reserved.id(),
            reserved.title(),
            reserved.price(),
            ADA,
            1,
            reserved.orderId(),
            reserved.status(),
            null,
            reserved.createdAt()));
    catalog.apply(concert);

    assertThat(catalog.forSale(null, NOW, 10, 0)).isEmpty();
    assertThat(catalog.ofSeller(ADA, 10, 0))
        .extracting(Ticket::status)
        .containsExactly(TicketStatus.RESERVED);
  }

  @Test
  void aWithdrawnVersionLeavesTheListAndANewerOneDecides() {
    Ticket concert = ticket(1, "Concert", ADA);
    Ticket opera = ticket(2, "Opera", ADA);
    catalog.load(List.of(concert, opera));

    catalog.withdraw(concert.id(), 0);
    catalog.withdraw(opera.id(), 7); // a version the catalog never held withdraws nothing

    assertThat(titles(catalog.forSale(null, NOW, 10, 0))).containsExactly("Opera");
    catalog.apply(withVersion(concert, 2)); // released again, as the feed tells
    assertThat(titles(catalog.forSale(null, NOW, 10, 0))).containsExactly("Opera", "Concert");
  }

  @Test
  void searchesTitlesLiterallyInAnyCase() {
    catalog.load(
        List.of(ticket(1, "Jazz Night", ADA), ticket(2, "jazz.*", ADA), ticket(3, "Opera", ADA)));

    assertThat(titles(catalog.forSale("JAZZ", NOW, 10, 0))).containsExactly("jazz.*", "Jazz Night");
    assertThat(titles(catalog.forSale(".*", NOW, 10, 0))).containsExactly("jazz.*");
  }

  @Test
  void aTicketWhoseEventHasTakenPlaceIsNotForSaleButStaysTheSellers() {
    Ticket past = withEvent(ticket(1, "Yesterday", ADA), NOW.minusSeconds(86_400));
    Ticket future = withEvent(ticket(2, "Tomorrow", ADA), NOW.plusSeconds(86_400));
    catalog.load(List.of(past, future));

    assertThat(titles(catalog.forSale(null, NOW, 10, 0))).containsExactly("Tomorrow");
    assertThat(titles(catalog.ofSeller(ADA, 10, 0))).containsExactly("Tomorrow", "Yesterday");
    assertThat(catalog.ofSeller(BOB, 10, 0)).isEmpty();
  }

  @Test
  void aTicketIsKnownTakenWhenReservedOrWithdrawnUntilThisProcessReleasesIt() {
    var clock = new AtomicReference<>(NOW);
    var catalog = new TicketCatalog(clock::get);
    Ticket forSale = ticket(1, "Concert", ADA);
    catalog.apply(forSale);
    assertThat(catalog.isTaken(forSale.id())).isFalse();

    catalog.withdraw(forSale.id(), 0);
    assertThat(catalog.isTaken(forSale.id())).as("withdrawn by a reservation").isTrue();
    catalog.released(forSale.id());
    assertThat(catalog.isTaken(forSale.id())).as("released by a closed order").isFalse();

    catalog.apply(reserved(forSale, 3));
    assertThat(catalog.isTaken(forSale.id())).as("a newer version, told").isTrue();
    clock.set(NOW.plusSeconds(6));
    assertThat(catalog.isTaken(forSale.id()))
        .as("heard too long ago to be trusted: the store is asked")
        .isFalse();
    assertThat(catalog.isTaken(new TicketId("5f00000000000000000000ff"))).isFalse();
  }

  @Test
  void theStoreSayingATicketIsStillTakenIsTrustedAnewButTheFeedRepeatingItIsNot() {
    var clock = new AtomicReference<>(NOW);
    var catalog = new TicketCatalog(clock::get);
    Ticket reserved = reserved(ticket(1, "Concert", ADA), 3);
    catalog.apply(reserved);

    clock.set(NOW.plusSeconds(6));
    catalog.apply(reserved); // a feed read again
    assertThat(catalog.isTaken(reserved.id())).as("the feed repeating itself").isFalse();
    catalog.read(reserved);
    assertThat(catalog.isTaken(reserved.id())).as("the store's answer").isTrue();
    catalog.read(withVersion(reserved, 2));
    assertThat(catalog.isTaken(reserved.id())).as("an older read changes nothing").isTrue();
    catalog.read(withVersion(ticket(1, "Concert", ADA), 9));
    assertThat(catalog.isTaken(reserved.id())).as("read for sale again").isFalse();
  }

  @Test
  void aLoadedTicketIsNotTrustedTaken() {
    Ticket reserved = reserved(ticket(1, "Concert", ADA), 3);

    catalog.load(List.of(reserved));

    assertThat(catalog.find(reserved.id())).contains(reserved);
    assertThat(catalog.isTaken(reserved.id())).as("read a while ago: the store is asked").isFalse();
  }

  private static Ticket reserved(Ticket ticket, long version) {
    return withVersion(ticket, version)
        .reserveFor(new OrderId("5f00000000000000000000c1"), BOB, NOW);
  }

  private static Ticket ticket(int minute, String title, UserId seller) {
    var id = new TicketId(String.format("5f00000000000000000000%02d", minute));
    return new Ticket(
        id,
        title,
        new Price(1_000),
        seller,
        0,
        null,
        TicketStatus.AVAILABLE,
        null,
        NOW.minusSeconds(3_600 - minute * 60L));
  }

  private static Ticket withEvent(Ticket ticket, @Nullable Instant eventAt) {
    return new Ticket(
        ticket.id(),
        ticket.title(),
        ticket.price(),
        ticket.userId(),
        ticket.version(),
        null,
        ticket.status(),
        eventAt,
        ticket.createdAt());
  }

  private static Ticket withVersion(Ticket ticket, long version) {
    return new Ticket(
        ticket.id(),
        ticket.title(),
        ticket.price(),
        ticket.userId(),
        version,
        null,
        ticket.status(),
        ticket.eventAt(),
        ticket.createdAt());
  }

  private static List<String> titles(List<Ticket> tickets) {
    return tickets.stream().map(Ticket::title).toList();
  }
}
