package com.contractledger.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The command side as a service of its own (port 8081, {@code command-side.yml}); it holds no projections. */
@SpringBootApplication(scanBasePackages = {"com.contractledger.command", "com.contractledger.shared"})
public class CommandSideApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** Its own configuration file, so that it does not collide with the launcher's {@code application.yml}. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(CommandSideApplication.class).properties("spring.config.name=command-side");
    }
}
