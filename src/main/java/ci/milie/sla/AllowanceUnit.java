package ci.milie.sla;

/** How an allowance is counted; a working day is 24 working hours (see {@link WorkingTime}). */
public enum AllowanceUnit {
    WORKING_DAYS,
    WORKING_HOURS
}
