package ci.milie.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reads every text, JSON and binary column of the schema, for tests that a value is stored nowhere. */
public final class SchemaScan {

    private SchemaScan() {
    }

    /** Every text, JSON or binary column of the public schema that holds the value somewhere (case-insensitively). */
    @SuppressWarnings("unchecked")
    public static List<String> columnsHolding(EntityManager em, String value) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> columns = em.createNativeQuery("select table_name, column_name, data_type "
                    + "from information_schema.columns c where table_schema = 'public' "
                    + "and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea') "
                    + "and exists (select 1 from information_schema.tables t where t.table_schema = 'public' "
                    + "and t.table_name = c.table_name and t.table_type = 'BASE TABLE')").getResultList();
            assertTrue(columns.size() > 20, "the scan reads the schema: " + columns.size() + " columns");
            List<String> holding = new ArrayList<>();
            for (Object[] column : columns) {
                String table = (String) column[0];
                String name = (String) column[1];
                String match = "bytea".equals(column[2]) ? "position(convert_to(?1, 'UTF8') in \"" + name + "\") > 0"
                        : "position(lower(?1) in lower(\"" + name + "\"::text)) > 0";
                Number found = (Number) em.createNativeQuery("select count(*) from \"" + table + "\" where " + match)
                        .setParameter(1, value).getSingleResult();
                if (found.longValue() > 0) {
                    holding.add(table + "." + name);
                }
            }
            return holding;
        });
    }
}
