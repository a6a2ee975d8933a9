package dev.frostgate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of docs/architecture.md ("Dependencies point inwards"), checked on the main
 * classes. A rule that fails names each offending dependency with its source line.
 */
@AnalyzeClasses(packages = "dev.frostgate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String SQL = "dev.frostgate.sql..";
    private static final String STORE = "dev.frostgate.store..";
    private static final String PROTOCOL = "dev.frostgate.protocol..";

    @ArchTest
    static final ArchRule noCyclesBetweenTopLevelPackages = slices()
            .matching("dev.frostgate.(*)..")
            .namingSlices("$1")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule protocolDoesNotImportStore = noClasses()
            .that().resideInAPackage(PROTOCOL)
            .should().dependOnClassesThat().resideInAPackage(STORE)
            .because("the doors reach the store only through catalog's repository interfaces");

    @ArchTest
    static final ArchRule authImportsNeitherSqlProtocolNorStore = noClasses()
            .that().resideInAPackage("dev.frostgate.auth..")
            .should().dependOnClassesThat().resideInAnyPackage(SQL, PROTOCOL, STORE)
            .because("auth is door-neutral core: it sees repositories as catalog's interfaces, never a parser or a door");

    @ArchTest
    static final ArchRule catalogImportsNeitherSqlProtocolNorStore = noClasses()
            .that().resideInAPackage("dev.frostgate.catalog..")
            .should().dependOnClassesThat().resideInAnyPackage(SQL, PROTOCOL, STORE)
            .because("catalog takes door-neutral input (catalog.property) and declares the repository interfaces "
                    + "that the store implements; each door translates its own syntax");
}
