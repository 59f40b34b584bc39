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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import ci.milie.common.ApiSecurity;
import ci.milie.common.Caller;
import ci.milie.common.Locations;

/**
 * The files of a request: photos and scans the citizen joins, documents staff add. Uploads are
 * multipart ({@code file} parts); the type is read from the bytes, never from the client.
 */
@Path("/requests/{id}/attachments")
@Tag(name = "Attachments", description = "Photos and scans (JPEG, PNG, PDF) joined to a request, checked by content")
public class AttachmentResource {

    static final String ACCESS_KEY_DOC = RequestResource.ACCESS_KEY_DOC;

    private final AttachmentService attachments;
    private final Caller caller;

    AttachmentResource(AttachmentService attachments, Caller caller) {
        this.attachments = attachments;
        this.caller = caller;
    }

    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.BEARER))
    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.ACCESS_KEY))
    @POST
    @PermitAll
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Join files (JPEG, PNG or PDF) to a request: its citizen (token or X-Access-Key), OSEP or the administration in charge",
            description = "Multipart, one part named file per file; all or none are added. The type is read from the "
                    + "bytes and each file is checked whole, whatever its name or Content-Type says. Until the request is "
                    + "closed or rejected; at most 5 files per request by default. Each file appears in the timeline "
                    + "(ATTACHMENT_ADDED): public when the citizen added it, internal when staff did.")
    @APIResponse(responseCode = "201", description = "The files added, in the order sent; Location: the first one",
            headers = @Header(name = "Location", description = "The first file added", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentList.class),
                    examples = @ExampleObject(name = "added", value = """
                            {"items": [{"id": "c7a1e2d3-4b5f-4e6a-9b8c-0d1e2f3a4b5c", "fileName": "recu.pdf",
                              "contentType": "application/pdf", "size": 48213,
                              "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                              "uploadedAt": "2026-11-28T09:20:00Z", "uploadedBy": "citizen"}]}""")))
    @RequestBody(description = "One or more parts named file (at most 5 files per request, 10 MB each, by default), "
            + "as curl sends them with -F 'file=@recu.pdf' -F 'file=@guichet.jpg'", required = true)
    @APIResponse(responseCode = "403", description = "FORBIDDEN: supervisors and operators read files but do not add them")
    @APIResponse(responseCode = "409", description = "REQUEST_CLOSED (closed or rejected; names currentStatus), TOO_MANY_ATTACHMENTS or CONCURRENT_MODIFICATION")
    @APIResponse(responseCode = "413", description = "FILE_TOO_LARGE: a file over the size limit (10 MB by default); BODY_TOO_LARGE: a whole body over the HTTP limit (21 MB by default)")
    @APIResponse(responseCode = "415", description = "UNSUPPORTED_FILE_TYPE: a file whose content is not JPEG, PNG or PDF, whatever its name or Content-Type; "
            + "INVALID_FILE: not a whole, valid file of its type (truncated, damaged, bytes after its end, markup or a script in it, a PDF with JavaScript, actions or attached files); "
            + "FILE_TOO_COMPLEX: an image of more than 50 megapixels or a PDF of more than 100 pages, by default")
    public Response uploadAttachments(@PathParam("id") @Parameter(description = RequestResource.ID_DOC) UUID id, @RestForm("file") List<FileUpload> file,
            @Parameter(description = ACCESS_KEY_DOC) @HeaderParam("X-Access-Key") String accessKey, UriInfo uri) {
        List<AttachmentService.Upload> uploads = file == null ? List.of()
                : file.stream().map(f -> new AttachmentService.Upload(f.fileName(), f.size(), f.uploadedFile())).toList();
        List<AttachmentView> added = attachments.upload(id, uploads, caller, accessKey);
        return Response.created(Locations.child(uri, added.get(0).id())).entity(new AttachmentList(added)).build();
    }

    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.BEARER))
    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.ACCESS_KEY))
    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The request's files, oldest first, for whoever may see the request (X-Access-Key for a citizen without a token)",
            description = "For whoever may read the request (see getRequest); the citizen sees the files they added, "
                    + "staff see all. Descriptions only: the bytes are at downloadAttachment. Not paged (at most a few files).")
    @APIResponse(responseCode = "200", description = "The files' descriptions, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentList.class)))
    public AttachmentList listAttachments(@PathParam("id") @Parameter(description = RequestResource.ID_DOC) UUID id,
            @Parameter(description = ACCESS_KEY_DOC) @HeaderParam("X-Access-Key") String accessKey) {
        return new AttachmentList(attachments.list(id, caller, accessKey));
    }

    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.BEARER))
    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.ACCESS_KEY))
    @GET
    @Path("/{attachmentId}")
    @PermitAll
    @Produces({ "image/jpeg", "image/png", "application/pdf" })
    @Operation(summary = "Download one file, as an attachment with its stored type, for whoever may see the request",
            description = "The bytes as stored, with the type decided at upload, always as a download (never shown inline). "
                    + "404 NOT_FOUND when the caller may not see the request or this file.")
    @APIResponse(responseCode = "200", description = "The file's bytes (Content-Disposition: attachment; X-Content-Type-Options: nosniff)",
            content = {
                    @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    public Response downloadAttachment(@PathParam("id") @Parameter(description = RequestResource.ID_DOC) UUID id,
            @PathParam("attachmentId") @Parameter(description = "The file's id, from listAttachments") UUID attachmentId,
            @Parameter(description = ACCESS_KEY_DOC) @HeaderParam("X-Access-Key") String accessKey) {
        AttachmentService.Download file = attachments.download(id, attachmentId, caller, accessKey);
        return Response.ok(file.content(), file.contentType())
                .header("Content-Disposition", FileNames.attachmentDisposition(file.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .build();
    }

    /** Files as an object rather than a bare array, so that fields can be added later. */
    @Schema(name = "AttachmentList")
    public record AttachmentList(@Schema(required = true) List<AttachmentView> items) {
    }
}
