package dev.ticketing.bench.baseline;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import dev.ticketing.bench.load.Crowd;
import dev.ticketing.bench.report.Latencies;
import dev.ticketing.bench.report.Percentiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;

/**
 * FerretDB's raw atomic read-modify-write: findAndModify with {@code $inc} on one document each.
 */
public final class FindAndModifyRate {

  public record Rate(int concurrency, int operations, double perSecond, Percentiles latency) {}

  private FindAndModifyRate() {}

  /**
   * {@code operations} findAndModify calls, {@code concurrency} at a time, in a scratch database.
   */
  public static Rate measure(String mongoUri, int concurrency, int operations) {
    try (var client = MongoClients.create(mongoUri)) {
      var database = client.getDatabase("bench_findandmodify");
      MongoCollection<Document> counters = database.getCollection("counters");
      counters.drop();
      List<Document> documents = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        documents.add(new Document("_id", i).append("n", 0));
      }
      counters.insertMany(documents);
      var latencies = new Latencies();
      Duration took =
          Crowd.work(
              concurrency,
              IntStream.range(0, operations).boxed().toList(),
              (worker, job) -> {
                long start = System.nanoTime();
                counters.findOneAndUpdate(eq("_id", worker), Updates.inc("n", 1));
                latencies.record(System.nanoTime() - start);
              });
      database.drop();
      return new Rate(
          concurrency, operations, operations / (took.toNanos() / 1e9), latencies.percentiles());
    }
  }
}
