package ci.milie.request;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** PUBLIC events make the citizen's timeline; INTERNAL ones only the staff's audit trail. */
@Schema(name = "Visibility")
public enum Visibility {
    PUBLIC, INTERNAL
}
