package dev.ticketing.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The boundaries DESIGN.md draws, checked on the compiled classes of every module. */
class ArchitectureTest {

  static final List<String> DOMAINS =
      List.of("users", "tickets", "orders", "payments", "payouts", "notifications");
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ticketing");
  }

  @TestFactory
  List<DynamicTest> aDomainNeverUsesAnotherDomain() {
    return DOMAINS.stream()
        .map(domain ->
            DynamicTest.dynamicTest(
                domain,
                () ->
                    noClasses()
                        .that()
                        .resideInAPackage("dev.ticketing." + domain)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(
                            DOMAINS.stream()
                                .filter(other -> !other.equals(domain))
                                .map(other -> "dev.ticketing." + other + "..")
                                .toArray(String[]::new))
                        .check(classes)))
        .toList();
  }

  @Test
  void workflowCodeDependsOnTheTemporalSdkAloneNeverOnSpringOrMongo() {
    noClasses()
        .that()
        .resideInAPackage("dev.ticketing.workflows..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "com.mongodb..",
            "org.bson..",
            "com.stripe..",
            "dev.ticketing.store..")
        .check(classes);
  }

  @Test
  void workflowCodeReadsTimeAndRandomnessOnlyThroughTheWorkflow() {
    noClasses()
        .that()
        .resideInAPackage("dev.ticketing.workflows..")
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(Clock.class, Random.class, ThreadLocalRandom.class, SecureRandom.class)
        .orShould()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(Math.class, "random")
        .orShould()
        .callConstructor(Date.class)
        .orShould()
        .callMethod(UUID.class, "randomUUID")
        .orShould()
        .callMethod(Thread.class, "sleep", long.class)
        .orShould()
        .callMethod(Thread.class, "sleep", Duration.class)
        .check(classes);
  }

  @Test
  void workflowCodeKeepsNoStateInStaticFields() {
    fields()
        .that()
        .areDeclaredInClassesThat()
        .resideInAPackage("dev.ticketing.workflows..")
        .and()
        .areStatic()
        .should()
        .beFinal()
        .check(classes);
  }

  @Test
  void domainsNeverReachTheWebLayer() {
    noClasses()
        .that()
        .resideInAnyPackage(DOMAINS.stream().map(d -> "dev.ticketing." + d).toArray(String[]::new))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.ticketing.api..", "..web..", "jakarta.servlet..")
        .check(classes);
  }
}
