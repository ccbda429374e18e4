package com.contractledger.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.time.Duration;

/**
 * What the web server of every service does with slow and malformed requests: Tomcat's errors as problems
 * ({@link ProblemErrorReportValve}), a body that pauses longer than {@code ledger.http.upload-timeout} ends its
 * request, and at most {@code ledger.http.max-concurrent-uploads} requests with a body at once ({@link UploadLimit}).
 * How long a connection may take between the bytes of its request line and headers is Spring Boot's
 * {@code server.tomcat.connection-timeout} (ledger-common.yml).
 */
@Configuration
class WebServerLimits {

    @Bean
    LedgerTomcat ledgerTomcat(
            @Value("${ledger.http.upload-timeout:20s}") Duration uploadTimeout) {
        return new LedgerTomcat(uploadTimeout);
    }

    @Bean
    UploadLimit uploadLimit(@Value("${ledger.http.max-concurrent-uploads:100}") int maxConcurrent,
                            ObjectMapper objectMapper) {
        return new UploadLimit(maxConcurrent, objectMapper);
    }

    /** Runs after Spring Boot's own customizers: it replaces the ErrorReportValve one of them adds. */
    static final class LedgerTomcat implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final Duration uploadTimeout;

        LedgerTomcat(Duration uploadTimeout) {
            this.uploadTimeout = uploadTimeout;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                    http.setDisableUploadTimeout(false);
                    http.setConnectionUploadTimeout((int) uploadTimeout.toMillis());
                }
            });
            factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemErrorReportValve());
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
