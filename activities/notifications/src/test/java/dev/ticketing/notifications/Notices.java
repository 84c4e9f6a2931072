package dev.ticketing.notifications;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.notifications.Notice;
import dev.ticketing.workflows.notifications.NoticeKind;
import java.time.Instant;
import org.bson.types.ObjectId;

/** Notices for tests: each with a fresh key, order and ticket. */
final class Notices {

  static final Instant RELEASE = Instant.parse("2026-12-22T19:30:00Z");

  private Notices() {}

  static Notice of(NoticeKind kind, UserId recipient, String title) {
    String order = new ObjectId().toHexString();
    return new Notice(
        kind.name().toLowerCase() + "-" + order,
        kind,
        recipient,
        new OrderId(order),
        new TicketId(new ObjectId().toHexString()),
        title,
        1_799,
        "usd",
        RELEASE,
        kind == NoticeKind.TICKET_SOLD);
  }
}
