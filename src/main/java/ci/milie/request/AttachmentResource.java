package ci.milie.request;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import ci.milie.common.Caller;
import ci.milie.common.Locations;

/**
 * The files of a request: photos and scans the citizen joins, documents staff add. Uploads are
 * multipart ({@code file} parts); the type is read from the bytes, never from the client.
 */
@Path("/requests/{id}/attachments")
@Tag(name = "Attachments")
public class AttachmentResource {

    static final String ACCESS_KEY_DOC = "The request's access key, for a citizen without a token";

    private final AttachmentService attachments;
    private final Caller caller;

    AttachmentResource(AttachmentService attachments, Caller caller) {
        this.attachments = attachments;
        this.caller = caller;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Join files (JPEG, PNG or PDF) to a request: its citizen (token or X-Access-Key), OSEP or the administration in charge")
    @APIResponse(responseCode = "201", description = "The files added, in the order sent; Location: the first one",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentView.class, type = SchemaType.ARRAY)))
    @RequestBody(description = "One or more parts named file (at most 5 files per request, 10 MB each, by default)", required = true)
    @APIResponse(responseCode = "403", description = "FORBIDDEN: supervisors and operators read files but do not add them")
    @APIResponse(responseCode = "409", description = "REQUEST_CLOSED (closed or rejected; names currentStatus), TOO_MANY_ATTACHMENTS or CONCURRENT_MODIFICATION")
    @APIResponse(responseCode = "413", description = "FILE_TOO_LARGE: a file over the size limit (10 MB by default); BODY_TOO_LARGE: a whole body over the HTTP limit (21 MB by default)")
    @APIResponse(responseCode = "415", description = "UNSUPPORTED_FILE_TYPE: a file whose content is not JPEG, PNG or PDF, whatever its name or Content-Type; "
            + "INVALID_FILE: not a whole, valid file of its type (truncated, damaged, bytes after its end, markup or a script in it, a PDF with JavaScript, actions or attached files); "
            + "FILE_TOO_COMPLEX: an image of more than 50 megapixels or a PDF of more than 100 pages, by default")
    public Response uploadAttachments(@PathParam("id") UUID id, @RestForm("file") List<FileUpload> file,
            @Parameter(description = ACCESS_KEY_DOC) @HeaderParam("X-Access-Key") String accessKey, UriInfo uri) {
        List<AttachmentService.Upload> uploads = file == null ? List.of()
                : file.stream().map(f -> new AttachmentService.Upload(f.fileName(), f.size(), f.uploadedFile())).toList();
        List<AttachmentView> added = attachments.upload(id, uploads, caller, accessKey);
        return Response.created(Locations.child(uri, added.get(0).id())).entity(added).build();
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The request's files, oldest first, for whoever may see the request (X-Access-Key for a citizen without a token)")
    @APIResponse(responseCode = "200", description = "The files' descriptions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentView.class, type = SchemaType.ARRAY)))
    public List<AttachmentView> listAttachments(@PathParam("id") UUID id,
            @Parameter(description = ACCESS_KEY_DOC) @HeaderParam("X-Access-Key") String accessKey) {
        return attachments.list(id, caller, accessKey);
    }

    @GET
    @Path("/{attachmentId}")
    @PermitAll
    @Produces({ "image/jpeg", "image/png", "application/pdf" })
    @Operation(summary = "Download one file, as an attachment with its stored type, for whoever may see the request")
    @APIResponse(responseCode = "200", description = "The file's bytes (Content-Disposition: attachment; X-Content-Type-Options: nosniff)",
            content = {
                    @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    public Response downloadAttachment(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId,
            @Parameter(description = ACCESS_KEY_DOC) @HeaderParam("X-Access-Key") String accessKey) {
        AttachmentService.Download file = attachments.download(id, attachmentId, caller, accessKey);
        return Response.ok(file.content(), file.contentType())
                .header("Content-Disposition", FileNames.attachmentDisposition(file.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .build();
    }
}
