package dev.ticketing.bench.reads;

import com.mongodb.client.model.InsertManyOptions;
import dev.ticketing.store.DomainDatabase;
import dev.ticketing.store.Event;
import dev.ticketing.tickets.Ticket;
import dev.ticketing.tickets.TicketStatus;
import dev.ticketing.workflows.Price;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Tickets for sale written straight into the tickets store, many at a time, as the store itself
 * writes a listed ticket: its snapshot (version 0) and its {@code TicketCreated} event, both made
 * by the store's own Spring Data mapping. Not into the feed: whoever reads the store at start (the
 * API's read model) loads them, so the API is restarted after seeding.
 */
public final class SeededTickets implements AutoCloseable {

  /**
   * The artist of one ticket in a thousand: a search for it fills less than a page at every size,
   * so it reads every title.
   */
  public static final String RARE_ARTIST = "Arctic Owls";

  private static final int RARE_EVERY = 1_000;
  private static final int BATCH = 1_000;
  private static final List<String> VENUES =
      List.of("Lisbon Arena", "Oslo Hall", "Porto Stadium", "Lyon Dome", "Ghent Club");

  private final DomainDatabase database;
  private final MongoTemplate template;
  private int written;

  public SeededTickets(String mongoUri) {
    this.database = DomainDatabase.open(mongoUri, "tickets");
    this.template = database.template();
  }

  /** How many tickets the store holds, of any status. */
  public long count() {
    return template.getCollection("tickets").countDocuments();
  }

  /**
   * {@code count} more available tickets, the {@code i}-th one listed by {@code sellers[i % size]},
   * each a second older than the one before, so whatever the run lists later is newer.
   */
  public void add(int count, List<UserId> sellers) {
    List<Document> tickets = new ArrayList<>(BATCH);
    List<Document> events = new ArrayList<>(BATCH);
    Instant now = Instant.now();
    for (int i = 0; i < count; i++) {
      int n = written++;
      Instant listedAt = now.minusSeconds(n + 1L);
      Document state = snapshot(n, sellers.get(i % sellers.size()), listedAt);
      tickets.add(state);
      events.add(created(state, listedAt));
      if (tickets.size() == BATCH || i == count - 1) {
        insert("tickets", tickets);
        insert("events", events);
      }
    }
  }

  /** Sellers that are not users: enough that each has ~50 of 100,000 tickets. */
  public static List<UserId> strangers(int count) {
    List<UserId> sellers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      sellers.add(new UserId(new ObjectId().toHexString()));
    }
    return sellers;
  }

  private static String title(int n) {
    String venue = VENUES.get(n % VENUES.size());
    return (n % RARE_EVERY == 0 ? RARE_ARTIST : "Seat " + n) + " at " + venue;
  }

  private Document snapshot(int n, UserId seller, Instant listedAt) {
    Ticket ticket =
        ticket(
            Map.of(
                "id",
                new TicketId(new ObjectId().toHexString()),
                "title",
                title(n),
                "price",
                Price.of(new BigDecimal("20.00")),
                "userId",
                seller,
                "version",
                0L,
                "status",
                TicketStatus.AVAILABLE,
                "createdAt",
                listedAt));
    var state = new Document();
    template.getConverter().write(ticket, state);
    state.put("version", 0L);
    return state;
  }

  private Document created(Document state, Instant at) {
    var event = new Event("TicketCreated", state.get("_id").toString(), 0, at, state);
    var document = new Document();
    template.getConverter().write(event, document);
    return document;
  }

  /**
   * A {@link Ticket} from its fields by name, any other component null: a field added to the record
   * later (say, a nullable {@code eventAt}) leaves this seeding compiling and working.
   */
  private static Ticket ticket(Map<String, Object> fields) {
    RecordComponent[] components = Ticket.class.getRecordComponents();
    Object[] values = Arrays.stream(components).map(c -> fields.get(c.getName())).toArray();
    Class<?>[] types =
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      return Ticket.class.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot make a Ticket from " + fields.keySet(), e);
    }
  }

  private void insert(String collection, List<Document> documents) {
    template
        .getCollection(collection)
        .insertMany(new ArrayList<>(documents), new InsertManyOptions().ordered(false));
    documents.clear();
  }

  @Override
  public void close() {
    database.close();
  }
}
