package ci.milie.directory;

import static ci.milie.directory.DirectoryFixtures.ADMINISTRATIONS;
import static ci.milie.directory.DirectoryFixtures.CATEGORIES;
import static ci.milie.directory.DirectoryFixtures.administration;
import static ci.milie.directory.DirectoryFixtures.asSysadmin;
import static ci.milie.directory.DirectoryFixtures.category;
import static ci.milie.directory.DirectoryFixtures.createAdministration;
import static ci.milie.directory.DirectoryFixtures.createCategory;
import static ci.milie.directory.DirectoryFixtures.uniqueCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DirectoryQueriesTest {

    @Inject
    DirectoryQueries directory;

    /** Each lookup in a transaction of its own, as a caller's request would: no session cache in between. */
    private static <T> T fresh(Supplier<T> lookup) {
        return QuarkusTransaction.requiringNew().call(lookup::get);
    }

    @Test
    void activeAdministrationIsFoundAndAnInactiveOneOnlyByPlainLookup() {
        String code = uniqueCode("ADM");
        Map<String, Object> body = administration(code);
        body.put("answerReviewRequired", false);
        UUID id = UUID.fromString(createAdministration(body));

        AdministrationSummary found = fresh(() -> directory.activeAdministration(id)).orElseThrow();
        assertEquals(code, found.code());
        assertEquals(AdministrationKind.AGENCY, found.kind());
        assertFalse(found.answerReviewRequired());
        assertTrue(found.active());

        asSysadmin().delete(ADMINISTRATIONS + "/" + id).then().statusCode(204);
        assertTrue(fresh(() -> directory.activeAdministration(id)).isEmpty());
        assertFalse(fresh(() -> directory.administration(id)).orElseThrow().active());
        assertTrue(fresh(() -> directory.activeAdministration(UUID.randomUUID())).isEmpty());
        assertTrue(fresh(() -> directory.activeAdministration(null)).isEmpty());
    }

    @Test
    void activeCategoryIsFoundByCodeWithItsTypesAndDefaultAdministration() {
        UUID administrationId = UUID.fromString(createAdministration());
        String themeCode = uniqueCode("THEME");
        UUID themeId = UUID.fromString(createCategory(category(themeCode)));
        String code = uniqueCode("CAT");
        Map<String, Object> body = category(code);
        body.put("parentCode", themeCode);
        body.put("applicableTypes", List.of("COMPLAINT"));
        body.put("defaultAdministrationId", administrationId.toString());
        UUID id = UUID.fromString(createCategory(body));

        CategorySummary found = fresh(() -> directory.activeCategory(code)).orElseThrow();
        assertEquals(id, found.id());
        assertEquals(themeId, found.parentId());
        assertEquals(Set.of(RequestType.COMPLAINT), found.applicableTypes());
        assertTrue(found.accepts(RequestType.COMPLAINT));
        assertFalse(found.accepts(RequestType.SUGGESTION));
        assertEquals(administrationId, found.defaultAdministrationId());

        asSysadmin().delete(CATEGORIES + "/" + id).then().statusCode(204);
        assertTrue(fresh(() -> directory.activeCategory(code)).isEmpty());
        assertFalse(fresh(() -> directory.category(id)).orElseThrow().active());
        assertTrue(fresh(() -> directory.activeCategory(uniqueCode("NONE"))).isEmpty());
    }
}
