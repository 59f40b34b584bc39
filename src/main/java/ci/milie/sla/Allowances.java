package ci.milie.sla;

import ci.milie.directory.RequestType;
import ci.milie.request.Stage;

/** What one policy allows for each stage of a request. */
record Allowances(Allowance triage, Allowance acknowledgement, Allowance answer) {

    /**
     * OSEP's public promise, as seeded by V7__sla.sql: triage within a working day,
     * acknowledgement within two, an answer to a complaint within three (72 hours), to a
     * suggestion or an observation within ten. Used when no policy applies.
     */
    static Allowances builtIn(RequestType type) {
        return new Allowances(Allowance.days(1), Allowance.days(2),
                Allowance.days(type == RequestType.COMPLAINT ? 3 : 10));
    }

    Allowance of(Stage stage) {
        return switch (stage) {
            case TRIAGE -> triage;
            case ACKNOWLEDGEMENT -> acknowledgement;
            case ANSWER -> answer;
        };
    }
}
