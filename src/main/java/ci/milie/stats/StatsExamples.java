package ci.milie.stats;

/**
 * Examples of the statistics' JSON answers in the contract: one administration, the quarter of a
 * year, figures a client developer can lay a screen out with.
 */
final class StatsExamples {

    private static final String ADMINISTRATION_STATS = """
            {"administrationId": "a0000000-0000-4000-8000-000000000002", "code": "MSHPCMU",
             "name": "Ministère de la Santé, de l'Hygiène publique et de la Couverture maladie universelle",
             "received": 412, "answered": 377, "medianDaysToAcknowledge": 0.8, "p90DaysToAcknowledge": 2.1,
             "medianDaysToAnswer": 2.6, "p90DaysToAnswer": 6.4, "acknowledgementMetShare": 0.91,
             "answerMetShare": 0.78, "handbacks": 9, "reroutes": 4, "answersDelivered": 371, "ratings": 204,
             "averageRating": 3.9, "shareRated4or5": 0.68, "shareSatisfied": 0.72, "feedbackResponseRate": 0.55,
             "reopenRate": 0.04}""";

    private static final String OVERVIEW = """
            {"from": "2026-10-01T00:00:00Z", "to": "2027-01-01T00:00:00Z",
             "administrationId": "a0000000-0000-4000-8000-000000000002", "received": 412,
             "receivedByType": {"COMPLAINT": 351, "SUGGESTION": 38, "OBSERVATION": 23},
             "receivedByChannel": {"MOBILE": 228, "WEB": 131, "PHONE": 41, "USSD": 9, "SMS": 3},
             "receivedByCategory": {"SANTE-SOCIAL": 298, "ETAT-CIVIL": 114},
             "receivedByRegion": {"Abidjan": 233, "Gbêkê": 61, "": 118}, "answered": 377, "closed": 352,
             "rejected": 12, "rejectedByReason": {"OUT_OF_SCOPE": 7, "DUPLICATE": 5},
             "backlogByStatus": {"ROUTED": 6, "IN_PROGRESS": 21}, "overdueNow": 3}""";

    private static final String PREVIOUS_OVERVIEW = """
            {"from": "2026-07-01T00:00:00Z", "to": "2026-10-01T00:00:00Z",
             "administrationId": "a0000000-0000-4000-8000-000000000002", "received": 380,
             "receivedByType": {"COMPLAINT": 330, "SUGGESTION": 31, "OBSERVATION": 19},
             "receivedByChannel": {"MOBILE": 198, "WEB": 137, "PHONE": 38, "USSD": 5, "SMS": 2},
             "receivedByCategory": {"SANTE-SOCIAL": 271, "ETAT-CIVIL": 109},
             "receivedByRegion": {"Abidjan": 214, "Gbêkê": 52, "": 114}, "answered": 349, "closed": 331,
             "rejected": 10, "rejectedByReason": {"OUT_OF_SCOPE": 6, "DUPLICATE": 4},
             "backlogByStatus": {"ROUTED": 6, "IN_PROGRESS": 21}, "overdueNow": 3}""";

    static final String STATS_OVERVIEW = OVERVIEW;

    static final String ADMINISTRATIONS = """
            {"from": "2026-10-01T00:00:00Z", "to": "2027-01-01T00:00:00Z", "administrations": [""" + ADMINISTRATION_STATS
            + "]}";

    static final String CATEGORIES = """
            {"from": "2026-10-01T00:00:00Z", "to": "2027-01-01T00:00:00Z", "categories": [
             {"categoryId": "c0000000-0000-4000-8000-000000000011", "code": "ETAT-CIVIL", "label": "État civil",
              "received": 114, "answered": 102, "medianDaysToAcknowledge": 0.7, "p90DaysToAcknowledge": 1.9,
              "medianDaysToAnswer": 2.2, "p90DaysToAnswer": 5.0, "acknowledgementMetShare": 0.93,
              "answerMetShare": 0.81, "answersDelivered": 100, "ratings": 58, "averageRating": 4.1,
              "shareRated4or5": 0.74, "shareSatisfied": 0.77, "feedbackResponseRate": 0.58, "reopenRate": 0.03}]}""";

    static final String TIME_SERIES = """
            {"from": "2026-11-02T00:00:00Z", "to": "2026-11-16T00:00:00Z",
             "administrationId": null, "interval": "week", "points": [
             {"start": "2026-11-02", "received": 96, "answered": 81, "averageRating": 3.8, "ratings": 40},
             {"start": "2026-11-09", "received": 104, "answered": 90, "averageRating": 4.0, "ratings": 47}]}""";

    static final String QUARTERLY = """
            {"administrationId": "a0000000-0000-4000-8000-000000000002", "code": "MSHPCMU",
             "name": "Ministère de la Santé, de l'Hygiène publique et de la Couverture maladie universelle",
             "quarter": "2026-Q4", "previousQuarter": "2026-Q3",
             "current": {"from": "2026-10-01T00:00:00Z", "to": "2027-01-01T00:00:00Z", "overview": """ + OVERVIEW
            + ", \"performance\": " + ADMINISTRATION_STATS + "}, \"previous\": {\"from\": \"2026-07-01T00:00:00Z\", "
            + "\"to\": \"2026-10-01T00:00:00Z\", \"overview\": " + PREVIOUS_OVERVIEW
            + ", \"performance\": " + ADMINISTRATION_STATS + "}}";

    static final String PUBLIC_STATS = """
            {"from": "2026-10-31T00:00:00Z", "to": "2026-11-30T00:00:00Z", "minimumCount": 5,
             "administrations": [
              {"id": "a0000000-0000-4000-8000-000000000002", "code": "MSHPCMU",
               "name": "Ministère de la Santé, de l'Hygiène publique et de la Couverture maladie universelle",
               "received": 131, "answered": 118, "medianDaysToAnswer": 2.5, "shareWithinDeadline": 0.79,
               "averageRating": 3.9, "shareSatisfied": 0.71, "suppressed": false, "withheld": []},
              {"id": "a0000000-0000-4000-8000-000000000005", "code": "MFB", "name": "Ministère des Finances et du Budget",
               "received": 7, "answered": 6, "medianDaysToAnswer": 3.1, "shareWithinDeadline": 0.67,
               "averageRating": null, "shareSatisfied": null, "suppressed": true,
               "withheld": ["averageRating", "shareSatisfied"]}],
             "categories": [
              {"id": "c0000000-0000-4000-8000-000000000011", "code": "ETAT-CIVIL", "name": "État civil",
               "received": 38, "answered": 35, "medianDaysToAnswer": 2.2, "shareWithinDeadline": 0.83,
               "averageRating": 4.1, "shareSatisfied": 0.76, "suppressed": false, "withheld": []}],
             "rankingByResponsiveness": [
              {"rank": 1, "administrationId": "a0000000-0000-4000-8000-000000000002", "code": "MSHPCMU",
               "name": "Ministère de la Santé, de l'Hygiène publique et de la Couverture maladie universelle",
               "value": 0.79}],
             "rankingBySatisfaction": [
              {"rank": 1, "administrationId": "a0000000-0000-4000-8000-000000000002", "code": "MSHPCMU",
               "name": "Ministère de la Santé, de l'Hygiène publique et de la Couverture maladie universelle",
               "value": 0.71}]}""";

    private StatsExamples() {
    }
}
