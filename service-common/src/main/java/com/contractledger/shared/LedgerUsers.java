package com.contractledger.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who may log in. On the embedded default (profile {@code embedded}) five demo users, one per role, with the password
 * {@code demo} or {@code LEDGER_DEMO_PASSWORD}, unless an identity provider is configured ({@link OidcTokens}); every
 * other profile starts with no users but those configured under
 * {@code ledger.security.users} (password hashes in Spring Security's {@code {bcrypt}...} form).
 */
@Configuration
@EnableConfigurationProperties(LedgerUsers.Properties.class)
class LedgerUsers {

    private static final Logger log = LoggerFactory.getLogger(LedgerUsers.class);

    @ConfigurationProperties("ledger.security")
    record Properties(List<ConfiguredUser> users, String demoPassword,
                      @DefaultValue("5m") Duration rememberVerification) {
    }

    record ConfiguredUser(String name, String password, List<String> roles) {
    }

    /** HTTP Basic against these users, a successful check remembered for {@code ledger.security.remember-verification}. */
    @Bean
    AuthenticationProvider ledgerAuthentication(Properties properties, Environment environment,
                                                ObjectProvider<PasswordEncoder> passwordEncoder) {
        return new RememberedVerifications(users(properties, environment),
                passwordEncoder.getIfUnique(PasswordEncoderFactories::createDelegatingPasswordEncoder),
                properties.rememberVerification(), Clock.systemUTC());
    }

    private static UserDetailsService users(Properties properties, Environment environment) {
        List<UserDetails> users = new ArrayList<>();
        if (properties.users() != null) {
            properties.users().forEach(user -> users.add(User.withUsername(user.name())
                    .password(user.password()).roles(user.roles().toArray(String[]::new)).build()));
        }
        // with an identity provider people sign in there; Basic is left to the configured service users
        if (environment.acceptsProfiles(Profiles.of("embedded")) && !OidcSettings.configured(environment)) {
            String password = properties.demoPassword() == null || properties.demoPassword().isBlank()
                    ? "demo" : properties.demoPassword();
            List.of("buyer", "auditor", "compliance", "dashboard", "admin").forEach(name -> users.add(
                    User.withUsername(name).password("{noop}" + password).roles(name.toUpperCase()).build()));
            log.warn("DEMO USERS ARE ON: buyer, auditor, compliance, dashboard and admin can log in with {}. "
                            + "Run with another profile and configured users for anything but a trial.",
                    password.equals("demo") ? "the password 'demo'" : "the password from LEDGER_DEMO_PASSWORD");
        }
        Map<String, UserDetails> byName = users.stream()
                .collect(Collectors.toMap(UserDetails::getUsername, user -> user, (first, second) -> second));
        // Not an InMemoryUserDetailsManager: Spring Security would "upgrade" every {noop} password to bcrypt on the
        // first login and then spend ~80 ms of CPU verifying it on every request.
        return username -> Optional.ofNullable(byName.get(username))
                .map(user -> User.withUserDetails(user).build())
                .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }
}
