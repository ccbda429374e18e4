package com.contractledger.command.supplier;

import com.contractledger.api.supplier.Certification;
import com.contractledger.api.supplier.Contact;
import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.CreditSource;
import com.contractledger.api.supplier.FactorAssessment;
import com.contractledger.api.supplier.PerformanceGrade;
import com.contractledger.api.supplier.SupplierScale;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the request records guarantee, so that the aggregate need not check it again: each request here is refused
 * with a 400 naming the field before any command is sent.
 */
class SupplierRequestsTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final LocalDate DAY = LocalDate.parse("2026-09-30");
    private static final FactorAssessment FAIR = FactorAssessment.values()[0];

    static Stream<Arguments> incompleteRequests() {
        return Stream.of(
                Arguments.of(onboard(" ", List.of("fasteners"), List.of(), List.of()), "legalName"),
                Arguments.of(onboard("Huadong", List.of(""), List.of(), List.of()), "categories[0].<list element>"),
                Arguments.of(onboard("Huadong", List.of(), List.of(new Certification(" ", "SGS", null)), List.of()),
                        "certifications[0].name"),
                Arguments.of(onboard("Huadong", List.of(), List.of(), List.of(new Contact("", "Sales", null, null))),
                        "contacts[0].name"),
                Arguments.of(new SupplierRequests.AssessCredit(null, 80, FAIR, FAIR, FAIR, CreditSource.values()[0], DAY),
                        "rating"),
                Arguments.of(new SupplierRequests.AssessCredit(CreditRating.A, 101, FAIR, FAIR, FAIR,
                        CreditSource.values()[0], DAY), "score"),
                Arguments.of(new SupplierRequests.ClassifySupplier(List.of("fasteners"), null, SupplierScale.MEDIUM,
                        List.of(" ")), "tags[0].<list element>"),
                Arguments.of(new SupplierRequests.ChangeTier(null, "strategic"), "tier"),
                Arguments.of(evaluation(null, new BigDecimal("0.9"), new BigDecimal("4"), 80, PerformanceGrade.values()[0]),
                        "periodStart"),
                Arguments.of(evaluation(DAY, new BigDecimal("1.1"), new BigDecimal("4"), 80, PerformanceGrade.values()[0]),
                        "onTimeDeliveryRate"),
                Arguments.of(evaluation(DAY, new BigDecimal("0.9"), new BigDecimal("-1"), 80, PerformanceGrade.values()[0]),
                        "averageResponseHours"),
                Arguments.of(evaluation(DAY, new BigDecimal("0.9"), new BigDecimal("4"), -1, PerformanceGrade.values()[0]),
                        "score"),
                Arguments.of(evaluation(DAY, new BigDecimal("0.9"), new BigDecimal("4"), 80, null), "grade"),
                Arguments.of(new SupplierRequests.RequestRectification(null, "thread defects", DAY, null),
                        "rectificationId"),
                Arguments.of(new SupplierRequests.RequestRectification("r-1", " ", DAY, null), "issue"),
                Arguments.of(new SupplierRequests.CompleteRectification(null, null, null), "outcome"),
                Arguments.of(new SupplierRequests.LogCommunication(null, null, List.of("Chen Jing"), "call",
                        Instant.parse("2026-11-20T09:00:00Z")), "channel"));
    }

    @ParameterizedTest
    @MethodSource("incompleteRequests")
    void an_incomplete_request_is_refused_before_a_command_is_sent(Record request, String field) {
        assertThat(VALIDATOR.validate(request)).extracting(ConstraintViolation::getPropertyPath)
                .map(Object::toString).contains(field);
    }

    private static SupplierRequests.OnboardSupplier onboard(String legalName, List<String> categories,
                                                            List<Certification> certifications, List<Contact> contacts) {
        return new SupplierRequests.OnboardSupplier("sup-001", legalName, "91310000MA1FL0001X", null, null, null,
                categories, SupplierScale.MEDIUM, null, certifications, contacts, null);
    }

    private static SupplierRequests.EvaluatePerformance evaluation(LocalDate start, BigDecimal onTime,
                                                                   BigDecimal responseHours, int score,
                                                                   PerformanceGrade grade) {
        return new SupplierRequests.EvaluatePerformance("ev-1", start, DAY, onTime, new BigDecimal("0.95"),
                responseHours, score, grade, null);
    }
}
