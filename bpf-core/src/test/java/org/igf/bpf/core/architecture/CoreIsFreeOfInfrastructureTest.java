package org.igf.bpf.core.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The write side is plain Axon modelling: no Spring, no Camunda, no JDBC/JPA. */
@AnalyzeClasses(packages = "org.igf.bpf.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreIsFreeOfInfrastructureTest {

    @ArchTest
    static final ArchRule coreDoesNotUseSpring = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.axonframework.spring..");

    @ArchTest
    static final ArchRule coreDoesNotUseCamunda = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.camunda..");

    @ArchTest
    static final ArchRule coreDoesNotTouchTheDatabase = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax.sql..", "jakarta.persistence..", "org.axonframework.eventsourcing.eventstore.jdbc..");
}
