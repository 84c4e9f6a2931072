/**
 * The notifications domain: the emails that tell buyers and sellers what happened, each sent once
 * per event through SMTP from its templates, with a record of each in its own store.
 */
@NullMarked
package dev.ticketing.notifications;

import org.jspecify.annotations.NullMarked;
