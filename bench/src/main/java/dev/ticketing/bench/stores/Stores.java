package dev.ticketing.bench.stores;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The domains' databases ({@code users}, {@code tickets}, {@code orders}, {@code payments}, {@code
 * payouts}, {@code notifications}), each with its snapshots and its {@code events}. Read raw, so a
 * check sees what is stored, not what the domain code makes of it.
 */
public final class Stores implements AutoCloseable {

  public static final List<String> DOMAINS =
      List.of("users", "tickets", "orders", "payments", "payouts", "notifications");

  private final MongoClient client;

  public Stores(String mongoUri) {
    this.client = MongoClients.create(mongoUri);
  }

  /**
   * Every snapshot of a domain: {@code users}, {@code tickets}, {@code orders}, {@code payments}.
   */
  public List<Document> snapshots(String domain) {
    return all(collection(domain, domain), Filters.empty());
  }

  /**
   * Every document of one collection of a domain, such as the payouts domain's {@code accounts}.
   */
  public List<Document> documents(String domain, String collection) {
    return all(collection(domain, collection), Filters.empty());
  }

  public List<Document> events(String domain) {
    return all(collection(domain, "events"), Filters.empty());
  }

  public List<Document> events(String domain, String type) {
    return all(collection(domain, "events"), Filters.eq("type", type));
  }

  public List<Document> snapshots(String domain, Bson filter) {
    return all(collection(domain, domain), filter);
  }

  public long count(String domain, Bson filter) {
    return collection(domain, domain).countDocuments(filter);
  }

  private MongoCollection<Document> collection(String domain, String name) {
    return client.getDatabase(domain).getCollection(name);
  }

  private static List<Document> all(MongoCollection<Document> collection, Bson filter) {
    return collection.find(filter).into(new ArrayList<>());
  }

  @Override
  public void close() {
    client.close();
  }
}
