package ci.milie.integration.open311;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ci.milie.common.ApiContract;
import ci.milie.common.Languages;
import ci.milie.common.ProblemException;
import ci.milie.identity.IgnoresBearerToken;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): the standard civic-tech clients and
 * city systems already speak. Each document in JSON or XML by the URL's extension; errors in the
 * specification's own format ({@link Open311Errors}); the api_key is an integration client's
 * secret, and bearer tokens play no part here. The contract's responses are completed by
 * {@link Open311Contract}.
 */
@Path("/open311/v2")
@PermitAll
@IgnoresBearerToken
@Tag(name = "Open311", description = "Open311 GeoReport v2: services, service requests and tokens, in JSON or XML, for existing civic-tech clients")
public class Open311Resource {

    static final String FORMAT = "{format: " + Open311Format.PATTERN + "}";
    private static final String FORMAT_DOC = "json or xml: the format of the answer (Accept is not read)";

    private final Open311Service open311;
    private final Open311Body body;

    Open311Resource(Open311Service open311, Open311Body body) {
        this.open311 = open311;
        this.body = body;
    }

    @GET
    @Path("discovery." + FORMAT)
    @Extension(name = ApiContract.OWN_ERRORS, value = "Open311 GeoReport v2")
    @Operation(summary = "Open311: service discovery (where GeoReport v2 is served, and in which formats)",
            description = "The specification's discovery document: the endpoint's URL as this call reached it, its formats, "
                    + "whom to contact and how to get an api_key.")
    public Response discoverOpen311(@Parameter(description = FORMAT_DOC, schema = @Schema(type = SchemaType.STRING, enumeration = { "json", "xml" })) @PathParam("format") String format, UriInfo uri) {
        Open311Format in = format(format);
        return body.response(200, in, "discovery", open311.discovery(base(uri)));
    }

    @GET
    @Path("services." + FORMAT)
    @Extension(name = ApiContract.OWN_ERRORS, value = "Open311 GeoReport v2")
    @Operation(summary = "Open311: the services (Miliê's active categories)",
            description = "service_code is the category's code; names and descriptions in the language of Accept-Language "
                    + "(French by default). metadata is true when services/{service_code} lists an attribute to send.")
    public Response listOpen311Services(@Parameter(description = FORMAT_DOC, schema = @Schema(type = SchemaType.STRING, enumeration = { "json", "xml" })) @PathParam("format") String format,
            @Parameter(description = "Optional; when sent, Miliê's (see discovery)", example = "milie.ci") @QueryParam("jurisdiction_id") String jurisdictionId) {
        Open311Format in = format(format);
        open311.checkJurisdiction(jurisdictionId);
        return body.response(200, in, "services", open311.services(Languages.ofCurrentRequest()));
    }

    @GET
    @Path("services/{service_code}." + FORMAT)
    @Extension(name = ApiContract.OWN_ERRORS, value = "Open311 GeoReport v2")
    @Operation(summary = "Open311: what a service takes besides the standard fields",
            description = "The attribute TYPE (the kind of request) when the category takes several kinds; an empty list otherwise.")
    public Response describeOpen311Service(@Parameter(description = FORMAT_DOC, schema = @Schema(type = SchemaType.STRING, enumeration = { "json", "xml" })) @PathParam("format") String format,
            @Parameter(description = "A service_code of services", example = "ETAT-CIVIL") @PathParam("service_code") String serviceCode,
            @Parameter(description = "Optional; when sent, Miliê's", example = "milie.ci") @QueryParam("jurisdiction_id") String jurisdictionId) {
        Open311Format in = format(format);
        open311.checkJurisdiction(jurisdictionId);
        return body.response(200, in, "service_definition", open311.definition(serviceCode, Languages.ofCurrentRequest())
                .orElseThrow(() -> ProblemException.notFound("NOT_FOUND.service")));
    }

    @POST
    @Path("requests." + FORMAT)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Extension(name = ApiContract.OWN_ERRORS, value = "Open311 GeoReport v2")
    @Operation(summary = "Open311: submit a service request (an integration client's api_key with the submit permission)",
            description = "Form-encoded, as the specification says. The request goes through Miliê's intake like any other: "
                    + "a complaint needs an email or a phone, and its receipt (tracking code and access key) goes there. "
                    + "media_url is fetched at once (public https servers only; JPEG, PNG or PDF within the attachments' size) "
                    + "and kept as the citizen's file; a refused one refuses the request. Send an Idempotency-Key to retry "
                    + "safely. 201 with Location: requests/{service_request_id}.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = { "api_key", "service_code" }, properties = {
                    @SchemaProperty(name = "api_key", type = SchemaType.STRING, description = "An integration client's secret, with the submit permission"),
                    @SchemaProperty(name = "jurisdiction_id", type = SchemaType.STRING, description = "Optional; when sent, Miliê's"),
                    @SchemaProperty(name = "service_code", type = SchemaType.STRING, description = "A service_code of services", examples = "ETAT-CIVIL"),
                    @SchemaProperty(name = "description", type = SchemaType.STRING, description = "10 to 5000 characters; its first line is the request's subject"),
                    @SchemaProperty(name = "lat", type = SchemaType.NUMBER, description = "Latitude, with long", examples = "5.336"),
                    @SchemaProperty(name = "long", type = SchemaType.NUMBER, description = "Longitude, with lat", examples = "-4.087"),
                    @SchemaProperty(name = "address_string", type = SchemaType.STRING, description = "At most 100 characters; a part "
                            + "naming a region (\"…, Yopougon, Abidjan\") sets the request's region"),
                    @SchemaProperty(name = "address", type = SchemaType.STRING, description = "The older name of address_string"),
                    @SchemaProperty(name = "address_id", type = SchemaType.STRING, description = "Not used: Miliê keeps no address register"),
                    @SchemaProperty(name = "email", type = SchemaType.STRING, description = "Where the receipt and the answer go; a complaint needs an email or a phone"),
                    @SchemaProperty(name = "phone", type = SchemaType.STRING, description = "An Ivorian phone number", examples = "+2250701020304"),
                    @SchemaProperty(name = "first_name", type = SchemaType.STRING, examples = "Awa"),
                    @SchemaProperty(name = "last_name", type = SchemaType.STRING, examples = "Traoré"),
                    @SchemaProperty(name = "device_id", type = SchemaType.STRING, description = "Sent by mobile apps: the request's channel is then MOBILE (else WEB)"),
                    @SchemaProperty(name = "account_id", type = SchemaType.STRING, description = "Not used"),
                    @SchemaProperty(name = "media_url", type = SchemaType.STRING, description = "A JPEG, PNG or PDF on a public https server"),
                    @SchemaProperty(name = "attribute[TYPE]", type = SchemaType.STRING, description = "The kind of request, when the "
                            + "service lists the attribute (COMPLAINT by default); attribute[TYPE][] is read too",
                            enumeration = { "COMPLAINT", "SUGGESTION", "OBSERVATION" }) }),
            examples = @ExampleObject(name = "complaint", value = """
                    {"api_key": "mcs_q3XvYb1l0u9cE2mZ7kP4sR8tW6nA5dF0hJ3gL1oI2yU", "service_code": "ETAT-CIVIL",
                     "description": "Extrait de naissance demandé il y a 3 mois, toujours rien.", "email": "awa@example.ci",
                     "first_name": "Awa", "last_name": "Traoré", "address_string": "Yopougon, Abidjan"}""")))
    public Response submitOpen311Request(@Parameter(description = FORMAT_DOC, schema = @Schema(type = SchemaType.STRING, enumeration = { "json", "xml" })) @PathParam("format") String format,
            MultivaluedMap<String, String> form,
            @Parameter(description = "The api_key, for clients that send it in the query string rather than the form "
                    + "(the form's wins)", example = "mcs_q3XvYb1l0u9cE2mZ7kP4sR8tW6nA5dF0hJ3gL1oI2yU") @QueryParam("api_key") String queryApiKey,
            @Parameter(description = "Optional: the same key on every retry of one submission returns the same request",
                    example = "3f0e8b52-6c1d-4a97-b0f4-7d2e9a1c5b36") @HeaderParam("Idempotency-Key") String idempotencyKey,
            UriInfo uri) {
        Open311Format in = format(format);
        if (idempotencyKey != null && !idempotencyKey.matches("[\\x21-\\x7e]{8,100}")) {
            throw ProblemException.invalid("Idempotency-Key", "field.idempotencyKey");
        }
        Open311Service.Filed filed = open311.submit(form, queryApiKey, idempotencyKey, Languages.ofCurrentRequest());
        URI location = uri.getBaseUriBuilder().path("open311/v2/requests/" + filed.submitted().serviceRequestId() + "."
                + in.name().toLowerCase(java.util.Locale.ROOT)).build();
        Response.ResponseBuilder answer = Response.created(location).type(in.mediaType())
                .entity(body.write(in, "service_requests", List.of(filed.submitted())));
        if (filed.replayed()) {
            answer.header("Idempotent-Replayed", "true");
        }
        return answer.build();
    }

    @GET
    @Path("requests." + FORMAT)
    @Extension(name = ApiContract.OWN_ERRORS, value = "Open311 GeoReport v2")
    @Operation(summary = "Open311: service requests, by id or (with an api_key that reads) by period",
            description = "With service_request_id (tracking codes, comma-separated, at most 50), those requests and "
                    + "nothing else, as the public tracking page shows them: no description, address, coordinates or media "
                    + "unless the api_key's client may read the request (requests:read: OSEP's clients all, an "
                    + "administration's its own). Without it, a listing by period (start_date and end_date, at most 90 days "
                    + "apart; the last 90 days by default), service_code and status, newest first, page_size at a time (100 "
                    + "by default, at most 1000): only for such a client, empty for anyone else, so that tracking codes are "
                    + "never handed out.")
    @Parameter(name = "service_request_id", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING), description = "Tracking codes, comma-separated or repeated (at most 50)", example = "MIL-7KQ2-9XD3,MIL-3PQR-8STV")
    @Parameter(name = "service_code", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING), description = "Service codes, comma-separated", example = "ETAT-CIVIL")
    @Parameter(name = "start_date", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING), description = "Earliest requested_datetime (ISO-8601; a date is its midnight UTC)", example = "2026-11-01T00:00:00Z")
    @Parameter(name = "end_date", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING), description = "Latest requested_datetime, exclusive (ISO-8601)", example = "2026-11-30T00:00:00Z")
    @Parameter(name = "status", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING), description = "open, closed, or both comma-separated", example = "open")
    @Parameter(name = "page", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER, minimum = "1"), description = "Page number, from 1", example = "1")
    @Parameter(name = "page_size", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000"), description = "Requests per page, 1 to 1000 (100 by default)", example = "100")
    @Parameter(name = "api_key", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING), description = "An integration client's secret; with requests:read, more fields and listings", example = "mcs_q3XvYb1l0u9cE2mZ7kP4sR8tW6nA5dF0hJ3gL1oI2yU")
    @Parameter(name = "jurisdiction_id", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING), description = "Optional; when sent, Miliê's", example = "milie.ci")
    public Response listOpen311Requests(@Parameter(description = FORMAT_DOC, schema = @Schema(type = SchemaType.STRING, enumeration = { "json", "xml" })) @PathParam("format") String format, UriInfo uri) {
        Open311Format in = format(format);
        return body.response(200, in, "service_requests",
                open311.requests(uri.getQueryParameters(), base(uri), Languages.ofCurrentRequest()));
    }

    @GET
    @Path("requests/{service_request_id}." + FORMAT)
    @Extension(name = ApiContract.OWN_ERRORS, value = "Open311 GeoReport v2")
    @Operation(summary = "Open311: one service request (in a list of one, as the specification says)",
            description = "As the public tracking page shows it; with an api_key whose client may read the request, also "
                    + "its description, address, coordinates and first file. Unknown codes count towards the tracking "
                    + "page's guessing limit.")
    public Response getOpen311Request(@Parameter(description = FORMAT_DOC, schema = @Schema(type = SchemaType.STRING, enumeration = { "json", "xml" })) @PathParam("format") String format,
            @Parameter(description = "The tracking code", example = "MIL-7KQ2-9XD3") @PathParam("service_request_id") String id,
            @Parameter(description = "An integration client's secret (optional)", example = "mcs_q3XvYb1l0u9cE2mZ7kP4sR8tW6nA5dF0hJ3gL1oI2yU") @QueryParam("api_key") String apiKey,
            @Parameter(description = "Optional; when sent, Miliê's", example = "milie.ci") @QueryParam("jurisdiction_id") String jurisdictionId,
            UriInfo uri) {
        Open311Format in = format(format);
        return body.response(200, in, "service_requests",
                open311.request(id, apiKey, jurisdictionId, base(uri), Languages.ofCurrentRequest()));
    }

    @GET
    @Path("tokens/{token}." + FORMAT)
    @Extension(name = ApiContract.OWN_ERRORS, value = "Open311 GeoReport v2")
    @Operation(summary = "Open311: the service_request_id of a token",
            description = "Miliê answers submissions at once (type realtime), so a client never needs a token; this resolves "
                    + "the request's id (as webhooks and Miliê's API give it) to its tracking code.")
    public Response getOpen311Token(@Parameter(description = FORMAT_DOC, schema = @Schema(type = SchemaType.STRING, enumeration = { "json", "xml" })) @PathParam("format") String format,
            @Parameter(description = "The request's id", example = "9d2f4c1a-3b6e-4f7a-8c5d-1e2f3a4b5c6d") @PathParam("token") String token,
            @Parameter(description = "Optional; when sent, Miliê's", example = "milie.ci") @QueryParam("jurisdiction_id") String jurisdictionId) {
        Open311Format in = format(format);
        return body.response(200, in, "service_requests", open311.token(token, jurisdictionId));
    }

    private static Open311Format format(String extension) {
        return Open311Format.of(extension).orElseThrow(() -> ProblemException.notFound("NOT_FOUND.path"));
    }

    /** Miliê's API as this request reached it: {@code https://api.milie.ci/api/v1}. */
    private static String base(UriInfo uri) {
        String api = uri.getBaseUri().toString();
        return api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
    }
}
