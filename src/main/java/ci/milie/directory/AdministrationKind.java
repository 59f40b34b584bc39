package ci.milie.directory;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What sort of public body an administration is. */
@Schema(name = "AdministrationKind")
public enum AdministrationKind {
    MINISTRY,
    AGENCY,
    LOCAL_AUTHORITY,
    PUBLIC_COMPANY,
    OTHER
}
