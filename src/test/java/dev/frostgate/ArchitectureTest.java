package dev.frostgate;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.stream.Collectors.toCollection;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.TreeSet;

/**
 * The package rules of docs/architecture.md ("Dependencies point inwards"), checked on the main
 * classes. A rule that fails names each offending dependency with its source line.
 */
@AnalyzeClasses(packages = "dev.frostgate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String SQL = "dev.frostgate.sql..";
    private static final String STORE = "dev.frostgate.store..";
    private static final String PROTOCOL = "dev.frostgate.protocol..";

    /**
     * The catalog classes that still import {@code sql} (properties and values from the parser's AST),
     * until door-neutral commands replace them (architecture review, change 2). The list may only
     * shrink: a catalog class outside it that imports {@code sql} fails {@link #catalogDoesNotImportSql},
     * and a listed class that no longer does (or no longer exists) fails {@link #theSqlExceptionsAreCurrent},
     * so remove it from here in the change that frees it. Nested classes count as their top-level class.
     */
    static final Set<String> CATALOG_CLASSES_STILL_IMPORTING_SQL = Set.of(
            "dev.frostgate.catalog.AuthenticationPolicyCatalog",
            "dev.frostgate.catalog.AuthenticationPolicyEditor",
            "dev.frostgate.catalog.IntegrationParameter",
            "dev.frostgate.catalog.NamespaceCatalog",
            "dev.frostgate.catalog.NetworkPolicyCatalog",
            "dev.frostgate.catalog.ParameterPolicyCatalog",
            "dev.frostgate.catalog.ProgrammaticAccessTokenCatalog",
            "dev.frostgate.catalog.PropertyValues",
            "dev.frostgate.catalog.SecurityIntegrationCatalog",
            "dev.frostgate.catalog.SecurityIntegrationEditor",
            "dev.frostgate.catalog.UserCatalog",
            "dev.frostgate.catalog.UserPropertyEditor");

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
    static final ArchRule catalogImportsNeitherProtocolNorStore = noClasses()
            .that().resideInAPackage("dev.frostgate.catalog..")
            .should().dependOnClassesThat().resideInAnyPackage(PROTOCOL, STORE)
            .because("catalog declares the repository interfaces that the store implements");

    @ArchTest
    static final ArchRule catalogDoesNotImportSql = noClasses()
            .that().resideInAPackage("dev.frostgate.catalog..")
            .and(DescribedPredicate.not(listedAsStillImportingSql()))
            .should().dependOnClassesThat().resideInAPackage(SQL)
            .because("catalog takes door-neutral commands; only the classes in CATALOG_CLASSES_STILL_IMPORTING_SQL "
                    + "are left to move off the parser's AST");

    @ArchTest
    static void theSqlExceptionsAreCurrent(JavaClasses classes) {
        Set<String> stillImporting = classes.stream()
                .filter(resideInAPackage("dev.frostgate.catalog..")::test)
                .filter(ArchitectureTest::dependsOnSql)
                .map(ArchitectureTest::topLevelName)
                .collect(toCollection(TreeSet::new));
        Set<String> stale = new TreeSet<>(CATALOG_CLASSES_STILL_IMPORTING_SQL);
        stale.removeAll(stillImporting);
        if (!stale.isEmpty()) {
            throw new AssertionError("These classes are listed in CATALOG_CLASSES_STILL_IMPORTING_SQL but no longer "
                    + "depend on dev.frostgate.sql (or no longer exist): remove them from the list: " + stale);
        }
    }

    private static DescribedPredicate<JavaClass> listedAsStillImportingSql() {
        return DescribedPredicate.describe("listed in CATALOG_CLASSES_STILL_IMPORTING_SQL",
                type -> CATALOG_CLASSES_STILL_IMPORTING_SQL.contains(topLevelName(type)));
    }

    private static boolean dependsOnSql(JavaClass type) {
        return type.getDirectDependenciesFromSelf().stream()
                .anyMatch(dependency -> resideInAPackage(SQL).test(dependency.getTargetClass()));
    }

    private static String topLevelName(JavaClass type) {
        String name = type.getName();
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }
}
