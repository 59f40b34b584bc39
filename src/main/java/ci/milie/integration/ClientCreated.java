package ci.milie.integration;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What creating a client answers: the client, and its first secret, shown this once. */
@Schema(name = "IntegrationClientCreated")
public record ClientCreated(ClientView client, ClientSecretView secret) {
}
