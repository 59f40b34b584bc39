package ci.milie.directory;

/** What sort of public body an administration is. */
public enum AdministrationKind {
    MINISTRY,
    AGENCY,
    LOCAL_AUTHORITY,
    PUBLIC_COMPANY,
    OTHER
}
