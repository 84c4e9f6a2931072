package dev.ticketing.bench.report;

/**
 * One concurrency level of a two-step load (reserve then pay, or Update-with-Start then Update):
 * how many completed per second, and the latency of each step.
 */
public record Level(
    int concurrency,
    int completed,
    int failed,
    double perSecond,
    Percentiles first,
    Percentiles second) {}
