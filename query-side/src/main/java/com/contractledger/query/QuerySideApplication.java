package com.contractledger.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The query side as a service of its own (port 8082, {@code query-side.yml}); it holds no aggregates. */
@SpringBootApplication(scanBasePackages = {"com.contractledger.query", "com.contractledger.shared"})
public class QuerySideApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** Its own configuration file, so that it does not collide with the launcher's {@code application.yml}. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(QuerySideApplication.class).properties("spring.config.name=query-side");
    }
}
