package ci.milie.directory;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The three kinds of citizen request; a category says which of them it accepts. */
@Schema(name = "RequestType")
public enum RequestType {
    COMPLAINT,
    SUGGESTION,
    OBSERVATION
}
