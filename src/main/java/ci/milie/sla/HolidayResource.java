package ci.milie.sla;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import ci.milie.common.Locations;
import ci.milie.common.Page;
import ci.milie.common.Roles;

@Path("/holidays")
@Tag(name = "SLA")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HolidayResource {

    static final String HOLIDAY_EXAMPLE = """
            {"date": "2026-08-07", "nameFr": "Fête nationale de l'Indépendance", "nameEn": "Independence Day",
             "dayOfWeek": "FRIDAY", "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z"}""";

    private final HolidayService service;

    HolidayResource(HolidayService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({ Roles.SYSADMIN, Roles.OSEP, Roles.SUPERVISOR })
    @Operation(summary = "List public holidays",
            description = "The days no deadline clock runs on (besides weekends), in date order, one page at a time.")
    @APIResponse(responseCode = "200", description = "One page of holidays")
    public Page<HolidayView> listHolidays(
            @Parameter(description = "Only the holidays of this year", schema = @Schema(type = SchemaType.INTEGER, examples = "2026"))
            @QueryParam("year") String year,
            @Parameter(description = "nextCursor of the previous page")
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500")
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return service.list(Holidays.year(year, "year"), cursor, limit);
    }

    @GET
    @Path("/{date}")
    @RolesAllowed({ Roles.SYSADMIN, Roles.OSEP, Roles.SUPERVISOR })
    @Operation(summary = "Get a public holiday", description = "404 NOT_FOUND when that day is not a public holiday.")
    @APIResponse(responseCode = "200", description = "The holiday",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HolidayView.class),
                    examples = @ExampleObject(name = "holiday", value = HOLIDAY_EXAMPLE)))
    public HolidayView getHoliday(
            @Parameter(description = "The day, as YYYY-MM-DD", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @PathParam("date") String date) {
        return service.get(Holidays.date(date, "date"));
    }

    @POST
    @RolesAllowed(Roles.SYSADMIN)
    @Operation(summary = "Add a public holiday",
            description = "Deadlines computed from now on skip it; deadlines already set are not moved. Every "
                    + "instance sees it within MILIE_SLA_CALENDAR_REFRESH, this one at once.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateHolidayCommand.class), examples = @ExampleObject(name = "Tabaski", value = """
                    {"date": "2026-05-27", "nameFr": "Tabaski", "nameEn": "Eid al-Adha"}""")))
    @APIResponse(responseCode = "201", description = "Added; Location names the new holiday",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HolidayView.class),
                    examples = @ExampleObject(name = "holiday", value = HOLIDAY_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "There is already a holiday on that date (DUPLICATE_HOLIDAY)")
    public RestResponse<HolidayView> createHoliday(@Valid @NotNull CreateHolidayCommand command, UriInfo uri) {
        HolidayView created = service.create(command);
        return RestResponse.ResponseBuilder.<HolidayView>created(Locations.child(uri, created.date()))
                .entity(created).build();
    }

    @DELETE
    @Path("/{date}")
    @RolesAllowed(Roles.SYSADMIN)
    @Operation(summary = "Remove a public holiday", description = "Deadlines computed from now on count that day again; "
            + "deadlines already set are not moved.")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: that day is not a public holiday")
    @APIResponse(responseCode = "204", description = "Removed")
    public void deleteHoliday(
            @Parameter(description = "The day, as YYYY-MM-DD", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @PathParam("date") String date) {
        service.delete(Holidays.date(date, "date"));
    }
}
