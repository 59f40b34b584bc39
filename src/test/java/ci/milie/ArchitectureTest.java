package ci.milie;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The boundaries a newcomer can rely on, checked rather than hoped for. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ci.milie");

    @Test
    void commonDependsOnNoFeature() {
        noClasses().that().resideInAPackage("ci.milie.common..")
                .should().dependOnClassesThat().resideInAnyPackage("ci.milie.identity..", "ci.milie.directory..",
                        "ci.milie.request..", "ci.milie.answer..", "ci.milie.feedback..", "ci.milie.sla..",
                        "ci.milie.notification..", "ci.milie.stats..", "ci.milie.privacy..")
                .check(CLASSES);
    }

    @Test
    void nothingDependsOnPrivacy() {
        // privacy reads and rewrites every package's personal data; the arrows go one way only
        noClasses().that().resideOutsideOfPackage("ci.milie.privacy..")
                .should().dependOnClassesThat().resideInAPackage("ci.milie.privacy..")
                .check(CLASSES);
    }

    @Test
    void nobodyDependsOnAResource() {
        noClasses().that().haveSimpleNameNotEndingWith("Resource")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Resource")
                .check(CLASSES);
    }

    @Test
    void noEntityCrossesTheHttpEdge() {
        DescribedPredicate<JavaClass> entity = new DescribedPredicate<>("an entity") {
            @Override
            public boolean test(JavaClass type) {
                return type.isAnnotatedWith(Entity.class);
            }
        };
        methods().that().areDeclaredInClassesThat().haveSimpleNameEndingWith("Resource").and().arePublic()
                .should().notHaveRawReturnType(entity)
                .andShould().notHaveRawParameterTypes(DescribedPredicate.anyElementThat(entity))
                .check(CLASSES);
    }

    @Test
    void requestsReachAnswersOnlyThroughTheirPort() {
        noClasses().that().resideInAPackage("ci.milie.request..")
                .should().dependOnClassesThat().resideInAnyPackage("ci.milie.answer..")
                .check(CLASSES);
    }

    @Test
    void statisticsOnlyRead() {
        // StatsRollup writes, but only its own tables (stats_daily, V11); it is the one exception.
        noClasses().that().resideInAPackage("ci.milie.stats..").and().doNotHaveSimpleName("StatsRollup")
                .should().callMethod(EntityManager.class, "persist", Object.class)
                .orShould().callMethod(EntityManager.class, "merge", Object.class)
                .orShould().callMethod(EntityManager.class, "remove", Object.class)
                .orShould().callMethod(Query.class, "executeUpdate")
                .orShould().dependOnClassesThat().areAssignableTo(PanacheRepositoryBase.class)
                .orShould().dependOnClassesThat(JavaClass.Predicates.simpleNameEndingWith("Service")
                        .and(JavaClass.Predicates.resideOutsideOfPackage("ci.milie.stats..")))
                .check(CLASSES);
    }

    @Test
    void directoryDependsOnNoOtherFeature() {
        noClasses().that().resideInAPackage("ci.milie.directory..")
                .should().dependOnClassesThat().resideInAnyPackage("ci.milie.identity..", "ci.milie.request..",
                        "ci.milie.stats..")
                .check(CLASSES);
    }

    @Test
    void nativeQueriesNameNoResultClass() {
        // Hibernate caches a native query's interpretation under its SQL and its result mapping, and
        // the mapping of a result class compares by identity: each call added an entry under the same
        // hash, and lookups walked them all (a quarter of a submission's CPU, in a profile).
        noClasses().should().callMethod(EntityManager.class, "createNativeQuery", String.class, Class.class)
                .check(CLASSES);
    }

    @Test
    void noCycleBetweenFeatures() {
        slices().matching("ci.milie.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void onlyTheRequestModuleTouchesTheRequestAggregate() {
        noClasses().that().resideOutsideOfPackage("ci.milie.request..")
                .should().dependOnClassesThat().haveFullyQualifiedName("ci.milie.request.CitizenRequest")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("ci.milie.request.RequestRepository")
                .check(CLASSES);
    }

    @Test
    void everyChangeOfARequestGoesThroughItsDoor() {
        // CitizenRequest itself may follow one move with another (a trusted administration's answer is delivered at once).
        noClasses().that().doNotHaveFullyQualifiedName("ci.milie.request.RequestCommands")
                .and().doNotHaveFullyQualifiedName("ci.milie.request.CitizenRequest")
                .should().callMethodWhere(target("ci.milie.request.CitizenRequest", "apply"))
                .orShould().callMethodWhere(target("ci.milie.request.CitizenRequest", "submit"))
                .orShould().callMethodWhere(target("ci.milie.request.RequestRepository", "save"))
                .check(CLASSES);
    }

    @Test
    void noFeatureUsesAnotherFeaturesEntity() {
        for (String feature : FEATURES) {
            noClasses().that().resideOutsideOfPackage("ci.milie." + feature + "..")
                    .should().dependOnClassesThat(DescribedPredicate.describe("an entity of " + feature,
                            type -> type.getPackageName().startsWith("ci.milie." + feature)
                                    && type.isAnnotatedWith(Entity.class)))
                    .check(CLASSES);
        }
    }

    private static final String[] FEATURES = { "identity", "directory", "request", "answer", "feedback", "sla",
            "notification", "stats", "privacy", "common" };

    private static DescribedPredicate<com.tngtech.archunit.core.domain.JavaMethodCall> target(String owner, String name) {
        return DescribedPredicate.describe(owner + "." + name,
                call -> call.getTargetOwner().getFullName().equals(owner) && call.getName().equals(name));
    }
}
