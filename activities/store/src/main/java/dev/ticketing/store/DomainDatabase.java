package dev.ticketing.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CreateCollectionOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * A domain's own MongoDB database. The connection string may name the database; otherwise it is the
 * domain's name, so every domain can share one server locally and have its own in Kubernetes.
 */
public final class DomainDatabase implements AutoCloseable {

  private final MongoClient client;
  private final MongoDatabase database;

  private DomainDatabase(MongoClient client, MongoDatabase database) {
    this.client = client;
    this.database = database;
  }

  public static DomainDatabase open(String uri, String domain) {
    var connection = new ConnectionString(uri);
    var settings =
        MongoClientSettings.builder()
            .applyConnectionString(connection)
            .applicationName("ticketing-" + domain)
            .applyToClusterSettings(cluster -> {
              // Fail a request quickly while the server is away; retries belong to the caller.
              if (connection.getServerSelectionTimeout() == null) {
                cluster.serverSelectionTimeout(5, TimeUnit.SECONDS);
              }
            })
            .applyToSocketSettings(socket -> {
              // Within an activity attempt's 10 s, so no write lands after its attempt has ended.
              if (connection.getSocketTimeout() == null) {
                socket.readTimeout(8, TimeUnit.SECONDS);
              }
              if (connection.getConnectTimeout() == null) {
                socket.connectTimeout(5, TimeUnit.SECONDS);
              }
            })
            .build();
    MongoClient client = MongoClients.create(settings);
    String name = connection.getDatabase() != null ? connection.getDatabase() : domain;
    return new DomainDatabase(client, client.getDatabase(name));
  }

  public MongoCollection<Document> collection(String name) {
    return database.getCollection(name);
  }

  public List<String> collectionNames() {
    return database.listCollectionNames().into(new ArrayList<>());
  }

  public void createCollection(String name, CreateCollectionOptions options) {
    database.createCollection(name, options);
  }

  public String name() {
    return database.getName();
  }

  /** Whether the server answers now; for readiness checks. */
  public boolean ping() {
    try {
      database.runCommand(new Document("ping", 1));
      return true;
    } catch (MongoException e) {
      return false;
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
