package dev.ticketing.store;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.PaymentId;
import dev.ticketing.workflows.Price;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Stores a value type, a record of one component such as {@link TicketId} or {@link Price}, as that
 * component ({@code "6b06..."}, {@code 1999}) rather than as a sub-document.
 */
final class ValueRecords implements GenericConverter {

  static final List<ValueRecords> CONVERTERS =
      List.of(
          new ValueRecords(
              List.of(TicketId.class, OrderId.class, UserId.class, PaymentId.class, Price.class)));

  private final Map<Class<?>, RecordComponent> components;

  private ValueRecords(List<Class<? extends Record>> types) {
    this.components =
        types.stream()
            .collect(Collectors.toMap(Function.identity(), t -> t.getRecordComponents()[0]));
  }

  @Override
  public Set<ConvertiblePair> getConvertibleTypes() {
    Set<ConvertiblePair> pairs = new HashSet<>();
    components.forEach((type, component) -> {
      Class<?> stored = boxed(component.getType());
      pairs.add(new ConvertiblePair(type, stored));
      pairs.add(new ConvertiblePair(stored, type));
    });
    return pairs;
  }

  @Override
  public @Nullable Object convert(
      @Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
    if (source == null) {
      return null;
    }
    RecordComponent written = components.get(sourceType.getType());
    try {
      if (written != null) {
        return written.getAccessor().invoke(source);
      }
      RecordComponent read = components.get(targetType.getType());
      Constructor<?> constructor = targetType.getType().getDeclaredConstructor(read.getType());
      return constructor.newInstance(source);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(
          "Not a " + targetType.getType().getSimpleName() + ": " + source, e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("A value record has one public component", e);
    }
  }

  private static Class<?> boxed(Class<?> type) {
    return type == long.class ? Long.class : type;
  }
}
