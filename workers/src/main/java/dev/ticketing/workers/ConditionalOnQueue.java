package dev.ticketing.workers;

import dev.ticketing.workflows.TaskQueues;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Present only when this process serves the named task queue. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Conditional(ConditionalOnQueue.Served.class)
@interface ConditionalOnQueue {

  String value();

  final class Served implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      String queue =
          (String)
              metadata.getAnnotationAttributes(ConditionalOnQueue.class.getName()).get("value");
      String served =
          context
              .getEnvironment()
              .getProperty("ticketing.workers.queues", String.join(",", TaskQueues.ALL));
      return Arrays.stream(served.split(",")).map(String::trim).anyMatch(queue::equals);
    }
  }
}
