package dev.ticketing.workflows.notifications;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface NotificationActivities {

  /**
   * Sends the notice's email unless it was sent; a retry, or a second attempt running at the same
   * moment, sends nothing more.
   */
  void send(Notice notice);
}
