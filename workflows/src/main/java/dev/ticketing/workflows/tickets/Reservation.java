package dev.ticketing.workflows.tickets;

import dev.ticketing.workflows.Price;
import dev.ticketing.workflows.TicketId;

/** A ticket as it was when an order took it: what the order shows and charges. */
public record Reservation(TicketId ticketId, String title, Price price, long version) {}
