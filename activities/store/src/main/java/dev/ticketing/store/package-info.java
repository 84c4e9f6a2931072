/**
 * What every domain's store shares: its own database ({@link dev.ticketing.store.DomainDatabase}),
 * aggregates whose every change is claimed in an event log ({@link
 * dev.ticketing.store.VersionedStore}, {@link dev.ticketing.store.EventLog}).
 *
 * <p>FerretDB runs a conditional update as a read followed by a blind write, so two concurrent
 * updates can both "win"; only an insert against a unique {@code _id} is atomic there (and on
 * MongoDB). Every decision in these stores therefore ends in such an insert.
 */
@NullMarked
package dev.ticketing.store;

import org.jspecify.annotations.NullMarked;
