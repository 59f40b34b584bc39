package ci.milie.integration.open311;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The documents of GeoReport v2, element for element and in the specification's order; the XML
 * form is written from the same records ({@link Open311Body}). Datetimes are strings: ISO-8601 in
 * UTC without fractional seconds, as the specification's examples are.
 */
final class Open311Views {

    static final String DATETIME = "ISO-8601 in UTC, without fractional seconds";

    private Open311Views() {
    }

    @Schema(name = "Open311Discovery", description = "Service discovery: where GeoReport v2 is served and in which formats")
    @JsonPropertyOrder({ "changeset", "contact", "key_service", "endpoints" })
    record Discovery(
            @Schema(description = "When this document last changed (" + DATETIME + ")", examples = "2026-11-30T00:00:00Z") String changeset,
            @Schema(description = "Who to contact about this API", examples = "OSEP, intégrations Miliê : integrations@milie.ci") String contact,
            @JsonProperty("key_service") @Schema(description = "How to get an api_key", examples = "Ask OSEP for an integration client with the submit permission: integrations@milie.ci") String keyService,
            List<Endpoint> endpoints) {
    }

    @Schema(name = "Open311Endpoint")
    @JsonPropertyOrder({ "specification", "url", "changeset", "type", "formats" })
    record Endpoint(
            @Schema(examples = "http://wiki.open311.org/GeoReport_v2") String specification,
            @Schema(description = "The base URL; append e.g. services.json", examples = "https://api.milie.ci/api/v1/open311/v2") String url,
            @Schema(examples = "2026-11-30T00:00:00Z") String changeset,
            @Schema(enumeration = { "production", "test" }) String type,
            @Schema(examples = "[\"text/xml\", \"application/json\"]") List<String> formats) {
    }

    @Schema(name = "Open311Service", description = "A service request type: one active category of Miliê")
    @JsonPropertyOrder({ "service_code", "service_name", "description", "metadata", "type", "keywords", "group" })
    record Service(
            @JsonProperty("service_code") @Schema(description = "The category's code", examples = "ETAT-CIVIL") String serviceCode,
            @JsonProperty("service_name") @Schema(description = "The category's label in the reader's language", examples = "État civil") String serviceName,
            @Schema(examples = "Actes de naissance, de mariage et de décès") String description,
            @Schema(description = "Whether services/{service_code} lists attributes to send") boolean metadata,
            @Schema(description = "Always realtime: the request's id comes back at once", enumeration = "realtime") String type,
            @Schema(description = "Comma-separated: the code and the label in the other language", examples = "ETAT-CIVIL, Civil status") String keywords,
            @Schema(description = "The theme the category belongs to (its own label for a theme)", examples = "Administration générale") String group) {
    }

    @Schema(name = "Open311ServiceDefinition", description = "What a service takes besides the standard fields")
    @JsonPropertyOrder({ "service_code", "attributes" })
    record ServiceDefinition(
            @JsonProperty("service_code") @Schema(examples = "ETAT-CIVIL") String serviceCode,
            @Schema(description = "Empty when the service takes nothing more") List<Attribute> attributes) {
    }

    @Schema(name = "Open311Attribute")
    @JsonPropertyOrder({ "variable", "code", "datatype", "required", "datatype_description", "order", "description", "values" })
    record Attribute(
            @Schema(description = "true: the client sends a value (attribute[code])") boolean variable,
            @Schema(examples = "TYPE") String code,
            @Schema(enumeration = { "string", "number", "datetime", "text", "singlevaluelist", "multivaluelist" }) String datatype,
            boolean required,
            @JsonProperty("datatype_description") @Schema(type = SchemaType.STRING, nullable = true, examples = "Réclamation si rien n'est envoyé") String datatypeDescription,
            @Schema(examples = "1") int order,
            @Schema(examples = "Nature de la demande") String description,
            @Schema(description = "The choices of a list; empty for other datatypes") List<Value> values) {
    }

    @Schema(name = "Open311AttributeValue")
    @JsonPropertyOrder({ "key", "name" })
    record Value(@Schema(examples = "COMPLAINT") String key, @Schema(examples = "Réclamation") String name) {
    }

    @Schema(name = "Open311Submitted", description = "The request just created")
    @JsonPropertyOrder({ "service_request_id", "service_notice", "account_id" })
    record Submitted(
            @JsonProperty("service_request_id") @Schema(description = "The tracking code", examples = "MIL-7KQ2-9XD3") String serviceRequestId,
            @JsonProperty("service_notice") @Schema(examples = "Demande reçue : conservez le code MIL-7KQ2-9XD3.") String serviceNotice,
            @JsonProperty("account_id") @Schema(type = SchemaType.STRING, nullable = true, description = "Always null: Miliê links no account to what a partner files") String accountId) {
    }

    @Schema(name = "Open311ServiceRequest", description = "A request. Without an api_key allowed to read it: only what the "
            + "public tracking page shows (description, address, coordinates and media are null)")
    @JsonPropertyOrder({ "service_request_id", "status", "status_notes", "service_name", "service_code", "description",
            "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address",
            "address_id", "zipcode", "lat", "long", "media_url" })
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ServiceRequest(
            @JsonProperty("service_request_id") @Schema(description = "The tracking code", examples = "MIL-7KQ2-9XD3") String serviceRequestId,
            @Schema(enumeration = { "open", "closed" }, description = "closed once answered, closed or rejected; open again if the citizen disputes the answer") String status,
            @JsonProperty("status_notes") @Schema(type = SchemaType.STRING, nullable = true, description = "The latest step of the public timeline", examples = "Réponse transmise") String statusNotes,
            @JsonProperty("service_name") @Schema(examples = "État civil") String serviceName,
            @JsonProperty("service_code") @Schema(examples = "ETAT-CIVIL") String serviceCode,
            @Schema(type = SchemaType.STRING, nullable = true) String description,
            @JsonProperty("agency_responsible") @Schema(type = SchemaType.STRING, nullable = true, description = "The administration in charge, once routed", examples = "Mairie de Yopougon") String agencyResponsible,
            @JsonProperty("service_notice") @Schema(type = SchemaType.STRING, nullable = true, examples = "Réponse attendue au plus tard le 2026-12-15.") String serviceNotice,
            @JsonProperty("requested_datetime") @Schema(description = DATETIME, examples = "2026-11-28T09:15:00Z") String requestedDatetime,
            @JsonProperty("updated_datetime") @Schema(description = DATETIME, examples = "2026-11-29T14:02:11Z") String updatedDatetime,
            @JsonProperty("expected_datetime") @Schema(type = SchemaType.STRING, nullable = true, description = "The current deadline (" + DATETIME + ")", examples = "2026-12-15T09:15:00Z") String expectedDatetime,
            @Schema(type = SchemaType.STRING, nullable = true, examples = "Yopougon, Abidjan") String address,
            @JsonProperty("address_id") @Schema(type = SchemaType.STRING, nullable = true, description = "Always null") String addressId,
            @Schema(type = SchemaType.STRING, nullable = true, description = "Always null: Côte d'Ivoire has no postal codes in use") String zipcode,
            @Schema(type = SchemaType.NUMBER, nullable = true, examples = "5.336") Double lat,
            @JsonProperty("long") @Schema(type = SchemaType.NUMBER, nullable = true, examples = "-4.087") Double longitude,
            @JsonProperty("media_url") @Schema(type = SchemaType.STRING, nullable = true, description = "The citizen's first file (Miliê's API; a token of the reader's client opens it)") String mediaUrl) {
    }

    @Schema(name = "Open311Token")
    @JsonPropertyOrder({ "service_request_id", "token" })
    record Token(
            @JsonProperty("service_request_id") @Schema(examples = "MIL-7KQ2-9XD3") String serviceRequestId,
            @Schema(examples = "9d2f4c1a-3b6e-4f7a-8c5d-1e2f3a4b5c6d") String token) {
    }

    @Schema(name = "Open311Error")
    @JsonPropertyOrder({ "code", "description" })
    record Error(@Schema(description = "The HTTP status", examples = "400") int code,
            @Schema(examples = "service_code: is not a known service") String description) {
    }
}
