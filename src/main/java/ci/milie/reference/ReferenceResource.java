package ci.milie.reference;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ci.milie.common.Secrets;
import ci.milie.directory.Regions;

/**
 * One document rather than one endpoint per list: an app fetches it once at start, keeps it, and
 * revalidates it with one conditional request an hour (304 while nothing changed).
 */
@Path("/reference")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data", description = "Codes and their French and English labels, for clients to cache")
public class ReferenceResource {

    static final int CACHE_SECONDS = 3600;

    private final Regions regions;
    private final ObjectMapper json;
    private final Map<String, List<ReferenceData.Item>> lists;

    ReferenceResource(Regions regions, ObjectMapper json) {
        this.regions = regions;
        this.json = json;
        // Built once: an enum value without its two labels stops the application at start.
        Labels labels = Labels.load();
        this.lists = ReferenceData.ENUMS.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> ReferenceData.items(e.getValue(), labels)));
    }

    @GET
    @PermitAll
    @Operation(summary = "Reference data: regions, districts and every code of the contract with its French and English labels",
            description = "No token. Cache it: the answer carries an ETag and Cache-Control public, max-age=3600; send "
                    + "the ETag back in If-None-Match to get 304 while nothing changed. Regions are data and may change "
                    + "without a release; the enums' lists change with the API version.")
    @APIResponse(responseCode = "200", description = "The reference data",
            headers = { @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferenceData.class)))
    @APIResponse(responseCode = "304", description = "Not modified: the copy named in If-None-Match is current",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Response getReferenceData(
            @HeaderParam("If-None-Match") @Parameter(description = "The ETag of the copy the client holds") String ifNoneMatch) {
        ReferenceData data = current();
        EntityTag tag = new EntityTag(etagOf(data));
        // If-None-Match only: the JAX-RS precondition check would also judge If-Match and answer a
        // bodiless 412, which a read has no use for.
        Response.ResponseBuilder response = matches(ifNoneMatch, tag) ? Response.notModified() : Response.ok(data);
        return response.tag(tag).header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + CACHE_SECONDS).build();
    }

    /** Whether If-None-Match names this ETag (weakly compared, as RFC 9110 asks for it) or is "*". */
    static boolean matches(String ifNoneMatch, EntityTag tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.strip();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals("*") || value.equals("\"" + tag.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }

    private ReferenceData current() {
        List<ReferenceData.RegionItem> regionItems = regions.all().stream()
                .map(r -> new ReferenceData.RegionItem(r.code(), r.nameFr(), r.nameEn(), r.kind(), r.districtCode(),
                        r.active()))
                .toList();
        List<ReferenceData.Item> districts = regions.districts().stream()
                .map(d -> new ReferenceData.Item(d.code(), d.nameFr(), d.nameEn())).toList();
        return new ReferenceData(regionItems, districts, lists.get("requestTypes"), lists.get("channels"),
                lists.get("statuses"), lists.get("eventTypes"), lists.get("rejectionReasons"),
                lists.get("satisfactionCriteria"), lists.get("stages"), lists.get("administrationKinds"));
    }

    /** The digest of the document itself: it changes when a label, a code or a region does, and only then. */
    private String etagOf(ReferenceData data) {
        try {
            return Secrets.sha256(json.writeValueAsString(data)).substring(0, 32);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
