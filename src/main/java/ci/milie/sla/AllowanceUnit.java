package ci.milie.sla;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How an allowance is counted; a working day is 24 working hours (see {@link WorkingTime}). */
@Schema(name = "AllowanceUnit")
public enum AllowanceUnit {
    WORKING_DAYS,
    WORKING_HOURS
}
