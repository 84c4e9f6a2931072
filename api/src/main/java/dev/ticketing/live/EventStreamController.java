package dev.ticketing.live;

import dev.ticketing.api.CurrentUser;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /api/events/stream}: the marketplace's changes as Server-Sent Events. */
@RestController
class EventStreamController {

  private final LiveFeed feed;

  EventStreamController(LiveFeed feed) {
    this.feed = feed;
  }

  @ApiResponse(
      responseCode = "200",
      description = "Events named ticket, order (the buyer's own) and reset, as they happen",
      content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string")))
  @GetMapping(path = "/api/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(
      @AuthenticationPrincipal @Nullable CurrentUser user,
      @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
    return feed.subscribe(user == null ? null : user.id(), lastEventId);
  }
}
