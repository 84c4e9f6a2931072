/** Emails: one child workflow per event told, sending it once through the mail server. */
@NullMarked
package dev.ticketing.workflows.notifications;

import org.jspecify.annotations.NullMarked;
