package dev.ticketing.tickets.web;

import dev.ticketing.api.ApiException;
import dev.ticketing.api.CurrentUser;
import dev.ticketing.tickets.Ticket;
import dev.ticketing.tickets.Tickets;
import dev.ticketing.workflows.Price;
import dev.ticketing.workflows.TicketId;
import jakarta.validation.Valid;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tickets")
class TicketController {

  private static final Pattern VERSION = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

  private final Tickets tickets;

  TicketController(Tickets tickets) {
    this.tickets = tickets;
  }

  @PostMapping
  ResponseEntity<TicketResponse> create(
      @AuthenticationPrincipal CurrentUser seller, @Valid @RequestBody TicketRequest ticket) {
    return answer(
        HttpStatus.CREATED, tickets.list(seller.id(), ticket.title(), Price.of(ticket.price())));
  }

  @GetMapping
  List<TicketResponse> available(
      @RequestParam(required = false) @Nullable String limit,
      @RequestParam(required = false) @Nullable String offset) {
    var paging = Paging.of(limit, offset);
    return tickets.available(paging.limit(), paging.offset()).stream()
        .map(TicketResponse::of)
        .toList();
  }

  @GetMapping("/{id}")
  ResponseEntity<TicketResponse> show(@PathVariable String id) {
    return answer(HttpStatus.OK, tickets.find(id).orElseThrow(ApiException::notFound));
  }

  @PutMapping("/{id}")
  ResponseEntity<TicketResponse> update(
      @AuthenticationPrincipal CurrentUser seller,
      @PathVariable String id,
      @Valid @RequestBody TicketRequest ticket,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    Long expected = expectedVersion(ifMatch);
    Ticket edited =
        tickets.edit(
            new TicketId(id), seller.id(), ticket.title(), Price.of(ticket.price()), expected);
    return answer(HttpStatus.OK, edited);
  }

  /** {@code If-Match: "3"} asks for version 3; absent or {@code *}, any version will do. */
  private static @Nullable Long expectedVersion(@Nullable String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      return null;
    }
    Matcher version = VERSION.matcher(ifMatch.trim());
    if (!version.matches()) {
      throw ApiException.badRequest("If-Match must be a quoted version, like \"3\"");
    }
    return Long.parseLong(version.group(1));
  }

  private static ResponseEntity<TicketResponse> answer(HttpStatus status, Ticket ticket) {
    return ResponseEntity.status(status)
        .eTag("\"" + ticket.version() + "\"")
        .body(TicketResponse.of(ticket));
  }
}
