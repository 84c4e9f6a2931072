package dev.ticketing.tickets.web;

import static dev.ticketing.workflows.Rejection.UNAVAILABLE;

import dev.ticketing.api.ApiError;
import dev.ticketing.api.ApiException;
import dev.ticketing.api.CurrentUser;
import dev.ticketing.api.Paging;
import dev.ticketing.api.Text;
import dev.ticketing.tickets.Ticket;
import dev.ticketing.tickets.TicketCatalog;
import dev.ticketing.tickets.Tickets;
import dev.ticketing.workflows.Price;
import dev.ticketing.workflows.TicketId;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.links.Link;
import io.swagger.v3.oas.annotations.links.LinkParameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.time.Instant;
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
  private final TicketCatalog catalog;

  TicketController(Tickets tickets, TicketCatalog catalog) {
    this.tickets = tickets;
    this.catalog = catalog;
  }

  @ApiResponse(
      responseCode = "201",
      description = "Listed",
      useReturnTypeSchema = true,
      links = {
        @Link(
            name = "show",
            operationId = "showTicket",
            parameters = @LinkParameter(name = "id", expression = "$response.body#/id")),
        @Link(
            name = "edit",
            operationId = "editTicket",
            parameters = @LinkParameter(name = "id", expression = "$response.body#/id")),
        @Link(
            name = "buy",
            operationId = "reserve",
            requestBody = "{\"ticketId\": \"$response.body#/id\"}")
      })
  @PostMapping
  ResponseEntity<TicketResponse> listTicket(
      @AuthenticationPrincipal CurrentUser seller, @Valid @RequestBody TicketRequest ticket) {
    Ticket listed =
        tickets.list(
            seller.id(), ticket.listedTitle(), Price.of(ticket.price()), ticket.eventInstant());
    catalog.apply(listed); // the seller finds it listed at once, not when the feed tells
    return answer(HttpStatus.CREATED, listed);
  }

  /** For sale now, newest first: read from the catalog in memory, never from the store. */
  @GetMapping
  List<TicketResponse> availableTickets(
      Paging paging,
      @Parameter(
              description = "Titles holding this, in any case, every character as it is",
              schema = @Schema(minLength = 1, maxLength = 100, pattern = Text.VISIBLE))
          @RequestParam(required = false)
          @Nullable String q) {
    Paging.Page page = paging.page();
    String search = search(q);
    if (!catalog.isLoaded()) {
      throw UNAVAILABLE.failure("Service unavailable");
    }
    return catalog.forSale(search, Instant.now(), page.limit(), page.offset()).stream()
        .map(TicketResponse::of)
        .toList();
  }

  @GetMapping("/{id}")
  ResponseEntity<TicketResponse> showTicket(@PathVariable String id) {
    return answer(HttpStatus.OK, tickets.find(id).orElseThrow(ApiException::notFound));
  }

  @ApiResponse(responseCode = "200", description = "Edited", useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "400",
      description = "A rule is broken, or the ticket is reserved or sold")
  @ApiResponse(responseCode = "401", description = "Not signed in, or not the seller")
  @ApiResponse(responseCode = "409", description = "If-Match names an older version")
  @PutMapping("/{id}")
  ResponseEntity<TicketResponse> editTicket(
      @AuthenticationPrincipal CurrentUser seller,
      @PathVariable String id,
      @Valid @RequestBody TicketRequest ticket,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    Long expected = expectedVersion(ifMatch);
    var edit =
        new Ticket.Edit(
            ticket.listedTitle(),
            Price.of(ticket.price()),
            ticket.eventInstant(),
            ticket.eventAt() == null);
    Ticket edited = tickets.edit(new TicketId(id), seller.id(), edit, expected);
    catalog.apply(edited);
    return answer(HttpStatus.OK, edited);
  }

  /** The search, without the space around it; 400 when that leaves nothing or too much. */
  private static @Nullable String search(@Nullable String q) {
    if (q == null) {
      return null;
    }
    String search = Text.visible(q);
    if (search.isEmpty() || search.codePointCount(0, search.length()) > 100) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          List.of(new ApiError("Search must be between 1 and 100 characters", "q")));
    }
    return search;
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
