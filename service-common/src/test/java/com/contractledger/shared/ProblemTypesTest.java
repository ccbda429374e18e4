package com.contractledger.shared;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTypesTest {

    @Test
    void a_problem_raised_with_its_status_alone_gets_the_status_type() {
        assertThat(ProblemTypes.typed(ProblemDetail.forStatus(HttpStatus.NOT_FOUND)).getType())
                .isEqualTo(URI.create("/docs/rules#not-found"));
        assertThat(ProblemTypes.typed(ProblemDetail.forStatus(HttpStatus.BAD_REQUEST)).getType())
                .isEqualTo(URI.create("/docs/rules#invalid-request"));
        assertThat(ProblemTypes.typed(ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE)).getType())
                .isEqualTo(URI.create("/docs/rules#unavailable"));
    }

    @Test
    void a_problem_with_a_type_of_its_own_keeps_it_and_an_unlisted_status_stays_blank() {
        ProblemDetail broken = ProblemDetail.forStatus(HttpStatus.CONFLICT);
        broken.setType(ProblemType.ofRule("LOW_CREDIT_GUARANTEE"));
        assertThat(ProblemTypes.typed(broken).getType()).isEqualTo(URI.create("/docs/rules#LOW_CREDIT_GUARANTEE"));
        assertThat(ProblemTypes.typed(ProblemDetail.forStatus(HttpStatus.I_AM_A_TEAPOT)).getType())
                .isEqualTo(URI.create("about:blank"));
    }

    @Test
    void every_status_with_a_type_maps_to_a_type_of_that_status() {
        for (int status = 400; status < 600; status++) {
            int code = status;
            ProblemType.forStatus(status).ifPresent(type -> assertThat(type.status()).as("status " + code)
                    .isEqualTo(code));
        }
    }
}
