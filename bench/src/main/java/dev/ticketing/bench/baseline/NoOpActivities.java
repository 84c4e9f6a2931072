package dev.ticketing.bench.baseline;

import io.temporal.activity.ActivityInterface;

@ActivityInterface(namePrefix = "Bare")
public interface NoOpActivities {

  /** Does nothing: what is left is Temporal's own cost of an activity. */
  void step(String name);

  final class Impl implements NoOpActivities {
    @Override
    public void step(String name) {}
  }
}
