package dev.ticketing.harness;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The shared processes of one test run: each is started the first time a test asks for it, and
 * stopped when the JVM ends. Use as a JUnit extension to receive them as test parameters, or call
 * the static methods (from a {@code @DynamicPropertySource}, say).
 */
public final class LocalStack implements ParameterResolver {

  private static final Shared<FerretDb> FERRET_DB = new Shared<>(FerretDb::launch);
  private static final Shared<TemporalDevServer> TEMPORAL = new Shared<>(TemporalDevServer::launch);
  private static final Shared<StripeMock> STRIPE_MOCK = new Shared<>(StripeMock::launch);
  private static final Shared<Mailpit> MAILPIT = new Shared<>(Mailpit::launch);

  public static FerretDb ferretDb() {
    return FERRET_DB.get();
  }

  public static TemporalDevServer temporal() {
    return TEMPORAL.get();
  }

  public static StripeMock stripeMock() {
    return STRIPE_MOCK.get();
  }

  public static Mailpit mailpit() {
    return MAILPIT.get();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FerretDb.class
        || type == TemporalDevServer.class
        || type == StripeMock.class
        || type == Mailpit.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == FerretDb.class) {
      return ferretDb();
    }
    if (type == Mailpit.class) {
      return mailpit();
    }
    return type == TemporalDevServer.class ? temporal() : stripeMock();
  }

  /** One process for the whole JVM, closed by a shutdown hook. */
  private static final class Shared<T extends AutoCloseable> {
    private final Supplier<T> launcher;
    private volatile @Nullable T instance;

    Shared(Supplier<T> launcher) {
      this.launcher = launcher;
    }

    synchronized T get() {
      if (instance == null) {
        T launched = launcher.get();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(launched)));
        instance = launched;
      }
      return instance;
    }

    private static void closeQuietly(AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // the JVM is ending; nothing is left to tell
      }
    }
  }
}
