package com.contractledger.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries: the two sides share only the published language (shared-events) and service-common. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.contractledger");

    @Test
    void command_side_never_depends_on_query_side() {
        noClasses().that().resideInAPackage("com.contractledger.command..")
                .should().dependOnClassesThat().resideInAPackage("com.contractledger.query..")
                .check(classes);
    }

    @Test
    void query_side_never_depends_on_command_side() {
        noClasses().that().resideInAPackage("com.contractledger.query..")
                .should().dependOnClassesThat().resideInAPackage("com.contractledger.command..")
                .check(classes);
    }

    @Test
    void shared_events_depend_on_neither_side_nor_on_spring_or_mongodb() {
        noClasses().that().resideInAPackage("com.contractledger.api..")
                .should().dependOnClassesThat().resideInAnyPackage("com.contractledger.command..",
                        "com.contractledger.query..", "com.contractledger.app..", "org.springframework..",
                        "com.mongodb..", "org.bson..")
                .check(classes);
    }

    @Test
    void the_shared_service_configuration_depends_on_neither_side() {
        noClasses().that().resideInAPackage("com.contractledger.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("com.contractledger.command..",
                        "com.contractledger.query..", "com.contractledger.app..")
                .check(classes);
    }
}
