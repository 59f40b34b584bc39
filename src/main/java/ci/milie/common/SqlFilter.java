package ci.milie.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Query;

/**
 * A dynamic filter for SQL or JPQL: a conjunction of fixed fragments, in the order added, and the
 * values bound to their named parameters. Values never enter the query's text, so the text only
 * depends on which filters are set (and the database can reuse its plans).
 */
public class SqlFilter {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    /** Adds a fragment that binds nothing (or whose parameters are bound with {@link #param}). */
    public SqlFilter and(String clause) {
        clauses.add(clause);
        return this;
    }

    /** Adds a fragment and binds the value of its parameter {@code name}. */
    public SqlFilter and(String clause, String name, Object value) {
        clauses.add(clause);
        params.put(name, value);
        return this;
    }

    /** Adds the fragment and binds {@code value} only when the value is given (not null). */
    public SqlFilter andIfPresent(String clause, String name, Object value) {
        return value == null ? this : and(clause, name, value);
    }

    /** Binds a parameter used elsewhere in the query. */
    public SqlFilter param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** Binds a value to a fresh parameter and returns its placeholder. */
    public String bind(Object value) {
        String name = "p" + params.size();
        params.put(name, value);
        return ":" + name;
    }

    /** The fragments joined by {@code and}; {@code true} when there is none. */
    public String conjunction() {
        return clauses.isEmpty() ? "true" : String.join(" and ", clauses);
    }

    /** {@code " where a and b"}, or nothing when there is no fragment. */
    public String whereClause() {
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    /** {@code " and a and b"}, to follow a condition of its own; nothing when there is no fragment. */
    public String andClauses() {
        return clauses.isEmpty() ? "" : " and " + String.join(" and ", clauses);
    }

    /** The bound values by parameter name, in the order bound (for Panache's {@code find}). */
    public Map<String, Object> params() {
        return Collections.unmodifiableMap(params);
    }

    /** Sets every bound value on the query. */
    public <Q extends Query> Q bindTo(Q query) {
        params.forEach(query::setParameter);
        return query;
    }
}
