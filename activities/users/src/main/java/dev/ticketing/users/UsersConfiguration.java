package dev.ticketing.users;

import dev.ticketing.store.DomainDatabase;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UserSettings.class)
public class UsersConfiguration {

  @Bean(destroyMethod = "close")
  Users users(UserSettings settings) {
    return new Users(DomainDatabase.open(settings.mongodbUri(), "users"), Clock.systemUTC());
  }

  @Bean
  Accounts accounts(Users users, UserSettings settings) {
    var throttle =
        new SignInThrottle(
            users.database(),
            users.events(),
            settings.signInAttempts(),
            settings.signInWindow(),
            Clock.systemUTC());
    var passwords = new Passwords(new BCryptPasswordEncoder(settings.passwordStrength()));
    return new Accounts(users, throttle, passwords);
  }
}
