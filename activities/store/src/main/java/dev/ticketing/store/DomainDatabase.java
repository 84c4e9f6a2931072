package dev.ticketing.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultMongoTypeMapper;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * A domain's own MongoDB database, through Spring Data's {@link MongoTemplate}. The connection
 * string may name the database; otherwise it is the domain's name, so every domain can share one
 * server locally and have its own in Kubernetes. (One client per domain, not Spring Boot's single
 * auto-configured one: each domain may live on a server of its own.)
 */
public final class DomainDatabase implements AutoCloseable {

  /**
   * Spring Boot's auto-configured client and template, which an app excludes: they would connect to
   * one server that no setting names, every domain having its own.
   */
  public static final String BOOT_CLIENT =
      "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration";

  public static final String BOOT_TEMPLATE =
      "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration";

  private final MongoClient client;
  private final MongoTemplate template;
  private final ChangeMeter changes;

  private DomainDatabase(MongoClient client, MongoTemplate template, ChangeMeter changes) {
    this.client = client;
    this.template = template;
    this.changes = changes;
  }

  public static DomainDatabase open(String uri, String domain) {
    var connection = new ConnectionString(uri);
    var changes = new ChangeMeter(domain);
    var settings =
        MongoClientSettings.builder()
            .applyConnectionString(connection)
            .addCommandListener(changes)
            .applicationName("ticketing-" + domain)
            .applyToServerSettings(
                server -> server.addServerListener(new ReachabilityGauge(domain)))
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
    var factory = new SimpleMongoClientDatabaseFactory(client, name);
    return new DomainDatabase(client, new MongoTemplate(factory, converter()), changes);
  }

  /** Spring Data's mapping of the records, with the value types stored as their one value. */
  private static MappingMongoConverter converter() {
    var conversions = new MongoCustomConversions(ValueRecords.CONVERTERS);
    var mapping = new MongoMappingContext();
    mapping.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
    mapping.setAutoIndexCreation(false);
    mapping.afterPropertiesSet();
    var converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, mapping);
    converter.setCustomConversions(conversions);
    // No _class field: each collection holds one type, and the records move between packages.
    converter.setTypeMapper(new DefaultMongoTypeMapper(null));
    converter.afterPropertiesSet();
    return converter;
  }

  public MongoTemplate template() {
    return template;
  }

  /** Runs one change of this domain's data, counted with the round trips it takes. */
  <T> T change(Supplier<T> change) {
    return changes.count(change);
  }

  /** Counts an event recorded in this domain's log. */
  void recorded(Event event) {
    changes.recorded(event.type());
  }

  public String name() {
    return template.getDb().getName();
  }

  /** Whether the server answers now; for health checks. */
  public boolean ping() {
    try {
      template.executeCommand(new Document("ping", 1));
      return true;
    } catch (DataAccessException e) {
      return false;
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
