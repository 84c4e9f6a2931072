package dev.ticketing.live;

import dev.ticketing.api.CurrentUser;
import dev.ticketing.api.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /api/events/stream}: the marketplace's changes as Server-Sent Events. */
@RestController
class EventStreamController {

  private final LiveFeed feed;
  private final Sessions sessions;

  EventStreamController(LiveFeed feed, Sessions sessions) {
    this.feed = feed;
    this.sessions = sessions;
  }

  @GetMapping(path = "/api/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(
      HttpServletRequest request,
      @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
    var user = sessions.current(request).map(CurrentUser::id).orElse(null);
    return feed.subscribe(user, lastEventId);
  }
}
