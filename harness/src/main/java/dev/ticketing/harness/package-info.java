/**
 * The real processes tests need, spawned from {@code .tools/bin} on free ports and stopped when the
 * test JVM ends: {@link dev.ticketing.harness.LocalStack} is the JUnit entry point.
 */
@NullMarked
package dev.ticketing.harness;

import org.jspecify.annotations.NullMarked;
