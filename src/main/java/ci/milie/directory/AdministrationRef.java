package ci.milie.directory;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AdministrationRef", description = "An administration named by another resource")
public record AdministrationRef(UUID id, @Schema(examples = "ONECI") String code, String name) {

    static AdministrationRef of(Administration a) {
        return a == null ? null : new AdministrationRef(a.id(), a.code(), a.name());
    }
}
