package ci.milie.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The conformance check catches what a generated client would misread, and only that. */
class ContractConformanceTest {

    private static final String CONTRACT = """
            openapi: 3.1.0
            paths:
              /api/v1/tracking/{trackingCode}:
                get:
                  operationId: trackRequest
                  responses:
                    "200":
                      content:
                        application/json:
                          schema:
                            $ref: "#/components/schemas/TrackingView"
              /api/v1/tracking/mine:
                get:
                  operationId: listMine
                  responses:
                    "200":
                      content:
                        application/json:
                          schema:
                            type: array
                            items:
                              type: string
            components:
              schemas:
                Status:
                  type: string
                  enum: [RECEIVED, CLOSED]
                TrackingView:
                  type: object
                  properties:
                    trackingCode:
                      type: string
                    status:
                      $ref: "#/components/schemas/Status"
                    dueAt:
                      type: [string, "null"]
                    closedBy:
                      anyOf:
                      - $ref: "#/components/schemas/Status"
                      - type: "null"
                    counts:
                      type: object
                      additionalProperties:
                        type: integer
                  required: [trackingCode, status, counts]
            """;

    private final ContractConformance.Contract contract = new ContractConformance.Contract(read(CONTRACT));

    private static JsonNode read(String yaml) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> tracking(String body) {
        return contract.violations("GET", "/api/v1/tracking/MIL-7KQ2-9XD3", 200, "application/json", body);
    }

    @Test
    void aBodyAsDeclaredPasses() {
        assertEquals(List.of(), tracking("""
                {"trackingCode": "MIL-7KQ2-9XD3", "status": "RECEIVED", "dueAt": null, "closedBy": null, "counts": {"a": 2}}"""));
        assertEquals(List.of(), tracking("""
                {"trackingCode": "MIL-7KQ2-9XD3", "status": "CLOSED", "closedBy": "CLOSED", "counts": {}}"""));
    }

    @Test
    void aRequiredPropertyAbsentIsNamedWithItsPointer() {
        assertEquals(List.of("trackRequest 200 /status: required but absent"),
                tracking("{\"trackingCode\": \"MIL-7KQ2-9XD3\", \"counts\": {}}"));
    }

    @Test
    void nullWhereTheSchemaDoesNotAllowItIsCaught() {
        assertEquals(List.of("trackRequest 200 /trackingCode: null where the schema allows [string]"),
                tracking("{\"trackingCode\": null, \"status\": \"RECEIVED\", \"counts\": {}}"));
    }

    @Test
    void aValueOutsideItsEnumIsCaughtThroughAReferenceAndAnAnyOf() {
        List<String> violations = tracking("""
                {"trackingCode": "MIL-7KQ2-9XD3", "status": "LOST", "closedBy": "NOBODY", "counts": {}}""");
        assertEquals(2, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("trackRequest 200 /status: \"LOST\" is not one of"), violations.toString());
        assertTrue(violations.get(1).startsWith("trackRequest 200 /closedBy: \"NOBODY\" is not one of"), violations.toString());
    }

    @Test
    void anUndeclaredPropertyAndAWrongTypeAreCaught() {
        assertEquals(List.of("trackRequest 200 /counts/a: string where the schema wants [integer]",
                "trackRequest 200 /extra: not declared by the schema"),
                tracking("{\"trackingCode\": \"X\", \"status\": \"RECEIVED\", \"counts\": {\"a\": \"2\"}, \"extra\": 1}"));
    }

    @Test
    void aLiteralPathWinsOverATemplateAndUnknownPathsOrStatusesAreLeftAlone() {
        assertEquals(List.of("listMine 200 /1: number where the schema wants [string]"),
                contract.violations("GET", "/api/v1/tracking/mine", 200, "application/json", "[\"a\", 2]"));
        assertEquals(List.of(), contract.violations("GET", "/api/v1/elsewhere", 200, "application/json", "{}"));
        assertEquals(List.of(), contract.violations("GET", "/api/v1/tracking/X", 404, "application/json", "{}"));
    }
}
