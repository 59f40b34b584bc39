package ci.milie.directory;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import ci.milie.common.ReferenceData;

/**
 * The regions and autonomous districts of Côte d'Ivoire (tables {@code region} and {@code district},
 * V24): data, so that a change of the territory needs no release.
 */
@ApplicationScoped
public class Regions {

    /** A region, or an autonomous district (which has no region and stands for one). */
    public record RegionSummary(String code, String nameFr, String nameEn, String districtCode, String kind,
            boolean active) {
    }

    public record DistrictSummary(String code, String nameFr, String nameEn) {
    }

    private final EntityManager em;
    private final ReferenceData.Cache<String, Optional<String>> activeCodes;

    Regions(EntityManager em, ReferenceData reference) {
        this.em = em;
        // bounded: what callers type is unbounded
        this.activeCodes = reference.cache(1_000, "region");
    }

    /**
     * The code of the active region a caller's input designates: its code or its name, French or
     * English, whatever the case, accents and "Région du" in front (the SQL function
     * region_code_of, which also mapped older requests).
     */
    @Transactional(TxType.SUPPORTS)
    public Optional<String> activeCodeOf(String input) {
        if (input == null || input.isBlank()) {
            return Optional.empty();
        }
        return activeCodes.get(input, key -> {
            List<?> codes = em.createNativeQuery("select r.code from region r where r.code = region_code_of(?1) and r.active")
                    .setParameter(1, key).getResultList();
            return codes.stream().map(String.class::cast).findFirst();
        });
    }

    @Transactional(TxType.SUPPORTS)
    public List<RegionSummary> all() {
        List<?> rows = em.createNativeQuery("select code, name_fr, name_en, district_code, kind, active from region "
                + "order by kind, code").getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new RegionSummary((String) r[0], (String) r[1],
                (String) r[2], (String) r[3], (String) r[4], (Boolean) r[5])).toList();
    }

    @Transactional(TxType.SUPPORTS)
    public List<DistrictSummary> districts() {
        List<?> rows = em.createNativeQuery("select code, name_fr, name_en from district order by code").getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new DistrictSummary((String) r[0], (String) r[1], (String) r[2])).toList();
    }
}
