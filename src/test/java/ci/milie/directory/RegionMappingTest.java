package ci.milie.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * region_code_of, which V24 ran over the requests' free-text regions and submissions still use:
 * what it maps, and what it leaves alone.
 */
@QuarkusTest
class RegionMappingTest {

    @Inject
    EntityManager em;

    @Inject
    Regions regions;

    @Test
    void namesAndCodesMapWhateverTheirCaseAccentsAndPrefix() {
        Map<String, String> mapped = new LinkedHashMap<>();
        mapped.put("Abidjan", "ABIDJAN");
        mapped.put("  ABIDJAN ", "ABIDJAN");
        mapped.put("District autonome d'Abidjan", "ABIDJAN");
        mapped.put("district autonome d’Abidjan", "ABIDJAN");
        mapped.put("Agnéby-Tiassa", "AGNEBY_TIASSA");
        mapped.put("agneby tiassa", "AGNEBY_TIASSA");
        mapped.put("AGNEBY_TIASSA", "AGNEBY_TIASSA");
        mapped.put("Agnébi-Tiassa", "AGNEBY_TIASSA");
        mapped.put("Région du Poro", "PORO");
        mapped.put("region de la Nawa", "NAWA");
        mapped.put("San Pedro", "SAN_PEDRO");
        mapped.put("N'ZI", "NZI");
        mapped.put("nzi", "NZI");
        mapped.put("Gbeke", "GBEKE");
        mapped.put("La Mé", "LA_ME");
        mapped.put("Grand-Ponts", "GRANDS_PONTS");
        mapped.put("Yamoussoukro", "YAMOUSSOUKRO");
        Map<String, String> actual = new LinkedHashMap<>();
        mapped.keySet().forEach(name -> actual.put(name, codeOf(name)));
        assertEquals(mapped, actual);
    }

    @Test
    void whatNamesNoRegionStaysUnmapped() {
        assertNull(codeOf("Cocody"));
        assertNull(codeOf("Région"));
        assertNull(codeOf(""));
        assertNull(codeOf("+1+cmd|' /C calc'!A0"));
        assertNull(codeOf(null));
    }

    @Test
    void aSubmissionTakesOnlyAnActiveRegion() {
        assertEquals(Optional.of("GBEKE"), regions.activeCodeOf("Gbêkê"));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update region set active = false where code = 'HAMBOL'").executeUpdate());
        try {
            assertEquals(Optional.empty(), regions.activeCodeOf("HAMBOL"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update region set active = true where code = 'HAMBOL'").executeUpdate());
        }
        assertEquals(Optional.of("HAMBOL"), regions.activeCodeOf("hambol"));
    }

    private String codeOf(String name) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("select region_code_of(cast(?1 as text))")
                .setParameter(1, name).getSingleResult());
    }
}
