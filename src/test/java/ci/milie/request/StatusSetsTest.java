package ci.milie.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * "Open", "running" and "terminal" are defined once, on {@link RequestStatus}; the partial indexes
 * that the queries rely on repeat them in SQL, so each is checked against that one definition.
 */
@QuarkusTest
class StatusSetsTest {

    private static final Pattern NAME = Pattern.compile("'([A-Z_]+)'");

    @Inject
    EntityManager em;

    @Test
    void everyPartialIndexOnAStatusListUsesOneOfTheDefinedSets() {
        @SuppressWarnings("unchecked")
        List<Object[]> indexes = em.createNativeQuery("""
                select indexname, indexdef from pg_indexes
                where tablename = 'citizen_request' and indexdef like '%WHERE%status%'""").getResultList();
        assertFalse(indexes.isEmpty(), "the queues and statistics have partial indexes on the status");
        List<Set<String>> defined = List.of(names(RequestStatus.OPEN), names(RequestStatus.RUNNING),
                names(RequestStatus.TERMINAL));
        for (Object[] index : indexes) {
            String predicate = ((String) index[1]).substring(((String) index[1]).indexOf("WHERE"));
            Set<String> listed = new TreeSet<>();
            Matcher m = NAME.matcher(predicate);
            while (m.find()) {
                if (isStatus(m.group(1))) {
                    listed.add(m.group(1));
                }
            }
            if (listed.size() > 1) {
                assertTrue(defined.contains(listed), index[0] + " lists " + listed
                        + ", which is none of RequestStatus.OPEN, RUNNING or TERMINAL");
            }
        }
    }

    @Test
    void theDatabaseAcceptsExactlyTheStatusesOfTheCode() {
        String check = (String) em.createNativeQuery("""
                select pg_get_constraintdef(c.oid) from pg_constraint c
                where c.conrelid = 'citizen_request'::regclass and c.contype = 'c'
                  and pg_get_constraintdef(c.oid) like '%status%' and pg_get_constraintdef(c.oid) not like '%resume_status%'""")
                .getSingleResult();
        Set<String> listed = new TreeSet<>();
        Matcher m = NAME.matcher(check);
        while (m.find()) {
            listed.add(m.group(1));
        }
        assertEquals(names(EnumSet.allOf(RequestStatus.class)), listed);
    }

    @Test
    void theSetsAreWhatTheirNamesSay() {
        assertEquals(EnumSet.complementOf(EnumSet.of(RequestStatus.ANSWERED, RequestStatus.CLOSED, RequestStatus.REJECTED)),
                EnumSet.copyOf(RequestStatus.OPEN));
        assertEquals(EnumSet.complementOf(EnumSet.of(RequestStatus.AWAITING_CITIZEN, RequestStatus.ANSWERED,
                RequestStatus.CLOSED, RequestStatus.REJECTED)), EnumSet.copyOf(RequestStatus.RUNNING));
        assertEquals("'RECEIVED', 'ROUTED', 'IN_PROGRESS', 'UNDER_REVIEW'", RequestStatus.sqlList(RequestStatus.RUNNING));
    }

    private static boolean isStatus(String name) {
        return EnumSet.allOf(RequestStatus.class).stream().anyMatch(s -> s.name().equals(name));
    }

    private static Set<String> names(Set<RequestStatus> statuses) {
        return new TreeSet<>(RequestStatus.names(statuses));
    }
}
